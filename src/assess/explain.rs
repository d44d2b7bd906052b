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
    /// skill id order. The contributions sum to the score, with those of the role's
    /// preferred credentials ([`Assessment::credentials`]) when it has any.
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

/// Why a role fits a profile as it does: see [`Assessment::explain_fit`].
///
/// Serialized as `{"score", "usage", "fit", "used": [{"skill", "level"}], "unused":
/// [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FitExplanation<'c> {
    /// Readiness: the role's score.
    pub score: f64,
    /// The share of the profile's levels the role uses.
    pub usage: f64,
    /// `2·score·usage / (score + usage)`.
    pub fit: f64,
    /// The profile's skills the role requires, with the levels counted, by skill id.
    #[serde(serialize_with = "serialize_levels")]
    pub used: Vec<(&'c Skill, f64)>,
    /// The profile's skills it does not require, by skill id.
    #[serde(serialize_with = "serialize_levels")]
    pub unused: Vec<(&'c Skill, f64)>,
}

fn serialize_levels<S: serde::Serializer>(
    levels: &[(&Skill, f64)],
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Entry<'a> {
        skill: &'a crate::model::SkillId,
        level: f64,
    }
    serializer.collect_seq(levels.iter().map(|(s, level)| Entry {
        skill: s.id(),
        level: *level,
    }))
}

impl<'c> Assessment<'c> {
    /// Explains a role's fit: its readiness, the share of the profile it uses (`Σ` levels
    /// of the profile's skills it requires `/ Σ` levels of all the profile's skills, after
    /// recency and transfer), their harmonic mean, and which of the profile's skills it
    /// uses and leaves unused.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) when the
    /// catalog has no such role.
    pub fn explain_fit(&self, role: impl AsRef<str>) -> Result<FitExplanation<'c>> {
        let score = self.role(role.as_ref())?;
        let r = self.catalog.find_role_or_err(role.as_ref())?;
        let reqs = self.catalog.merged_requirements().of(r);
        let (mut used, mut unused) = (Vec::new(), Vec::new());
        for h in self.levels.have.iter().filter(|h| h.level > 0.0) {
            let entry = (self.catalog.skill_at(h.skill), h.level);
            if reqs.binary_search_by_key(&h.skill, |q| q.skill).is_ok() {
                used.push(entry);
            } else {
                unused.push(entry);
            }
        }
        Ok(FitExplanation {
            score: score.score(),
            usage: score.usage(),
            fit: score.fit(),
            used,
            unused,
        })
    }
}
