//! The O*NET importer on fixtures written to the published text format
//! (`tests/data/onet`): the classic layout (`Skills.txt`) and the 30.3+ split files in a
//! subfolder with CRLF line ends.
#![cfg(feature = "onet")]

use std::path::{Path, PathBuf};

use skillgap::io::{Import, OnetImporter};
use skillgap::model::Requirement;
use skillgap::{Catalog, Error, Importance, Level};

fn fixtures(layout: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/onet")
        .join(layout)
}

fn reqs(catalog: &Catalog, role: &str) -> Vec<(String, Level, Importance, Option<f64>)> {
    let role = catalog.role(role).expect("the role");
    let mut out: Vec<_> = role
        .requirements()
        .iter()
        .map(|r: &Requirement| (r.skill().to_string(), r.level(), r.importance(), r.weight()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn classic_layout_maps_levels_and_importance() {
    let Import { catalog, report } = OnetImporter::new().import(fixtures("classic")).unwrap();
    eprintln!("{report}");
    use Importance::*;
    assert_eq!(
        reqs(&catalog, "15-2051.00"),
        [
            (
                "2.A.1.a".to_string(),
                Level::INTERMEDIATE,
                Essential,
                Some(0.75)
            ),
            ("2.B.3.e".into(), Level::INTERMEDIATE, Essential, Some(0.78)),
            ("2.C.4.a".into(), Level::ADVANCED, Essential, Some(0.9)),
            ("Python".into(), Level::INTERMEDIATE, Essential, None),
            ("Tableau".into(), Level::INTERMEDIATE, Important, None),
        ]
    );
    assert_eq!(
        reqs(&catalog, "15-1242.00"),
        [
            (
                "2.A.1.a".to_string(),
                Level::INTERMEDIATE,
                Important,
                Some(0.63)
            ),
            ("2.C.3.a".into(), Level::ADVANCED, Essential, Some(0.85)),
            ("PostgreSQL".into(), Level::INTERMEDIATE, Optional, None),
            ("Python".into(), Level::INTERMEDIATE, Important, None),
        ]
    );
    assert_eq!(catalog.skill("2.B.3.e").unwrap().name(), "Programming");
    assert_eq!(
        catalog.skill("2.C.4.a").unwrap().category(),
        Some("knowledge")
    );
    assert_eq!(catalog.skills().len(), 7);
    assert_eq!(catalog.roles().len(), 2);
    assert_eq!(report.get("ratings marked Not Relevant skipped"), 2);
    assert_eq!(
        report.get("ratings below the importance cut-off skipped"),
        1
    );
    assert_eq!(report.get("ratings at level 0 skipped"), 1);
    assert_eq!(
        report.get("low-precision ratings kept (Recommend Suppress)"),
        1
    );
    assert_eq!(report.get("occupations without requirements left out"), 1);
    assert_eq!(report.get("requirements of unknown occupations skipped"), 1);
    assert_eq!(report.get("elements no occupation requires left out"), 1);
}

#[test]
fn options_change_the_mapping() {
    let catalog = OnetImporter::new()
        .min_importance(4.0)
        .importance_cuts(4.5, 4.1)
        .weights(false)
        .technology(false)
        .import(fixtures("classic"))
        .unwrap()
        .catalog;
    assert_eq!(
        reqs(&catalog, "15-2051.00"),
        [
            (
                "2.A.1.a".to_string(),
                Level::INTERMEDIATE,
                Importance::Optional,
                None
            ),
            (
                "2.B.3.e".into(),
                Level::INTERMEDIATE,
                Importance::Important,
                None
            ),
            (
                "2.C.4.a".into(),
                Level::ADVANCED,
                Importance::Essential,
                None
            ),
        ]
    );
    assert!(matches!(
        OnetImporter::new()
            .min_importance(0.5)
            .import(fixtures("classic")),
        Err(Error::InvalidArgument {
            name: "min_importance",
            ..
        })
    ));
}

#[test]
fn split_layout_in_a_subfolder_imports_alike() {
    let classic = OnetImporter::new()
        .technology(false)
        .import(fixtures("classic"))
        .unwrap()
        .catalog;
    let split = OnetImporter::new()
        .import(fixtures("split"))
        .unwrap()
        .catalog;
    for role in ["15-2051.00", "15-1242.00"] {
        assert_eq!(reqs(&classic, role), reqs(&split, role), "{role}");
    }
    assert_eq!(
        split.skill("2.A.1.a").unwrap().category(),
        Some("essential skills")
    );
}

#[test]
fn values_off_their_scale_are_errors_with_file_and_line() {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("onet-bad-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(fixtures("classic")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let skills = dir.join("Skills.txt");
    let text = std::fs::read_to_string(&skills).unwrap();
    std::fs::write(&skills, text.replacen("\tLV\t4.75\t", "\tLV\t7.50\t", 1)).unwrap();
    let err = OnetImporter::new().import(&dir).unwrap_err();
    assert!(
        matches!(&err, Error::ImportRow { file, line: 3, .. } if file == "Skills.txt"),
        "{err}"
    );
    assert!(
        err.to_string().contains("not a number from 0 to 7"),
        "{err}"
    );
    std::fs::write(
        &skills,
        text.replacen("\tN\tN\t08/2023", "\tmaybe\tN\t08/2023", 1),
    )
    .unwrap();
    let err = OnetImporter::new().import(&dir).unwrap_err();
    assert!(
        err.to_string().contains("`Recommend Suppress` is `maybe`"),
        "{err}"
    );
    std::fs::write(&skills, &text).unwrap();
    std::fs::remove_file(dir.join("Knowledge.txt")).unwrap();
    let err = OnetImporter::new().import(&dir).unwrap_err();
    assert!(
        matches!(&err, Error::ImportFile { reason, .. } if reason.contains("Knowledge.txt")),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Job zones become degrees: zone 5 a master's, zone 4 a bachelor's, preferred unless
/// asked to be gates; zones 1 and 2 none.
#[test]
fn job_zones_become_degree_credentials() {
    use skillgap::model::{Credential, DegreeLevel};
    let Import { catalog, report } = OnetImporter::new().import(fixtures("classic")).unwrap();
    assert_eq!(report.get("job zone rows read"), 4);
    let scientist = catalog.credentials("15-2051.00").unwrap();
    assert_eq!(scientist.len(), 1);
    assert!(!scientist[0].is_gate());
    assert_eq!(scientist[0].year(), Some(2023));
    assert_eq!(scientist[0].source(), Some("O*NET Job Zones"));
    let master = Credential::degree(DegreeLevel::Master, ["history"]);
    let bachelor = Credential::degree(DegreeLevel::Bachelor, ["history"]);
    assert!(scientist[0].accepts(&master) && !scientist[0].accepts(&bachelor));
    let dba = catalog.credentials("15-1242.00").unwrap();
    assert!(dba[0].accepts(&bachelor));

    let gated = OnetImporter::new()
        .education_gates(true)
        .import(fixtures("classic"))
        .unwrap()
        .catalog;
    assert!(gated.credentials("15-2051.00").unwrap()[0].is_gate());
    let off = OnetImporter::new()
        .education(false)
        .import(fixtures("classic"))
        .unwrap()
        .catalog;
    assert!(off.credentials("15-2051.00").unwrap().is_empty());
}
