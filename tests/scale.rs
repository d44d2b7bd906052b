//! The reference properties at the scale the fast paths exist for: an ESCO-sized
//! generated catalog (14,000 skills, 3,000 roles, ~110,000 effective requirements), as
//! the benches use, and a variant where every requirement has an explicit weight.
//!
//! What runs here and nowhere smaller: the ranking's chunked scan with pruning (`top(k)`
//! for k ≤ 64) and its selection (k > 64), scoring with totals outside the range the
//! pruning relies on, gap priorities ordered by counting sort (few distinct priorities)
//! and by comparison sort (many), on closures of ~100 skills.

use std::sync::OnceLock;

use skillgap::assess::Rank;
use skillgap::{Catalog, Policy, Profile};

mod support;

use support::Synthetic;

/// The ESCO-sized catalog, built once for the whole file.
fn esco() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Synthetic::esco().into_catalog())
}

/// The same with an explicit weight on every requirement.
fn weighted() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Synthetic::esco()
            .with_explicit_weights(support::SEED)
            .into_catalog()
    })
}

/// Profiles of 5 to 60 skills, as the benches draw them.
fn profiles(catalog: &Catalog) -> Vec<Profile> {
    [5, 12, 35, 60]
        .iter()
        .enumerate()
        .map(|(i, &n)| support::profile(catalog.skills(), n, support::SEED + i as u64))
        .collect()
}

/// `top(k)` on a fresh assessment (so that it scans or selects rather than reading the
/// full ranking) equals the first `k` of a plain sort, for k on both sides of 64.
fn check_top(catalog: &Catalog, policy: &Policy, profile: &Profile) {
    for rank in [Rank::Readiness, Rank::Fit] {
        let mut policy = policy.clone();
        policy.rank = rank;
        check_top_ranked(catalog, &policy, profile);
    }
}

fn check_top_ranked(catalog: &Catalog, policy: &Policy, profile: &Profile) {
    let assess = || {
        skillgap::assess::Assessor::new(catalog)
            .policy(policy.clone())
            .assess(profile)
            .expect("valid policy")
    };
    for k in [1, 10, 64, 65, 200] {
        let a = assess();
        let top = a.top(k);
        assert_eq!(top.len(), k);
        support::check_ranking(&a, &top);
    }
    let a = assess();
    support::check_ranking(&a, a.roles());
}

#[test]
fn rankings_equal_a_plain_sort() {
    for catalog in [esco(), weighted()] {
        for profile in profiles(catalog) {
            check_top(catalog, &Policy::default(), &profile);
        }
    }
}

/// Weights so small that the role totals fall below 10⁻²⁹⁰: the ranking then scores
/// every role instead of pruning by products that would underflow.
#[test]
fn rankings_with_tiny_weights_equal_a_plain_sort() {
    let mut policy = Policy::default();
    policy.weights.essential = 1e-300;
    policy.weights.important = 6e-301;
    policy.weights.optional = 3e-301;
    for profile in profiles(esco()) {
        check_top(esco(), &policy, &profile);
    }
}

/// Gaps toward the best roles and a spread of others equal the obvious computation, in
/// priority and learning order: with importance weights (a handful of distinct
/// priorities: the counting sort) and explicit weights (many: the comparison sort).
#[test]
fn gaps_equal_the_obvious_computation() {
    for catalog in [esco(), weighted()] {
        for profile in profiles(catalog) {
            let a = catalog.assess(&profile).expect("default policy");
            let mut roles: Vec<String> = a
                .top(10)
                .iter()
                .map(|rs| rs.role().id().to_string())
                .collect();
            roles.extend(
                catalog
                    .roles()
                    .iter()
                    .step_by(300)
                    .map(|r| r.id().to_string()),
            );
            for role in &roles {
                support::check_gaps(&a, role);
            }
        }
    }
}

/// The two gap orderings are both exercised: some role has more than 16 distinct gap
/// priorities with explicit weights, and every role has at most 16 without.
#[test]
fn both_priority_orderings_occur() {
    let distinct = |catalog: &Catalog| {
        let profile = support::profile(catalog.skills(), 35, support::SEED);
        let a = catalog.assess(&profile).expect("default policy");
        a.top(10)
            .iter()
            .map(|rs| {
                let gaps = a.gaps_for(rs).expect("known role");
                let mut p: Vec<u64> = gaps.by_priority().map(|g| g.priority().to_bits()).collect();
                p.dedup();
                p.len()
            })
            .max()
            .unwrap_or(0)
    };
    assert!(distinct(esco()) <= 16, "{}", distinct(esco()));
    assert!(distinct(weighted()) > 16, "{}", distinct(weighted()));
}

/// A role's score as an exact fraction, for profiles without transfer or recency: levels
/// and needs are whole, and the default weights are tenths (1.0, 0.6, 0.3), so
/// `score = Σ wᵢ·min(1, haveᵢ/needᵢ) / Σ wᵢ` is `(Σ 10wᵢ·60·min(needᵢ, haveᵢ)/needᵢ) /
/// (60·Σ 10wᵢ)`, all whole numbers.
fn exact_score(catalog: &Catalog, a: &skillgap::Assessment<'_>, role: &str) -> (u128, u128) {
    let tenths = |i: skillgap::Importance| match i {
        skillgap::Importance::Essential => 10,
        skillgap::Importance::Important => 6,
        _ => 3,
    };
    let (mut num, mut den) = (0u128, 0u128);
    for q in catalog.requirements(role).expect("known") {
        let w = tenths(q.importance());
        let need = u128::from(q.level().get());
        let have = a.level_of(q.skill().as_str()) as u128;
        num += w * 60 * have.min(need) / need;
        den += w * 60;
    }
    (num, den)
}

/// Scores equal on paper are equal as numbers, so ties go by role id: the best ten of
/// 200 profiles on the ESCO-sized catalog equal a ranking by exact fractions.
#[test]
fn rankings_equal_an_exact_reference() {
    let catalog = esco();
    let mut policy = Policy::default();
    policy.transfer = false;
    policy.rank = Rank::Readiness;
    for seed in 0..200 {
        let profile = support::profile(catalog.skills(), 35, support::SEED + 1000 + seed);
        let a = skillgap::assess::Assessor::new(catalog)
            .policy(policy.clone())
            .assess(&profile)
            .expect("valid policy");
        let mut exact: Vec<((u128, u128), &str)> = catalog
            .roles()
            .iter()
            .map(|r| (exact_score(catalog, &a, r.id().as_str()), r.id().as_str()))
            .collect();
        // Score descending (cross-multiplied), then id.
        exact.sort_by(|((n1, d1), id1), ((n2, d2), id2)| {
            (n2 * d1).cmp(&(n1 * d2)).then(id1.cmp(id2))
        });
        let want: Vec<&str> = exact.iter().take(10).map(|(_, id)| *id).collect();
        let got: Vec<String> = a
            .top(10)
            .iter()
            .map(|rs| rs.role().id().to_string())
            .collect();
        assert_eq!(got, want, "profile seed {seed}");
    }
}
