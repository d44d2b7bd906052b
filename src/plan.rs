//! Course plans: the courses that close a target's gaps, in an order that respects every
//! prerequisite.

use std::fmt;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::assess::Assessment;
use crate::catalog::{Catalog, Need};
use crate::course::Course;
use crate::error::Result;
use crate::gap::Gaps;
use crate::id::{RoleId, SkillId};
use crate::level::Level;

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
    /// Courses teach it, but each needs something that no reachable course teaches, or
    /// they need each other in a cycle.
    Unreachable {
        /// The courses that teach it high enough, by id.
        courses: Vec<String>,
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
            UncoveredReason::Unreachable { courses } => write!(
                f,
                "the courses teaching it ({}) need skills no reachable course teaches",
                courses.join(", ")
            ),
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
    pub(crate) closes: Vec<&'c SkillId>,
}

impl<'c> PlannedCourse<'c> {
    /// The course.
    pub fn course(&self) -> &'c Course {
        self.course
    }

    /// The gaps this course closes (the first course in the plan to reach the level
    /// needed), by skill id. Courses taken only for another course's prerequisites
    /// close none.
    pub fn closes(&self) -> &[&'c SkillId] {
        &self.closes
    }
}

/// The courses that close a target's gaps, in a valid order.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan<'c> {
    pub(crate) target: Option<&'c RoleId>,
    pub(crate) courses: Vec<PlannedCourse<'c>>,
    pub(crate) uncovered: Vec<Uncovered<'c>>,
}

impl Serialize for PlannedCourse<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("PlannedCourse", 6)?;
        s.serialize_field("id", self.course.id())?;
        s.serialize_field("title", self.course.title())?;
        s.serialize_field("provider", self.course.provider())?;
        s.serialize_field("hours", &self.course.hours())?;
        s.serialize_field("cost", &self.course.cost())?;
        s.serialize_field("closes", &self.closes)?;
        s.end()
    }
}

/// Serialized as `{"target", "courses": [{"id", "title", "provider", "hours", "cost",
/// "closes"}], "total_hours", "total_cost", "uncovered": [skill ids], "uncovered_reasons":
/// [{"skill", "need", "have", "reason"}]}`.
impl Serialize for Plan<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Plan", 6)?;
        s.serialize_field("target", &self.target)?;
        s.serialize_field("courses", &self.courses)?;
        s.serialize_field("total_hours", &self.total_hours())?;
        s.serialize_field("total_cost", &self.total_cost())?;
        let ids: Vec<&SkillId> = self.uncovered.iter().map(|u| u.skill).collect();
        s.serialize_field("uncovered", &ids)?;
        s.serialize_field("uncovered_reasons", &self.uncovered)?;
        s.end()
    }
}

impl<'c> Plan<'c> {
    /// The target role, when the plan is for a role.
    pub fn target(&self) -> Option<&'c RoleId> {
        self.target
    }

    /// The courses, in order: each after every course that teaches what it requires.
    pub fn courses(&self) -> &[PlannedCourse<'c>] {
        &self.courses
    }

    /// Gaps no course can close, by skill id, each with its reason.
    pub fn uncovered(&self) -> &[Uncovered<'c>] {
        &self.uncovered
    }

    /// Total study hours.
    pub fn total_hours(&self) -> f64 {
        self.courses.iter().map(|c| c.course.hours()).sum()
    }

    /// Total cost.
    pub fn total_cost(&self) -> f64 {
        self.courses.iter().map(|c| c.course.cost()).sum()
    }

    /// Whether there is nothing to take and nothing uncovered.
    pub fn is_empty(&self) -> bool {
        self.courses.is_empty() && self.uncovered.is_empty()
    }
}

/// Dense skill levels, one per catalog skill.
#[derive(Debug, Clone)]
struct State(Vec<f64>);

impl State {
    fn meets(&self, needs: &[Need]) -> bool {
        needs.iter().all(|&(s, l)| self.0[s as usize] >= l.as_f64())
    }

    fn take(&mut self, teaches: &[Need]) {
        for &(s, l) in teaches {
            let v = &mut self.0[s as usize];
            *v = v.max(l.as_f64());
        }
    }
}

/// Plans courses for `gaps` from the levels of `assessment`.
///
/// The first version is a greedy set cover (Chvátal 1979) with prerequisite closure:
/// repeatedly take the course, with the courses its prerequisites need, that closes the
/// most open gaps per hour (ties by course id); then drop courses made redundant, and
/// order the rest so that every course follows the courses that teach what it requires
/// (Kahn 1962; among courses that can be taken, the one closing the most urgent gap first).
pub(crate) fn plan<'c>(
    assessment: &Assessment<'c>,
    target: Option<&'c RoleId>,
    gaps: &Gaps<'c>,
) -> Plan<'c> {
    let catalog = assessment.catalog();
    let start = State(
        (0..catalog.skills.len() as u32)
            .map(|s| assessment.have_of(s))
            .collect(),
    );
    let goals: Vec<Need> = gaps
        .by_priority()
        .iter()
        .map(|g| (g.index, g.need))
        .collect();

    let mut state = start.clone();
    let mut chosen: Vec<u32> = Vec::new();
    let mut taken = vec![false; catalog.courses.len()];
    let mut uncovered_goals: Vec<usize> = Vec::new();
    loop {
        let open: Vec<usize> = (0..goals.len())
            .filter(|&g| !uncovered_goals.contains(&g) && !state.meets(&goals[g..=g]))
            .collect();
        if open.is_empty() {
            break;
        }
        let mut best: Option<(f64, u32, Vec<u32>)> = None;
        let mut candidates: Vec<u32> = open
            .iter()
            .flat_map(|&g| {
                let (s, need) = goals[g];
                catalog.teachers[s as usize]
                    .iter()
                    .filter(move |&&(_, l)| l >= need)
                    .map(|&(c, _)| c)
            })
            .filter(|&c| !taken[c as usize])
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for c in candidates {
            let mut visiting = Vec::new();
            let Some(mut bundle) = closure(catalog, c, &state, &taken, &mut visiting) else {
                continue;
            };
            bundle.push(c);
            let mut after = state.clone();
            for &b in &bundle {
                after.take(&catalog.course_teaches[b as usize]);
            }
            let closed = open.iter().filter(|&&g| after.meets(&goals[g..=g])).count();
            if closed == 0 {
                continue;
            }
            let hours: f64 = bundle
                .iter()
                .map(|&b| catalog.courses[b as usize].hours())
                .sum();
            let ratio = hours / closed as f64;
            if best
                .as_ref()
                .map_or(true, |(r, bc, _)| ratio < *r || (ratio == *r && c < *bc))
            {
                best = Some((ratio, c, bundle));
            }
        }
        match best {
            Some((_, _, bundle)) => {
                for b in bundle {
                    if !taken[b as usize] {
                        taken[b as usize] = true;
                        state.take(&catalog.course_teaches[b as usize]);
                        chosen.push(b);
                    }
                }
            }
            None => uncovered_goals.extend(open),
        }
    }

    // Drop courses made redundant, the longest first.
    let mut by_hours = chosen.clone();
    by_hours.sort_by(|&a, &b| {
        catalog.courses[b as usize]
            .hours()
            .total_cmp(&catalog.courses[a as usize].hours())
            .then(b.cmp(&a))
    });
    let reachable: Vec<usize> = (0..goals.len())
        .filter(|g| !uncovered_goals.contains(g))
        .collect();
    for c in by_hours {
        let without: Vec<u32> = chosen.iter().copied().filter(|&x| x != c).collect();
        if let Some(order) = order_courses(catalog, &start, &without, &goals, gaps) {
            let mut end = start.clone();
            for &x in &order {
                end.take(&catalog.course_teaches[x as usize]);
            }
            if reachable.iter().all(|&g| end.meets(&goals[g..=g])) {
                chosen = without;
            }
        }
    }
    let order = order_courses(catalog, &start, &chosen, &goals, gaps).unwrap_or(chosen);

    let mut courses = Vec::with_capacity(order.len());
    let mut now = start.clone();
    for c in order {
        let before = now.clone();
        now.take(&catalog.course_teaches[c as usize]);
        let closes = gaps
            .in_learning_order()
            .filter(|g| {
                before.0[g.index as usize] < g.need.as_f64()
                    && now.0[g.index as usize] >= g.need.as_f64()
            })
            .map(|g| g.skill.id())
            .collect();
        courses.push(PlannedCourse {
            course: &catalog.courses[c as usize],
            closes,
        });
    }
    let mut uncovered: Vec<Uncovered<'c>> = uncovered_goals
        .into_iter()
        .map(|g| {
            let (s, need) = goals[g];
            let teachers = &catalog.teachers[s as usize];
            let high_enough: Vec<String> = teachers
                .iter()
                .filter(|&&(_, l)| l >= need)
                .map(|&(c, _)| catalog.course_id(c).to_string())
                .collect();
            let reason = if high_enough.is_empty() {
                UncoveredReason::NoCourse {
                    best_level: teachers
                        .iter()
                        .map(|&(_, l)| l)
                        .max()
                        .unwrap_or(Level::NONE),
                }
            } else {
                UncoveredReason::Unreachable {
                    courses: high_enough,
                }
            };
            Uncovered {
                skill: catalog.skills[s as usize].id(),
                need,
                have: start.0[s as usize],
                reason,
            }
        })
        .collect();
    uncovered.sort_by(|a, b| a.skill.cmp(b.skill));
    Plan {
        target,
        courses,
        uncovered,
    }
}

/// The courses (not yet taken) that make course `c` takeable from `state`, prerequisites
/// first; `None` when some requirement cannot be met. Picks, for each unmet requirement,
/// the provider with the fewest hours (ties by id) whose own prerequisites can be met.
fn closure(
    catalog: &Catalog,
    c: u32,
    state: &State,
    taken: &[bool],
    visiting: &mut Vec<u32>,
) -> Option<Vec<u32>> {
    if visiting.contains(&c) {
        return None;
    }
    visiting.push(c);
    let mut bundle: Vec<u32> = Vec::new();
    let mut local = state.clone();
    for &(s, need) in &catalog.course_requires[c as usize] {
        if local.0[s as usize] >= need.as_f64() {
            continue;
        }
        let mut providers: Vec<u32> = catalog.teachers[s as usize]
            .iter()
            .filter(|&&(p, l)| l >= need && !taken[p as usize] && p != c)
            .map(|&(p, _)| p)
            .collect();
        providers.sort_by(|&a, &b| {
            catalog.courses[a as usize]
                .hours()
                .total_cmp(&catalog.courses[b as usize].hours())
                .then(a.cmp(&b))
        });
        let mut found = false;
        for p in providers {
            if let Some(sub) = closure(catalog, p, &local, taken, visiting) {
                for &x in sub.iter().chain(std::iter::once(&p)) {
                    if !bundle.contains(&x) {
                        bundle.push(x);
                        local.take(&catalog.course_teaches[x as usize]);
                    }
                }
                found = true;
                break;
            }
        }
        if !found {
            visiting.pop();
            return None;
        }
    }
    visiting.pop();
    Some(bundle)
}

/// Orders `courses` so each can be taken when its turn comes, starting from `start`.
/// Among the takeable ones, a course whose open gap skills have their skill prerequisites
/// in place goes first, then the course closing the most urgent open gap, ties by id.
/// `None` when some course can never be taken.
fn order_courses(
    catalog: &Catalog,
    start: &State,
    courses: &[u32],
    goals: &[Need],
    gaps: &Gaps<'_>,
) -> Option<Vec<u32>> {
    let mut state = start.clone();
    let mut left: Vec<u32> = courses.to_vec();
    left.sort_unstable();
    let mut order = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let rank = |c: u32| -> (bool, f64) {
            let teaches = &catalog.course_teaches[c as usize];
            let mut urgency = 0.0f64;
            let mut ready = true;
            for &(s, l) in teaches {
                let Some(i) = goals
                    .iter()
                    .position(|&(gs, gn)| gs == s && l >= gn && state.0[s as usize] < gn.as_f64())
                else {
                    continue;
                };
                urgency = urgency.max(gaps.by_priority()[i].priority);
                ready &= catalog.prereqs.edges(NodeIndex::new(s as usize)).all(|e| {
                    let (p, need) = (e.target().index(), e.weight().as_f64());
                    state.0[p] >= need
                        || teaches
                            .iter()
                            .any(|&(t, tl)| t as usize == p && tl.as_f64() >= need)
                });
            }
            (ready, urgency)
        };
        let pick = left
            .iter()
            .enumerate()
            .filter(|&(_, &c)| state.meets(&catalog.course_requires[c as usize]))
            .map(|(i, &c)| (i, c, rank(c)))
            .max_by(|a, b| {
                (a.2 .0)
                    .cmp(&b.2 .0)
                    .then(a.2 .1.total_cmp(&b.2 .1))
                    .then(b.1.cmp(&a.1))
            })
            .map(|(i, _, _)| i)?;
        let c = left.remove(pick);
        state.take(&catalog.course_teaches[c as usize]);
        order.push(c);
    }
    Some(order)
}

impl<'c> Assessment<'c> {
    /// Plans the courses that close a role's gaps, implied gaps included.
    ///
    /// Returns an empty plan for a profile that is already ready; gaps that no course can
    /// close are listed as [`Plan::uncovered`] with their reason, never dropped.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) when the
    /// catalog has no such role.
    pub fn plan(&self, role: &str) -> Result<Plan<'c>> {
        let r = self.catalog().role_index_or_err(role)?;
        let gaps = self.gaps_of(r);
        Ok(plan(self, Some(self.catalog().role_id(r)), &gaps))
    }
}
