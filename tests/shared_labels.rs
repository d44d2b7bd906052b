//! Labels shared by several skills, as real taxonomies share them (ESCO: "SQL" is a skill
//! and an alias of "database management systems"; "advise customers" an alias of several
//! skills): a skill's own id or name wins over another's alias; a label that is only an
//! alias of several skills is ambiguous, every owner a candidate. The same in exact,
//! normalised and fuzzy resolution, in profiles and in free text.

use skillgap::error::Warning;
use skillgap::io::ProfileParser;
use skillgap::resolve::Status;
use skillgap::{Catalog, Error, Importance, Level, Profile, Role, Skill};

fn catalog() -> Catalog {
    Catalog::new(
        vec![
            Skill::new("sql", "SQL"),
            Skill::new("dbms", "database management systems").with_alias("SQL"),
            Skill::new("sales", "sell products").with_alias("advise customers"),
            Skill::new("service", "customer service").with_alias("Advise  Customers"),
        ],
        vec![Role::new("dba", "Database administrator")
            .with_requirement("dbms", Level::ADVANCED, Importance::Essential)
            .with_requirement("sql", Level::INTERMEDIATE, Importance::Essential)
            .with_requirement("service", Level::BEGINNER, Importance::Optional)],
        vec![],
    )
    .expect("shared aliases are not errors")
}

#[test]
fn lints_list_every_shared_label() {
    let catalog = catalog();
    let texts: Vec<String> = catalog.lints().iter().map(ToString::to_string).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("`sales`, `service`") && t.contains("ambiguous")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("names skill `sql`") && t.contains("`dbms`")),
        "{texts:?}"
    );
}

#[test]
fn own_name_wins_exactly_normalised_and_fuzzily() {
    let catalog = catalog();
    for query in ["SQL", " sql ", "S.Q.L.", "SQLs"] {
        let r = catalog.resolve(query);
        assert_eq!(r.status(), Status::Resolved, "{query}: {r:?}");
        assert_eq!(r.skill().unwrap(), "sql", "{query}");
        let candidates: Vec<&str> = r.candidates().iter().map(|c| c.skill().as_str()).collect();
        assert!(candidates.contains(&"dbms"), "{query}: {candidates:?}");
    }
    assert_eq!(catalog.resolve_skill("sql").unwrap().id(), "sql");
}

#[test]
fn alias_of_several_is_ambiguous_with_every_owner() {
    let catalog = catalog();
    for query in [
        "advise customers",
        "Advise-Customers",
        "advise customer",
        "advise custmers",
    ] {
        let r = catalog.resolve(query);
        assert_eq!(r.status(), Status::Ambiguous, "{query}: {r:?}");
        let mut owners: Vec<&str> = r.candidates().iter().map(|c| c.skill().as_str()).collect();
        owners.sort_unstable();
        assert_eq!(owners, ["sales", "service"], "{query}");
    }
    assert!(catalog.resolve_skill("advise customers").is_none());
}

#[test]
fn profiles_resolve_shared_labels_the_same_way() {
    let catalog = catalog();
    let profile = Profile::new()
        .with_skill("SQL", Level::ADVANCED)
        .with_skill("advise customers", Level::BEGINNER);
    let assessment = catalog.assess(&profile).unwrap();
    assert_eq!(assessment.level_of("sql"), 4.0);
    assert_eq!(assessment.level_of("dbms"), 0.0);
    let ambiguous: Vec<&Warning> = assessment
        .warnings()
        .iter()
        .filter(
            |w| matches!(w, Warning::AmbiguousSkill { candidates, .. } if candidates.len() == 2),
        )
        .collect();
    assert_eq!(ambiguous.len(), 1, "{:?}", assessment.warnings());
    let strict = skillgap::assess::Assessor::new(&catalog)
        .strict(true)
        .assess(&profile);
    assert!(matches!(strict, Err(Error::UnresolvedSkills { unresolved }) if unresolved.len() == 1));
}

#[test]
fn free_text_resolves_shared_labels_the_same_way() {
    let catalog = catalog();
    let parsed = ProfileParser::new(&catalog)
        .parse("SQL (advanced), advise customers")
        .unwrap();
    let items = parsed.items();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].skill().map(|s| s.as_str()), Some("sql"));
    assert_eq!(items[1].resolution().status(), Status::Ambiguous);
    assert!(items[1].skill().is_none());
}
