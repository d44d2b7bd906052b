//! Assessment on an ESCO-sized synthetic catalog (see `support`): 14,000 skills, 3,000
//! roles with ~100,000 requirements, 5,000 courses, and a profile of 35 skills.
//!
//! Target (single thread): `assess/score_all_roles_and_gaps_of_best_10` median ≤ 20 µs.
//!
//! Run with `cargo bench --bench assess` (about 25 s once built).

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};
use skillgap::{Catalog, Profile};

#[path = "../tests/support/mod.rs"]
mod support;

/// Skills in the benchmark profile.
const PROFILE_SKILLS: usize = 35;

/// Roles whose gaps the headline bench computes.
const BEST: usize = 10;

/// The headline workload: score every role, then the gaps toward the 10 best in learning
/// order. Returns a checksum so nothing can be optimised away.
fn score_and_gaps(catalog: &Catalog, profile: &Profile) -> usize {
    let assessment = catalog
        .assess(profile)
        .expect("the default policy is valid");
    let mut seen = 0;
    for rs in assessment.top(BEST) {
        let gaps = assessment.gaps_for(&rs).expect("the role exists");
        for gap in gaps.in_learning_order() {
            black_box(gap);
            seen += 1;
        }
    }
    seen
}

/// Prints the shape of the catalog and of the workload once, and checks that the
/// generator produced what the numbers claim.
fn describe(catalog: &Catalog, own_requirements: usize, profile: &Profile) {
    let mut effective = 0;
    let mut roles_per_skill: HashMap<String, usize> = HashMap::new();
    for r in catalog.roles() {
        for q in catalog.requirements(r.id().as_str()).expect("known") {
            effective += 1;
            *roles_per_skill.entry(q.skill().to_string()).or_default() += 1;
        }
    }
    let mut popularity: Vec<usize> = roles_per_skill.into_values().collect();
    popularity.sort_unstable_by(|a, b| b.cmp(a));
    let extending = catalog
        .roles()
        .iter()
        .filter(|r| !r.extends().is_empty())
        .count();
    let prerequisites: usize = catalog.skills().iter().map(|s| s.requires().len()).sum();
    let related: usize = catalog.skills().iter().map(|s| s.related().len()).sum();
    let aliases: usize = catalog.skills().iter().map(|s| s.aliases().len()).sum();
    let assessment = catalog
        .assess(profile)
        .expect("the default policy is valid");
    assert!(
        assessment.warnings().is_empty(),
        "every profile skill resolves: {:?}",
        assessment.warnings()
    );
    let scored = assessment
        .roles()
        .iter()
        .filter(|r| r.score() > 0.0)
        .count();
    let gaps: Vec<usize> = assessment
        .roles()
        .iter()
        .take(BEST)
        .map(|rs| {
            assessment
                .gaps(rs.role().id().as_str())
                .expect("known")
                .len()
        })
        .collect();
    let best = assessment.best().expect("the catalog has roles");
    eprintln!(
        "synthetic catalog: {} skills ({aliases} aliases, {prerequisites} prerequisite edges, \
         {related} related pairs), {} roles ({extending} extending another; {own_requirements} \
         own requirements, {effective} effective), {} courses",
        catalog.skills().len(),
        catalog.roles().len(),
        catalog.courses().len(),
    );
    eprintln!(
        "skills required by roles: {}; the most required is in {} roles, the median one in {}",
        popularity.len(),
        popularity[0],
        popularity[popularity.len() / 2],
    );
    eprintln!(
        "profile: {} skills, {} levels counted after transfer; {scored} roles score > 0; \
         best {:.3}; gaps of the {BEST} best roles: {gaps:?}",
        profile.skills().len(),
        assessment.levels().count(),
        best.score(),
    );
}

fn assess(c: &mut Criterion) {
    let synthetic = support::Synthetic::esco();
    let own_requirements = synthetic.own_requirements();
    let catalog = synthetic.catalog();
    let profile = support::profile(catalog.skills(), PROFILE_SKILLS, support::SEED);
    describe(&catalog, own_requirements, &profile);

    let mut group = c.benchmark_group("assess");
    group
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .sample_size(100);
    group.bench_function("score_all_roles_and_gaps_of_best_10", |b| {
        b.iter(|| score_and_gaps(black_box(&catalog), black_box(&profile)));
    });
    group.bench_function("score_all_roles", |b| {
        b.iter(|| black_box(&catalog).assess(black_box(&profile)));
    });

    // ~0.1 s per build: few, flat samples.
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(10);
    group.bench_function("catalog_build", |b| {
        b.iter_batched(
            || {
                (
                    synthetic.skills.clone(),
                    synthetic.roles.clone(),
                    synthetic.courses.clone(),
                )
            },
            |(skills, roles, courses)| Catalog::new(skills, roles, courses),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, assess);
criterion_main!(benches);
