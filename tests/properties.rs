//! Properties of assessment, gaps and plans on the built-in catalog, for random profiles
//! drawn from its skills.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use proptest::test_runner::Config;
use skillgap::model::{Credential, DegreeLevel};
use skillgap::{Assessment, Catalog, Level, Profile};

mod support;

/// Cases per property: enough to find slips, few enough to keep the suite fast.
fn config() -> Config {
    Config {
        cases: 64,
        // Do not write regression files next to the tests.
        failure_persistence: None,
        ..Config::default()
    }
}

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn skill_count() -> usize {
    catalog().skills().len()
}

fn role_count() -> usize {
    catalog().roles().len()
}

/// One optional level per catalog skill (by position in `catalog().skills()`): a random
/// subset of the skills, each at a random level 0..=5.
fn levels() -> impl Strategy<Value = Vec<Option<u8>>> {
    prop::collection::vec(prop::option::weighted(0.35, 0u8..=5), skill_count())
}

fn level(n: u8) -> Level {
    Level::new(n).expect("0..=5")
}

/// The profile naming each chosen skill by id.
fn profile_of(levels: &[Option<u8>]) -> Profile {
    let mut profile = Profile::new();
    for (skill, l) in catalog().skills().iter().zip(levels) {
        if let Some(l) = l {
            profile = profile.with_skill(skill.id().as_str(), level(*l));
        }
    }
    profile
}

fn assess(profile: &Profile) -> Assessment<'static> {
    catalog().assess(profile).expect("default policy, lenient")
}

fn role_ids() -> impl Iterator<Item = &'static str> {
    catalog().roles().iter().map(|r| r.id().as_str())
}

fn scores(a: &Assessment<'_>) -> BTreeMap<String, f64> {
    a.roles()
        .iter()
        .map(|rs| (rs.role().id().to_string(), rs.score()))
        .collect()
}

/// Every score of `after` is at least that of `before`.
fn assert_no_score_drops(before: &Assessment<'_>, after: &Assessment<'_>, what: &str) {
    let (b, a) = (scores(before), scores(after));
    for (role, &old) in &b {
        let new = a[role];
        assert!(
            new >= old,
            "{what}: score of {role} fell from {old} to {new}"
        );
    }
}

/// Learning order, checked: each gap after the gaps that are its prerequisites.
///
/// A prerequisite the profile already has at the level the edge asks for does not hold
/// its dependant back (it may still be a gap for a higher level the role needs), so only
/// unmet prerequisite edges are checked.
fn check_learning_order(a: &Assessment<'_>, role: &str) {
    let gaps = a.gaps(role).unwrap();
    let order: Vec<&str> = gaps
        .in_learning_order()
        .map(|g| g.skill().id().as_str())
        .collect();
    assert_eq!(
        order.len(),
        gaps.len(),
        "learning order of {role} has every gap"
    );
    let position: BTreeMap<&str, usize> = order.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    assert_eq!(position.len(), gaps.len(), "no gap twice in {role}");
    for (i, skill) in order.iter().enumerate() {
        for (prereq, need) in catalog().prerequisites(skill) {
            if a.level_of(prereq.id()) >= need.as_f64() {
                continue;
            }
            if let Some(&j) = position.get(prereq.id().as_str()) {
                assert!(
                    j < i,
                    "{role}: gap {skill} (#{i}) comes before its prerequisite {} (#{j}): \
                     {order:?}",
                    prereq.id()
                );
            }
        }
    }
}

/// Plan validity, checked by simulation from the profile's levels.
fn check_plan(a: &Assessment<'_>, role: &str) {
    let plan = a.plan(role).unwrap();
    let gaps = a.gaps(role).unwrap();
    let mut have: BTreeMap<&str, f64> = catalog()
        .skills()
        .iter()
        .map(|s| (s.id().as_str(), a.level_of(s.id().as_str())))
        .collect();
    let mut seen = BTreeSet::new();
    for (step, planned) in plan.courses().iter().enumerate() {
        let course = planned.course();
        assert!(
            seen.insert(course.id().as_str()),
            "{role}: course {} planned twice",
            course.id()
        );
        for req in course.requires() {
            let level = have[req.skill().as_str()];
            assert!(
                level >= req.level().as_f64(),
                "{role}: course #{step} {} requires {} at {}, but the plan reaches only {level} \
                 by then",
                course.id(),
                req.skill(),
                req.level().get()
            );
        }
        for taught in course.teaches() {
            let level = have.get_mut(taught.skill().as_str()).unwrap();
            *level = level.max(taught.level().as_f64());
        }
    }
    // Uncovered are exactly the gaps no plan can close (so none is skipped below
    // for nothing), and the plan closes every other one.
    support::check_uncovered(a, &plan);
    let uncovered: BTreeSet<&str> = plan
        .uncovered()
        .iter()
        .map(|u| u.skill.id().as_str())
        .collect();
    for gap in gaps.by_priority() {
        let skill = gap.skill().id().as_str();
        if uncovered.contains(skill) {
            continue;
        }
        assert!(
            have[skill] >= gap.need().as_f64(),
            "{role}: gap {skill} (need {}) still open after the plan ({})",
            gap.need().get(),
            have[skill]
        );
    }
}

/// Levels meeting every requirement of `role` and, transitively, their prerequisites.
fn meeting_role(role: &str, base: &[Option<u8>]) -> Vec<Option<u8>> {
    let index: BTreeMap<&str, usize> = catalog()
        .skills()
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id().as_str(), i))
        .collect();
    let mut out = base.to_vec();
    let mut raise = |skill: &str, need: Level| {
        let slot = &mut out[index[skill]];
        *slot = Some(slot.unwrap_or(0).max(need.get()));
    };
    let mut stack: Vec<(String, Level)> = catalog()
        .requirements(role)
        .unwrap()
        .iter()
        .map(|r| (r.skill().to_string(), r.level()))
        .collect();
    while let Some((skill, need)) = stack.pop() {
        raise(&skill, need);
        for (p, l) in catalog().prerequisites(&skill) {
            stack.push((p.id().to_string(), l));
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn scores_are_between_zero_and_one(levels in levels()) {
        let a = assess(&profile_of(&levels));
        prop_assert_eq!(a.roles().len(), role_count());
        for rs in a.roles() {
            prop_assert!((0.0..=1.0).contains(&rs.score()), "{} scores {}", rs.role().id(), rs.score());
        }
    }

    #[test]
    fn raising_a_level_never_lowers_a_score(
        levels in levels(),
        skill in 0..skill_count(),
        raise in 1u8..=5,
    ) {
        let mut raised = levels.clone();
        let old = levels[skill].unwrap_or(0);
        raised[skill] = Some(old.saturating_add(raise).min(5));
        let before = assess(&profile_of(&levels));
        let after = assess(&profile_of(&raised));
        assert_no_score_drops(
            &before,
            &after,
            &format!("raising {} from {old}", catalog().skills()[skill].id()),
        );
    }

    #[test]
    fn adding_a_skill_never_lowers_a_score(
        levels in levels(),
        skill in 0..skill_count(),
        new in 0u8..=5,
    ) {
        let before = assess(&profile_of(&levels));
        // Appended as a further entry: a new skill, or a repeat of one already there.
        let added = profile_of(&levels).with_skill(catalog().skills()[skill].id().as_str(), level(new));
        let after = assess(&added);
        assert_no_score_drops(
            &before,
            &after,
            &format!("adding {} at {new}", catalog().skills()[skill].id()),
        );
    }

    #[test]
    fn contributions_sum_to_the_score(levels in levels()) {
        let a = assess(&profile_of(&levels));
        for rs in a.roles() {
            let id = rs.role().id().as_str();
            let contributions = a.explain(id).unwrap();
            prop_assert_eq!(contributions.len(), catalog().requirements(id).unwrap().len());
            let sum: f64 = contributions.iter().map(|c| c.contribution).sum();
            prop_assert!(
                (sum - rs.score()).abs() <= 1e-9,
                "{}: contributions sum to {} but the score is {}", id, sum, rs.score()
            );
        }
    }

    #[test]
    fn roles_are_sorted_by_fit_then_id(levels in levels()) {
        let a = assess(&profile_of(&levels));
        for pair in a.roles().windows(2) {
            let (x, y) = (&pair[0], &pair[1]);
            prop_assert!(
                x.fit() > y.fit() || (x.fit() == y.fit() && x.role().id() < y.role().id()),
                "{} ({}) before {} ({})", x.role().id(), x.fit(), y.role().id(), y.fit()
            );
            // Fit is the harmonic mean of readiness and usage, both in 0..=1.
            for rs in [x, y] {
                prop_assert!((0.0..=1.0).contains(&rs.usage()));
                let (s, u) = (rs.score(), rs.usage());
                let want = if s + u > 0.0 { 2.0 * s * u / (s + u) } else { 0.0 };
                prop_assert!((rs.fit() - want).abs() < 1e-9);
                prop_assert!(rs.fit() <= s.max(u) + 1e-12 && rs.fit() >= s.min(u) - 1e-12);
            }
        }
        prop_assert_eq!(a.best().map(|b| b.role().id()), a.roles().first().map(|b| b.role().id()));
    }

    #[test]
    fn same_profile_same_results(levels in levels()) {
        let profile = profile_of(&levels);
        let (a, b) = (assess(&profile), assess(&profile));
        prop_assert_eq!(a.roles(), b.roles());
        for role in role_ids() {
            prop_assert_eq!(a.gaps(role).unwrap(), b.gaps(role).unwrap());
            prop_assert_eq!(a.plan(role).unwrap(), b.plan(role).unwrap());
            prop_assert_eq!(a.explain(role).unwrap(), b.explain(role).unwrap());
        }
    }

    #[test]
    fn gaps_match_the_obvious_computation(levels in levels()) {
        let a = assess(&profile_of(&levels));
        for role in role_ids() {
            support::check_gaps(&a, role);
            for g in a.gaps(role).unwrap().by_priority() {
                let have = a.level_of(g.skill().id().as_str());
                let need = g.need().as_f64();
                prop_assert_eq!(g.priority(), g.weight() * (need - have) / need);
            }
        }
    }

    #[test]
    fn every_gap_has_less_than_it_needs(levels in levels()) {
        let a = assess(&profile_of(&levels));
        for role in role_ids() {
            for gap in a.gaps(role).unwrap().by_priority() {
                prop_assert!(
                    gap.have() < gap.need().as_f64(),
                    "{}: gap {} has {} and needs {}", role, gap.skill().id(), gap.have(), gap.need().get()
                );
                prop_assert!(gap.need() > Level::NONE);
            }
        }
    }

    #[test]
    fn learning_order_puts_prerequisites_first(levels in levels()) {
        let a = assess(&profile_of(&levels));
        for role in role_ids() {
            check_learning_order(&a, role);
        }
    }

    #[test]
    fn plans_are_valid(levels in levels()) {
        let a = assess(&profile_of(&levels));
        for role in role_ids() {
            check_plan(&a, role);
        }
    }

    #[test]
    fn meeting_every_requirement_means_ready_and_nothing_to_plan(
        levels in levels(),
        role in 0..role_count(),
    ) {
        let role = catalog().roles()[role].id().as_str();
        // Every requirement: the skills and the credentials (a doctorate satisfies the
        // built-in catalog's degree requirements).
        let profile = profile_of(&meeting_role(role, &levels)).with_credential(
            Credential::degree(DegreeLevel::Doctorate, ["computer science", "data science"]),
        );
        let a = assess(&profile);
        let rs = a.role(role).unwrap();
        prop_assert!(rs.is_ready(), "{} not ready: {:?}", role, rs.essentials());
        prop_assert!((rs.score() - 1.0).abs() <= 1e-9, "{} scores {}", role, rs.score());
        let gaps = a.gaps(role).unwrap();
        prop_assert!(gaps.is_empty(), "{}: gaps left: {:?}", role, gaps);
        let plan = a.plan(role).unwrap();
        prop_assert!(plan.is_empty(), "{}: plan not empty: {:?}", role, plan);
        prop_assert_eq!(plan.total_hours(), 0.0);
    }
}

#[test]
fn the_empty_profile_has_a_valid_plan_for_every_role() {
    let a = assess(&Profile::new());
    for role in role_ids() {
        check_learning_order(&a, role);
        check_plan(&a, role);
        assert_eq!(a.role(role).unwrap().score(), 0.0);
    }
}
