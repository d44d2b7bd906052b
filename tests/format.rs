//! The interchange format: round trips through JSON (and TOML), level words, defaults.

use skillgap::io::{CATALOG_FORMAT, PROFILE_FORMAT};
use skillgap::{Catalog, Course, Error, Importance, Level, Profile, Role, Skill};

fn assert_same_items(a: &Catalog, b: &Catalog) {
    assert_eq!(a.skills(), b.skills());
    assert_eq!(a.roles(), b.roles());
    assert_eq!(a.courses(), b.courses());
}

fn sample_profile() -> Profile {
    Profile::new()
        .with_name("Ada Lovelace")
        .with_skill("Python", Level::ADVANCED)
        .with_skill("sql", Level::BEGINNER)
        .with_skill_used("scikit-learn", Level::INTERMEDIATE, 2021)
        .with_skill("Deep Learning", Level::NONE)
        .with_skill_used("statistics", Level::EXPERT, 2025)
}

// ---------------------------------------------------------------------------------------
// Catalog round trips
// ---------------------------------------------------------------------------------------

#[test]
fn builtin_catalog_json_round_trip() {
    let builtin = Catalog::builtin();
    let json = builtin.to_json();
    let back = Catalog::from_json(&json).expect("to_json output reads back");
    assert_same_items(builtin, &back);
    assert_eq!(back.to_json(), json);
    assert!(json.contains(CATALOG_FORMAT));
}

#[test]
fn builtin_catalog_round_trip_keeps_derived_data() {
    let builtin = Catalog::builtin();
    let back = Catalog::from_json(&builtin.to_json()).unwrap();
    for role in builtin.roles() {
        let id = role.id().as_str();
        assert_eq!(
            builtin.requirements(id).unwrap(),
            back.requirements(id).unwrap()
        );
    }
    for skill in builtin.skills() {
        let id = skill.id().as_str();
        assert_eq!(builtin.prerequisites(id), back.prerequisites(id));
    }
}

#[test]
fn small_catalog_json_round_trip_with_every_field() {
    let text = r#"{
      "format": "skillgap.catalog/1",
      "skills": [
        {"id": "python", "name": "Python", "aliases": ["py", "Python 3"], "category": "language",
         "description": "A language.", "related": [{"skill": "r", "transfer": 0.3}]},
        {"id": "pandas", "name": "pandas", "requires": [{"skill": "python", "level": "beginner"}]},
        {"id": "r", "name": "R"}
      ],
      "roles": [
        {"id": "analyst", "name": "Analyst", "description": "Looks at data.",
         "requirements": [
           {"skill": "python", "level": 3, "importance": "essential"},
           {"skill": "r", "level": 2, "importance": "optional", "weight": 0.25}]},
        {"id": "senior-analyst", "name": "Senior Analyst", "extends": ["analyst"],
         "requirements": [{"skill": "pandas", "level": "advanced", "importance": "important"}]}
      ],
      "courses": [
        {"id": "pandas-course", "title": "pandas in depth", "provider": "acme",
         "url": "https://example.org/pandas", "hours": 12.5, "cost": 49.0,
         "teaches": [{"skill": "pandas", "level": 4}], "requires": [{"skill": "python", "level": 2}]}
      ]
    }"#;
    let catalog = Catalog::from_json(text).unwrap();
    let back = Catalog::from_json(&catalog.to_json()).unwrap();
    assert_same_items(&catalog, &back);

    let course = back.course("pandas-course").unwrap();
    assert_eq!(course.url(), Some("https://example.org/pandas"));
    assert_eq!(course.hours(), 12.5);
    assert_eq!(course.cost(), 49.0);
    let python = back.skill("python").unwrap();
    assert_eq!(python.aliases(), ["py", "Python 3"]);
    assert_eq!(python.category(), Some("language"));
    assert_eq!(python.related()[0].transfer(), 0.3);
    let senior = back.requirements("senior-analyst").unwrap();
    assert_eq!(senior.len(), 3);
    let r = senior.iter().find(|q| q.skill() == "r").unwrap();
    assert_eq!(r.weight(), Some(0.25));
    assert_eq!(r.importance(), Importance::Optional);
}

#[cfg(feature = "toml")]
#[test]
fn builtin_catalog_toml_round_trip() {
    let builtin = Catalog::builtin();
    let toml = builtin
        .to_toml()
        .expect("the built-in catalog writes as TOML");
    let back = Catalog::from_toml(&toml).expect("to_toml output reads back");
    assert_same_items(builtin, &back);
    assert_eq!(back.to_toml().unwrap(), toml);
    assert_eq!(back.to_json(), builtin.to_json());
}

// ---------------------------------------------------------------------------------------
// Profile round trips
// ---------------------------------------------------------------------------------------

#[test]
fn profile_json_round_trip() {
    let profile = sample_profile();
    let json = profile.to_json();
    assert!(json.contains(PROFILE_FORMAT));
    assert_eq!(Profile::from_json(&json).unwrap(), profile);

    let anonymous = Profile::new().with_skill("sql", Level::AWARENESS);
    let json = anonymous.to_json();
    assert!(!json.contains("\"name\""), "{json}");
    assert_eq!(Profile::from_json(&json).unwrap(), anonymous);

    let empty = Profile::new();
    assert_eq!(Profile::from_json(&empty.to_json()).unwrap(), empty);
}

#[test]
fn documents_may_start_with_a_byte_order_mark() {
    let profile = sample_profile();
    let json = format!("\u{feff}{}", profile.to_json());
    assert_eq!(Profile::from_json(&json).unwrap(), profile);
    let catalog = Catalog::builtin();
    let json = format!("\u{feff}{}", catalog.to_json());
    assert_same_items(&Catalog::from_json(&json).unwrap(), catalog);
    #[cfg(feature = "toml")]
    {
        let toml = format!("\u{feff}{}", profile.to_toml().unwrap());
        assert_eq!(Profile::from_toml(&toml).unwrap(), profile);
    }
    // Only at the start: elsewhere it is what it is, an error.
    let inside = format!(" \u{feff}{}", profile.to_json());
    assert!(matches!(
        Profile::from_json(&inside),
        Err(skillgap::Error::Json { line: 1, .. })
    ));
}

#[cfg(feature = "toml")]
#[test]
fn profile_toml_round_trip() {
    let profile = sample_profile();
    let toml = profile.to_toml().unwrap();
    assert_eq!(Profile::from_toml(&toml).unwrap(), profile);

    let anonymous = Profile::new().with_skill("sql", Level::AWARENESS);
    assert_eq!(
        Profile::from_toml(&anonymous.to_toml().unwrap()).unwrap(),
        anonymous
    );
}

#[cfg(feature = "toml")]
#[test]
fn profile_json_and_toml_agree() {
    let profile = sample_profile();
    let via_json = Profile::from_json(&profile.to_json()).unwrap();
    let via_toml = Profile::from_toml(&profile.to_toml().unwrap()).unwrap();
    assert_eq!(via_json, via_toml);
}

// ---------------------------------------------------------------------------------------
// Hand-written TOML
// ---------------------------------------------------------------------------------------

#[cfg(feature = "toml")]
const HAND_WRITTEN_CATALOG: &str = r#"
format = "skillgap.catalog/1"

[[skills]]
id = "python"
name = "Python"
aliases = ["py"]
category = "language"

[[skills]]
id = "pandas"
name = "pandas"
requires = [{ skill = "python", level = "beginner" }]
related = [{ skill = "python", transfer = 0.2 }]

[[roles]]
id = "analyst"
name = "Data Analyst"

[[roles.requirements]]
skill = "python"
level = 3
importance = "essential"

[[roles.requirements]]
skill = "pandas"
level = "competent"
importance = "important"
weight = 0.8

[[roles]]
id = "lead"
name = "Lead Analyst"
extends = ["analyst"]
requirements = [{ skill = "pandas", level = 4, importance = "essential" }]

[[courses]]
id = "py-basics"
title = "Python basics"
provider = "acme"
hours = 20          # an integer is accepted
teaches = [{ skill = "python", level = 3 }]

[[courses]]
id = "pandas-course"
title = "pandas"
provider = "acme"
url = "https://example.org/pandas"
hours = 7.5
cost = 30
teaches = [{ skill = "pandas", level = "advanced" }]
requires = [{ skill = "python", level = 2 }]
"#;

#[cfg(feature = "toml")]
#[test]
fn hand_written_toml_catalog_parses() {
    let catalog = Catalog::from_toml(HAND_WRITTEN_CATALOG).unwrap();
    assert_eq!(catalog.skills().len(), 2);
    assert_eq!(catalog.roles().len(), 2);
    assert_eq!(catalog.courses().len(), 2);

    let pandas = catalog.skill("pandas").unwrap();
    assert_eq!(pandas.requires()[0].skill(), "python");
    assert_eq!(pandas.requires()[0].level(), Level::BEGINNER);
    assert_eq!(pandas.related()[0].transfer(), 0.2);

    let analyst = catalog.requirements("analyst").unwrap();
    assert_eq!(analyst.len(), 2);
    assert_eq!(analyst[0].skill(), "pandas");
    assert_eq!(analyst[0].level(), Level::INTERMEDIATE);
    assert_eq!(analyst[0].weight(), Some(0.8));
    assert_eq!(analyst[1].skill(), "python");
    assert_eq!(analyst[1].importance(), Importance::Essential);

    let lead = catalog.requirements("lead").unwrap();
    let lead_pandas = lead.iter().find(|r| r.skill() == "pandas").unwrap();
    assert_eq!(lead_pandas.level(), Level::ADVANCED);
    assert_eq!(lead_pandas.importance(), Importance::Essential);

    let basics = catalog.course("py-basics").unwrap();
    assert_eq!(basics.hours(), 20.0);
    assert_eq!(basics.cost(), 0.0);
    assert_eq!(basics.url(), None);
    let course = catalog.course("pandas-course").unwrap();
    assert_eq!(course.cost(), 30.0);
    assert_eq!(course.teaches()[0].level(), Level::ADVANCED);

    // The same catalog through JSON.
    let back = Catalog::from_json(&catalog.to_json()).unwrap();
    assert_same_items(&catalog, &back);
}

#[cfg(feature = "toml")]
#[test]
fn hand_written_toml_profile_parses() {
    let text = r#"
format = "skillgap.profile/1"
name = "Grace"

[[skills]]
skill = "Python"
level = "proficient"
last_used = 2024

[[skills]]
skill = "SQL"
level = 2

[[skills]]
skill = "statistics"
level = "Familiar"
"#;
    let profile = Profile::from_toml(text).unwrap();
    assert_eq!(profile.name(), Some("Grace"));
    let skills = profile.skills();
    assert_eq!(skills.len(), 3);
    assert_eq!(skills[0].name(), "Python");
    assert_eq!(skills[0].level(), Level::ADVANCED);
    assert_eq!(skills[0].last_used(), Some(2024));
    assert_eq!(skills[1].level(), Level::BEGINNER);
    assert_eq!(skills[1].last_used(), None);
    assert_eq!(skills[2].level(), Level::AWARENESS);
}

#[cfg(feature = "toml")]
#[test]
fn toml_syntax_error_is_a_toml_error() {
    let err = Catalog::from_toml("format = \"skillgap.catalog/1\"\n[[skills]\n").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Toml {
                document: "catalog",
                ..
            }
        ),
        "{err:?}"
    );
    let err = Profile::from_toml("format = ").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Toml {
                document: "profile",
                ..
            }
        ),
        "{err:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Level words
// ---------------------------------------------------------------------------------------

#[test]
fn level_words_and_synonyms_in_profiles() {
    let cases = [
        ("novice", 2),
        ("competent", 3),
        ("proficient", 4),
        ("basic", 1),
        ("familiar", 1),
        ("none", 0),
        ("awareness", 1),
        ("beginner", 2),
        ("intermediate", 3),
        ("advanced", 4),
        ("expert", 5),
        ("  Expert ", 5),
        ("NOVICE", 2),
        ("master", 5),
        ("3", 3),
    ];
    let entries: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, (word, _))| format!(r#"{{"skill": "s{i}", "level": "{word}"}}"#))
        .collect();
    let text = format!(
        r#"{{"format": "skillgap.profile/1", "skills": [{}]}}"#,
        entries.join(", ")
    );
    let profile = Profile::from_json(&text).unwrap();
    assert_eq!(profile.skills().len(), cases.len());
    for (entry, (word, number)) in profile.skills().iter().zip(cases) {
        assert_eq!(entry.level().get(), number, "level {word:?}");
    }
}

#[test]
fn numeric_levels_in_profiles() {
    let text = r#"{"format": "skillgap.profile/1", "skills": [
        {"skill": "a", "level": 0}, {"skill": "b", "level": 5}, {"skill": "c", "level": 3.0}]}"#;
    let profile = Profile::from_json(text).unwrap();
    let levels: Vec<u8> = profile.skills().iter().map(|s| s.level().get()).collect();
    assert_eq!(levels, [0, 5, 3]);
}

#[test]
fn bad_profile_levels_are_reported_with_their_place() {
    let text = r#"{"format": "skillgap.profile/1", "skills": [
        {"skill": "python", "level": "wizard"}, {"skill": "sql", "level": 6}]}"#;
    match Profile::from_json(text) {
        Err(Error::InvalidProfile { problems }) => {
            assert_eq!(problems.len(), 2, "{problems:#?}");
            let first = problems[0].to_string();
            assert!(
                first.contains("profile skill `python` (#0)") && first.contains("`wizard`"),
                "{first}"
            );
            let second = problems[1].to_string();
            assert!(
                second.contains("profile skill `sql` (#1)") && second.contains("`6`"),
                "{second}"
            );
        }
        other => panic!("expected InvalidProfile, got {other:?}"),
    }
}

#[test]
fn level_words_in_catalogs() {
    let text = r#"{
      "format": "skillgap.catalog/1",
      "skills": [{"id": "python", "name": "Python"}, {"id": "sql", "name": "SQL",
                  "requires": [{"skill": "python", "level": "basic"}]}],
      "roles": [{"id": "dev", "name": "Dev", "requirements": [
        {"skill": "python", "level": "Proficient", "importance": "essential"},
        {"skill": "sql", "level": "novice", "importance": "optional"}]}],
      "courses": [{"id": "c", "title": "C", "provider": "p", "hours": 1,
                   "teaches": [{"skill": "python", "level": "competent"}]}]
    }"#;
    let catalog = Catalog::from_json(text).unwrap();
    let reqs = catalog.requirements("dev").unwrap();
    assert_eq!(reqs[0].level(), Level::ADVANCED);
    assert_eq!(reqs[1].level(), Level::BEGINNER);
    assert_eq!(
        catalog.skill("sql").unwrap().requires()[0].level(),
        Level::AWARENESS
    );
    assert_eq!(
        catalog.course("c").unwrap().teaches()[0].level(),
        Level::INTERMEDIATE
    );
    // Words are written back as numbers.
    assert!(catalog.to_json().contains("\"level\": 4"));
}

// ---------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------

#[test]
fn catalog_fields_with_defaults_may_be_omitted() {
    // No aliases, category, description, requires, related, extends, weight, cost, url.
    let text = r#"{
      "format": "skillgap.catalog/1",
      "skills": [{"id": "python", "name": "Python"}],
      "roles": [{"id": "dev", "name": "Developer",
                 "requirements": [{"skill": "python", "level": 3, "importance": "essential"}]}],
      "courses": [{"id": "py", "title": "Python", "provider": "acme", "hours": 10,
                   "teaches": [{"skill": "python", "level": 3}]}]
    }"#;
    let catalog = Catalog::from_json(text).unwrap();

    let skill = catalog.skill("python").unwrap();
    assert!(skill.aliases().is_empty());
    assert_eq!(skill.category(), None);
    assert_eq!(skill.description(), None);
    assert!(skill.requires().is_empty());
    assert!(skill.related().is_empty());

    let role = catalog.role("dev").unwrap();
    assert!(role.extends().is_empty());
    assert_eq!(role.description(), None);
    assert_eq!(role.requirements()[0].weight(), None);

    let course = catalog.course("py").unwrap();
    assert_eq!(course.cost(), 0.0);
    assert_eq!(course.url(), None);
    assert!(course.requires().is_empty());

    // Omitted fields stay omitted when written back.
    let json = catalog.to_json();
    for field in [
        "aliases",
        "category",
        "description",
        "requires",
        "related",
        "extends",
        "weight",
        "url",
    ] {
        assert!(!json.contains(&format!("\"{field}\"")), "{field} in {json}");
    }
}

#[test]
fn empty_lists_may_be_omitted_from_a_catalog() {
    let catalog = Catalog::from_json(r#"{"format": "skillgap.catalog/1"}"#).unwrap();
    assert!(catalog.skills().is_empty());
    assert!(catalog.roles().is_empty());
    assert!(catalog.courses().is_empty());
}

#[test]
fn profile_fields_with_defaults_may_be_omitted() {
    let text = r#"{"format": "skillgap.profile/1", "skills": [{"skill": "python", "level": 2}]}"#;
    let profile = Profile::from_json(text).unwrap();
    assert_eq!(profile.name(), None);
    assert_eq!(profile.skills()[0].last_used(), None);
    assert!(!profile.to_json().contains("last_used"));

    let empty = Profile::from_json(r#"{"format": "skillgap.profile/1"}"#).unwrap();
    assert!(empty.skills().is_empty());
}

#[test]
fn required_fields_may_not_be_omitted() {
    // A course without hours, a requirement without importance.
    let no_hours = r#"{"format": "skillgap.catalog/1",
      "skills": [{"id": "python", "name": "Python"}],
      "courses": [{"id": "py", "title": "Python", "provider": "acme",
                   "teaches": [{"skill": "python", "level": 3}]}]}"#;
    let err = Catalog::from_json(no_hours).unwrap_err();
    assert!(err.to_string().contains("hours"), "{err}");

    let no_importance = r#"{"format": "skillgap.catalog/1",
      "skills": [{"id": "python", "name": "Python"}],
      "roles": [{"id": "dev", "name": "Dev",
                 "requirements": [{"skill": "python", "level": 3}]}]}"#;
    let err = Catalog::from_json(no_importance).unwrap_err();
    assert!(err.to_string().contains("importance"), "{err}");
}

#[test]
fn unknown_profile_fields_and_formats_are_rejected() {
    let err = Profile::from_json(
        r#"{"format": "skillgap.profile/1", "skills": [{"skill": "a", "level": 1, "lastused": 2020}]}"#,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Json {
                document: "profile",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("`lastused`"), "{err}");

    let err = Profile::from_json(r#"{"format": "skillgap.catalog/1"}"#).unwrap_err();
    assert!(
        matches!(&err, Error::UnsupportedFormat { document: "profile", expected, .. }
            if *expected == PROFILE_FORMAT),
        "{err:?}"
    );
}

/// Numbers come back bit for bit: `0.9500000000000001` is not `0.95`.
#[test]
fn json_round_trip_keeps_every_bit_of_numbers() {
    let hours = 0.950_000_000_000_000_1_f64;
    assert_ne!(hours, 0.95);
    let catalog = Catalog::new(
        vec![Skill::new("a", "A")],
        vec![Role::new("r", "R").with_requirement("a", Level::BEGINNER, Importance::Essential)],
        vec![Course::new("c", "C")
            .with_provider("P")
            .with_hours(hours)
            .with_cost(1.0 / 3.0)
            .with_teaches("a", Level::BEGINNER)],
    )
    .unwrap();
    let back = Catalog::from_json(&catalog.to_json()).unwrap();
    assert_eq!(back.courses()[0].hours().to_bits(), hours.to_bits());
    assert_eq!(back.courses()[0].cost().to_bits(), (1.0f64 / 3.0).to_bits());
}

/// Hundreds of quotes in a row are written and read back (the TOML writer once
/// overflowed a counter on them).
#[cfg(feature = "toml")]
#[test]
fn toml_round_trip_of_many_quotes() {
    let description = "\"".repeat(300) + "'''" + &"\\".repeat(300);
    let catalog = Catalog::new(
        vec![Skill::new("a", "A").with_description(description.clone())],
        vec![Role::new("r", "R").with_requirement("a", Level::BEGINNER, Importance::Essential)],
        vec![],
    )
    .unwrap();
    let back = Catalog::from_toml(&catalog.to_toml().unwrap()).unwrap();
    assert_eq!(back.skills()[0].description(), Some(description.as_str()));
}

/// A parser's message may quote the input: an error quotes at most 200 characters of it.
#[test]
fn errors_do_not_grow_with_the_input() {
    let key = "k".repeat(1 << 20);
    let text = format!(r#"{{"format": "skillgap.catalog/1", "{key}": 1}}"#);
    let e = Catalog::from_json(&text).unwrap_err().to_string();
    assert!(e.len() < 400, "{} bytes", e.len());
    assert!(e.contains("unknown field"), "{e}");
}
