//! Credentials as gates, programmes in plans, and role facts: the acceptance points of
//! the feature, each against a small catalog whose numbers are worked out by hand, and
//! the built-in catalog's seed data.

use skillgap::error::Problem;
use skillgap::model::{
    Credential, CredentialRequirement, DegreeLevel, Demand, Pay, Programme, Seniority,
};
use skillgap::plan::{Planner, ReadyRank, Scope};
use skillgap::{Catalog, Course, Error, Importance, Level, Profile, Role, Skill};

fn bachelor(fields: &[&str]) -> Credential {
    Credential::degree(DegreeLevel::Bachelor, fields.iter().copied())
}

/// One skill, `ml`; a role gated by a bachelor's in computer science or mathematics
/// (statistics counted as related), or an ML certification; a course teaching `ml`.
fn gated_role() -> Role {
    Role::new("mle", "ML engineer")
        .with_requirement("ml", Level::INTERMEDIATE, Importance::Essential)
        .with_credential(
            CredentialRequirement::required(bachelor(&["computer science", "mathematics"]))
                .or(Credential::certification("Certified ML Professional"))
                .with_related_field("statistics"),
        )
}

fn catalog_with(programmes: Vec<Programme>) -> Catalog {
    Catalog::builder()
        .skill(Skill::new("ml", "Machine learning"))
        .role(gated_role())
        .role(Role::new("analyst", "Analyst").with_requirement(
            "ml",
            Level::BEGINNER,
            Importance::Essential,
        ))
        .course(
            Course::new("ml-course", "ML")
                .with_provider("P")
                .with_hours(30.0)
                .with_teaches("ml", Level::INTERMEDIATE),
        )
        .programmes(programmes)
        .build()
        .expect("valid catalog")
}

fn bsc() -> Programme {
    Programme::new("bsc-cs", "BSc Computer Science")
        .with_provider("A university")
        .with_duration(48.0, 4_800.0)
        .with_confers(bachelor(&["Computer Science"]))
}

fn skilled() -> Profile {
    Profile::new().with_skill("ml", Level::ADVANCED)
}

#[test]
fn a_degree_gate_holds_back_a_skilled_profile_until_the_degree_is_held() {
    let catalog = catalog_with(vec![]);
    let a = catalog.assess(&skilled()).unwrap();
    let rs = a.role("mle").unwrap();
    assert_eq!(rs.score(), 1.0, "the gate does not count in the score");
    assert_eq!(rs.essentials(), (1, 1));
    assert_eq!(rs.gates(), (0, 1));
    assert!(!rs.is_ready(), "a missing gate means not ready");
    let checks = a.credentials("mle").unwrap();
    assert_eq!(checks.len(), 1);
    assert!(checks[0].is_missing_gate());
    let json = serde_json::to_value(a.report()).unwrap();
    let role = json["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "mle")
        .unwrap();
    assert_eq!(role["ready"], false);
    assert_eq!(role["gates"], 1);
    assert_eq!(role["gates_met"], 0);
    assert_eq!(role["credentials"][0]["met"], false);

    let graduate = skilled().with_credential(bachelor(&["Mathematics"]));
    let a = catalog.assess(&graduate).unwrap();
    let rs = a.role("mle").unwrap();
    assert_eq!(rs.gates(), (1, 1));
    assert!(rs.is_ready());
    assert_eq!(
        a.credentials("mle").unwrap()[0].met_by,
        Some(bachelor(&["Mathematics"]))
    );
    // A role without credentials reports no gates, and its JSON has no gate fields.
    let analyst = serde_json::to_value(a.role("analyst").unwrap()).unwrap();
    assert!(analyst.get("gates").is_none());
}

#[test]
fn alternatives_related_fields_and_higher_degrees_satisfy_a_gate() {
    let catalog = catalog_with(vec![]);
    let ready = |held: Credential| {
        let profile = skilled().with_credential(held);
        catalog
            .assess(&profile)
            .unwrap()
            .role("mle")
            .unwrap()
            .is_ready()
    };
    assert!(ready(Credential::certification(
        "certified  ml professional"
    )));
    assert!(ready(bachelor(&["Statistics"])), "a related field");
    assert!(ready(Credential::degree(
        DegreeLevel::Doctorate,
        ["computer science"]
    )));
    assert!(!ready(bachelor(&["history"])), "another field");
    assert!(!ready(Credential::degree(
        DegreeLevel::Associate,
        ["computer science"]
    )));
    assert!(!ready(Credential::licence("Certified ML Professional")));
    assert!(!ready(Credential::certification("Another certification")));
}

#[test]
fn gates_are_inherited_through_extends() {
    let catalog = Catalog::builder()
        .skill(Skill::new("ml", "Machine learning"))
        .role(gated_role())
        .role(Role::new("lead", "Lead").with_extends("mle"))
        .build()
        .unwrap();
    assert_eq!(catalog.credentials("lead").unwrap().len(), 1);
    let a = catalog.assess(&skilled()).unwrap();
    assert!(!a.role("lead").unwrap().is_ready());
}

#[test]
fn a_preferred_credential_weighs_like_an_optional_requirement() {
    let catalog = |weight: Option<f64>| {
        let mut preferred = CredentialRequirement::preferred(Credential::degree(
            DegreeLevel::Master,
            ["statistics"],
        ));
        if let Some(w) = weight {
            preferred = preferred.with_weight(w);
        }
        Catalog::new(
            vec![Skill::new("ml", "ML"), Skill::new("sql", "SQL")],
            vec![Role::new("r", "R")
                .with_requirement("ml", Level::INTERMEDIATE, Importance::Essential)
                .with_requirement("sql", Level::INTERMEDIATE, Importance::Important)
                .with_credential(preferred)],
            vec![],
        )
        .unwrap()
    };
    let profile = Profile::new().with_skill("ml", Level::INTERMEDIATE);
    let master = Credential::degree(DegreeLevel::Master, ["Statistics"]);
    // Default weights: essential 1.0, important 0.6, optional 0.3 (the preferred one).
    let plain = catalog(None);
    let without = plain.assess(&profile).unwrap().role("r").unwrap();
    assert!(
        (without.score() - 1.0 / 1.9).abs() < 1e-9,
        "{}",
        without.score()
    );
    assert!(without.is_ready(), "a preference is never a gate");
    let holder = profile.clone().with_credential(master.clone());
    let a = plain.assess(&holder).unwrap();
    let with = a.role("r").unwrap();
    assert!((with.score() - 1.3 / 1.9).abs() < 1e-9, "{}", with.score());
    // The skill contributions and the credential's sum to the score.
    let skills: f64 = a.explain("r").unwrap().iter().map(|c| c.contribution).sum();
    let creds: f64 = a
        .credentials("r")
        .unwrap()
        .iter()
        .map(|c| c.contribution)
        .sum();
    assert!((skills + creds - with.score()).abs() < 1e-9);
    assert!((creds - 0.3 / 1.9).abs() < 1e-9);

    // An explicit weight replaces the optional weight.
    let weighted = catalog(Some(1.0));
    let s = |p: &Profile| weighted.assess(p).unwrap().role("r").unwrap().score();
    assert!((s(&profile) - 1.0 / 2.6).abs() < 1e-9);
    assert!((s(&holder) - 2.0 / 2.6).abs() < 1e-9);

    // Meeting every skill but not the preference is short of 1; with it, exactly 1.
    let full = Profile::new()
        .with_skill("ml", Level::EXPERT)
        .with_skill("sql", Level::EXPERT);
    assert!((s(&full) - 1.6 / 2.6).abs() < 1e-9);
    assert_eq!(s(&full.with_credential(master)), 1.0);
}

#[test]
fn a_cohort_ranks_members_with_the_same_credential_terms() {
    let catalog = catalog_with(vec![]);
    let graduate = skilled().with_credential(bachelor(&["computer science"]));
    let cohort = skillgap::assess::Assessor::new(&catalog)
        .cohort(&[skilled().with_name("a"), graduate.with_name("b")])
        .unwrap();
    let ready = cohort.readiness("mle").unwrap();
    assert_eq!(ready.ready, 1, "only the graduate is ready: {ready:?}");

    // A course alone makes ready only the member who holds the degree.
    let beginners = [
        Profile::new().with_name("a"),
        Profile::new()
            .with_name("b")
            .with_credential(bachelor(&["mathematics"])),
    ];
    let cohort = skillgap::assess::Assessor::new(&catalog)
        .cohort(&beginners)
        .unwrap();
    let maker = cohort.next_course_for_most("mle").unwrap().unwrap();
    assert_eq!(maker.members, [1]);
}

#[test]
fn plans_include_the_degree_programme_when_the_catalog_has_one() {
    let catalog = catalog_with(vec![
        bsc(),
        Programme::new("bsc-cs-long", "BSc Computer Science, part time")
            .with_provider("A university")
            .with_duration(72.0, 5_000.0)
            .with_confers(bachelor(&["computer science"])),
    ]);
    let profile = Profile::new().with_skill("ml", Level::BEGINNER);
    let a = catalog.assess(&profile).unwrap();
    let plan = a.plan("mle").unwrap();
    assert_eq!(plan.courses().len(), 1);
    assert_eq!(plan.gates().len(), 1);
    let programme = plan.gates()[0]
        .programme
        .expect("a programme confers the degree");
    assert_eq!(programme.id(), "bsc-cs", "the fewest hours win");
    assert_eq!(plan.programme_time(), Some((4_800.0, 48.0)));
    assert_eq!(plan.total_hours(), 30.0, "programmes are not courses");
    let text = plan.gates()[0].to_string();
    assert!(text.contains("about 4 years"), "{text}");
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["gates"][0]["programme"]["id"], "bsc-cs");
    assert_eq!(json["programme_months"], 48.0);

    // The plan done, the profile holds the degree and the role is ready.
    let after = catalog.assess(&plan.apply(&profile)).unwrap();
    assert!(after.role("mle").unwrap().is_ready());

    // Hours to ready: the courses and the programme, the skills-only road beside.
    let ready = a.hours_to_ready();
    let mle = ready.iter().find(|r| r.role.id() == "mle").unwrap();
    assert_eq!(mle.skills_hours, Some(30.0));
    assert_eq!(mle.hours, Some(4_830.0));
    assert_eq!(mle.months, 48.0);
    assert!(
        mle.describe().contains("needs a degree"),
        "{}",
        mle.describe()
    );
    assert_eq!(ready[0].role.id(), "analyst", "the ungated role is sooner");
}

#[test]
fn an_unmet_gate_without_a_programme_is_reported_never_ignored() {
    let catalog = catalog_with(vec![]);
    let a = catalog.assess(&Profile::new()).unwrap();
    let plan = Planner::new(&a)
        .scope(Scope::Ready)
        .for_role("mle")
        .unwrap();
    assert_eq!(plan.gates().len(), 1);
    assert!(plan.gates()[0].programme.is_none());
    assert_eq!(plan.programme_time(), None);
    assert!(plan.gates()[0]
        .to_string()
        .contains("no programme in the catalog confers it"));
    let mle = a
        .hours_to_ready()
        .into_iter()
        .find(|r| r.role.id() == "mle")
        .unwrap();
    assert_eq!(mle.hours, None, "cannot be made ready");
    assert_eq!(
        mle.skills_hours,
        Some(30.0),
        "the skills road is still shown"
    );
    let after = catalog.assess(&plan.apply(&Profile::new())).unwrap();
    assert!(!after.role("mle").unwrap().is_ready());
    // A career path to the role says so too, and a gated role is no stepping stone.
    let path = Planner::new(&a).career_path("mle", 4).unwrap();
    assert_eq!(path.gates.len(), 1);
    assert!(path
        .explanations()
        .iter()
        .any(|e| e.contains("no programme")));
}

#[test]
fn hours_to_ready_can_rank_by_pay_gained_per_hour() {
    let pay = |amount: f64| Pay::amount("United States", "USD", amount, "a survey", 2024);
    let catalog = Catalog::builder()
        .skills([Skill::new("a", "A"), Skill::new("b", "B")])
        .role(
            Role::new("cheap", "Cheap")
                .with_requirement("a", Level::BEGINNER, Importance::Essential)
                .with_pay(pay(50_000.0)),
        )
        .role(
            Role::new("rich", "Rich")
                .with_requirement("b", Level::BEGINNER, Importance::Essential)
                .with_pay(pay(200_000.0))
                .with_pay(pay(1.0).with_seniority(Seniority::Entry)),
        )
        .role(Role::new("unpaid", "Unpaid").with_requirement(
            "a",
            Level::BEGINNER,
            Importance::Essential,
        ))
        .courses([
            Course::new("ca", "A")
                .with_provider("P")
                .with_hours(10.0)
                .with_teaches("a", Level::BEGINNER),
            Course::new("cb", "B")
                .with_provider("P")
                .with_hours(20.0)
                .with_teaches("b", Level::BEGINNER),
        ])
        .build()
        .unwrap();
    let a = catalog.assess(&Profile::new()).unwrap();
    let by_hours: Vec<_> = a
        .hours_to_ready()
        .iter()
        .map(|r| r.role.id().to_string())
        .collect();
    assert_eq!(by_hours, ["cheap", "unpaid", "rich"]);
    let rank = ReadyRank::PayPerHour {
        region: "united states".into(),
        currency: "USD".into(),
        current: 40_000.0,
    };
    // rich: (200,000 − 40,000) / 20 = 8,000 an hour; cheap: 10,000 / 10 = 1,000.
    let by_pay: Vec<_> = Planner::new(&a)
        .hours_to_ready_by(&rank)
        .iter()
        .map(|r| r.role.id().to_string())
        .collect();
    assert_eq!(by_pay, ["rich", "cheap", "unpaid"]);
}

fn facts_catalog() -> Catalog {
    Catalog::builder()
        .skill(Skill::new("ml", "ML"))
        .role(
            gated_role()
                .with_credential(
                    CredentialRequirement::preferred(Credential::degree(
                        DegreeLevel::Master,
                        ["ml"],
                    ))
                    .with_weight(0.5)
                    .with_note("many hold one")
                    .with_source("an article", 2020),
                )
                .with_pay(
                    Pay::range("India", "INR", 1_011_000.0, 1_528_000.0, "an article", 2021)
                        .with_employer("Accenture"),
                )
                .with_pay(
                    Pay::amount("United States", "USD", 98_000.0, "another", 2024)
                        .with_seniority(Seniority::Entry)
                        .with_note("up to"),
                )
                .with_demand(
                    Demand::new("ten-fold in eight years", "another", 2024)
                        .with_factor(10.0, "2016-2024")
                        .with_region("United States"),
                ),
        )
        .programme(bsc().with_cost(40_000.0).with_note("four years"))
        .build()
        .unwrap()
}

#[test]
fn facts_credentials_and_programmes_round_trip_through_json() {
    let catalog = facts_catalog();
    let json = catalog.to_json();
    let back = Catalog::from_json(&json).unwrap();
    assert_eq!(back.roles(), catalog.roles());
    assert_eq!(back.programmes(), catalog.programmes());
    assert_eq!(back.to_json(), json);
    let role: Role =
        serde_json::from_str(&serde_json::to_string(&catalog.roles()[0]).unwrap()).unwrap();
    assert_eq!(&role, &catalog.roles()[0]);
    assert_eq!(role.pay()[0].typical(), 1_269_500.0);
    assert_eq!(role.demand()[0].factor(), Some(10.0));

    let profile = skilled()
        .with_credential(bachelor(&["physics"]))
        .with_credential(Credential::certification("X"));
    assert_eq!(Profile::from_json(&profile.to_json()).unwrap(), profile);
}

#[cfg(feature = "toml")]
#[test]
fn facts_credentials_and_programmes_round_trip_through_toml() {
    let catalog = facts_catalog();
    let toml = catalog.to_toml().unwrap();
    let back = Catalog::from_toml(&toml).unwrap();
    assert_eq!(back.roles(), catalog.roles());
    assert_eq!(back.programmes(), catalog.programmes());
    let profile = skilled()
        .with_credential(bachelor(&["physics"]))
        .with_credential(Credential::licence("Y"));
    assert_eq!(
        Profile::from_toml(&profile.to_toml().unwrap()).unwrap(),
        profile
    );
}

#[test]
fn documents_without_credentials_are_written_as_before() {
    let catalog = Catalog::new(
        vec![Skill::new("ml", "ML")],
        vec![Role::new("r", "R").with_requirement("ml", Level::BEGINNER, Importance::Essential)],
        vec![],
    )
    .unwrap();
    let json = catalog.to_json();
    for key in ["credentials", "programmes", "pay", "demand"] {
        assert!(!json.contains(key), "{key} in {json}");
    }
    assert!(!skilled().to_json().contains("credentials"));
}

fn problems(json: &str) -> Vec<Problem> {
    match Catalog::from_json(json) {
        Err(Error::InvalidCatalog { problems }) => problems,
        other => panic!("expected an invalid catalog, got {other:?}"),
    }
}

#[test]
fn bad_credential_and_fact_data_is_reported_with_place_and_fix() {
    let json = r#"{"format": "skillgap.catalog/1",
      "skills": [{"id": "ml", "name": "ML"}],
      "roles": [{"id": "r", "name": "R",
        "requirements": [{"skill": "ml", "level": 2, "importance": "essential"}],
        "credentials": [
          {"any_of": [], "need": "required"},
          {"any_of": [{"kind": "certification", "name": " "}], "need": "required", "weight": 2},
          {"any_of": [{"kind": "licence", "name": "L"}], "related_fields": ["x"], "need": "preferred", "weight": -1}
        ],
        "pay": [
          {"region": "India", "currency": "rupees", "amount": 1, "source": "s", "year": 2021},
          {"region": "India", "currency": "INR", "range": [5, 1], "source": "s", "year": 2021},
          {"region": "India", "currency": "INR", "source": "", "year": 20}
        ],
        "demand": [{"text": "grows", "factor": 0, "source": "s", "year": 2024}]}],
      "programmes": [{"id": "p", "title": "P", "provider": "", "months": 0, "hours": 1, "confers": []}]}"#;
    let found: Vec<String> = problems(json).iter().map(ToString::to_string).collect();
    let expect = [
        "`credentials[0].any_of`: empty; a credential requirement lists at least one",
        "`credentials[1].any_of[0].name`: invalid label",
        "`credentials[1].weight`: invalid value `2`: expected no weight on a required credential",
        "`credentials[2].related_fields`: invalid value `x`",
        "`credentials[2].weight`: invalid value -1",
        "`pay[0].currency`: invalid value `rupees`: expected an ISO 4217 currency code",
        "`pay[1].range`: invalid value `[5, 1]`",
        "`pay[2].amount`: invalid value `amount and range`: expected either an `amount` or a `range`",
        "`pay[2].source`: empty",
        "`pay[2].year`: invalid value `20`",
        "`demand[0].factor`: invalid value 0",
        "programme `p` (#0), `provider`: empty",
        "programme `p` (#0), `months`: invalid value 0",
        "programme `p` (#0), `confers`: empty",
    ];
    for e in expect {
        assert!(
            found.iter().any(|f| f.contains(e)),
            "no `{e}` in {found:#?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    // An unknown credential kind or field is a format error, with its line.
    let e = Catalog::from_json(
        r#"{"format": "skillgap.catalog/1", "roles": [{"id": "r", "name": "R",
        "credentials": [{"any_of": [{"kind": "diploma", "name": "x"}], "need": "required"}]}]}"#,
    )
    .unwrap_err();
    assert!(matches!(e, Error::Json { line: 2, .. }), "{e}");
}

#[test]
fn the_builtin_roles_carry_the_seeds_education_and_pay() {
    let catalog = Catalog::builtin();
    let mle = catalog.credentials("machine-learning-engineer").unwrap();
    let gate = mle.iter().find(|c| c.is_gate()).expect("a degree gate");
    assert_eq!(gate.year(), Some(2020));
    assert!(gate.accepts(&bachelor(&["computer science"])));
    assert!(gate.accepts(&bachelor(&["statistics"])), "a related field");
    assert!(mle.iter().any(|c| !c.is_gate()
        && c.accepts(&Credential::degree(
            DegreeLevel::Doctorate,
            ["machine learning"]
        ))));
    let dse = catalog.credentials("data-science-engineer").unwrap();
    assert!(
        !dse.is_empty() && dse.iter().all(|c| !c.is_gate()),
        "common, not required"
    );

    let role = catalog.role("machine-learning-engineer").unwrap();
    let amounts: Vec<(&str, f64, i32)> = role
        .pay()
        .iter()
        .map(|p| (p.currency(), p.typical(), p.year()))
        .collect();
    for expected in [
        ("USD", 146_085.0, 2024),
        ("USD", 98_000.0, 2024),
        ("INR", 795_677.0, 2021),
        ("INR", 1_000_000.0, 2024),
    ] {
        assert!(amounts.contains(&expected), "{expected:?} in {amounts:?}");
    }
    assert!(role.pay().iter().any(|p| p.employer() == Some("Microsoft")));
    assert!(role.demand().iter().any(|d| d.factor() == Some(10.0)));
    let seeds = [
        "Machine Learning Engineer vs Data Science Engineer: A Comprehensive Comparison",
        "What Does a Machine Learning Engineer Do?",
        "How to Become a Machine Learning Engineer",
    ];
    assert!(role.pay().iter().all(|p| seeds.contains(&p.source())));
    assert!(role.demand().iter().all(|d| seeds.contains(&d.source())));

    // The four-year degree of the seeds is a programme, so hours to ready says so.
    let bsc = catalog.programme("bachelor-computer-science").unwrap();
    assert_eq!(bsc.years(), 4.0);
    let a = catalog
        .assess(&Profile::new().with_skill("python", Level::ADVANCED))
        .unwrap();
    let ready = a.hours_to_ready();
    let mle = ready
        .iter()
        .find(|r| r.role.id() == "machine-learning-engineer")
        .unwrap();
    assert!(
        mle.describe().contains("about 4 years"),
        "{}",
        mle.describe()
    );
    assert_eq!(mle.hours, Some(mle.skills_hours.unwrap() + 4_800.0));
}

#[test]
fn reports_show_gates_and_facts() {
    let catalog = Catalog::builtin();
    let profile = Profile::new().with_skill("python", Level::ADVANCED);
    let a = catalog.assess(&profile).unwrap();
    let html = skillgap::render::HtmlReport::new(&a)
        .target("machine-learning-engineer")
        .render()
        .unwrap();
    assert!(html.contains("<section id=\"credentials\""));
    assert!(html.contains("<strong>missing</strong>: not ready without it"));
    assert!(html.contains("146085 USD a year"));
    assert!(html.contains("a required credential missing"));
    assert!(html.contains("about 4 years"));
    let other = skillgap::render::HtmlReport::new(&a)
        .target("software-engineer")
        .render()
        .unwrap();
    assert!(!other.contains("<section id=\"credentials\""));

    let plan = a.plan("machine-learning-engineer").unwrap();
    let markdown = plan.to_markdown(None).unwrap();
    assert!(markdown.contains("## Credentials"), "{markdown}");
    assert!(markdown.contains("Bachelor's degree in computer science, about 4 years"));
}

#[test]
fn a_held_credential_with_an_empty_name_is_a_profile_problem() {
    let json = r#"{"format": "skillgap.profile/1", "skills": [],
        "credentials": [{"kind": "degree", "level": "master", "fields": ["statistics"]},
                        {"kind": "certification", "name": "  "}]}"#;
    match Profile::from_json(json) {
        Err(Error::InvalidProfile { problems }) => {
            assert_eq!(problems.len(), 1);
            let text = problems[0].to_string();
            assert!(
                text.starts_with("profile credential `certification` (#1), `name`: empty"),
                "{text}"
            );
        }
        other => panic!("expected an invalid profile, got {other:?}"),
    }
}

/// The best few by a scan agree with the full ranking when credentials weigh in the
/// scores (the scans prune on the numerators and totals the credentials add to).
#[test]
fn top_k_agrees_with_the_ranking_with_credentials() {
    let catalog = Catalog::builtin();
    let holder = Profile::new()
        .with_skill("python", Level::ADVANCED)
        .with_skill("machine learning", Level::INTERMEDIATE)
        .with_skill("sql", Level::ADVANCED)
        .with_credential(Credential::degree(DegreeLevel::Master, ["statistics"]));
    for rank in [
        skillgap::assess::Rank::Fit,
        skillgap::assess::Rank::Readiness,
    ] {
        let mut policy = skillgap::Policy::default();
        policy.rank = rank;
        let assessor = skillgap::assess::Assessor::new(catalog).policy(policy);
        let ranked = assessor.assess(&holder).unwrap().roles().to_vec();
        for k in 0..=ranked.len() {
            let top = assessor.assess(&holder).unwrap().top(k);
            assert_eq!(top.as_slice(), &ranked[..k], "{rank:?}, k = {k}");
        }
    }
    // The master's is worth its weight on the machine learning engineer.
    let without = Profile::new()
        .with_skill("python", Level::ADVANCED)
        .with_skill("machine learning", Level::INTERMEDIATE)
        .with_skill("sql", Level::ADVANCED);
    let score = |p: &Profile| {
        catalog
            .assess(p)
            .unwrap()
            .role("machine-learning-engineer")
            .unwrap()
            .score()
    };
    assert!(score(&holder) > score(&without));
}
