//! Plans: the courses that close a target's gaps, in stages and a valid order; what to
//! learn next; career paths.
//!
//! - [`Planner`] chooses the courses (least hours, cost or a mix; every gap or only what
//!   makes a role ready; a role or any skill levels as the target) and documents the
//!   algorithm. [`Assessment::plan`](crate::Assessment::plan) is the one-call form.
//! - [`Plan`] holds them: in stages (each course after the courses it builds on: a
//!   longest-path layering), with what each closes, gaps left [`Uncovered`] with their
//!   reason, a weekly [`Schedule`], and the profile afterwards ([`Plan::apply`]).
//! - [`Assessment::next_courses`](crate::Assessment::next_courses), [`Readiness`] and
//!   [`CareerPath`] answer what to learn next, which roles are reachable soonest, and
//!   which stepping-stone roles lead to a target.

mod assemble;
mod career;
mod credentials;
mod planner;
mod schedule;
mod solver;
mod team;

use std::fmt;

use serde::Serialize;

use crate::assess::Gaps;
use crate::catalog::{Catalog, CourseAt, Need, SkillAt};
use crate::model::{Course, Level, Profile, ProfileSkill, RoleId, Skill, SkillId};

pub use career::{CareerPath, CareerStep, NextCourse, Readiness, MAX_STONES};
pub(crate) use credentials::{gate_routes, programme_time, Duration};
pub use credentials::{typical_pay, GateRoute, ReadyRank};
pub use planner::{Objective, Planner, Scope};
pub use schedule::{Schedule, ScheduledCourse};
pub use team::{ReadyMaker, TeamPlan, TeamStep};

/// Why a gap cannot be closed by the catalog's courses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum UncoveredReason {
    /// No course teaches the skill up to the level needed.
    NoCourse {
        /// The highest level any course teaches (0 when none teaches it).
        best_level: Level,
    },
    /// Courses teach it, but each needs a skill level that no reachable course teaches.
    MissingPrerequisite {
        /// The courses that teach it high enough, by id (the first ten).
        courses: Vec<String>,
        /// The skill levels nothing reachable teaches, as `skill` ids with levels (the
        /// first ten, by skill id).
        missing: Vec<(String, Level)>,
    },
    /// The courses that teach it can only be taken after each other: the cycle of courses
    /// at this position in [`Plan::course_cycles`], which lists each cycle once however
    /// many gaps it blocks.
    CourseCycle {
        /// The position of the cycle in [`Plan::course_cycles`].
        cycle: usize,
    },
}

impl fmt::Display for UncoveredReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UncoveredReason::NoCourse { best_level } if best_level.get() == 0 => {
                f.write_str("no course teaches it")
            }
            UncoveredReason::NoCourse { best_level } => {
                write!(f, "no course teaches it that high (best: {best_level})")
            }
            UncoveredReason::MissingPrerequisite { courses, missing } => {
                let m: Vec<String> = missing
                    .iter()
                    .map(|(s, l)| format!("{s} {}", l.get()))
                    .collect();
                write!(
                    f,
                    "the courses teaching it ({}) need {}, which no reachable course teaches",
                    courses.join(", "),
                    m.join(", ")
                )
            }
            UncoveredReason::CourseCycle { cycle } => {
                write!(
                    f,
                    "the courses teaching it need each other (course cycle {})",
                    cycle + 1
                )
            }
        }
    }
}

/// A gap that no course can close. Serialized as `{"skill": id, "name", "need", "have",
/// "reason"}`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Uncovered<'c> {
    /// The skill.
    pub skill: &'c Skill,
    /// The level needed.
    pub need: Level,
    /// The level the profile counts for.
    pub have: f64,
    /// Why it cannot be closed.
    pub reason: UncoveredReason,
}

impl Serialize for Uncovered<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Uncovered", 5)?;
        s.serialize_field("skill", self.skill.id())?;
        s.serialize_field("name", self.skill.name())?;
        s.serialize_field("need", &self.need)?;
        s.serialize_field("have", &self.have)?;
        s.serialize_field("reason", &self.reason)?;
        s.end()
    }
}

/// Skills serialized as their ids.
struct Ids<'a, 'c>(&'a [&'c Skill]);

impl Serialize for Ids<'_, '_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        crate::model::serialize_ids(self.0, serializer)
    }
}

/// One course of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCourse<'c> {
    course: &'c Course,
    at: CourseAt,
    stage: usize,
    priority: f64,
    closes: Vec<&'c Skill>,
    after: Vec<usize>,
}

impl<'c> PlannedCourse<'c> {
    /// The course.
    pub fn course(&self) -> &'c Course {
        self.course
    }

    /// The stage, from 0: every course this one needs is in an earlier stage.
    pub fn stage(&self) -> usize {
        self.stage
    }

    /// The gaps this course closes (the first course of the plan to reach the level
    /// needed), in learning order. Empty for a course taken only for another course's
    /// requirements.
    pub fn closes(&self) -> &[&'c Skill] {
        &self.closes
    }

    /// The largest priority among the gaps it closes (0 for a prerequisite course).
    pub fn priority(&self) -> f64 {
        self.priority
    }

    /// Positions (in [`Plan::courses`]) of the earlier courses this one builds on: those
    /// that teach what it requires, or a prerequisite (in the skill graph) of a gap it
    /// closes.
    pub fn after(&self) -> &[usize] {
        &self.after
    }
}

impl Serialize for PlannedCourse<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("PlannedCourse", 7)?;
        s.serialize_field("id", self.course.id())?;
        s.serialize_field("title", self.course.title())?;
        s.serialize_field("provider", self.course.provider())?;
        s.serialize_field("hours", &self.course.hours())?;
        s.serialize_field("cost", &self.course.cost())?;
        s.serialize_field("stage", &self.stage)?;
        s.serialize_field("closes", &Ids(&self.closes))?;
        s.end()
    }
}

/// The courses that close a target's gaps, in stages and in a valid order.
#[derive(Debug, Clone)]
pub struct Plan<'c> {
    catalog: &'c Catalog,
    target: Option<&'c RoleId>,
    gaps: Gaps<'c>,
    courses: Vec<PlannedCourse<'c>>,
    uncovered: Vec<Uncovered<'c>>,
    course_cycles: Vec<Vec<String>>,
    optimal: bool,
    /// The target's gates the profile lacks, each with its programme.
    gates: Vec<GateRoute<'c>>,
}

/// Plans are equal when they are for the same catalog (the same instance) and have the
/// same target, gaps, courses, uncovered gaps and optimality.
impl PartialEq for Plan<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalog, other.catalog)
            && self.target == other.target
            && self.gaps == other.gaps
            && self.courses == other.courses
            && self.uncovered == other.uncovered
            && self.course_cycles == other.course_cycles
            && self.optimal == other.optimal
            && self.gates == other.gates
    }
}

/// Serialized as `{"target", "courses": [{"id", "title", "provider", "hours", "cost",
/// "stage", "closes"}], "stage_count", "stages", "total_hours", "total_cost", "optimal",
/// "uncovered": [skill ids], "uncovered_reasons": [{"skill", "need", "have", "reason"}],
/// "course_cycles": [[course ids]]}`, and for a target with gates the profile lacks
/// `"gates": [gate routes], "programme_hours", "programme_months"` (see [`GateRoute`]).
/// `stages` is the same number as `stage_count`, kept for documents written before
/// `stage_count` existed; read `stage_count` in new code.
impl Serialize for Plan<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Plan", 11)?;
        s.serialize_field("target", &self.target)?;
        s.serialize_field("courses", &self.courses)?;
        s.serialize_field("stage_count", &self.stage_count())?;
        s.serialize_field("stages", &self.stage_count())?;
        s.serialize_field("total_hours", &self.total_hours())?;
        s.serialize_field("total_cost", &self.total_cost())?;
        s.serialize_field("optimal", &self.optimal)?;
        let ids: Vec<&SkillId> = self.uncovered.iter().map(|u| u.skill.id()).collect();
        s.serialize_field("uncovered", &ids)?;
        s.serialize_field("uncovered_reasons", &self.uncovered)?;
        s.serialize_field("course_cycles", &self.course_cycles)?;
        if !self.gates.is_empty() {
            let (hours, months) =
                programme_time(&self.gates).map_or((None, None), |(h, m)| (Some(h), Some(m)));
            s.serialize_field("gates", &self.gates)?;
            s.serialize_field("programme_hours", &hours)?;
            s.serialize_field("programme_months", &months)?;
        }
        s.end()
    }
}

impl<'c> Plan<'c> {
    /// The catalog planned in.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The target role, when the plan is for a role.
    pub fn target(&self) -> Option<&'c RoleId> {
        self.target
    }

    /// The courses in order: by stage, within a stage by priority (descending), then id.
    /// Every course comes after the courses that teach what it requires.
    pub fn courses(&self) -> &[PlannedCourse<'c>] {
        &self.courses
    }

    /// The courses grouped by stage.
    pub fn stages(&self) -> Vec<&[PlannedCourse<'c>]> {
        self.courses.chunk_by(|a, b| a.stage == b.stage).collect()
    }

    /// The number of stages.
    pub fn stage_count(&self) -> usize {
        self.courses.last().map_or(0, |c| c.stage + 1)
    }

    /// The gaps the plan addresses.
    pub fn gaps(&self) -> &Gaps<'c> {
        &self.gaps
    }

    /// Gaps no course can close, by skill id, each with its reason.
    pub fn uncovered(&self) -> &[Uncovered<'c>] {
        &self.uncovered
    }

    /// The cycles of courses that need each other, by course id, each `[a, b, …, a]`,
    /// listed once however many uncovered gaps they block
    /// ([`UncoveredReason::CourseCycle`] gives the position).
    pub fn course_cycles(&self) -> &[Vec<String>] {
        &self.course_cycles
    }

    /// The target's required credentials (gates) the profile lacks, each with the
    /// programme of the catalog that confers it in the fewest hours, or none: a gate
    /// without a programme is reported here, and the plan cannot make the role ready.
    /// Programmes are not courses: they are listed here, not in [`Plan::courses`], and
    /// their hours are not in [`Plan::total_hours`].
    pub fn gates(&self) -> &[GateRoute<'c>] {
        &self.gates
    }

    /// Hours and months of the programmes the gates need, taken one after another; `(0,
    /// 0)` without gates, `None` when a gate has no programme.
    pub fn programme_time(&self) -> Option<(f64, f64)> {
        programme_time(&self.gates)
    }

    /// The plan with the gates of `role` the profile (holding `held`) lacks.
    pub(crate) fn with_gates(mut self, gates: Vec<GateRoute<'c>>) -> Plan<'c> {
        self.gates = gates;
        self
    }

    /// Whether the plan is proven to minimise the objective.
    pub fn is_optimal(&self) -> bool {
        self.optimal
    }

    /// Total study hours.
    pub fn total_hours(&self) -> f64 {
        self.courses.iter().fold(0.0, |t, c| t + c.course.hours())
    }

    /// Total cost.
    pub fn total_cost(&self) -> f64 {
        self.courses.iter().fold(0.0, |t, c| t + c.course.cost())
    }

    /// Whether there is nothing to take, nothing uncovered and no gate to meet.
    pub fn is_empty(&self) -> bool {
        self.courses.is_empty() && self.uncovered.is_empty() && self.gates.is_empty()
    }

    /// Dense levels (one per catalog skill) after the plan, from `start`, without
    /// transfer.
    pub(crate) fn levels_after(&self, start: &[f64]) -> Vec<f64> {
        let mut levels = start.to_vec();
        let courses = self.courses.iter().map(|c| c.at);
        for (s, level) in levels_after(self.catalog, |s| start[s.get()], courses, false) {
            levels[s.get()] = level;
        }
        levels
    }

    /// The profile as it will be once the plan is done: each skill a course teaches at the
    /// level taught, where that is higher (what-if). Raised skills are keyed by skill id
    /// and count as freshly used; other entries are kept as they are. The profile's
    /// credentials are kept, and the credentials the gates' programmes confer added.
    pub fn apply(&self, profile: &Profile) -> Profile {
        let taught = taught(self.catalog, self.courses.iter().map(|c| c.at));
        let taught_at = |name: &str| {
            let s = self.catalog.skill_named(name)?;
            let i = taught.binary_search_by_key(&s, |t| t.skill).ok()?;
            Some(taught[i].level)
        };
        let mut out = Profile::new();
        if let Some(name) = profile.name() {
            out = out.with_name(name);
        }
        for entry in profile.skills() {
            // A raised entry is replaced below by the taught level.
            if taught_at(entry.name()).is_none_or(|l| l <= entry.level()) {
                out.push(entry.clone());
            }
        }
        for c in profile.credentials() {
            out = out.with_credential(c.clone());
        }
        for p in self.gates.iter().filter_map(|g| g.programme) {
            for c in p.confers() {
                if !out.credentials().contains(c) {
                    out = out.with_credential(c.clone());
                }
            }
        }
        for t in taught {
            let own = profile
                .skills()
                .iter()
                .filter(|e| self.catalog.skill_named(e.name()) == Some(t.skill))
                .map(ProfileSkill::level)
                .max();
            if own.is_none_or(|l| t.level > l) {
                let id = self.catalog.skill_at(t.skill).id().as_str();
                out.push(ProfileSkill::new(id, t.level, None));
            }
        }
        out
    }
}

/// What `courses` teach: each skill once, at the highest level taught, by skill.
fn taught(catalog: &Catalog, courses: impl IntoIterator<Item = CourseAt>) -> Vec<Need> {
    let mut taught: Vec<Need> = courses
        .into_iter()
        .flat_map(|c| catalog.course_index().teaches(c).iter().copied())
        .collect();
    taught.sort_by(|a, b| a.skill.cmp(&b.skill).then(b.level.cmp(&a.level)));
    taught.dedup_by_key(|t| t.skill);
    taught
}

/// The levels after taking `courses` on top of the levels `have` gives: each skill a
/// course teaches rises to the level taught (never falls) and, with `transfer`, each of
/// its related skills to the level taught times the transfer factor. Only the skills
/// that rise, each at its highest, by skill.
pub(crate) fn levels_after(
    catalog: &Catalog,
    have: impl Fn(SkillAt) -> f64,
    courses: impl IntoIterator<Item = CourseAt>,
    transfer: bool,
) -> Vec<(SkillAt, f64)> {
    let mut changes: Vec<(SkillAt, f64)> = Vec::new();
    for t in taught(catalog, courses) {
        let level = t.level.as_f64();
        if level > have(t.skill) {
            changes.push((t.skill, level));
        }
        if transfer {
            for &(r, factor) in catalog.skill_graph().related(t.skill) {
                if level * factor > have(r) {
                    changes.push((r, level * factor));
                }
            }
        }
    }
    changes.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    changes.dedup_by_key(|c| c.0);
    changes
}
