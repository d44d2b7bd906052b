//! The scoring policy: importance weights, partial credit, transfer and recency.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Weights, MAX_QUANTITY};

/// Discount for skills not used for years.
///
/// A skill last used `age = current_year − last_used` years ago keeps its full level for
/// `grace_years`, then loses `decay_per_year` of it per further year, down to `floor`:
/// `factor = max(floor, 1 − decay_per_year × max(0, age − grace_years))`.
/// Entries without `last_used` are not discounted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Recency {
    /// The year ages are measured from. Give it explicitly so results are reproducible.
    pub current_year: i32,
    /// Years without loss (default 2).
    pub grace_years: u32,
    /// Share of the level lost per year after the grace period (default 0.1).
    pub decay_per_year: f64,
    /// The lowest factor (default 0.5).
    pub floor: f64,
}

impl Recency {
    /// The default discount, measured from `current_year`.
    pub fn new(current_year: i32) -> Self {
        Recency {
            current_year,
            grace_years: 2,
            decay_per_year: 0.1,
            floor: 0.5,
        }
    }

    /// The factor applied to a level last used in `last_used`.
    pub fn factor(&self, last_used: i32) -> f64 {
        let age = i64::from(self.current_year) - i64::from(last_used) - i64::from(self.grace_years);
        if age <= 0 {
            1.0
        } else {
            (1.0 - self.decay_per_year * age as f64).max(self.floor)
        }
    }
}

/// How profiles are scored against roles.
///
/// ```
/// use skillgap::Policy;
/// use skillgap::assess::Recency;
///
/// let mut policy = Policy::default();
/// policy.partial_credit = false;
/// policy.recency = Some(Recency::new(2026));
/// policy.validate()?;
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Policy {
    /// Weights of the importances, used where a requirement has no explicit weight.
    pub weights: Weights,
    /// Credit `have / need` for a level below the need (default `true`); when `false`, a
    /// requirement counts only once met.
    pub partial_credit: bool,
    /// Count related skills' levels times their transfer factor (default `true`).
    pub transfer: bool,
    /// Discount skills not used for years (default `None`: no discount).
    pub recency: Option<Recency>,
    /// How [`Assessment::roles`](super::Assessment::roles), `top` and `best` order the
    /// roles (default [`Rank::Fit`]). Gaps and plans are about a chosen target and use
    /// readiness whatever this says.
    pub rank: Rank,
}

/// The order of roles in an assessment's ranking.
///
/// **Why fit by default.** The ranking answers "which roles suit me?". Readiness alone
/// (the share of a role's requirements met) favours the role whose requirements are the
/// most generic: among near-duplicate occupations (ESCO's "import export manager in"
/// twenty kinds of goods), the one with fewest specific skills wins whatever the person's
/// specialty. Fit also asks how much of the person's profile the role uses, so the
/// variant whose specific skills the person has comes first. "How far am I from this
/// target?" is readiness: [`RoleScore::score`](super::RoleScore::score), gaps and plans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rank {
    /// By [`RoleScore::fit`](super::RoleScore::fit), then role id.
    #[default]
    Fit,
    /// By readiness, [`RoleScore::score`](super::RoleScore::score), then role id.
    Readiness,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            weights: Weights::default(),
            partial_credit: true,
            transfer: true,
            recency: None,
            rank: Rank::Fit,
        }
    }
}

impl Policy {
    /// Checks that every number is in its domain.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`] naming the first field out of its domain: weights in
    /// `0..=1e9` ([`MAX_QUANTITY`](crate::model::MAX_QUANTITY)), `decay_per_year` and
    /// `floor` in `0.0..=1.0`.
    pub fn validate(&self) -> Result<()> {
        let checks = [
            ("weights.essential", self.weights.essential),
            ("weights.important", self.weights.important),
            ("weights.optional", self.weights.optional),
        ];
        for (field, value) in checks {
            if !(0.0..=MAX_QUANTITY).contains(&value) {
                return Err(Error::InvalidPolicy {
                    field,
                    value,
                    expected: "a number in 0..=1e9",
                });
            }
        }
        if let Some(r) = &self.recency {
            for (field, value) in [
                ("recency.decay_per_year", r.decay_per_year),
                ("recency.floor", r.floor),
            ] {
                if !(0.0..=1.0).contains(&value) {
                    return Err(Error::InvalidPolicy {
                        field,
                        value,
                        expected: "a number in 0..=1",
                    });
                }
            }
        }
        Ok(())
    }

    /// A requirement's credit for a level `have` against a need `need` (above 0):
    /// `min(1, have / need)` with partial credit, else 1 when met and 0 when not. The one
    /// place the credit is computed: scoring, explanations and the career questions call
    /// it.
    #[inline]
    pub(crate) fn credit(&self, have: f64, need: f64) -> f64 {
        if have >= need {
            1.0
        } else if self.partial_credit {
            have / need
        } else {
            0.0
        }
    }

    /// The level a profile entry counts for after the recency discount.
    pub(crate) fn discounted(&self, level: f64, last_used: Option<i32>) -> f64 {
        match (self.recency, last_used) {
            (Some(r), Some(year)) => level * r.factor(year),
            _ => level,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recency_keeps_grace_then_decays_to_floor() {
        let r = Recency::new(2026);
        assert_eq!(r.factor(2025), 1.0);
        assert_eq!(r.factor(2024), 1.0);
        assert!((r.factor(2023) - 0.9).abs() < 1e-12);
        assert_eq!(r.factor(1990), 0.5);
        assert_eq!(r.factor(2030), 1.0);
    }

    #[test]
    fn validate_names_the_bad_field() {
        let mut p = Policy::default();
        p.weights.important = f64::NAN;
        let e = p.validate().unwrap_err().to_string();
        assert!(e.contains("weights.important"), "{e}");
        let p = Policy {
            recency: Some(Recency {
                floor: 2.0,
                ..Recency::new(2026)
            }),
            ..Policy::default()
        };
        assert!(p
            .validate()
            .unwrap_err()
            .to_string()
            .contains("recency.floor"));
    }
}
