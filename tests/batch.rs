//! Many profiles at once: batches equal one-at-a-time assessment whatever the thread
//! count, reverse matching equals a full sort, and cohort analysis gives hand-worked
//! results.

use proptest::prelude::*;
use proptest::test_runner::Config;
use skillgap::assess::{Assessor, BatchOptions};
use skillgap::{Catalog, Course, Importance, Level, Profile, Role, Skill};

mod support;

fn config() -> Config {
    Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Random profiles over the built-in catalog's skills (some named by name, some by id,
/// a few unknown), some with names.
fn profiles() -> impl Strategy<Value = Vec<Profile>> {
    let n = Catalog::builtin().skills().len();
    let entry = (0..n + 3, 0u8..=5, any::<bool>());
    let profile = (
        prop::collection::vec(entry, 0..12),
        prop::option::of(0u8..4),
    );
    prop::collection::vec(profile, 0..40).prop_map(move |list| {
        list.into_iter()
            .map(|(entries, name)| {
                let mut p = Profile::new();
                if let Some(name) = name {
                    p = p.with_name(format!("member-{name}"));
                }
                for (i, level, by_name) in entries {
                    let level = Level::new(level).unwrap();
                    p = match Catalog::builtin().skills().get(i) {
                        Some(s) if by_name => p.with_skill(s.name(), level),
                        Some(s) => p.with_skill(s.id().as_str(), level),
                        None => p.with_skill(format!("unknown skill {i}"), level),
                    };
                }
                p
            })
            .collect()
    })
}

/// Runs `f` on a rayon pool of `threads` threads (with the `parallel` feature).
fn on_threads<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    #[cfg(feature = "parallel")]
    {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(f)
    }
    #[cfg(not(feature = "parallel"))]
    {
        let _ = threads;
        f()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn batches_equal_one_at_a_time(profiles in profiles(), top in 0usize..9, gaps in 0usize..4) {
        let catalog = Catalog::builtin();
        let assessor = Assessor::new(catalog);
        let options = BatchOptions::new().top(top).gaps(gaps);
        let one: Vec<_> = profiles.iter().map(|p| assessor.assess_one(p, options).unwrap()).collect();
        for threads in [1, 4] {
            let batch = on_threads(threads, || assessor.assess_batch(&profiles, options));
            let batch: Vec<_> = batch.into_iter().map(Result::unwrap).collect();
            prop_assert_eq!(&batch, &one);
        }
        let streamed: Vec<_> = assessor
            .assess_stream(profiles.clone(), options)
            .map(Result::unwrap)
            .collect();
        prop_assert_eq!(&streamed, &one);
        for (p, result) in profiles.iter().zip(&one) {
            let a = catalog.assess(p).unwrap();
            prop_assert_eq!(result.roles(), &a.top(top)[..]);
            prop_assert_eq!(result.gaps().len(), gaps.min(top));
            for (score, g) in result.roles().iter().zip(result.gaps()) {
                prop_assert_eq!(g, &a.gaps_for(score).unwrap());
            }
            prop_assert_eq!(result.warnings(), a.warnings());
        }
    }

    #[test]
    fn cohort_analysis_is_the_same_on_any_number_of_threads(profiles in profiles()) {
        let catalog = Catalog::builtin();
        let assessor = Assessor::new(catalog);
        let analyse = || {
            let cohort = assessor.cohort(&profiles).unwrap();
            catalog
                .roles()
                .iter()
                .map(|role| {
                    let common = cohort.common_gaps(role.id(), 10).unwrap();
                    let plan = cohort.training_plan(role.id()).unwrap();
                    let next = cohort.next_course_for_most(role.id()).unwrap();
                    serde_json::to_string(&(common, plan, next)).unwrap()
                })
                .collect::<Vec<_>>()
        };
        let one = on_threads(1, analyse);
        prop_assert_eq!(on_threads(4, analyse), one);
    }

    #[test]
    fn reverse_matching_equals_a_full_sort(profiles in profiles(), k in 0usize..50) {
        let catalog = Catalog::builtin();
        let cohort = Assessor::new(catalog).cohort(&profiles).unwrap();
        for role in catalog.roles() {
            let ranked = cohort.rank(role.id(), k).unwrap();
            let mut all: Vec<(f64, Option<String>, usize, bool)> = profiles
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let s = catalog.assess(p).unwrap().role(role.id()).unwrap();
                    (s.score(), p.name().map(str::to_string), i, s.is_ready())
                })
                .collect();
            // Best first: score descending, then named before unnamed by name, then position.
            all.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then((a.1.is_none(), &a.1).cmp(&(b.1.is_none(), &b.1)))
                    .then(a.2.cmp(&b.2))
            });
            all.truncate(k);
            let got: Vec<_> = ranked
                .iter()
                .map(|c| (c.score, c.name.clone(), c.member, c.ready))
                .collect();
            prop_assert_eq!(got, all);
        }
    }
}

/// A small catalog worked by hand: role `analyst` needs sql 3 (essential), excel 2
/// (important), stats 2 (optional); stats requires math 1.
fn small() -> Catalog {
    Catalog::new(
        vec![
            Skill::new("sql", "SQL"),
            Skill::new("excel", "Excel"),
            Skill::new("math", "Math"),
            Skill::new("stats", "Statistics").with_prerequisite("math", Level::AWARENESS),
        ],
        vec![Role::new("analyst", "Analyst")
            .with_requirement("sql", Level::INTERMEDIATE, Importance::Essential)
            .with_requirement("excel", Level::BEGINNER, Importance::Important)
            .with_requirement("stats", Level::BEGINNER, Importance::Optional)],
        vec![
            Course::new("sql-course", "SQL")
                .with_provider("P")
                .with_hours(10.0)
                .with_teaches("sql", Level::INTERMEDIATE),
            Course::new("excel-course", "Excel")
                .with_provider("P")
                .with_hours(5.0)
                .with_teaches("excel", Level::BEGINNER),
            Course::new("stats-course", "Stats")
                .with_provider("P")
                .with_hours(10.0)
                .with_teaches("stats", Level::BEGINNER)
                .with_requires("math", Level::AWARENESS),
            Course::new("math-course", "Math")
                .with_provider("P")
                .with_hours(2.0)
                .with_teaches("math", Level::AWARENESS),
        ],
    )
    .unwrap()
}

/// ana: sql 3, excel 2 (ready; misses stats and math). bo: excel 2 (not ready: sql).
/// cy: nothing (not ready: sql).
fn members() -> Vec<Profile> {
    vec![
        Profile::new()
            .with_name("ana")
            .with_skill("sql", Level::INTERMEDIATE)
            .with_skill("excel", Level::BEGINNER),
        Profile::new()
            .with_name("bo")
            .with_skill("excel", Level::BEGINNER),
        Profile::new().with_name("cy"),
    ]
}

#[test]
fn cohort_readiness_and_common_gaps_by_hand() {
    let catalog = small();
    let profiles = members();
    let cohort = Assessor::new(&catalog).cohort(&profiles).unwrap();
    // Weights 1, 0.6, 0.3 (total 1.9): ana 1.6/1.9, bo 0.6/1.9, cy 0.
    let readiness = cohort.readiness("analyst").unwrap();
    assert_eq!((readiness.members, readiness.ready), (3, 1));
    let q = readiness.scores;
    assert!((q.max - 1.6 / 1.9).abs() < 1e-9 && q.min == 0.0);
    assert!((q.median - 0.6 / 1.9).abs() < 1e-9);

    let common = cohort.common_gaps("analyst", 10).unwrap();
    let rows: Vec<(&str, usize, usize)> = common
        .iter()
        .map(|g| (g.skill.id().as_str(), g.members, g.blocks))
        .collect();
    // sql: bo and cy, priority 1 each (weight 2), blocking both. stats: all three, 0.3
    // each (0.9). math: implied by stats for all three, 0.3 each (0.9), ties by id.
    // excel: cy, 0.6.
    assert_eq!(
        rows,
        [
            ("sql", 2, 2),
            ("math", 3, 0),
            ("stats", 3, 0),
            ("excel", 1, 0)
        ]
    );
    assert!((common[0].weight - 2.0).abs() < 1e-9);
    assert!((common[1].weight - 0.9).abs() < 1e-9);

    let best = cohort.rank("analyst", 2).unwrap();
    let names: Vec<Option<&str>> = best.iter().map(|c| c.name.as_deref()).collect();
    assert_eq!(names, [Some("ana"), Some("bo")]);
}

#[test]
fn team_training_plan_by_hand() {
    let catalog = small();
    let profiles = members();
    let cohort = Assessor::new(&catalog).cohort(&profiles).unwrap();
    let plan = cohort.training_plan("analyst").unwrap();
    let steps: Vec<(&str, Vec<usize>, usize)> = plan
        .steps
        .iter()
        .map(|s| (s.course.id().as_str(), s.takers.clone(), s.gaps_closed))
        .collect();
    // Per hour: sql 2.0/10 = 0.2; excel 0.6/5 = 0.12; math 0.9/2 = 0.45 (everyone lacks
    // math, implied by stats); stats is not takeable before math. After math: stats
    // 0.9/10 = 0.09. Order: math, sql, excel, stats.
    assert_eq!(
        steps,
        [
            ("math-course", vec![0, 1, 2], 3),
            ("sql-course", vec![1, 2], 2),
            ("excel-course", vec![2], 1),
            ("stats-course", vec![0, 1, 2], 3),
        ]
    );
    assert_eq!((plan.gaps, plan.open_gaps), (9, 0));
    assert_eq!(
        plan.member_hours(),
        2.0 * 3.0 + 10.0 * 2.0 + 5.0 + 10.0 * 3.0
    );

    // The SQL course alone makes bo and cy... bo ready (cy still lacks nothing essential
    // but sql, so cy too): both miss only sql among essentials.
    let next = cohort.next_course_for_most("analyst").unwrap().unwrap();
    assert_eq!(next.course.id().as_str(), "sql-course");
    assert_eq!(next.members, [1, 2]);

    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["steps"][0]["course"], "math-course");
    assert_eq!(json["open_gaps"], 0);
}

#[test]
fn a_member_without_the_requirements_of_a_course_is_left_open() {
    // stats-course requires math; with no math course, nobody can take it.
    let catalog = small();
    let without_math = Catalog::new(
        catalog.skills().to_vec(),
        catalog.roles().to_vec(),
        catalog
            .courses()
            .iter()
            .filter(|c| c.id().as_str() != "math-course")
            .cloned()
            .collect(),
    )
    .unwrap();
    let profiles = members();
    let cohort = Assessor::new(&without_math).cohort(&profiles).unwrap();
    let plan = cohort.training_plan("analyst").unwrap();
    assert!(plan
        .steps
        .iter()
        .all(|s| s.course.id().as_str() != "stats-course"));
    // Open: math and stats for each of the three.
    assert_eq!(plan.open_gaps, 6);
}

/// Past one chunk of members (common gaps are tallied 4,096 members at a time): the
/// common gaps of 5,000 members equal the tally of each member's own assessment's gaps,
/// summed in member order.
#[test]
fn common_gaps_of_a_large_cohort_equal_each_members_gaps_summed() {
    let catalog = Catalog::builtin();
    let skills = catalog.skills();
    let mut rng = support::Rng::new(support::SEED);
    let profiles: Vec<Profile> = (0..5_000)
        .map(|_| {
            (0..rng.below(12)).fold(Profile::new(), |p, _| {
                let level = Level::new(rng.range(1, 5) as u8).unwrap();
                p.with_skill(skills[rng.below(skills.len())].id().as_str(), level)
            })
        })
        .collect();
    let cohort = Assessor::new(catalog).cohort(&profiles).unwrap();
    for role in catalog.roles() {
        let essential: Vec<String> = catalog
            .requirements(role.id())
            .unwrap()
            .iter()
            .filter(|q| q.importance() == Importance::Essential)
            .map(|q| q.skill().to_string())
            .collect();
        let mut tally: std::collections::BTreeMap<String, (usize, f64, usize)> = Default::default();
        for p in &profiles {
            for gap in &catalog.assess(p).unwrap().gaps(role.id()).unwrap() {
                let id = gap.skill().id().to_string();
                let blocks = !gap.is_implied() && essential.contains(&id);
                let entry = tally.entry(id).or_default();
                entry.0 += 1;
                entry.1 += gap.priority();
                entry.2 += usize::from(blocks);
            }
        }
        let common = cohort.common_gaps(role.id(), usize::MAX).unwrap();
        assert_eq!(common.len(), tally.len(), "role {}", role.id());
        for c in common {
            let expected = tally[c.skill.id().as_str()];
            assert_eq!(
                (c.members, c.weight, c.blocks),
                expected,
                "{}",
                c.skill.id()
            );
        }
    }
}
