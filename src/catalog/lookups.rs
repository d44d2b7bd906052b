//! Lookups both ways: a role's requirements and the roles requiring a skill, a skill's
//! prerequisites and what it unlocks, the courses teaching a skill, a role by its name.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::requirements::Req;
use super::{Catalog, RoleAt, SkillAt};
use crate::error::Result;
use crate::model::{Course, Level, Requirement, Role, Skill};

impl Catalog {
    /// A role's requirements, own and inherited through `extends`, merged (stricter level,
    /// higher importance, larger explicit weight) and sorted by skill id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) when the
    /// catalog has no such role.
    pub fn requirements(&self, role: impl AsRef<str>) -> Result<Vec<Requirement>> {
        let r = self.find_role_or_err(role.as_ref())?;
        Ok(self
            .merged_requirements()
            .of(r)
            .iter()
            .map(|q| self.requirement(q))
            .collect())
    }

    /// The roles that require a skill (by id), own or inherited through `extends`, each
    /// with its merged requirement, in role id order. Empty for an unknown skill.
    ///
    /// ```
    /// let catalog = skillgap::Catalog::builtin();
    /// let roles = catalog.roles_requiring("sql");
    /// assert!(roles.iter().any(|(role, _)| role.id() == "data-scientist"));
    /// assert!(roles.iter().all(|(_, req)| req.skill() == "sql"));
    /// ```
    pub fn roles_requiring(&self, skill: impl AsRef<str>) -> Vec<(&Role, Requirement)> {
        let Some(s) = self.find_skill(skill.as_ref()) else {
            return Vec::new();
        };
        let mut roles: Vec<RoleAt> = self.postings().of(s).map(|p| p.role).collect();
        roles.sort_unstable();
        roles
            .into_iter()
            .filter_map(|r| {
                let reqs = self.merged_requirements().of(r);
                let q = reqs.iter().find(|q| q.skill == s)?;
                Some((self.role_at(r), self.requirement(q)))
            })
            .collect()
    }

    /// The direct prerequisites of a skill (by id), with the level each must reach, in
    /// skill id order. Empty for an unknown skill.
    pub fn prerequisites(&self, skill: impl AsRef<str>) -> Vec<(&Skill, Level)> {
        let Some(s) = self.find_skill(skill.as_ref()) else {
            return Vec::new();
        };
        let mut out: Vec<(&Skill, Level)> = self
            .skill_graph()
            .prerequisites(s)
            .map(|(p, level)| (self.skill_at(p), level))
            .collect();
        out.sort_by(|a, b| a.0.id().cmp(b.0.id()).then(a.1.cmp(&b.1)));
        out
    }

    /// What a skill (by id) unlocks: the skills that list it as a direct prerequisite,
    /// with the level they need of it, in skill id order. Empty for an unknown skill.
    ///
    /// ```
    /// let catalog = skillgap::Catalog::builtin();
    /// let unlocked = catalog.unlocks("python");
    /// assert!(!unlocked.is_empty());
    /// for (skill, _) in &unlocked {
    ///     assert!(catalog.prerequisites(skill.id()).iter().any(|(p, _)| p.id() == "python"));
    /// }
    /// ```
    pub fn unlocks(&self, skill: impl AsRef<str>) -> Vec<(&Skill, Level)> {
        let Some(s) = self.find_skill(skill.as_ref()) else {
            return Vec::new();
        };
        let graph = self.skill_graph().prerequisite_graph();
        let mut out: Vec<(&Skill, Level)> = graph
            .edges_directed(NodeIndex::new(s.get()), Direction::Incoming)
            .map(|e| (self.skill_at(SkillAt::at(e.source().index())), *e.weight()))
            .collect();
        out.sort_by(|a, b| a.0.id().cmp(b.0.id()).then(a.1.cmp(&b.1)));
        out
    }

    /// The courses that teach a skill (by id) at `at_least` or higher, with the level each
    /// teaches, in course id order. Empty for an unknown skill.
    ///
    /// ```
    /// use skillgap::{Catalog, Level};
    ///
    /// let catalog = Catalog::builtin();
    /// let courses = catalog.courses_teaching("sql", Level::ADVANCED);
    /// assert!(!courses.is_empty());
    /// assert!(courses.iter().all(|(_, level)| *level >= Level::ADVANCED));
    /// ```
    pub fn courses_teaching(
        &self,
        skill: impl AsRef<str>,
        at_least: Level,
    ) -> Vec<(&Course, Level)> {
        let Some(s) = self.find_skill(skill.as_ref()) else {
            return Vec::new();
        };
        let mut out: Vec<(&Course, Level)> = self
            .course_index()
            .teachers(s)
            .iter()
            .filter(|(_, level)| *level >= at_least)
            .map(|&(c, level)| (self.course_at(c), level))
            .collect();
        out.sort_by(|a, b| a.0.id().cmp(b.0.id()));
        out
    }

    /// The role a person's words name: its id, name or one of its aliases, ignoring case
    /// and spaces, or equal to one after normalisation (accents, punctuation, plurals, word
    /// order) when that names one role only. Never a fuzzy guess; an unknown role in the
    /// functions taking a role id gets a did-you-mean over the same labels.
    ///
    /// ```
    /// let catalog = skillgap::Catalog::builtin();
    /// let role = catalog.resolve_role("machine learning engineers").expect("a role");
    /// assert_eq!(role.id(), "machine-learning-engineer");
    /// ```
    pub fn resolve_role(&self, name: &str) -> Option<&Role> {
        match self.find_role(name) {
            Some(r) => Some(self.role_at(r)),
            None => self
                .names
                .roles()
                .lookup(name)
                .map(|i| self.role_at(RoleAt::at(i as usize))),
        }
    }

    /// A merged requirement as the public type.
    fn requirement(&self, q: &Req) -> Requirement {
        let req = Requirement::new(self.skill_at(q.skill).id().clone(), q.need, q.importance);
        match q.weight {
            Some(w) => req.with_weight(w),
            None => req,
        }
    }
}
