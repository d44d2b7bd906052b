//! What to learn next: the best course to take now, hours to ready for every role, and
//! career paths through stepping-stone roles.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::credentials::typical_pay;
use super::solver;
use super::{gate_routes, levels_after, programme_time, Duration, GateRoute, Plan, Planner};
use super::{ReadyRank, Scope};
use crate::assess::Assessment;
use crate::catalog::{CourseAt, RoleAt, SkillAt};
use crate::error::Result;
use crate::model::{Course, Role};
use crate::util::OrdF64;

/// The most stepping stones [`Planner::career_path`] considers: the shortest path plans
/// once per pair of them.
pub const MAX_STONES: usize = 32;

/// A course the learner can take now, and what it brings.
///
/// Serialized as `{"course": id, "title", "role": id, "role_name", "gain",
/// "gain_per_hour"}`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NextCourse<'c> {
    /// The course.
    pub course: &'c Course,
    /// The role whose score it raises most (the target, when one is given).
    pub role: &'c Role,
    /// The score gained for that role, in `0.0..=1.0`.
    pub gain: f64,
    /// `gain` per study hour.
    pub gain_per_hour: f64,
}

/// How soon a role can be ready.
///
/// Serialized as `{"role": id, "name", "hours", "cost", "courses"}`, and for a role with
/// gates the profile lacks `"skills_hours", "months", "gates": [gate routes]`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Readiness<'c> {
    /// The role.
    pub role: &'c Role,
    /// Hours to ready (0 when it already is): the courses' and the programmes' that
    /// confer the gates the profile lacks; `None` when some essential gap cannot be
    /// closed by any course, or some gate by any programme.
    pub hours: Option<f64>,
    /// The skills-only road: hours of the courses alone (`hours` without the
    /// programmes); `None` when some essential gap cannot be closed by any course.
    pub skills_hours: Option<f64>,
    /// Months of the programmes, one after another (0 without gates to meet).
    pub months: f64,
    /// Cost of the courses.
    pub cost: f64,
    /// Courses in that plan.
    pub courses: usize,
    /// The gates the profile lacks, each with its programme or none.
    pub gates: Vec<GateRoute<'c>>,
}

impl Readiness<'_> {
    /// The road in words: `120 h of courses`, and for each gate the profile lacks
    /// `needs a degree (…): BSc …, about 4 years (4800 h)`; `a gate no programme confers`
    /// when one cannot be met.
    pub fn describe(&self) -> String {
        let mut parts = vec![match self.skills_hours {
            Some(h) => format!("{h:.0} h of courses"),
            None => "skills no course closes".to_string(),
        }];
        parts.extend(self.gates.iter().map(ToString::to_string));
        if !self.gates.is_empty() && self.months > 0.0 {
            parts.push(format!(
                "about {} of programmes in all",
                Duration(self.months)
            ));
        }
        parts.join("; ")
    }
}

/// One leg of a [`CareerPath`].
///
/// Serialized as `{"role": id, "name", "hours", "cumulative_hours", "plan"}` (the plan as
/// [`Plan`] serializes).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CareerStep<'c> {
    /// The role reached at the end of this leg.
    pub role: &'c Role,
    /// The plan for this leg (from the previous role's requirement levels).
    pub plan: Plan<'c>,
    /// Hours of this leg.
    pub hours: f64,
    /// Hours from the start to the end of this leg.
    pub cumulative_hours: f64,
}

/// The cheapest sequence of roles from a profile to a target role.
///
/// Serialized as `{"steps": [career steps], "total_hours", "direct_hours"}`, with
/// `"gates": [gate routes]` when the target has gates the profile lacks.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct CareerPath<'c> {
    /// The legs, the last one ending at the target.
    pub steps: Vec<CareerStep<'c>>,
    /// Hours in all.
    pub total_hours: f64,
    /// Hours of the direct plan to the target, for comparison.
    pub direct_hours: f64,
    /// The target's gates the profile lacks, each with its programme or none: the road
    /// of courses above is the skills-only road, and these come on top of it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<GateRoute<'c>>,
}

impl Serialize for NextCourse<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("NextCourse", 6)?;
        s.serialize_field("course", self.course.id())?;
        s.serialize_field("title", self.course.title())?;
        s.serialize_field("role", self.role.id())?;
        s.serialize_field("role_name", self.role.name())?;
        s.serialize_field("gain", &self.gain)?;
        s.serialize_field("gain_per_hour", &self.gain_per_hour)?;
        s.end()
    }
}

impl Serialize for Readiness<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Readiness", 8)?;
        s.serialize_field("role", self.role.id())?;
        s.serialize_field("name", self.role.name())?;
        s.serialize_field("hours", &self.hours)?;
        s.serialize_field("cost", &self.cost)?;
        s.serialize_field("courses", &self.courses)?;
        if !self.gates.is_empty() {
            s.serialize_field("skills_hours", &self.skills_hours)?;
            s.serialize_field("months", &self.months)?;
            s.serialize_field("gates", &self.gates)?;
        }
        s.end()
    }
}

impl Serialize for CareerStep<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CareerStep", 5)?;
        s.serialize_field("role", self.role.id())?;
        s.serialize_field("name", self.role.name())?;
        s.serialize_field("hours", &self.hours)?;
        s.serialize_field("cumulative_hours", &self.cumulative_hours)?;
        s.serialize_field("plan", &self.plan)?;
        s.end()
    }
}

impl CareerPath<'_> {
    /// Why each stepping stone (every step but the last) helps: it is a role the learner
    /// is ready for sooner, on the way.
    pub fn explanations(&self) -> Vec<String> {
        let Some(last) = self.steps.last() else {
            return Vec::new();
        };
        let gates = self.gates.iter().map(|g| {
            format!(
                "{} {g} (beside the {:.0} hours of courses)",
                last.role.name(),
                self.total_hours
            )
        });
        self.steps[..self.steps.len() - 1]
            .iter()
            .map(|s| {
                format!(
                    "ready for {} after {:.0} hours, {:.0} hours before {}; its skills are on the way \
                     (the path costs {:.0} hours against {:.0} direct)",
                    s.role.name(),
                    s.cumulative_hours,
                    self.total_hours - s.cumulative_hours,
                    last.role.name(),
                    self.total_hours,
                    self.direct_hours
                )
            })
            .chain(gates)
            .collect()
    }
}

impl<'c> Assessment<'c> {
    /// The courses the learner can take now (requirements met), ranked by score gained
    /// per hour for `role`, or, with `None`, for the role each raises most. Courses that
    /// raise no score are left out; ties go to the larger gain, then the course id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) for a role
    /// the catalog lacks.
    pub fn next_courses(&self, role: Option<&str>) -> Result<Vec<NextCourse<'c>>> {
        let catalog = self.catalog();
        let target = role.map(|r| catalog.find_role_or_err(r)).transpose()?;
        let have = |s: SkillAt| self.have_of(s);
        let mut out = Vec::new();
        for (c, course) in catalog.courses().iter().enumerate() {
            let c = CourseAt::at(c);
            let takeable = catalog
                .course_index()
                .requires(c)
                .iter()
                .all(|r| have(r.skill) >= r.level.as_f64());
            if !takeable {
                continue;
            }
            if let Some((r, gain)) = self.best_gain(c, target).filter(|&(_, g)| g > 1e-12) {
                out.push(NextCourse {
                    course,
                    role: catalog.role_at(r),
                    gain,
                    gain_per_hour: gain / course.hours().max(0.01),
                });
            }
        }
        out.sort_by(|a, b| {
            b.gain_per_hour
                .total_cmp(&a.gain_per_hour)
                .then(b.gain.total_cmp(&a.gain))
                .then(a.course.id().cmp(b.course.id()))
        });
        Ok(out)
    }

    /// The role whose score taking `course` raises most (only `target`, when given), with
    /// the score gained; ties by role.
    fn best_gain(&self, course: CourseAt, target: Option<RoleAt>) -> Option<(RoleAt, f64)> {
        let catalog = self.catalog();
        let policy = self.policy();
        let have = |s: SkillAt| self.have_of(s);
        let mut gains: BTreeMap<RoleAt, f64> = BTreeMap::new();
        for (s, new) in levels_after(catalog, have, [course], policy.transfer) {
            let old = have(s);
            for p in catalog.postings().of(s) {
                if target.is_some_and(|t| t != p.role) {
                    continue;
                }
                let w = policy.weights.of_requirement(p.weight, p.importance);
                let need = p.need.as_f64();
                *gains.entry(p.role).or_default() +=
                    w * (policy.credit(new, need) - policy.credit(old, need));
            }
        }
        gains
            .into_iter()
            .map(|(r, g)| {
                let total = catalog.merged_requirements().total(r, &policy.weights);
                (r, if total > 0.0 { g / total } else { 0.0 })
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// Hours to ready for every role (see [`Planner::hours_to_ready`]), minimising hours.
    pub fn hours_to_ready(&self) -> Vec<Readiness<'c>> {
        Planner::new(self).hours_to_ready()
    }
}

impl<'c> Planner<'_, 'c> {
    /// For every role, the plan that makes it ready (essential requirements and their
    /// prerequisites, and a programme for each gate the profile lacks), ranked by hours:
    /// which roles can the learner reach soonest? Roles that cannot be made ready come
    /// last; ties by role id. Each says its skills-only road beside
    /// ([`Readiness::skills_hours`], [`Readiness::describe`]).
    pub fn hours_to_ready(&self) -> Vec<Readiness<'c>> {
        self.hours_to_ready_by(&ReadyRank::Hours)
    }

    /// [`Planner::hours_to_ready`], ranked as `rank` says: by hours, or by pay gained
    /// per hour of study ([`ReadyRank::PayPerHour`]; ties and roles without a pay
    /// figure by hours, then role id).
    ///
    /// ```
    /// use skillgap::plan::{Planner, ReadyRank};
    /// use skillgap::{Catalog, Level, Profile};
    ///
    /// let catalog = Catalog::builtin();
    /// let assessment = catalog.assess(&Profile::new().with_skill("python", Level::ADVANCED))?;
    /// let rank = ReadyRank::PayPerHour {
    ///     region: "United States".into(),
    ///     currency: "USD".into(),
    ///     current: 0.0,
    /// };
    /// let ranked = Planner::new(&assessment).hours_to_ready_by(&rank);
    /// assert_eq!(ranked.len(), catalog.roles().len());
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    pub fn hours_to_ready_by(&self, rank: &ReadyRank) -> Vec<Readiness<'c>> {
        let catalog = self.assessment().catalog();
        let planner = self.clone().scope(Scope::Ready);
        let start = planner.start_levels();
        let held = self.assessment().held_credentials();
        let mut out: Vec<Readiness<'c>> = (0..catalog.roles().len())
            .map(|r| planner.readiness(RoleAt::at(r), &start, held))
            .collect();
        let by_hours = |a: &Readiness<'_>, b: &Readiness<'_>| match (a.hours, b.hours) {
            (Some(x), Some(y)) => x.total_cmp(&y).then(a.role.id().cmp(b.role.id())),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.role.id().cmp(b.role.id()),
        };
        match rank {
            ReadyRank::PayPerHour {
                region,
                currency,
                current,
            } => {
                let value = |r: &Readiness<'_>| {
                    let pay = typical_pay(r.role, region, currency)?;
                    Some(OrdF64((pay - current) / r.hours?.max(1.0)))
                };
                out.sort_by(|a, b| match (value(a), value(b)) {
                    (Some(x), Some(y)) => y.cmp(&x).then_with(|| by_hours(a, b)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => by_hours(a, b),
                });
            }
            _ => out.sort_by(by_hours),
        }
        out
    }

    /// How soon role `r` can be ready from `start`, for a profile holding `held`.
    fn readiness(
        &self,
        r: RoleAt,
        start: &[f64],
        held: &[crate::model::Credential],
    ) -> Readiness<'c> {
        let catalog = self.assessment().catalog();
        let (skills_hours, cost, courses) = match self.ready_plan(r, start) {
            Some((h, c, n)) => (Some(h), c, n),
            None => (None, 0.0, 0),
        };
        let gates = gate_routes(catalog, r, held);
        let time = programme_time(&gates);
        Readiness {
            role: catalog.role_at(r),
            hours: skills_hours.zip(time).map(|(h, (p, _))| h + p),
            skills_hours,
            months: time.map_or(0.0, |t| t.1),
            cost,
            courses,
            gates,
        }
    }

    /// Hours, cost and courses of the plan that makes `role` ready from `start`, or `None`
    /// when some goal cannot be met (every goal of the ready scope is essential or a
    /// prerequisite of one).
    fn ready_plan(&self, role: RoleAt, start: &[f64]) -> Option<(f64, f64, usize)> {
        let catalog = self.assessment().catalog();
        let gaps = self.role_gaps(role, |s| start[s.get()]);
        let goals = gaps.needs();
        // A goal no course teaches that high settles it at once.
        let teachable = goals
            .iter()
            .all(|g| catalog.course_index().best_level(g.skill) >= g.level);
        if !teachable {
            return None;
        }
        let built = self.build(start, &goals);
        if !built.explained.blocked.is_empty() {
            return None;
        }
        let chosen = solver::solve(built, self.limits()).courses;
        let (hours, cost) = chosen.iter().fold((0.0, 0.0), |(h, c), &i| {
            let course = catalog.course_at(i);
            (h + course.hours(), c + course.cost())
        });
        Some((hours, cost, chosen.len()))
    }

    /// The cheapest sequence of stepping-stone roles from the profile to `target`: a
    /// shortest path (Dijkstra 1959) over a graph whose nodes are the profile and the roles,
    /// and whose edge weights are the hours of the plan that makes a role ready from the
    /// previous node's levels. A role node's levels are the profile's after the plan that
    /// makes that role ready (so they do not depend on the path taken to it, as Dijkstra's
    /// algorithm requires). Among equally cheap paths the one with more stepping
    /// stones wins (each is a role the learner is ready for sooner). Stepping stones are
    /// drawn from the `max_stones` roles soonest ready that are not ready already, at most
    /// [`MAX_STONES`].
    ///
    /// Toward one target the pay gained is the target's whatever the road, so the fewest
    /// hours are also the most pay gained per hour; to choose *which* target by pay gained
    /// per hour of study, rank the roles with [`Planner::hours_to_ready_by`] and
    /// [`ReadyRank::PayPerHour`](super::ReadyRank::PayPerHour), then ask for the path to
    /// the one chosen.
    ///
    /// # Complexity
    ///
    /// One plan per role to find the candidates, then one per pair of stones: O(r + s²)
    /// plans for r roles and s stones.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) for a target
    /// the catalog lacks.
    pub fn career_path(
        &self,
        target: impl AsRef<str>,
        max_stones: usize,
    ) -> Result<CareerPath<'c>> {
        let target = target.as_ref();
        let catalog = self.assessment().catalog();
        let t = catalog.find_role_or_err(target)?;
        let planner = self.clone().scope(Scope::Ready);
        let start = planner.start_levels();
        let direct = planner.plan_from(
            &start,
            Some(catalog.role_at(t).id()),
            planner.role_gaps(t, |s| start[s.get()]),
        )?;
        let direct_hours = direct.total_hours();
        let stones =
            planner.stepping_stones(t, &start, direct_hours, max_stones.min(MAX_STONES))?;
        let mut nodes: Vec<RoleAt> = stones.iter().map(|s| s.1).collect();
        nodes.push(t);
        let levels: Vec<Vec<f64>> = stones.into_iter().map(|s| s.2).collect();
        let (prev, mut legs) = planner.shortest_path(&nodes, &start, &levels)?;
        // The chain back from the target (node `n - 1`) to the start (node `n`).
        let n = nodes.len();
        let mut chain = vec![n - 1];
        while let Some(p) = prev[chain[chain.len() - 1]] {
            if p == n {
                break;
            }
            chain.push(p);
        }
        chain.reverse();
        let mut steps = Vec::with_capacity(chain.len());
        let mut from = n;
        let mut cumulative = 0.0;
        for &v in &chain {
            let plan = legs.remove(&(from, v)).unwrap_or_else(|| direct.clone());
            let hours = plan.total_hours();
            cumulative += hours;
            steps.push(CareerStep {
                role: catalog.role_at(nodes[v]),
                plan,
                hours,
                cumulative_hours: cumulative,
            });
            from = v;
        }
        let held = self.assessment().held_credentials();
        Ok(CareerPath {
            total_hours: cumulative,
            direct_hours,
            steps,
            gates: gate_routes(catalog, t, held),
        })
    }

    /// Candidate stepping stones toward `target`: roles sooner ready than `direct_hours`,
    /// not ready already, whose gates the profile meets (a role gated by a credential
    /// the learner lacks is no stepping stone), with the levels the learner has once the plan that makes each
    /// ready is done; the `max` soonest, ties by role. Only the `max` best so far keep
    /// their levels (a max-heap), so memory stays O(max × skills) however many roles.
    fn stepping_stones(
        &self,
        target: RoleAt,
        start: &[f64],
        direct_hours: f64,
        max: usize,
    ) -> Result<Vec<(f64, RoleAt, Vec<f64>)>> {
        let catalog = self.assessment().catalog();
        let mut best: BinaryHeap<(OrdF64, RoleAt)> = BinaryHeap::new();
        let mut levels: BTreeMap<RoleAt, Vec<f64>> = BTreeMap::new();
        for r in (0..catalog.roles().len()).map(RoleAt::at) {
            if r == target || max == 0 {
                continue;
            }
            let held = self.assessment().held_credentials();
            if !gate_routes(catalog, r, held).is_empty() {
                continue;
            }
            let gaps = self.role_gaps(r, |s| start[s.get()]);
            if gaps.is_empty() {
                continue;
            }
            let plan = self.plan_from(start, None, gaps)?;
            let key = (OrdF64(plan.total_hours()), r);
            let fits = best.len() < max || best.peek().is_some_and(|worst| key < *worst);
            if plan.uncovered().is_empty() && plan.total_hours() < direct_hours && fits {
                levels.insert(r, plan.levels_after(start));
                best.push(key);
                if best.len() > max {
                    if let Some((_, dropped)) = best.pop() {
                        levels.remove(&dropped);
                    }
                }
            }
        }
        Ok(best
            .into_sorted_vec()
            .into_iter()
            .map(|(OrdF64(h), r)| (h, r, levels.remove(&r).unwrap_or_default()))
            .collect())
    }

    /// Dijkstra from the start (node `n`) over `nodes` (the last is the target), node `v`
    /// reached with `levels[v]` (the start with `start`); cost (hours, −steps). Returns
    /// each node's predecessor and the legs' plans by `(from, to)`.
    #[allow(clippy::type_complexity)]
    fn shortest_path(
        &self,
        nodes: &[RoleAt],
        start: &[f64],
        levels: &[Vec<f64>],
    ) -> Result<(Vec<Option<usize>>, BTreeMap<(usize, usize), Plan<'c>>)> {
        const TIE: f64 = 1e-6;
        let catalog = self.assessment().catalog();
        let n = nodes.len();
        let mut best: Vec<Option<(f64, usize)>> = vec![None; n + 1];
        let mut prev: Vec<Option<usize>> = vec![None; n + 1];
        let mut legs: BTreeMap<(usize, usize), Plan<'c>> = BTreeMap::new();
        let mut done = vec![false; n + 1];
        let mut heap: BinaryHeap<Reverse<(OrdF64, Reverse<usize>, usize)>> = BinaryHeap::new();
        best[n] = Some((0.0, 0));
        heap.push(Reverse((OrdF64(0.0), Reverse(0), n)));
        while let Some(Reverse((OrdF64(hours), Reverse(steps), u))) = heap.pop() {
            if std::mem::replace(&mut done[u], true) {
                continue;
            }
            if u == n - 1 {
                break;
            }
            let from: &[f64] = if u == n { start } else { &levels[u] };
            for v in (0..n).filter(|&v| !done[v] && v != u) {
                let r = nodes[v];
                let gaps = self.role_gaps(r, |s| from[s.get()]);
                let plan = self.plan_from(from, Some(catalog.role_at(r).id()), gaps)?;
                if !plan.uncovered().is_empty() {
                    continue;
                }
                let cand = (hours + plan.total_hours(), steps + 1);
                let better = best[v]
                    .is_none_or(|(h, s)| cand.0 < h - TIE || (cand.0 <= h + TIE && cand.1 > s));
                if better {
                    best[v] = Some(cand);
                    prev[v] = Some(u);
                    legs.insert((u, v), plan);
                    heap.push(Reverse((OrdF64(cand.0), Reverse(cand.1), v)));
                }
            }
        }
        Ok((prev, legs))
    }
}
