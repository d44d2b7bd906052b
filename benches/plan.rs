//! Planning on the ESCO-sized synthetic catalog (see `support`: 14,000 skills, 3,000 roles,
//! 5,000 courses) for a 35-skill profile.
//!
//! Targets (single thread): `plan/target_100_gaps` median ≤ 5 ms;
//! `plan/hours_to_ready_all_roles` (3,000 plans) ≤ 1 s.
//!
//! Run with `cargo bench --bench plan`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use skillgap::{Assessment, Catalog, Level, Planner};

#[path = "../tests/support/mod.rs"]
mod support;

/// A target of 100 skill levels the profile lacks and some course teaches, drawn by
/// popularity like a real role's requirements (level 3, or the highest level taught when
/// lower).
fn target(catalog: &Catalog, assessment: &Assessment<'_>, n: usize) -> Vec<(String, Level)> {
    let mut best_taught = vec![Level::NONE; catalog.skills().len()];
    for course in catalog.courses() {
        for t in course.teaches() {
            if let Some(i) = catalog.skills().iter().position(|s| s.id() == t.skill()) {
                best_taught[i] = best_taught[i].max(t.level());
            }
        }
    }
    let mut rng = support::Rng::new(support::SEED ^ 0x007A_26E7);
    let popularity = support::Zipf::new(catalog.skills().len(), 1.0, 10.0);
    let mut out: Vec<(String, Level)> = Vec::with_capacity(n);
    let mut guard = 0;
    while out.len() < n && guard < 1_000_000 {
        guard += 1;
        let i = popularity.sample(&mut rng);
        let skill = &catalog.skills()[i];
        let level = best_taught[i].min(Level::INTERMEDIATE);
        if level == Level::NONE || out.iter().any(|(s, _)| s == skill.id().as_str()) {
            continue;
        }
        if assessment.level_of(skill.id().as_str()) >= level.as_f64() {
            continue;
        }
        out.push((skill.id().to_string(), level));
    }
    out
}

fn bench(c: &mut Criterion) {
    let synthetic = support::Synthetic::esco();
    let profile = support::profile(&synthetic.skills, 35, support::SEED);
    let catalog = synthetic.into_catalog();
    let assessment = catalog.assess(&profile).expect("valid policy");
    let goals = target(&catalog, &assessment, 100);
    let refs: Vec<(&str, Level)> = goals.iter().map(|(s, l)| (s.as_str(), *l)).collect();
    let plan = Planner::new(&assessment)
        .for_skills(&refs)
        .expect("known skills");
    println!(
        "target: {} skill levels, {} gaps with implied prerequisites; plan: {} courses in {} stages, {:.0} hours, {} uncovered, proven optimal: {}",
        refs.len(),
        plan.gaps().len(),
        plan.courses().len(),
        plan.stage_count(),
        plan.total_hours(),
        plan.uncovered().len(),
        plan.is_optimal()
    );
    let ready = assessment.hours_to_ready();
    let reachable = ready.iter().filter(|r| r.hours.is_some()).count();
    println!(
        "hours to ready: {} roles, {} reachable, soonest {:?} h",
        ready.len(),
        reachable,
        ready.first().and_then(|r| r.hours)
    );

    let mut group = c.benchmark_group("plan");
    group.bench_function("target_100_gaps", |b| {
        b.iter(|| {
            let plan = Planner::new(black_box(&assessment))
                .for_skills(black_box(&refs))
                .expect("known skills");
            black_box(plan.total_hours())
        })
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("hours_to_ready_all_roles", |b| {
        b.iter(|| black_box(black_box(&assessment).hours_to_ready().len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
