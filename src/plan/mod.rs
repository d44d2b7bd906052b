//! Plans: the chosen courses in stages, what each closes, a calendar, and the profile as it
//! will be afterwards.

mod career;
mod planner;
mod solver;

use std::fmt;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::assess::gaps::Gaps;
use crate::catalog::{Catalog, Need};
use crate::error::{Error, Result};
use crate::model::Course;
use crate::model::Level;
use crate::model::{Profile, ProfileSkill};
use crate::model::{RoleId, SkillId};
use solver::Blocked;

pub use career::{CareerPath, CareerStep, NextCourse, Readiness};
pub use planner::{Objective, Planner, Scope};

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
        /// The courses that teach it high enough, by id.
        courses: Vec<String>,
        /// The skill levels nothing reachable teaches, as `skill` ids with levels.
        missing: Vec<(String, Level)>,
    },
    /// The courses that teach it can only be taken after each other.
    CourseCycle {
        /// The cycle of courses, first and last the same, e.g. `[a, b, a]`.
        cycle: Vec<String>,
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
                    "the courses teaching it need each other: {}",
                    cycle.join(" → ")
                )
            }
        }
    }
}

/// A gap that no course can close.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncovered<'c> {
    /// The skill.
    pub skill: &'c SkillId,
    /// The level needed.
    pub need: Level,
    /// The level the profile counts for.
    pub have: f64,
    /// Why it cannot be closed.
    pub reason: UncoveredReason,
}

/// One course of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCourse<'c> {
    pub(crate) course: &'c Course,
    pub(crate) index: u32,
    pub(crate) stage: usize,
    pub(crate) priority: f64,
    pub(crate) closes: Vec<&'c SkillId>,
    pub(crate) after: Vec<usize>,
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
    /// needed), by skill id, in learning order. Empty for a course taken only for
    /// another course's requirements.
    pub fn closes(&self) -> &[&'c SkillId] {
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
        s.serialize_field("closes", &self.closes)?;
        s.end()
    }
}

/// The courses that close a target's gaps, in stages and in a valid order.
#[derive(Debug, Clone)]
pub struct Plan<'c> {
    pub(crate) catalog: &'c Catalog,
    pub(crate) target: Option<&'c RoleId>,
    pub(crate) gaps: Gaps<'c>,
    pub(crate) courses: Vec<PlannedCourse<'c>>,
    pub(crate) uncovered: Vec<Uncovered<'c>>,
    pub(crate) optimal: bool,
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
            && self.optimal == other.optimal
    }
}

/// Serialized as `{"target", "courses": [{"id", "title", "provider", "hours", "cost",
/// "stage", "closes"}], "stages", "total_hours", "total_cost", "optimal",
/// "uncovered": [skill ids], "uncovered_reasons": [{"skill", "need", "have", "reason"}]}`.
impl Serialize for Plan<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Plan", 9)?;
        s.serialize_field("target", &self.target)?;
        s.serialize_field("courses", &self.courses)?;
        s.serialize_field("stages", &self.stage_count())?;
        s.serialize_field("total_hours", &self.total_hours())?;
        s.serialize_field("total_cost", &self.total_cost())?;
        s.serialize_field("optimal", &self.optimal)?;
        let ids: Vec<&SkillId> = self.uncovered.iter().map(|u| u.skill).collect();
        s.serialize_field("uncovered", &ids)?;
        s.serialize_field("uncovered_reasons", &self.uncovered)?;
        s.end()
    }
}

/// When each course of a plan starts and ends at a weekly study budget.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// Hours of study per week.
    pub hours_per_week: f64,
    /// Weeks to finish the plan (whole weeks).
    pub weeks: u32,
    /// Per course, in plan order: the week it starts and the week it ends, from week 1.
    pub courses: Vec<ScheduledCourse>,
}

/// One course of a [`Schedule`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduledCourse {
    /// The course id.
    pub id: String,
    /// The week it starts, from 1.
    pub start_week: u32,
    /// The week it ends (inclusive).
    pub end_week: u32,
}

impl<'c> Plan<'c> {
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

    /// Whether there is nothing to take and nothing uncovered.
    pub fn is_empty(&self) -> bool {
        self.courses.is_empty() && self.uncovered.is_empty()
    }

    /// A calendar at `hours_per_week`: courses taken one after another in plan order.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when `hours_per_week` is not a finite number above 0.
    pub fn schedule(&self, hours_per_week: f64) -> Result<Schedule> {
        if !hours_per_week.is_finite() || hours_per_week <= 0.0 {
            return Err(Error::InvalidArgument {
                name: "hours_per_week",
                value: hours_per_week.to_string(),
                expected: "a finite number of hours above 0",
            });
        }
        let mut done = 0.0;
        let mut courses = Vec::with_capacity(self.courses.len());
        for c in &self.courses {
            let start = done;
            done += c.course.hours();
            courses.push(ScheduledCourse {
                id: c.course.id().to_string(),
                start_week: started_weeks(start, hours_per_week) + 1,
                end_week: week_of(done, hours_per_week)
                    .max(started_weeks(start, hours_per_week) + 1),
            });
        }
        Ok(Schedule {
            hours_per_week,
            weeks: week_of(done, hours_per_week),
            courses,
        })
    }

    /// Dense levels (one per catalog skill) after the plan, from `start`.
    pub(crate) fn levels_after(&self, start: &[f64]) -> Vec<f64> {
        let mut levels = start.to_vec();
        for c in &self.courses {
            for &(s, l) in &self.catalog.course_teaches[c.index as usize] {
                levels[s as usize] = levels[s as usize].max(l.as_f64());
            }
        }
        levels
    }

    /// The profile as it will be once the plan is done: each skill a course teaches at the
    /// level taught, where that is higher (what-if). Raised skills are keyed by skill id
    /// and count as freshly used; other entries are kept as they are.
    pub fn apply(&self, profile: &Profile) -> Profile {
        let mut taught: Vec<(u32, Level)> = self
            .courses
            .iter()
            .flat_map(|c| {
                self.catalog.course_teaches[c.index as usize]
                    .iter()
                    .copied()
            })
            .collect();
        taught.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        taught.dedup_by_key(|t| t.0);
        let mut out = Profile::new();
        if let Some(name) = profile.name() {
            out = out.with_name(name);
        }
        for entry in profile.skills() {
            let raised = self
                .catalog
                .skill_names
                .lookup(entry.name())
                .and_then(|s| taught.binary_search_by_key(&s, |t| t.0).ok())
                .map(|i| taught[i].1)
                .filter(|&l| l > entry.level());
            match raised {
                Some(_) => {} // replaced below by the taught level
                None => out.push(entry.clone()),
            }
        }
        for (s, level) in taught {
            let id = self.catalog.skills[s as usize].id().as_str();
            let own = profile
                .skills()
                .iter()
                .filter(|e| self.catalog.skill_names.lookup(e.name()) == Some(s))
                .map(ProfileSkill::level)
                .max();
            if own.is_none_or(|l| level > l) {
                out.push(ProfileSkill::new(id, level, None));
            }
        }
        out
    }
}

/// Whole weeks completed after `hours` (a course starting then starts in the next week).
fn started_weeks(hours: f64, per_week: f64) -> u32 {
    (hours / per_week + 1e-9)
        .floor()
        .clamp(0.0, f64::from(u32::MAX - 1)) as u32
}

/// The week in which `hours` of study are done (0 for none).
fn week_of(hours: f64, per_week: f64) -> u32 {
    let w = (hours / per_week - 1e-9).ceil();
    if w <= 0.0 {
        0
    } else {
        w.min(f64::from(u32::MAX)) as u32
    }
}

/// Builds a plan from the chosen catalog courses: a valid order (Kahn 1962 on unmet
/// requirements, lowest course index first), the course dependencies (for each requirement
/// the start lacks, the earliest-stage earlier course teaching it), stages by longest-path
/// layering over those dependencies, what each course closes, the final order, and the
/// uncovered gaps. Works on sparse level changes: cost grows with the plan, not the catalog.
pub(crate) fn assemble<'c>(
    catalog: &'c Catalog,
    target: Option<&'c RoleId>,
    gaps: Gaps<'c>,
    start: &[f64],
    chosen: Vec<u32>,
    blocked: Vec<(Need, Blocked)>,
    optimal: bool,
) -> Plan<'c> {
    // Requirements the start does not meet: (skill, level, course position in `chosen`).
    let mut chosen = chosen;
    chosen.sort_unstable();
    chosen.dedup();
    let mut waiting: Vec<(u32, Level, usize)> = Vec::new();
    let mut pending = vec![0u32; chosen.len()];
    for (i, &c) in chosen.iter().enumerate() {
        for &(s, l) in &catalog.course_requires[c as usize] {
            if start[s as usize] < l.as_f64() {
                waiting.push((s, l, i));
                pending[i] += 1;
            }
        }
    }
    waiting.sort_unstable();
    let mut done = vec![false; waiting.len()];
    // Gaps by skill: (position in learning order, level needed, priority).
    let mut gap_at: BTreeMap<u32, (usize, f64, f64)> = BTreeMap::new();
    for (rank, g) in gaps.in_learning_order().enumerate() {
        gap_at.insert(g.index(), (rank, g.need().as_f64(), g.priority()));
    }
    // Among takeable courses, the one closing the earliest gap in learning order goes
    // first, so that skills come after their prerequisites where the courses allow.
    let rank: Vec<usize> = chosen
        .iter()
        .map(|&c| {
            catalog.course_teaches[c as usize]
                .iter()
                .filter_map(|&(s, l)| gap_at.get(&s).filter(|g| l.as_f64() >= g.1).map(|g| g.0))
                .min()
                .unwrap_or(usize::MAX)
        })
        .collect();
    let mut ready: BinaryHeap<Reverse<(usize, u32, usize)>> = (0..chosen.len())
        .filter(|&i| pending[i] == 0)
        .map(|i| Reverse((rank[i], chosen[i], i)))
        .collect();
    // Taught so far, per skill: (level, position in `order`), for finding providers.
    let mut taught: BTreeMap<u32, Vec<(Level, usize)>> = BTreeMap::new();
    let mut order: Vec<u32> = Vec::with_capacity(chosen.len());
    let mut after: Vec<Vec<usize>> = Vec::with_capacity(chosen.len());
    while let Some(Reverse((_, c, _))) = ready.pop() {
        let pos = order.len();
        after.push(Vec::new());
        for &(s, l) in &catalog.course_teaches[c as usize] {
            taught.entry(s).or_default().push((l, pos));
            let from = waiting.partition_point(|&(ws, _, _)| ws < s);
            for k in from..waiting.len() {
                let (ws, wl, wi) = waiting[k];
                if ws != s {
                    break;
                }
                if !done[k] && wl <= l {
                    done[k] = true;
                    pending[wi] -= 1;
                    if pending[wi] == 0 {
                        ready.push(Reverse((rank[wi], chosen[wi], wi)));
                    }
                }
            }
        }
        order.push(c);
    }
    // (A course never taken would have unmet requirements; the planner only returns
    // feasible sets, so every chosen course is in `order`.)

    // Stages: longest-path layering over the dependencies: each requirement the start
    // lacks, and each prerequisite (in the skill graph) of a gap the course closes, counts
    // through its earliest-stage provider among the courses before it. Courses are in a
    // valid order, so one pass suffices.
    let mut stage = vec![0usize; order.len()];
    for (i, &c) in order.iter().enumerate() {
        let closes_prerequisites = catalog.course_teaches[c as usize]
            .iter()
            .filter(|&&(s, l)| gap_at.get(&s).is_some_and(|g| l.as_f64() >= g.1))
            .flat_map(|&(s, _)| {
                catalog
                    .prereqs
                    .edges(NodeIndex::new(s as usize))
                    .map(|e| (e.target().index() as u32, *e.weight()))
            });
        let needs: Vec<Need> = catalog.course_requires[c as usize]
            .iter()
            .copied()
            .chain(closes_prerequisites)
            .collect();
        for (s, l) in needs {
            if start[s as usize] >= l.as_f64() {
                continue;
            }
            let provider = taught
                .get(&s)
                .into_iter()
                .flatten()
                .filter(|&&(tl, p)| tl >= l && p < i)
                .map(|&(_, p)| p)
                .min_by_key(|&p| (stage[p], p));
            if let Some(p) = provider {
                stage[i] = stage[i].max(stage[p] + 1);
                if !after[i].contains(&p) {
                    after[i].push(p);
                }
            }
        }
    }
    // What each course closes, in that order: the gaps whose level it is first to reach.
    let mut level: BTreeMap<u32, f64> = BTreeMap::new();
    let mut closes: Vec<Vec<&'c SkillId>> = Vec::with_capacity(order.len());
    let mut priority = vec![0.0f64; order.len()];
    for (i, &c) in order.iter().enumerate() {
        let mut list: Vec<(usize, &'c SkillId)> = Vec::new();
        for &(s, l) in &catalog.course_teaches[c as usize] {
            let now = level.entry(s).or_insert(start[s as usize]);
            let before = *now;
            *now = now.max(l.as_f64());
            if let Some(&(rank, need, p)) = gap_at.get(&s) {
                if before < need && *now >= need {
                    list.push((rank, catalog.skills[s as usize].id()));
                    priority[i] = priority[i].max(p);
                }
            }
        }
        list.sort_unstable_by_key(|&(rank, _)| rank);
        closes.push(list.into_iter().map(|(_, id)| id).collect());
    }

    // Final order: by stage, then priority (descending), then course id.
    let mut rank: Vec<usize> = (0..order.len()).collect();
    rank.sort_by(|&a, &b| {
        stage[a]
            .cmp(&stage[b])
            .then(priority[b].total_cmp(&priority[a]))
            .then(order[a].cmp(&order[b]))
    });
    let mut position = vec![0usize; order.len()];
    for (p, &i) in rank.iter().enumerate() {
        position[i] = p;
    }
    let courses: Vec<PlannedCourse<'c>> = rank
        .iter()
        .map(|&i| {
            let mut deps: Vec<usize> = after[i].iter().map(|&j| position[j]).collect();
            deps.sort_unstable();
            PlannedCourse {
                course: &catalog.courses[order[i] as usize],
                index: order[i],
                stage: stage[i],
                priority: priority[i],
                closes: std::mem::take(&mut closes[i]),
                after: deps,
            }
        })
        .collect();

    let mut uncovered: Vec<Uncovered<'c>> = blocked
        .into_iter()
        .map(|((s, need), why)| Uncovered {
            skill: catalog.skills[s as usize].id(),
            need,
            have: start[s as usize],
            reason: match why {
                Blocked::NoCourse(best_level) => UncoveredReason::NoCourse { best_level },
                Blocked::Missing { courses, missing } => UncoveredReason::MissingPrerequisite {
                    courses: courses
                        .iter()
                        .map(|&c| catalog.course_id(c).to_string())
                        .collect(),
                    missing: missing
                        .iter()
                        .map(|&(ms, ml)| (catalog.skills[ms as usize].id().to_string(), ml))
                        .collect(),
                },
                Blocked::Cycle { courses } => UncoveredReason::CourseCycle {
                    cycle: courses
                        .iter()
                        .map(|&c| catalog.course_id(c).to_string())
                        .collect(),
                },
            },
        })
        .collect();
    uncovered.sort_by(|a, b| a.skill.cmp(b.skill));
    Plan {
        catalog,
        target,
        gaps,
        courses,
        uncovered,
        optimal,
    }
}
