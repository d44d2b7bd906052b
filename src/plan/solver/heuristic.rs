//! Planning for instances too large to search exhaustively: a greedy cover with
//! prerequisite closure, a pass that drops redundant courses, local search with cheap
//! exchange moves, then large-neighbourhood search that removes a few courses at a time and
//! re-covers their needs exactly.

use std::cell::{OnceCell, RefCell};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::exact;
use super::instance::{Instance, Local};
use crate::util::OrdF64;

const EPS: f64 = 1e-9;

/// Courses tried per pass by the *one out, greedy in* move, the costliest first: the dear
/// courses are where re-covering pays off, and the move is the search's costliest.
const REMOVALS_PER_PASS: usize = 32;

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

/// Course `c` with the courses its unmet requirements need, by `via`, prerequisites
/// first; `None` when some requirement cannot be met. A depth-first search with an
/// explicit stack (a chain of requirements of any length fits any thread's stack), each
/// course once (`seen` marks the courses added): O(bundle size + its requirements).
fn bundle(
    inst: &Instance,
    c: Local,
    met: &[bool],
    via: &[Option<Local>],
    seen: &mut Marks,
) -> Option<Vec<Local>> {
    seen.clear();
    let mut out = Vec::new();
    // Each course on the path with the position of its next requirement.
    let mut stack: Vec<(Local, usize)> = vec![(c, 0)];
    while let Some((x, next)) = stack.last_mut() {
        let x = *x;
        let Some(&r) = inst.requires[x as usize].get(*next) else {
            stack.pop();
            if seen.mark(x) {
                out.push(x);
            }
            continue;
        };
        *next += 1;
        if met[r as usize] {
            continue;
        }
        match via[r as usize] {
            Some(p) if p != x => {
                if !seen.has(p) {
                    stack.push((p, 0));
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A set of small integers cleared in O(1): each mark is the current generation.
#[derive(Debug, Clone, Default)]
struct Marks {
    stamps: Vec<u32>,
    generation: u32,
}

impl Marks {
    fn new(n: usize) -> Marks {
        Marks {
            stamps: vec![0; n],
            generation: 1,
        }
    }

    fn clear(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamps.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
    }

    fn has(&self, x: Local) -> bool {
        self.stamps[x as usize] == self.generation
    }

    /// Marks `x`; whether it was not marked.
    fn mark(&mut self, x: Local) -> bool {
        let new = !self.has(x);
        self.stamps[x as usize] = self.generation;
        new
    }
}

/// Every course with the courses its requirements need (cheapest closure from the start,
/// prerequisites first), each computed when first asked for: a chain of n courses has
/// bundles of every size up to n, O(n²) in all, of which the search asks for few.
#[derive(Debug, Clone)]
pub(crate) struct Bundles {
    /// The cheapest course for each need, from the start.
    via: Vec<Option<Local>>,
    satisfied: Vec<bool>,
    /// Per course: its bundle once computed; empty when some requirement cannot be met.
    members: Vec<OnceCell<Vec<Local>>>,
    seen: RefCell<Marks>,
}

impl Bundles {
    pub fn new(inst: &Instance, satisfied: &[bool]) -> Bundles {
        let (_, via) = closure_costs(inst, satisfied, &vec![false; inst.len()]);
        Bundles {
            via,
            satisfied: satisfied.to_vec(),
            members: vec![OnceCell::new(); inst.len()],
            seen: RefCell::new(Marks::new(inst.len())),
        }
    }

    /// Course `c` and the courses its requirements need, prerequisites first; empty when
    /// some requirement cannot be met.
    pub fn of(&self, inst: &Instance, c: Local) -> &[Local] {
        self.members[c as usize].get_or_init(|| {
            let mut seen = self.seen.borrow_mut();
            bundle(inst, c, &self.satisfied, &self.via, &mut seen).unwrap_or_default()
        })
    }
}

/// Covers the `targets` not yet `met` by adding bundles greedily (Chvátal 1979): the bundle
/// with the least cost of courses not yet taken per target newly met goes first (ties by
/// course index), with lazy re-evaluation. Returns `false` when some target stays open.
fn cover(
    inst: &Instance,
    bundles: &Bundles,
    targets: &[Local],
    met: &mut [bool],
    taken: &mut [bool],
    set: &mut Vec<Local>,
) -> bool {
    let mut is_target = vec![false; inst.needs.len()];
    let mut open = 0usize;
    for &t in targets {
        if !met[t as usize] && !is_target[t as usize] {
            is_target[t as usize] = true;
            open += 1;
        }
    }
    // The targets a bundle newly meets, counted once each.
    let mut newly = Marks::new(inst.needs.len());
    let mut evaluate =
        |c: Local, met: &[bool], taken: &[bool], is_target: &[bool]| -> Option<f64> {
            let members = bundles.of(inst, c);
            if members.is_empty() {
                return None;
            }
            let mut cost = 0.0;
            let mut count = 0usize;
            newly.clear();
            for &x in members {
                if !taken[x as usize] {
                    cost += inst.cost[x as usize];
                    for &n in &inst.provides[x as usize] {
                        if is_target[n as usize] && !met[n as usize] && newly.mark(n) {
                            count += 1;
                        }
                    }
                }
            }
            (count > 0).then(|| cost / count as f64)
        };
    let mut candidates: Vec<Local> = targets
        .iter()
        .filter(|&&t| is_target[t as usize])
        .flat_map(|&t| inst.providers[t as usize].iter().copied())
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut heap: BinaryHeap<Reverse<(OrdF64, Local)>> = candidates
        .into_iter()
        .filter_map(|c| evaluate(c, met, taken, &is_target).map(|r| Reverse((OrdF64(r), c))))
        .collect();
    while open > 0 {
        let Some(Reverse((_, c))) = heap.pop() else {
            return false;
        };
        let Some(ratio) = evaluate(c, met, taken, &is_target) else {
            continue;
        };
        if let Some(Reverse((OrdF64(next), _))) = heap.peek() {
            if ratio > *next + EPS {
                heap.push(Reverse((OrdF64(ratio), c)));
                continue;
            }
        }
        for &x in bundles.of(inst, c) {
            if !taken[x as usize] {
                taken[x as usize] = true;
                set.push(x);
                for &n in &inst.provides[x as usize] {
                    if !met[n as usize] {
                        met[n as usize] = true;
                        if is_target[n as usize] {
                            open -= 1;
                        }
                    }
                }
            }
        }
    }
    true
}

/// Greedy cover with prerequisite closure: bundles (a course with the cheapest courses its
/// requirements need) added by least cost per goal met. Returns the courses in a feasible
/// order, or `None` when some goal cannot be met.
pub(crate) fn greedy(inst: &Instance, satisfied: &[bool], bundles: &Bundles) -> Option<Vec<Local>> {
    let mut met = satisfied.to_vec();
    let mut taken = vec![false; inst.len()];
    let mut set = Vec::new();
    cover(inst, bundles, &inst.goals, &mut met, &mut taken, &mut set).then_some(set)
}

/// Local search over a feasible `set` with two moves, repeated while one improves it:
/// - *one in, some out*: add a course's bundle and remove the courses whose every
///   uniquely provided need it provides;
/// - *one out, greedy in*: remove a course and cover what it alone provided greedily.
///
/// Each accepted move is followed by the redundancy pass; only strictly cheaper sets are
/// kept. At most `passes` passes.
pub(crate) fn local_search(
    inst: &Instance,
    satisfied: &[bool],
    bundles: &Bundles,
    set: &mut Vec<Local>,
    passes: usize,
) {
    for _ in 0..passes {
        let swapped = one_in_some_out(inst, satisfied, bundles, set);
        let replaced = one_out_greedy_in(inst, satisfied, bundles, set);
        if !swapped && !replaced {
            break;
        }
    }
}

/// The *one in, some out* move for every course not in `set`: add its bundle and remove
/// the courses whose every uniquely provided need it provides, when that is cheaper and
/// feasible. Returns whether `set` improved.
fn one_in_some_out(
    inst: &Instance,
    satisfied: &[bool],
    bundles: &Bundles,
    set: &mut Vec<Local>,
) -> bool {
    let mut improved = false;
    let mut cov = Coverage::of(inst, satisfied, set);
    for y in 0..inst.len() {
        let Some((add, out)) = swap_in(inst, bundles, &cov, y) else {
            continue;
        };
        // Cheaper by construction (freed > added); keep it when still feasible.
        let mut next: Vec<Local> = set.iter().copied().filter(|x| !out.contains(x)).collect();
        next.extend(add);
        if inst.feasible(&next, satisfied) {
            drop_redundant(inst, satisfied, &mut next);
            *set = next;
            improved = true;
            cov = Coverage::of(inst, satisfied, set);
        }
    }
    improved
}

/// Course `y`'s bundle members missing from the set, and the members they make
/// redundant, when removing those frees more than adding costs.
fn swap_in(
    inst: &Instance,
    bundles: &Bundles,
    cov: &Coverage,
    y: usize,
) -> Option<(Vec<Local>, Vec<Local>)> {
    // Members only: a course whose bundle is unreachable has none.
    if cov.in_set[y] || bundles.of(inst, y as Local).is_empty() {
        return None;
    }
    let add: Vec<Local> = bundles
        .of(inst, y as Local)
        .iter()
        .copied()
        .filter(|&x| !cov.in_set[x as usize])
        .collect();
    if add.is_empty() {
        return None;
    }
    let add_cost: f64 = add.iter().map(|&x| inst.cost[x as usize]).sum();
    let mut provided: Vec<Local> = add
        .iter()
        .flat_map(|&x| inst.provides[x as usize].iter().copied())
        .collect();
    provided.sort_unstable();
    provided.dedup();
    let mut out: Vec<Local> = provided
        .iter()
        .filter_map(|&n| cov.only[n as usize])
        .collect();
    out.sort_unstable();
    out.dedup();
    out.retain(|&x| {
        cov.unique_of[x as usize]
            .iter()
            .all(|n| provided.binary_search(n).is_ok())
    });
    let freed: f64 = out.iter().map(|&x| inst.cost[x as usize]).sum();
    (freed > add_cost + EPS).then_some((add, out))
}

/// The *one out, greedy in* move for the costliest courses of `set`: remove one and cover
/// what it alone provided greedily, when that is cheaper. Returns whether `set` improved.
fn one_out_greedy_in(
    inst: &Instance,
    satisfied: &[bool],
    bundles: &Bundles,
    set: &mut Vec<Local>,
) -> bool {
    let mut improved = false;
    let mut by_cost = set.clone();
    by_cost.sort_by(|&a, &b| {
        inst.cost[b as usize]
            .total_cmp(&inst.cost[a as usize])
            .then(a.cmp(&b))
    });
    for x in by_cost.into_iter().take(REMOVALS_PER_PASS) {
        if !set.contains(&x) {
            continue;
        }
        let rest: Vec<Local> = set.iter().copied().filter(|&c| c != x).collect();
        let (kept, mut met) = inst.fixpoint(&rest, satisfied);
        let mut taken = vec![false; inst.len()];
        for &c in &kept {
            taken[c as usize] = true;
        }
        taken[x as usize] = true; // not back in through a bundle
        let mut next = kept;
        if !cover(inst, bundles, &inst.goals, &mut met, &mut taken, &mut next) {
            continue;
        }
        if inst.feasible(&next, satisfied) {
            drop_redundant(inst, satisfied, &mut next);
            if inst.cost_of(&next) < inst.cost_of(set) - EPS {
                *set = next;
                improved = true;
            }
        }
    }
    improved
}

/// What a feasible set covers: membership, the needs each member alone provides among
/// those the set needs (goals and its courses' requirements), and each such need's only
/// provider.
struct Coverage {
    in_set: Vec<bool>,
    unique_of: Vec<Vec<Local>>,
    only: Vec<Option<Local>>,
}

impl Coverage {
    fn of(inst: &Instance, satisfied: &[bool], set: &[Local]) -> Coverage {
        let mut in_set = vec![false; inst.len()];
        for &c in set {
            in_set[c as usize] = true;
        }
        let mut needed = vec![false; inst.needs.len()];
        for &g in &inst.goals {
            needed[g as usize] = !satisfied[g as usize];
        }
        for &c in set {
            for &r in &inst.requires[c as usize] {
                needed[r as usize] = !satisfied[r as usize];
            }
        }
        let mut count = vec![0u32; inst.needs.len()];
        let mut only: Vec<Option<Local>> = vec![None; inst.needs.len()];
        for &c in set {
            for &n in &inst.provides[c as usize] {
                if needed[n as usize] {
                    count[n as usize] += 1;
                    only[n as usize] = Some(c);
                }
            }
        }
        let mut unique_of: Vec<Vec<Local>> = vec![Vec::new(); inst.len()];
        for (n, u) in only.iter_mut().enumerate() {
            if count[n] == 1 {
                if let Some(c) = *u {
                    unique_of[c as usize].push(n as Local);
                }
            } else {
                *u = None;
            }
        }
        Coverage {
            in_set,
            unique_of,
            only,
        }
    }
}

/// Drops courses whose removal keeps the set feasible, the costliest first. Only courses
/// whose every needed need is also provided by another member are tried (a course that
/// alone provides a goal or a member's requirement must stay).
pub(crate) fn drop_redundant(inst: &Instance, satisfied: &[bool], set: &mut Vec<Local>) {
    let mut by_cost = set.clone();
    by_cost.sort_by(|&a, &b| {
        inst.cost[b as usize]
            .total_cmp(&inst.cost[a as usize])
            .then(b.cmp(&a))
    });
    // Per need: members providing it, members requiring it, and whether it is a goal;
    // kept up to date as members go.
    let mut providers = vec![0u32; inst.needs.len()];
    let mut requirers = vec![0u32; inst.needs.len()];
    let mut goal = vec![false; inst.needs.len()];
    for &g in &inst.goals {
        goal[g as usize] = !satisfied[g as usize];
    }
    for &c in set.iter() {
        for &n in &inst.provides[c as usize] {
            providers[n as usize] += 1;
        }
        for &r in &inst.requires[c as usize] {
            if !satisfied[r as usize] {
                requirers[r as usize] += 1;
            }
        }
    }
    for c in by_cost {
        let provides = &inst.provides[c as usize];
        // A course that alone provides a goal or a member's requirement must stay.
        let alone = provides.iter().any(|&n| {
            let n = n as usize;
            (goal[n] || requirers[n] > 0) && providers[n] < 2
        });
        if alone {
            continue;
        }
        // If no member requires anything `c` provides, no order depends on it and it can
        // go; otherwise check the order.
        let feeds_others = provides.iter().any(|&n| requirers[n as usize] > 0);
        let without: Vec<Local> = set.iter().copied().filter(|&x| x != c).collect();
        if !feeds_others || inst.feasible(&without, satisfied) {
            *set = without;
            for &n in provides {
                providers[n as usize] -= 1;
            }
            for &r in &inst.requires[c as usize] {
                if !satisfied[r as usize] {
                    requirers[r as usize] -= 1;
                }
            }
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
                let sub_none = vec![false; sub.needs.len()];
                let seed_set =
                    greedy(&sub, &sub_none, &Bundles::new(&sub, &sub_none)).map(|mut s| {
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
