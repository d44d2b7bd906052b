//! A planning instance: the needs to meet, the candidate courses, and who provides what.
//!
//! Needs are `(skill, level)` pairs not met by the starting levels: the goals, and the
//! requirements of candidate courses. A course *provides* a need when it teaches the skill
//! at that level or higher. Levels only ever rise to the highest level taught, so each
//! need is met by one course, and a set of courses is feasible when its courses can be
//! ordered so that each one's needs are provided by courses before it.

use crate::catalog::{Catalog, Need};
use crate::model::Level;
use crate::util::hash::IndexMap;

/// Local indices: courses and needs of one instance.
pub(crate) type Local = u32;

#[derive(Debug, Clone)]
pub(crate) struct Instance {
    /// The catalog index of each local course, ascending.
    pub courses: Vec<u32>,
    /// Objective cost of each local course.
    pub cost: Vec<f64>,
    /// Needs as `(skill, level)`.
    pub needs: Vec<Need>,
    /// Per course: the needs it provides.
    pub provides: Vec<Vec<Local>>,
    /// Per course: the needs it requires (those not met at the start).
    pub requires: Vec<Vec<Local>>,
    /// Per need: the courses providing it, cheapest first (ties by index).
    pub providers: Vec<Vec<Local>>,
    /// The needs to meet.
    pub goals: Vec<Local>,
}

/// Why a goal cannot be met from the candidate courses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Blocked {
    /// No course teaches the skill that high; the best level taught.
    NoCourse(Level),
    /// The providing courses (catalog indices) need skill levels (catalog `Need`s) that no
    /// reachable course teaches.
    Missing {
        courses: Vec<u32>,
        missing: Vec<Need>,
    },
    /// The providing courses can only be taken after each other: a cycle of catalog courses.
    Cycle { courses: Vec<u32> },
}

/// What [`Instance::build`] found: the instance of reachable courses and closable goals,
/// and the goals it had to leave out with their reasons.
#[derive(Debug, Clone)]
pub(crate) struct Built {
    pub instance: Instance,
    /// Goals (catalog needs) that cannot be met, with the reason.
    pub blocked: Vec<(Need, Blocked)>,
}

impl Instance {
    /// Builds the instance for reaching `goals` from `start` (dense levels per skill) with
    /// the catalog's courses whose cost `cost` gives (`None` excludes a course).
    ///
    /// Works backward from the goals to the courses providing them and their requirements,
    /// then forward from the start to keep only the courses that can ever be taken.
    pub fn build(
        catalog: &Catalog,
        start: &[f64],
        goals: &[Need],
        cost: impl Fn(u32) -> Option<f64>,
    ) -> Built {
        // Need slots per skill and level (levels are 0..=5).
        let mut slot: IndexMap<u32, [u32; 6]> = IndexMap::default();
        let mut needs: Vec<Need> = Vec::new();
        let mut seen_course = vec![false; catalog.courses.len()];
        let mut courses: Vec<u32> = Vec::new();
        let mut queue: Vec<usize> = Vec::new();
        let mut intern = |n: Need, needs: &mut Vec<Need>, queue: &mut Vec<usize>| -> usize {
            let cell = &mut slot.entry(n.0).or_insert([u32::MAX; 6])[n.1.get() as usize];
            if *cell == u32::MAX {
                *cell = needs.len() as u32;
                needs.push(n);
                queue.push(needs.len() - 1);
            }
            *cell as usize
        };
        let mut goal_ids = Vec::new();
        for &g in goals {
            if start[g.0 as usize] < g.1.as_f64() {
                goal_ids.push(intern(g, &mut needs, &mut queue));
            }
        }
        goal_ids.sort_unstable();
        goal_ids.dedup();
        while let Some(n) = queue.pop() {
            let (s, level) = needs[n];
            for &(c, taught) in &catalog.teachers[s as usize] {
                if taught < level || seen_course[c as usize] || cost(c).is_none() {
                    continue;
                }
                seen_course[c as usize] = true;
                courses.push(c);
                for &(rs, rl) in &catalog.course_requires[c as usize] {
                    if start[rs as usize] < rl.as_f64() {
                        intern((rs, rl), &mut needs, &mut queue);
                    }
                }
            }
        }
        courses.sort_unstable();
        let need_of = |n: Need| {
            let v = slot
                .get(&n.0)
                .map_or(u32::MAX, |cells| cells[n.1.get() as usize]);
            (v != u32::MAX).then_some(v as usize)
        };

        // Forward: which courses can ever be taken (Kahn-style, on counts of unmet needs).
        let m = courses.len();
        let mut provides: Vec<Vec<usize>> = vec![Vec::new(); m];
        let mut requires: Vec<Vec<usize>> = vec![Vec::new(); m];
        let mut requirers: Vec<Vec<usize>> = vec![Vec::new(); needs.len()];
        for (i, &c) in courses.iter().enumerate() {
            for &(s, taught) in &catalog.course_teaches[c as usize] {
                // The needs on this skill at or below the level taught.
                if let Some(cells) = slot.get(&s) {
                    let cells = &cells[..=taught.get() as usize];
                    provides[i].extend(
                        cells
                            .iter()
                            .filter(|&&v| v != u32::MAX)
                            .map(|&v| v as usize),
                    );
                }
            }
            for &(rs, rl) in &catalog.course_requires[c as usize] {
                if let Some(n) = need_of((rs, rl)).filter(|_| start[rs as usize] < rl.as_f64()) {
                    requires[i].push(n);
                    requirers[n].push(i);
                }
            }
        }
        let mut missing: Vec<usize> = requires.iter().map(Vec::len).collect();
        let mut met = vec![false; needs.len()];
        let mut takeable = vec![false; m];
        let mut ready: Vec<usize> = (0..m).filter(|&i| missing[i] == 0).collect();
        while let Some(i) = ready.pop() {
            if takeable[i] {
                continue;
            }
            takeable[i] = true;
            for &n in &provides[i] {
                if !met[n] {
                    met[n] = true;
                    for &j in &requirers[n] {
                        missing[j] -= 1;
                        if missing[j] == 0 {
                            ready.push(j);
                        }
                    }
                }
            }
        }

        let blocked: Vec<(Need, Blocked)> = goal_ids
            .iter()
            .filter(|&&g| !met[g])
            .map(|&g| {
                (
                    needs[g],
                    explain_blocked(
                        catalog, &courses, &provides, &requires, &takeable, &met, &needs, g,
                    ),
                )
            })
            .collect();

        // Re-index: takeable courses, and the needs they or the goals still involve.
        let keep: Vec<usize> = (0..m).filter(|&i| takeable[i]).collect();
        let mut new_need = vec![u32::MAX; needs.len()];
        let mut kept_needs: Vec<Need> = Vec::new();
        let mut renumber = |n: usize, kept: &mut Vec<Need>| -> Local {
            if new_need[n] == u32::MAX {
                new_need[n] = kept.len() as u32;
                kept.push(needs[n]);
            }
            new_need[n]
        };
        let goals_local: Vec<Local> = goal_ids
            .iter()
            .filter(|&&g| met[g])
            .map(|&g| renumber(g, &mut kept_needs))
            .collect();
        let mut inst_requires = Vec::with_capacity(keep.len());
        for &i in &keep {
            inst_requires.push(
                requires[i]
                    .iter()
                    .map(|&n| renumber(n, &mut kept_needs))
                    .collect::<Vec<_>>(),
            );
        }
        let mut inst_provides: Vec<Vec<Local>> = Vec::with_capacity(keep.len());
        for &i in &keep {
            let mut p: Vec<Local> = provides[i]
                .iter()
                .filter(|&&n| new_need[n] != u32::MAX)
                .map(|&n| new_need[n])
                .collect();
            p.sort_unstable();
            inst_provides.push(p);
        }
        let inst_courses: Vec<u32> = keep.iter().map(|&i| courses[i]).collect();
        let inst_cost: Vec<f64> = inst_courses
            .iter()
            .map(|&c| cost(c).unwrap_or(f64::INFINITY))
            .collect();
        let mut providers: Vec<Vec<Local>> = vec![Vec::new(); kept_needs.len()];
        for (i, p) in inst_provides.iter().enumerate() {
            for &n in p {
                providers[n as usize].push(i as Local);
            }
        }
        for list in &mut providers {
            list.sort_by(|&a, &b| {
                inst_cost[a as usize]
                    .total_cmp(&inst_cost[b as usize])
                    .then(a.cmp(&b))
            });
        }
        let mut goals_sorted = goals_local;
        goals_sorted.sort_unstable();
        Built {
            instance: Instance {
                courses: inst_courses,
                cost: inst_cost,
                needs: kept_needs,
                provides: inst_provides,
                requires: inst_requires,
                providers,
                goals: goals_sorted,
            },
            blocked,
        }
    }

    /// Removes dominated courses: `a` goes when another remaining course `b` costs no more,
    /// provides every need `a` provides, and requires nothing that `a` does not require at
    /// the same or a higher level. Any plan using `a` stays feasible, and no dearer, with
    /// `b` in its place, so the optimum is kept. Of identical courses the first in order
    /// (cheapest, then most needs provided, then index) stays.
    pub fn without_dominated(self) -> Instance {
        let m = self.len();
        let mut order: Vec<usize> = (0..m).collect();
        order.sort_by(|&a, &b| {
            self.cost[a]
                .total_cmp(&self.cost[b])
                .then(self.provides[b].len().cmp(&self.provides[a].len()))
                .then(a.cmp(&b))
        });
        let subset =
            |small: &[Local], big: &[Local]| small.iter().all(|n| big.binary_search(n).is_ok());
        let weaker = |b: usize, a: usize| {
            self.requires[b].iter().all(|&rb| {
                let (s, l) = self.needs[rb as usize];
                self.requires[a].iter().any(|&ra| {
                    let (sa, la) = self.needs[ra as usize];
                    sa == s && la >= l
                })
            })
        };
        let mut removed = vec![false; m];
        for &a in &order {
            let Some(&first) = self.provides[a]
                .iter()
                .min_by_key(|&&n| self.providers[n as usize].len())
            else {
                removed[a] = true;
                continue;
            };
            let dominated = self.providers[first as usize].iter().any(|&b| {
                let b = b as usize;
                b != a
                    && !removed[b]
                    && self.cost[b] <= self.cost[a]
                    && subset(&self.provides[a], &self.provides[b])
                    && weaker(b, a)
            });
            removed[a] = dominated;
        }
        if !removed.iter().any(|&r| r) {
            return self;
        }
        let keep: Vec<usize> = (0..m).filter(|&c| !removed[c]).collect();
        let mut new_index = vec![Local::MAX; m];
        for (i, &c) in keep.iter().enumerate() {
            new_index[c] = i as Local;
        }
        let providers = self
            .providers
            .iter()
            .map(|ps| {
                ps.iter()
                    .filter(|&&p| !removed[p as usize])
                    .map(|&p| new_index[p as usize])
                    .collect()
            })
            .collect();
        Instance {
            courses: keep.iter().map(|&c| self.courses[c]).collect(),
            cost: keep.iter().map(|&c| self.cost[c]).collect(),
            provides: keep.iter().map(|&c| self.provides[c].clone()).collect(),
            requires: keep.iter().map(|&c| self.requires[c].clone()).collect(),
            needs: self.needs,
            providers,
            goals: self.goals,
        }
    }

    /// The number of courses.
    pub fn len(&self) -> usize {
        self.courses.len()
    }

    /// Total cost of a set of local courses.
    pub fn cost_of(&self, set: &[Local]) -> f64 {
        set.iter().fold(0.0, |t, &c| t + self.cost[c as usize])
    }

    /// The courses of `set` that can be taken, in an order where each one's needs are
    /// provided by `satisfied` or by earlier courses, and the needs met at the end. Kahn's
    /// algorithm on the counts of unmet requirements: O(Σ requirements · log).
    pub fn fixpoint(&self, set: &[Local], satisfied: &[bool]) -> (Vec<Local>, Vec<bool>) {
        let mut met = satisfied.to_vec();
        let mut pending: Vec<(Local, u32)> = Vec::with_capacity(set.len());
        let mut waiting: Vec<(Local, usize)> = Vec::new();
        let mut ready: Vec<Local> = Vec::new();
        for (i, &c) in set.iter().enumerate() {
            let mut count = 0;
            for &r in &self.requires[c as usize] {
                if !met[r as usize] {
                    count += 1;
                    waiting.push((r, i));
                }
            }
            pending.push((c, count));
            if count == 0 {
                ready.push(c);
            }
        }
        waiting.sort_unstable();
        let mut order = Vec::with_capacity(set.len());
        ready.reverse();
        while let Some(c) = ready.pop() {
            order.push(c);
            for &n in &self.provides[c as usize] {
                if met[n as usize] {
                    continue;
                }
                met[n as usize] = true;
                let from = waiting.partition_point(|&(r, _)| r < n);
                for &(r, i) in &waiting[from..] {
                    if r != n {
                        break;
                    }
                    pending[i].1 -= 1;
                    if pending[i].1 == 0 {
                        ready.push(pending[i].0);
                    }
                }
            }
        }
        (order, met)
    }

    /// Whether `set` can be taken in some order and then meets every goal.
    pub fn feasible(&self, set: &[Local], satisfied: &[bool]) -> bool {
        let (order, met) = self.fixpoint(set, satisfied);
        order.len() == set.len() && self.goals.iter().all(|&g| met[g as usize])
    }

    /// The sub-instance of reaching `goals` when the needs in `satisfied` are already met,
    /// using courses not in `exclude`: only the courses and needs reachable backward from
    /// the goals. Returns it with the map from its local courses to this instance's.
    pub fn restrict(
        &self,
        satisfied: &[bool],
        goals: &[Local],
        exclude: &[bool],
    ) -> (Instance, Vec<Local>) {
        let mut need_map: IndexMap<Local, Local> = IndexMap::default();
        let mut needs: Vec<Local> = Vec::new();
        let mut course_seen: IndexMap<Local, ()> = IndexMap::default();
        let mut map: Vec<Local> = Vec::new();
        let mut queue: Vec<Local> = Vec::new();
        for &g in goals {
            if !satisfied[g as usize] && !need_map.contains_key(&g) {
                need_map.insert(g, needs.len() as Local);
                needs.push(g);
                queue.push(g);
            }
        }
        while let Some(n) = queue.pop() {
            for &p in &self.providers[n as usize] {
                if exclude[p as usize] || course_seen.insert(p, ()).is_some() {
                    continue;
                }
                map.push(p);
                for &r in &self.requires[p as usize] {
                    if !satisfied[r as usize] && !need_map.contains_key(&r) {
                        need_map.insert(r, needs.len() as Local);
                        needs.push(r);
                        queue.push(r);
                    }
                }
            }
        }
        map.sort_unstable();
        let local_of = |c: Local| map.binary_search(&c).map(|i| i as Local).ok();
        let mut sub = Instance {
            courses: map.iter().map(|&c| self.courses[c as usize]).collect(),
            cost: map.iter().map(|&c| self.cost[c as usize]).collect(),
            needs: needs.iter().map(|&n| self.needs[n as usize]).collect(),
            provides: Vec::with_capacity(map.len()),
            requires: Vec::with_capacity(map.len()),
            providers: vec![Vec::new(); needs.len()],
            goals: goals
                .iter()
                .filter(|&&g| !satisfied[g as usize])
                .map(|g| need_map[g])
                .collect(),
        };
        for &c in &map {
            let mut provides: Vec<Local> = self.provides[c as usize]
                .iter()
                .filter_map(|n| need_map.get(n).copied())
                .collect();
            provides.sort_unstable();
            sub.provides.push(provides);
            sub.requires.push(
                self.requires[c as usize]
                    .iter()
                    .filter(|&&r| !satisfied[r as usize])
                    .map(|r| need_map[r])
                    .collect(),
            );
        }
        for (n, &orig) in needs.iter().enumerate() {
            sub.providers[n] = self.providers[orig as usize]
                .iter()
                .filter_map(|&p| local_of(p))
                .collect();
        }
        sub.goals.sort_unstable();
        sub.goals.dedup();
        (sub, map)
    }
}

/// Explains why goal `g` cannot be met: no course teaches it that high, its providers
/// need something no reachable course teaches, or they depend on each other in a cycle.
#[allow(clippy::too_many_arguments)]
fn explain_blocked(
    catalog: &Catalog,
    courses: &[u32],
    provides: &[Vec<usize>],
    requires: &[Vec<usize>],
    takeable: &[bool],
    met: &[bool],
    needs: &[Need],
    g: usize,
) -> Blocked {
    let providers: Vec<usize> = (0..courses.len())
        .filter(|&i| provides[i].contains(&g))
        .collect();
    if providers.is_empty() {
        let (s, _) = needs[g];
        let best = catalog.teachers[s as usize]
            .iter()
            .map(|&(_, l)| l)
            .max()
            .unwrap_or(Level::NONE);
        return Blocked::NoCourse(best);
    }
    // Follow unmet needs through blocked providers; a need nobody provides is missing.
    let mut missing: Vec<Need> = Vec::new();
    let mut seen = vec![false; courses.len()];
    let mut stack: Vec<usize> = providers.clone();
    let mut edges: Vec<(usize, usize, ())> = Vec::new();
    while let Some(i) = stack.pop() {
        if seen[i] {
            continue;
        }
        seen[i] = true;
        for &n in &requires[i] {
            if met[n] {
                continue;
            }
            let by: Vec<usize> = (0..courses.len())
                .filter(|&j| provides[j].contains(&n) && !takeable[j])
                .collect();
            if by.is_empty() {
                missing.push(needs[n]);
            }
            for j in by {
                edges.push((i, j, ()));
                stack.push(j);
            }
        }
    }
    missing.sort_unstable();
    missing.dedup();
    if missing.is_empty() {
        let g = crate::util::graph::build(courses.len(), edges);
        if let Some(cycle) = crate::util::graph::cycles(&g).into_iter().next() {
            return Blocked::Cycle {
                courses: cycle.iter().map(|&i| courses[i]).collect(),
            };
        }
    }
    Blocked::Missing {
        courses: providers.iter().map(|&i| courses[i]).collect(),
        missing,
    }
}
