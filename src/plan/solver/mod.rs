//! The solver behind the planner: the instance of candidate courses, the exact branch and
//! bound, and the heuristics for instances too large to search exhaustively.

mod blocked;
pub(crate) mod exact;
pub(crate) mod heuristic;
mod instance;

use std::collections::BTreeMap;

use crate::catalog::CourseAt;
pub(crate) use blocked::{Blocked, Explained};
pub(crate) use instance::{Built, Instance, Local};

/// Node budget of the exact search on small instances.
pub(crate) const EXACT_NODES: u64 = 2_000_000;
/// Largest component (candidate courses) improved by neighbourhood search with exact repair.
const LNS_COURSES: usize = 400;
/// Node budget per component on large instances.
const COMPONENT_NODES: u64 = 20_000;

/// How much the solver may search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Instances with at most this many candidate courses are solved exactly.
    pub exact_courses: usize,
    /// Node budget of the exact search.
    pub nodes: u64,
}

/// The solver's answer: the courses chosen (any order), the goals that cannot be met
/// with their reasons, and whether the choice is proven optimal.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub courses: Vec<CourseAt>,
    pub explained: Explained,
    pub optimal: bool,
}

/// Solves a built instance: exactly when small, else by [`solve_large`].
pub(crate) fn solve(built: Built, limits: Limits) -> Choice {
    let inst = built.instance.without_dominated();
    if inst.goals.is_empty() {
        return Choice {
            courses: Vec::new(),
            explained: built.explained,
            optimal: true,
        };
    }
    let none = vec![false; inst.needs.len()];
    let (chosen, optimal) = if inst.len() <= limits.exact_courses {
        let seed = heuristic::greedy(&inst, &none, &heuristic::Bundles::new(&inst, &none));
        match exact::solve(&inst, seed.as_deref(), limits.nodes) {
            Some(sol) => (sol.courses, sol.optimal),
            None => (seed.unwrap_or_default(), false),
        }
    } else {
        solve_large(&inst, &none, limits)
    };
    Choice {
        courses: chosen.iter().map(|&c| inst.courses[c as usize]).collect(),
        explained: built.explained,
        optimal,
    }
}

/// Large instances: independent components, each exactly when small enough to prove
/// within the budget, otherwise by greedy, redundancy pass and neighbourhood search.
fn solve_large(inst: &Instance, none: &[bool], limits: Limits) -> (Vec<Local>, bool) {
    let mut all_optimal = true;
    let mut chosen: Vec<Local> = Vec::new();
    for goals in components(inst) {
        let (sub, map) = inst.restrict(none, &goals, &vec![false; inst.len()]);
        let sub_none = vec![false; sub.needs.len()];
        let bundles = heuristic::Bundles::new(&sub, &sub_none);
        let mut set = heuristic::greedy(&sub, &sub_none, &bundles).unwrap_or_default();
        heuristic::drop_redundant(&sub, &sub_none, &mut set);
        let mut proven = false;
        if sub.len() <= exact::MAX_COURSES {
            if let Some(sol) = exact::solve(&sub, Some(&set), COMPONENT_NODES.min(limits.nodes)) {
                proven = sol.optimal;
                set = sol.courses;
            }
        }
        if !proven {
            heuristic::local_search(&sub, &sub_none, &bundles, &mut set, 3);
            if sub.len() <= LNS_COURSES {
                heuristic::improve(
                    &sub,
                    &sub_none,
                    &mut set,
                    heuristic::Effort {
                        rounds: 3,
                        destroy: 4,
                        repair_nodes: 2_000,
                        repair_courses: 128,
                    },
                );
            }
        }
        all_optimal &= proven;
        chosen.extend(set.iter().map(|&c| map[c as usize]));
    }
    chosen.sort_unstable();
    chosen.dedup();
    (chosen, all_optimal)
}

/// Groups the goals of `inst` into independent components: two goals are in one component
/// when some course provides or requires needs reachable from both (union-find over the
/// needs each course touches).
fn components(inst: &Instance) -> Vec<Vec<Local>> {
    let n = inst.needs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for c in 0..inst.len() {
        let mut touched = inst.provides[c].iter().chain(&inst.requires[c]);
        if let Some(&first) = touched.next() {
            let a = find(&mut parent, first as usize);
            for &other in touched {
                let b = find(&mut parent, other as usize);
                if a != b {
                    parent[b] = a;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<Local>> = BTreeMap::new();
    for &g in &inst.goals {
        let root = find(&mut parent, g as usize);
        groups.entry(root).or_default().push(g);
    }
    groups.into_values().collect()
}
