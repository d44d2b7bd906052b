//! Adversarial structures from the reliability review: inputs that killed the
//! process (stack overflows from recursion whose depth the input controls), ran out of
//! memory, or took hours. Each test builds one structure at a size that runs in seconds
//! once the library handles it in linear or near-linear time, and checks what the
//! library answers, not only that it answers.
//!
//! - Deep structures run on a thread with a 2 MiB stack (an application's worker thread),
//!   so that a recursion as deep as the input overflows here as it would there.
//! - No test measures time: CI runs this binary under `timeout`, which is the budget.
//!   `cargo run --release --example growth` measures how each structure scales from 1,000
//!   to 100,000 items.
//!
//! The comment on each test names the finding of the review it covers.

use std::collections::BTreeSet;

use skillgap::error::Problem;
use skillgap::model::{Credential, CredentialRequirement, DegreeLevel, Importance, Role, Skill};
use skillgap::plan::UncoveredReason;
use skillgap::resolve::{MatchKind, Status};
use skillgap::{Catalog, Error, Level, Planner, Profile};

#[path = "adversarial/gen.rs"]
mod gen;

use gen::{course_id, role_id, skill_id, TARGET};

/// Depth of the chains and cycles: past what a recursion survives on a 2 MiB stack
/// (about 19,000 frames in release builds, 6,000 in debug ones; the planner's recursion
/// over a ring of courses overflowed between 20,000 and 30,000 in release builds).
const DEEP: usize = 50_000;

/// Size of the planner's flat structures (courses side by side rather than in a chain).
const PLANNED: usize = 20_000;

/// Size of the wide structures (quadratic lookups, rendering, resolution).
const WIDE: usize = 20_000;

/// Runs `f` on a thread with a 2 MiB stack and returns its result; a panic there fails
/// the test with the panic's message.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let thread = std::thread::Builder::new()
        .name("small-stack".into())
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("spawn a thread");
    match thread.join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The ids of the skills `range`.
fn skill_ids(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(skill_id).collect()
}

/// Whether `path` (first and last the same) runs once around the ring of `n` items named
/// by `id` (item `i + 1` next to item `i`, the last next to the first), in either
/// direction, starting anywhere.
fn is_ring(path: &[String], n: usize, id: fn(usize) -> String) -> bool {
    if path.len() != n + 1 || path.first() != path.last() {
        return false;
    }
    let positions: Option<Vec<usize>> = path
        .iter()
        .map(|p| {
            let i: usize = p.get(1..)?.parse().ok()?;
            (i < n && id(i) == *p).then_some(i)
        })
        .collect();
    let Some(positions) = positions else {
        return false;
    };
    // n steps of one, all forward or all backward, from and back to one item: each item
    // once.
    positions.windows(2).all(|w| w[1] == (w[0] + 1) % n)
        || positions.windows(2).all(|w| w[0] == (w[1] + 1) % n)
}

// Finding 1: a prerequisite chain (skill i requires skill i - 1) overflowed the stack in
// `Catalog::from_json` past 19,000 skills. It must load, in either document order, and a
// profile's gaps toward a role requiring the last skill are every skill of the chain,
// prerequisites first.
#[test]
fn skill_prerequisite_chain_listed_first_to_last_loads_and_orders_gaps() {
    on_small_stack(|| check_skill_chain(&gen::skill_chain(DEEP).json(), DEEP));
}

// Finding 1: the same chain listed from its last skill (which requires all the others,
// transitively) to its first: a search in document order starts at the deep end.
#[test]
fn skill_prerequisite_chain_listed_last_to_first_loads_and_orders_gaps() {
    on_small_stack(|| check_skill_chain(&gen::skill_chain(DEEP).reversed().json(), DEEP));
}

/// Checks the prerequisite chain of `n` skills in `json`: it loads, the gaps of a
/// profile without skills toward the role requiring the last skill are the whole chain,
/// prerequisites first, the plan leaves each uncovered for want of a course, and the
/// role's graph has one edge per link.
fn check_skill_chain(json: &str, n: usize) {
    let catalog = Catalog::from_json(json).expect("the chain loads");
    assert_eq!(catalog.skills().len(), n);
    let last = skill_id(n - 1);
    let prerequisites: Vec<(&str, Level)> = catalog
        .prerequisites(&last)
        .into_iter()
        .map(|(s, l)| (s.id().as_str(), l))
        .collect();
    assert_eq!(prerequisites, [(skill_id(n - 2).as_str(), Level::BEGINNER)]);

    let assessment = catalog.assess(&Profile::new()).expect("assess");
    let gaps = assessment.gaps(TARGET).expect("gaps");
    assert_eq!(gaps.len(), n, "every skill of the chain is a gap");
    let order: Vec<&str> = gaps
        .in_learning_order()
        .map(|g| g.skill().id().as_str())
        .collect();
    assert!(
        order
            .iter()
            .copied()
            .eq(skill_ids(0..n).iter().map(String::as_str)),
        "learning order is the chain from its first skill: starts {:?}, ends {:?}",
        &order[..order.len().min(3)],
        &order[order.len().saturating_sub(3)..]
    );
    for (i, gap) in gaps.in_learning_order().enumerate() {
        if i + 1 == n {
            assert!(!gap.is_implied(), "the requirement itself");
            assert_eq!(gap.need(), Level::INTERMEDIATE);
        } else {
            assert!(gap.is_implied(), "{} is a prerequisite", gap.skill().id());
            assert_eq!(gap.need(), Level::BEGINNER);
        }
    }

    // No course teaches anything: the plan leaves every gap uncovered, for want of a
    // course.
    let plan = assessment.plan(TARGET).expect("plan");
    assert!(plan.courses().is_empty());
    assert_eq!(plan.uncovered().len(), n);
    assert!(plan
        .uncovered()
        .iter()
        .all(|u| matches!(u.reason, UncoveredReason::NoCourse { .. })));

    // The role's graph holds the whole chain: every skill, and one edge per link.
    let dot = catalog.role_dot(TARGET, None).expect("role graph");
    assert_eq!(dot.matches(" -> ").count(), n - 1);
}

// Finding 1: a prerequisite cycle through 100,000 skills overflowed the stack while
// looking for cycles. It must be refused with one `SkillCycle` whose path goes once
// around the cycle, starting and ending at the same skill.
#[test]
fn skill_prerequisite_cycle_is_refused_with_its_path() {
    on_small_stack(|| {
        let n = DEEP;
        let err = Catalog::from_json(&gen::skill_cycle(n).json()).expect_err("a cycle");
        let Error::InvalidCatalog { problems } = err else {
            panic!("expected an invalid catalog, got {err}");
        };
        assert_eq!(problems.len(), 1, "one problem: the cycle");
        let Problem::SkillCycle { path } = &problems[0] else {
            panic!("expected a skill cycle, got {}", problems[0]);
        };
        assert_eq!(path.len(), n + 1, "every skill once, and the first again");
        assert_eq!(path.first(), path.last(), "starts and ends at one skill");
        assert!(
            is_ring(path, n, skill_id),
            "the path follows the prerequisites around the cycle: {:?}…",
            &path[..path.len().min(4)]
        );
    });
}

// Findings 1 and 2: an `extends` chain (role i extends role i - 1, one own requirement
// each) overflowed the stack at 100,000 roles and took memory quadratic in its length
// (10,000 roles: 23.5 s, 3.8 GB). Either it loads, role i having i + 1 requirements, or it
// is refused with an error that states the limit; never a crash or an out-of-memory.
#[test]
fn role_extends_chain_listed_first_to_last_loads_or_is_refused_with_its_limit() {
    on_small_stack(|| check_extends_chain(&gen::extends_chain(DEEP).json(), DEEP));
}

// Findings 1 and 2: the same chain listed from the role that extends all the others,
// transitively, to the role that extends none.
#[test]
fn role_extends_chain_listed_last_to_first_loads_or_is_refused_with_its_limit() {
    on_small_stack(|| check_extends_chain(&gen::extends_chain(DEEP).reversed().json(), DEEP));
}

/// Checks the `extends` chain of `n` roles in `json`: either it loads with the merged
/// requirements of each role being its own and its ancestors', and scoring uses them; or
/// it is refused by a limit that the error states.
fn check_extends_chain(json: &str, n: usize) {
    match Catalog::from_json(json) {
        Ok(catalog) => {
            assert_eq!(catalog.roles().len(), n);
            assert_eq!(catalog.requirements(role_id(0)).expect("role").len(), 1);
            let middle = catalog.requirements(role_id(n / 2)).expect("role");
            assert_eq!(middle.len(), n / 2 + 1);
            let last = catalog.requirements(role_id(n - 1)).expect("role");
            let skills: Vec<String> = last.iter().map(|q| q.skill().to_string()).collect();
            assert_eq!(skills, skill_ids(0..n), "own and inherited, by skill id");
            assert!(last.iter().all(|q| q.level() == Level::INTERMEDIATE));

            // Scoring walks the merged requirements: a profile with the first half of
            // the skills meets half of the last role's requirements.
            let profile = (0..n / 2).fold(Profile::new(), |p, i| {
                p.with_skill(skill_id(i), Level::INTERMEDIATE)
            });
            let assessment = catalog.assess(&profile).expect("assess");
            let score = assessment.role(role_id(n - 1)).expect("role").score();
            assert!((score - 0.5).abs() < 1e-9, "score {score}");
            assert_eq!(
                assessment.role(role_id(n / 2 - 1)).expect("role").score(),
                1.0
            );
        }
        Err(err) => {
            let message = err.to_string();
            match &err {
                Error::TooLarge { limit, .. } => {
                    // The chain merges n(n+1)/2 requirements in all.
                    let merged = n * (n + 1) / 2;
                    assert!(*limit < merged, "the limit {limit} is below {merged}");
                    assert!(message.contains(&limit.to_string()), "{message}");
                }
                Error::InvalidCatalog { .. } => {
                    assert!(
                        (message.contains("at most") || message.contains("limit"))
                            && message.chars().any(|c| c.is_ascii_digit()),
                        "the message states the limit: {message}"
                    );
                }
                _ => panic!("expected TooLarge or InvalidCatalog, got {message}"),
            }
        }
    }
}

// A chain of `extends` where only the first role has a requirement and a credential:
// every role inherits the same one of each, so nothing grows quadratically in memory, but
// a search from each role through the whole chain below it did in time (10,000 roles took
// 0.42 s, 20,000 took 1.8 s: this length would take over ten minutes, past CI's timeout;
// merged in order, it loads in about a second).
#[test]
fn role_extends_chain_with_requirements_only_at_its_root_loads_in_linear_time() {
    on_small_stack(|| {
        let n = 8 * DEEP;
        let gate = CredentialRequirement::required(Credential::degree(
            DegreeLevel::Bachelor,
            ["computer science"],
        ));
        let mut roles = vec![Role::new(role_id(0), "root")
            .with_requirement(skill_id(0), Level::INTERMEDIATE, Importance::Essential)
            .with_credential(gate.clone())];
        for i in 1..n {
            roles.push(Role::new(role_id(i), format!("r{i}")).with_extends(role_id(i - 1)));
        }
        let skills = vec![Skill::new(skill_id(0), "s0")];
        let catalog = Catalog::new(skills, roles, vec![]).expect("the chain loads");
        let last = role_id(n - 1);
        assert_eq!(catalog.requirements(&last).expect("role").len(), 1);
        assert_eq!(catalog.credentials(&last).expect("role"), [gate]);
        let profile = Profile::new().with_skill(skill_id(0), Level::EXPERT);
        let assessment = catalog.assess(&profile).expect("assess");
        let score = assessment.role(&last).expect("role");
        assert_eq!(score.score(), 1.0);
        assert!(!score.is_ready(), "the inherited gate holds it back");
    });
}

// Findings 1 and 3: a chain of courses (course i requires what course i - 1 teaches; the
// role requires what the last teaches) overflowed the stack in planning and took time
// growing much faster than its length (1,000: 0.72 s; 3,000: 8.8 s; 10,000: > 300 s).
// The only plan takes every course, each in its own stage, in order.
#[test]
fn course_chain_listed_first_to_last_plan_takes_every_course_in_order() {
    on_small_stack(|| check_course_chain(&gen::course_chain(DEEP).json(), DEEP));
}

// Findings 1 and 3: the same chain listed from the course the role needs to the course
// that needs nothing.
#[test]
fn course_chain_listed_last_to_first_plan_takes_every_course_in_order() {
    on_small_stack(|| check_course_chain(&gen::course_chain(DEEP).reversed().json(), DEEP));
}

/// Checks the plan over the course chain of `n` courses in `json`: every course, first
/// to last, each in its own stage after the one before, only the last closing a gap.
fn check_course_chain(json: &str, n: usize) {
    let catalog = Catalog::from_json(json).expect("loads");
    let assessment = catalog.assess(&Profile::new()).expect("assess");
    let plan = assessment.plan(TARGET).expect("plan");
    assert!(
        plan.uncovered().is_empty(),
        "{:?}",
        plan.uncovered().first()
    );
    assert_eq!(plan.gaps().len(), 1, "one gap: the last skill");
    let ids: Vec<&str> = plan
        .courses()
        .iter()
        .map(|c| c.course().id().as_str())
        .collect();
    assert!(
        ids.iter().copied().eq((0..n)
            .map(course_id)
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)),
        "every course, first to last: {} courses, starting {:?}",
        ids.len(),
        &ids[..ids.len().min(3)]
    );
    assert_eq!(plan.stage_count(), n);
    for (i, c) in plan.courses().iter().enumerate() {
        assert_eq!(c.stage(), i, "{}", c.course().id());
        let after: &[usize] = if i == 0 { &[] } else { &[i - 1] };
        assert_eq!(c.after(), after, "{}", c.course().id());
        let closes: Vec<&str> = c.closes().iter().map(|s| s.id().as_str()).collect();
        if i + 1 == n {
            assert_eq!(closes, [skill_id(n - 1).as_str()]);
        } else {
            assert!(closes.is_empty(), "{} only leads on", c.course().id());
        }
    }
    assert_eq!(plan.total_hours(), n as f64);
}

// Finding 8 (on the plan of finding 3): the chain's plan has one stage per course;
// rendering it as Markdown and DOT lists every stage and every course once.
#[test]
fn course_chain_plan_renders_every_stage() {
    on_small_stack(|| {
        let n = DEEP;
        let catalog = Catalog::from_json(&gen::course_chain(n).json()).expect("loads");
        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let plan = assessment.plan(TARGET).expect("plan");
        assert_eq!(plan.courses().len(), n);

        let markdown = plan.to_markdown(Some(10.0)).expect("markdown");
        assert_eq!(markdown.matches("\n## Stage ").count(), n);
        assert!(markdown.contains(&format!("\n## Stage {n}\n")));
        assert_eq!(course_rows(&markdown), n);

        let dot = plan.to_dot();
        assert_eq!(dot.matches("subgraph cluster_stage_").count(), n);
        assert_eq!(dot.matches("[shape=box").count(), n);
        assert_eq!(
            dot.matches("style=dashed];").count(),
            n - 1,
            "one edge per link"
        );
    });
}

/// The course rows of a Markdown plan: table lines whose first cell is a number.
fn course_rows(markdown: &str) -> usize {
    markdown
        .lines()
        .filter(|l| {
            l.strip_prefix("| ")
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .count()
}

// Findings 1 and 3: a ring of courses (course i teaches skill i and requires skill i + 1,
// the last wraps) overflowed the stack in `Assessment::plan` at 20,000 courses, took over
// two minutes at 10,000, and listed the whole cycle under every gap (output quadratic in
// the ring). At 50,000 courses: no course can be taken, every gap is uncovered for a
// cycle, and the cycle is listed once, not once per gap.
#[test]
fn course_ring_leaves_every_gap_uncovered_for_a_cycle_listed_once() {
    on_small_stack(|| {
        let n = DEEP;
        let catalog = Catalog::from_json(&gen::course_ring(n).json()).expect("loads");
        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let plan = assessment.plan(TARGET).expect("plan");
        assert!(
            plan.courses().is_empty(),
            "no course of a ring can be taken"
        );
        let uncovered: BTreeSet<&str> = plan
            .uncovered()
            .iter()
            .map(|u| u.skill.id().as_str())
            .collect();
        assert_eq!(uncovered.len(), n, "every gap is uncovered, once");
        assert_eq!(plan.uncovered().len(), n);

        // The ring is listed once, with the plan, and every gap refers to it.
        assert_eq!(plan.course_cycles().len(), 1, "the ring is listed once");
        assert!(
            is_ring(&plan.course_cycles()[0], n, course_id),
            "the cycle listed is the ring of {n} courses"
        );
        let mut listed = 0;
        for u in plan.uncovered() {
            assert_eq!(u.need, Level::INTERMEDIATE);
            listed += reason_size(&u.reason);
            assert_eq!(
                u.reason,
                UncoveredReason::CourseCycle { cycle: 0 },
                "{}: {}",
                u.skill.id(),
                u.reason
            );
        }
        assert!(
            listed <= 4 * (n + 1),
            "the ring is listed once, not per gap: {listed} ids listed for {n} gaps"
        );
    });
}

/// How many ids an uncovered reason lists.
fn reason_size(reason: &UncoveredReason) -> usize {
    match reason {
        UncoveredReason::NoCourse { .. } => 1,
        UncoveredReason::MissingPrerequisite { courses, missing } => courses.len() + missing.len(),
        UncoveredReason::CourseCycle { .. } => 1,
        _ => 1,
    }
}

// Finding 3: courses that require only what they teach (course i teaches skill i and
// requires it at a lower level), 10,000 of them, took 9.8 s to plan. Without the skills,
// no course can be taken and each gap says which course needs what; with each skill at
// the level the courses require, the plan takes every course, in one stage.
#[test]
fn self_requiring_courses_are_uncovered_until_the_profile_meets_them() {
    on_small_stack(|| {
        let n = PLANNED;
        let catalog = Catalog::from_json(&gen::self_requiring_courses(n).json()).expect("loads");

        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let plan = assessment.plan(TARGET).expect("plan");
        assert!(plan.courses().is_empty());
        assert_eq!(plan.uncovered().len(), n);
        for u in plan.uncovered() {
            let i: usize = u.skill.id().as_str()[1..].parse().expect("a generated id");
            match &u.reason {
                UncoveredReason::MissingPrerequisite { courses, missing } => {
                    assert_eq!(courses, &[course_id(i)], "{}", u.reason);
                    assert_eq!(missing, &[(skill_id(i), Level::AWARENESS)], "{}", u.reason);
                }
                UncoveredReason::CourseCycle { cycle } => {
                    let listed = &plan.course_cycles()[*cycle];
                    assert_eq!(listed, &[course_id(i), course_id(i)], "{}", u.reason);
                }
                other => panic!("{}: unexpected reason: {other}", u.skill.id()),
            }
        }

        let aware = (0..n).fold(Profile::new(), |p, i| {
            p.with_skill(skill_id(i), Level::AWARENESS)
        });
        let assessment = catalog.assess(&aware).expect("assess");
        let plan = assessment.plan(TARGET).expect("plan");
        assert!(
            plan.uncovered().is_empty(),
            "{:?}",
            plan.uncovered().first()
        );
        assert_eq!(plan.courses().len(), n);
        assert_eq!(plan.stage_count(), 1);
    });
}

// Finding 6: 100,000 skills sharing one generated acronym (`Alpha{i} Beta{i}` is `AB`)
// made one resolution take 377 ms. `AB` is ambiguous, with at most the policy's number of
// candidates, all acronym matches; a full name still resolves exactly.
#[test]
fn acronym_shared_by_many_skills_is_ambiguous() {
    on_small_stack(|| {
        let n = WIDE;
        let catalog = gen::shared_acronym(n).catalog().expect("loads");
        let max = catalog.resolver().policy().max_candidates;
        for query in ["AB", " AB "] {
            let r = catalog.resolve(query);
            assert_eq!(r.status(), Status::Ambiguous, "{query}: {r}");
            assert!((2..=max).contains(&r.candidates().len()), "{query}: {r}");
            assert!(
                r.candidates()
                    .iter()
                    .all(|c| c.kind() == MatchKind::Acronym),
                "{r}"
            );
        }
        // In lower case an acronym scores below the acceptance threshold: suggestions only.
        let r = catalog.resolve("ab");
        assert_eq!(r.status(), Status::Unknown, "{r}");
        assert!(r.candidates().len() <= max, "{r}");
        let r = catalog.resolve("Alpha7 Beta7");
        assert_eq!(
            r.skill().map(|s| s.as_str()),
            Some(skill_id(7).as_str()),
            "{r}"
        );
        let r = catalog.resolve(&format!("Alpha{} Beta{}", n - 1, n - 1));
        assert_eq!(
            r.skill().map(|s| s.as_str()),
            Some(skill_id(n - 1).as_str()),
            "{r}"
        );
    });
}

// Finding 6: 100,000 skills sharing one name once the bracketed qualifier is set aside
// (`Python (v{i})`) made one resolution take 377 ms. `Python` is ambiguous between
// qualifier matches, at most the policy's number of them; a full name resolves exactly.
#[test]
fn qualifier_shared_by_many_skills_is_ambiguous() {
    on_small_stack(|| {
        let n = WIDE;
        let catalog = gen::shared_qualifier(n).catalog().expect("loads");
        let max = catalog.resolver().policy().max_candidates;
        let r = catalog.resolve("Python");
        assert_eq!(r.status(), Status::Ambiguous, "{r}");
        assert!((2..=max).contains(&r.candidates().len()), "{r}");
        assert!(
            r.candidates()
                .iter()
                .all(|c| c.kind() == MatchKind::Qualifier),
            "{r}"
        );
        let r = catalog.resolve("Python (v7)");
        assert_eq!(
            r.skill().map(|s| s.as_str()),
            Some(skill_id(7).as_str()),
            "{r}"
        );
    });
}

// Finding 6: a 4 KB paste of `AB, ` × 1,000 took 24.6 s to parse over 20,000 skills that
// share the acronym. Every item is read, each is ambiguous, none enters the profile.
#[test]
fn pasted_shared_acronyms_parse_as_ambiguous_items() {
    on_small_stack(|| {
        let n = WIDE;
        let catalog = gen::shared_acronym(n).catalog().expect("loads");
        let text = gen::acronym_paste(1000);
        let parsed = Profile::parse(&text, &catalog).expect("parses");
        assert_eq!(parsed.items().len(), 1000);
        for item in parsed.items() {
            assert_eq!(item.name(), "AB");
            assert_eq!(
                item.resolution().status(),
                Status::Ambiguous,
                "{}",
                item.resolution()
            );
            assert_eq!(item.skill(), None);
        }
        assert!(parsed.profile().skills().is_empty());
        assert!(!parsed.warnings().is_empty());
    });
}

// Finding 7: hash flooding. 65,536 skill and course ids of one length, differing only in
// their last four bytes, load; every one is found by id, and the role requiring every
// skill has all of them.
#[test]
fn ids_differing_in_few_bytes_load_and_are_found() {
    on_small_stack(|| {
        let n = 1 << 16;
        let json = gen::flood_ids(n).json();
        let catalog = Catalog::from_json(&json).expect("loads");
        assert_eq!(catalog.skills().len(), n);
        assert_eq!(catalog.courses().len(), n);
        for i in 0..n {
            let skill = gen::flood_id('k', i, n);
            assert_eq!(
                catalog.skill(&skill).map(|s| s.id().as_str()),
                Some(skill.as_str())
            );
            let course = gen::flood_id('c', i, n);
            assert_eq!(
                catalog.course(&course).map(|c| c.id().as_str()),
                Some(course.as_str())
            );
        }
        assert_eq!(catalog.requirements(TARGET).expect("role").len(), n);
        let profile = Profile::new().with_skill(gen::flood_id('k', 12345, n), Level::BEGINNER);
        let assessment = catalog.assess(&profile).expect("assess");
        assert!(assessment.warnings().is_empty());
        assert_eq!(assessment.level_of(gen::flood_id('k', 12345, n)), 2.0);
    });
}

// Finding 8: rendering a plan of many courses took time quadratic in them. A plan of
// 20,000 independent courses (one stage) renders every course once, in Markdown and DOT.
#[test]
fn wide_plan_renders_every_course() {
    on_small_stack(|| {
        let n = WIDE;
        let catalog = gen::wide_plan(n).catalog().expect("loads");
        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let plan = assessment.plan(TARGET).expect("plan");
        assert!(plan.uncovered().is_empty());
        assert_eq!(plan.courses().len(), n);
        assert_eq!(plan.stage_count(), 1);

        let markdown = plan.to_markdown(Some(10.0)).expect("markdown");
        assert_eq!(markdown.matches("\n## Stage ").count(), 1);
        assert_eq!(course_rows(&markdown), n);
        for i in [0, n / 2, n - 1] {
            assert!(
                markdown.contains(&format!("| Skill {i} 3 |")),
                "{}",
                skill_id(i)
            );
        }

        let dot = plan.to_dot();
        assert_eq!(dot.matches("[shape=box").count(), n);
        assert_eq!(dot.matches("[shape=ellipse").count(), n);
        assert_eq!(dot.matches("\" -> \"skill:").count(), n);
    });
}

// Finding 8: a plan where one course builds on 50,000 others: the plan lists each of them
// among the capstone's predecessors once, and rendering it as DOT labels each of those
// links with the skill passed on; both took time quadratic in the courses.
#[test]
fn fan_in_plan_renders_every_link() {
    on_small_stack(|| {
        let n = DEEP;
        let catalog = gen::fan_in_plan(n).catalog().expect("loads");
        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let plan = assessment.plan(TARGET).expect("plan");
        assert!(
            plan.uncovered().is_empty(),
            "{:?}",
            plan.uncovered().first()
        );
        assert_eq!(plan.courses().len(), n + 1);
        assert_eq!(plan.stage_count(), 2);
        let (capstone, others) = plan.courses().split_last().expect("courses");
        assert_eq!(capstone.course().id().as_str(), course_id(n));
        assert_eq!(capstone.stage(), 1);
        let closes: Vec<&str> = capstone.closes().iter().map(|s| s.id().as_str()).collect();
        assert_eq!(closes, [skill_id(n).as_str()]);
        let mut after = capstone.after().to_vec();
        after.sort_unstable();
        assert_eq!(
            after,
            (0..n).collect::<Vec<_>>(),
            "after every other course, once"
        );
        assert!(others
            .iter()
            .all(|c| c.stage() == 0 && c.closes().is_empty() && c.after().is_empty()));

        let dot = plan.to_dot();
        assert_eq!(
            dot.matches("style=dashed];").count(),
            n,
            "one edge per link"
        );
        for i in [0, n / 2, n - 1] {
            let edge = format!(
                "\"course:{}\" -> \"course:{}\" [label=\"{} 3\", style=dashed];",
                course_id(i),
                course_id(n),
                skill_id(i)
            );
            assert!(dot.contains(&edge), "{edge}");
        }
        let markdown = plan.to_markdown(None).expect("markdown");
        assert_eq!(course_rows(&markdown), n + 1);
        assert!(markdown.contains("\n## Stage 2\n"));
    });
}

// Finding 8: `Catalog::role_dot` on a role with many requirements took time quadratic in
// them. A role of 20,000 requirements over 100 base skills: one node per skill, one edge
// per prerequisite link, and with an assessment every unmet requirement filled.
#[test]
fn role_dot_of_a_role_with_many_requirements() {
    on_small_stack(|| {
        let (n, bases) = (WIDE, 100);
        let catalog = gen::wide_role(n, bases).catalog().expect("loads");
        let dot = catalog.role_dot(TARGET, None).expect("role graph");
        let nodes = dot
            .lines()
            .filter(|l| l.trim_start().starts_with('"') && !l.contains(" -> "))
            .count();
        assert_eq!(nodes, n + bases.min(n), "one node per skill");
        assert_eq!(
            dot.matches(" -> ").count(),
            n,
            "one edge per prerequisite link"
        );
        assert_eq!(
            dot.matches("penwidth=2").count(),
            n / 2,
            "essential requirements"
        );

        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let dot = catalog
            .role_dot(TARGET, Some(&assessment))
            .expect("role graph");
        assert_eq!(dot.matches("filled").count(), n, "every requirement unmet");
    });
}

// Finding 8: validation and indexing of many roles (here all named alike, extending each
// other as a binary tree) took time quadratic in the roles. 20,000 roles load; each has
// its own requirement and those of the roles above it.
#[test]
fn many_roles_sharing_a_name_load() {
    on_small_stack(|| {
        let n = WIDE;
        let catalog = Catalog::from_json(&gen::many_roles(n).json()).expect("loads");
        assert_eq!(catalog.roles().len(), n);
        for i in [0, 1, n / 3, n - 1] {
            let mut expected = BTreeSet::new();
            let mut r = i;
            loop {
                expected.insert(skill_id(r % 1000));
                if r == 0 {
                    break;
                }
                r = (r - 1) / 2;
            }
            let got: BTreeSet<String> = catalog
                .requirements(role_id(i))
                .expect("role")
                .iter()
                .map(|q| q.skill().to_string())
                .collect();
            assert_eq!(got, expected, "{}", role_id(i));
        }
        let assessment = catalog.assess(&Profile::new()).expect("assess");
        assert_eq!(assessment.roles().len(), n);
    });
}

// Finding 8: validation of many roles with unknown references, each with a did-you-mean
// search, took time quadratic in the roles. Every problem is reported, in document
// order, at its place.
#[test]
fn many_roles_with_unknown_references_report_every_problem() {
    on_small_stack(|| {
        let n = WIDE;
        let err = Catalog::from_json(&gen::many_bad_references(n).json()).expect_err("refused");
        let Error::InvalidCatalog { problems } = err else {
            panic!("expected an invalid catalog, got {err}");
        };
        assert_eq!(problems.len(), 2 * n);
        for (i, pair) in problems.chunks(2).enumerate() {
            let fields: Vec<(usize, &str)> = pair
                .iter()
                .map(|p| {
                    let at = p.location().expect("a place");
                    (at.index, at.field.as_str())
                })
                .collect();
            assert_eq!(fields, [(i, "extends[0]"), (i, "requirements[0].skill")]);
            assert!(
                matches!(pair[0], Problem::UnknownRole { .. }),
                "{}",
                pair[0]
            );
            assert!(
                matches!(pair[1], Problem::UnknownSkill { .. }),
                "{}",
                pair[1]
            );
        }
    });
}

// Finding 13: `Planner::career_path(target, usize::MAX)` takes every role sooner ready
// than the target as a stepping stone, with a plan between every pair. On a tiny catalog
// the unbounded limit must be accepted.
#[test]
fn career_path_accepts_unbounded_stones() {
    on_small_stack(|| {
        let catalog = gen::career_ladder(3, 2).catalog().expect("loads");
        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let path = Planner::new(&assessment)
            .career_path(TARGET, usize::MAX)
            .expect("a path");
        assert_eq!(
            path.steps.last().map(|s| s.role.id().as_str()),
            Some(TARGET)
        );
        assert_eq!(path.total_hours, 2.0);
        assert_eq!(path.direct_hours, 2.0);
    });
}

// Finding 13: the same over 20,000 one-skill roles, every one a candidate stepping stone
// toward a role of 20 skills. The path ends at the target, costs what the direct plan
// costs (nothing is cheaper than the 20 one-hour courses), and its stepping stones are
// distinct roles on the way (roles for the target's own skills).
#[test]
fn career_path_over_many_roles_with_unbounded_stones() {
    on_small_stack(|| {
        let (n, target_size) = (WIDE, 20);
        let catalog = gen::career_ladder(n, target_size).catalog().expect("loads");
        let assessment = catalog.assess(&Profile::new()).expect("assess");
        let path = Planner::new(&assessment)
            .career_path(TARGET, usize::MAX)
            .expect("a path");
        assert_eq!(path.direct_hours, target_size as f64);
        assert_eq!(path.total_hours, target_size as f64);
        let (last, stones) = path.steps.split_last().expect("at least the target");
        assert_eq!(last.role.id().as_str(), TARGET);
        let on_the_way: BTreeSet<String> = (0..target_size).map(role_id).collect();
        let mut seen = BTreeSet::new();
        for step in stones {
            let id = step.role.id().to_string();
            assert!(on_the_way.contains(&id), "{id} is not on the way");
            assert!(seen.insert(id.clone()), "{id} twice");
        }
        let mut cumulative = 0.0;
        for step in &path.steps {
            cumulative += step.hours;
            assert_eq!(step.cumulative_hours, cumulative);
            assert_eq!(step.plan.total_hours(), step.hours);
        }
    });
}
