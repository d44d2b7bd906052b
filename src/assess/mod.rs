//! Assessment: a profile scored against every role of a catalog, each score explained,
//! and the gaps toward any role in priority and learning order.
//!
//! # Scoring
//!
//! For a role with (merged) requirements *i*:
//!
//! ```text
//! score   = Σ wᵢ · creditᵢ / Σ wᵢ                       (in 0..=1)
//! creditᵢ = min(1, haveᵢ / needᵢ)                      (partial credit; 0 or 1 without it)
//! haveᵢ   = max(own level × recency factor,
//!               max over related skills r: level(r) × transfer(r))
//! ```
//!
//! `wᵢ` is the requirement's explicit weight, else its importance's weight under the
//! [`Policy`].
//!
//! # Credentials
//!
//! A role's credential requirements ([`CredentialRequirement`](crate::model::CredentialRequirement))
//! are either gates or preferences. A **preferred** credential counts like an optional
//! requirement met or not, with its explicit weight or the policy's optional weight `w_c`:
//!
//! ```text
//! score = (Σ wᵢ · creditᵢ + Σ_c w_c · held_c) / (Σ wᵢ + Σ_c w_c)     held_c ∈ {0, 1}
//! ```
//!
//! A **required** credential (a gate) does not count in the score: the role is *ready*
//! only when every gate is held, whatever the score ([`RoleScore::gates`],
//! [`Assessment::credentials`] for which are met and missing). Credentials are matched by
//! [`Credential::satisfies`](crate::model::Credential::satisfies). Their terms are added
//! per role after the walk of the index, for the few roles that have credentials.
//!
//! A role is *ready* when every essential requirement is met and every gate held; a role meeting
//! every requirement scores exactly 1, whatever the rounding of the sums. When all of a
//! role's weights are 0, every requirement counts alike (the score is the mean credit).
//! Scores are rounded to 12 decimal places, so that scores equal on paper are equal as
//! numbers whatever the order of the sums. Roles rank by fit (readiness combined with the
//! share of the profile a role uses; [`RoleScore::fit`]) or by score, as the policy's
//! [`Rank`] says, descending, ties by id. [`Assessment::explain`] gives each
//! requirement's share; the shares sum to the score.
//!
//! # Complexity
//!
//! [`Assessor::assess`] resolves the profile's names (one hash lookup each, or one
//! normalisation), then walks the catalog's skill → requirements index from each skill the
//! profile counts for, adding a run's credit to every role in the run: O(p + Σ postings of
//! the profile's skills + r) for p profile entries and r roles (one accumulator per role
//! is cleared). Scores are divided out on demand: [`Assessment::top`] with a small `k`
//! skips every role that provably cannot enter.
//!
//! # Gaps
//!
//! See [`Gaps`]: unmet requirements and, transitively, their unmet prerequisites, by
//! `priority = weight × (need − have) / need` and in learning order (Kahn 1962).

mod batch;
mod cohort;
mod credentials;
mod explain;
pub(crate) mod gaps;
mod have;
mod policy;
mod rank;
mod report;
mod score;

use std::sync::OnceLock;

use crate::catalog::{Catalog, RoleAt, SkillAt};
use crate::error::{Error, Result, Warning};
use crate::model::{Profile, Skill};
use have::Levels;
use score::Scores;

pub use batch::{BatchOptions, BatchStream, ProfileResult, STREAM_CHUNK};
pub use cohort::{Candidate, Cohort, CohortReadiness, CommonGap, Quantiles};
pub use credentials::CredentialCheck;
pub use explain::{Contribution, FitExplanation, Source};
pub use gaps::{ByPriority, Gap, Gaps, ImpliedBy, LearningOrder};
pub use policy::{Policy, Rank, Recency};
pub use report::Report;
pub use score::RoleScore;

/// Scores profiles against a catalog's roles.
///
/// ```
/// use skillgap::{Catalog, Level, Policy, Profile};
/// use skillgap::assess::Assessor;
///
/// let catalog = Catalog::builtin();
/// let profile = Profile::new().with_skill("Python", Level::ADVANCED);
/// let mut policy = Policy::default();
/// policy.transfer = false;
/// let assessment = Assessor::new(catalog).policy(policy).strict(true).assess(&profile)?;
/// assert_eq!(assessment.roles().len(), catalog.roles().len());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Assessor<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    strict: bool,
}

impl<'c> Assessor<'c> {
    /// An assessor with the default [`Policy`], not strict.
    pub fn new(catalog: &'c Catalog) -> Self {
        Assessor {
            catalog,
            policy: Policy::default(),
            strict: false,
        }
    }

    /// Sets the scoring policy.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// In strict mode a profile skill that resolves to no catalog skill, or that could be
    /// any of several (an alias they share), is an error; otherwise it is a warning and
    /// left out of scoring.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// In strict mode, the error for a profile whose warnings include unresolved skills.
    fn check_strict(&self, warnings: &[Warning]) -> Result<()> {
        let unresolved = |w: &&Warning| {
            matches!(
                w,
                Warning::UnresolvedSkill { .. } | Warning::AmbiguousSkill { .. }
            )
        };
        if self.strict && warnings.iter().any(|w| unresolved(&w)) {
            return Err(Error::UnresolvedSkills {
                unresolved: warnings.iter().filter(unresolved).cloned().collect(),
            });
        }
        Ok(())
    }

    /// Scores `profile` against every role.
    ///
    /// Profile names resolve by id, name or alias, exactly or after meaning-preserving
    /// normalisation ([`Catalog::resolve_skill`]), never by a fuzzy guess; the recency
    /// discount and transfer apply; then every role's score accumulates through the
    /// catalog's skill → requirements index (see the [module docs](self)). Scores are
    /// divided out and ranked on demand: [`Assessment::top`], [`Assessment::roles`],
    /// [`Assessment::role`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`] for a policy out of its domain; in strict mode
    /// [`Error::UnresolvedSkills`] when profile skills do not resolve to one skill each.
    pub fn assess(&self, profile: &Profile) -> Result<Assessment<'c>> {
        self.policy.validate()?;
        let (levels, warnings) = Levels::of(self.catalog, &self.policy, profile);
        self.check_strict(&warnings)?;
        let scores = Scores::new(self.catalog, &self.policy, &levels);
        Ok(Assessment {
            catalog: self.catalog,
            policy: self.policy.clone(),
            levels,
            scores,
            ranked: OnceLock::new(),
            warnings,
            scratch: gaps::ScratchPool::default(),
        })
    }
}

/// A profile scored against every role of a catalog.
#[derive(Debug, Clone)]
pub struct Assessment<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    /// The levels the profile counts for.
    levels: Levels,
    /// What the profile earns on each role.
    scores: Scores<'c>,
    /// The full ranking, sorted on first use.
    ranked: OnceLock<Vec<RoleScore<'c>>>,
    warnings: Vec<Warning>,
    /// Working memory of gap computations.
    scratch: gaps::ScratchPool,
}

impl<'c> Assessment<'c> {
    /// The score of one role.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn role(&self, id: impl AsRef<str>) -> Result<RoleScore<'c>> {
        let id = id.as_ref();
        Ok(self.score_at(self.catalog.find_role_or_err(id)?))
    }

    /// Problems with the profile that did not stop the assessment (unresolved or repeated
    /// skills), in profile order.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The catalog assessed against.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The policy used.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The level the profile counts for on a skill (after discount and transfer), by id.
    pub fn level_of(&self, skill: impl AsRef<str>) -> f64 {
        let skill = skill.as_ref();
        self.catalog
            .find_skill(skill)
            .map_or(0.0, |s| self.have_of(s))
    }

    /// Where the level counted on a skill comes from: the profile's own entry, transfer
    /// from a related skill (which, and the factor), or nothing.
    ///
    /// ```
    /// use skillgap::assess::Source;
    /// use skillgap::{Catalog, Level, Profile};
    ///
    /// let catalog = Catalog::builtin();
    /// let assessment = catalog.assess(&Profile::new().with_skill("Python", Level::ADVANCED))?;
    /// match assessment.level_source("programming") {
    ///     Source::Transfer { from, .. } => assert_eq!(from.name(), "Python"),
    ///     other => panic!("expected transfer, got {other:?}"),
    /// }
    /// assert_eq!(assessment.level_source("python"), Source::Profile);
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    pub fn level_source(&self, skill: impl AsRef<str>) -> Source<'c> {
        self.catalog
            .find_skill(skill.as_ref())
            .and_then(|s| self.levels.get(s))
            .map_or(Source::Missing, |h| h.source(self.catalog))
    }

    /// Every skill the profile counts for, with the level and its source, by skill id.
    pub fn levels(&self) -> impl Iterator<Item = (&'c Skill, f64, Source<'c>)> + '_ {
        self.levels.have.iter().map(move |h| {
            (
                self.catalog.skill_at(h.skill),
                h.level,
                h.source(self.catalog),
            )
        })
    }

    /// The credentials the profile holds.
    pub(crate) fn held_credentials(&self) -> &[crate::model::Credential] {
        &self.levels.credentials
    }

    /// The level the profile counts for on a skill, by position.
    pub(crate) fn have_of(&self, skill: SkillAt) -> f64 {
        self.levels.of_skill(skill)
    }

    /// The levels the profile counts for, one per catalog skill (0 where none).
    pub(crate) fn dense_levels(&self) -> Vec<f64> {
        let mut levels = vec![0.0; self.catalog.skills().len()];
        for h in &self.levels.have {
            levels[h.skill.get()] = h.level;
        }
        levels
    }

    /// The score of role `r`.
    fn score_at(&self, r: RoleAt) -> RoleScore<'c> {
        self.scores.of(r, &self.levels, &self.policy)
    }

    /// `Σ wᵢ·creditᵢ / Σ wᵢ` for role `r`.
    fn score_value(&self, r: RoleAt) -> f64 {
        self.scores.value(r, &self.levels, &self.policy)
    }

    /// The gaps toward a role: its unmet requirements and their unmet prerequisites
    /// (implied gaps), by priority and in learning order.
    ///
    /// `priority = weight × (need − have) / need`, descending, ties by skill id. An implied
    /// gap takes the largest weight among the gaps implying it.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn gaps(&self, role: impl AsRef<str>) -> Result<Gaps<'c>> {
        let role = role.as_ref();
        let r = self.catalog.find_role_or_err(role)?;
        Ok(self.gaps_at(r))
    }

    /// The gaps toward a scored role (from [`Assessment::top`] or
    /// [`Assessment::roles`]), as [`Assessment::gaps`] gives them, without looking the
    /// role up by id.
    ///
    /// ```
    /// use skillgap::{Catalog, Level, Profile};
    ///
    /// let catalog = Catalog::builtin();
    /// let profile = Profile::new().with_skill("python", Level::ADVANCED);
    /// let assessment = catalog.assess(&profile)?;
    /// for scored in assessment.top(3) {
    ///     let gaps = assessment.gaps_for(&scored)?;
    ///     assert_eq!(gaps, assessment.gaps(scored.role().id().as_str())?);
    /// }
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] when the score comes from another catalog that has a role
    /// this one lacks (a score from another catalog is looked up by its role's id).
    pub fn gaps_for(&self, score: &RoleScore<'_>) -> Result<Gaps<'c>> {
        match self.catalog.roles().get(score.at.get()) {
            Some(role) if std::ptr::eq(role, score.role) => Ok(self.gaps_at(score.at)),
            _ => self.gaps(score.role.id().as_str()),
        }
    }

    /// The gaps toward role `role`.
    pub(crate) fn gaps_at(&self, role: RoleAt) -> Gaps<'c> {
        gaps::toward_role(
            self.catalog,
            &self.policy.weights,
            role,
            |s| self.have_of(s),
            &self.scratch,
        )
    }
}

impl Catalog {
    /// Scores a profile against every role with the default [`Policy`]; see [`Assessor`]
    /// for a policy or strict mode.
    ///
    /// # Errors
    ///
    /// None with the default policy in lenient mode; the `Result` keeps the signature
    /// of [`Assessor::assess`].
    pub fn assess(&self, profile: &Profile) -> Result<Assessment<'_>> {
        Assessor::new(self).assess(profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Importance, Level, Role};

    /// Weights added in skill order (1.0 + 1.0 + 0.3 + 0.3 = 2.5999999999999996) fall
    /// short of the total from counts per importance (2 × 0.3 + 2 × 1.0 = 2.6) in the
    /// last bit: a role whose every requirement is met still scores exactly 1, and one
    /// a hair short scores below 1.
    #[test]
    fn meeting_every_requirement_scores_exactly_one_despite_rounding() {
        let catalog = Catalog::new(
            vec![
                Skill::new("a", "A"),
                Skill::new("b", "B"),
                Skill::new("c", "C"),
                Skill::new("d", "D"),
                Skill::new("e", "E").with_related("d", 0.999_999_99),
            ],
            vec![Role::new("r", "R")
                .with_requirement("a", Level::BEGINNER, Importance::Essential)
                .with_requirement("b", Level::BEGINNER, Importance::Essential)
                .with_requirement("c", Level::BEGINNER, Importance::Optional)
                .with_requirement("d", Level::BEGINNER, Importance::Optional)],
            vec![],
        )
        .expect("valid");
        let profile = |last: &str| {
            Profile::new()
                .with_skill("a", Level::BEGINNER)
                .with_skill("b", Level::BEGINNER)
                .with_skill("c", Level::BEGINNER)
                .with_skill(last, Level::BEGINNER)
        };
        let a = catalog.assess(&profile("d")).expect("valid");
        let (numerator, totals, _) = a.scores.sums();
        assert!(
            numerator[0] < totals[0],
            "the sums must differ for this test"
        );
        let rs = a.role("r").expect("known");
        assert_eq!(rs.score(), 1.0);
        assert!(rs.is_ready());
        assert_eq!(a.top(1)[0].score(), 1.0);
        assert_eq!(a.roles()[0].score(), 1.0);

        // D only through transfer, just below the level asked.
        let a = catalog.assess(&profile("e")).expect("valid");
        let rs = a.role("r").expect("known");
        assert!(
            rs.score() < 1.0 && rs.score() > 1.0 - 1e-6,
            "{}",
            rs.score()
        );
        assert!(rs.is_ready());
    }

    #[test]
    fn top_matches_the_ranking_for_every_k() {
        let catalog = Catalog::builtin();
        // Roles the profile makes no use of tie at a fit of 0: with the empty profile and
        // a skill few roles require, the k-th fit is 0 for most k.
        let profiles = [
            Profile::new()
                .with_skill("python", Level::ADVANCED)
                .with_skill("sql", Level::INTERMEDIATE),
            Profile::new(),
            Profile::new().with_skill("deep-learning", Level::BEGINNER),
        ];
        for profile in &profiles {
            let ranked = catalog.assess(profile).expect("valid").roles().to_vec();
            for k in 0..=ranked.len() + 1 {
                let fresh = catalog.assess(profile).expect("valid");
                let top = fresh.top(k);
                assert_eq!(top.as_slice(), &ranked[..k.min(ranked.len())], "k = {k}");
            }
        }
    }
}
