//! Lookups both ways on a catalog: what requires a skill, what it unlocks, which courses
//! teach it, roles by name or alias; ids given as `&str` or typed ids alike.

use skillgap::{Catalog, Course, Importance, Level, Profile, Role, Skill};

/// sql ← databases ← warehousing; two roles; three courses.
fn catalog() -> Catalog {
    Catalog::new(
        vec![
            Skill::new("sql", "SQL"),
            Skill::new("databases", "Databases").with_prerequisite("sql", Level::BEGINNER),
            Skill::new("warehousing", "Data Warehousing")
                .with_prerequisite("databases", Level::INTERMEDIATE)
                .with_prerequisite("sql", Level::INTERMEDIATE),
        ],
        vec![
            Role::new("analyst", "Data Analyst")
                .with_alias("BI Analyst")
                .with_requirement("sql", Level::ADVANCED, Importance::Essential),
            Role::new("engineer", "Data Engineer")
                .with_requirement("sql", Level::INTERMEDIATE, Importance::Important)
                .with_requirement("warehousing", Level::INTERMEDIATE, Importance::Essential),
        ],
        vec![
            Course::new("sql-101", "SQL basics")
                .with_provider("P")
                .with_teaches("sql", Level::BEGINNER),
            Course::new("sql-pro", "SQL for pros")
                .with_provider("P")
                .with_teaches("sql", Level::EXPERT),
            Course::new("dw", "Warehouses")
                .with_provider("P")
                .with_teaches("warehousing", Level::INTERMEDIATE)
                .with_teaches("sql", Level::INTERMEDIATE),
        ],
    )
    .expect("valid")
}

#[test]
fn roles_requiring_a_skill_with_their_requirement() {
    let c = catalog();
    let roles: Vec<(&str, u8, Importance)> = c
        .roles_requiring("sql")
        .into_iter()
        .map(|(r, q)| (r.id().as_str(), q.level().get(), q.importance()))
        .collect();
    assert_eq!(
        roles,
        [
            ("analyst", 4, Importance::Essential),
            ("engineer", 3, Importance::Important)
        ]
    );
    assert!(c.roles_requiring("databases").is_empty());
    assert!(c.roles_requiring("no-such-skill").is_empty());
}

#[test]
fn prerequisites_and_what_a_skill_unlocks() {
    let c = catalog();
    let unlocks: Vec<(&str, u8)> = c
        .unlocks("sql")
        .into_iter()
        .map(|(s, l)| (s.id().as_str(), l.get()))
        .collect();
    assert_eq!(unlocks, [("databases", 2), ("warehousing", 3)]);
    let needs: Vec<&str> = c
        .prerequisites("warehousing")
        .into_iter()
        .map(|(s, _)| s.id().as_str())
        .collect();
    assert_eq!(needs, ["databases", "sql"]);
    assert!(c.unlocks("warehousing").is_empty());
}

#[test]
fn courses_teaching_a_skill_at_or_above_a_level() {
    let c = catalog();
    let ids = |level| -> Vec<&str> {
        c.courses_teaching("sql", level)
            .into_iter()
            .map(|(course, _)| course.id().as_str())
            .collect()
    };
    assert_eq!(ids(Level::AWARENESS), ["dw", "sql-101", "sql-pro"]);
    assert_eq!(ids(Level::INTERMEDIATE), ["dw", "sql-pro"]);
    assert_eq!(ids(Level::EXPERT), ["sql-pro"]);
    assert!(c.courses_teaching("databases", Level::AWARENESS).is_empty());
}

#[test]
fn roles_resolve_by_id_name_or_alias() {
    let c = catalog();
    for name in ["analyst", "Data Analyst", "bi analyst", "BI Analyst"] {
        assert_eq!(
            c.resolve_role(name).map(|r| r.id().as_str()),
            Some("analyst"),
            "{name}"
        );
    }
    assert!(c.resolve_role("astronaut").is_none());
    // Builtin roles answer to their common abbreviations.
    let builtin = Catalog::builtin();
    let mle = builtin.resolve_role("MLE").expect("MLE");
    assert_eq!(mle.id().as_str(), "machine-learning-engineer");
}

#[test]
fn typed_ids_and_strs_are_accepted_alike() {
    let c = catalog();
    let assessment = c
        .assess(&Profile::new().with_skill("SQL", Level::BEGINNER))
        .unwrap();
    let best = assessment.best().unwrap();
    let by_id = assessment.gaps(best.role().id()).unwrap();
    let by_str = assessment.gaps(best.role().id().as_str()).unwrap();
    assert_eq!(by_id, by_str);
    let skill = c.skill("sql").unwrap();
    assert_eq!(c.skill(skill.id()), Some(skill));
    assert!(assessment.plan(best.role().id()).is_ok());
}

#[test]
fn a_catalog_states_its_currency_once() {
    let c = catalog().with_currency("EUR").unwrap();
    assert_eq!(c.currency(), Some("EUR"));
    let back = Catalog::from_json(&c.to_json()).unwrap();
    assert_eq!(back.currency(), Some("EUR"));
    assert_eq!(Catalog::builtin().currency(), Some("USD"));
    assert!(catalog().with_currency("eur").is_err());
    let bad = r#"{"format": "skillgap.catalog/1", "currency": "dollars"}"#;
    assert!(Catalog::from_json(bad)
        .unwrap_err()
        .to_string()
        .contains("currency"));
    // Two currencies in one build would make costs incomparable.
    let mixed = Catalog::builtin().clone().into_builder().catalog(c).build();
    assert!(mixed.unwrap_err().to_string().contains("USD and EUR"));
    let same = Catalog::builder()
        .currency("USD")
        .catalog(Catalog::builtin().clone())
        .build();
    assert_eq!(same.unwrap().currency(), Some("USD"));
}
