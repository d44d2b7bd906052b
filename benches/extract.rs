//! Skill extraction from prose.
//!
//! - `extract/posting_builtin`: one long posting of the labelled corpus (3.6 KB) against
//!   the built-in catalog.
//! - `extract/corpus_builtin`: the whole corpus (68 postings and CV sections, 110 KB),
//!   for throughput.
//! - `extract/posting_100k` and `extract/corpus_100k`: the same against the resolver
//!   bench's generated vocabulary of 100,000 labels.
//!
//! Criterion reports throughput in bytes per second. Target: ≥ 10 MB/s on the large
//! vocabulary, a 3 KB posting in ≤ 0.3 ms.
//!
//! Run with `cargo bench --bench extract`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use skillgap::io::{DocumentKind, Extractor};
use skillgap::Catalog;

#[path = "../tests/support/mod.rs"]
mod support;

/// The corpus documents, in name order, with their kind.
fn corpus() -> Vec<(String, DocumentKind)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/extraction/docs");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let kind = if p.to_string_lossy().contains("-cv-") {
                DocumentKind::Cv
            } else {
                DocumentKind::Posting
            };
            (std::fs::read_to_string(&p).expect("a document"), kind)
        })
        .collect()
}

fn run(c: &mut Criterion, name: &str, catalog: &Catalog, docs: &[(String, DocumentKind)]) {
    let posting = docs
        .iter()
        .filter(|(_, k)| *k == DocumentKind::Posting)
        .max_by_key(|(t, _)| t.len())
        .map(|(t, _)| t.clone())
        .expect("a posting");
    // The phrase index is built on first use: build it before measuring.
    catalog.extract(&posting).expect("extracts");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(posting.len() as u64));
    group.bench_function(format!("posting_{name}"), |b| {
        b.iter(|| catalog.extract(black_box(&posting)).expect("extracts"))
    });
    let total: usize = docs.iter().map(|(t, _)| t.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(format!("corpus_{name}"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|(t, k)| {
                    let found = Extractor::new(catalog).kind(*k).extract(black_box(t));
                    found.expect("extracts").skills().len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let docs = corpus();
    run(c, "builtin", Catalog::builtin(), &docs);
    let large = support::vocabulary::catalog();
    run(c, "100k", &large, &docs);
}

criterion_group!(benches, extraction);
criterion_main!(benches);
