//! The planner: the least study that closes a target's gaps, in a valid order.
//!
//! A plan is a set of courses such that each course's requirements are met by the profile
//! or by courses taken before it, and that, once taken, meets every closable gap of the
//! target (implied prerequisite gaps included), at the least total objective: hours, cost
//! or a weighted mix.
//!
//! The problem generalises weighted set cover (Chvátal 1979), so it is NP-hard. The planner
//! builds the instance of candidate courses (those teaching a needed level or a requirement
//! of one, transitively), drops courses that can never be taken and courses dominated by a
//! cheaper one that provides as much and requires no more, then
//! - solves it **exactly** by branch and bound when it has at most
//!   [`Planner::exact_limit`] candidates (25 by default);
//! - otherwise splits it into independent components, solves each small one exactly within
//!   a node budget, and the others with a greedy cover with prerequisite closure, a pass
//!   that drops redundant courses, local search with exchange moves, and
//!   large-neighbourhood search with exact repair.
//!
//! [`Plan::is_optimal`] says whether the plan is proven optimal.

use super::solver::{exact, heuristic, Blocked, Built, Instance, Local};
use super::{assemble, Plan};
use crate::assess::gaps::{self, Gaps, Target};
use crate::assess::Assessment;
use crate::catalog::{Catalog, Need};
use crate::error::{Error, Result};
use crate::model::Importance;
use crate::model::Level;

/// What a plan minimises.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum Objective {
    /// Total study hours (ties broken by cost).
    #[default]
    Hours,
    /// Total cost (ties broken by hours).
    Cost,
    /// `hours × hours_weight + cost × cost_weight`.
    Weighted {
        /// Weight of an hour.
        hours: f64,
        /// Weight of a unit of cost.
        cost: f64,
    },
}

impl Objective {
    /// The objective value of one course.
    pub fn of(&self, hours: f64, cost: f64) -> f64 {
        // The tie-breaking term is too small to trade against a whole unit of the main one.
        const TIE: f64 = 1e-6;
        match *self {
            Objective::Hours => hours + TIE * cost,
            Objective::Cost => cost + TIE * hours,
            Objective::Weighted {
                hours: wh,
                cost: wc,
            } => wh * hours + wc * cost,
        }
    }

    fn validate(&self) -> Result<()> {
        if let Objective::Weighted { hours, cost } = *self {
            for (name, value) in [("objective.hours", hours), ("objective.cost", cost)] {
                if !value.is_finite() || value < 0.0 {
                    return Err(Error::InvalidArgument {
                        name,
                        value: value.to_string(),
                        expected: "a finite number >= 0",
                    });
                }
            }
        }
        Ok(())
    }
}

/// Which gaps of a role a plan closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Scope {
    /// Every gap: essential, important and optional requirements (default).
    #[default]
    AllGaps,
    /// Only what makes the role ready: essential requirements and their prerequisites.
    Ready,
}

/// Plans courses for an assessed profile.
///
/// ```
/// use skillgap::{Catalog, Level, Planner, Profile};
/// use skillgap::plan::{Objective, Scope};
///
/// let catalog = Catalog::builtin();
/// let profile = Profile::new().with_skill("Python", Level::ADVANCED);
/// let assessment = catalog.assess(&profile)?;
/// let plan = Planner::new(&assessment)
///     .objective(Objective::Cost)
///     .scope(Scope::Ready)
///     .for_role("data-scientist")?;
/// let after = catalog.assess(&plan.apply(&profile))?;
/// assert!(after.role("data-scientist")?.is_ready());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Planner<'a, 'c> {
    assessment: &'a Assessment<'c>,
    objective: Objective,
    scope: Scope,
    exact_limit: usize,
    node_budget: u64,
}

/// Node budget of the exact search on small instances.
const EXACT_NODES: u64 = 2_000_000;
/// Largest component (candidate courses) improved by neighbourhood search with exact repair.
const LNS_COURSES: usize = 400;
/// Node budget per component on large instances.
const COMPONENT_NODES: u64 = 20_000;

impl<'a, 'c> Planner<'a, 'c> {
    /// A planner minimising hours, closing every gap.
    pub fn new(assessment: &'a Assessment<'c>) -> Self {
        Planner {
            assessment,
            objective: Objective::Hours,
            scope: Scope::AllGaps,
            exact_limit: 25,
            node_budget: EXACT_NODES,
        }
    }

    /// Sets what to minimise.
    pub fn objective(mut self, objective: Objective) -> Self {
        self.objective = objective;
        self
    }

    /// The assessment planned for.
    pub fn assessment(&self) -> &'a Assessment<'c> {
        self.assessment
    }

    /// Sets which gaps of a role to close.
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Instances with at most this many candidate courses are solved exactly (default 25).
    pub fn exact_limit(mut self, courses: usize) -> Self {
        self.exact_limit = courses;
        self
    }

    /// The most search nodes the exact search may visit before settling for the best plan
    /// found (default 2,000,000); bounds the time spent on any instance.
    pub fn node_budget(mut self, nodes: u64) -> Self {
        self.node_budget = nodes.max(1);
        self
    }

    /// Plans the courses that close a role's gaps (per the [`Scope`]).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) for a role the catalog lacks,
    /// [`Error::InvalidArgument`] for a weighted objective with a negative or non-finite
    /// weight.
    pub fn for_role(&self, role: &str) -> Result<Plan<'c>> {
        let catalog = self.assessment.catalog();
        let r = catalog.role_index_or_err(role)?;
        let gaps = self.role_gaps(r, |s| self.assessment.have_of(s));
        self.plan(Some(catalog.role_id(r)), gaps)
    }

    /// Plans the courses that bring the profile to the given skill levels (skills by id,
    /// name or alias), with their unmet prerequisites.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSkill`] (with did-you-mean) for a name that resolves to no skill,
    /// [`Error::InvalidArgument`] for a bad weighted objective.
    pub fn for_skills(&self, targets: &[(&str, Level)]) -> Result<Plan<'c>> {
        let catalog = self.assessment.catalog();
        let mut list = Vec::with_capacity(targets.len());
        for &(name, need) in targets {
            let Some(skill) = catalog.skill_names.lookup(name) else {
                return Err(Error::UnknownSkill {
                    skill: crate::util::text::clip(name, 64),
                    suggestion: catalog
                        .suggest_skills(name, 1)
                        .first()
                        .map(|s| s.id().to_string()),
                });
            };
            // A skill named twice (by id and by alias, say) is one target at the higher
            // level.
            match list.iter_mut().find(|t: &&mut Target| t.skill == skill) {
                Some(t) => t.need = t.need.max(need),
                None => list.push(Target {
                    skill,
                    need,
                    importance: Importance::Essential,
                    weight: 1.0,
                }),
            }
        }
        let gaps = gaps::gaps(catalog, |s| self.assessment.have_of(s), &list);
        self.plan(None, gaps)
    }

    /// The gaps of `role` (per the scope) for a profile whose levels `have` gives.
    pub(crate) fn role_gaps(&self, role: u32, have: impl Fn(u32) -> f64) -> Gaps<'c> {
        let catalog = self.assessment.catalog();
        let policy = self.assessment.policy();
        let reqs = &catalog.role_reqs[role as usize];
        gaps::gaps_in(
            catalog,
            catalog.role_closures.get(role as usize),
            |k| {
                let q = &reqs[k as usize];
                (self.scope == Scope::AllGaps || q.importance == Importance::Essential)
                    .then(|| Target::of(q, &policy.weights))
            },
            have,
        )
    }

    /// The assessed profile's levels, one per catalog skill.
    pub(crate) fn start_levels(&self) -> Vec<f64> {
        let catalog = self.assessment.catalog();
        let mut levels = vec![0.0; catalog.skills.len()];
        for (skill, level, _) in self.assessment.levels() {
            if let Some(s) = catalog.skill_index(skill.id().as_str()) {
                levels[s as usize] = level;
            }
        }
        levels
    }

    fn plan(&self, target: Option<&'c crate::model::RoleId>, gaps: Gaps<'c>) -> Result<Plan<'c>> {
        self.plan_from(&self.start_levels(), target, gaps)
    }

    /// Plans for `gaps` from the levels `start`.
    pub(crate) fn plan_from(
        &self,
        start: &[f64],
        target: Option<&'c crate::model::RoleId>,
        gaps: Gaps<'c>,
    ) -> Result<Plan<'c>> {
        self.objective.validate()?;
        let catalog = self.assessment.catalog();
        let goals: Vec<Need> = gaps.by_priority().map(|g| (g.index(), g.need())).collect();
        let (courses, blocked, optimal) = self.solve(catalog, start, &goals);
        Ok(assemble(
            catalog, target, gaps, start, courses, blocked, optimal,
        ))
    }

    /// Chooses catalog courses for `goals` from `start`; returns them (any order), the
    /// goals that cannot be met with reasons, and whether the choice is proven optimal.
    pub(crate) fn solve(
        &self,
        catalog: &Catalog,
        start: &[f64],
        goals: &[Need],
    ) -> (Vec<u32>, Vec<(Need, Blocked)>, bool) {
        let built = self.build(catalog, start, goals);
        self.solve_built(built)
    }

    /// The instance of reaching `goals` from `start`, costed by the objective.
    pub(crate) fn build(&self, catalog: &Catalog, start: &[f64], goals: &[Need]) -> Built {
        let objective = self.objective;
        Instance::build(catalog, start, goals, |c| {
            let course = &catalog.courses[c as usize];
            Some(objective.of(course.hours(), course.cost()))
        })
    }

    /// Solves a built instance; see [`Planner::solve`].
    pub(crate) fn solve_built(&self, built: Built) -> (Vec<u32>, Vec<(Need, Blocked)>, bool) {
        let inst = built.instance.without_dominated();
        if inst.goals.is_empty() {
            return (Vec::new(), built.blocked, true);
        }
        let none = vec![false; inst.needs.len()];
        let (chosen, optimal) = if inst.len() <= self.exact_limit {
            let seed = heuristic::greedy(&inst, &none, &heuristic::Bundles::new(&inst, &none));
            match exact::solve(&inst, seed.as_deref(), self.node_budget) {
                Some(sol) => (sol.courses, sol.optimal),
                None => (seed.unwrap_or_default(), false),
            }
        } else {
            self.solve_large(&inst, &none)
        };
        let courses = chosen.iter().map(|&c| inst.courses[c as usize]).collect();
        (courses, built.blocked, optimal)
    }

    /// Large instances: independent components, each exactly when small enough to prove
    /// within the budget, otherwise by greedy, redundancy pass and neighbourhood search.
    fn solve_large(&self, inst: &Instance, none: &[bool]) -> (Vec<Local>, bool) {
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
                if let Some(sol) =
                    exact::solve(&sub, Some(&set), COMPONENT_NODES.min(self.node_budget))
                {
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
    let mut groups: std::collections::BTreeMap<usize, Vec<Local>> =
        std::collections::BTreeMap::new();
    for &g in &inst.goals {
        let root = find(&mut parent, g as usize);
        groups.entry(root).or_default().push(g);
    }
    groups.into_values().collect()
}

impl<'c> Assessment<'c> {
    /// Plans the courses that close a role's gaps, implied gaps included, minimising hours;
    /// see [`Planner`] for other objectives and scopes.
    ///
    /// Returns an empty plan when there is nothing to close; gaps that no course can close
    /// are listed in [`Plan::uncovered`] with their reason, never dropped.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn plan(&self, role: &str) -> Result<Plan<'c>> {
        Planner::new(self).for_role(role)
    }
}
