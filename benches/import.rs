//! The ESCO importer and the work on its catalog, on the official v1.1.1 release when it
//! is present (`../shared/data/esco-v1.1.1` beside the crate, or `SKILLGAP_ESCO_DIR`),
//! else on the small fixtures in `tests/data/esco`.
//!
//! - `esco/import_csv`: [`EscoImporter::import`], CSV files to a ready `Catalog`
//!   (target ≤ 1 s on the release).
//! - `esco/load_json`: `Catalog::from_json` on the same catalog's catalog/1 document
//!   (target ≤ 0.5 s).
//! - `esco/assess_top10_gaps`: a profile scored against every occupation, with the gaps
//!   of the best ten (target ≤ 20 µs).
//! - `esco/resolver_index`: the resolver index over every skill label (target ≤ 1 s).
//!
//! Run with `cargo bench --features esco --bench import`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use skillgap::io::EscoImporter;
use skillgap::resolve::Resolver;
use skillgap::{Catalog, Profile};

fn release() -> PathBuf {
    let official = std::env::var_os("SKILLGAP_ESCO_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco-v1.1.1"),
        PathBuf::from,
    );
    if official.is_dir() {
        official
    } else {
        eprintln!(
            "no ESCO release at {}: benchmarking the fixtures",
            official.display()
        );
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/esco")
    }
}

/// A profile made of the first occupation's requirements, by skill name.
fn profile(catalog: &Catalog) -> Profile {
    let mut profile = Profile::new();
    if let Some(role) = catalog.roles().first() {
        for r in role.requirements() {
            if let Some(skill) = catalog.skill(r.skill()) {
                profile = profile.with_skill(skill.name(), r.level());
            }
        }
    }
    profile
}

fn bench(c: &mut Criterion) {
    let dir = release();
    let importer = EscoImporter::new();
    let catalog = importer.import(&dir).expect("the release imports").catalog;
    let json = catalog.to_json();
    let mut group = c.benchmark_group("esco");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("import_csv", |b| {
        b.iter(|| black_box(importer.import(&dir).expect("imports")))
    });
    group.bench_function("load_json", |b| {
        b.iter(|| black_box(Catalog::from_json(&json).expect("loads")))
    });
    group.bench_function("resolver_index", |b| {
        b.iter(|| {
            let labels = catalog.skills().iter().map(|s| {
                (
                    s.id().as_str(),
                    std::iter::once(s.name()).chain(s.aliases().iter().map(String::as_str)),
                )
            });
            black_box(Resolver::from_labels(labels))
        })
    });
    group.finish();
    let profile = profile(&catalog);
    let assessor = skillgap::assess::Assessor::new(&catalog);
    let mut fast = c.benchmark_group("esco_assess");
    fast.bench_function("assess_top10_gaps", |b| {
        b.iter(|| {
            let assessment = assessor.assess(&profile).expect("assesses");
            for role in assessment.top(10) {
                black_box(assessment.gaps_for(&role).expect("gaps"));
            }
        })
    });
    fast.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
