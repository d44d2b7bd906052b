//! Skill resolution on a generated vocabulary of 100,000 labels.
//!
//! - `resolve/build_index_100k`: [`Resolver::from_labels`] on the whole vocabulary.
//! - `resolve/query_100k`: one query (cycling through 1,000 typed variants of labels and
//!   non-skill strings), through the index.
//! - `resolve/linear_scan_100k`: the same queries answered by a brute-force scan, the
//!   way a generic fuzzy matcher works: strsim Jaro–Winkler and normalised
//!   Damerau–Levenshtein of the lowercased query against every label, best kept.
//!
//! With `--bench` it also prints the index's memory and the accuracy of both on the
//! query set. Targets: median query ≤ 50 µs, build ≤ 1 s.
//!
//! Run with `cargo bench --bench resolve`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use skillgap::resolve::{Resolver, Status};
use support::vocabulary::vocabulary;
use support::Rng;

#[path = "../tests/support/mod.rs"]
mod support;

/// Queries in the cycle.
const QUERIES: usize = 1_000;

/// One edit: substitution, deletion, insertion or transposition at a letter.
fn typo(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let letters: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i].is_alphabetic())
        .collect();
    if letters.is_empty() {
        return s.to_string();
    }
    let i = letters[rng.below(letters.len())];
    match rng.below(4) {
        0 => chars[i] = (b'a' + rng.below(26) as u8) as char,
        1 => {
            chars.remove(i);
        }
        2 => chars.insert(i, (b'a' + rng.below(26) as u8) as char),
        _ => {
            if i + 1 < chars.len() {
                chars.swap(i, i + 1);
            }
        }
    }
    chars.into_iter().collect()
}

/// Typed variants of labels (expected skill) and non-skill strings (`None`).
fn queries(skills: &[(String, Vec<String>)]) -> Vec<(String, Option<String>)> {
    let mut rng = Rng::new(0x0051_1C7E_D5E7);
    const NEGATIVES: [&str; 20] = [
        "banana bread",
        "my cat",
        "tuesday",
        "london",
        "hello world",
        "qwerty",
        "pizza",
        "weekend",
        "john smith",
        "new york",
        "lorem ipsum",
        "see above",
        "phone number",
        "chocolate cake",
        "mountain bike",
        "jazz music",
        "reading novels",
        "best regards",
        "date of birth",
        "notice period",
    ];
    let mut out = Vec::with_capacity(QUERIES);
    while out.len() < QUERIES {
        if rng.chance(0.1) {
            out.push((NEGATIVES[rng.below(NEGATIVES.len())].to_string(), None));
            continue;
        }
        let (id, labels) = &skills[rng.below(skills.len())];
        let label = &labels[rng.below(labels.len())];
        let q = match rng.below(10) {
            0 | 1 => label.clone(),
            2 => label.to_uppercase(),
            3 => label.replace(' ', "-"),
            4 => {
                let mut w: Vec<&str> = label.split(' ').collect();
                w.reverse();
                w.join(" ")
            }
            5..=7 => typo(&mut rng, label),
            _ => {
                let once = typo(&mut rng, label);
                typo(&mut rng, &once)
            }
        };
        out.push((q, Some(id.clone())));
    }
    out
}

/// The brute-force baseline: the best label by max(Jaro–Winkler, normalised
/// Damerau–Levenshtein) over every label.
struct Linear {
    labels: Vec<(String, u32)>,
}

impl Linear {
    fn new(skills: &[(String, Vec<String>)]) -> Linear {
        let labels = skills
            .iter()
            .enumerate()
            .flat_map(|(i, (id, ls))| {
                std::iter::once(id)
                    .chain(ls)
                    .map(move |l| (l.to_lowercase(), i as u32))
            })
            .collect();
        Linear { labels }
    }

    fn best(&self, query: &str) -> (u32, f64) {
        let q = query.to_lowercase();
        let mut best = (u32::MAX, 0.0);
        for (l, i) in &self.labels {
            let s = strsim::jaro_winkler(&q, l);
            let s = if s > best.1 - 0.2 {
                s.max(strsim::normalized_damerau_levenshtein(&q, l))
            } else {
                s
            };
            if s > best.1 {
                best = (*i, s);
            }
        }
        best
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Memory, latency distribution and accuracy, printed once (bench mode only).
fn report(
    skills: &[(String, Vec<String>)],
    resolver: &Resolver,
    queries: &[(String, Option<String>)],
) {
    let stats = resolver.stats();
    println!(
        "vocabulary: {} skills, {} labels, {} distinct words; index memory ≈ {:.1} MiB",
        skills.len(),
        stats.labels,
        stats.tokens,
        stats.memory_bytes as f64 / (1024.0 * 1024.0)
    );
    let mut times = Vec::with_capacity(queries.len());
    let (mut pos, mut top1, mut resolved_ok, mut neg, mut neg_unknown) = (0, 0, 0, 0, 0);
    for (q, expected) in queries {
        let start = Instant::now();
        let r = resolver.resolve(q);
        times.push(start.elapsed());
        let top = r.best().map(|c| c.skill().as_str());
        match expected {
            Some(e) => {
                pos += 1;
                top1 += usize::from(top == Some(e.as_str()));
                resolved_ok += usize::from(r.is_resolved() && top == Some(e.as_str()));
            }
            None => {
                neg += 1;
                neg_unknown += usize::from(r.status() == Status::Unknown);
            }
        }
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "index: median {:?}, mean {mean:?}, p95 {:?}, max {:?} per query; positives top-1 {:.1}% (resolved and right {:.1}%), negatives unknown {:.1}%",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1],
        100.0 * top1 as f64 / pos as f64,
        100.0 * resolved_ok as f64 / pos as f64,
        100.0 * neg_unknown as f64 / neg as f64,
    );
    let linear = Linear::new(skills);
    let sample = &queries[..100];
    let (mut pos, mut top1) = (0, 0);
    let start = Instant::now();
    for (q, expected) in sample {
        let (i, _) = linear.best(q);
        if let Some(e) = expected {
            pos += 1;
            top1 += usize::from(skills.get(i as usize).is_some_and(|s| &s.0 == e));
        }
    }
    println!(
        "linear scan: {:?} per query on average, positives top-1 {:.1}% (first 100 queries)",
        start.elapsed() / sample.len() as u32,
        100.0 * top1 as f64 / pos as f64
    );
}

fn benches(c: &mut Criterion) {
    let skills = vocabulary();
    let start = Instant::now();
    let resolver = Resolver::from_labels(skills.iter().map(|(id, ls)| {
        (
            id.as_str(),
            ls.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    }));
    let built = start.elapsed();
    let queries = queries(&skills);
    if std::env::args().any(|a| a == "--bench") {
        println!("index built once in {built:?}");
        report(&skills, &resolver, &queries);
    }

    let mut group = c.benchmark_group("resolve");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("build_index_100k", |b| {
        b.iter(|| {
            Resolver::from_labels(skills.iter().map(|(id, ls)| {
                (
                    id.as_str(),
                    ls.iter().map(String::as_str).collect::<Vec<_>>(),
                )
            }))
        })
    });
    group.sample_size(100);
    group.measurement_time(Duration::from_secs(5));
    let mut next = 0;
    group.bench_function("query_100k", |b| {
        b.iter(|| {
            let (q, _) = &queries[next % queries.len()];
            next += 1;
            black_box(resolver.resolve(black_box(q)))
        })
    });
    let linear = Linear::new(&skills);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let mut next = 0;
    group.bench_function("linear_scan_100k", |b| {
        b.iter(|| {
            let (q, _) = &queries[next % queries.len()];
            next += 1;
            black_box(linear.best(black_box(q)))
        })
    });
    group.finish();
}

criterion_group!(resolve, benches);
criterion_main!(resolve);
