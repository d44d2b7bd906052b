//! The ESCO importer on hand-made fixtures (`tests/data/esco`, with the quirks of the real
//! release) and, when it is present, on the official v1.1.1 release: at
//! `../shared/data/esco-v1.1.1` beside the crate, or wherever `SKILLGAP_ESCO_DIR` points.
#![cfg(feature = "esco")]

use std::path::{Path, PathBuf};

use skillgap::io::{EscoImporter, Import, RelationMapping};
use skillgap::resolve::Status;
use skillgap::{Catalog, Error, Importance, Level, Profile};

mod support;

const S: &str = "http://data.europa.eu/esco/skill/";
const O: &str = "http://data.europa.eu/esco/occupation/";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/esco")
}

fn fixture_import() -> Import {
    EscoImporter::new()
        .import(fixtures())
        .expect("the fixtures import")
}

/// The official release, or `None` with a message when it is absent.
fn official() -> Option<PathBuf> {
    support::esco_release()
}

#[test]
fn fixtures_import_with_every_quirk_counted() {
    let Import { catalog, report } = fixture_import();
    assert_eq!(report.get("skills read"), 8);
    assert_eq!(report.get("occupations read"), 4);
    assert_eq!(report.get("essential relations"), 8);
    assert_eq!(report.get("optional relations"), 4);
    assert_eq!(report.get("relations to unknown occupations skipped"), 1);
    assert_eq!(report.get("relations to unknown skills skipped"), 1);
    assert_eq!(report.get("repeated relations merged"), 1);
    assert_eq!(
        report.get("skills with an empty skillType (taken as skills)"),
        1
    );
    assert_eq!(report.get("occupations without skills left out"), 1);
    assert_eq!(report.get("other-language rows on unknown skills"), 1);
    assert_eq!(catalog.skills().len(), 8);
    assert_eq!(catalog.roles().len(), 3);
    // Ids are the concept URIs; whitespace in labels is collapsed; the preferred label
    // repeated among the alt labels is not an alias.
    let analyse = catalog.skill(format!("{S}analyse-data")).expect("by URI");
    assert_eq!(analyse.name(), "analyse data");
    assert_eq!(
        analyse.aliases(),
        [
            "analyse data sets",
            "data analysis",
            "Daten analysieren",
            "Datenanalyse",
            "Daten auswerten"
        ]
    );
    let scientist = catalog.role(format!("{O}data-scientist")).expect("by URI");
    assert_eq!(scientist.aliases(), ["data science specialist", "DS"]);
}

#[test]
fn relations_map_to_requirements_by_the_options() {
    let Import { catalog, .. } = fixture_import();
    let scientist = catalog.role(format!("{O}data-scientist")).unwrap();
    let reqs: Vec<(String, Level, Importance)> = scientist
        .requirements()
        .iter()
        .map(|r| {
            (
                r.skill().as_str().trim_start_matches(S).to_string(),
                r.level(),
                r.importance(),
            )
        })
        .collect();
    // Essential first; analyse data is both essential and optional: essential wins.
    assert_eq!(
        reqs,
        [
            (
                "analyse-data".into(),
                Level::INTERMEDIATE,
                Importance::Essential
            ),
            ("python".into(), Level::INTERMEDIATE, Importance::Essential),
            (
                "statistics".into(),
                Level::INTERMEDIATE,
                Importance::Essential
            ),
            (
                "machine-learning".into(),
                Level::BEGINNER,
                Importance::Optional
            ),
        ]
    );
    let import = EscoImporter::new()
        .essential(RelationMapping {
            level: Level::ADVANCED,
            importance: Importance::Essential,
            weight: Some(2.0),
        })
        .optional(RelationMapping {
            level: Level::AWARENESS,
            importance: Importance::Important,
            weight: None,
        })
        .knowledge(false)
        .import(fixtures())
        .unwrap();
    let scientist = import.catalog.role(format!("{O}data-scientist")).unwrap();
    let reqs = scientist.requirements();
    assert_eq!(reqs.len(), 1, "knowledge left out: {reqs:?}");
    assert_eq!(
        (reqs[0].level(), reqs[0].weight()),
        (Level::ADVANCED, Some(2.0))
    );
    assert_eq!(import.catalog.skills().len(), 3);
    assert_eq!(import.report.get("knowledge concepts left out"), 5);
    // The engineer's only skill left is optional? No: data models is essential.
    let engineer = import.catalog.role(format!("{O}data-engineer")).unwrap();
    assert_eq!(engineer.requirements().len(), 1);
}

#[test]
fn related_skills_and_categories_are_options() {
    let Import { catalog, .. } = fixture_import();
    let sql = catalog.skill(format!("{S}sql")).unwrap();
    assert!(sql.related().is_empty(), "off by default");
    // Category: the skill group above, directly or through a broader skill; a group the
    // groups file does not name is shown by URI.
    assert_eq!(
        sql.category(),
        Some("software and applications development and analysis")
    );
    let ml = catalog.skill(format!("{S}machine-learning")).unwrap();
    assert_eq!(
        ml.category(),
        Some("http://data.europa.eu/esco/isced-f/9999")
    );
    let import = EscoImporter::new()
        .related(Some(0.25))
        .categories(false)
        .import(fixtures())
        .unwrap();
    let sql = import.catalog.skill(format!("{S}sql")).unwrap();
    assert_eq!(sql.related().len(), 1);
    assert_eq!(
        (
            sql.related()[0].skill().as_str(),
            sql.related()[0].transfer()
        ),
        (&*format!("{S}dbms"), 0.25)
    );
    assert_eq!(sql.category(), None);
    assert_eq!(import.report.get("skill relations to itself skipped"), 1);
    assert_eq!(import.report.get("skill relations read"), 2);
    assert!(matches!(
        EscoImporter::new().related(Some(1.5)).import(fixtures()),
        Err(Error::InvalidArgument {
            name: "related",
            ..
        })
    ));
}

/// Shared labels resolve as §1 says: a skill's own name wins over another's alias; an
/// alias of several skills is ambiguous, with every owner a candidate.
#[test]
fn shared_labels_resolve_by_ownership() {
    let Import { catalog, .. } = fixture_import();
    assert!(!catalog.lints().is_empty());
    let sql = catalog.resolve("sql");
    assert_eq!(sql.status(), Status::Resolved);
    assert_eq!(sql.skill().unwrap().as_str(), format!("{S}sql"));
    let shared = catalog.resolve("query databases");
    assert_eq!(shared.status(), Status::Ambiguous);
    let mut owners: Vec<&str> = shared
        .candidates()
        .iter()
        .map(|c| c.skill().as_str())
        .collect();
    owners.sort_unstable();
    assert_eq!(owners, [format!("{S}dbms"), format!("{S}python")]);
    assert_eq!(
        catalog.resolve("Datenanalyse").skill().unwrap().as_str(),
        format!("{S}analyse-data")
    );
}

#[test]
fn format_errors_name_file_and_line() {
    let dir = tempdir("missing-column");
    copy_fixtures(&dir);
    let path = dir.join("relations/occupationSkillRelations.csv");
    std::fs::write(
        &path,
        "occupationUri,relationType,skillType\nx,essential,knowledge\n",
    )
    .unwrap();
    let err = EscoImporter::new().import(&dir).unwrap_err();
    assert!(
        matches!(&err, Error::ImportRow { file, line: 1, reason } if file == "occupationSkillRelations.csv" && reason.contains("skillUri")),
        "{err}"
    );
    std::fs::write(
        &path,
        "occupationUri,relationType,skillUri\r\nx,essential,y\r\n,essential,y\r\n",
    )
    .unwrap();
    let err = EscoImporter::new().import(&dir).unwrap_err();
    assert!(matches!(&err, Error::ImportRow { line: 3, .. }), "{err}");
    assert!(
        err.to_string().contains("line 3: empty `occupationUri`"),
        "{err}"
    );
    std::fs::write(
        &path,
        b"occupationUri,relationType,skillUri\nx,essential,\xff\n",
    )
    .unwrap();
    let err = EscoImporter::new().import(&dir).unwrap_err();
    assert!(matches!(&err, Error::ImportRow { line: 2, .. }), "{err}");
    std::fs::remove_file(&path).unwrap();
    let err = EscoImporter::new().import(&dir).unwrap_err();
    assert!(
        err.to_string()
            .contains("no occupationSkillRelations_en.csv"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_same_release_gives_the_same_catalog() {
    let a = fixture_import().catalog.to_json();
    let b = fixture_import().catalog.to_json();
    assert_eq!(a, b);
    let back = Catalog::from_json(&a).expect("the catalog/1 document loads");
    assert_eq!(back.to_json(), a);
}

/// A fresh directory under the target directory.
fn tempdir(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("esco-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_fixtures(to: &Path) {
    for sub in ["classification-en", "relations"] {
        std::fs::create_dir_all(to.join(sub)).unwrap();
        for entry in std::fs::read_dir(fixtures().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, to.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
}

// ---------------------------------------------------------------------------------------
// The official release
// ---------------------------------------------------------------------------------------

#[test]
fn official_release_imports_with_its_counts() {
    let Some(dir) = official() else { return };
    let Import { catalog, report } = EscoImporter::new()
        .related(Some(0.3))
        .import(&dir)
        .expect("imports");
    eprintln!("{report}");
    assert_eq!(report.get("occupations read"), 3_007);
    assert_eq!(report.get("skills read"), 13_896);
    assert_eq!(
        report.get("essential relations")
            + report.get("relations to unknown occupations skipped")
            + report.get("optional relations")
            + report.get("relations to unknown skills skipped")
            + report.get("relations of another type skipped"),
        123_855
    );
    assert_eq!(report.get("relations to unknown occupations skipped"), 67);
    assert_eq!(report.get("skill relations to itself skipped"), 1);
    assert_eq!(
        report.get("skills with an empty skillType (taken as skills)"),
        6
    );
    assert_eq!(catalog.skills().len(), 13_896);
    assert_eq!(
        catalog.roles().len() + report.get("occupations without skills left out"),
        3_007
    );
    // Shared labels are kept: hundreds of lints, no error.
    assert!(catalog.lints().len() >= 700, "{}", catalog.lints().len());
    // Known occupations' essential skills.
    let scientist = catalog
        .role(format!("{O}258e46f9-0075-4a2e-adae-1ff0477e0f30"))
        .expect("data scientist");
    assert_eq!(scientist.name(), "data scientist");
    let essential: Vec<&str> = scientist
        .requirements()
        .iter()
        .filter(|r| r.importance() == Importance::Essential)
        .map(|r| catalog.skill(r.skill()).unwrap().name())
        .collect();
    for name in ["data mining", "statistics", "data models"] {
        assert!(essential.contains(&name), "{name} not in {essential:?}");
    }
}

/// A profile made of a real occupation's skills, by name, ranks that occupation first.
#[test]
fn official_profiles_rank_their_occupation_first() {
    let Some(dir) = official() else { return };
    let catalog = EscoImporter::new().import(&dir).expect("imports").catalog;
    for uri in [
        "258e46f9-0075-4a2e-adae-1ff0477e0f30", // data scientist
        "8c57af09-719c-42b3-be40-6ed4946236cc", // database administrator
        "f2b15a0e-e65a-438a-affb-29b9d50b77d1", // software developer
        "8d3e8aaa-791b-4c75-a465-f3f827028f50", // nurse responsible for general care
    ] {
        let role = catalog.role(format!("{O}{uri}")).unwrap();
        let mut profile = Profile::new();
        for r in role.requirements() {
            profile = profile.with_skill(catalog.skill(r.skill()).unwrap().name(), r.level());
        }
        let assessment = catalog.assess(&profile).unwrap();
        assert!(
            assessment.warnings().is_empty(),
            "{:?}",
            assessment.warnings()
        );
        assert_eq!(
            assessment.best().unwrap().role().id(),
            role.id(),
            "{}",
            role.name()
        );
    }
}

/// The release converted to catalog/1 as is loads from its document, all shared labels
/// kept, and profile names that are shared labels resolve as §1 says.
#[test]
fn official_release_as_catalog_document_loads() {
    let Some(dir) = official() else { return };
    let json = EscoImporter::new()
        .import(&dir)
        .expect("imports")
        .catalog
        .to_json();
    let catalog = Catalog::from_json(&json).expect("the converted release loads");
    assert!(catalog.lints().len() >= 700);
    // "SQL" is a skill and an alias of another: the skill wins, the other a candidate.
    let sql = catalog.resolve("SQL");
    assert_eq!(sql.status(), Status::Resolved);
    assert_eq!(catalog.skill(sql.skill().unwrap()).unwrap().name(), "SQL");
    assert!(sql.candidates().len() >= 2);
    let advise = catalog.resolve("advise customers");
    assert_eq!(advise.status(), Status::Ambiguous, "{advise:?}");
    let profile = Profile::new()
        .with_skill("SQL", Level::ADVANCED)
        .with_skill("advise customers", Level::INTERMEDIATE);
    let assessment = catalog.assess(&profile).unwrap();
    assert_eq!(assessment.level_of(sql.skill().unwrap()), 4.0);
    assert!(assessment
        .warnings()
        .iter()
        .any(|w| matches!(w, skillgap::error::Warning::AmbiguousSkill { .. })));
}

/// A course list on ESCO URIs merges with the imported taxonomy and plans on it.
#[test]
fn courses_on_esco_uris_merge_and_plan() {
    let imported = fixture_import().catalog;
    let courses = vec![
        skillgap::Course::new("py-data", "Python for data")
            .with_provider("Acme")
            .with_hours(30.0)
            .with_teaches(format!("{S}python"), Level::INTERMEDIATE),
        skillgap::Course::new("stats", "Statistics 101")
            .with_provider("Acme")
            .with_hours(20.0)
            .with_teaches(format!("{S}statistics"), Level::INTERMEDIATE)
            .with_teaches(format!("{S}analyse-data"), Level::INTERMEDIATE),
    ];
    let catalog = Catalog::builder()
        .catalog(imported)
        .courses(courses)
        .build()
        .expect("merges");
    let profile = Profile::new().with_skill("machine learning", Level::BEGINNER);
    let assessment = catalog.assess(&profile).unwrap();
    let plan = assessment.plan(format!("{O}data-scientist")).unwrap();
    let ids: Vec<&str> = plan
        .courses()
        .iter()
        .map(|s| s.course().id().as_str())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        ids.contains(&"py-data") && ids.contains(&"stats"),
        "{ids:?}"
    );
    assert!(plan.uncovered().is_empty());
}
