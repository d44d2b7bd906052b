//! Catalog validation: every problem, with its place.

use std::collections::BTreeMap;

use crate::error::{ItemKind, Location, Problem};
use crate::model::id_defect;
use crate::model::Course;
use crate::model::Level;
use crate::model::Role;
use crate::model::{Skill, SkillLevel};
use crate::resolve::Vocabulary;
use crate::util::graph;
use crate::util::text::MAX_LABEL_BYTES;

/// First index of each id; later duplicates and bad ids are reported.
fn index_ids<'a>(
    kind: ItemKind,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<&'a str, usize> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, id) in ids.enumerate() {
        if let Some(reason) = id_defect(id) {
            problems.push(Problem::InvalidId {
                at: Location::new(kind, index, id, "id"),
                id: crate::util::text::clip(id, 64),
                reason,
            });
        }
        match first.get(id) {
            Some(&f) => problems.push(Problem::DuplicateId {
                at: Location::new(kind, index, id, "id"),
                id: crate::util::text::clip(id, 64),
                first: f,
            }),
            None => {
                first.insert(id, index);
            }
        }
    }
    first
}

/// Resolves references by id; unknown ones are reported with a did-you-mean.
struct Refs<'a> {
    ids: BTreeMap<&'a str, usize>,
    vocabulary: Vocabulary,
    id_of: Vec<&'a str>,
}

impl<'a> Refs<'a> {
    fn new(
        ids: BTreeMap<&'a str, usize>,
        labels: Vec<(&'a str, u32)>,
        id_of: Vec<&'a str>,
    ) -> (Self, Vec<crate::resolve::Collision>) {
        let (vocabulary, collisions) = Vocabulary::new(labels);
        (
            Refs {
                ids,
                vocabulary,
                id_of,
            },
            collisions,
        )
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn suggestion(&self, id: &str) -> Option<String> {
        self.vocabulary
            .lookup(id)
            .or_else(|| self.vocabulary.suggest(id, 1).first().copied())
            .map(|i| self.id_of[i as usize].to_string())
    }
}

fn check_number(
    at: impl FnOnce() -> Location,
    value: f64,
    max: Option<f64>,
    problems: &mut Vec<Problem>,
) {
    let ok = value.is_finite() && value >= 0.0 && max.is_none_or(|m| value <= m);
    if !ok {
        problems.push(Problem::InvalidNumber {
            at: at(),
            value,
            expected: if max.is_some() {
                "a number in 0..=1"
            } else {
                "a finite number >= 0"
            },
        });
    }
}

fn check_level(at: impl FnOnce() -> Location, level: Level, problems: &mut Vec<Problem>) {
    if level == Level::NONE {
        problems.push(Problem::InvalidLevel {
            at: at(),
            value: "0".into(),
            reason: "level 0 means none; use 1..=5 or remove the entry".into(),
        });
    }
}

/// Checks `{skill, level}` lists: known skills and non-zero levels.
fn check_skill_levels(
    list: &[SkillLevel],
    kind: ItemKind,
    index: usize,
    id: &str,
    field: &str,
    skills: &Refs<'_>,
    problems: &mut Vec<Problem>,
) {
    for (i, sl) in list.iter().enumerate() {
        check_skill_ref(
            sl.skill().as_str(),
            || Location::new(kind, index, id, format!("{field}[{i}].skill")),
            skills,
            problems,
        );
        check_level(
            || Location::new(kind, index, id, format!("{field}[{i}].level")),
            sl.level(),
            problems,
        );
    }
}

fn check_skill_ref(
    skill: &str,
    at: impl FnOnce() -> Location,
    skills: &Refs<'_>,
    problems: &mut Vec<Problem>,
) {
    if skills.get(skill).is_none() {
        problems.push(Problem::UnknownSkill {
            at: at(),
            skill: crate::util::text::clip(skill, 64),
            suggestion: skills.suggestion(skill),
        });
    }
}

fn check_labels(skills: &[Skill], problems: &mut Vec<Problem>) {
    for (index, skill) in skills.iter().enumerate() {
        let fields = std::iter::once(("name".to_string(), skill.name())).chain(
            skill
                .aliases()
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("aliases[{i}]"), a.as_str())),
        );
        for (field, label) in fields {
            let reason = if label.trim().is_empty() {
                Some("is empty")
            } else if label.len() > MAX_LABEL_BYTES {
                Some("is longer than 256 bytes")
            } else if label.chars().any(char::is_control) {
                Some("contains control characters")
            } else {
                None
            };
            if let Some(reason) = reason {
                problems.push(Problem::InvalidLabel {
                    at: Location::new(ItemKind::Skill, index, skill.id().as_str(), field),
                    label: crate::util::text::clip(label, 64),
                    reason,
                });
            }
        }
    }
}

/// Validates catalog items, appending every problem found to `problems`.
pub(crate) fn validate(
    skills: &[Skill],
    roles: &[Role],
    courses: &[Course],
    problems: &mut Vec<Problem>,
) {
    let skill_ids = index_ids(
        ItemKind::Skill,
        skills.iter().map(|s| s.id().as_str()),
        problems,
    );
    let role_ids = index_ids(
        ItemKind::Role,
        roles.iter().map(|r| r.id().as_str()),
        problems,
    );
    index_ids(
        ItemKind::Course,
        courses.iter().map(|c| c.id().as_str()),
        problems,
    );
    check_labels(skills, problems);

    let skill_labels: Vec<(&str, u32)> = skills
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.labels().map(move |l| (l, i as u32)))
        .collect();
    let (skill_refs, collisions) = Refs::new(
        skill_ids,
        skill_labels,
        skills.iter().map(|s| s.id().as_str()).collect(),
    );
    for c in collisions {
        let (first, second) = (&skills[c.first as usize], &skills[c.second as usize]);
        if first.id() == second.id() {
            continue; // reported as a duplicate id
        }
        let (field, label) = second
            .labels()
            .enumerate()
            .find(|(_, l)| crate::resolve::normalize(l) == c.label)
            .map(|(i, l)| {
                let field = match i {
                    0 => "id".to_string(),
                    1 => "name".to_string(),
                    n => format!("aliases[{}]", n - 2),
                };
                (field, l)
            })
            .unwrap_or_default();
        problems.push(Problem::DuplicateLabel {
            at: Location::new(
                ItemKind::Skill,
                c.second as usize,
                second.id().as_str(),
                field,
            ),
            label: crate::util::text::clip(label, 64),
            other: first.id().clone(),
        });
    }
    let role_labels: Vec<(&str, u32)> = roles
        .iter()
        .enumerate()
        .flat_map(|(i, r)| [(r.id().as_str(), i as u32), (r.name(), i as u32)])
        .collect();
    let (role_refs, _) = Refs::new(
        role_ids,
        role_labels,
        roles.iter().map(|r| r.id().as_str()).collect(),
    );

    let mut skill_edges = Vec::new();
    for (index, skill) in skills.iter().enumerate() {
        let id = skill.id().as_str();
        check_skill_levels(
            skill.requires(),
            ItemKind::Skill,
            index,
            id,
            "requires",
            &skill_refs,
            problems,
        );
        for sl in skill.requires() {
            if let Some(p) = skill_refs.get(sl.skill().as_str()) {
                skill_edges.push((index, p, ()));
            }
        }
        for (i, rel) in skill.related().iter().enumerate() {
            check_skill_ref(
                rel.skill().as_str(),
                || Location::new(ItemKind::Skill, index, id, format!("related[{i}].skill")),
                &skill_refs,
                problems,
            );
            check_number(
                || Location::new(ItemKind::Skill, index, id, format!("related[{i}].transfer")),
                rel.transfer(),
                Some(1.0),
                problems,
            );
        }
    }

    let mut role_edges = Vec::new();
    for (index, role) in roles.iter().enumerate() {
        let id = role.id().as_str();
        for (i, parent) in role.extends().iter().enumerate() {
            match role_refs.get(parent.as_str()) {
                Some(p) => role_edges.push((index, p, ())),
                None => problems.push(Problem::UnknownRole {
                    at: Location::new(ItemKind::Role, index, id, format!("extends[{i}]")),
                    role: crate::util::text::clip(parent.as_str(), 64),
                    suggestion: role_refs.suggestion(parent.as_str()),
                }),
            }
        }
        for (i, req) in role.requirements().iter().enumerate() {
            check_skill_ref(
                req.skill().as_str(),
                || {
                    Location::new(
                        ItemKind::Role,
                        index,
                        id,
                        format!("requirements[{i}].skill"),
                    )
                },
                &skill_refs,
                problems,
            );
            check_level(
                || {
                    Location::new(
                        ItemKind::Role,
                        index,
                        id,
                        format!("requirements[{i}].level"),
                    )
                },
                req.level(),
                problems,
            );
            if let Some(w) = req.weight() {
                check_number(
                    || {
                        Location::new(
                            ItemKind::Role,
                            index,
                            id,
                            format!("requirements[{i}].weight"),
                        )
                    },
                    w,
                    None,
                    problems,
                );
            }
        }
    }

    for (index, course) in courses.iter().enumerate() {
        let id = course.id().as_str();
        check_number(
            || Location::new(ItemKind::Course, index, id, "hours"),
            course.hours(),
            None,
            problems,
        );
        check_number(
            || Location::new(ItemKind::Course, index, id, "cost"),
            course.cost(),
            None,
            problems,
        );
        check_skill_levels(
            course.teaches(),
            ItemKind::Course,
            index,
            id,
            "teaches",
            &skill_refs,
            problems,
        );
        check_skill_levels(
            course.requires(),
            ItemKind::Course,
            index,
            id,
            "requires",
            &skill_refs,
            problems,
        );
    }

    let skill_graph = graph::build(skills.len(), skill_edges);
    for cycle in graph::cycles(&skill_graph) {
        problems.push(Problem::SkillCycle {
            path: cycle.iter().map(|&i| skills[i].id().to_string()).collect(),
        });
    }
    let role_graph = graph::build(roles.len(), role_edges);
    for cycle in graph::cycles(&role_graph) {
        problems.push(Problem::RoleCycle {
            path: cycle.iter().map(|&i| roles[i].id().to_string()).collect(),
        });
    }

    for (index, role) in roles.iter().enumerate() {
        let has_requirements = graph::reachable(&role_graph, index)
            .into_iter()
            .any(|r| !roles[r].requirements().is_empty());
        if !has_requirements {
            problems.push(Problem::EmptyRole {
                at: Location::new(ItemKind::Role, index, role.id().as_str(), "requirements"),
            });
        }
    }
}
