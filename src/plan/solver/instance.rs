//! A planning instance: the needs to meet, the candidate courses, and who provides what.
//!
//! Needs are `(skill, level)` pairs not met by the starting levels: the goals, and the
//! requirements of candidate courses. A course *provides* a need when it teaches the skill
//! at that level or higher. Levels only ever rise to the highest level taught, so each
//! need is met by one course, and a set of courses is feasible when its courses can be
//! ordered so that each one's needs are provided by courses before it.

use super::blocked::{Explained, Waits};
use crate::catalog::{Catalog, CourseAt, Need, SkillAt};
use crate::util::hash::IndexMap;
use crate::util::kahn;

/// Local indices: courses and needs of one instance.
pub(crate) type Local = u32;

#[derive(Debug, Clone)]
pub(crate) struct Instance {
    /// The catalog position of each local course, ascending.
    pub courses: Vec<CourseAt>,
    /// Objective cost of each local course.
    pub cost: Vec<f64>,
    /// The needs, each a skill at a level.
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

/// What [`Instance::build`] found: the instance of reachable courses and closable goals,
/// and the goals it had to leave out with their reasons.
#[derive(Debug, Clone)]
pub(crate) struct Built {
    pub instance: Instance,
    /// Goals that cannot be met, with the reason, and the course cycles reasons refer to.
    pub explained: Explained,
}

impl Instance {
    /// Builds the instance for reaching `goals` from `start` (dense levels per skill) with
    /// the catalog's courses whose cost `cost` gives (`None` excludes a course).
    ///
    /// Works backward from the goals to the courses providing them and their requirements,
    /// then forward from the start (Kahn's order) to keep only the courses that can ever
    /// be taken. Goals no such course meets are returned with the reason.
    pub fn build(
        catalog: &Catalog,
        start: &[f64],
        goals: &[Need],
        cost: impl Fn(CourseAt) -> Option<f64>,
    ) -> Built {
        let mut c = Candidates::collect(catalog, start, goals, &cost);
        c.link(catalog, start);
        let (takeable, met) = c.forward();
        let blocked: Vec<usize> = c.goals.iter().copied().filter(|&g| !met[g]).collect();
        let waits = Waits {
            courses: &c.courses,
            needs: &c.needs,
            requires: &c.requires,
            providers: &c.providers,
            takeable: &takeable,
            met: &met,
        };
        let explained = waits.explain(catalog, &blocked);
        Built {
            instance: c.into_instance(&takeable, &met, cost),
            explained,
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
                let b = self.needs[rb as usize];
                self.requires[a].iter().any(|&ra| {
                    let a = self.needs[ra as usize];
                    a.skill == b.skill && a.level >= b.level
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
        // `(need, position in set)` for each requirement not met yet.
        let mut waiting: Vec<(Local, u32)> = Vec::new();
        let mut missing: Vec<u32> = Vec::with_capacity(set.len());
        for (i, &c) in set.iter().enumerate() {
            let before = waiting.len();
            waiting.extend(
                self.requires[c as usize]
                    .iter()
                    .filter(|&&r| !met[r as usize])
                    .map(|&r| (r, i as u32)),
            );
            missing.push((waiting.len() - before) as u32);
        }
        waiting.sort_unstable();
        let mut order = Vec::with_capacity(set.len());
        kahn::order(&mut missing, &mut Vec::new(), |i, release| {
            let c = set[i as usize];
            order.push(c);
            for &n in &self.provides[c as usize] {
                if std::mem::replace(&mut met[n as usize], true) {
                    continue;
                }
                let from = waiting.partition_point(|&(r, _)| r < n);
                for &(_, j) in waiting[from..].iter().take_while(|&&(r, _)| r == n) {
                    release.one(j);
                }
            }
        });
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

/// The candidate courses of an instance being built, with catalog indices and the needs
/// numbered as they were met.
struct Candidates {
    /// Need numbers per skill and level (levels are 0..=5; `u32::MAX` for none).
    slot: IndexMap<SkillAt, [u32; 6]>,
    needs: Vec<Need>,
    /// The goals not met at the start, as need numbers, ascending.
    goals: Vec<usize>,
    /// The candidate courses, ascending.
    courses: Vec<CourseAt>,
    /// Per candidate: the needs it provides, and those it requires.
    provides: Vec<Vec<usize>>,
    requires: Vec<Vec<usize>>,
    /// Per need: the candidates providing it, and those requiring it.
    providers: Vec<Vec<usize>>,
    requirers: Vec<Vec<usize>>,
}

impl Candidates {
    /// Backward from the goals: every course that teaches a need, and the needs of its
    /// requirements the start does not meet, transitively.
    fn collect(
        catalog: &Catalog,
        start: &[f64],
        goals: &[Need],
        cost: &impl Fn(CourseAt) -> Option<f64>,
    ) -> Candidates {
        let mut c = Candidates {
            slot: IndexMap::default(),
            needs: Vec::new(),
            goals: Vec::new(),
            courses: Vec::new(),
            provides: Vec::new(),
            requires: Vec::new(),
            providers: Vec::new(),
            requirers: Vec::new(),
        };
        let unmet = |n: &Need| start[n.skill.get()] < n.level.as_f64();
        let mut queue: Vec<usize> = Vec::new();
        for g in goals.iter().filter(|g| unmet(g)) {
            let id = c.intern(*g, &mut queue);
            c.goals.push(id);
        }
        c.goals.sort_unstable();
        c.goals.dedup();
        let mut seen = vec![false; catalog.courses().len()];
        let index = catalog.course_index();
        while let Some(n) = queue.pop() {
            let need = c.needs[n];
            for &(course, taught) in index.teachers(need.skill) {
                if taught < need.level || seen[course.get()] || cost(course).is_none() {
                    continue;
                }
                seen[course.get()] = true;
                c.courses.push(course);
                for r in index.requires(course).iter().filter(|r| unmet(r)) {
                    c.intern(*r, &mut queue);
                }
            }
        }
        c.courses.sort_unstable();
        c
    }

    /// The number of `need`, numbering it (and queueing it) when new.
    fn intern(&mut self, need: Need, queue: &mut Vec<usize>) -> usize {
        let cell =
            &mut self.slot.entry(need.skill).or_insert([u32::MAX; 6])[need.level.get() as usize];
        if *cell == u32::MAX {
            *cell = self.needs.len() as u32;
            self.needs.push(need);
            queue.push(self.needs.len() - 1);
        }
        *cell as usize
    }

    /// The number of `need`, if it has one.
    fn need_of(&self, need: Need) -> Option<usize> {
        let v = self
            .slot
            .get(&need.skill)
            .map_or(u32::MAX, |cells| cells[need.level.get() as usize]);
        (v != u32::MAX).then_some(v as usize)
    }

    /// Who provides and who requires each need.
    fn link(&mut self, catalog: &Catalog, start: &[f64]) {
        let m = self.courses.len();
        self.provides = vec![Vec::new(); m];
        self.requires = vec![Vec::new(); m];
        self.providers = vec![Vec::new(); self.needs.len()];
        self.requirers = vec![Vec::new(); self.needs.len()];
        let index = catalog.course_index();
        for (i, &course) in self.courses.iter().enumerate() {
            for t in index.teaches(course) {
                // The needs on this skill at or below the level taught.
                if let Some(cells) = self.slot.get(&t.skill) {
                    for &v in cells[..=t.level.get() as usize]
                        .iter()
                        .filter(|&&v| v != u32::MAX)
                    {
                        self.provides[i].push(v as usize);
                        self.providers[v as usize].push(i);
                    }
                }
            }
            for &r in index.requires(course) {
                if start[r.skill.get()] >= r.level.as_f64() {
                    continue;
                }
                if let Some(n) = self.need_of(r) {
                    self.requires[i].push(n);
                    self.requirers[n].push(i);
                }
            }
        }
    }

    /// Forward from the start: which candidates can ever be taken, and which needs are
    /// then met (Kahn's order over the candidates' unmet requirements).
    fn forward(&self) -> (Vec<bool>, Vec<bool>) {
        let mut missing: Vec<u32> = self.requires.iter().map(|r| r.len() as u32).collect();
        let mut takeable = vec![false; self.courses.len()];
        let mut met = vec![false; self.needs.len()];
        kahn::order(&mut missing, &mut Vec::new(), |i, release| {
            takeable[i as usize] = true;
            for &n in &self.provides[i as usize] {
                if !met[n] {
                    met[n] = true;
                    for &j in &self.requirers[n] {
                        release.one(j as u32);
                    }
                }
            }
        });
        (takeable, met)
    }

    /// The instance: the takeable candidates, and the needs the met goals and their
    /// requirements involve, renumbered in order of first use.
    fn into_instance(
        self,
        takeable: &[bool],
        met: &[bool],
        cost: impl Fn(CourseAt) -> Option<f64>,
    ) -> Instance {
        let keep: Vec<usize> = (0..self.courses.len()).filter(|&i| takeable[i]).collect();
        let mut new_need = vec![u32::MAX; self.needs.len()];
        let mut kept_needs: Vec<Need> = Vec::new();
        let mut renumber = |n: usize, kept: &mut Vec<Need>| -> Local {
            if new_need[n] == u32::MAX {
                new_need[n] = kept.len() as u32;
                kept.push(self.needs[n]);
            }
            new_need[n]
        };
        let mut goals: Vec<Local> = self
            .goals
            .iter()
            .filter(|&&g| met[g])
            .map(|&g| renumber(g, &mut kept_needs))
            .collect();
        let requires: Vec<Vec<Local>> = keep
            .iter()
            .map(|&i| {
                self.requires[i]
                    .iter()
                    .map(|&n| renumber(n, &mut kept_needs))
                    .collect()
            })
            .collect();
        let provides: Vec<Vec<Local>> = keep
            .iter()
            .map(|&i| {
                let mut p: Vec<Local> = self.provides[i]
                    .iter()
                    .filter(|&&n| new_need[n] != u32::MAX)
                    .map(|&n| new_need[n])
                    .collect();
                p.sort_unstable();
                p
            })
            .collect();
        let courses: Vec<CourseAt> = keep.iter().map(|&i| self.courses[i]).collect();
        let cost: Vec<f64> = courses
            .iter()
            .map(|&c| cost(c).unwrap_or(f64::INFINITY))
            .collect();
        let mut providers: Vec<Vec<Local>> = vec![Vec::new(); kept_needs.len()];
        for (i, p) in provides.iter().enumerate() {
            for &n in p {
                providers[n as usize].push(i as Local);
            }
        }
        for list in &mut providers {
            list.sort_by(|&a, &b| {
                cost[a as usize]
                    .total_cmp(&cost[b as usize])
                    .then(a.cmp(&b))
            });
        }
        goals.sort_unstable();
        Instance {
            courses,
            cost,
            needs: kept_needs,
            provides,
            requires,
            providers,
            goals,
        }
    }
}
