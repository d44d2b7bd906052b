//! Plan quality and validity: the exact mode against brute force on random small catalogs,
//! the large-instance mode against the exact mode, and every plan's validity.

use proptest::prelude::*;
use skillgap::plan::Objective;
use skillgap::{
    Assessment, Catalog, Course, Importance, Level, Plan, Planner, Profile, Role, Skill,
};

mod support;

use support::Rng;

fn level(n: usize) -> Level {
    Level::new(n as u8).unwrap()
}

/// A random catalog: `skills` skills with a sparse prerequisite DAG, `courses` courses
/// teaching 1–3 skills and requiring 0–2 skills, and one role `target` with `reqs`
/// requirements; plus a profile with a few skills.
fn random_instance(seed: u64, skills: usize, courses: usize, reqs: usize) -> (Catalog, Profile) {
    let mut rng = Rng::new(seed);
    let id = |i: usize| format!("s{i:03}");
    let mut skill_list = Vec::new();
    for i in 0..skills {
        let mut s = Skill::new(id(i), format!("Skill {i}"));
        if i > 2 && rng.below(4) == 0 {
            s = s.with_prerequisite(id(rng.below(i)), level(rng.range(1, 3)));
        }
        skill_list.push(s);
    }
    let mut course_list = Vec::new();
    for c in 0..courses {
        let mut course = Course::new(format!("c{c:03}"), format!("Course {c}"))
            .with_provider("Test")
            .with_hours(rng.range(1, 100) as f64)
            .with_cost(rng.range(0, 5) as f64 * 50.0);
        let first = rng.below(skills);
        course = course.with_teaches(id(first), level(rng.range(2, 5)));
        for _ in 0..rng.below(3) {
            let s = rng.below(skills);
            if s != first {
                course = course.with_teaches(id(s), level(rng.range(2, 5)));
            }
        }
        for _ in 0..rng.below(3) {
            let s = rng.below(skills);
            if s != first {
                course = course.with_requires(id(s), level(rng.range(1, 3)));
            }
        }
        course_list.push(course);
    }
    let mut role = Role::new("target", "Target");
    let mut used = Vec::new();
    while used.len() < reqs.min(skills) {
        let s = rng.below(skills);
        if !used.contains(&s) {
            used.push(s);
            let imp = [
                Importance::Essential,
                Importance::Important,
                Importance::Optional,
            ][rng.below(3)];
            role = role.with_requirement(id(s), level(rng.range(1, 5)), imp);
        }
    }
    let catalog =
        Catalog::new(skill_list, vec![role], course_list).expect("generated catalog is valid");
    let mut profile = Profile::new();
    for _ in 0..rng.below(4) {
        profile = profile.with_skill(id(rng.below(skills)), level(rng.range(1, 4)));
    }
    (catalog, profile)
}

/// The profile's levels, one per catalog skill (by id).
fn start_levels(a: &Assessment<'_>) -> Vec<(String, f64)> {
    a.catalog()
        .skills()
        .iter()
        .map(|s| (s.id().to_string(), a.level_of(s.id().as_str())))
        .collect()
}

/// The goals a plan must meet: its gaps, minus the uncovered ones.
fn goals(plan: &Plan<'_>) -> Vec<(String, f64)> {
    plan.gaps()
        .by_priority()
        .filter(|g| {
            plan.uncovered()
                .iter()
                .all(|u| u.skill.id() != g.skill().id())
        })
        .map(|g| (g.skill().id().to_string(), g.need().as_f64()))
        .collect()
}

/// Whether `courses` (in any order) can all be taken from `start` and then meet `goals`;
/// returns the order found by taking any takeable course, lowest index first.
fn simulate(start: &[(String, f64)], courses: &[&Course], goals: &[(String, f64)]) -> bool {
    let mut level: std::collections::BTreeMap<&str, f64> =
        start.iter().map(|(s, l)| (s.as_str(), *l)).collect();
    let mut left: Vec<&Course> = courses.to_vec();
    while let Some(pos) = left.iter().position(|c| {
        c.requires()
            .iter()
            .all(|r| level.get(r.skill().as_str()).copied().unwrap_or(0.0) >= r.level().as_f64())
    }) {
        let c = left.remove(pos);
        for t in c.teaches() {
            let e = level.entry(t.skill().as_str()).or_insert(0.0);
            *e = e.max(t.level().as_f64());
        }
    }
    left.is_empty()
        && goals
            .iter()
            .all(|(s, need)| level.get(s.as_str()).copied().unwrap_or(0.0) >= *need)
}

fn objective_of(courses: &[&Course]) -> f64 {
    courses
        .iter()
        .map(|c| Objective::Hours.of(c.hours(), c.cost()))
        .sum()
}

/// Checks a plan is valid: in its order every course's requirements are met when its turn
/// comes, stages respect dependencies, and at the end every closable gap is met.
fn assert_valid(a: &Assessment<'_>, plan: &Plan<'_>) {
    let start = start_levels(a);
    let mut level: std::collections::BTreeMap<String, f64> = start.iter().cloned().collect();
    for (i, step) in plan.courses().iter().enumerate() {
        for r in step.course().requires() {
            assert!(
                level[r.skill().as_str()] >= r.level().as_f64(),
                "course {} at position {i} lacks {} {}",
                step.course().id(),
                r.skill(),
                r.level().get()
            );
        }
        for &j in step.after() {
            assert!(j < i && plan.courses()[j].stage() < step.stage());
        }
        for t in step.course().teaches() {
            let e = level.get_mut(t.skill().as_str()).unwrap();
            *e = e.max(t.level().as_f64());
        }
    }
    for (s, need) in goals(plan) {
        assert!(level[&s] >= need, "goal {s} {need} not met");
    }
    // The goals above leave out the uncovered gaps: those must be exactly the gaps no
    // plan can close.
    support::check_uncovered(a, plan);
}

fn brute_force(catalog: &Catalog, a: &Assessment<'_>, plan: &Plan<'_>) -> Option<f64> {
    let start = start_levels(a);
    let goals = goals(plan);
    let all: Vec<&Course> = catalog.courses().iter().collect();
    let mut best: Option<f64> = None;
    for mask in 0u32..(1 << all.len()) {
        let set: Vec<&Course> = (0..all.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| all[i])
            .collect();
        let cost = objective_of(&set);
        if best.is_some_and(|b| cost >= b) {
            continue;
        }
        if simulate(&start, &set, &goals) {
            best = Some(cost);
        }
    }
    best
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// The exact mode equals brute force over every subset of courses.
    #[test]
    fn exact_mode_equals_brute_force(seed in any::<u64>()) {
        let (catalog, profile) = random_instance(seed, 8, 11, 5);
        let a = catalog.assess(&profile).unwrap();
        let plan = a.plan("target").unwrap();
        prop_assert!(plan.is_optimal());
        assert_valid(&a, &plan);
        let chosen: Vec<&Course> = plan.courses().iter().map(|c| c.course()).collect();
        let best = brute_force(&catalog, &a, &plan).expect("the plan itself is feasible");
        prop_assert!((objective_of(&chosen) - best).abs() < 1e-6, "plan {} vs brute force {}", objective_of(&chosen), best);
    }

    /// Applying a plan makes the target ready, unless essential gaps are uncovered.
    #[test]
    fn applying_a_plan_makes_the_target_ready(seed in any::<u64>()) {
        let (catalog, profile) = random_instance(seed, 30, 60, 10);
        let a = catalog.assess(&profile).unwrap();
        let plan = a.plan("target").unwrap();
        assert_valid(&a, &plan);
        let after = catalog.assess(&plan.apply(&profile)).unwrap();
        let essential_uncovered = plan.uncovered().iter().any(|u| {
            catalog.requirements("target").unwrap().iter().any(|r| r.skill() == u.skill.id() && r.importance() == Importance::Essential)
        });
        if plan.uncovered().is_empty() {
            prop_assert!(after.role("target").unwrap().is_ready());
            prop_assert!(after.gaps("target").unwrap().is_empty());
        } else if !essential_uncovered {
            let ready = Planner::new(&a).scope(skillgap::plan::Scope::Ready).for_role("target").unwrap();
            prop_assert!(catalog.assess(&ready.apply(&profile)).unwrap().role("target").unwrap().is_ready() || !ready.uncovered().is_empty());
        }
    }
}

/// The large-instance mode (heuristics only) against the exact mode, on random instances
/// where the exact mode proves its optimum: within 1.005× on average and 1.03× at the 95th
/// percentile. Prints the figures.
#[test]
fn large_mode_is_close_to_exact() {
    let mut ratios = Vec::new();
    let mut seed = 1u64;
    while ratios.len() < 150 && seed < 2_000 {
        seed += 1;
        let (catalog, profile) = random_instance(seed * 7919, 40, 90, 14);
        let a = catalog.assess(&profile).unwrap();
        let exact = Planner::new(&a)
            .exact_limit(usize::MAX)
            .node_budget(5_000_000)
            .for_role("target")
            .unwrap();
        if !exact.is_optimal() || exact.courses().is_empty() {
            continue;
        }
        let large = Planner::new(&a)
            .exact_limit(0)
            .node_budget(1)
            .for_role("target")
            .unwrap();
        assert_valid(&a, &large);
        assert_eq!(large.uncovered().len(), exact.uncovered().len());
        let value = |p: &Plan<'_>| {
            p.courses()
                .iter()
                .map(|c| Objective::Hours.of(c.course().hours(), c.course().cost()))
                .sum::<f64>()
        };
        let ratio = value(&large) / value(&exact);
        assert!(
            ratio >= 1.0 - 1e-9,
            "heuristic beat a proven optimum: {ratio} (seed {seed})"
        );
        ratios.push(ratio);
    }
    assert!(ratios.len() >= 100, "too few instances: {}", ratios.len());
    ratios.sort_by(f64::total_cmp);
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    let p95 = ratios[(ratios.len() * 95).div_ceil(100) - 1];
    let exact_share =
        ratios.iter().filter(|&&r| r < 1.0 + 1e-9).count() as f64 / ratios.len() as f64;
    println!(
        "large vs exact on {} instances: mean {mean:.5}, p95 {p95:.5}, max {:.5}, optimal in {:.1}%",
        ratios.len(),
        ratios[ratios.len() - 1],
        exact_share * 100.0
    );
    assert!(mean <= 1.005, "mean ratio {mean}");
    assert!(p95 <= 1.03, "p95 ratio {p95}");
}

#[test]
fn courses_needing_each_other_are_reported_as_a_cycle() {
    let catalog = Catalog::new(
        vec![
            Skill::new("a", "A"),
            Skill::new("b", "B"),
            Skill::new("c", "C"),
        ],
        vec![Role::new("r", "R").with_requirement("a", Level::INTERMEDIATE, Importance::Essential)],
        vec![
            Course::new("ca", "Teaches A")
                .with_provider("T")
                .with_hours(5.0)
                .with_teaches("a", Level::INTERMEDIATE)
                .with_requires("b", Level::BEGINNER),
            Course::new("cb", "Teaches B")
                .with_provider("T")
                .with_hours(5.0)
                .with_teaches("b", Level::INTERMEDIATE)
                .with_requires("a", Level::BEGINNER),
        ],
    )
    .unwrap();
    let a = catalog.assess(&Profile::new()).unwrap();
    let plan = a.plan("r").unwrap();
    assert!(plan.courses().is_empty());
    let reason = plan.uncovered()[0].reason.to_string();
    assert!(reason.contains("need each other"), "{reason}");
    assert_eq!(
        plan.uncovered()[0].reason,
        skillgap::plan::UncoveredReason::CourseCycle { cycle: 0 }
    );
    // The cycle is listed once, with the plan: ca needs what cb teaches, and cb what ca
    // teaches.
    assert_eq!(plan.course_cycles(), [vec!["ca", "cb", "ca"]]);
}

#[test]
fn weekly_budget_gives_a_calendar_and_rejects_bad_budgets() {
    let catalog = Catalog::builtin();
    let a = catalog
        .assess(&Profile::new().with_skill("python", Level::BEGINNER))
        .unwrap();
    let plan = a.plan("data-scientist").unwrap();
    let schedule = plan.schedule(10.0).unwrap();
    assert_eq!(schedule.weeks as f64, (plan.total_hours() / 10.0).ceil());
    assert_eq!(schedule.courses[0].start_week, 1);
    for w in schedule.courses.windows(2) {
        assert!(w[1].start_week >= w[0].start_week && w[1].start_week <= w[0].end_week + 1);
    }
    for bad in [0.0, -3.0, f64::NAN, f64::INFINITY, 168.5, 1e-300] {
        assert!(plan.schedule(bad).is_err(), "{bad}");
    }
    assert!(plan.schedule(168.0).is_ok());
    // A budget so small that the weeks would not fit a u32 is refused, never wrapped.
    let tiny = plan.total_hours() / f64::from(u32::MAX) / 2.0;
    let e = plan.schedule(tiny).unwrap_err().to_string();
    assert!(e.contains("2³² weeks"), "{e}");
}

/// The plan for a chain of courses taking the given hours each (course `c{i}` teaches
/// `s{i}` and requires `s{i-1}`, so they come in order) scheduled at 10 hours a week: its
/// weeks, and each course's start and end week.
fn schedule_chain(hours: &[f64]) -> (u32, Vec<(u32, u32)>) {
    let skills = (0..hours.len())
        .map(|i| Skill::new(format!("s{i}"), format!("Skill {i}")))
        .collect();
    let mut role = Role::new("r", "R");
    let mut courses = Vec::new();
    for (i, &h) in hours.iter().enumerate() {
        role = role.with_requirement(format!("s{i}"), Level::BEGINNER, Importance::Essential);
        let mut course = Course::new(format!("c{i}"), format!("Course {i}"))
            .with_provider("T")
            .with_hours(h)
            .with_teaches(format!("s{i}"), Level::BEGINNER);
        if i > 0 {
            course = course.with_requires(format!("s{}", i - 1), Level::BEGINNER);
        }
        courses.push(course);
    }
    let catalog = Catalog::new(skills, vec![role], courses).unwrap();
    let a = catalog.assess(&Profile::new()).unwrap();
    let plan = a.plan("r").unwrap();
    let order: Vec<_> = plan
        .courses()
        .iter()
        .map(|c| c.course().id().as_str())
        .collect();
    let expected: Vec<_> = (0..hours.len()).map(|i| format!("c{i}")).collect();
    assert_eq!(order, expected, "{hours:?}");
    let schedule = plan.schedule(10.0).unwrap();
    let weeks = schedule
        .courses
        .iter()
        .map(|c| (c.start_week, c.end_week))
        .collect();
    (schedule.weeks, weeks)
}

#[test]
fn zero_hour_courses_are_scheduled_within_the_plan_weeks() {
    // Courses of 0 hours only: taken in week 1, and the plan lasts that week.
    assert_eq!(schedule_chain(&[0.0, 0.0]), (1, vec![(1, 1), (1, 1)]));
    // A 0-hour course after a full week is taken in that week, not in a week of its own.
    assert_eq!(
        schedule_chain(&[10.0, 0.0, 5.0]),
        (2, vec![(1, 1), (1, 1), (2, 2)])
    );
    assert_eq!(schedule_chain(&[10.0, 0.0]), (1, vec![(1, 1), (1, 1)]));

    // Every plan lasts until its last course ends, and weeks never go back.
    for hours in [
        [0.0, 10.0, 0.0],
        [10.0, 10.0, 0.0],
        [3.0, 0.0, 0.0],
        [10.0, 1e-12, 0.0],
    ] {
        let (weeks, courses) = schedule_chain(&hours);
        assert_eq!(
            Some(weeks),
            courses.last().map(|c| c.1),
            "{hours:?}: {courses:?}"
        );
        for w in courses.windows(2) {
            assert!(
                w[0].0 <= w[1].0 && w[0].1 <= w[1].1,
                "{hours:?}: {courses:?}"
            );
        }
    }
}
