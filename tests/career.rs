//! What to learn next: objectives, skill targets, what-if profiles, next courses, hours to
//! ready and career paths.

use skillgap::plan::{Objective, Scope};
use skillgap::{Catalog, Error, Level, Planner, Profile};

fn fixture() -> Catalog {
    Catalog::from_json(include_str!("fixtures/small.json")).unwrap()
}

#[test]
fn cost_objective_prefers_cheap_courses() {
    let catalog = fixture();
    let a = catalog
        .assess(&Profile::new().with_skill("python", Level::BEGINNER))
        .unwrap();
    // python to 4: only py-adv teaches it (cost 50); ml 3 costs 100 either way.
    let by_hours = Planner::new(&a)
        .for_skills(&[("tensorflow", Level::BEGINNER)])
        .unwrap();
    let by_cost = Planner::new(&a)
        .objective(Objective::Cost)
        .for_skills(&[("TF", Level::BEGINNER)])
        .unwrap();
    // tf-course (12 h, free) needs python 3 → py-adv (20 h, 50); tf-cheap (5 h, free)
    // needs ml 3 → ml-course (30 h, 100) + stats-101 (15 h) + py-adv.
    let ids = |p: &skillgap::Plan<'_>| {
        p.courses()
            .iter()
            .map(|c| c.course().id().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&by_hours), ["py-adv", "tf-course"]);
    assert_eq!(by_hours.total_hours(), 32.0);
    assert_eq!(ids(&by_cost), ["py-adv", "tf-course"]);
    assert_eq!(by_cost.total_cost(), 50.0);
    assert!(by_hours.target().is_none());
    let e = Planner::new(&a)
        .for_skills(&[("tensorflw", Level::BEGINNER)])
        .unwrap_err();
    assert!(e.to_string().contains("did you mean `tensorflow`"), "{e}");
    let bad = Planner::new(&a)
        .objective(Objective::Weighted {
            hours: -1.0,
            cost: 1.0,
        })
        .for_role("mle");
    assert!(matches!(bad, Err(Error::InvalidArgument { .. })));
}

#[test]
fn ready_scope_closes_only_essentials_and_applying_makes_the_role_ready() {
    let catalog = fixture();
    let profile = Profile::new().with_skill("python", Level::INTERMEDIATE);
    let a = catalog.assess(&profile).unwrap();
    let ready = Planner::new(&a)
        .scope(Scope::Ready)
        .for_role("mle")
        .unwrap();
    let ids: Vec<&str> = ready
        .courses()
        .iter()
        .map(|c| c.course().id().as_str())
        .collect();
    // Essentials: python 4 and ml 3 (with its prerequisite stats 2).
    // stats (implied by ml, so weighted as essential: priority 1) before python (.25).
    assert_eq!(ids, ["stats-101", "py-adv", "ml-course"]);
    let after = ready.apply(&profile);
    let reassessed = catalog.assess(&after).unwrap();
    assert!(reassessed.role("mle").unwrap().is_ready());
    assert_eq!(reassessed.level_of("python"), 4.0);
    assert_eq!(reassessed.level_of("ml"), 3.0);
    // Entries the plan does not raise are kept as they were.
    let p = Profile::new()
        .with_name("Ada")
        .with_skill("Py", Level::EXPERT);
    let applied = Planner::new(&catalog.assess(&p).unwrap())
        .for_role("analyst")
        .unwrap()
        .apply(&p);
    assert_eq!(applied.name(), Some("Ada"));
    assert_eq!(applied.skills()[0].name(), "Py");
}

#[test]
fn next_courses_rank_takeable_courses_by_gain_per_hour() {
    let catalog = fixture();
    let a = catalog
        .assess(&Profile::new().with_skill("python", Level::INTERMEDIATE))
        .unwrap();
    let next = a.next_courses(Some("mle")).unwrap();
    let ids: Vec<&str> = next.iter().map(|n| n.course.id().as_str()).collect();
    // ml-course needs stats 2 and tf-cheap needs ml 3: not takeable yet. py-basics
    // teaches nothing new.
    assert_eq!(ids, ["tf-course", "stats-101", "py-adv"]);
    // mle weights: python 1 (essential), stats .6, ml 1, pytorch .6, tensorflow .3 → 3.5.
    // tf-course: tensorflow 0 → 3 (need 2): .3, and by transfer pytorch 1.5 of 2: .6 × .75;
    // over 3.5, in 12 h.
    assert!((next[0].gain - 0.75 / 3.5).abs() < 1e-12);
    assert!((next[0].gain_per_hour - 0.75 / 3.5 / 12.0).abs() < 1e-12);
    // stats-101: 0 → 3: .6 / 3.5 over 15 h; py-adv: 3 → 4: 1 × 1/4 / 3.5 over 20 h.
    assert!((next[1].gain - 0.6 / 3.5).abs() < 1e-12);
    assert!((next[2].gain - 0.25 / 3.5).abs() < 1e-12);
    // Across all roles, stats-101 helps the analyst most (.6 × 1 / 1.6).
    let any = a.next_courses(None).unwrap();
    let stats = any.iter().find(|n| n.course.id() == "stats-101").unwrap();
    assert_eq!(stats.role.id(), "analyst");
    assert!((stats.gain - 0.6 / 1.6).abs() < 1e-12);
    assert!(a.next_courses(Some("nope")).is_err());
}

#[test]
fn hours_to_ready_ranks_roles_soonest_first() {
    let catalog = fixture();
    let a = catalog.assess(&Profile::new()).unwrap();
    let ranking = a.hours_to_ready();
    let rows: Vec<(&str, Option<f64>)> = ranking
        .iter()
        .map(|r| (r.role.id().as_str(), r.hours))
        .collect();
    // analyst needs python 3 (py-basics + py-adv = 30 h); mle needs python 4, ml 3 and
    // stats 2 as ml's prerequisite: 30 + 15 + 30.
    assert_eq!(rows, [("analyst", Some(30.0)), ("mle", Some(75.0))]);
}

#[test]
fn career_path_uses_stepping_stones_on_the_way() {
    let catalog = fixture();
    let a = catalog.assess(&Profile::new()).unwrap();
    let path = Planner::new(&a).career_path("mle", 5).unwrap();
    let steps: Vec<(&str, f64)> = path
        .steps
        .iter()
        .map(|s| (s.role.id().as_str(), s.hours))
        .collect();
    // The analyst role is on the way: 30 h to it, then 45 h more; 75 h either way.
    assert_eq!(steps, [("analyst", 30.0), ("mle", 45.0)]);
    assert_eq!(path.total_hours, 75.0);
    assert_eq!(path.direct_hours, 75.0);
    let why = path.explanations();
    assert_eq!(why.len(), 1);
    assert!(
        why[0].contains("ready for Analyst after 30 hours"),
        "{}",
        why[0]
    );
    assert!(Planner::new(&a).career_path("nobody", 5).is_err());
}

#[test]
fn builtin_hours_to_ready_covers_every_role() {
    let catalog = Catalog::builtin();
    let a = catalog
        .assess(&Profile::new().with_skill("python", Level::INTERMEDIATE))
        .unwrap();
    let ranking = a.hours_to_ready();
    assert_eq!(ranking.len(), catalog.roles().len());
    for pair in ranking.windows(2) {
        assert!(pair[0].hours.unwrap() <= pair[1].hours.unwrap());
    }
    for r in &ranking {
        let plan = Planner::new(&a)
            .scope(Scope::Ready)
            .for_role(r.role.id().as_str())
            .unwrap();
        let after = catalog
            .assess(&plan.apply(&Profile::new().with_skill("python", Level::INTERMEDIATE)))
            .unwrap();
        assert!(
            after.role(r.role.id().as_str()).unwrap().is_ready(),
            "{}",
            r.role.id()
        );
    }
}

/// A skill named twice (by id and by alias) is one target at the higher level.
#[test]
fn skill_targets_named_twice_merge() {
    let catalog = fixture();
    let a = catalog.assess(&Profile::new()).unwrap();
    let plan = Planner::new(&a)
        .for_skills(&[("python", Level::BEGINNER), ("py", Level::ADVANCED)])
        .unwrap();
    let gaps: Vec<(String, Level)> = plan
        .gaps()
        .by_priority()
        .map(|g| (g.skill().id().to_string(), g.need()))
        .collect();
    assert_eq!(gaps, [("python".to_string(), Level::ADVANCED)]);
}
