//! Which role is mine, on the real ESCO release: profiles built from real occupations (70%
//! of the occupation's skills, half of them named by an alternative label), alone and with
//! about five skills from each of two earlier jobs; how often each ranking puts the
//! person's own occupation first and in the top 3.
//!
//! Needs the official release at `../shared/data/esco-v1.1.1` beside the crate, or wherever
//! `SKILLGAP_ESCO_DIR` points; without it the test says so and passes. Run with
//! `cargo test --release --features esco --test fit_esco -- --nocapture` to see the numbers.
#![cfg(feature = "esco")]

use skillgap::assess::{Assessor, Rank};
use skillgap::io::EscoImporter;
use skillgap::{Catalog, Policy, Profile, Role};

mod support;

/// Occupations sampled (every n-th of the catalog's roles, in id order).
const SAMPLE: usize = 300;

/// Skills a profile carries from each of two earlier jobs, on average.
const EARLIER_SKILLS: f64 = 5.0;

/// Adds `share` of `role`'s skills to `profile` at the level required, each named by an
/// alternative label half the time (when it has one), else by its name.
fn add_skills(
    catalog: &Catalog,
    role: &Role,
    share: f64,
    rng: &mut support::Rng,
    mut profile: Profile,
) -> Profile {
    for q in role.requirements() {
        if !rng.chance(share) {
            continue;
        }
        let skill = catalog.skill(q.skill()).expect("a known skill");
        let name = match skill.aliases() {
            [] => skill.name(),
            aliases if rng.chance(0.5) => aliases[rng.below(aliases.len())].as_str(),
            _ => skill.name(),
        };
        profile = profile.with_skill(name, q.level());
    }
    profile
}

/// Top-1 and top-3 hits of `role` for `profile` under readiness and under fit.
fn hits(catalog: &Catalog, profile: &Profile, role: &Role) -> [(bool, bool); 2] {
    [Rank::Readiness, Rank::Fit].map(|rank| {
        let mut policy = Policy::default();
        policy.rank = rank;
        let a = Assessor::new(catalog)
            .policy(policy)
            .assess(profile)
            .expect("valid");
        let top: Vec<&str> = a.top(3).iter().map(|s| s.role().id().as_str()).collect();
        (
            top.first() == Some(&role.id().as_str()),
            top.contains(&role.id().as_str()),
        )
    })
}

#[test]
fn fit_finds_the_persons_own_occupation() {
    let Some(dir) = support::esco_release() else {
        return;
    };
    let catalog = EscoImporter::new().import(&dir).expect("imports").catalog;
    let roles = catalog.roles();
    let step = (roles.len() / SAMPLE).max(1);
    let mut rng = support::Rng::new(support::SEED);
    // [alone, with two earlier jobs] × [readiness, fit] × [top-1, top-3]
    let mut counts = [[[0usize; 2]; 2]; 2];
    let mut n = 0;
    for role in roles.iter().step_by(step).take(SAMPLE) {
        n += 1;
        let own = add_skills(&catalog, role, 0.7, &mut rng, Profile::new());
        let mut earlier = own.clone();
        for _ in 0..2 {
            let other = &roles[rng.below(roles.len())];
            // A handful of skills (about 5) from each earlier job.
            let share = (EARLIER_SKILLS / other.requirements().len().max(1) as f64).min(1.0);
            earlier = add_skills(&catalog, other, share, &mut rng, earlier);
        }
        for (case, profile) in [own, earlier].iter().enumerate() {
            for (rank, (top1, top3)) in hits(&catalog, profile, role).into_iter().enumerate() {
                counts[case][rank][0] += usize::from(top1);
                counts[case][rank][1] += usize::from(top3);
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n as f64;
    for (case, name) in ["own skills", "with two earlier jobs"].iter().enumerate() {
        for (rank, by) in ["readiness", "fit"].iter().enumerate() {
            let [top1, top3] = counts[case][rank];
            eprintln!(
                "{n} occupations, {name}, by {by}: top-1 {:.1}%, top-3 {:.1}%",
                pct(top1),
                pct(top3)
            );
        }
    }
    let fit_alone = counts[0][1][0] as f64 / n as f64;
    assert!(
        fit_alone >= 0.97,
        "fit top-1 {:.1}% < 97%",
        100.0 * fit_alone
    );
    // Fit does at least as well as readiness, alone and with earlier jobs.
    for case in 0..2 {
        assert!(counts[case][1][0] >= counts[case][0][0], "{counts:?}");
    }
}
