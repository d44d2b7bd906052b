//! Catalog validation: every problem, with its place.

use std::cell::Cell;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;

use super::lint::Lint;
use super::names::own_labels;
use crate::error::{ItemKind, Location, Problem};
use crate::model::{id_defect, Course, Level, Role, Skill, SkillLevel, MAX_QUANTITY};
use crate::resolve::{Collision, Vocabulary};
use crate::util::graph;
use crate::util::hash::StrRefMap;
use crate::util::text::{clip, MAX_LABEL_BYTES};

/// First index of each id; later duplicates and bad ids are reported. A hash map: looking
/// the 124,000 requirements of the ESCO release up in a `BTreeMap` of its 14,000 skill
/// URIs (long common prefixes) was about 5% of loading it (`perf record` on `cargo bench
/// --features esco --bench import -- esco/load_json`).
pub(super) fn index_ids<'a>(
    kind: ItemKind,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) -> StrRefMap<'a, usize> {
    let mut first: StrRefMap<'a, usize> = StrRefMap::default();
    for (index, id) in ids.enumerate() {
        if let Some(reason) = id_defect(id) {
            problems.push(Problem::InvalidId {
                at: Location::new(kind, index, id, "id"),
                id: clip(id, 64),
                reason,
            });
        }
        match first.get(id) {
            Some(&f) => problems.push(Problem::DuplicateId {
                at: Location::new(kind, index, id, "id"),
                id: clip(id, 64),
                first: f,
            }),
            None => {
                first.insert(id, index);
            }
        }
    }
    first
}

/// The most unknown references of one kind that get a did-you-mean: each is a fuzzy
/// search, and a document with 100,000 unknown references needs no 100,000 suggestions.
const SUGGESTED: usize = 1_000;

/// Resolves references by id; unknown ones are reported with a did-you-mean (the first
/// [`SUGGESTED`]).
struct Refs<'a> {
    ids: StrRefMap<'a, usize>,
    vocabulary: Vocabulary,
    id_of: Vec<&'a str>,
    suggested: Cell<usize>,
}

impl<'a> Refs<'a> {
    fn new(
        ids: StrRefMap<'a, usize>,
        labels: Vec<(&'a str, u32, bool)>,
        id_of: Vec<&'a str>,
    ) -> (Self, Vec<Collision>) {
        let (vocabulary, collisions) = Vocabulary::new(labels);
        (
            Refs {
                ids,
                vocabulary,
                id_of,
                suggested: Cell::new(0),
            },
            collisions,
        )
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn suggestion(&self, id: &str) -> Option<String> {
        if self.suggested.get() >= SUGGESTED {
            return None;
        }
        self.suggested.set(self.suggested.get() + 1);
        self.vocabulary
            .lookup(id)
            .or_else(|| self.vocabulary.suggest(id, 1).first().copied())
            .map(|i| self.id_of[i as usize].to_string())
    }
}

pub(super) fn check_number(
    at: impl FnOnce() -> Location,
    value: f64,
    max: Option<f64>,
    problems: &mut Vec<Problem>,
) {
    let ok = value.is_finite() && value >= 0.0 && value <= max.unwrap_or(MAX_QUANTITY);
    if !ok {
        problems.push(Problem::InvalidNumber {
            at: at(),
            value,
            expected: if max.is_some() {
                "a number in 0..=1"
            } else {
                "a number in 0..=1e9"
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
            skill: clip(skill, 64),
            suggestion: skills.suggestion(skill),
        });
    }
}

/// Checks every name and alias of the skills and roles: not empty, not too long, no
/// control characters.
fn check_labels(skills: &[Skill], roles: &[Role], problems: &mut Vec<Problem>) {
    let skill_labels = skills.iter().enumerate().map(|(index, skill)| {
        let id = skill.id().as_str();
        (ItemKind::Skill, index, id, skill.name(), skill.aliases())
    });
    let role_labels = roles.iter().enumerate().map(|(index, role)| {
        let id = role.id().as_str();
        (ItemKind::Role, index, id, role.name(), role.aliases())
    });
    for (kind, index, id, name, aliases) in skill_labels.chain(role_labels) {
        let fields = std::iter::once(("name".to_string(), name)).chain(
            aliases
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("aliases[{i}]"), a.as_str())),
        );
        for (field, label) in fields {
            if let Some(reason) = label_problem(label) {
                problems.push(Problem::InvalidLabel {
                    at: Location::new(kind, index, id, field),
                    label: clip(label, 64),
                    reason,
                });
            }
        }
    }
}

/// What is wrong with a name or alias, if anything.
pub(super) fn label_problem(label: &str) -> Option<&'static str> {
    if label.trim().is_empty() {
        Some("is empty")
    } else if label.len() > MAX_LABEL_BYTES {
        Some("is longer than 256 bytes")
    } else if label.chars().any(char::is_control) {
        Some("contains control characters")
    } else {
        None
    }
}

/// Validates catalog items, appending every problem found to `problems`, item by item:
/// ids, labels, then each skill's, role's and course's references and numbers, then the
/// cycles and the roles without requirements. (Problems are sorted by item afterwards, so
/// within an item they keep this order.) Returns the lints (labels shared by several
/// skills where one at most has it as its id or name) and the label vocabularies built
/// on the way.
pub(crate) fn validate(
    skills: &[Skill],
    roles: &[Role],
    courses: &[Course],
    problems: &mut Vec<Problem>,
) -> Validated {
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
    check_labels(skills, roles, problems);
    let (skill_refs, lints) = skill_refs(skills, skill_ids, problems);
    let role_refs = Refs::new(
        role_ids,
        own_labels(roles, Role::labels).collect(),
        roles.iter().map(|r| r.id().as_str()).collect(),
    )
    .0;
    let skill_edges: Vec<(usize, usize, ())> = skills
        .iter()
        .enumerate()
        .flat_map(|(index, skill)| check_skill(index, skill, &skill_refs, problems))
        .collect();
    let role_edges: Vec<(usize, usize, ())> = roles
        .iter()
        .enumerate()
        .flat_map(|(index, role)| check_role(index, role, &skill_refs, &role_refs, problems))
        .collect();
    for (index, course) in courses.iter().enumerate() {
        check_course(index, course, &skill_refs, problems);
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
    check_empty_roles(roles, &role_graph, problems);
    Validated {
        lints,
        skill_names: skill_refs.vocabulary,
        role_names: role_refs.vocabulary,
    }
}

/// What validation finds besides problems.
pub(crate) struct Validated {
    /// Labels shared by several skills, where one at most has it as its id or name.
    pub lints: Vec<Lint>,
    /// Every skill label (id, name, aliases), items in the order given.
    pub skill_names: Vocabulary,
    /// Every role label, items in the order given.
    pub role_names: Vocabulary,
}

/// The skill references by id and label. A label that is the id or name of two skills is
/// a problem; a label shared otherwise (an alias of several skills, or one skill's name
/// and others' alias) is a lint.
fn skill_refs<'a>(
    skills: &'a [Skill],
    ids: StrRefMap<'a, usize>,
    problems: &mut Vec<Problem>,
) -> (Refs<'a>, Vec<Lint>) {
    let (refs, collisions) = Refs::new(
        ids,
        own_labels(skills, Skill::labels).collect(),
        skills.iter().map(|s| s.id().as_str()).collect(),
    );
    let mut lints = Vec::new();
    for c in collisions {
        let own: Vec<u32> = c.items.iter().filter(|i| i.1).map(|i| i.0).collect();
        if own.len() < 2 {
            lints.push(shared_label(skills, &c));
            continue;
        }
        // Own labels of several skills: each later skill's is a problem.
        let first = own.iter().copied().min().unwrap_or_default() as usize;
        for &second in own.iter().filter(|&&i| i as usize != first) {
            let (first, second_skill) = (&skills[first], &skills[second as usize]);
            if first.id() == second_skill.id() {
                continue; // reported as a duplicate id
            }
            let (field, label) = labelled(second_skill, &c.label);
            problems.push(Problem::DuplicateLabel {
                at: Location::new(
                    ItemKind::Skill,
                    second as usize,
                    second_skill.id().as_str(),
                    field,
                ),
                label: clip(label, 64),
                other: first.id().clone(),
            });
        }
    }
    (refs, lints)
}

/// The field and text of `skill`'s label whose light normal form is `key`.
fn labelled<'s>(skill: &'s Skill, key: &str) -> (String, &'s str) {
    skill
        .labels()
        .enumerate()
        .find(|(_, l)| crate::resolve::normalize(l) == key)
        .map(|(i, l)| (label_field(i), l))
        .unwrap_or_default()
}

/// The lint for a label shared by several skills, at most one of which has it as its id
/// or name.
fn shared_label(skills: &[Skill], c: &Collision) -> Lint {
    let named = c
        .items
        .iter()
        .find(|i| i.1)
        .map(|i| skills[i.0 as usize].id().clone());
    let mut aliased: Vec<_> = c
        .items
        .iter()
        .filter(|i| !i.1)
        .map(|i| skills[i.0 as usize].id().clone())
        .collect();
    aliased.sort();
    let first = c.items.first().map_or(0, |i| i.0 as usize);
    let (_, label) = labelled(&skills[first], &c.label);
    Lint::SharedLabel {
        label: clip(label, 64),
        named,
        aliased,
    }
}

/// The field of a skill's `i`-th label, as [`Skill::labels`] yields them.
fn label_field(i: usize) -> String {
    match i {
        0 => "id".to_string(),
        1 => "name".to_string(),
        n => format!("aliases[{}]", n - 2),
    }
}

/// Checks a skill's prerequisites and related skills; returns its prerequisite edges.
fn check_skill(
    index: usize,
    skill: &Skill,
    skills: &Refs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, usize, ())> {
    let id = skill.id().as_str();
    let at = |field: String| Location::new(ItemKind::Skill, index, id, field);
    check_skill_levels(
        skill.requires(),
        ItemKind::Skill,
        index,
        id,
        "requires",
        skills,
        problems,
    );
    for (i, rel) in skill.related().iter().enumerate() {
        check_skill_ref(
            rel.skill().as_str(),
            || at(format!("related[{i}].skill")),
            skills,
            problems,
        );
        check_number(
            || at(format!("related[{i}].transfer")),
            rel.transfer(),
            Some(1.0),
            problems,
        );
    }
    skill
        .requires()
        .iter()
        .filter_map(|sl| skills.get(sl.skill().as_str()).map(|p| (index, p, ())))
        .collect()
}

/// Checks a role's `extends` and requirements; returns its `extends` edges.
fn check_role(
    index: usize,
    role: &Role,
    skills: &Refs<'_>,
    roles: &Refs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, usize, ())> {
    let id = role.id().as_str();
    let at = |field: String| Location::new(ItemKind::Role, index, id, field);
    let mut edges = Vec::new();
    for (i, parent) in role.extends().iter().enumerate() {
        match roles.get(parent.as_str()) {
            Some(p) => edges.push((index, p, ())),
            None => problems.push(Problem::UnknownRole {
                at: at(format!("extends[{i}]")),
                role: clip(parent.as_str(), 64),
                suggestion: roles.suggestion(parent.as_str()),
            }),
        }
    }
    for (i, req) in role.requirements().iter().enumerate() {
        let field = |name: &str| at(format!("requirements[{i}].{name}"));
        check_skill_ref(req.skill().as_str(), || field("skill"), skills, problems);
        check_level(|| field("level"), req.level(), problems);
        if let Some(w) = req.weight() {
            check_number(|| field("weight"), w, None, problems);
        }
    }
    edges
}

/// Checks a course's numbers and the skills it teaches and requires.
fn check_course(index: usize, course: &Course, skills: &Refs<'_>, problems: &mut Vec<Problem>) {
    let id = course.id().as_str();
    let at = |field: &str| Location::new(ItemKind::Course, index, id, field);
    check_number(|| at("hours"), course.hours(), None, problems);
    check_number(|| at("cost"), course.cost(), None, problems);
    if course.provider().trim().is_empty() {
        problems.push(Problem::Empty {
            at: at("provider"),
            expected: "a course needs a provider (`Course::with_provider`)",
        });
    }
    if course.teaches().is_empty() {
        problems.push(Problem::Empty {
            at: at("teaches"),
            expected: "a course teaches at least one skill level (`Course::with_teaches`)",
        });
    }
    let kind = ItemKind::Course;
    check_skill_levels(
        course.teaches(),
        kind,
        index,
        id,
        "teaches",
        skills,
        problems,
    );
    check_skill_levels(
        course.requires(),
        kind,
        index,
        id,
        "requires",
        skills,
        problems,
    );
}

/// Roles without requirements, neither their own nor inherited through `extends`
/// (`extends`: an edge from a role to each role it extends). A role has requirements when
/// one of the roles it reaches has its own: found by a search backward from those roles,
/// in time linear in the roles and edges, cycles or not.
fn check_empty_roles(roles: &[Role], extends: &DiGraph<(), ()>, problems: &mut Vec<Problem>) {
    let mut has = vec![false; roles.len()];
    let mut stack: Vec<usize> = (0..roles.len())
        .filter(|&r| !roles[r].requirements().is_empty())
        .collect();
    for &r in &stack {
        has[r] = true;
    }
    while let Some(r) = stack.pop() {
        for child in extends.neighbors_directed(NodeIndex::new(r), Direction::Incoming) {
            if !std::mem::replace(&mut has[child.index()], true) {
                stack.push(child.index());
            }
        }
    }
    for (index, role) in roles.iter().enumerate().filter(|&(r, _)| !has[r]) {
        problems.push(Problem::EmptyRole {
            at: Location::new(ItemKind::Role, index, role.id().as_str(), "requirements"),
        });
    }
}
