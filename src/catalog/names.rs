//! How the catalog finds its items by name: exact ids, and skill and role labels through
//! the resolver's vocabulary.

use super::position::{CourseAt, RoleAt, SkillAt};
use crate::model::{Course, Role, Skill};
use crate::resolve::{Resolver, Vocabulary};
use crate::util::lookup::Lookup;

/// The catalog's name indexes.
#[derive(Debug, Clone)]
pub(crate) struct Names {
    skill_ids: Lookup,
    role_ids: Lookup,
    course_ids: Lookup,
    /// Every skill label (id, name, aliases), for exact, normalised and fuzzy lookup.
    skills: Vocabulary,
    /// Every role label (id, name, aliases), for lookup by name and did-you-mean.
    roles: Vocabulary,
    /// The skill resolver over `skills` (shared; its index is built on first use).
    resolver: Resolver,
}

impl Names {
    /// The indexes of validated items, sorted by id.
    pub fn build(skills: &[Skill], roles: &[Role], courses: &[Course]) -> Names {
        let (skill_names, _) = Vocabulary::new(
            skills
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.labels().map(move |l| (l, i as u32))),
        );
        let resolver = Resolver::from_vocabulary(
            skill_names.clone(),
            skills.iter().map(|s| s.id().clone()).collect(),
        );
        let (role_names, _) = Vocabulary::new(
            roles
                .iter()
                .enumerate()
                .flat_map(|(i, r)| r.labels().map(move |l| (l, i as u32))),
        );
        Names {
            skill_ids: Lookup::new(skills.iter().map(|s| s.id().as_str()), false),
            role_ids: Lookup::new(roles.iter().map(|r| r.id().as_str()), false),
            course_ids: Lookup::new(courses.iter().map(|c| c.id().as_str()), false),
            skills: skill_names,
            roles: role_names,
            resolver,
        }
    }

    /// The skill with this id in `skills`.
    pub fn skill(&self, skills: &[Skill], id: &str) -> Option<SkillAt> {
        self.skill_ids
            .find(id, |i| skills[i].id().as_str())
            .map(SkillAt)
    }

    /// The role with this id in `roles`.
    pub fn role(&self, roles: &[Role], id: &str) -> Option<RoleAt> {
        self.role_ids
            .find(id, |i| roles[i].id().as_str())
            .map(RoleAt)
    }

    /// The course with this id in `courses`.
    pub fn course(&self, courses: &[Course], id: &str) -> Option<CourseAt> {
        self.course_ids
            .find(id, |i| courses[i].id().as_str())
            .map(CourseAt)
    }

    /// The skill labels.
    pub fn skills(&self) -> &Vocabulary {
        &self.skills
    }

    /// The role labels.
    pub fn roles(&self) -> &Vocabulary {
        &self.roles
    }

    /// The skill resolver.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }
}
