//! Free-text profiles against the built-in catalog, with the default parser and one with
//! small limits, strictness and a default level taken from the first bytes. Parsing never
//! panics; errors are only the documented ones; every resolved item names a catalog
//! skill, which is in the profile at a level at least the item's; profile entries are
//! distinct catalog skills; every item left out has its warning; the profile assesses
//! with no warning at all.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use skillgap::error::Warning;
use skillgap::io::{ParsedProfile, ProfileParser};
use skillgap::{Catalog, Error, Level, Profile};
use skillgap_fuzz::{check_assessment, MAX_INPUT};

fn check(catalog: &Catalog, parsed: &ParsedProfile) {
    let profile = parsed.profile();
    let mut skills = HashSet::new();
    for entry in profile.skills() {
        assert!(
            catalog.skill(entry.name()).is_some(),
            "profile entry {} is a catalog skill id",
            entry.name()
        );
        assert!(
            skills.insert(entry.name().to_string()),
            "profile entries are distinct skills"
        );
    }
    let mut left_out = 0;
    let mut repeated = 0;
    let mut kept = HashSet::new();
    for item in parsed.items() {
        match item.skill() {
            Some(skill) => {
                assert!(
                    catalog.skill(skill.as_str()).is_some(),
                    "item skill {skill} is a catalog skill"
                );
                let entry = profile
                    .skills()
                    .iter()
                    .find(|e| e.name() == skill.as_str())
                    .unwrap_or_else(|| panic!("resolved item {skill} is in the profile"));
                assert!(
                    entry.level() >= item.level(),
                    "the profile keeps the highest level"
                );
                if !kept.insert(skill.clone()) {
                    repeated += 1;
                }
            }
            None => {
                left_out += 1;
                let warned = parsed.warnings().iter().any(|w| match w {
                    Warning::UnresolvedSkill { name, .. }
                    | Warning::AmbiguousSkill { name, .. } => name == item.name(),
                    _ => false,
                });
                assert!(warned, "item `{}` left out without a warning", item.name());
            }
        }
    }
    let warned_left_out = parsed
        .warnings()
        .iter()
        .filter(|w| {
            matches!(
                w,
                Warning::UnresolvedSkill { .. } | Warning::AmbiguousSkill { .. }
            )
        })
        .count();
    assert_eq!(warned_left_out, left_out, "one warning per item left out");
    let warned_repeated = parsed
        .warnings()
        .iter()
        .filter(|w| matches!(w, Warning::DuplicateSkill { .. }))
        .count();
    assert_eq!(warned_repeated, repeated, "one warning per repeated skill");
    assert_eq!(
        kept.len(),
        profile.skills().len(),
        "the profile is the resolved items"
    );

    let assessment = catalog.assess(profile).expect("a parsed profile assesses");
    assert!(
        assessment.warnings().is_empty(),
        "a parsed profile assesses without warnings: {:?}",
        assessment.warnings()
    );
    check_assessment(catalog, profile, &assessment);
    let _ = parsed.to_string();
}

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT || data.len() < 3 {
        return;
    }
    let (head, body) = data.split_at(3);
    let catalog = Catalog::builtin();

    // The default parser.
    if let Ok(text) = std::str::from_utf8(body) {
        match Profile::parse(text, catalog) {
            Ok(parsed) => check(catalog, &parsed),
            Err(e) => assert!(
                matches!(e, Error::TooLarge { .. }),
                "the default parser fails only on too much text: {e}"
            ),
        }
    }

    // A parser with small limits.
    let max_bytes = if head[0] & 0x80 != 0 {
        usize::from(head[0] & 0x7f) * 8
    } else {
        1 << 20
    };
    let max_items = usize::from(head[1] % 64);
    let strict = head[2] & 1 == 1;
    let default_level = Level::new((head[2] >> 1) % 6).unwrap();
    let parser = ProfileParser::new(catalog)
        .max_bytes(max_bytes)
        .max_items(max_items)
        .strict(strict)
        .default_level(default_level);
    match parser.parse_bytes(body) {
        Ok(parsed) => {
            assert!(body.len() <= max_bytes, "text over max_bytes is refused");
            if strict {
                assert!(
                    parsed.items().iter().all(|i| i.skill().is_some()),
                    "strict parsing resolves every item or fails"
                );
            }
            check(catalog, &parsed);
        }
        Err(e) => assert!(
            matches!(e, Error::TooLarge { .. } | Error::InvalidUtf8 { .. })
                || (strict && matches!(e, Error::UnclearProfile { .. })),
            "unexpected error: {e}"
        ),
    }
});
