//! Scores, explanations, gaps and plans on a small fixture catalog whose numbers can be
//! worked out by hand.

use skillgap::assess::{Assessor, Gap, Rank, Recency, Source};
use skillgap::error::Warning;
use skillgap::{Catalog, Error, Importance, Level, Policy, Profile, Role, Skill};

fn fixture() -> Catalog {
    Catalog::from_json(include_str!("fixtures/small.json")).expect("fixture is valid")
}

fn profile() -> Profile {
    Profile::new()
        .with_skill("Python", Level::INTERMEDIATE)
        .with_skill("stat", Level::AWARENESS)
        .with_skill("pytorch", Level::BEGINNER)
}

/// The ids of the gaps implying `gap`.
fn implied_by(gap: &Gap<'_, '_>) -> Vec<String> {
    gap.implied_by().map(|s| s.id().to_string()).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn scores_follow_the_formula_and_rank_roles() {
    let catalog = fixture();
    let mut by_readiness = Policy::default();
    by_readiness.rank = Rank::Readiness;
    let a = Assessor::new(&catalog)
        .policy(by_readiness)
        .assess(&profile())
        .unwrap();
    let ids: Vec<&str> = a.roles().iter().map(|r| r.role().id().as_str()).collect();
    assert_eq!(ids, ["analyst", "mle"]);
    // analyst: (1.0·1 + 0.6·1/3) / 1.6
    assert!(close(a.roles()[0].score(), 1.2 / 1.6));
    assert!(a.roles()[0].is_ready());
    // mle merges python to level 4 essential; tensorflow gets 2 × 0.5 by transfer.
    // (1.0·3/4 + 0.6·1/3 + 1.0·0 + 0.6·1 + 0.3·1/2) / 3.5
    assert!(close(a.roles()[1].score(), 1.7 / 3.5));
    assert!(!a.roles()[1].is_ready());
    assert_eq!(a.roles()[1].essentials(), (0, 2));
}

#[test]
fn contributions_sum_to_the_score_and_name_their_source() {
    let catalog = fixture();
    let a = catalog.assess(&profile()).unwrap();
    let parts = a.explain("mle").unwrap();
    let sum: f64 = parts.iter().map(|c| c.contribution).sum();
    assert!(close(sum, a.role("mle").unwrap().score()));
    let tf = parts.iter().find(|c| c.skill.id() == "tensorflow").unwrap();
    assert_eq!(tf.have, 1.0);
    assert_eq!(
        tf.source,
        Source::Transfer {
            from: catalog.skill("pytorch").unwrap(),
            factor: 0.5
        }
    );
    let python = parts.iter().find(|c| c.skill.id() == "python").unwrap();
    assert_eq!(
        (python.need, python.importance),
        (Level::ADVANCED, Importance::Essential)
    );
    assert_eq!(
        parts.iter().find(|c| c.skill.id() == "ml").unwrap().source,
        Source::Missing
    );
}

#[test]
fn gaps_by_priority_and_in_learning_order() {
    let catalog = fixture();
    let a = catalog.assess(&profile()).unwrap();
    let gaps = a.gaps("mle").unwrap();
    let by_priority: Vec<(&str, f64)> = gaps
        .by_priority()
        .map(|g| (g.skill().id().as_str(), g.priority()))
        .collect();
    assert_eq!(by_priority.len(), 4);
    assert_eq!(by_priority[0].0, "ml");
    assert!(close(by_priority[0].1, 1.0));
    assert_eq!(by_priority[1].0, "stats");
    assert!(close(by_priority[1].1, 0.6 * 2.0 / 3.0));
    assert_eq!(by_priority[2].0, "python");
    assert!(close(by_priority[2].1, 0.25));
    assert_eq!(by_priority[3].0, "tensorflow");
    assert!(close(by_priority[3].1, 0.15));
    // ml needs stats at 2 (have 1): stats comes first; python (have 3) already suffices.
    let order: Vec<&str> = gaps
        .in_learning_order()
        .map(|g| g.skill().id().as_str())
        .collect();
    assert_eq!(order, ["stats", "ml", "python", "tensorflow"]);
    let stats = gaps.get("stats").unwrap();
    assert!(!stats.is_implied());
    assert_eq!(implied_by(&stats), ["ml"]);
}

#[test]
fn implied_gaps_inherit_the_weight_of_the_gap_implying_them() {
    let catalog = fixture();
    let a = catalog.assess(&Profile::new()).unwrap();
    let gaps = a.gaps("mle").unwrap();
    // stats is required (important) and needed by ml: it stays important.
    assert_eq!(
        gaps.get("stats").unwrap().importance(),
        Importance::Important
    );
    let a = catalog
        .assess(&Profile::new().with_skill("stats", Level::INTERMEDIATE))
        .unwrap();
    let gaps = a.gaps("mle").unwrap();
    assert!(gaps.get("stats").is_none());
}

/// An implied gap takes the largest weight and the highest importance of the gaps
/// implying it, whichever order they are met in.
#[test]
fn implied_gaps_take_the_largest_weight_and_highest_importance() {
    let catalog = Catalog::from_json(
        r#"{"format": "skillgap.catalog/1",
            "skills": [
              {"id": "a", "name": "A", "requires": [{"skill": "c", "level": 2}]},
              {"id": "b", "name": "B", "requires": [{"skill": "c", "level": 3}]},
              {"id": "c", "name": "C"}],
            "roles": [{"id": "r", "name": "R", "requirements": [
              {"skill": "a", "level": 3, "importance": "important", "weight": 2.0},
              {"skill": "b", "level": 3, "importance": "essential", "weight": 0.5}]}],
            "courses": []}"#,
    )
    .unwrap();
    let a = catalog.assess(&Profile::new()).unwrap();
    let gaps = a.gaps("r").unwrap();
    let c = gaps.get("c").unwrap();
    assert!(c.is_implied());
    assert_eq!(c.need(), Level::INTERMEDIATE);
    assert_eq!(c.weight(), 2.0);
    assert_eq!(c.importance(), Importance::Essential);
    assert_eq!(implied_by(&c), ["a", "b"]);
    // With `a` met, only `b` implies `c`.
    let a = catalog
        .assess(&Profile::new().with_skill("a", Level::EXPERT))
        .unwrap();
    let gaps = a.gaps("r").unwrap();
    let c = gaps.get("c").unwrap();
    assert_eq!((c.weight(), c.importance()), (0.5, Importance::Essential));
    assert_eq!(implied_by(&c), ["b"]);
    assert_eq!(gaps.len(), 2);
    let order: Vec<&str> = gaps
        .in_learning_order()
        .map(|g| g.skill().id().as_str())
        .collect();
    assert_eq!(order, ["c", "b"]);
}

/// A role whose requirement weights are all 0 counts its requirements alike: its score is
/// the mean credit, and the contributions still sum to it (found by fuzzing: the score was
/// 1 or the credit while every contribution was 0).
#[test]
fn a_role_whose_weights_are_all_zero_counts_its_requirements_alike() {
    let catalog = Catalog::from_json(
        r#"{"format": "skillgap.catalog/1",
            "skills": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "roles": [
              {"id": "one", "name": "One", "requirements": [
                {"skill": "a", "level": 5, "importance": "important", "weight": 0}]},
              {"id": "two", "name": "Two", "requirements": [
                {"skill": "a", "level": 2, "importance": "essential", "weight": 0},
                {"skill": "b", "level": 4, "importance": "important", "weight": 0}]}],
            "courses": []}"#,
    )
    .unwrap();
    let profiles = [
        (Profile::new(), [0.0, 0.0]),
        (
            Profile::new()
                .with_skill("a", Level::BEGINNER)
                .with_skill("b", Level::INTERMEDIATE),
            [0.4, 0.875],
        ),
    ];
    for (profile, scores) in profiles {
        let a = catalog.assess(&profile).unwrap();
        for (role, expected) in ["one", "two"].into_iter().zip(scores) {
            let score = a.role(role).unwrap().score();
            assert!(
                close(score, expected),
                "{role}: {score}, expected {expected}"
            );
            let explained = a.explain(role).unwrap();
            assert!(explained.iter().all(|c| c.weight == 1.0), "{role}");
            let sum: f64 = explained.iter().map(|c| c.contribution).sum();
            assert!(
                close(sum, score),
                "{role}: contributions {sum}, score {score}"
            );
        }
    }
}

#[test]
fn plan_closes_every_gap_in_a_valid_order() {
    let catalog = fixture();
    let a = catalog.assess(&profile()).unwrap();
    let plan = a.plan("mle").unwrap();
    assert!(plan.uncovered().is_empty());
    let ids: Vec<&str> = plan
        .courses()
        .iter()
        .map(|c| c.course().id().as_str())
        .collect();
    let pos = |id: &str| ids.iter().position(|&x| x == id).unwrap();
    assert!(pos("stats-101") < pos("ml-course"), "{ids:?}");
    assert!(ids.contains(&"py-adv"));
    assert!(
        !ids.contains(&"py-basics"),
        "python 3 already meets py-adv's requirement"
    );
    let closed: Vec<&str> = plan
        .courses()
        .iter()
        .flat_map(|c| c.closes().iter().map(|s| s.id().as_str()))
        .collect();
    for skill in ["ml", "stats", "python", "tensorflow"] {
        assert!(closed.contains(&skill), "{skill} not closed: {closed:?}");
    }
    let hours: f64 = plan.courses().iter().map(|c| c.course().hours()).sum();
    assert_eq!(plan.total_hours(), hours);
}

#[test]
fn ready_profile_gets_an_empty_plan() {
    let catalog = fixture();
    let p = Profile::new()
        .with_skill("python", Level::EXPERT)
        .with_skill("stats", Level::EXPERT);
    let a = catalog.assess(&p).unwrap();
    assert!(a.role("analyst").unwrap().is_ready());
    assert!(a.plan("analyst").unwrap().is_empty());
}

#[test]
fn unclosable_gaps_are_reported_with_a_reason() {
    // Drop tf-course, and let stats-101 teach stats only to level 1.
    let json = include_str!("fixtures/small.json")
        .replace(
            r#"{"id": "tf-course", "title": "TensorFlow in Practice", "provider": "Test", "hours": 12,
     "teaches": [{"skill": "tensorflow", "level": 3}], "requires": [{"skill": "python", "level": 3}]},"#,
            "",
        )
        .replace(
            r#""teaches": [{"skill": "stats", "level": 3}]"#,
            r#""teaches": [{"skill": "stats", "level": 1}]"#,
        );
    let catalog = Catalog::from_json(&json).unwrap();
    let a = catalog.assess(&Profile::new()).unwrap();
    let plan = a.plan("mle").unwrap();
    let uncovered: Vec<(&str, String)> = plan
        .uncovered()
        .iter()
        .map(|u| (u.skill.id().as_str(), u.reason.to_string()))
        .collect();
    assert!(
        uncovered
            .iter()
            .any(|(s, r)| *s == "stats" && r.contains("that high")),
        "{uncovered:?}"
    );
    // ml-course needs stats 2, which nothing teaches: ml is unreachable, and so is
    // tf-cheap's tensorflow.
    assert!(
        uncovered
            .iter()
            .any(|(s, r)| *s == "ml" && r.contains("ml-course")),
        "{uncovered:?}"
    );
    assert!(
        uncovered.iter().any(|(s, _)| *s == "tensorflow"),
        "{uncovered:?}"
    );
    // python is still closable.
    assert!(plan.courses().iter().any(|c| c.course().id() == "py-adv"));
}

#[test]
fn unresolved_names_warn_with_suggestions_or_fail_in_strict_mode() {
    let catalog = fixture();
    let p = Profile::new()
        .with_skill("Pyhton", Level::ADVANCED)
        .with_skill("py", Level::BEGINNER);
    let a = catalog.assess(&p).unwrap();
    match a.warnings() {
        [Warning::UnresolvedSkill { name, suggestions }] => {
            assert_eq!(name, "Pyhton");
            assert_eq!(suggestions[0], "python");
        }
        other => panic!("unexpected warnings {other:?}"),
    }
    assert!(a.warnings()[0]
        .to_string()
        .contains("did you mean `python`"));
    assert_eq!(a.level_of("python"), 2.0);
    match Assessor::new(&catalog).strict(true).assess(&p) {
        Err(Error::UnresolvedSkills { unresolved }) => assert_eq!(unresolved.len(), 1),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn unknown_role_suggests_the_closest() {
    let catalog = fixture();
    let a = catalog.assess(&profile()).unwrap();
    let e = a.gaps("mle-engineer").unwrap_err().to_string();
    assert!(e.contains("unknown role `mle-engineer`"), "{e}");
    let e = a.plan("Analyst").unwrap_err().to_string();
    assert!(e.contains("did you mean `analyst`?"), "{e}");
}

#[test]
fn gaps_for_a_score_match_gaps_by_id_even_across_catalogs() {
    let catalog = fixture();
    let a = catalog.assess(&profile()).unwrap();
    for scored in a.roles() {
        let id = scored.role().id().as_str();
        assert_eq!(a.gaps_for(scored).unwrap(), a.gaps(id).unwrap(), "{id}");
    }
    // A score from another catalog: found by id when this one has the role, an error
    // otherwise.
    let twin = fixture();
    let other = twin.assess(&profile()).unwrap();
    for scored in other.roles() {
        let id = scored.role().id().as_str();
        assert_eq!(a.gaps_for(scored).unwrap(), a.gaps(id).unwrap(), "{id}");
    }
    let builtin = Catalog::builtin().assess(&profile()).unwrap();
    let foreign = builtin.best().unwrap();
    assert!(matches!(
        a.gaps_for(&foreign),
        Err(Error::UnknownRole { .. })
    ));
}

#[test]
fn policy_switches_change_scores_as_documented() {
    let catalog = fixture();
    let p = profile();
    let mut no_partial = Policy::default();
    no_partial.partial_credit = false;
    let a = Assessor::new(&catalog)
        .policy(no_partial)
        .assess(&p)
        .unwrap();
    // analyst: only python counts: 1.0 / 1.6
    assert!(close(a.role("analyst").unwrap().score(), 1.0 / 1.6));

    let mut no_transfer = Policy::default();
    no_transfer.transfer = false;
    let a = Assessor::new(&catalog)
        .policy(no_transfer)
        .assess(&p)
        .unwrap();
    assert_eq!(a.level_of("tensorflow"), 0.0);
    assert!(close(a.role("mle").unwrap().score(), 1.55 / 3.5));

    let mut recency = Policy::default();
    recency.recency = Some(Recency::new(2026));
    let old = Profile::new().with_skill_used("python", Level::ADVANCED, 2019);
    let a = Assessor::new(&catalog)
        .policy(recency)
        .assess(&old)
        .unwrap();
    // 7 years ago, 2 of grace: 1 − 0.5 = 0.5 → 4 × 0.5
    assert!(close(a.level_of("python"), 2.0));

    let mut weights = Policy::default();
    weights.weights.important = 0.0;
    let a = Assessor::new(&catalog).policy(weights).assess(&p).unwrap();
    assert!(close(a.role("analyst").unwrap().score(), 1.0));
}

#[test]
fn repeated_profile_skills_keep_the_highest_level() {
    let catalog = fixture();
    let p = Profile::new()
        .with_skill("python", Level::BEGINNER)
        .with_skill("Py", Level::ADVANCED);
    let a = catalog.assess(&p).unwrap();
    assert_eq!(a.level_of("python"), 4.0);
    assert!(matches!(a.warnings()[0], Warning::DuplicateSkill { .. }));
}

#[test]
fn catalog_is_send_and_sync_and_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Catalog>();
    let catalog = std::sync::Arc::new(fixture());
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let c = std::sync::Arc::clone(&catalog);
            std::thread::spawn(move || {
                c.assess(&profile())
                    .unwrap()
                    .role("analyst")
                    .unwrap()
                    .score()
            })
        })
        .collect();
    for h in handles {
        assert!(close(h.join().unwrap(), 0.75));
    }
}

/// Near-duplicate roles: a general export manager and two specialised ones. A wine
/// exporter with some marketing is fully ready for the general role, but the wine role
/// uses more of the profile: readiness ranks the general role first, fit the wine one.
#[test]
fn fit_tells_near_duplicate_roles_apart() {
    let common = ["sales", "negotiation", "export-law"];
    let mut skills: Vec<Skill> = [
        "sales",
        "negotiation",
        "export-law",
        "wine",
        "textiles",
        "marketing",
    ]
    .iter()
    .map(|id| Skill::new(*id, id.to_uppercase()))
    .collect();
    skills.sort_by(|a, b| a.id().cmp(b.id()));
    let role = |id: &str, special: Option<&str>| {
        let mut r = Role::new(id, id);
        for s in common.iter().copied().chain(special) {
            r = r.with_requirement(s, Level::INTERMEDIATE, Importance::Essential);
        }
        r
    };
    let catalog = Catalog::new(
        skills,
        vec![
            role("export-general", None),
            role("export-textiles", Some("textiles")),
            role("export-wine", Some("wine")),
        ],
        vec![],
    )
    .unwrap();
    let profile = Profile::new()
        .with_skill("sales", Level::INTERMEDIATE)
        .with_skill("negotiation", Level::INTERMEDIATE)
        .with_skill("export-law", Level::INTERMEDIATE)
        .with_skill("wine", Level::BEGINNER)
        .with_skill("marketing", Level::INTERMEDIATE);
    let a = catalog.assess(&profile).unwrap();
    // Held: 3 + 3 + 3 + 2 + 3 = 14. general: readiness 1, usage 9/14; wine: readiness
    // (3 + 2/3)/4, usage 11/14; textiles: readiness 3/4, usage 9/14.
    let general = a.role("export-general").unwrap();
    let wine = a.role("export-wine").unwrap();
    assert!(close(general.usage(), 9.0 / 14.0) && close(wine.usage(), 11.0 / 14.0));
    let (s, u) = (11.0 / 12.0, 11.0 / 14.0);
    assert!(close(wine.fit(), 2.0 * s * u / (s + u)));
    let ids = |a: &skillgap::Assessment<'_>| -> Vec<String> {
        a.roles()
            .iter()
            .map(|r| r.role().id().to_string())
            .collect()
    };
    assert_eq!(
        ids(&a),
        ["export-wine", "export-general", "export-textiles"]
    );
    let mut by_readiness = Policy::default();
    by_readiness.rank = Rank::Readiness;
    let r = Assessor::new(&catalog)
        .policy(by_readiness)
        .assess(&profile)
        .unwrap();
    assert_eq!(
        ids(&r),
        ["export-general", "export-wine", "export-textiles"]
    );
    // The explanation names what the role uses of the profile and what it leaves.
    let why = a.explain_fit("export-wine").unwrap();
    let used: Vec<&str> = why.used.iter().map(|(s, _)| s.id().as_str()).collect();
    let unused: Vec<&str> = why.unused.iter().map(|(s, _)| s.id().as_str()).collect();
    assert_eq!(used, ["export-law", "negotiation", "sales", "wine"]);
    assert_eq!(unused, ["marketing"]);
    assert!(close(why.fit, wine.fit()));
}
