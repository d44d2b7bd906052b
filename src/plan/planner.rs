//! The planner: options, and the questions it answers (a role's gaps, chosen skill
//! levels).

use super::assemble::{assemble, Chosen};
use super::solver::{self, Built, Instance, Limits};
use super::Plan;
use serde::{Deserialize, Serialize};

use crate::assess::gaps::Target;
use crate::assess::{Assessment, Gaps};
use crate::catalog::{Need, RoleAt, SkillAt};
use crate::error::{Error, Result};
use crate::model::{Importance, Level, RoleId, MAX_QUANTITY};

/// What a plan minimises.
///
/// Serialized in snake case: `"hours"`, `"cost"`, `{"weighted": {"hours": 1.0, "cost":
/// 0.1}}`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Objective {
    /// Total study hours (ties broken by cost).
    #[default]
    Hours,
    /// Total cost (ties broken by hours).
    Cost,
    /// A course counts `hours × course hours + cost × course cost`: e.g.
    /// `Weighted { hours: 1.0, cost: 0.1 }` trades ten units of cost for one hour. Both
    /// weights in `0..=1e9`.
    Weighted {
        /// Weight of an hour of study.
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
                if !(0.0..=MAX_QUANTITY).contains(&value) {
                    return Err(Error::InvalidArgument {
                        name,
                        value: value.to_string(),
                        expected: "a number in 0..=1e9",
                    });
                }
            }
        }
        Ok(())
    }
}

/// Which gaps of a role a plan closes. Serialized as `"all_gaps"` or `"ready"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Scope {
    /// Every gap: essential, important and optional requirements (default).
    #[default]
    AllGaps,
    /// Only what makes the role ready: essential requirements and their prerequisites.
    Ready,
}

/// Plans courses for an assessed profile: the least study that closes a target's gaps,
/// in a valid order.
///
/// # The problem
///
/// A plan is a set of courses such that each course's requirements are met by the
/// profile or by courses taken before it, and that, once taken, meets every closable gap
/// of the target (implied prerequisite gaps included), at the least total [`Objective`]:
/// hours, cost or a weighted mix. Levels only rise, to the highest level taught, so each
/// need is met by one course. The problem generalises weighted set cover (Chvátal 1979),
/// so it is NP-hard.
///
/// # The algorithm
///
/// 1. **Instance.** The candidate courses: those teaching a needed level or a requirement
///    of one, transitively (a search backward from the goals); then forward from the
///    profile (Kahn 1962), only those that can ever be taken. Goals no such course meets
///    are reported as [`Uncovered`](crate::plan::Uncovered) with the reason, never
///    dropped. Courses dominated by one no dearer that provides as much and requires no
///    more are dropped (the optimum is kept).
/// 2. **Exact**, when the instance has at most [`Planner::exact_limit`] candidates (25 by
///    default): branch and bound over acyclic *justifications* (each need assigned to a
///    course providing it, without cycles), branching on the need with the fewest
///    options, pruned by packing and cost-sharing lower bounds; complete, so the plan is
///    proven minimal when it finishes within [`Planner::node_budget`].
/// 3. **Large**, otherwise: independent components (union-find over shared needs), each
///    solved exactly within a budget when small, else by a greedy cover whose candidates
///    are *bundles* (a course with the cheapest courses its requirements need: an AND–OR
///    shortest path, Knuth 1977), a pass dropping redundant courses, local search (add a
///    bundle and remove what it makes redundant; remove a course and re-cover its needs)
///    and large-neighbourhood search with exact repair.
///
/// [`Plan::is_optimal`](crate::Plan::is_optimal) says whether the plan is proven optimal.
///
/// # Complexity
///
/// Building the instance is linear in the candidate courses and their needs. The exact
/// search visits at most `node_budget` nodes (2,000,000 by default), each costing
/// O(candidates + open needs); the large mode is polynomial (greedy O(m log m) per goal
/// covered, local search a few passes of O(m · needs)). Quality, measured on random
/// instances against the exact optimum: see the README.
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

impl<'a, 'c> Planner<'a, 'c> {
    /// A planner minimising hours, closing every gap.
    pub fn new(assessment: &'a Assessment<'c>) -> Self {
        Planner {
            assessment,
            objective: Objective::Hours,
            scope: Scope::AllGaps,
            exact_limit: 25,
            node_budget: solver::EXACT_NODES,
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

    /// Plans the courses that close a role's gaps (per the [`Scope`]), and, for each
    /// required credential the profile lacks, the programme that confers it
    /// ([`Plan::gates`]; reported without one when the catalog has none).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) for a role the catalog lacks,
    /// [`Error::InvalidArgument`] for a weighted objective with a negative or non-finite
    /// weight.
    pub fn for_role(&self, role: impl AsRef<str>) -> Result<Plan<'c>> {
        let role = role.as_ref();
        let catalog = self.assessment.catalog();
        let r = catalog.find_role_or_err(role)?;
        let gaps = self.role_gaps(r, |s| self.assessment.have_of(s));
        let gates = super::gate_routes(catalog, r, self.assessment.held_credentials());
        Ok(self
            .plan(Some(catalog.role_at(r).id()), gaps)?
            .with_gates(gates))
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
            let Some(skill) = catalog.skill_named(name) else {
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
        let gaps = self
            .assessment
            .gaps_toward(&list, |s| self.assessment.have_of(s));
        self.plan(None, gaps)
    }

    /// The gaps of `role` (per the scope) for a profile whose levels `have` gives.
    pub(crate) fn role_gaps(&self, role: RoleAt, have: impl Fn(SkillAt) -> f64) -> Gaps<'c> {
        let catalog = self.assessment.catalog();
        let policy = self.assessment.policy();
        let reqs = catalog.merged_requirements().of(role);
        self.assessment.gaps_over(
            catalog.closure(role),
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
        self.assessment.dense_levels()
    }

    fn plan(&self, target: Option<&'c RoleId>, gaps: Gaps<'c>) -> Result<Plan<'c>> {
        self.plan_from(&self.start_levels(), target, gaps)
    }

    /// Plans for `gaps` from the levels `start`.
    pub(crate) fn plan_from(
        &self,
        start: &[f64],
        target: Option<&'c RoleId>,
        gaps: Gaps<'c>,
    ) -> Result<Plan<'c>> {
        self.objective.validate()?;
        let catalog = self.assessment.catalog();
        let goals = gaps.needs();
        let choice = solver::solve(self.build(start, &goals), self.limits());
        let chosen = Chosen {
            catalog,
            target,
            gaps,
            courses: choice.courses,
            explained: choice.explained,
            optimal: choice.optimal,
        };
        Ok(assemble(chosen, start))
    }

    /// The instance of reaching `goals` from `start`, costed by the objective.
    pub(crate) fn build(&self, start: &[f64], goals: &[Need]) -> Built {
        let catalog = self.assessment.catalog();
        let objective = self.objective;
        Instance::build(catalog, start, goals, |c| {
            let course = catalog.course_at(c);
            Some(objective.of(course.hours(), course.cost()))
        })
    }

    /// The solver's limits.
    pub(crate) fn limits(&self) -> Limits {
        Limits {
            exact_courses: self.exact_limit,
            nodes: self.node_budget,
        }
    }
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
    pub fn plan(&self, role: impl AsRef<str>) -> Result<Plan<'c>> {
        let role = role.as_ref();
        Planner::new(self).for_role(role)
    }
}
