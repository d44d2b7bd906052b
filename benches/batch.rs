//! Many profiles at once on the ESCO-sized synthetic catalog (see `support`), with
//! profiles that cluster around roles as real people's do: each starts from a role's
//! requirements (about 70% of them, at levels around the one asked), adds skills of a
//! second role and a few popular ones, and names them as people do.
//!
//! Targets: batch throughput of "score every role, top 10, gaps of the 10" ≥ 100,000
//! profiles/s on 2 threads; reverse matching of 100,000 profiles for one role ≤ 50 ms;
//! cohort analysis of 10,000 profiles including the training plan ≤ 1 s.
//!
//! The same batch work also runs on the official ESCO release when it is present (with
//! the `esco` feature; `../shared/data/esco-v1.1.1` beside the crate, or wherever
//! `SKILLGAP_ESCO_DIR` points), on profiles built from real occupations: about 70% of an
//! occupation's skills at levels around the one asked, each named by its preferred or an
//! alternative label, and about five skills from each of two earlier jobs.
//!
//! Run with `cargo bench --bench batch --features parallel` (threads: rayon's default, one
//! per core; the `threads_1` cases pin one thread), adding `esco` for the release.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use skillgap::assess::{Assessor, BatchOptions, Cohort};
use skillgap::{Catalog, Level, Profile};

#[path = "../tests/support/mod.rs"]
mod support;

/// `n` profiles clustered around the catalog's roles.
fn clustered(catalog: &Catalog, n: usize, seed: u64) -> Vec<Profile> {
    let mut rng = support::Rng::new(seed);
    let roles = catalog.roles();
    let skills = catalog.skills();
    (0..n)
        .map(|i| {
            let mut profile = Profile::new().with_name(format!("p{i:07}"));
            let home = &roles[rng.below(roles.len())];
            let other = &roles[rng.below(roles.len())];
            for (role, share) in [(home, 0.7), (other, 0.2)] {
                for q in catalog.requirements(role.id()).expect("known role") {
                    if rng.chance(share) {
                        let need = i64::from(q.level().get());
                        let level = (need + rng.range(0, 3) as i64 - 1).clamp(1, 5) as u8;
                        let skill = catalog.skill(q.skill()).expect("known skill");
                        let name = if rng.chance(0.5) {
                            skill.name().to_string()
                        } else {
                            skill.id().to_string()
                        };
                        profile = profile.with_skill(name, Level::new(level).expect("1..=5"));
                    }
                }
            }
            for _ in 0..rng.range(0, 4) {
                let skill = &skills[rng.below(skills.len())];
                profile = profile.with_skill(skill.id().as_str(), Level::INTERMEDIATE);
            }
            profile
        })
        .collect()
}

/// The cohort sizes: as stated under `cargo bench`, a hundredth when `cargo test
/// --benches` runs each bench once (in a debug build) to check that it works.
fn size(n: usize) -> usize {
    if std::env::args().any(|a| a == "--bench") {
        n
    } else {
        n / 100
    }
}

/// The batch workload per profile: every role scored, the top 10 kept, their gaps.
fn options() -> BatchOptions {
    BatchOptions::new().top(10).gaps(10)
}

fn pool(threads: usize) -> Option<impl Fn(&mut (dyn FnMut() + Send))> {
    #[cfg(feature = "parallel")]
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        Some(move |f: &mut (dyn FnMut() + Send)| pool.install(f))
    }
    #[cfg(not(feature = "parallel"))]
    {
        let _ = threads;
        None::<fn(&mut (dyn FnMut() + Send))>
    }
}

/// `n` profiles built from the occupations of an imported release: about 70% of a home
/// occupation's skills at levels around the one asked, about five skills from each of two
/// earlier jobs, every skill named by its preferred label or one of its alternative labels
/// (half the time, when it has some), as people name them.
fn from_occupations(catalog: &Catalog, n: usize, seed: u64) -> Vec<Profile> {
    let mut rng = support::Rng::new(seed);
    let roles = catalog.roles();
    (0..n)
        .map(|i| {
            let mut profile = Profile::new().with_name(format!("p{i:07}"));
            let home = &roles[rng.below(roles.len())];
            let earlier = [
                &roles[rng.below(roles.len())],
                &roles[rng.below(roles.len())],
            ];
            let shares = [(home, 0.7)].into_iter().chain(earlier.map(|role| {
                (
                    role,
                    (5.0 / role.requirements().len().max(1) as f64).min(1.0),
                )
            }));
            for (role, share) in shares {
                for q in role.requirements() {
                    if !rng.chance(share) {
                        continue;
                    }
                    let need = i64::from(q.level().get());
                    let level = (need + rng.range(0, 3) as i64 - 1).clamp(1, 5) as u8;
                    let skill = catalog.skill(q.skill()).expect("known skill");
                    let name = match skill.aliases() {
                        [] => skill.name(),
                        aliases if rng.chance(0.5) => aliases[rng.below(aliases.len())].as_str(),
                        _ => skill.name(),
                    };
                    profile = profile.with_skill(name, Level::new(level).expect("1..=5"));
                }
            }
            profile
        })
        .collect()
}

/// The official ESCO release, imported; `None` (the bench says why) without the release
/// or the `esco` feature.
fn esco_release() -> Option<Catalog> {
    #[cfg(feature = "esco")]
    {
        let dir = support::esco_release()?;
        let import = skillgap::io::EscoImporter::new().import(&dir);
        Some(import.expect("the release imports").catalog)
    }
    #[cfg(not(feature = "esco"))]
    {
        eprintln!("skipped: the ESCO release needs the esco feature");
        None
    }
}

fn batch(c: &mut Criterion) {
    let synthetic = support::Synthetic::esco();
    let catalogs = [
        ("esco_like", synthetic.catalog()),
        (
            "explicit_weights",
            support::Synthetic::esco()
                .with_explicit_weights(support::SEED)
                .into_catalog(),
        ),
    ];
    let generated: Vec<Vec<Profile>> = catalogs
        .iter()
        .map(|(_, catalog)| clustered(catalog, 1_000, support::SEED))
        .collect();
    let mut cases: Vec<(&str, &Catalog, &[Profile])> = catalogs
        .iter()
        .zip(&generated)
        .map(|((name, catalog), profiles)| (*name, catalog, profiles.as_slice()))
        .collect();
    let release = esco_release().map(|catalog| {
        let profiles = from_occupations(&catalog, 1_000, support::SEED);
        (catalog, profiles)
    });
    if let Some((catalog, profiles)) = &release {
        cases.push(("esco_release", catalog, profiles));
    }
    for (name, catalog, profiles) in &cases {
        let assessor = Assessor::new(catalog);
        let mut group = c.benchmark_group(format!("batch_{name}"));
        group
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5))
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat);
        group.throughput(Throughput::Elements(1));
        group.bench_function("one_profile_top10_gaps10", |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % profiles.len();
                assessor.assess_one(black_box(&profiles[i]), options())
            });
        });
        group.throughput(Throughput::Elements(profiles.len() as u64));
        group.bench_function("1000_profiles_top10_gaps10", |b| {
            b.iter(|| assessor.assess_batch(black_box(*profiles), options()));
        });
        if let Some(one_thread) = pool(1) {
            group.bench_function("1000_profiles_top10_gaps10_threads_1", |b| {
                b.iter(|| {
                    one_thread(&mut || {
                        black_box(assessor.assess_batch(black_box(*profiles), options()));
                    })
                });
            });
        }
        group.finish();
    }
}

fn reverse_and_cohort(c: &mut Criterion) {
    let synthetic = support::Synthetic::esco().catalog();
    let many = clustered(&synthetic, size(100_000), support::SEED + 1);
    cohort_group(c, "cohort", &synthetic, &many);
    #[cfg(feature = "esco")]
    if let Some(release) = esco_release() {
        let many = from_occupations(&release, size(100_000), support::SEED + 1);
        cohort_group(c, "cohort_esco_release", &release, &many);
    }
}

/// Reverse matching of `many` profiles for the catalog's first role, and the analysis of
/// a cohort of the first 10,000 of them.
fn cohort_group(c: &mut Criterion, name: &str, catalog: &Catalog, many: &[Profile]) {
    let assessor = Assessor::new(catalog);
    let cohort: Cohort<'_> = assessor.cohort(many).expect("valid policy");
    let role = catalog.roles()[0].id().clone();
    let mut group = c.benchmark_group(name);
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat);
    group.bench_function("rank_100000_profiles_top_100", |b| {
        b.iter(|| cohort.rank(black_box(&role), 100).expect("known role"));
    });
    let ten_thousand = &many[..size(10_000)];
    group.bench_function("analysis_10000_profiles_with_training_plan", |b| {
        b.iter(|| {
            let cohort = assessor
                .cohort(black_box(ten_thousand))
                .expect("valid policy");
            let readiness = cohort.readiness(&role).expect("known role");
            let gaps = cohort.common_gaps(&role, 20).expect("known role");
            let plan = cohort.training_plan(&role).expect("known role");
            let next = cohort.next_course_for_most(&role).expect("known role");
            (readiness, gaps.len(), plan.steps.len(), next.is_some())
        });
    });
    group.finish();
}

criterion_group!(benches, batch, reverse_and_cohort);
criterion_main!(benches);
