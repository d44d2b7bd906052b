//! The built-in catalog: its contents, and known profiles with their expected ranking,
//! gaps and plans.

use skillgap::model::{Credential, DegreeLevel};
use skillgap::{Catalog, Level, Profile};

const ROLES: [&str; 7] = [
    "applied-ml-engineer",
    "core-ml-engineer",
    "data-science-engineer",
    "data-scientist",
    "machine-learning-engineer",
    "ml-software-engineer",
    "software-engineer",
];

fn sample(name: &str) -> Profile {
    let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn has_the_seed_roles_skills_and_courses() {
    let c = Catalog::builtin();
    let ids: Vec<&str> = c.roles().iter().map(|r| r.id().as_str()).collect();
    assert_eq!(ids, ROLES);
    assert!(c.courses().len() >= 40);
    assert!(c.skills().len() >= 50);
    for name in [
        "Python",
        "TensorFlow",
        "PyTorch",
        "sklearn",
        "Spark",
        "Hadoop",
        "Docker",
        "Kubernetes",
        "AWS",
        "Tableau",
        "Matplotlib",
        "SQL",
        "Git",
        "linear algebra",
        "Bayesian statistics",
        "data modeling",
        "communication",
        "teamwork",
        "Redshift",
        "BigQuery",
        "C++",
        "R",
        "Java",
    ] {
        assert!(c.resolve_skill(name).is_some(), "{name} does not resolve");
    }
    for course in c.courses() {
        assert!(
            !course.provider().is_empty() && course.hours() > 0.0 && !course.teaches().is_empty()
        );
    }
    // The core ML engineer builds on both career paths the seeds describe.
    let core = c.role("core-ml-engineer").unwrap();
    assert_eq!(
        core.extends(),
        ["ml-software-engineer", "applied-ml-engineer"]
    );
    let reqs = c.requirements("core-ml-engineer").unwrap();
    for parent in ["ml-software-engineer", "applied-ml-engineer"] {
        for r in c.requirements(parent).unwrap() {
            let merged = reqs.iter().find(|q| q.skill() == r.skill()).unwrap();
            assert!(merged.level() >= r.level() && merged.importance() >= r.importance());
        }
    }
}

#[test]
fn every_role_is_closable_from_an_empty_profile() {
    let c = Catalog::builtin();
    let a = c.assess(&Profile::new()).unwrap();
    for role in ROLES {
        let plan = a.plan(role).unwrap();
        assert!(
            plan.uncovered().is_empty(),
            "{role}: {:?}",
            plan.uncovered()
        );
        assert!(!plan.courses().is_empty());
        let gaps = a.gaps(role).unwrap();
        let closed: usize = plan.courses().iter().map(|p| p.closes().len()).sum();
        assert_eq!(
            closed,
            gaps.len(),
            "{role}: every gap is closed exactly once"
        );
    }
}

#[test]
fn data_scientist_sample_ranks_data_scientist_first() {
    let c = Catalog::builtin();
    let a = c.assess(&sample("data-scientist")).unwrap();
    let ranking: Vec<&str> = a.roles().iter().map(|r| r.role().id().as_str()).collect();
    assert_eq!(
        ranking,
        [
            "data-scientist",
            "data-science-engineer",
            "applied-ml-engineer",
            // The machine learning engineer prefers a master's degree, which the sample
            // does not hold: the preference weighs in its readiness.
            "core-ml-engineer",
            "machine-learning-engineer",
            "ml-software-engineer",
            "software-engineer"
        ]
    );
    assert!(a.roles()[0].is_ready());
    assert!(a.warnings().is_empty(), "{:?}", a.warnings());
    let gaps = a.gaps("machine-learning-engineer").unwrap();
    let top: Vec<&str> = gaps
        .by_priority()
        .take(3)
        .map(|g| g.skill().id().as_str())
        .collect();
    // calculus is implied through neural-networks by deep-learning (essential) and ties
    // with it at priority 1; ties go by id.
    assert_eq!(top, ["calculus", "deep-learning", "model-deployment"]);
    let implied_by = |skill: &str| -> Vec<String> {
        let gap = gaps.get(skill).unwrap();
        gap.implied_by().map(|s| s.id().to_string()).collect()
    };
    assert_eq!(implied_by("calculus"), ["neural-networks"]);
    assert_eq!(implied_by("neural-networks"), ["deep-learning"]);
    let plan = a.plan("machine-learning-engineer").unwrap();
    assert!(plan.uncovered().is_empty());
    assert!(plan.total_hours() > 0.0);
}

#[test]
fn software_engineer_sample_fits_software_engineering() {
    let c = Catalog::builtin();
    let a = c.assess(&sample("software-engineer")).unwrap();
    assert_eq!(a.best().unwrap().role().id(), "software-engineer");
    assert!(a.best().unwrap().is_ready());
}

#[test]
fn newcomer_sample_warns_about_unknown_skills() {
    let c = Catalog::builtin();
    let a = c.assess(&sample("newcomer")).unwrap();
    let text: Vec<String> = a.warnings().iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|w| w.contains("Excel wizardry")),
        "{text:?}"
    );
}

#[test]
fn output_is_deterministic() {
    let c = Catalog::builtin();
    let p = sample("data-scientist");
    let run = || {
        let a = c.assess(&p).unwrap();
        let scores: Vec<(String, u64)> = a
            .roles()
            .iter()
            .map(|r| (r.role().id().to_string(), r.score().to_bits()))
            .collect();
        let plan = a.plan("core-ml-engineer").unwrap();
        let courses: Vec<String> = plan
            .courses()
            .iter()
            .map(|c| c.course().id().to_string())
            .collect();
        (scores, courses)
    };
    let first = run();
    for _ in 0..5 {
        assert_eq!(run(), first);
    }
}

#[test]
fn an_expert_in_everything_is_ready_for_every_role() {
    let c = Catalog::builtin();
    let mut p = Profile::new();
    for s in c.skills() {
        p = p.with_skill(s.id().as_str(), Level::EXPERT);
    }
    // Every credential of the catalog too: a doctorate satisfies its degree requirements.
    let p = p.with_credential(Credential::degree(
        DegreeLevel::Doctorate,
        ["computer science", "data science"],
    ));
    let a = c.assess(&p).unwrap();
    for r in a.roles() {
        assert!(r.is_ready());
        assert_eq!(r.score(), 1.0);
        assert!(a.plan(r.role().id().as_str()).unwrap().is_empty());
    }
}
