//! Oracles shared by the fuzz targets: properties the library promises for every input.
//! A violated oracle panics, which libFuzzer reports as a crash with the input.

use std::collections::{HashMap, HashSet};

use skillgap::error::Warning;
use skillgap::resolve::{Rejection, Resolution, ResolvePolicy, Status};
use skillgap::{Assessment, Catalog, Gaps, Level, Plan, Profile};

/// Largest input a target reads; larger ones are skipped so that every run stays fast.
pub const MAX_INPUT: usize = 256 * 1024;

/// How many roles the per-role checks visit at most.
const ROLES_CHECKED: usize = 3;

/// The skills, roles and courses of two catalogs are equal.
pub fn assert_same_catalog(a: &Catalog, b: &Catalog, what: &str) {
    assert_eq!(
        a.skills(),
        b.skills(),
        "{what}: skills differ after the round trip"
    );
    assert_eq!(
        a.roles(),
        b.roles(),
        "{what}: roles differ after the round trip"
    );
    assert_eq!(
        a.courses(),
        b.courses(),
        "{what}: courses differ after the round trip"
    );
}

/// A profile made of the first `n` skill ids of a catalog, at levels 1, 2, ... 5, 1, ...
pub fn profile_of_first_skills(catalog: &Catalog, n: usize) -> Profile {
    let mut profile = Profile::new();
    for (i, skill) in catalog.skills().iter().take(n).enumerate() {
        let level = Level::new((i % 5) as u8 + 1).unwrap();
        profile = profile.with_skill(skill.id().as_str(), level);
    }
    profile
}

/// Assesses `profile` with the default policy and checks the assessment.
pub fn assess_and_check<'c>(catalog: &'c Catalog, profile: &Profile) -> Assessment<'c> {
    let assessment = catalog
        .assess(profile)
        .expect("assessing with the default policy never fails");
    check_assessment(catalog, profile, &assessment);
    assessment
}

/// Everything an assessment promises, for any profile:
/// - nothing dropped silently: one `UnresolvedSkill` warning per entry that resolves to no
///   skill, one `DuplicateSkill` warning per entry repeating an earlier one's skill;
/// - `top(k)` (computed first, by its fast path) is the head of `roles()`;
/// - `roles()` ranks every role once, scores in 0..=1, by fit descending, ties by id;
/// - on a few roles: the explanation's contributions sum to the score, and the gaps are
///   consistent (see [`check_gaps`]).
pub fn check_assessment(catalog: &Catalog, profile: &Profile, assessment: &Assessment<'_>) {
    // Nothing dropped silently.
    let mut resolved = 0usize;
    let mut distinct = HashSet::new();
    let mut unresolved = 0usize;
    for entry in profile.skills() {
        match catalog.resolve_skill(entry.name()) {
            Some(skill) => {
                resolved += 1;
                distinct.insert(skill.id().clone());
            }
            None => unresolved += 1,
        }
    }
    let warned_unresolved = count(assessment.warnings(), |w| {
        matches!(
            w,
            Warning::UnresolvedSkill { .. } | Warning::AmbiguousSkill { .. }
        )
    });
    let warned_duplicate = count(assessment.warnings(), |w| {
        matches!(w, Warning::DuplicateSkill { .. })
    });
    assert_eq!(
        warned_unresolved, unresolved,
        "every profile entry that resolves to no skill (or to several) gets one warning"
    );
    assert_eq!(
        warned_duplicate,
        resolved - distinct.len(),
        "every repeated skill gets one warning"
    );

    // The fast top-k path agrees with the full ranking.
    let n = catalog.roles().len();
    let top1 = assessment.top(1);
    let top3 = assessment.top(3);
    let roles = assessment.roles();
    assert_eq!(roles.len(), n, "every role is ranked");
    for (k, top) in [(1, &top1), (3, &top3)] {
        assert_eq!(top.len(), k.min(n), "top({k}) has min(k, roles) entries");
        for (t, r) in top.iter().zip(roles) {
            assert_eq!(
                t.role().id(),
                r.role().id(),
                "top({k}) is the head of roles()"
            );
            assert_eq!(
                t.score().to_bits(),
                r.score().to_bits(),
                "top({k}) scores agree"
            );
        }
    }
    if let Some(best) = assessment.best() {
        assert_eq!(
            best.role().id(),
            roles[0].role().id(),
            "best() is the first role"
        );
    }

    // Ranking order and score range.
    let mut seen = HashSet::new();
    for r in roles {
        let s = r.score();
        assert!(
            (0.0..=1.0).contains(&s),
            "score {s} of {} is in 0..=1",
            r.role().id()
        );
        assert!(seen.insert(r.role().id().clone()), "a role is ranked twice");
    }
    // The default policy ranks by fit: the harmonic mean of the score and the usage.
    for r in roles {
        let (s, u) = (r.score(), r.usage());
        assert!((0.0..=1.0).contains(&u), "usage {u} is in 0..=1");
        let fit = if s + u > 0.0 { 2.0 * s * u / (s + u) } else { 0.0 };
        assert!((r.fit() - fit).abs() < 1e-9, "fit {} is the harmonic mean", r.fit());
    }
    for w in roles.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.fit() > b.fit() || (a.fit() == b.fit() && a.role().id() < b.role().id()),
            "ranking: {} ({}) before {} ({})",
            a.role().id(),
            a.fit(),
            b.role().id(),
            b.fit()
        );
    }

    // Per role: explanations and gaps.
    for r in roles.iter().take(ROLES_CHECKED) {
        let id = r.role().id().as_str();
        let score = assessment.role(id).expect("a ranked role is known").score();
        assert_eq!(
            score.to_bits(),
            r.score().to_bits(),
            "role() agrees with roles()"
        );
        let explained = assessment
            .explain(id)
            .expect("a ranked role can be explained");
        let mut sum = 0.0;
        for c in &explained {
            assert!(
                (0.0..=1.0).contains(&c.credit),
                "credit {} of {} is in 0..=1",
                c.credit,
                c.skill.id()
            );
            assert!(c.contribution >= 0.0, "a contribution is never negative");
            sum += c.contribution;
        }
        assert!(
            (sum - score).abs() <= 1e-9,
            "contributions of {id} sum to {sum}, the score is {score}"
        );
        let gaps = assessment.gaps(id).expect("a ranked role has gaps");
        check_gaps(catalog, &gaps);
    }
    assert!(
        assessment.role("\u{0}no such role").is_err(),
        "an unknown role is an error"
    );
}

/// Gaps are consistent: each skill once, below its need, by priority descending (ties by
/// skill id), and in learning order with every prerequisite that is a gap, and that the
/// profile lacks at the level the prerequisite asks for, before the skill needing it.
pub fn check_gaps(catalog: &Catalog, gaps: &Gaps<'_>) {
    let by_priority: Vec<_> = gaps.by_priority().collect();
    assert_eq!(by_priority.len(), gaps.len(), "by_priority lists every gap");
    assert_eq!(gaps.is_empty(), gaps.len() == 0);
    let mut skills = HashSet::new();
    for g in &by_priority {
        assert!(
            skills.insert(g.skill().id().clone()),
            "a gap is listed twice"
        );
        assert!(
            g.have() < g.need().as_f64(),
            "gap {}: have {} is below need {}",
            g.skill().id(),
            g.have(),
            g.need()
        );
        assert!(
            g.priority().is_finite() && g.priority() >= 0.0,
            "priority is finite, >= 0"
        );
        assert!(
            gaps.get(g.skill().id().as_str()).is_some(),
            "get() finds every gap"
        );
    }
    for w in by_priority.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.priority() > b.priority()
                || (a.priority() == b.priority() && a.skill().id() < b.skill().id()),
            "gaps by priority descending, ties by skill id: {} ({}) before {} ({})",
            a.skill().id(),
            a.priority(),
            b.skill().id(),
            b.priority()
        );
    }
    let order: Vec<_> = gaps.in_learning_order().collect();
    assert_eq!(
        order.len(),
        gaps.len(),
        "the learning order lists every gap"
    );
    let position: HashMap<_, _> = order
        .iter()
        .enumerate()
        .map(|(i, g)| (g.skill().id().clone(), i))
        .collect();
    assert_eq!(
        position.len(),
        gaps.len(),
        "the learning order lists each gap once"
    );
    for (i, g) in order.iter().enumerate() {
        for (p, level) in catalog.prerequisites(g.skill().id().as_str()) {
            // Only a prerequisite the profile lacks at the level this edge asks for must
            // come first.
            if let Some(&j) = position.get(p.id()) {
                if order[j].have() < level.as_f64() {
                    assert!(
                        j < i,
                        "prerequisite {} comes before {}",
                        p.id(),
                        g.skill().id()
                    );
                }
            }
        }
    }
}

/// A plan is well formed: courses once each, `after` points at earlier courses of
/// earlier stages, stages start at 0, every course's requirements are met by the profile
/// or by an earlier course, totals add up, and the schedule's weeks never go back and end
/// with the plan's.
pub fn check_plan(assessment: &Assessment<'_>, plan: &Plan<'_>, hours_per_week: f64) {
    let courses = plan.courses();
    let mut ids = HashSet::new();
    let mut hours = 0.0;
    let mut cost = 0.0;
    for (i, c) in courses.iter().enumerate() {
        assert!(
            ids.insert(c.course().id().clone()),
            "a course is planned twice"
        );
        hours += c.course().hours();
        cost += c.course().cost();
        for &a in c.after() {
            assert!(a < i, "course {i} comes after course {a}, an earlier one");
            assert!(
                courses[a].stage() < c.stage(),
                "an `after` course is in an earlier stage"
            );
        }
        if i > 0 {
            assert!(
                courses[i - 1].stage() <= c.stage(),
                "courses come in stage order"
            );
        }
        for need in c.course().requires() {
            let level = need.level().as_f64();
            let met = assessment.level_of(need.skill().as_str()) >= level
                || courses[..i]
                    .iter()
                    .flat_map(|e| e.course().teaches())
                    .any(|t| t.skill() == need.skill() && t.level().as_f64() >= level);
            assert!(
                met,
                "course {} requires {} at {}, met by neither the profile nor an earlier course",
                c.course().id(),
                need.skill(),
                need.level()
            );
        }
    }
    if let Some(first) = courses.first() {
        assert_eq!(first.stage(), 0, "the first stage is 0");
    }
    assert_eq!(plan.stage_count(), plan.stages().len());
    assert_eq!(
        plan.stages().iter().map(|s| s.len()).sum::<usize>(),
        courses.len(),
        "the stages hold every course"
    );
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()));
    assert!(close(plan.total_hours(), hours), "total hours add up");
    assert!(close(plan.total_cost(), cost), "total cost adds up");

    let schedule = plan
        .schedule(hours_per_week)
        .expect("a weekly budget above 0 and at most 168 schedules");
    assert_eq!(
        schedule.courses.len(),
        courses.len(),
        "the schedule lists every course"
    );
    let mut last_start = 1;
    let mut last_end = 0;
    for c in &schedule.courses {
        assert!(c.start_week >= 1, "weeks count from 1");
        assert!(
            c.start_week <= c.end_week,
            "a course ends no earlier than it starts"
        );
        assert!(c.start_week >= last_start, "start weeks never go back");
        assert!(c.end_week >= last_end, "end weeks never go back");
        last_start = c.start_week;
        last_end = c.end_week;
    }
    assert_eq!(
        schedule.weeks,
        last_end,
        "the plan lasts until its last course ends (0 weeks without courses): {} weeks, the \
         last course ends in week {last_end} ((hours, start, end) of each: {:?})",
        schedule.weeks,
        schedule
            .courses
            .iter()
            .map(|c| (
                plan.catalog().course(&c.course).map(|k| k.hours()),
                c.start_week,
                c.end_week
            ))
            .collect::<Vec<_>>()
    );
    for bad in [0.0, -1.0, 168.5, f64::NAN, f64::INFINITY] {
        assert!(plan.schedule(bad).is_err(), "schedule({bad}) is an error");
        assert!(
            plan.to_markdown(Some(bad)).is_err(),
            "to_markdown({bad}) is an error"
        );
    }
    let md = plan
        .to_markdown(Some(hours_per_week))
        .expect("markdown at a valid budget");
    assert!(md.starts_with("# "), "markdown starts with a title");
    plan.to_markdown(None).expect("markdown without a budget");
    let dot = plan.to_dot();
    assert!(
        dot.contains('{') && dot.trim_end().ends_with('}'),
        "DOT is one graph"
    );
}

/// Everything a resolution promises: confidences in 0..=1 and candidates best first, at
/// most `max_candidates`; `Resolved` names a skill, the first candidate's, and nothing
/// else does; the confidence is the best candidate's; empty and over-long queries are
/// rejected; every candidate is a skill `known` accepts.
pub fn check_resolution(
    r: &Resolution,
    query: &str,
    policy: &ResolvePolicy,
    known: impl Fn(&str) -> bool,
) {
    let candidates = r.candidates();
    assert!(
        candidates.len() <= policy.max_candidates,
        "at most max_candidates candidates"
    );
    for c in candidates {
        let conf = c.confidence();
        assert!((0.0..=1.0).contains(&conf), "confidence {conf} is in 0..=1");
        assert!(
            known(c.skill().as_str()),
            "candidate {} is a known skill",
            c.skill()
        );
    }
    for w in candidates.windows(2) {
        assert!(
            w[0].confidence() >= w[1].confidence(),
            "candidates are sorted by confidence, descending: {} then {}",
            w[0].confidence(),
            w[1].confidence()
        );
    }
    let best = candidates.first().map_or(0.0, |c| c.confidence());
    assert_eq!(
        r.confidence().to_bits(),
        best.to_bits(),
        "confidence() is the best candidate's"
    );
    assert_eq!(
        r.best().map(|c| c.skill()),
        candidates.first().map(|c| c.skill())
    );
    match r.status() {
        Status::Resolved => {
            let skill = r.skill().expect("a resolved query names a skill");
            assert_eq!(
                Some(skill),
                candidates.first().map(|c| c.skill()),
                "skill() is the first candidate"
            );
            assert!(r.is_resolved());
            assert!(
                r.confidence() >= policy.accept,
                "a resolved skill reaches `accept`"
            );
            assert!(r.rejection().is_none(), "a resolved query was not rejected");
        }
        _ => {
            assert!(r.skill().is_none(), "only a resolved query names a skill");
            assert!(!r.is_resolved());
        }
    }
    let trimmed = query.trim();
    if trimmed.is_empty() {
        assert_eq!(r.status(), Status::Unknown, "an empty query is unknown");
        assert!(candidates.is_empty(), "an empty query has no candidates");
    }
    if trimmed.len() > policy.max_query_bytes {
        assert!(
            matches!(r.rejection(), Some(Rejection::TooLong { .. })),
            "a query longer than max_query_bytes is rejected as too long"
        );
    }
    if let Some(rejection) = r.rejection() {
        assert_eq!(r.status(), Status::Unknown, "a rejected query is unknown");
        assert!(candidates.is_empty(), "a rejected query has no candidates");
        if let Rejection::TooLong { bytes, limit } = rejection {
            assert!(
                bytes > limit,
                "a query rejected as too long is longer than the limit"
            );
        }
    }
    assert!(
        r.query().chars().count() <= 64 + 3,
        "the query is clipped to 64 characters"
    );
}

fn count(warnings: &[Warning], f: impl Fn(&Warning) -> bool) -> usize {
    warnings.iter().filter(|w| f(w)).count()
}
