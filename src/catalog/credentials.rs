//! Every role's credential requirements, own and inherited through `extends`, kept for
//! the few roles that have any; and what a profile's credentials earn on them.

use petgraph::graph::{DiGraph, NodeIndex};

use super::position::RoleAt;
use crate::model::{Credential, CredentialRequirement, Importance, Programme, Role, Weights};

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
    /// through `extends` (an edge from a role to each role it extends). Only roles that
    /// reach a role with credentials are walked beyond their own.
    pub fn build(roles: &[Role], extends: &DiGraph<(), ()>) -> CredentialIndex {
        if roles.iter().all(|r| r.credentials().is_empty()) {
            return CredentialIndex::default();
        }
        let mut out = Vec::new();
        let mut seen = vec![usize::MAX; roles.len()];
        for r in 0..roles.len() {
            let mut merged: Vec<CredentialRequirement> = Vec::new();
            let mut stack = vec![r];
            seen[r] = r;
            while let Some(x) = stack.pop() {
                for c in roles[x].credentials() {
                    if !merged.contains(c) {
                        merged.push(c.clone());
                    }
                }
                for p in extends.neighbors(NodeIndex::new(x)) {
                    if std::mem::replace(&mut seen[p.index()], r) != r {
                        stack.push(p.index());
                    }
                }
            }
            if !merged.is_empty() {
                out.push((RoleAt::at(r), merged));
            }
        }
        CredentialIndex { roles: out }
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

    /// What `held` earns on role `role` under `weights`.
    pub fn terms(&self, role: RoleAt, held: &[Credential], weights: &Weights) -> CredentialTerms {
        terms(self.of(role), held, weights)
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
