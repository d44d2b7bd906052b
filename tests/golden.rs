//! The JSON shape of every serialized result, pinned: each test serializes one result and
//! compares it with `tests/golden/<name>.json`. A change of shape fails here first; when it
//! is intended, regenerate the files with `SKILLGAP_BLESS=1 cargo test --test golden` and
//! read the diff (fields may be added; none renamed or removed without a CHANGELOG line).

use std::path::PathBuf;

use serde::Serialize;
use skillgap::plan::{Objective, Planner, Scope};
use skillgap::resolve::ResolvePolicy;
use skillgap::{Catalog, Level, Policy, Profile};

/// A career changer: a software engineer with some statistics, SQL used years ago.
fn profile() -> Profile {
    Profile::new()
        .with_name("Golden")
        .with_skill("Python", Level::ADVANCED)
        .with_skill("git", Level::ADVANCED)
        .with_skill_used("SQL", Level::INTERMEDIATE, 2019)
        .with_skill("statistics", Level::BEGINNER)
        .with_skill("Haskell", Level::EXPERT)
}

fn policy() -> Policy {
    let mut policy = Policy::default();
    policy.recency = Some(skillgap::assess::Recency::new(2026));
    policy
}

/// Compares `value`'s pretty JSON with the golden file, or writes it when blessing.
#[track_caller]
fn golden(name: &str, value: &impl Serialize) {
    let json = serde_json::to_string_pretty(value).expect("serializes") + "\n";
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "golden", name]
        .iter()
        .collect::<PathBuf>()
        .with_extension("json");
    if std::env::var_os("SKILLGAP_BLESS").is_some() {
        std::fs::write(&path, &json).expect("writes the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with SKILLGAP_BLESS=1)", path.display()));
    assert!(
        json == expected,
        "{name}: the JSON differs from {}:\n{json}",
        path.display()
    );
}

#[test]
fn assessment_and_role_scores() {
    let catalog = Catalog::builtin();
    let assessment = skillgap::assess::Assessor::new(catalog)
        .policy(policy())
        .assess(&profile())
        .unwrap();
    golden("assessment", &assessment);
    golden(
        "assessment_report",
        &assessment.report().top(2).explain(1).gaps(1),
    );
    golden("role_score", &assessment.role("data-scientist").unwrap());
    golden(
        "explanation",
        &assessment.explain("data-scientist").unwrap(),
    );
    golden("gaps", &assessment.gaps("data-scientist").unwrap());
}

#[test]
fn plans_schedules_and_career() {
    let catalog = Catalog::builtin();
    let assessment = catalog.assess(&profile()).unwrap();
    let plan = Planner::new(&assessment)
        .objective(Objective::Cost)
        .for_role("machine-learning-engineer")
        .unwrap();
    golden("plan", &plan);
    golden("schedule", &plan.schedule(10.0).unwrap());
    let skills = Planner::new(&assessment)
        .for_skills(&[("TensorFlow", Level::ADVANCED), ("SQL", Level::EXPERT)])
        .unwrap();
    golden("plan_for_skills", &skills);
    let planner = Planner::new(&assessment);
    golden(
        "career_path",
        &planner.career_path("core-ml-engineer", 4).unwrap(),
    );
    golden("next_courses", &assessment.next_courses(None).unwrap());
    golden("hours_to_ready", &assessment.hours_to_ready());
}

#[test]
fn text_and_resolution() {
    let catalog = Catalog::builtin();
    let parsed = skillgap::io::ProfileParser::new(catalog)
        .parse("Python (advanced), 3 years SQL, sklearn: 2, Pythn, Haskel, stats")
        .unwrap();
    golden("parsed_profile", &parsed);
    golden("resolution_exact", &catalog.resolve("scikit learn"));
    golden("resolution_fuzzy", &catalog.resolve("tensorflw"));
    golden(
        "resolution_unknown",
        &catalog.resolve("underwater basket weaving"),
    );
}

#[test]
fn model_types_and_options_round_trip() {
    let catalog = Catalog::builtin();
    let skill = catalog.skill("deep-learning").unwrap();
    let role = catalog.role("machine-learning-engineer").unwrap();
    let course = catalog.courses().first().unwrap();
    golden("skill", skill);
    golden("role", role);
    golden("course", course);
    golden("profile", &profile());
    golden("policy", &policy());
    golden("resolve_policy", &ResolvePolicy::default());
    golden(
        "options",
        &(
            Objective::Weighted {
                hours: 1.0,
                cost: 0.1,
            },
            Scope::Ready,
        ),
    );

    let back: skillgap::Skill = round_trip(skill);
    assert_eq!(&back, skill);
    let back: skillgap::Role = round_trip(role);
    assert_eq!(&back, role);
    let back: skillgap::Course = round_trip(course);
    assert_eq!(&back, course);
    let back: Profile = round_trip(&profile());
    assert_eq!(back, profile());
    let back: Policy = round_trip(&policy());
    assert_eq!(back, policy());
    let back: ResolvePolicy = round_trip(&ResolvePolicy::default());
    assert_eq!(back, ResolvePolicy::default());
    let back: (Objective, Scope) = round_trip(&(Objective::Cost, Scope::AllGaps));
    assert_eq!(back, (Objective::Cost, Scope::AllGaps));
}

fn round_trip<T: Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}
