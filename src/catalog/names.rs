//! How the catalog finds its items by name: exact ids, and skill and role labels through
//! the resolver's vocabulary.

use super::position::{CourseAt, RoleAt, SkillAt};
use crate::model::{Course, Role, Skill};
use crate::resolve::{Resolver, Vocabulary};
use crate::util::lookup::Lookup;

/// Every label of `items` as `(label, position, own)`, in order, `labels` giving an
/// item's id, name, then aliases: an item's id and name are its own labels, its aliases
/// are not.
pub(crate) fn own_labels<'a, T, I>(
    items: &'a [T],
    labels: impl Fn(&'a T) -> I + Copy + 'a,
) -> impl Iterator<Item = (&'a str, u32, bool)> + 'a
where
    I: Iterator<Item = &'a str> + 'a,
{
    items.iter().enumerate().flat_map(move |(i, item)| {
        labels(item)
            .enumerate()
            .map(move |(k, label)| (label, i as u32, k < 2))
    })
}

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
    /// The indexes of validated items, sorted by id, with the vocabularies of their
    /// labels (see [`own_labels`]).
    pub fn build(
        skills: &[Skill],
        roles: &[Role],
        courses: &[Course],
        skill_names: Vocabulary,
        role_names: Vocabulary,
    ) -> Names {
        let resolver = Resolver::from_vocabulary(
            skill_names.clone(),
            skills.iter().map(|s| s.id().clone()).collect(),
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
