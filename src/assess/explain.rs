//! Explanations: each requirement's share of a role's score.

use serde::Serialize;

use super::Assessment;
use crate::error::Result;
use crate::model::{Importance, Level, Skill};

/// Where a level the assessment counts comes from.
///
/// Serialized as `{"kind": "profile"}`, `{"kind": "transfer", "from": skill id,
/// "factor"}` or `{"kind": "missing"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source<'c> {
    /// The profile's own entry (after any recency discount).
    Profile,
    /// Transfer from a related skill: its level times `factor`.
    Transfer {
        /// The related skill the profile has.
        #[serde(serialize_with = "crate::model::serialize_id")]
        from: &'c Skill,
        /// The transfer factor.
        factor: f64,
    },
    /// The profile has nothing that counts for this skill.
    Missing,
}

/// One requirement's share of a role's score.
///
/// Serialized as `{"skill": id, "need", "have", "source", "importance", "weight",
/// "credit", "contribution"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Contribution<'c> {
    /// The skill required.
    #[serde(serialize_with = "crate::model::serialize_id")]
    pub skill: &'c Skill,
    /// The level required.
    pub need: Level,
    /// The level the profile counts for.
    pub have: f64,
    /// Where `have` comes from.
    pub source: Source<'c>,
    /// The requirement's importance.
    pub importance: Importance,
    /// Its weight under the policy (1 for every requirement of a role whose weights are
    /// all 0: they then count alike).
    pub weight: f64,
    /// `min(1, have / need)` (or 0/1 without partial credit).
    pub credit: f64,
    /// `weight × credit / Σ weights`: the contributions of a role sum to its score.
    pub contribution: f64,
}

impl<'c> Assessment<'c> {
    /// Explains a role's score: one contribution per requirement (own and inherited), in
    /// skill id order. The contributions sum to the score.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) when the
    /// catalog has no such role.
    pub fn explain(&self, role: impl AsRef<str>) -> Result<Vec<Contribution<'c>>> {
        let role = role.as_ref();
        let catalog = self.catalog;
        let r = catalog.find_role_or_err(role)?;
        let reqs = catalog.merged_requirements().of(r);
        let total = catalog.merged_requirements().total(r, &self.policy.weights);
        // With every weight 0, every requirement counts alike (see the scoring formula).
        let (total, even) = if total > 0.0 {
            (total, false)
        } else {
            (reqs.len() as f64, true)
        };
        Ok(reqs
            .iter()
            .map(|q| {
                let (have, source) = match self.levels.get(q.skill) {
                    Some(h) => (h.level, h.source(catalog)),
                    None => (0.0, Source::Missing),
                };
                let credit = self.policy.credit(have, q.need.as_f64());
                let weight = if even {
                    1.0
                } else {
                    self.policy.weights.of_requirement(q.weight, q.importance)
                };
                Contribution {
                    skill: catalog.skill_at(q.skill),
                    need: q.need,
                    have,
                    source,
                    importance: q.importance,
                    weight,
                    credit,
                    contribution: weight * credit / total,
                }
            })
            .collect())
    }
}
