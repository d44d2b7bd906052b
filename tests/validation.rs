//! Catalog validation: one test per kind of problem, each checking the exact `Problem`
//! and that its message names the place (item kind, id, field path) and the value.

use serde_json::{json, Value};
use skillgap::error::{ItemKind, Location, Problem};
use skillgap::io::CATALOG_FORMAT;
use skillgap::{Catalog, Course, Error, Importance, Level, Role, Skill};

/// A catalog document from its three lists.
fn doc(skills: Value, roles: Value, courses: Value) -> String {
    json!({
        "format": CATALOG_FORMAT,
        "skills": skills,
        "roles": roles,
        "courses": courses,
    })
    .to_string()
}

/// Three valid skills, used where a test only needs something to refer to.
fn base_skills() -> Value {
    json!([
        {"id": "python", "name": "Python", "aliases": ["py"]},
        {"id": "sql", "name": "SQL"},
        {"id": "statistics", "name": "Statistics"},
    ])
}

/// One valid role on the base skills.
fn base_roles() -> Value {
    json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"},
            {"skill": "sql", "level": 2, "importance": "important"},
        ]},
    ])
}

/// One valid course on the base skills.
fn base_courses() -> Value {
    json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": 10,
         "teaches": [{"skill": "python", "level": 3}]},
    ])
}

/// The problems of a catalog that must fail validation.
fn problems_of(result: Result<Catalog, Error>) -> Vec<Problem> {
    match result {
        Err(Error::InvalidCatalog { problems }) => problems,
        Err(other) => panic!("expected Error::InvalidCatalog, got {other:?}: {other}"),
        Ok(_) => panic!("expected Error::InvalidCatalog, but the catalog loaded"),
    }
}

fn problems(json: &str) -> Vec<Problem> {
    problems_of(Catalog::from_json(json))
}

/// The only problem of a catalog; fails when there are none or several.
fn single(json: &str) -> Problem {
    let mut all = problems(json);
    assert_eq!(all.len(), 1, "expected exactly one problem, got {all:#?}");
    all.remove(0)
}

fn at(kind: ItemKind, index: usize, id: &str, field: &str) -> Location {
    Location::new(kind, index, id, field)
}

/// Asserts that `message` contains every fragment.
#[track_caller]
fn assert_names(message: &str, fragments: &[&str]) {
    for f in fragments {
        assert!(
            message.contains(f),
            "message does not contain {f:?}:\n{message}"
        );
    }
}

/// Asserts that the problem's message names the item (kind, id, position), the field, and
/// `detail`.
fn assert_place(p: &Problem, at: &Location, detail: &str) {
    assert_names(
        &p.to_string(),
        &[
            &format!("{} `{}` (#{})", at.kind, at.id, at.index),
            &format!("`{}`", at.field),
            detail,
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Duplicate and malformed ids, labels
// ---------------------------------------------------------------------------------------

#[test]
fn duplicate_skill_id() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": "SQL"},
        {"id": "python", "name": "Python again"},
    ]);
    let p = single(&doc(skills, base_roles(), base_courses()));
    assert_eq!(
        p,
        Problem::DuplicateId {
            at: at(ItemKind::Skill, 2, "python", "id"),
            id: "python".into(),
            first: 0,
        }
    );
    assert_names(
        &p.to_string(),
        &["skill `python` (#2)", "`id`", "duplicate id `python`", "#0"],
    );
}

#[test]
fn duplicate_role_id() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"}]},
        {"id": "analyst", "name": "Another analyst", "requirements": [
            {"skill": "sql", "level": 3, "importance": "essential"}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_eq!(
        p,
        Problem::DuplicateId {
            at: at(ItemKind::Role, 1, "analyst", "id"),
            id: "analyst".into(),
            first: 0,
        }
    );
    assert_names(
        &p.to_string(),
        &[
            "role `analyst` (#1)",
            "`id`",
            "duplicate id `analyst`",
            "role #0",
        ],
    );
}

#[test]
fn duplicate_course_id() {
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": 10,
         "teaches": [{"skill": "python", "level": 3}]},
        {"id": "sql101", "title": "SQL 101", "provider": "acme", "hours": 5,
         "teaches": [{"skill": "sql", "level": 2}]},
        {"id": "py101", "title": "Python 101 (again)", "provider": "other", "hours": 12,
         "teaches": [{"skill": "python", "level": 2}]},
    ]);
    let p = single(&doc(base_skills(), base_roles(), courses));
    assert_eq!(
        p,
        Problem::DuplicateId {
            at: at(ItemKind::Course, 2, "py101", "id"),
            id: "py101".into(),
            first: 0,
        }
    );
    assert_names(
        &p.to_string(),
        &[
            "course `py101` (#2)",
            "`id`",
            "duplicate id `py101`",
            "course #0",
        ],
    );
}

#[test]
fn empty_id() {
    let courses = json!([
        {"id": "", "title": "Nameless", "provider": "acme", "hours": 1,
         "teaches": [{"skill": "sql", "level": 1}]},
    ]);
    let p = single(&doc(base_skills(), base_roles(), courses));
    match &p {
        Problem::InvalidId { at: loc, id, .. } => {
            assert_eq!(*loc, at(ItemKind::Course, 0, "", "id"));
            assert_eq!(id, "");
        }
        other => panic!("expected InvalidId, got {other:?}"),
    }
    assert_names(
        &p.to_string(),
        &["course `` (#0)", "`id`", "invalid id ``", "empty"],
    );
}

#[test]
fn id_with_surrounding_space() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": "SQL"},
        {"id": " statistics ", "name": "Statistics"},
    ]);
    let p = single(&doc(skills, base_roles(), base_courses()));
    match &p {
        Problem::InvalidId { at: loc, id, .. } => {
            assert_eq!(*loc, at(ItemKind::Skill, 2, " statistics ", "id"));
            assert_eq!(id, " statistics ");
        }
        other => panic!("expected InvalidId, got {other:?}"),
    }
    assert_names(
        &p.to_string(),
        &[
            "skill ` statistics ` (#2)",
            "`id`",
            "invalid id ` statistics `",
            "whitespace",
        ],
    );
}

#[test]
fn role_id_with_surrounding_space() {
    let roles = json!([
        {"id": "analyst\t", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert!(
        matches!(&p, Problem::InvalidId { at: loc, id, .. }
            if *loc == at(ItemKind::Role, 0, "analyst\t", "id") && id == "analyst\t"),
        "{p:?}"
    );
    assert_names(&p.to_string(), &["role `analyst\t` (#0)", "`id`"]);
}

#[test]
fn empty_name() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": ""},
    ]);
    let p = single(&doc(skills, base_roles(), base_courses()));
    match &p {
        Problem::InvalidLabel { at: loc, label, .. } => {
            assert_eq!(*loc, at(ItemKind::Skill, 1, "sql", "name"));
            assert_eq!(label, "");
        }
        other => panic!("expected InvalidLabel, got {other:?}"),
    }
    assert_names(
        &p.to_string(),
        &["skill `sql` (#1)", "`name`", "invalid label ``", "empty"],
    );
}

#[test]
fn blank_name_and_empty_alias() {
    let skills = json!([
        {"id": "python", "name": "   ", "aliases": ["py", ""]},
        {"id": "sql", "name": "SQL"},
    ]);
    let all = problems(&doc(skills, base_roles(), base_courses()));
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        matches!(&all[0], Problem::InvalidLabel { at: loc, label, .. }
            if *loc == at(ItemKind::Skill, 0, "python", "name") && label == "   "),
        "{:?}",
        all[0]
    );
    assert!(
        matches!(&all[1], Problem::InvalidLabel { at: loc, label, .. }
            if *loc == at(ItemKind::Skill, 0, "python", "aliases[1]") && label.is_empty()),
        "{:?}",
        all[1]
    );
    assert_names(
        &all[1].to_string(),
        &["skill `python` (#0)", "`aliases[1]`"],
    );
}

#[test]
fn name_equal_to_another_skills_name_ignoring_case() {
    let skills = json!([
        {"id": "ml", "name": "Machine Learning"},
        {"id": "deep-learning", "name": "MACHINE  learning", "aliases": ["DL"]},
    ]);
    let roles = json!([
        {"id": "scientist", "name": "Scientist", "requirements": [
            {"skill": "ml", "level": 3, "importance": "essential"}]},
    ]);
    let p = single(&doc(skills, roles, json!([])));
    match &p {
        Problem::DuplicateLabel {
            at: loc,
            label,
            other,
        } => {
            assert_eq!(*loc, at(ItemKind::Skill, 1, "deep-learning", "name"));
            assert_eq!(label.to_lowercase(), "machine  learning");
            assert_eq!(other.as_str(), "ml");
        }
        other => panic!("expected DuplicateLabel, got {other:?}"),
    }
    let message = p.to_string();
    assert_names(
        &message,
        &["skill `deep-learning` (#1)", "`name`", "skill `ml`"],
    );
}

/// An alias equal to another skill's name (ignoring case) is a lint, not a problem: the
/// catalog loads, the lint names both skills, and the name resolves to its own skill.
#[test]
fn alias_equal_to_another_skills_name_is_a_lint() {
    let skills = json!([
        {"id": "ml", "name": "Machine Learning"},
        {"id": "deep-learning", "name": "Deep Learning", "aliases": ["DL", "MACHINE learning"]},
        {"id": "stats", "name": "Statistics", "aliases": ["dl"]},
    ]);
    let roles = json!([
        {"id": "scientist", "name": "Scientist", "requirements": [
            {"skill": "ml", "level": 3, "importance": "essential"}]},
    ]);
    let catalog = Catalog::from_json(&doc(skills, roles, json!([]))).expect("loads");
    let lints = catalog.lints();
    assert_eq!(lints.len(), 2, "{lints:?}");
    let texts: Vec<String> = lints.iter().map(ToString::to_string).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("`ml`") && t.contains("`deep-learning`")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("`deep-learning`, `stats`") && t.contains("ambiguous")),
        "{texts:?}"
    );
    assert_eq!(
        catalog.resolve_skill("machine learning").unwrap().id(),
        "ml"
    );
    assert!(catalog.resolve_skill("dl").is_none());
}

// ---------------------------------------------------------------------------------------
// Unknown references, with did-you-mean
// ---------------------------------------------------------------------------------------

fn assert_unknown_skill(p: &Problem, kind: ItemKind, index: usize, id: &str, field: &str) {
    assert_eq!(
        *p,
        Problem::UnknownSkill {
            at: at(kind, index, id, field),
            skill: "pyhton".into(),
            suggestion: Some("python".into()),
        }
    );
    assert_names(
        &p.to_string(),
        &[
            &format!("{kind} `{id}` (#{index})"),
            &format!("`{field}`"),
            "unknown skill `pyhton`",
            "did you mean `python`?",
        ],
    );
}

#[test]
fn unknown_skill_in_skill_requires() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": "SQL"},
        {"id": "pandas", "name": "pandas", "requires": [
            {"skill": "sql", "level": 1},
            {"skill": "pyhton", "level": 2},
        ]},
    ]);
    let p = single(&doc(skills, base_roles(), base_courses()));
    assert_unknown_skill(&p, ItemKind::Skill, 2, "pandas", "requires[1].skill");
}

#[test]
fn unknown_skill_in_related() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": "SQL", "related": [{"skill": "pyhton", "transfer": 0.2}]},
    ]);
    let p = single(&doc(skills, base_roles(), base_courses()));
    assert_unknown_skill(&p, ItemKind::Skill, 1, "sql", "related[0].skill");
}

#[test]
fn unknown_skill_in_role_requirement() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "sql", "level": 3, "importance": "essential"}]},
        {"id": "core-ml-engineer", "name": "Core ML Engineer", "requirements": [
            {"skill": "pyhton", "level": 4, "importance": "essential"}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_unknown_skill(
        &p,
        ItemKind::Role,
        1,
        "core-ml-engineer",
        "requirements[0].skill",
    );
}

#[test]
fn unknown_skill_in_course_teaches() {
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": 10,
         "teaches": [{"skill": "sql", "level": 1}, {"skill": "pyhton", "level": 3}]},
    ]);
    let p = single(&doc(base_skills(), base_roles(), courses));
    assert_unknown_skill(&p, ItemKind::Course, 0, "py101", "teaches[1].skill");
}

#[test]
fn unknown_skill_in_course_requires() {
    let courses = json!([
        {"id": "sql101", "title": "SQL 101", "provider": "acme", "hours": 10,
         "teaches": [{"skill": "sql", "level": 3}]},
        {"id": "pandas101", "title": "pandas", "provider": "acme", "hours": 10,
         "teaches": [{"skill": "statistics", "level": 2}],
         "requires": [{"skill": "pyhton", "level": 2}]},
    ]);
    let p = single(&doc(base_skills(), base_roles(), courses));
    assert_unknown_skill(&p, ItemKind::Course, 1, "pandas101", "requires[0].skill");
}

#[test]
fn unknown_skill_without_close_match_has_no_suggestion() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"},
            {"skill": "quantum-basket-weaving", "level": 3, "importance": "optional"}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_eq!(
        p,
        Problem::UnknownSkill {
            at: at(ItemKind::Role, 0, "analyst", "requirements[1].skill"),
            skill: "quantum-basket-weaving".into(),
            suggestion: None,
        }
    );
    let message = p.to_string();
    assert!(!message.contains("did you mean"), "{message}");
}

#[test]
fn unknown_skill_named_by_its_name_suggests_the_id() {
    // References are by id; a skill's display name is not accepted but is suggested.
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "Statistics", "level": 3, "importance": "essential"}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_eq!(
        p,
        Problem::UnknownSkill {
            at: at(ItemKind::Role, 0, "analyst", "requirements[0].skill"),
            skill: "Statistics".into(),
            suggestion: Some("statistics".into()),
        }
    );
}

#[test]
fn unknown_role_in_extends() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"}]},
        {"id": "senior-analyst", "name": "Senior Analyst", "extends": ["analsyt"],
         "requirements": [{"skill": "statistics", "level": 4, "importance": "essential"}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_eq!(
        p,
        Problem::UnknownRole {
            at: at(ItemKind::Role, 1, "senior-analyst", "extends[0]"),
            role: "analsyt".into(),
            suggestion: Some("analyst".into()),
        }
    );
    assert_names(
        &p.to_string(),
        &[
            "role `senior-analyst` (#1)",
            "`extends[0]`",
            "unknown role `analsyt`",
            "did you mean `analyst`?",
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------

/// A role whose first requirement has `level`; its second requirement is valid, so the
/// role is not empty when the bad one is dropped.
fn role_with_level(level: Value) -> Value {
    json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": level, "importance": "essential"},
            {"skill": "sql", "level": 2, "importance": "important"}]},
    ])
}

fn assert_invalid_level(p: &Problem, expected_at: Location, expected_value: &str) {
    match p {
        Problem::InvalidLevel { at: loc, value, .. } => {
            assert_eq!(*loc, expected_at);
            assert_eq!(value, expected_value);
        }
        other => panic!("expected InvalidLevel, got {other:?}"),
    }
    assert_place(
        p,
        &expected_at,
        &format!("invalid level `{expected_value}`"),
    );
}

#[test]
fn level_seven() {
    let p = single(&doc(
        base_skills(),
        role_with_level(json!(7)),
        base_courses(),
    ));
    assert_invalid_level(
        &p,
        at(ItemKind::Role, 0, "analyst", "requirements[0].level"),
        "7",
    );
}

#[test]
fn level_wizard() {
    let p = single(&doc(
        base_skills(),
        role_with_level(json!("wizard")),
        base_courses(),
    ));
    assert_invalid_level(
        &p,
        at(ItemKind::Role, 0, "analyst", "requirements[0].level"),
        "wizard",
    );
}

#[test]
fn level_zero_in_a_requirement() {
    let p = single(&doc(
        base_skills(),
        role_with_level(json!(0)),
        base_courses(),
    ));
    assert_invalid_level(
        &p,
        at(ItemKind::Role, 0, "analyst", "requirements[0].level"),
        "0",
    );
}

#[test]
fn fractional_and_negative_levels() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 2.5, "importance": "essential"},
            {"skill": "sql", "level": -1, "importance": "important"},
            {"skill": "statistics", "level": 2, "importance": "important"}]},
    ]);
    let all = problems(&doc(base_skills(), roles, base_courses()));
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_invalid_level(
        &all[0],
        at(ItemKind::Role, 0, "analyst", "requirements[0].level"),
        "2.5",
    );
    assert_invalid_level(
        &all[1],
        at(ItemKind::Role, 0, "analyst", "requirements[1].level"),
        "-1",
    );
}

#[test]
fn bad_levels_in_skill_requires_and_course_lists() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": "SQL"},
        {"id": "statistics", "name": "Statistics", "requires": [{"skill": "python", "level": 7}]},
    ]);
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": 10,
         "teaches": [{"skill": "python", "level": 3}, {"skill": "sql", "level": "wizard"}],
         "requires": [{"skill": "statistics", "level": 0}]},
    ]);
    let all = problems(&doc(skills, base_roles(), courses));
    assert_eq!(all.len(), 3, "{all:#?}");
    let find = |field: &str, kind: ItemKind| {
        all.iter()
            .find(|p| {
                p.location()
                    .is_some_and(|l| l.kind == kind && l.field == field)
            })
            .unwrap_or_else(|| panic!("no problem at {kind} {field}: {all:#?}"))
    };
    assert_invalid_level(
        find("requires[0].level", ItemKind::Skill),
        at(ItemKind::Skill, 2, "statistics", "requires[0].level"),
        "7",
    );
    assert_invalid_level(
        find("teaches[1].level", ItemKind::Course),
        at(ItemKind::Course, 0, "py101", "teaches[1].level"),
        "wizard",
    );
    assert_invalid_level(
        find("requires[0].level", ItemKind::Course),
        at(ItemKind::Course, 0, "py101", "requires[0].level"),
        "0",
    );
}

/// A role whose only requirement has a bad level should get that one problem; the role
/// is not "without requirements" in the document.
#[test]
fn bad_level_in_only_requirement_is_not_also_an_empty_role() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 7, "importance": "essential"}]},
    ]);
    let all = problems(&doc(base_skills(), roles, base_courses()));
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_invalid_level(
        &all[0],
        at(ItemKind::Role, 0, "analyst", "requirements[0].level"),
        "7",
    );
}

/// An entry with both a bad level and an unknown skill has two problems; both should be
/// reported ("every problem found").
#[test]
fn bad_level_and_unknown_skill_in_one_entry_are_both_reported() {
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": 10,
         "teaches": [{"skill": "python", "level": 3}, {"skill": "pyhton", "level": 9}]},
    ]);
    let all = problems(&doc(base_skills(), base_roles(), courses));
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all.contains(&Problem::UnknownSkill {
            at: at(ItemKind::Course, 0, "py101", "teaches[1].skill"),
            skill: "pyhton".into(),
            suggestion: Some("python".into()),
        }),
        "{all:#?}"
    );
}

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

fn assert_invalid_number(p: &Problem, expected_at: Location, expected_value: f64, shown: &str) {
    match p {
        Problem::InvalidNumber { at: loc, value, .. } => {
            assert_eq!(*loc, expected_at);
            if expected_value.is_nan() {
                assert!(value.is_nan(), "expected NaN, got {value}");
            } else {
                assert_eq!(*value, expected_value);
            }
        }
        other => panic!("expected InvalidNumber, got {other:?}"),
    }
    assert_place(p, &expected_at, &format!("invalid value {shown}"));
}

#[test]
fn negative_hours() {
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": -3,
         "teaches": [{"skill": "python", "level": 3}]},
    ]);
    let p = single(&doc(base_skills(), base_roles(), courses));
    assert_invalid_number(&p, at(ItemKind::Course, 0, "py101", "hours"), -3.0, "-3");
    assert_names(&p.to_string(), &["0..=1e9"]);
}

#[test]
fn negative_cost() {
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": 3,
         "teaches": [{"skill": "python", "level": 3}]},
        {"id": "sql101", "title": "SQL 101", "provider": "acme", "hours": 3, "cost": -49.5,
         "teaches": [{"skill": "sql", "level": 3}]},
    ]);
    let p = single(&doc(base_skills(), base_roles(), courses));
    assert_invalid_number(
        &p,
        at(ItemKind::Course, 1, "sql101", "cost"),
        -49.5,
        "-49.5",
    );
}

#[test]
fn negative_weight() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"},
            {"skill": "sql", "level": 2, "importance": "important", "weight": -0.5}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_invalid_number(
        &p,
        at(ItemKind::Role, 0, "analyst", "requirements[1].weight"),
        -0.5,
        "-0.5",
    );
}

#[test]
fn transfer_above_one() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": "SQL"},
        {"id": "statistics", "name": "Statistics", "related": [{"skill": "python", "transfer": 1.5}]},
    ]);
    let p = single(&doc(skills, base_roles(), base_courses()));
    assert_invalid_number(
        &p,
        at(ItemKind::Skill, 2, "statistics", "related[0].transfer"),
        1.5,
        "1.5",
    );
    assert_names(&p.to_string(), &["0..=1"]);
}

#[test]
fn nan_and_infinite_hours_through_the_builder() {
    let skills = vec![Skill::new("python", "Python")];
    let roles = vec![Role::new("dev", "Developer").with_requirement(
        "python",
        Level::INTERMEDIATE,
        Importance::Essential,
    )];
    let courses = vec![
        Course::new("nan-course", "NaN hours")
            .with_provider("p")
            .with_hours(f64::NAN)
            .with_teaches("python", Level::BEGINNER),
        Course::new("inf-course", "Infinite hours")
            .with_provider("p")
            .with_hours(f64::INFINITY)
            .with_teaches("python", Level::BEGINNER),
        Course::new("inf-cost", "Infinite cost")
            .with_provider("p")
            .with_hours(1.0)
            .with_cost(f64::NEG_INFINITY)
            .with_teaches("python", Level::BEGINNER),
    ];
    let all = problems_of(Catalog::new(skills, roles, courses));
    assert_eq!(all.len(), 3, "{all:#?}");
    assert_invalid_number(
        &all[0],
        at(ItemKind::Course, 0, "nan-course", "hours"),
        f64::NAN,
        "NaN",
    );
    assert_invalid_number(
        &all[1],
        at(ItemKind::Course, 1, "inf-course", "hours"),
        f64::INFINITY,
        "inf",
    );
    assert_invalid_number(
        &all[2],
        at(ItemKind::Course, 2, "inf-cost", "cost"),
        f64::NEG_INFINITY,
        "-inf",
    );
}

#[cfg(feature = "toml")]
#[test]
fn nan_and_infinite_hours_in_toml() {
    let text = r#"
format = "skillgap.catalog/1"

[[skills]]
id = "python"
name = "Python"

[[roles]]
id = "dev"
name = "Developer"

[[roles.requirements]]
skill = "python"
level = 3
importance = "essential"

[[courses]]
id = "nan-course"
title = "NaN hours"
provider = "acme"
hours = nan

[[courses.teaches]]
skill = "python"
level = 2

[[courses]]
id = "inf-course"
title = "Infinite hours"
provider = "acme"
hours = inf

[[courses.teaches]]
skill = "python"
level = 2
"#;
    let all = problems_of(Catalog::from_toml(text));
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_invalid_number(
        &all[0],
        at(ItemKind::Course, 0, "nan-course", "hours"),
        f64::NAN,
        "NaN",
    );
    assert_invalid_number(
        &all[1],
        at(ItemKind::Course, 1, "inf-course", "hours"),
        f64::INFINITY,
        "inf",
    );
}

// ---------------------------------------------------------------------------------------
// Cycles and empty roles
// ---------------------------------------------------------------------------------------

#[test]
fn skill_prerequisite_cycle() {
    let skills = json!([
        {"id": "a", "name": "A", "requires": [{"skill": "b", "level": 1}]},
        {"id": "b", "name": "B", "requires": [{"skill": "c", "level": 2}]},
        {"id": "c", "name": "C", "requires": [{"skill": "a", "level": 3}]},
        {"id": "d", "name": "D", "requires": [{"skill": "a", "level": 1}]},
    ]);
    let roles = json!([
        {"id": "r", "name": "R", "requirements": [
            {"skill": "d", "level": 3, "importance": "essential"}]},
    ]);
    let p = single(&doc(skills, roles, json!([])));
    assert_eq!(
        p,
        Problem::SkillCycle {
            path: vec!["a".into(), "b".into(), "c".into(), "a".into()],
        }
    );
    assert_eq!(p.location(), None);
    assert_names(&p.to_string(), &["a → b → c → a"]);
}

#[test]
fn self_requiring_skill() {
    let skills = json!([
        {"id": "python", "name": "Python"},
        {"id": "sql", "name": "SQL", "requires": [{"skill": "sql", "level": 1}]},
    ]);
    let p = single(&doc(skills, base_roles(), base_courses()));
    assert_eq!(
        p,
        Problem::SkillCycle {
            path: vec!["sql".into(), "sql".into()],
        }
    );
    assert_names(&p.to_string(), &["sql → sql"]);
}

#[test]
fn role_extends_cycle() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"}]},
        {"id": "engineer", "name": "Engineer", "extends": ["scientist"], "requirements": [
            {"skill": "sql", "level": 3, "importance": "essential"}]},
        {"id": "scientist", "name": "Scientist", "extends": ["engineer"], "requirements": [
            {"skill": "statistics", "level": 3, "importance": "essential"}]},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_eq!(
        p,
        Problem::RoleCycle {
            path: vec!["engineer".into(), "scientist".into(), "engineer".into()],
        }
    );
    assert_eq!(p.location(), None);
    assert_names(&p.to_string(), &["engineer → scientist → engineer"]);
}

#[test]
fn role_without_requirements() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"}]},
        {"id": "placeholder", "name": "Placeholder"},
    ]);
    let p = single(&doc(base_skills(), roles, base_courses()));
    assert_eq!(
        p,
        Problem::EmptyRole {
            at: at(ItemKind::Role, 1, "placeholder", "requirements"),
        }
    );
    assert_names(
        &p.to_string(),
        &[
            "role `placeholder` (#1)",
            "`requirements`",
            "no requirements",
        ],
    );
}

#[test]
fn role_extending_only_an_empty_role() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"}]},
        {"id": "empty", "name": "Empty"},
        {"id": "child", "name": "Child", "extends": ["empty"]},
    ]);
    let all = problems(&doc(base_skills(), roles, base_courses()));
    assert_eq!(
        all,
        vec![
            Problem::EmptyRole {
                at: at(ItemKind::Role, 1, "empty", "requirements"),
            },
            Problem::EmptyRole {
                at: at(ItemKind::Role, 2, "child", "requirements"),
            },
        ]
    );
    assert_names(&all[1].to_string(), &["role `child` (#2)"]);
}

#[test]
fn role_extending_a_role_with_requirements_is_not_empty() {
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 3, "importance": "essential"}]},
        {"id": "child", "name": "Child", "extends": ["analyst"]},
    ]);
    let catalog = Catalog::from_json(&doc(base_skills(), roles, base_courses())).unwrap();
    let reqs = catalog.requirements("child").unwrap();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].skill().as_str(), "python");
}

// ---------------------------------------------------------------------------------------
// Several problems, document errors
// ---------------------------------------------------------------------------------------

/// A document with one problem in each of five places.
fn document_with_five_problems() -> String {
    let skills = json!([
        {"id": "python", "name": "Python", "requires": [{"skill": "sqll", "level": 2}]},
        {"id": "sql", "name": "SQL"},
        {"id": "python", "name": "Python again"},
    ]);
    let roles = json!([
        {"id": "analyst", "name": "Analyst", "requirements": [
            {"skill": "python", "level": 9, "importance": "essential"},
            {"skill": "sql", "level": 2, "importance": "important"}]},
        {"id": "lead", "name": "Lead", "extends": ["analyst"], "requirements": [
            {"skill": "sql", "level": 3, "importance": "essential", "weight": -1}]},
    ]);
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": -10,
         "teaches": [{"skill": "python", "level": 3}]},
    ]);
    doc(skills, roles, courses)
}

#[test]
fn every_problem_is_reported() {
    let all = problems(&document_with_five_problems());
    assert_eq!(all.len(), 5, "{all:#?}");
    let expected = [
        Problem::UnknownSkill {
            at: at(ItemKind::Skill, 0, "python", "requires[0].skill"),
            skill: "sqll".into(),
            suggestion: Some("sql".into()),
        },
        Problem::DuplicateId {
            at: at(ItemKind::Skill, 2, "python", "id"),
            id: "python".into(),
            first: 0,
        },
        Problem::InvalidNumber {
            at: at(ItemKind::Role, 1, "lead", "requirements[0].weight"),
            value: -1.0,
            expected: "a number in 0..=1e9",
        },
        Problem::InvalidNumber {
            at: at(ItemKind::Course, 0, "py101", "hours"),
            value: -10.0,
            expected: "a number in 0..=1e9",
        },
    ];
    for e in &expected {
        assert!(all.contains(e), "missing {e:?} in {all:#?}");
    }
    assert!(
        all.iter()
            .any(|p| matches!(p, Problem::InvalidLevel { at: loc, value, .. }
            if *loc == at(ItemKind::Role, 0, "analyst", "requirements[0].level") && value == "9")),
        "missing the bad level in {all:#?}"
    );

    // The error's message lists them all.
    let message = Error::InvalidCatalog {
        problems: all.clone(),
    }
    .to_string();
    assert!(message.contains("5 problem(s)"), "{message}");
    for p in &all {
        assert!(message.contains(&p.to_string()), "{message}");
    }
}

/// Position of a located problem in the document: skills, then roles, then courses, each
/// in list order.
fn document_position(p: &Problem) -> (u8, usize) {
    let loc = p.location().expect("located problem");
    let kind = match loc.kind {
        ItemKind::Skill => 0,
        ItemKind::Role => 1,
        ItemKind::Course => 2,
        _ => 3,
    };
    (kind, loc.index)
}

#[test]
fn problems_are_listed_in_document_order() {
    let all = problems(&document_with_five_problems());
    let positions: Vec<(u8, usize)> = all.iter().map(document_position).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted, "{all:#?}");
}

#[test]
fn problems_of_one_pass_keep_document_order() {
    // Problems found by the same check come out in document order.
    let courses = json!([
        {"id": "a", "title": "A", "provider": "x", "hours": -1,
         "teaches": [{"skill": "python", "level": 1}]},
        {"id": "b", "title": "B", "provider": "x", "hours": 1,
         "teaches": [{"skill": "python", "level": 1}]},
        {"id": "c", "title": "C", "provider": "x", "hours": -2, "cost": -3,
         "teaches": [{"skill": "python", "level": 1}]},
    ]);
    let all = problems(&doc(base_skills(), base_roles(), courses));
    let places: Vec<(usize, &str)> = all
        .iter()
        .map(|p| {
            let l = p.location().unwrap();
            (l.index, l.field.as_str())
        })
        .collect();
    assert_eq!(places, [(0, "hours"), (2, "hours"), (2, "cost")]);
}

#[test]
fn json_syntax_error_keeps_line_and_column() {
    let text = "{\n  \"format\": \"skillgap.catalog/1\",\n  \"skills\": [\n    {\"id\": \"a\" \"name\": \"A\"}\n  ]\n}";
    let err = Catalog::from_json(text).unwrap_err();
    match &err {
        Error::Json {
            document,
            line,
            column,
            ..
        } => {
            assert_eq!(*document, "catalog");
            assert_eq!(*line, 4);
            assert!(*column > 1);
        }
        other => panic!("expected Error::Json, got {other:?}"),
    }
    let message = err.to_string();
    assert_names(&message, &["catalog", "line 4", "column"]);
}

#[test]
fn unknown_field_is_rejected_by_name() {
    let text = r#"{
  "format": "skillgap.catalog/1",
  "skills": [{"id": "python", "name": "Python"}],
  "roles": [{"id": "dev", "name": "Developer",
             "requirments": [{"skill": "python", "level": 3, "importance": "essential"}]}]
}"#;
    let err = Catalog::from_json(text).unwrap_err();
    assert!(matches!(err, Error::Json { .. }), "{err:?}");
    let message = err.to_string();
    assert_names(&message, &["unknown field `requirments`", "line"]);
}

#[test]
fn unsupported_format() {
    let text = r#"{"format": "skillgap.catalog/2", "skills": [], "roles": [], "courses": []}"#;
    let err = Catalog::from_json(text).unwrap_err();
    match &err {
        Error::UnsupportedFormat {
            document,
            found,
            expected,
        } => {
            assert_eq!(*document, "catalog");
            assert_eq!(found, "skillgap.catalog/2");
            assert_eq!(*expected, CATALOG_FORMAT);
        }
        other => panic!("expected UnsupportedFormat, got {other:?}"),
    }
    assert_names(
        &err.to_string(),
        &["`skillgap.catalog/2`", "`skillgap.catalog/1`"],
    );
}

#[test]
fn profile_format_is_not_a_catalog_format() {
    let text = r#"{"format": "skillgap.profile/1"}"#;
    let err = Catalog::from_json(text).unwrap_err();
    assert!(
        matches!(&err, Error::UnsupportedFormat { found, .. } if found == "skillgap.profile/1"),
        "{err:?}"
    );
}

#[test]
fn courses_requiring_each_others_skills_are_not_an_error() {
    let courses = json!([
        {"id": "chicken", "title": "Chicken", "provider": "x", "hours": 5,
         "teaches": [{"skill": "python", "level": 3}],
         "requires": [{"skill": "sql", "level": 2}]},
        {"id": "egg", "title": "Egg", "provider": "x", "hours": 5,
         "teaches": [{"skill": "sql", "level": 3}],
         "requires": [{"skill": "python", "level": 2}]},
    ]);
    let catalog = Catalog::from_json(&doc(base_skills(), base_roles(), courses))
        .expect("mutually dependent courses are allowed");
    assert_eq!(catalog.courses().len(), 2);
}

#[test]
fn valid_base_document_loads() {
    let catalog = Catalog::from_json(&doc(base_skills(), base_roles(), base_courses())).unwrap();
    assert_eq!(catalog.skills().len(), 3);
    assert_eq!(catalog.roles().len(), 1);
    assert_eq!(catalog.courses().len(), 1);
}

/// Finite but huge numbers would overflow sums into infinity: refused, with the range.
#[test]
fn huge_numbers_are_refused() {
    let courses = json!([
        {"id": "py101", "title": "Python 101", "provider": "acme", "hours": 1e308,
         "teaches": [{"skill": "python", "level": 3}]},
    ]);
    let p = single(&doc(base_skills(), base_roles(), courses));
    assert_names(&p.to_string(), &["0..=1e9", "hours"]);
    let mut policy = skillgap::Policy::default();
    policy.weights.essential = 1e308;
    let e = policy.validate().unwrap_err().to_string();
    assert!(e.contains("weights.essential") && e.contains("1e9"), "{e}");
}
