//! Every role's credential requirements, own and inherited through `extends`, kept for
//! the few roles that have any; and what a profile's credentials earn on them.

use petgraph::graph::{DiGraph, NodeIndex};

use super::position::RoleAt;
use crate::error::{Error, Result};
use crate::model::{Credential, CredentialRequirement, Importance, Programme, Role, Weights};
use crate::util::graph;

/// The most credential requirements all roles may have once merged with those of the
/// roles they extend (each role's own and inherited ones, each once), as
/// [`MAX_MERGED_REQUIREMENTS`](super::MAX_MERGED_REQUIREMENTS) for skills: a chain of
/// roles each with a credential of its own merges n²/2. Lower than that limit, since each
/// merged credential is a copy with its texts (a few hundred bytes).
pub const MAX_MERGED_CREDENTIALS: usize = 1_000_000;

/// What a profile's credentials earn on one role: the preferred credentials' share of
/// the score's numerator, and the gates met.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct CredentialTerms {
    /// `Σ w_c` over the preferred credentials held.
    pub earned: f64,
    /// Required credentials (gates) met.
    pub gates_met: u32,
    /// Required credentials in all.
    pub gates: u32,
    /// Whether every preferred credential is held.
    pub all_preferred: bool,
}

/// The roles with credential requirements, by position, with their requirements merged.
#[derive(Debug, Clone, Default)]
pub(crate) struct CredentialIndex {
    /// Roles with credentials, ascending, with their own and inherited requirements
    /// (each once, own first).
    roles: Vec<(RoleAt, Vec<CredentialRequirement>)>,
}

impl CredentialTerms {
    /// The terms of a role without credentials: nothing earned, no gates, every
    /// preferred credential (none) held.
    pub const NONE: CredentialTerms = CredentialTerms {
        earned: 0.0,
        gates_met: 0,
        gates: 0,
        all_preferred: true,
    };
}

impl CredentialIndex {
    /// Merges each role's credential requirements with those of the roles it reaches
    /// through `extends` (an edge from a role to each role it extends): its own first,
    /// then each extended role's merged ones, each requirement once. Roles are merged after
    /// the roles they extend (Kahn's order), so the work is linear in the merged lists
    /// rather than a search from every role (quadratic on a long chain).
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] past [`MAX_MERGED_CREDENTIALS`] merged requirements in all (a
    /// chain of roles each with a credential of its own is quadratic in its length).
    pub fn build(roles: &[Role], extends: &DiGraph<(), ()>) -> Result<CredentialIndex> {
        if roles.iter().all(|r| r.credentials().is_empty()) {
            return Ok(CredentialIndex::default());
        }
        let mut merged: Vec<Vec<CredentialRequirement>> = vec![Vec::new(); roles.len()];
        let mut total = 0usize;
        for r in graph::after_successors(extends) {
            // Own first, then each extended role's (already distinct): an inherited
            // requirement is compared only with those from the sources before its own,
            // linear on a chain.
            let mut list: Vec<CredentialRequirement> = Vec::new();
            for c in roles[r].credentials() {
                if !list.contains(c) {
                    list.push(c.clone());
                }
            }
            for p in extends.neighbors(NodeIndex::new(r)) {
                let before = list.len();
                for c in &merged[p.index()] {
                    if !list[..before].contains(c) {
                        list.push(c.clone());
                    }
                }
                if total + list.len() > MAX_MERGED_CREDENTIALS {
                    return Err(Error::TooLarge {
                        what: "catalog (credentials merged through `extends`)",
                        found: total + list.len(),
                        limit: MAX_MERGED_CREDENTIALS,
                        unit: "credential requirements",
                    });
                }
            }
            total += list.len();
            merged[r] = list;
        }
        let roles = merged
            .into_iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .map(|(r, list)| (RoleAt::at(r), list))
            .collect();
        Ok(CredentialIndex { roles })
    }

    /// The roles with credentials, ascending, with their merged requirements.
    pub fn roles(&self) -> &[(RoleAt, Vec<CredentialRequirement>)] {
        &self.roles
    }

    /// A role's merged credential requirements (empty for most roles).
    pub fn of(&self, role: RoleAt) -> &[CredentialRequirement] {
        self.roles
            .binary_search_by_key(&role, |e| e.0)
            .map_or(&[], |i| &self.roles[i].1)
    }

    /// The preferred credentials of each role as weight parts: per role with any, the
    /// number without an explicit weight (they weigh as optional requirements) and the
    /// sum of the explicit weights.
    pub fn preferred_parts(&self) -> impl Iterator<Item = (RoleAt, u32, f64)> + '_ {
        self.roles.iter().filter_map(|(r, reqs)| {
            let preferred = reqs.iter().filter(|c| !c.is_gate());
            let (mut plain, mut explicit, mut any) = (0u32, 0.0, false);
            for c in preferred {
                any = true;
                match c.weight() {
                    Some(w) => explicit += w,
                    None => plain += 1,
                }
            }
            any.then_some((*r, plain, explicit))
        })
    }
}

/// What `held` earns on the requirements `reqs` under `weights`.
pub(crate) fn terms(
    reqs: &[CredentialRequirement],
    held: &[Credential],
    weights: &Weights,
) -> CredentialTerms {
    let mut t = CredentialTerms {
        all_preferred: true,
        ..CredentialTerms::default()
    };
    for c in reqs {
        let met = c.met_by(held).is_some();
        if c.is_gate() {
            t.gates += 1;
            t.gates_met += u32::from(met);
        } else if met {
            t.earned += preferred_weight(c, weights);
        } else {
            t.all_preferred = false;
        }
    }
    t
}

/// The weight of a preferred credential: its own, else that of an optional requirement.
pub(crate) fn preferred_weight(c: &CredentialRequirement, weights: &Weights) -> f64 {
    weights.of_requirement(c.weight(), Importance::Optional)
}

/// The programme that confers a credential satisfying `requirement` in the fewest hours
/// (ties by id; programmes are in id order), if any.
pub(crate) fn programme_for<'c>(
    programmes: &'c [Programme],
    requirement: &CredentialRequirement,
) -> Option<&'c Programme> {
    programmes
        .iter()
        .filter(|p| p.confers().iter().any(|c| requirement.accepts(c)))
        .min_by(|a, b| a.hours().total_cmp(&b.hours()))
}
