//! Assembling a plan from the courses the solver chose: a valid order, stages, what each
//! course closes, and the gaps left uncovered with their reasons. Works on sparse level
//! changes: the cost grows with the plan, not the catalog.

use std::collections::BTreeMap;

use super::solver::{Blocked, Explained};
use super::{Plan, PlannedCourse, Uncovered, UncoveredReason};
use crate::assess::Gaps;
use crate::catalog::{Catalog, CourseAt, Need, SkillAt};
use crate::model::{Level, RoleId, Skill};
use crate::util::kahn;

/// A gap as the assembly sees it: its place in the learning order, the level needed and
/// its priority.
#[derive(Debug, Clone, Copy)]
struct GapAt {
    rank: usize,
    need: f64,
    priority: f64,
}

/// What the solver chose, on its way to a [`Plan`].
pub(super) struct Chosen<'c> {
    pub catalog: &'c Catalog,
    pub target: Option<&'c RoleId>,
    pub gaps: Gaps<'c>,
    pub courses: Vec<CourseAt>,
    pub explained: Explained,
    pub optimal: bool,
}

/// Builds the plan: a valid order of the chosen courses (Kahn 1962, the course closing the
/// earliest gap in learning order first, then the lowest course), the dependencies
/// between courses, stages by longest-path layering over them, what each course closes,
/// the final order (by stage, then priority, then course id), and the uncovered gaps.
/// `start` has the levels before the plan, one per catalog skill.
pub(super) fn assemble<'c>(chosen: Chosen<'c>, start: &[f64]) -> Plan<'c> {
    let catalog = chosen.catalog;
    let gap_at: BTreeMap<SkillAt, GapAt> = chosen
        .gaps
        .in_learning_order()
        .enumerate()
        .map(|(rank, g)| {
            let at = GapAt {
                rank,
                need: g.need().as_f64(),
                priority: g.priority(),
            };
            (g.index(), at)
        })
        .collect();
    let order = valid_order(catalog, start, chosen.courses, &gap_at);
    let (stage, after) = stages(catalog, start, &order, &gap_at);
    let (closes, priority) = closes(catalog, start, &order, &gap_at);
    let courses = final_order(catalog, &order, stage, after, closes, priority);
    let (uncovered, course_cycles) = uncovered(catalog, start, chosen.explained);
    Plan {
        catalog,
        target: chosen.target,
        gaps: chosen.gaps,
        courses,
        uncovered,
        course_cycles,
        optimal: chosen.optimal,
        gates: Vec::new(),
    }
}

/// The chosen courses in a valid order: each after the courses teaching what it requires
/// (where the start lacks it). Among the courses ready, the one closing the earliest gap
/// in learning order goes first, so that skills come after their prerequisites where the
/// courses allow; ties by course.
fn valid_order(
    catalog: &Catalog,
    start: &[f64],
    mut chosen: Vec<CourseAt>,
    gap_at: &BTreeMap<SkillAt, GapAt>,
) -> Vec<CourseAt> {
    let index = catalog.course_index();
    chosen.sort_unstable();
    chosen.dedup();
    // Items numbered by priority: Kahn's order takes the lowest ready item first.
    let rank = |c: CourseAt| {
        index
            .teaches(c)
            .iter()
            .filter_map(|t| {
                let g = gap_at.get(&t.skill)?;
                (t.level.as_f64() >= g.need).then_some(g.rank)
            })
            .min()
            .unwrap_or(usize::MAX)
    };
    chosen.sort_by_key(|&c| (rank(c), c));
    // Requirements the start does not meet: (skill, level, item), by skill.
    let mut waiting: Vec<(SkillAt, Level, u32)> = Vec::new();
    let mut missing = vec![0u32; chosen.len()];
    for (i, &c) in chosen.iter().enumerate() {
        for r in index.requires(c) {
            if start[r.skill.get()] < r.level.as_f64() {
                waiting.push((r.skill, r.level, i as u32));
                missing[i] += 1;
            }
        }
    }
    waiting.sort_unstable();
    let mut done = vec![false; waiting.len()];
    let mut order = Vec::with_capacity(chosen.len());
    kahn::order(&mut missing, &mut Vec::new(), |i, release| {
        let c = chosen[i as usize];
        order.push(c);
        for t in index.teaches(c) {
            let from = waiting.partition_point(|w| w.0 < t.skill);
            for (k, &(_, level, j)) in waiting[from..]
                .iter()
                .enumerate()
                .take_while(|(_, w)| w.0 == t.skill)
            {
                if level <= t.level && !std::mem::replace(&mut done[from + k], true) {
                    release.one(j);
                }
            }
        }
    });
    // (A course never taken would have unmet requirements; the planner only returns
    // feasible sets, so every chosen course is in `order`.)
    order
}

/// Stages by longest-path layering over the dependencies, and each course's dependencies
/// (positions in `order`). A course depends, for each requirement the start lacks and
/// each prerequisite (in the skill graph) of a gap it closes, on the earliest-stage course
/// before it teaching that level. Courses are in a valid order, so one pass suffices.
fn stages(
    catalog: &Catalog,
    start: &[f64],
    order: &[CourseAt],
    gap_at: &BTreeMap<SkillAt, GapAt>,
) -> (Vec<usize>, Vec<Vec<usize>>) {
    let index = catalog.course_index();
    // Taught so far, per skill: (level, position in `order`).
    let mut taught: BTreeMap<SkillAt, Vec<(Level, usize)>> = BTreeMap::new();
    let mut stage = vec![0usize; order.len()];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
    for (i, &c) in order.iter().enumerate() {
        let closes_prerequisites = index
            .teaches(c)
            .iter()
            .filter(|t| {
                gap_at
                    .get(&t.skill)
                    .is_some_and(|g| t.level.as_f64() >= g.need)
            })
            .flat_map(|t| catalog.skill_graph().prerequisites(t.skill))
            .map(|(skill, level)| Need { skill, level });
        let needs: Vec<Need> = index
            .requires(c)
            .iter()
            .copied()
            .chain(closes_prerequisites)
            .collect();
        for n in needs {
            if start[n.skill.get()] >= n.level.as_f64() {
                continue;
            }
            let provider = taught
                .get(&n.skill)
                .into_iter()
                .flatten()
                .filter(|&&(level, p)| level >= n.level && p < i)
                .map(|&(_, p)| p)
                .min_by_key(|&p| (stage[p], p));
            if let Some(p) = provider {
                stage[i] = stage[i].max(stage[p] + 1);
                after[i].push(p);
            }
        }
        after[i].sort_unstable();
        after[i].dedup();
        for t in index.teaches(c) {
            taught.entry(t.skill).or_default().push((t.level, i));
        }
    }
    (stage, after)
}

/// What each course closes, in learning order (the gaps whose level it is the first to
/// reach), and the largest priority among them (0 for a course taken only for another
/// course's requirements).
fn closes<'c>(
    catalog: &'c Catalog,
    start: &[f64],
    order: &[CourseAt],
    gap_at: &BTreeMap<SkillAt, GapAt>,
) -> (Vec<Vec<&'c Skill>>, Vec<f64>) {
    let mut level: BTreeMap<SkillAt, f64> = BTreeMap::new();
    let mut closes = Vec::with_capacity(order.len());
    let mut priority = vec![0.0f64; order.len()];
    for (i, &c) in order.iter().enumerate() {
        let mut list: Vec<(usize, &'c Skill)> = Vec::new();
        for t in catalog.course_index().teaches(c) {
            let now = level.entry(t.skill).or_insert(start[t.skill.get()]);
            let before = *now;
            *now = now.max(t.level.as_f64());
            if let Some(g) = gap_at.get(&t.skill) {
                if before < g.need && *now >= g.need {
                    list.push((g.rank, catalog.skill_at(t.skill)));
                    priority[i] = priority[i].max(g.priority);
                }
            }
        }
        list.sort_unstable_by_key(|&(rank, _)| rank);
        closes.push(list.into_iter().map(|(_, id)| id).collect());
    }
    (closes, priority)
}

/// The planned courses by stage, then priority (descending), then course id, with their
/// dependencies as positions in that order.
fn final_order<'c>(
    catalog: &'c Catalog,
    order: &[CourseAt],
    stage: Vec<usize>,
    after: Vec<Vec<usize>>,
    mut closes: Vec<Vec<&'c Skill>>,
    priority: Vec<f64>,
) -> Vec<PlannedCourse<'c>> {
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
    rank.iter()
        .map(|&i| {
            let mut deps: Vec<usize> = after[i].iter().map(|&j| position[j]).collect();
            deps.sort_unstable();
            PlannedCourse {
                course: catalog.course_at(order[i]),
                at: order[i],
                stage: stage[i],
                priority: priority[i],
                closes: std::mem::take(&mut closes[i]),
                after: deps,
            }
        })
        .collect()
}

/// The goals no course can meet, by skill id, with their reasons, and the course cycles
/// the reasons refer to (those referred to, in their order, renumbered).
fn uncovered<'c>(
    catalog: &'c Catalog,
    start: &[f64],
    explained: Explained,
) -> (Vec<Uncovered<'c>>, Vec<Vec<String>>) {
    let course_ids = |courses: &[CourseAt]| -> Vec<String> {
        courses
            .iter()
            .map(|&c| catalog.course_at(c).id().to_string())
            .collect()
    };
    let mut used: Vec<usize> = explained
        .blocked
        .iter()
        .filter_map(|(_, why)| match why {
            Blocked::Cycle(c) => Some(*c),
            _ => None,
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut out: Vec<Uncovered<'c>> = explained
        .blocked
        .into_iter()
        .map(|(n, why)| Uncovered {
            skill: catalog.skill_at(n.skill),
            need: n.level,
            have: start[n.skill.get()],
            reason: match why {
                Blocked::NoCourse(best_level) => UncoveredReason::NoCourse { best_level },
                Blocked::Missing { courses, missing } => UncoveredReason::MissingPrerequisite {
                    courses: course_ids(&courses),
                    missing: missing
                        .iter()
                        .map(|m| (catalog.skill_at(m.skill).id().to_string(), m.level))
                        .collect(),
                },
                Blocked::Cycle(c) => UncoveredReason::CourseCycle {
                    cycle: used.binary_search(&c).unwrap_or(0),
                },
            },
        })
        .collect();
    out.sort_by(|a, b| a.skill.id().cmp(b.skill.id()));
    let cycles = used
        .iter()
        .map(|&c| course_ids(&explained.cycles[c]))
        .collect();
    (out, cycles)
}
