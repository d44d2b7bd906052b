//! A cohort: many profiles read once against one catalog, then asked about together:
//! candidates for a role, readiness and its spread, the gaps most members share.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use serde::Serialize;

use super::gaps::{self, ScratchPool};
use super::have::{FlatLevels, Levels};
use super::score::OneRole;
use super::{Assessor, Gap, Gaps, Policy};
use crate::catalog::{Catalog, RoleAt, SkillAt};
use crate::error::{Result, Warning};
use crate::model::{Importance, Level, Profile, Role, Skill};
use crate::util::OrdF64;

/// One member of a cohort: the profile's name and the levels it counts for.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub name: Option<String>,
    pub levels: Levels,
    pub warnings: Vec<Warning>,
}

/// Profiles read against one catalog and policy, to be asked about together.
///
/// Each profile is resolved once (names to skills, recency, transfer), in input order; a
/// member's *position* is its index in that order, and its *id* its profile name (or, without
/// one, its position). Ties between members go by name, then position.
///
/// ```
/// use skillgap::assess::Assessor;
/// use skillgap::{Catalog, Level, Profile};
///
/// let catalog = Catalog::builtin();
/// let profiles = vec![
///     Profile::new().with_name("ana").with_skill("Python", Level::ADVANCED),
///     Profile::new().with_name("bo").with_skill("SQL", Level::EXPERT),
///     Profile::new().with_name("cy"),
/// ];
/// let cohort = Assessor::new(catalog).cohort(&profiles)?;
/// let best = cohort.rank("data-scientist", 2)?;
/// assert_eq!(best.len(), 2);
/// assert!(best[0].score >= best[1].score);
/// let readiness = cohort.readiness("data-scientist")?;
/// assert_eq!(readiness.members, 3);
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug)]
pub struct Cohort<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    members: Vec<Member>,
    /// The members' levels side by side, for the walks over every member.
    flat: FlatLevels,
}

impl<'c> Assessor<'c> {
    /// Reads `profiles` into a [`Cohort`] (each resolved as [`Assessor::assess`] resolves
    /// it).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`](crate::Error::InvalidPolicy) for a policy out of its
    /// domain; in strict mode
    /// [`Error::UnresolvedSkills`](crate::Error::UnresolvedSkills) for the first profile
    /// with a skill that does not resolve.
    pub fn cohort<'p>(
        &self,
        profiles: impl IntoIterator<Item = &'p Profile>,
    ) -> Result<Cohort<'c>> {
        self.policy.validate()?;
        let profiles: Vec<&Profile> = profiles.into_iter().collect();
        let mut members = Vec::with_capacity(profiles.len());
        let mut flat = FlatLevels::default();
        for (profile, (levels, warnings)) in profiles.iter().zip(self.levels_of_all(&profiles)) {
            self.check_strict(&warnings)?;
            flat.push(&levels);
            members.push(Member {
                name: profile.name().map(str::to_string),
                levels,
                warnings,
            });
        }
        Ok(Cohort {
            catalog: self.catalog,
            policy: self.policy.clone(),
            members,
            flat,
        })
    }
}

impl Assessor<'_> {
    /// Each profile's levels and warnings, in input order; in parallel with the
    /// `parallel` feature. Reading the members and computing their gaps
    /// ([`Cohort::map_gaps`]) in parallel took the cohort analysis of 10,000 members from
    /// 0.60–0.78 s to 0.45 s on 2 threads (`cargo bench --bench batch --features parallel
    /// -- cohort/analysis`).
    fn levels_of_all(&self, profiles: &[&Profile]) -> Vec<(Levels, Vec<Warning>)> {
        let read = |p: &&Profile| Levels::of(self.catalog, &self.policy, p);
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            profiles.par_iter().map(read).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            profiles.iter().map(read).collect()
        }
    }
}

/// How many members' gaps [`Cohort::common_gaps`] holds at once.
const GAPS_CHUNK: usize = 4096;

/// A member ranked for a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Candidate {
    /// The member's position in the cohort.
    pub member: usize,
    /// The member's profile name.
    pub name: Option<String>,
    /// The member's score for the role.
    pub score: f64,
    /// Whether every essential requirement is met.
    pub ready: bool,
}

/// How ready a cohort is for one role.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CohortReadiness<'c> {
    /// The role (serialized as its id).
    #[serde(serialize_with = "crate::model::serialize_role_id")]
    pub role: &'c Role,
    /// Members in the cohort.
    pub members: usize,
    /// Members ready for the role.
    pub ready: usize,
    /// The spread of the members' scores.
    pub scores: Quantiles,
}

/// The spread of a set of scores: nearest-rank quantiles (0 for an empty set).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct Quantiles {
    /// The lowest score.
    pub min: f64,
    /// The 10th percentile.
    pub p10: f64,
    /// The 25th percentile.
    pub p25: f64,
    /// The median.
    pub median: f64,
    /// The 75th percentile.
    pub p75: f64,
    /// The 90th percentile.
    pub p90: f64,
    /// The highest score.
    pub max: f64,
    /// The mean.
    pub mean: f64,
}

impl Quantiles {
    /// The quantiles of `scores` (sorted here).
    pub fn from_scores(mut scores: Vec<f64>) -> Quantiles {
        if scores.is_empty() {
            return Quantiles::default();
        }
        scores.sort_by(f64::total_cmp);
        let n = scores.len();
        // Nearest rank: the smallest score with at least p of the scores at or below it.
        let at = |p: f64| scores[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
        Quantiles {
            min: scores[0],
            p10: at(0.10),
            p25: at(0.25),
            median: at(0.50),
            p75: at(0.75),
            p90: at(0.90),
            max: scores[n - 1],
            mean: scores.iter().sum::<f64>() / n as f64,
        }
    }
}

/// A gap many members share.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CommonGap<'c> {
    /// The skill.
    #[serde(serialize_with = "crate::model::serialize_id")]
    pub skill: &'c Skill,
    /// Members with this gap (direct or implied).
    pub members: usize,
    /// The sum of its priority over those members: how much closing it moves the cohort.
    pub weight: f64,
    /// Members not ready for the role for whom this skill is an unmet essential
    /// requirement: each of them needs it to become ready.
    pub blocks: usize,
}

impl<'c> Cohort<'c> {
    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the cohort has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The catalog.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The profile name of the member at `position`.
    pub fn name(&self, position: usize) -> Option<&str> {
        self.members.get(position).and_then(|m| m.name.as_deref())
    }

    /// The warnings of the member at `position` (unresolved or repeated skills).
    pub fn warnings(&self, position: usize) -> &[Warning] {
        self.members.get(position).map_or(&[], |m| &m.warnings)
    }

    pub(crate) fn members(&self) -> &[Member] {
        &self.members
    }

    /// The skills and levels of the member at `position`, by skill.
    pub(crate) fn levels_of(&self, position: usize) -> (&[SkillAt], &[f64]) {
        self.flat.of(position)
    }

    /// The best `k` members for `role`, best first (score, then name, then position),
    /// without sorting the whole cohort: O(n log k) after one walk of the role's
    /// requirements per member. Each score is the one [`Assessor::assess`] gives.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean).
    pub fn rank(&self, role: impl AsRef<str>, k: usize) -> Result<Vec<Candidate>> {
        let r = self.catalog.find_role_or_err(role.as_ref())?;
        let one = OneRole::new(self.catalog, r, &self.policy);
        let mut heap: BinaryHeap<Reverse<Ranked<'_>>> =
            BinaryHeap::with_capacity(k.min(self.len()) + 1);
        for (position, member) in self.members.iter().enumerate() {
            let (score, ready) = one.score(self.flat.of(position), &member.levels);
            let ranked = Ranked {
                score: OrdF64(score),
                name: member.name.as_deref(),
                position,
                ready,
            };
            if heap.len() < k {
                heap.push(Reverse(ranked));
            } else if heap.peek().is_some_and(|worst| ranked > worst.0) {
                heap.pop();
                heap.push(Reverse(ranked));
            }
        }
        let mut best: Vec<Ranked<'_>> = heap.into_iter().map(|r| r.0).collect();
        best.sort_by(|a, b| b.cmp(a));
        Ok(best
            .into_iter()
            .map(|r| Candidate {
                member: r.position,
                name: r.name.map(str::to_string),
                score: r.score.0,
                ready: r.ready,
            })
            .collect())
    }

    /// Every member's score for `role` and whether they are ready for it, in member order:
    /// for summaries that merge several cohorts (see [`Quantiles::from_scores`]).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean).
    pub fn scores(&self, role: impl AsRef<str>) -> Result<Vec<(f64, bool)>> {
        let r = self.catalog.find_role_or_err(role.as_ref())?;
        Ok(self.scores_at(r))
    }

    fn scores_at(&self, r: RoleAt) -> Vec<(f64, bool)> {
        let one = OneRole::new(self.catalog, r, &self.policy);
        (self.members.iter().enumerate())
            .map(|(i, m)| one.score(self.flat.of(i), &m.levels))
            .collect()
    }

    /// How many members are ready for `role`, and the spread of their scores.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean).
    pub fn readiness(&self, role: impl AsRef<str>) -> Result<CohortReadiness<'c>> {
        let r = self.catalog.find_role_or_err(role.as_ref())?;
        Ok(self.readiness_at(r))
    }

    /// [`Cohort::readiness`] for every role, in role id order.
    pub fn readiness_all(&self) -> Vec<CohortReadiness<'c>> {
        (0..self.catalog.roles().len())
            .map(|r| self.readiness_at(RoleAt::at(r)))
            .collect()
    }

    fn readiness_at(&self, r: RoleAt) -> CohortReadiness<'c> {
        let scores = self.scores_at(r);
        CohortReadiness {
            role: self.catalog.role_at(r),
            members: scores.len(),
            ready: scores.iter().filter(|s| s.1).count(),
            scores: Quantiles::from_scores(scores.into_iter().map(|s| s.0).collect()),
        }
    }

    /// `f` of each member's position and gaps toward role `r`, for the members at
    /// `positions`, in order; in parallel with the `parallel` feature, each thread with its
    /// own working memory.
    pub(crate) fn map_gaps<T: Send>(
        &self,
        r: RoleAt,
        positions: std::ops::Range<usize>,
        f: impl Fn(usize, &Gaps<'c>) -> T + Sync + Send,
    ) -> Vec<T> {
        let one = |scratch: &ScratchPool, m: usize| {
            let levels = &self.members[m].levels;
            let have = |s| levels.of_skill(s);
            let gaps = gaps::toward_role(self.catalog, &self.policy.weights, r, have, scratch);
            f(m, &gaps)
        };
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            positions
                .into_par_iter()
                .map_init(ScratchPool::default, |scratch, m| one(scratch, m))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            let scratch = ScratchPool::default();
            positions.map(|m| one(&scratch, m)).collect()
        }
    }

    /// The gaps toward `role` the most members share, by summed priority (descending; ties
    /// by skill id), at most `limit` of them; each with the members it blocks from
    /// readiness.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean).
    pub fn common_gaps(&self, role: impl AsRef<str>, limit: usize) -> Result<Vec<CommonGap<'c>>> {
        let r = self.catalog.find_role_or_err(role.as_ref())?;
        let essentials: Vec<(SkillAt, Level)> = self
            .catalog
            .merged_requirements()
            .of(r)
            .iter()
            .filter(|q| q.importance == Importance::Essential)
            .map(|q| (q.skill, q.need))
            .collect();
        // Per member: each gap's skill, priority, and whether it blocks readiness.
        let list = |m: usize, gaps: &Gaps<'c>| {
            let levels = &self.members[m].levels;
            let unmet: Vec<SkillAt> = essentials
                .iter()
                .filter(|(s, need)| levels.of_skill(*s) < need.as_f64())
                .map(|(s, _)| *s)
                .collect();
            let blocks = |g: Gap<'_, 'c>| unmet.contains(&g.index());
            gaps.into_iter()
                .map(|g| (g.index(), g.priority(), blocks(g)))
                .collect::<Vec<_>>()
        };
        // By skill position: members, summed priority (in member order), members blocked.
        // The members' lists are made a chunk at a time, so that memory stays bounded.
        let mut tally = vec![(0usize, 0.0f64, 0usize); self.catalog.skills().len()];
        for start in (0..self.len()).step_by(GAPS_CHUNK) {
            let positions = start..self.len().min(start + GAPS_CHUNK);
            let lists = self.map_gaps(r, positions, list);
            for (skill, priority, blocks) in lists.into_iter().flatten() {
                let entry = &mut tally[skill.get()];
                entry.0 += 1;
                entry.1 += priority;
                entry.2 += usize::from(blocks);
            }
        }
        let mut common: Vec<CommonGap<'c>> = tally
            .into_iter()
            .enumerate()
            .filter(|(_, (members, _, _))| *members > 0)
            .map(|(s, (members, weight, blocks))| CommonGap {
                skill: self.catalog.skill_at(SkillAt::at(s)),
                members,
                weight,
                blocks,
            })
            .collect();
        common.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| a.skill.id().cmp(b.skill.id()))
        });
        common.truncate(limit);
        Ok(common)
    }
}

/// A member's rank for a role: higher score first, then name, then position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ranked<'a> {
    score: OrdF64,
    name: Option<&'a str>,
    position: usize,
    ready: bool,
}

impl Ord for Ranked<'_> {
    /// Greater is better: a higher score, then an earlier name (a named member before an
    /// unnamed one), then an earlier position.
    fn cmp(&self, other: &Self) -> Ordering {
        let name = |r: &Self| (r.name.is_none(), r.name);
        self.score
            .cmp(&other.score)
            .then_with(|| name(other).cmp(&name(self)))
            .then_with(|| other.position.cmp(&self.position))
    }
}

impl PartialOrd for Ranked<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
