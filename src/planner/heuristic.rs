//! Planning for instances too large to search exhaustively: a greedy cover with
//! prerequisite closure, a pass that drops redundant courses, then large-neighbourhood
//! search that removes a few courses at a time and re-covers their needs exactly.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::exact;
use super::instance::{Instance, Local};
use crate::graph::OrdF64;

const EPS: f64 = 1e-9;

/// The cheapest way to meet each need from the `met` ones, treating the requirements of
/// a course as independent (an AND-OR shortest path, Knuth 1977): `h[n]` is the cost and
/// `via[n]` the course achieving it. Unreachable needs get infinity.
fn closure_costs(inst: &Instance, met: &[bool], taken: &[bool]) -> (Vec<f64>, Vec<Option<Local>>) {
    let n = inst.needs.len();
    let mut h = vec![f64::INFINITY; n];
    let mut via: Vec<Option<Local>> = vec![None; n];
    let mut done = vec![false; n];
    let mut remaining: Vec<usize> = inst.requires.iter().map(Vec::len).collect();
    let mut acc: Vec<f64> = inst.cost.clone();
    let mut requirers: Vec<Vec<Local>> = vec![Vec::new(); n];
    for (c, reqs) in inst.requires.iter().enumerate() {
        for &r in reqs {
            requirers[r as usize].push(c as Local);
        }
    }
    let mut heap: BinaryHeap<Reverse<(OrdF64, Local, Local)>> = BinaryHeap::new();
    for (need, &is_met) in met.iter().enumerate() {
        if is_met {
            heap.push(Reverse((OrdF64(0.0), need as Local, Local::MAX)));
        }
    }
    for c in 0..inst.len() {
        if remaining[c] == 0 && !taken[c] {
            for &p in &inst.provides[c] {
                heap.push(Reverse((OrdF64(acc[c]), p, c as Local)));
            }
        }
    }
    while let Some(Reverse((OrdF64(cost), need, by))) = heap.pop() {
        if done[need as usize] {
            continue;
        }
        done[need as usize] = true;
        h[need as usize] = cost;
        via[need as usize] = (by != Local::MAX).then_some(by);
        for &c in &requirers[need as usize] {
            let c = c as usize;
            acc[c] += cost;
            remaining[c] -= 1;
            if remaining[c] == 0 && !taken[c] {
                for &p in &inst.provides[c] {
                    if !done[p as usize] {
                        heap.push(Reverse((OrdF64(acc[c]), p, c as Local)));
                    }
                }
            }
        }
    }
    (h, via)
}

/// Course `c` with the courses its unmet requirements need, by `via`, prerequisites first.
fn bundle(
    inst: &Instance,
    c: Local,
    met: &[bool],
    via: &[Option<Local>],
    out: &mut Vec<Local>,
) -> bool {
    for &r in &inst.requires[c as usize] {
        if met[r as usize] {
            continue;
        }
        match via[r as usize] {
            Some(p) if p != c => {
                if !out.contains(&p) && !bundle(inst, p, met, via, out) {
                    return false;
                }
            }
            _ => return false,
        }
    }
    if !out.contains(&c) {
        out.push(c);
    }
    true
}

/// Greedy cover (Chvátal 1979) with prerequisite closure: repeatedly take the course, with
/// the courses its requirements need, that meets the most open goals per unit of cost
/// (ties by local index). Returns the courses in a feasible order, or `None` when some goal
/// cannot be met.
pub(crate) fn greedy(inst: &Instance, satisfied: &[bool]) -> Option<Vec<Local>> {
    let mut met = satisfied.to_vec();
    let mut taken = vec![false; inst.len()];
    let mut chosen: Vec<Local> = Vec::new();
    let mut is_goal = vec![false; inst.needs.len()];
    for &g in &inst.goals {
        is_goal[g as usize] = true;
    }
    loop {
        let open: Vec<Local> = inst
            .goals
            .iter()
            .copied()
            .filter(|&g| !met[g as usize])
            .collect();
        if open.is_empty() {
            return Some(chosen);
        }
        let (_, via) = closure_costs(inst, &met, &taken);
        let mut candidates: Vec<Local> = open
            .iter()
            .flat_map(|&g| inst.providers[g as usize].iter().copied())
            .filter(|&c| !taken[c as usize])
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, Vec<Local>)> = None;
        let mut scratch = Vec::new();
        for c in candidates {
            scratch.clear();
            if !bundle(inst, c, &met, &via, &mut scratch) {
                continue;
            }
            let cost: f64 = scratch.iter().map(|&x| inst.cost[x as usize]).sum();
            let mut covered = 0usize;
            let mut seen: Vec<Local> = Vec::new();
            for &x in &scratch {
                for &n in &inst.provides[x as usize] {
                    if is_goal[n as usize] && !met[n as usize] && !seen.contains(&n) {
                        seen.push(n);
                        covered += 1;
                    }
                }
            }
            if covered == 0 {
                continue;
            }
            let ratio = cost / covered as f64;
            if best.as_ref().is_none_or(|(r, _)| ratio < *r - EPS) {
                best = Some((ratio, scratch.clone()));
            }
        }
        let (_, picked) = best?;
        for x in picked {
            taken[x as usize] = true;
            for &n in &inst.provides[x as usize] {
                met[n as usize] = true;
            }
            chosen.push(x);
        }
    }
}

/// Drops courses whose removal keeps the set feasible, the costliest first.
pub(crate) fn drop_redundant(inst: &Instance, satisfied: &[bool], set: &mut Vec<Local>) {
    let mut by_cost = set.clone();
    by_cost.sort_by(|&a, &b| {
        inst.cost[b as usize]
            .total_cmp(&inst.cost[a as usize])
            .then(b.cmp(&a))
    });
    for c in by_cost {
        let without: Vec<Local> = set.iter().copied().filter(|&x| x != c).collect();
        if inst.feasible(&without, satisfied) {
            *set = without;
        }
    }
}

/// Effort limits of the neighbourhood search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Effort {
    /// Rounds over the solution's courses.
    pub rounds: usize,
    /// Most courses removed at once.
    pub destroy: usize,
    /// Node budget of each exact repair.
    pub repair_nodes: u64,
    /// Largest repair sub-instance solved exactly (courses).
    pub repair_courses: usize,
}

/// Improves a feasible `set` by large-neighbourhood search: for each course in turn (the
/// costliest first), remove it with up to `destroy − 1` courses that share needs with it,
/// keep what can still be taken, and re-cover the open needs with an exact search over
/// the courses providing them; accept when cheaper. Repeats while a round improves.
pub(crate) fn improve(inst: &Instance, satisfied: &[bool], set: &mut Vec<Local>, effort: Effort) {
    let m = inst.len();
    for _ in 0..effort.rounds {
        let mut improved = false;
        let mut seeds = set.clone();
        seeds.sort_by(|&a, &b| {
            inst.cost[b as usize]
                .total_cmp(&inst.cost[a as usize])
                .then(a.cmp(&b))
        });
        for seed in seeds {
            if !set.contains(&seed) {
                continue;
            }
            for size in 1..=effort.destroy {
                let destroy = neighbourhood(inst, set, seed, size);
                let keep: Vec<Local> = set
                    .iter()
                    .copied()
                    .filter(|c| !destroy.contains(c))
                    .collect();
                let (kept, met) = inst.fixpoint(&keep, satisfied);
                let freed: f64 = inst.cost_of(set) - inst.cost_of(&kept);
                let mut exclude = vec![false; m];
                for &c in &kept {
                    exclude[c as usize] = true;
                }
                let (sub, map) = inst.restrict(&met, &inst.goals, &exclude);
                if sub.len() > effort.repair_courses {
                    continue;
                }
                let seed_set = greedy(&sub, &vec![false; sub.needs.len()]).map(|mut s| {
                    drop_redundant(&sub, &vec![false; sub.needs.len()], &mut s);
                    s
                });
                let Some(sol) = exact::solve(&sub, seed_set.as_deref(), effort.repair_nodes) else {
                    continue;
                };
                if sol.cost < freed - EPS {
                    let mut next = kept.clone();
                    next.extend(sol.courses.iter().map(|&c| map[c as usize]));
                    if inst.feasible(&next, satisfied) {
                        drop_redundant(inst, satisfied, &mut next);
                        *set = next;
                        improved = true;
                        break;
                    }
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// `seed` and up to `size − 1` other courses of `set` closest to it. Closeness is through
/// the candidates: the needs `seed` provides or requires, widened by every candidate course
/// touching one of them; the courses of `set` touching the most of those needs come first
/// (then the costlier, then the lower index). So two courses that one candidate could
/// replace together are removed together.
fn neighbourhood(inst: &Instance, set: &[Local], seed: Local, size: usize) -> Vec<Local> {
    let touches = |c: Local| {
        inst.provides[c as usize]
            .iter()
            .chain(&inst.requires[c as usize])
    };
    let mut near_needs: Vec<Local> = touches(seed).copied().collect();
    let direct = near_needs.clone();
    for &n in &direct {
        for &q in &inst.providers[n as usize] {
            near_needs.extend(touches(q));
        }
    }
    near_needs.sort_unstable();
    near_needs.dedup();
    let mut scored: Vec<(usize, Local)> = set
        .iter()
        .copied()
        .filter(|&c| c != seed)
        .map(|c| {
            (
                touches(c)
                    .filter(|n| near_needs.binary_search(n).is_ok())
                    .count(),
                c,
            )
        })
        .filter(|&(k, _)| k > 0)
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(inst.cost[b.1 as usize].total_cmp(&inst.cost[a.1 as usize]))
            .then(a.1.cmp(&b.1))
    });
    let mut out = vec![seed];
    out.extend(
        scored
            .into_iter()
            .take(size.saturating_sub(1))
            .map(|(_, c)| c),
    );
    out
}
