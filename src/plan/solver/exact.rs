//! Exact planning by branch and bound over acyclic justifications.
//!
//! Every need (a goal, or a requirement of a chosen course) is *justified* by one chosen
//! course that provides it; a set of courses is feasible exactly when such a justification
//! exists without cycles (the courses can then be taken in a topological order). The search
//! branches on the open need with the fewest options, trying courses already chosen first
//! (free), then new ones by cost, and prunes with a packing lower bound: open needs whose
//! possible providers are pairwise disjoint each cost at least their cheapest provider.
//! Complete, so optimal when it finishes within its node budget.

use super::instance::{Instance, Local};

/// The most courses the exact search handles (one bit each in a `u128`).
pub(crate) const MAX_COURSES: usize = 128;

/// A set of local courses and its cost.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Solution {
    pub courses: Vec<Local>,
    pub cost: f64,
    /// Whether the search proved no cheaper set exists.
    pub optimal: bool,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    need: Local,
    /// The course needing it; `None` for a goal.
    by: Option<Local>,
}

struct Search<'a> {
    inst: &'a Instance,
    best_cost: f64,
    best: Option<u128>,
    nodes: u64,
    budget: u64,
    aborted: bool,
    /// Per need: the bit mask of its providers.
    provider_mask: Vec<u128>,
}

const EPS: f64 = 1e-9;

fn bit(c: Local) -> u128 {
    1u128 << c
}

fn members(mask: u128) -> impl Iterator<Item = Local> {
    let mut m = mask;
    std::iter::from_fn(move || {
        if m == 0 {
            None
        } else {
            let c = m.trailing_zeros();
            m &= m - 1;
            Some(c)
        }
    })
}

/// Finds a cheapest feasible set of courses meeting every goal of `inst`, starting from
/// `incumbent` (a known feasible set, if any). Explores at most `budget` nodes; the result
/// says whether it is proven optimal. `None` when the instance is too large for the exact
/// search (more than [`MAX_COURSES`] courses) or no feasible set was found.
pub(crate) fn solve(inst: &Instance, incumbent: Option<&[Local]>, budget: u64) -> Option<Solution> {
    if inst.len() > MAX_COURSES {
        return None;
    }
    let provider_mask = inst
        .providers
        .iter()
        .map(|ps| ps.iter().fold(0u128, |m, &c| m | bit(c)))
        .collect();
    let mut search = Search {
        inst,
        best_cost: f64::INFINITY,
        best: None,
        nodes: 0,
        budget,
        aborted: false,
        provider_mask,
    };
    if let Some(set) = incumbent {
        search.best_cost = inst.cost_of(set);
        search.best = Some(set.iter().fold(0u128, |m, &c| m | bit(c)));
    }
    let mut agenda: Vec<Item> = inst
        .goals
        .iter()
        .map(|&need| Item { need, by: None })
        .collect();
    let mut dep = vec![0u128; inst.len()];
    search.dfs(0, 0.0, &mut dep, &mut agenda);
    let best = search.best?;
    let courses: Vec<Local> = members(best).collect();
    Some(Solution {
        cost: inst.cost_of(&courses),
        courses,
        optimal: !search.aborted,
    })
}

impl Search<'_> {
    /// A lower bound on the cost still to pay for `agenda` given the `chosen` courses.
    fn lower_bound(&self, chosen: u128, agenda: &[Item]) -> f64 {
        let mut open: Vec<(f64, u128)> = Vec::new();
        for item in agenda {
            let mask = self.provider_mask[item.need as usize];
            if mask & chosen != 0 {
                continue;
            }
            let cheapest = self.inst.providers[item.need as usize]
                .first()
                .map_or(f64::INFINITY, |&c| self.inst.cost[c as usize]);
            open.push((cheapest, mask));
        }
        open.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        open.dedup();
        let mut used = 0u128;
        let mut packing = 0.0;
        for &(cost, mask) in &open {
            if mask & used == 0 {
                packing += cost;
                used |= mask;
            }
        }
        // Apportioning: a course's cost spread over the open needs it provides; every
        // open need then costs at least its cheapest share.
        let mut share = 0.0;
        for &(_, mask) in &open {
            let cheapest = members(mask)
                .map(|p| {
                    let k = open
                        .iter()
                        .filter(|&&(_, m)| m & bit(p) != 0)
                        .count()
                        .max(1);
                    self.inst.cost[p as usize] / k as f64
                })
                .fold(f64::INFINITY, f64::min);
            share += cheapest;
        }
        packing.max(share)
    }

    /// Whether justifying a need of `by` with `p` keeps the dependencies acyclic.
    fn acyclic(dep: &[u128], by: Option<Local>, p: Local) -> bool {
        match by {
            None => true,
            Some(r) => r != p && dep[p as usize] & bit(r) == 0,
        }
    }

    /// Records that `by` depends on `p` (and on all `p` depends on), for `by` and every
    /// chosen course depending on `by`.
    fn link(dep: &mut [u128], chosen: u128, by: Option<Local>, p: Local) {
        if let Some(r) = by {
            let add = dep[p as usize] | bit(p);
            for x in members(chosen) {
                if x == r || dep[x as usize] & bit(r) != 0 {
                    dep[x as usize] |= add;
                }
            }
        }
    }

    fn dfs(&mut self, chosen: u128, cost: f64, dep: &mut Vec<u128>, agenda: &mut Vec<Item>) {
        self.nodes += 1;
        if self.nodes > self.budget {
            self.aborted = true;
            return;
        }
        if cost + self.lower_bound(chosen, agenda) >= self.best_cost - EPS {
            return;
        }
        if agenda.is_empty() {
            self.best_cost = cost;
            self.best = Some(chosen);
            return;
        }
        // Goals met by a chosen course need no branching: a goal adds no ordering.
        if let Some(pos) = agenda
            .iter()
            .position(|it| it.by.is_none() && self.provider_mask[it.need as usize] & chosen != 0)
        {
            let item = agenda.swap_remove(pos);
            self.dfs(chosen, cost, dep, agenda);
            agenda.push(item);
            let last = agenda.len() - 1;
            agenda.swap(pos, last);
            return;
        }
        // Branch on the open need with the fewest options.
        let mut pick: Option<(usize, usize)> = None;
        for (i, it) in agenda.iter().enumerate() {
            let options = self.inst.providers[it.need as usize]
                .iter()
                .filter(|&&p| chosen & bit(p) == 0 || Self::acyclic(dep, it.by, p))
                .count();
            if options == 0 {
                return;
            }
            if pick.is_none_or(|(_, best)| options < best) {
                pick = Some((i, options));
            }
        }
        let Some((pos, _)) = pick else { return };
        let item = agenda.swap_remove(pos);
        let providers = &self.inst.providers[item.need as usize];
        // Free options first, then new courses, cheapest first.
        let (free, paid): (Vec<Local>, Vec<Local>) =
            providers.iter().partition(|&&p| chosen & bit(p) != 0);
        for p in free {
            if self.aborted {
                break;
            }
            if !Self::acyclic(dep, item.by, p) {
                continue;
            }
            let saved = dep.clone();
            Self::link(dep, chosen, item.by, p);
            self.dfs(chosen, cost, dep, agenda);
            *dep = saved;
        }
        for p in paid {
            if self.aborted || cost + self.inst.cost[p as usize] >= self.best_cost - EPS {
                continue;
            }
            let saved = dep.clone();
            let now = chosen | bit(p);
            dep[p as usize] = 0;
            Self::link(dep, now, item.by, p);
            let pushed = self.inst.requires[p as usize].len();
            agenda.extend(
                self.inst.requires[p as usize]
                    .iter()
                    .map(|&need| Item { need, by: Some(p) }),
            );
            self.dfs(now, cost + self.inst.cost[p as usize], dep, agenda);
            agenda.truncate(agenda.len() - pushed);
            *dep = saved;
        }
        agenda.push(item);
        let last = agenda.len() - 1;
        agenda.swap(pos, last);
    }
}
