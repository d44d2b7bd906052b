//! Extraction measured against the hand-labelled corpus in `tests/data/extraction`
//! (68 postings and CV sections, 777 gold rows; its README gives the labelling rules).
//!
//! Prints precision, recall and F1 of the skills found, the accuracy of negation, levels
//! (within one) and importance on the skills found in both, and the false skills in
//! postings for unrelated jobs; asserts floors for each.

use std::collections::BTreeMap;
use std::path::PathBuf;

use skillgap::io::{DocumentKind, Extractor};
use skillgap::Catalog;

/// One gold row.
#[derive(Debug, Clone)]
struct Gold {
    level: Option<u8>,
    importance: Option<String>,
    negated: bool,
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/extraction")
}

/// Gold rows by document, then skill.
fn gold() -> BTreeMap<String, BTreeMap<String, Gold>> {
    let text = std::fs::read_to_string(corpus().join("gold.tsv")).expect("gold.tsv");
    let mut out: BTreeMap<String, BTreeMap<String, Gold>> = BTreeMap::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 6, "{line}");
        let row = Gold {
            level: f[2].parse().ok(),
            importance: (f[3] != "-").then(|| f[3].to_string()),
            negated: f[4] == "1",
        };
        out.entry(f[0].to_string())
            .or_default()
            .insert(f[1].to_string(), row);
    }
    out
}

/// Counts over the corpus.
#[derive(Debug, Default)]
struct Counts {
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
    negation_right: usize,
    negation_total: usize,
    level_right: usize,
    level_total: usize,
    level_invented: usize,
    importance_right: usize,
    importance_total: usize,
    worst_unrelated: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn measure(catalog: &Catalog, verbose: bool) -> Counts {
    let gold = gold();
    let mut docs: Vec<String> = std::fs::read_dir(corpus().join("docs"))
        .expect("docs")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    docs.sort();
    assert_eq!(docs.len(), 68);
    let empty = BTreeMap::new();
    let mut c = Counts::default();
    for doc in &docs {
        let text = std::fs::read_to_string(corpus().join("docs").join(doc)).expect("doc");
        let kind = if doc.contains("-cv-") {
            DocumentKind::Cv
        } else {
            DocumentKind::Posting
        };
        let found = Extractor::new(catalog)
            .kind(kind)
            .extract(&text)
            .expect("extract");
        let want = gold.get(doc).unwrap_or(&empty);
        let mut false_here = 0;
        for s in found.skills() {
            let id = s.skill().as_str();
            let Some(g) = want.get(id) else {
                c.false_pos += 1;
                false_here += 1;
                if verbose {
                    println!(
                        "FP {doc} {id} {:?} {}",
                        s.mentions()[0].text(),
                        s.mentions()[0].start()
                    );
                }
                continue;
            };
            c.true_pos += 1;
            c.negation_total += 1;
            if g.negated == s.negated() {
                c.negation_right += 1;
            } else if verbose {
                println!("NEG {doc} {id} gold {} got {}", g.negated, s.negated());
            }
            if g.level.is_none() && s.level().is_some() {
                c.level_invented += 1;
            }
            if let Some(level) = g.level {
                c.level_total += 1;
                if s.level().is_some_and(|l| l.get().abs_diff(level) <= 1) {
                    c.level_right += 1;
                } else if verbose {
                    println!(
                        "LVL {doc} {id} gold {level} got {:?}",
                        s.level().map(|l| l.get())
                    );
                }
            }
            if let Some(importance) = &g.importance {
                c.importance_total += 1;
                let got = s.importance().map(|i| i.name());
                if got == Some(importance.as_str()) {
                    c.importance_right += 1;
                } else if verbose {
                    println!(
                        "IMP {doc} {id} gold {importance} got {got:?} ({})",
                        s.because()
                    );
                }
            }
        }
        for id in want.keys() {
            if found.skill(id).is_none() {
                c.false_neg += 1;
                if verbose {
                    let doubt = found
                        .uncertain()
                        .iter()
                        .find(|u| u.candidates().iter().any(|c| c.skill().as_str() == id))
                        .map(|u| format!("{:?} {:?}", u.mention().text(), u.mention().doubt()));
                    println!("FN {doc} {id} {}", doubt.unwrap_or_default());
                }
            }
        }
        let unrelated = doc.as_str() >= "028" && doc.as_str() < "041";
        if unrelated {
            c.worst_unrelated = c.worst_unrelated.max(false_here);
        }
    }
    c
}

#[test]
fn extraction_quality_on_the_labelled_corpus() {
    let catalog = Catalog::builtin();
    let verbose = std::env::var_os("EXTRACTION_VERBOSE").is_some();
    let c = measure(catalog, verbose);
    let precision = ratio(c.true_pos, c.true_pos + c.false_pos);
    let recall = ratio(c.true_pos, c.true_pos + c.false_neg);
    let f1 = 2.0 * precision * recall / (precision + recall);
    let negation = ratio(c.negation_right, c.negation_total);
    let level = ratio(c.level_right, c.level_total);
    let importance = ratio(c.importance_right, c.importance_total);
    println!(
        "skills: precision {precision:.3} recall {recall:.3} F1 {f1:.3} \
         ({} found right, {} false, {} missed)",
        c.true_pos, c.false_pos, c.false_neg
    );
    println!(
        "negation {negation:.3} ({}/{}), level within one {level:.3} ({}/{}), \
         importance {importance:.3} ({}/{}), most false skills in an unrelated posting {}; \
         a level where the gold states none: {}",
        c.negation_right,
        c.negation_total,
        c.level_right,
        c.level_total,
        c.importance_right,
        c.importance_total,
        c.worst_unrelated,
        c.level_invented
    );
    assert!(precision >= FLOOR_PRECISION, "precision {precision:.3}");
    assert!(recall >= FLOOR_RECALL, "recall {recall:.3}");
    assert!(negation >= FLOOR_NEGATION, "negation {negation:.3}");
    assert!(level >= FLOOR_LEVEL, "level {level:.3}");
    assert!(importance >= FLOOR_IMPORTANCE, "importance {importance:.3}");
    assert!(
        c.worst_unrelated <= 1,
        "false skills in an unrelated posting: {}",
        c.worst_unrelated
    );
}

// Floors: the issue's targets where they are met, else just under today's measurement so
// that a regression fails.
const FLOOR_PRECISION: f64 = 0.95;
const FLOOR_RECALL: f64 = 0.90;
const FLOOR_NEGATION: f64 = 0.85;
const FLOOR_LEVEL: f64 = 0.85;
const FLOOR_IMPORTANCE: f64 = 0.85;

// ---------------------------------------------------------------------------------------
// Behaviour pinned on small texts, hostile input and other catalogs.

#[path = "support/mod.rs"]
mod support;

use skillgap::io::MAX_EXTRACT_BYTES;
use skillgap::{Error, Importance, Profile};

fn ids(found: &skillgap::io::Extraction) -> Vec<&str> {
    found.skills().iter().map(|s| s.skill().as_str()).collect()
}

#[test]
fn the_issue_rules_on_small_texts() {
    let catalog = Catalog::builtin();
    let found = catalog
        .extract(
            "Senior ML Engineer\n\nRequirements\n- 5+ years of Python\n- Experience with \
             TensorFlow/PyTorch\n- Big Data (Hadoop, Spark)\n- No prior experience with Java \
             required\n\nNice to have\n- AWS is a plus\n\nAbout us\nWe value R&D, C-suite \
             buy-in and a Go-to-market plan. Our SQL-free perks: free lunch.",
        )
        .expect("extracts");
    assert_eq!(
        ids(&found),
        [
            "python",
            "tensorflow",
            "pytorch",
            "big-data",
            "hadoop",
            "spark",
            "java",
            "aws"
        ]
    );
    let python = found.skill("python").expect("python");
    assert_eq!(python.level().map(|l| l.get()), Some(5));
    assert_eq!(python.importance(), Some(Importance::Essential));
    assert!(found.skill("java").expect("java").negated());
    assert_eq!(found.skill("java").expect("java").importance(), None);
    assert_eq!(
        found.skill("aws").expect("aws").importance(),
        Some(Importance::Optional)
    );
    // `ML Engineer` in the title names the job: returned as uncertain, not as a skill.
    assert!(found.uncertain().iter().any(|u| u.mention().text() == "ML"));
    assert!(found.boilerplate_left_out() >= 1);
}

#[test]
fn weak_labels_need_evidence() {
    let catalog = Catalog::builtin();
    let found = catalog
        .extract("We spark joy in R&D and our C-suite. Go-to-market by Friday.")
        .expect("extracts");
    assert!(found.skills().is_empty(), "{:?}", ids(&found));
    let found = catalog
        .extract("Statistics in R, SQL and Python for data analysis.")
        .expect("extracts");
    assert_eq!(
        ids(&found),
        ["statistics", "r", "sql", "python", "data-analysis"]
    );
}

#[test]
fn spans_point_at_the_text_and_repeated_skills_are_one_result() {
    let catalog = Catalog::builtin();
    let text = "Python and PyTorch daily.\n\nWe use Docker; strong Python; basic SQL.\nSQL (4/5)";
    let found = Extractor::new(catalog)
        .kind(DocumentKind::Cv)
        .extract(text)
        .expect("extracts");
    for s in found.skills() {
        for m in s.mentions() {
            assert_eq!(&text[m.start()..m.end()], m.text());
        }
    }
    let python = found.skill("python").expect("python");
    assert_eq!(python.mentions().len(), 2);
    assert_eq!(python.level().map(|l| l.get()), Some(4));
    assert!(python.because().contains("strong"), "{}", python.because());
    let sql = found.skill("sql").expect("sql");
    assert_eq!(sql.mentions().len(), 2);
    // The strongest level wins, and says where it came from.
    assert_eq!(sql.level().map(|l| l.get()), Some(4));
    assert_eq!(sql.level_from().map(|m| m.start()), text.rfind("SQL"));
    assert_eq!(sql.importance(), None, "a CV states no importance");
    // Deterministic.
    let again = Extractor::new(catalog)
        .kind(DocumentKind::Cv)
        .extract(text)
        .expect("extracts");
    assert_eq!(found, again);
}

#[test]
fn postings_and_cvs_become_roles_and_profiles() {
    let catalog = Catalog::builtin();
    let role = catalog
        .extract("Requirements:\n- 3-5 yrs SQL\n- Python\n\nWe do not use Hadoop.")
        .expect("extracts")
        .to_role("pasted", "Pasted");
    let reqs: Vec<(&str, u8, Importance)> = role
        .requirements()
        .iter()
        .map(|r| (r.skill().as_str(), r.level().get(), r.importance()))
        .collect();
    assert_eq!(
        reqs,
        [
            ("sql", 4, Importance::Essential),
            ("python", 3, Importance::Essential)
        ]
    );
    let profile = Extractor::new(catalog)
        .kind(DocumentKind::Cv)
        .extract("I have used Python for 4 years and have no real Kubernetes experience.")
        .expect("extracts")
        .to_profile();
    let skills: Vec<&str> = profile.skills().iter().map(|s| s.name()).collect();
    assert_eq!(skills, ["python"]);
}

#[test]
fn profile_parse_reads_years_of_a_skill() {
    let catalog = Catalog::builtin();
    for (text, level) in [
        ("5 years of Python", 5),
        ("Python - 2 years", 3),
        ("3+ yrs Python", 4),
        ("Python (4 years)", 4),
    ] {
        let parsed = Profile::parse(text, catalog).expect("parses");
        let item = &parsed.items()[0];
        assert_eq!(item.skill().map(|s| s.as_str()), Some("python"), "{text}");
        assert_eq!(item.level().get(), level, "{text}");
    }
}

#[test]
fn hostile_input_is_bounded_and_never_panics() {
    let catalog = Catalog::builtin();
    // A 1 MB document: the corpus' first posting again and again.
    let doc = std::fs::read_to_string(corpus().join("docs/001-posting-ml-engineer-fintech.txt"))
        .expect("doc");
    let one = catalog.extract(&doc).expect("extracts");
    let big = doc.repeat((1 << 20) / doc.len() + 1);
    let many = catalog.extract(&big).expect("extracts");
    assert_eq!(ids(&one), ids(&many));
    // 100,000 commas between two skills.
    let commas = format!("PyTorch{}SQL", ",".repeat(100_000));
    assert_eq!(
        ids(&catalog.extract(&commas).expect("extracts")),
        ["pytorch", "sql"]
    );
    // A 1 MB word, alone and between skills.
    let word = "x".repeat(1 << 20);
    assert!(catalog
        .extract(&word)
        .expect("extracts")
        .skills()
        .is_empty());
    let text = format!("PyTorch {word} SQL");
    assert_eq!(
        ids(&catalog.extract(&text).expect("extracts")),
        ["pytorch", "sql"]
    );
    // Control characters and odd Unicode.
    let text = "Python\u{0}SQL\u{7}\u{1b}[31m Docker\r\n\u{feff}Kubernetes é\u{301} 🦀 ★★★";
    let found = catalog.extract(text).expect("extracts");
    assert_eq!(ids(&found), ["python", "sql", "docker", "kubernetes"]);
    // Over the limit: an error that says so.
    let err = Extractor::new(catalog)
        .max_bytes(10)
        .extract("Python and SQL")
        .unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: 10, .. }), "{err}");
    assert!(big.len() <= MAX_EXTRACT_BYTES);
}

#[test]
fn any_catalog_works_including_a_large_generated_one() {
    let catalog = support::vocabulary::catalog();
    let skills = catalog.skills();
    let (a, b) = (&skills[10], &skills[5000]);
    let text = format!(
        "Requirements:\n- 5+ years of {}\n\nNice to have: {} is a plus.\nNo {} needed.",
        a.name(),
        b.name(),
        skills[20].name()
    );
    let found = catalog.extract(&text).expect("extracts");
    let first = found
        .skill(a.id().as_str())
        .expect("the first label is found");
    assert_eq!(first.level().map(|l| l.get()), Some(5));
    assert_eq!(first.importance(), Some(Importance::Essential));
    let second = found
        .skill(b.id().as_str())
        .expect("the second label is found");
    assert_eq!(second.importance(), Some(Importance::Optional));
    assert!(found
        .skill(skills[20].id().as_str())
        .expect("negated")
        .negated());
    // The corpus reads against it without panicking.
    for entry in std::fs::read_dir(corpus().join("docs")).expect("docs") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("doc");
        catalog.extract(&text).expect("extracts");
    }
}
