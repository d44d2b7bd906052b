//! Many profiles at once: the same assessment for each, only what is asked for kept, in
//! input order; in parallel with the `parallel` feature.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::{Assessor, Gaps, RoleScore};
use crate::error::{Result, Warning};
use crate::model::Profile;

/// What to keep of each profile's assessment in a batch.
///
/// The default keeps every role's score and no gaps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct BatchOptions {
    /// Keep only the best `top` roles (`None`: every role, best first).
    pub top: Option<usize>,
    /// The gaps toward the best `gaps` roles (0: none).
    pub gaps: usize,
}

impl BatchOptions {
    /// Every role's score, no gaps.
    pub fn new() -> Self {
        BatchOptions::default()
    }

    /// Keeps only the best `k` roles.
    pub fn top(mut self, k: usize) -> Self {
        self.top = Some(k);
        self
    }

    /// Computes the gaps toward the best `k` roles.
    pub fn gaps(mut self, k: usize) -> Self {
        self.gaps = k;
        self
    }
}

/// One profile's result in a batch: the scores and gaps asked for, and the warnings.
///
/// Serialized as `{"roles": [role scores, best first], "gaps": [{"role": id, "gaps":
/// [...]}], "warnings": [...]}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileResult<'c> {
    roles: Vec<RoleScore<'c>>,
    gaps: Vec<Gaps<'c>>,
    warnings: Vec<Warning>,
}

impl<'c> ProfileResult<'c> {
    /// The roles kept, best first (ties by role id).
    pub fn roles(&self) -> &[RoleScore<'c>] {
        &self.roles
    }

    /// The gaps toward the best roles, in the order of [`ProfileResult::roles`].
    pub fn gaps(&self) -> &[Gaps<'c>] {
        &self.gaps
    }

    /// The profile's warnings (unresolved or repeated skills).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

impl<'c> Serialize for ProfileResult<'c> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct RoleGaps<'a, 'c> {
            role: &'c crate::model::RoleId,
            gaps: &'a Gaps<'c>,
        }
        let gaps: Vec<RoleGaps<'_, 'c>> = self
            .roles
            .iter()
            .zip(&self.gaps)
            .map(|(score, gaps)| RoleGaps {
                role: score.role().id(),
                gaps,
            })
            .collect();
        let mut s = serializer.serialize_struct("ProfileResult", 3)?;
        s.serialize_field("roles", &self.roles)?;
        s.serialize_field("gaps", &gaps)?;
        s.serialize_field("warnings", &self.warnings)?;
        s.end()
    }
}

/// How many profiles a stream assesses together (in parallel with the `parallel`
/// feature): the memory in flight is this many profiles and results.
pub const STREAM_CHUNK: usize = 1024;

impl<'c> Assessor<'c> {
    /// Assesses one profile and keeps what `options` asks for.
    ///
    /// # Errors
    ///
    /// As [`Assessor::assess`].
    pub fn assess_one(
        &self,
        profile: &Profile,
        options: BatchOptions,
    ) -> Result<ProfileResult<'c>> {
        let assessment = self.assess(profile)?;
        let roles = match options.top {
            Some(k) => assessment.top(k),
            None => assessment.roles().to_vec(),
        };
        let gaps = roles
            .iter()
            .take(options.gaps)
            .map(|score| assessment.gaps_at(score.at))
            .collect();
        Ok(ProfileResult {
            roles,
            gaps,
            warnings: assessment.warnings,
        })
    }

    /// Assesses every profile, each as [`Assessor::assess_one`] would, results in input
    /// order. With the `parallel` feature the profiles are shared among rayon's threads;
    /// the results are the same whatever the thread count.
    ///
    /// ```
    /// use skillgap::assess::{Assessor, BatchOptions};
    /// use skillgap::{Catalog, Level, Profile};
    ///
    /// let catalog = Catalog::builtin();
    /// let profiles = vec![
    ///     Profile::new().with_skill("Python", Level::ADVANCED),
    ///     Profile::new().with_skill("SQL", Level::EXPERT).with_skill("Tableau", Level::ADVANCED),
    /// ];
    /// let results = Assessor::new(catalog).assess_batch(&profiles, BatchOptions::new().top(3).gaps(1));
    /// for (profile, result) in profiles.iter().zip(&results) {
    ///     let result = result.as_ref().unwrap();
    ///     assert_eq!(result.roles().len(), 3);
    ///     assert_eq!(result.roles()[0], catalog.assess(profile)?.best().unwrap());
    /// }
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    pub fn assess_batch(
        &self,
        profiles: &[Profile],
        options: BatchOptions,
    ) -> Vec<Result<ProfileResult<'c>>> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            profiles
                .par_iter()
                .map(|p| self.assess_one(p, options))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            profiles
                .iter()
                .map(|p| self.assess_one(p, options))
                .collect()
        }
    }

    /// Assesses a stream of profiles, [`STREAM_CHUNK`] at a time (see
    /// [`Assessor::assess_batch`]), yielding results in input order: memory stays bounded
    /// however long the stream.
    pub fn assess_stream<I>(
        &self,
        profiles: I,
        options: BatchOptions,
    ) -> BatchStream<'_, 'c, I::IntoIter>
    where
        I: IntoIterator<Item = Profile>,
    {
        BatchStream {
            assessor: self,
            options,
            profiles: profiles.into_iter(),
            ready: std::collections::VecDeque::new(),
        }
    }
}

/// The results of [`Assessor::assess_stream`], in input order.
#[derive(Debug)]
pub struct BatchStream<'a, 'c, I> {
    assessor: &'a Assessor<'c>,
    options: BatchOptions,
    profiles: I,
    ready: std::collections::VecDeque<Result<ProfileResult<'c>>>,
}

impl<'c, I: Iterator<Item = Profile>> Iterator for BatchStream<'_, 'c, I> {
    type Item = Result<ProfileResult<'c>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() {
            let chunk: Vec<Profile> = self.profiles.by_ref().take(STREAM_CHUNK).collect();
            let results = self.assessor.assess_batch(&chunk, self.options);
            self.ready.extend(results);
        }
        self.ready.pop_front()
    }
}
