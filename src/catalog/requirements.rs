//! Every role's requirements, own and inherited, merged once when the catalog is built,
//! with what scoring needs of them: how many are essential, and the role's total weight.

use std::borrow::Cow;

use petgraph::graph::{DiGraph, NodeIndex};

use super::position::{RoleAt, SkillAt};
use crate::error::{Error, Result};
use crate::model::{Importance, Level, Role, Weights};
use crate::util::graph;
use crate::util::table::Table;

/// The most requirements all roles may have in all, own and inherited through `extends`
/// (merged, each skill once per role). The official ESCO release has 124,000, O*NET about
/// 90,000; a chain of `extends` gives each role every requirement before it, quadratic in
/// its length, and past this limit a catalog is refused rather than built.
pub const MAX_MERGED_REQUIREMENTS: usize = 4_000_000;

/// The error for merged requirements over the limit.
fn too_many(found: usize) -> Error {
    Error::TooLarge {
        what: "catalog (requirements merged through `extends`)",
        found,
        limit: MAX_MERGED_REQUIREMENTS,
        unit: "requirements",
    }
}

/// A requirement with its skill as a position: the form scoring works on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Req {
    pub skill: SkillAt,
    pub need: Level,
    pub importance: Importance,
    pub weight: Option<f64>,
}

impl Req {
    /// This requirement merged with another on the same skill: the stricter level, the
    /// higher importance, the larger explicit weight.
    fn merge(&mut self, other: &Req) {
        self.need = self.need.max(other.need);
        self.importance = self.importance.max(other.importance);
        self.weight = match (self.weight, other.weight) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
}

/// What a role's total weight `Σ wᵢ` is made of: the explicit weights, and how many
/// requirements of each importance have none.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct WeightParts {
    /// Requirements without an explicit weight, by importance index.
    counts: [u32; 3],
    /// The sum of explicit weights.
    explicit: f64,
}

impl WeightParts {
    /// `Σ wᵢ` under `weights`: the one place a role's total weight is computed.
    fn total(&self, weights: &Weights) -> f64 {
        let w = Importance::ALL.map(|i| weights.of(i));
        self.explicit
            + (f64::from(self.counts[0]) * w[0]
                + f64::from(self.counts[1]) * w[1]
                + f64::from(self.counts[2]) * w[2])
    }
}

/// Every role's total weight under one policy's weights.
#[derive(Debug, Clone)]
pub(crate) struct Totals<'c> {
    /// By role position.
    pub values: Cow<'c, [f64]>,
    /// Whether every total is 0 or in `10⁻²⁹⁰..=10²⁹⁰`: then `bar·total` with `bar` 0 or
    /// in `10⁻¹⁰..=1` is 0 or a normal, finite number (the ranking's pruning relies on it).
    pub tame: bool,
}

impl Totals<'_> {
    fn new(values: Cow<'_, [f64]>) -> Totals<'_> {
        let tame = values
            .iter()
            .all(|&t| t == 0.0 || (1e-290..=1e290).contains(&t));
        Totals { values, tame }
    }
}

/// Merged requirements by role, and what scoring needs of them.
#[derive(Debug, Clone)]
pub(crate) struct Requirements {
    /// Per role, its requirements, own and inherited, merged, sorted by skill.
    merged: Table<Req>,
    /// Per role, how many of them are essential.
    essentials: Vec<u32>,
    parts: Vec<WeightParts>,
    /// The totals under the default weights, kept since nearly every assessment uses them
    /// (computing them and checking them tame is about 20,000 instructions for 3,000
    /// roles, more than a tenth of scoring a profile).
    default_totals: Totals<'static>,
}

impl Requirements {
    /// Merges every role's own requirements with those of the roles it extends
    /// (`extends`: an edge from a role to each role it extends), with skills found by
    /// `skill_at`. Unknown skills are left out (validation reported them).
    ///
    /// Roles are merged after the roles they extend (Kahn's order), each from its own
    /// requirements and its parents' merged ones: O(Σ merged requirements over the
    /// `extends` edges). Validation has rejected cycles (a role on one would be left
    /// without requirements).
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when the merged requirements of all roles would exceed
    /// [`MAX_MERGED_REQUIREMENTS`]: a long `extends` chain gives each role all the
    /// requirements before it, quadratic in the chain's length.
    pub fn build(
        roles: &[Role],
        extends: &DiGraph<(), ()>,
        skill_at: impl Fn(&str) -> Option<SkillAt>,
    ) -> Result<Requirements> {
        // Each role's merged requirements from its own and those of the roles it extends,
        // merged first: linear in the merged requirements, where a search from each role
        // through everything it reaches was quadratic on a long chain (20,000 roles
        // extending one another took 1.8 s).
        let mut rows: Vec<Vec<Req>> = vec![Vec::new(); roles.len()];
        let mut total = 0usize;
        for r in graph::after_successors(extends) {
            let mut list: Vec<Req> = roles[r]
                .requirements()
                .iter()
                .filter_map(|q| {
                    skill_at(q.skill().as_str()).map(|skill| Req {
                        skill,
                        need: q.level(),
                        importance: q.importance(),
                        weight: q.weight(),
                    })
                })
                .collect();
            for p in extends.neighbors(NodeIndex::new(r)) {
                list.extend_from_slice(&rows[p.index()]);
            }
            if total + list.len() > MAX_MERGED_REQUIREMENTS {
                return Err(too_many(total + list.len()));
            }
            list.sort_by_key(|q| q.skill);
            list.dedup_by(|later, kept| {
                let same = later.skill == kept.skill;
                if same {
                    kept.merge(later);
                }
                same
            });
            total += list.len();
            rows[r] = list;
        }
        let merged = Table::from_rows(rows);
        Ok(Requirements::from_merged(merged))
    }

    fn from_merged(merged: Table<Req>) -> Requirements {
        let essentials: Vec<u32> = merged
            .rows()
            .map(|rs| {
                rs.iter()
                    .filter(|q| q.importance == Importance::Essential)
                    .count() as u32
            })
            .collect();
        let parts: Vec<WeightParts> = merged
            .rows()
            .map(|rs| {
                let mut p = WeightParts::default();
                for q in rs {
                    match q.weight {
                        Some(w) => p.explicit += w,
                        None => p.counts[q.importance.index()] += 1,
                    }
                }
                p
            })
            .collect();
        let default_totals = Totals::new(Cow::Owned(
            parts.iter().map(|p| p.total(&Weights::default())).collect(),
        ));
        Requirements {
            merged,
            essentials,
            parts,
            default_totals,
        }
    }

    /// Adds preferred credentials to the roles' total weights: per role, `plain` weigh as
    /// optional requirements and `explicit` is the sum of their explicit weights.
    pub fn with_preferred(
        mut self,
        preferred: impl IntoIterator<Item = (RoleAt, u32, f64)>,
    ) -> Requirements {
        let mut changed = false;
        for (r, plain, explicit) in preferred {
            let parts = &mut self.parts[r.get()];
            parts.counts[Importance::Optional.index()] += plain;
            parts.explicit += explicit;
            changed = true;
        }
        if changed {
            self.default_totals = Totals::new(Cow::Owned(
                self.parts
                    .iter()
                    .map(|p| p.total(&Weights::default()))
                    .collect(),
            ));
        }
        self
    }

    /// The number of roles.
    pub fn len(&self) -> usize {
        self.merged.len()
    }

    /// A role's merged requirements, by skill.
    pub fn of(&self, role: RoleAt) -> &[Req] {
        self.merged.row(role.get())
    }

    /// How many of a role's requirements are essential.
    pub fn essentials(&self, role: RoleAt) -> u32 {
        self.essentials[role.get()]
    }

    /// A role's total weight `Σ wᵢ` under `weights`, preferred credentials included.
    pub fn total(&self, role: RoleAt, weights: &Weights) -> f64 {
        self.parts[role.get()].total(weights)
    }

    /// Every role's total weight under `weights`.
    pub fn totals(&self, weights: &Weights) -> Totals<'_> {
        if *weights == Weights::default() {
            Totals {
                values: Cow::Borrowed(&self.default_totals.values),
                tame: self.default_totals.tame,
            }
        } else {
            Totals::new(Cow::Owned(
                self.parts.iter().map(|p| p.total(weights)).collect(),
            ))
        }
    }
}
