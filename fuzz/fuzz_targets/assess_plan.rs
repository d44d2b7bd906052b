//! Small catalogs built through the public builders from a structured description
//! (at most 12 skills with prerequisites and related skills, 4 roles with `extends`, 16
//! courses), then a profile: assess, explain, gaps, plan, schedule, Markdown, DOT.
//!
//! Oracles: `Catalog::new` either validates or lists problems (never panics); rankings by
//! score descending, ties by role id, scores in 0..=1; explanations sum to the score;
//! gaps consistent and in learning order; plans well formed (requirements met in order,
//! stages, totals) with schedule weeks that never go back; applying a plan and assessing
//! again leaves no gap of the target but those the plan lists as uncovered (and, for the
//! `Ready` scope, a ready role when nothing is uncovered).
#![no_main]

use std::collections::HashSet;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use skillgap::assess::Assessor;
use skillgap::plan::{Objective, Scope};
use skillgap::{Catalog, Course, Importance, Level, Planner, Policy, Profile, Role, Skill};
use skillgap_fuzz::{check_assessment, check_gaps, check_plan};

const SKILLS: usize = 12;
const ROLES: usize = 4;
const COURSES: usize = 16;
const LINKS: usize = 4;

#[derive(Arbitrary, Debug)]
struct Desc {
    /// When set, references may point anywhere (cycles, unknown ids, level 0); otherwise
    /// prerequisites and `extends` point at earlier items only, so most catalogs are valid.
    wild: bool,
    skills: Vec<SkillDesc>,
    roles: Vec<RoleDesc>,
    courses: Vec<CourseDesc>,
    profile: Vec<(u8, u8)>,
    partial_credit: bool,
    transfer: bool,
    objective: u8,
    hours_weight: u8,
    cost_weight: u8,
    ready_scope: bool,
    exact_limit: u8,
    hours_per_week: u8,
    target_levels: Vec<(u8, u8)>,
}

#[derive(Arbitrary, Debug)]
struct SkillDesc {
    alias: Option<u8>,
    requires: Vec<(u8, u8)>,
    related: Vec<(u8, u8)>,
}

#[derive(Arbitrary, Debug)]
struct RoleDesc {
    extends: Vec<u8>,
    requirements: Vec<(u8, u8, u8, Option<u8>)>,
}

#[derive(Arbitrary, Debug)]
struct CourseDesc {
    hours: u8,
    cost: u8,
    teaches: Vec<(u8, u8)>,
    requires: Vec<(u8, u8)>,
}

fn skill_id(i: u8) -> String {
    format!("s{i}")
}

/// A level from 1 to 5; in wild mode 0 too (invalid where a level is needed).
fn level(b: u8, wild: bool) -> Level {
    if wild {
        Level::new(b % 6).unwrap()
    } else {
        Level::new(1 + b % 5).unwrap()
    }
}

fn importance(b: u8) -> Importance {
    Importance::ALL[usize::from(b % 3)]
}

fn build(d: &Desc) -> (Vec<Skill>, Vec<Role>, Vec<Course>) {
    let n = d.skills.len().min(SKILLS) as u8;
    // A reference to a skill: in wild mode any of 0..=n (n is unknown), otherwise one
    // below `below` (an earlier skill), or None when there is none.
    let pick = |b: u8, below: u8| -> Option<String> {
        if d.wild {
            Some(skill_id(b % (n + 1)))
        } else if below == 0 {
            None
        } else {
            Some(skill_id(b % below))
        }
    };
    let mut skills = Vec::new();
    for (i, s) in d.skills.iter().take(SKILLS).enumerate() {
        let i = i as u8;
        let mut skill = Skill::new(skill_id(i), format!("Skill number {i}"));
        if let Some(a) = s.alias {
            // Aliases may collide with another skill's label in wild mode.
            let alias = if d.wild {
                format!("alias {}", a % 16)
            } else {
                format!("alias {i} {a}")
            };
            skill = skill.with_alias(alias);
        }
        for &(p, l) in s.requires.iter().take(LINKS) {
            if let Some(p) = pick(p, i) {
                skill = skill.with_prerequisite(p, level(l, d.wild));
            }
        }
        for &(r, t) in s.related.iter().take(LINKS) {
            if let Some(r) = pick(r, n) {
                skill = skill.with_related(r, f64::from(t % 11) / 10.0);
            }
        }
        skills.push(skill);
    }
    let m = d.roles.len().min(ROLES) as u8;
    let mut roles = Vec::new();
    for (i, r) in d.roles.iter().take(ROLES).enumerate() {
        let i = i as u8;
        let mut role = Role::new(format!("r{i}"), format!("Role {i}"));
        for &e in r.extends.iter().take(2) {
            if d.wild {
                role = role.with_extends(format!("r{}", e % (m + 1)));
            } else if i > 0 {
                role = role.with_extends(format!("r{}", e % i));
            }
        }
        for &(s, l, imp, w) in r.requirements.iter().take(6) {
            if let Some(s) = pick(s, n) {
                let mut q = skillgap::model::Requirement::new(s, level(l, d.wild), importance(imp));
                if let Some(w) = w {
                    q = q.with_weight(f64::from(w) / 16.0);
                }
                role = role.with(q);
            }
        }
        roles.push(role);
    }
    let mut courses = Vec::new();
    for (i, c) in d.courses.iter().take(COURSES).enumerate() {
        let mut course = Course::new(format!("c{i:02}"), format!("Course {i}"))
            .with_provider("Fuzz U")
            .with_hours(f64::from(c.hours) / 2.0)
            .with_cost(f64::from(c.cost));
        for &(s, l) in c.teaches.iter().take(LINKS) {
            if let Some(s) = pick(s, n) {
                course = course.with_teaches(s, level(l, d.wild));
            }
        }
        for &(s, l) in c.requires.iter().take(LINKS) {
            if let Some(s) = pick(s, n) {
                course = course.with_requires(s, level(l, d.wild));
            }
        }
        courses.push(course);
    }
    (skills, roles, courses)
}

/// With `FUZZ_DEBUG` set, each input's description and catalog are printed (to read a
/// reproducer: `FUZZ_DEBUG=1 fuzz/target/<host>/release/assess_plan <file>`).
fn debug() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("FUZZ_DEBUG").is_some())
}

fuzz_target!(|d: Desc| {
    let (skills, roles, courses) = build(&d);
    if debug() {
        eprintln!("{d:#?}");
    }
    let Ok(catalog) = Catalog::new(skills, roles, courses) else {
        return;
    };
    if debug() {
        eprintln!("{}", catalog.to_json());
    }

    // Names by id, by name and by alias, levels 0..=5.
    let mut profile = Profile::new();
    for &(s, l) in d.profile.iter().take(SKILLS) {
        let i = s % (SKILLS as u8 + 1);
        let name = match s / 64 {
            0 | 1 => skill_id(i),
            2 => format!("Skill number {i}"),
            _ => format!("skill NUMBER {i}"),
        };
        profile = profile.with_skill(name, Level::new(l % 6).unwrap());
    }

    let mut policy = Policy::default();
    policy.partial_credit = d.partial_credit;
    policy.transfer = d.transfer;
    let assessor = Assessor::new(&catalog).policy(policy);
    let assessment = assessor.assess(&profile).expect("a valid policy assesses");
    check_assessment(&catalog, &profile, &assessment);

    let objective = match d.objective % 3 {
        0 => Objective::Hours,
        1 => Objective::Cost,
        _ => Objective::Weighted {
            hours: f64::from(d.hours_weight) / 8.0,
            cost: f64::from(d.cost_weight) / 8.0,
        },
    };
    let scope = if d.ready_scope {
        Scope::Ready
    } else {
        Scope::AllGaps
    };
    let planner = Planner::new(&assessment)
        .objective(objective)
        .scope(scope)
        .exact_limit(usize::from(d.exact_limit % 32))
        .node_budget(20_000);
    // Above 0 and at most 168, the hours of a week.
    let hours_per_week = 0.5 + f64::from(d.hours_per_week % 168);

    for role in catalog.roles() {
        let id = role.id().as_str();
        let plan = planner.for_role(id).expect("a known role plans");
        assert_eq!(plan.target(), Some(role.id()));
        check_plan(&assessment, &plan, hours_per_week);

        // Applying the plan closes every gap it does not list as uncovered.
        let uncovered: HashSet<&str> = plan
            .uncovered()
            .iter()
            .map(|u| u.skill.id().as_str())
            .collect();
        let after = plan.apply(&profile);
        let again = assessor.assess(&after).expect("a valid policy assesses");
        check_assessment(&catalog, &after, &again);
        let gaps = Planner::new(&again)
            .scope(scope)
            .for_role(id)
            .expect("a known role plans");
        for gap in gaps.gaps().by_priority() {
            assert!(
                uncovered.contains(gap.skill().id().as_str()),
                "after the plan for {id}, gap {} (have {}, need {}) remains but the plan \
                 does not list it as uncovered",
                gap.skill().id(),
                gap.have(),
                gap.need()
            );
        }
        // Ready once nothing is uncovered and every gate the profile lacks has a
        // programme (applying the plan adds the credentials they confer).
        if scope == Scope::Ready && uncovered.is_empty() && plan.programme_time().is_some() {
            assert!(
                again.role(id).unwrap().is_ready(),
                "after a Ready plan for {id} the role is ready"
            );
        }
        check_gaps(&catalog, plan.gaps());

        catalog
            .role_dot(id, Some(&assessment))
            .expect("DOT of a known role");
    }
    assert!(catalog.role_dot("no-such-role", None).is_err());

    // Plans toward skill levels, by id.
    let targets: Vec<(String, Level)> = d
        .target_levels
        .iter()
        .take(4)
        .filter(|(s, _)| usize::from(*s) < catalog.skills().len())
        .map(|&(s, l)| (skill_id(s), level(l, false)))
        .collect();
    let refs: Vec<(&str, Level)> = targets.iter().map(|(s, l)| (s.as_str(), *l)).collect();
    let plan = planner.for_skills(&refs).expect("known skills plan");
    check_plan(&assessment, &plan, hours_per_week);
    check_gaps(&catalog, plan.gaps());

    let next = assessment.next_courses(None).expect("next courses");
    let _ = next.len();
    let _ = assessment.hours_to_ready();
});
