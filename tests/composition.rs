//! Composing catalogs: courses, roles and skills of your own added to the built-in catalog
//! (or any other), validated as a whole, and planned with.

use skillgap::error::{ItemKind, Problem};
use skillgap::{Catalog, Course, Error, Importance, Level, Profile, Role, Skill};

fn problems_of(result: Result<Catalog, Error>) -> Vec<Problem> {
    match result {
        Err(Error::InvalidCatalog { problems }) => problems,
        Err(other) => panic!("expected Error::InvalidCatalog, got {other:?}"),
        Ok(_) => panic!("expected Error::InvalidCatalog, but the catalog built"),
    }
}

/// The ids of the courses of the plan toward `role` from an empty profile.
fn planned(catalog: &Catalog, role: &str) -> Vec<String> {
    let assessment = catalog.assess(&Profile::new()).expect("assess");
    let plan = assessment.plan(role).expect("plan");
    assert!(plan.uncovered().is_empty(), "{:?}", plan.uncovered());
    plan.courses()
        .iter()
        .map(|c| c.course().id().to_string())
        .collect()
}

#[test]
fn a_cheap_course_added_to_the_builtin_catalog_is_planned() {
    let builtin = Catalog::builtin().clone();
    let before = planned(&builtin, "data-scientist");
    assert!(!before.contains(&"weekend-sql".to_string()));
    let catalog = builtin
        .into_builder()
        .course(
            Course::new("weekend-sql", "SQL in a weekend")
                .with_provider("Our academy")
                .with_hours(0.5)
                .with_teaches("sql", Level::EXPERT),
        )
        .build()
        .expect("valid");
    assert_eq!(
        catalog.courses().len(),
        Catalog::builtin().courses().len() + 1
    );
    let after = planned(&catalog, "data-scientist");
    assert!(after.contains(&"weekend-sql".to_string()), "{after:?}");
    // Nothing else in the new plan teaches SQL: the half-hour course covers it at level 5.
    for id in after.iter().filter(|id| *id != "weekend-sql") {
        let course = catalog.course(id).expect("planned course exists");
        assert!(
            course.teaches().iter().any(|t| t.skill().as_str() != "sql"),
            "{id} teaches only SQL, which weekend-sql already covers"
        );
    }
}

#[test]
fn an_added_role_may_extend_a_builtin_role_and_use_an_added_skill() {
    let catalog = Catalog::builtin()
        .clone()
        .into_builder()
        .skill(Skill::new("dbt", "dbt").with_prerequisite("sql", Level::INTERMEDIATE))
        .role(
            Role::new("analytics-engineer", "Analytics engineer")
                .with_extends("data-scientist")
                .with_requirement("dbt", Level::ADVANCED, Importance::Essential),
        )
        .course(
            Course::new("dbt-fundamentals", "dbt fundamentals")
                .with_provider("dbt Labs")
                .with_hours(5.0)
                .with_teaches("dbt", Level::ADVANCED)
                .with_requires("sql", Level::INTERMEDIATE),
        )
        .build()
        .expect("valid");
    let own = catalog.requirements("analytics-engineer").expect("role");
    let parent = catalog.requirements("data-scientist").expect("role");
    assert_eq!(own.len(), parent.len() + 1);
    let plan = planned(&catalog, "analytics-engineer");
    assert!(plan.contains(&"dbt-fundamentals".to_string()));
}

#[test]
fn merging_two_catalogs_keeps_every_item() {
    let a = Catalog::new(
        vec![Skill::new("a", "A")],
        vec![Role::new("ra", "Role A").with_requirement(
            "a",
            Level::BEGINNER,
            Importance::Essential,
        )],
        vec![],
    )
    .expect("valid");
    let b = Catalog::new(
        vec![Skill::new("b", "B")],
        vec![],
        vec![Course::new("cb", "Course B")
            .with_provider("p")
            .with_hours(1.0)
            .with_teaches("b", Level::BEGINNER)],
    )
    .expect("valid");
    let merged = a.into_builder().catalog(b).build().expect("valid");
    let ids: Vec<&str> = merged.skills().iter().map(|s| s.id().as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(merged.roles().len(), 1);
    assert_eq!(merged.courses().len(), 1);
}

#[test]
fn an_id_already_in_the_catalog_is_a_duplicate() {
    let result = Catalog::builtin()
        .clone()
        .into_builder()
        .skill(Skill::new("sql", "Structured queries"))
        .build();
    let problems = problems_of(result);
    assert!(
        problems.iter().any(|p| matches!(
            p,
            Problem::DuplicateId { at, id, .. } if id == "sql" && at.kind == ItemKind::Skill
        )),
        "{problems:#?}"
    );
}

#[test]
fn the_builder_enforces_what_the_format_enforces() {
    let result = Catalog::builtin()
        .clone()
        .into_builder()
        .course(Course::new("nothing", "Teaches nothing").with_hours(1.0))
        .build();
    let problems = problems_of(result);
    let fields: Vec<&str> = problems
        .iter()
        .filter_map(|p| match p {
            Problem::Empty { at, .. } => Some(at.field.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(fields, ["provider", "teaches"], "{problems:#?}");
    let message = problems[0].to_string();
    assert!(
        message.contains("nothing") && message.contains("with_provider"),
        "{message}"
    );
}

#[test]
fn the_format_rejects_a_course_that_teaches_nothing() {
    let json = r#"{"format": "skillgap.catalog/1",
        "skills": [{"id": "a", "name": "A"}],
        "courses": [{"id": "c", "title": "C", "provider": "", "hours": 1, "teaches": []}]}"#;
    let problems = problems_of(Catalog::from_json(json));
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems.iter().all(|p| matches!(p, Problem::Empty { .. })));
}
