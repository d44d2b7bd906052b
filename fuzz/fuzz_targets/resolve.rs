//! Name resolution, against the built-in catalog and against a resolver built from fuzzed
//! labels with a fuzzed (valid) policy. Input: one flag byte, then lines: the query, then
//! skills as `id|label|label...`.
//!
//! Oracles: confidences in 0..=1, candidates by confidence descending and at most
//! `max_candidates`, every candidate a known skill, `Resolved` names a skill and it is
//! the first candidate (nothing else names one), empty and over-long queries rejected,
//! the same answer twice.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use skillgap::resolve::{ResolvePolicy, Resolver};
use skillgap::Catalog;
use skillgap_fuzz::check_resolution;

const MAX_BYTES: usize = 8 * 1024;
const MAX_SKILLS: usize = 24;
const MAX_LABELS: usize = 8;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_BYTES || data.is_empty() {
        return;
    }
    let flags = data[0];
    let Ok(text) = std::str::from_utf8(&data[1..]) else {
        return;
    };
    let mut lines = text.split('\n');
    let query = lines.next().unwrap_or("");

    // The built-in catalog.
    let catalog = Catalog::builtin();
    let r = catalog.resolve(query);
    check_resolution(&r, query, &ResolvePolicy::default(), |id| {
        catalog.skill(id).is_some()
    });
    assert_eq!(catalog.resolve(query), r, "resolving is deterministic");
    if r.is_resolved() {
        assert!(
            catalog
                .resolve_skill(query)
                .is_none_or(|s| Some(s.id()) == r.skill()),
            "the exact resolver and the full one agree when both name a skill"
        );
    }
    let _ = r.to_string();

    // A resolver over fuzzed labels.
    let skills: Vec<(&str, Vec<&str>)> = lines
        .take(MAX_SKILLS)
        .map(|line| {
            let mut parts = line.split('|');
            let id = parts.next().unwrap_or("");
            (id, parts.take(MAX_LABELS).collect())
        })
        .collect();
    let ids: HashSet<&str> = skills.iter().map(|(id, _)| *id).collect();
    let resolver = Resolver::from_labels(
        skills
            .iter()
            .map(|(id, labels)| (*id, labels.iter().copied())),
    );
    assert_eq!(resolver.len(), skills.len());
    let mut policy = ResolvePolicy::default();
    policy.fuzzy = flags & 1 == 0;
    policy.acronyms = flags & 2 == 0;
    policy.max_candidates = 1 + usize::from((flags >> 2) & 7);
    if flags & 0x20 != 0 {
        policy.max_query_bytes = 1 + usize::from(flags >> 6) * 20;
    }
    if flags & 0x40 != 0 {
        policy.accept = 0.5;
        policy.margin = 0.2;
        policy.suggest = 0.1;
    }
    let resolver = resolver
        .with_policy(policy.clone())
        .expect("the policy is valid");
    let r = resolver.resolve(query);
    check_resolution(&r, query, &policy, |id| ids.contains(id));
    assert_eq!(resolver.resolve(query), r, "resolving is deterministic");
    let stats = resolver.stats();
    let _ = format!("{stats:?}");

    // The ids themselves, as queries.
    for (id, _) in skills.iter().take(4) {
        let r = resolver.resolve(id);
        check_resolution(&r, id, &policy, |x| ids.contains(x));
    }
});
