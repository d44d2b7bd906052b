//! Generators of adversarial catalogs: the structures of the reliability review, at any
//! size, through the public API only.
//!
//! `tests/adversarial.rs` includes this file with `#[path = "adversarial/gen.rs"] mod gen;`
//! and `examples/growth.rs` with `#[path = "../tests/adversarial/gen.rs"] mod gen;`.
//! (It lives in a subdirectory so that Cargo does not build it as a test crate of its
//! own.)
//!
//! Every generator returns [`Items`]: the skills, roles and courses in document order,
//! which [`Items::json`] writes as a `skillgap.catalog/1` document and [`Items::catalog`]
//! builds directly. Chains come first to last; [`Items::reversed`] lists them last to
//! first, which takes another path through the library (a search in document order then
//! starts at the deep end). Ids are zero-padded so that sorting them keeps the generation
//! order.

// The tests and the example each use part of this module.
#![allow(dead_code)]

use serde::Serialize;
use skillgap::{Catalog, Course, Importance, Level, Role, Skill};

/// The id of the role most generators add as the target of gaps and plans.
pub const TARGET: &str = "target";

/// The id of the `i`-th generated skill.
pub fn skill_id(i: usize) -> String {
    format!("s{i:06}")
}

/// The id of the `i`-th generated role.
pub fn role_id(i: usize) -> String {
    format!("r{i:06}")
}

/// The id of the `i`-th generated course.
pub fn course_id(i: usize) -> String {
    format!("c{i:06}")
}

/// Catalog items in document order.
#[derive(Debug, Clone, Default)]
pub struct Items {
    pub skills: Vec<Skill>,
    pub roles: Vec<Role>,
    pub courses: Vec<Course>,
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    skills: &'a [Skill],
    roles: &'a [Role],
    courses: &'a [Course],
}

impl Items {
    /// The items as a catalog document, for [`Catalog::from_json`].
    pub fn json(&self) -> String {
        serde_json::to_string(&Document {
            format: "skillgap.catalog/1",
            skills: &self.skills,
            roles: &self.roles,
            courses: &self.courses,
        })
        .expect("catalog items serialise")
    }

    /// The same items listed in the opposite order (each list reversed), ids unchanged:
    /// a chain then comes last to first, so a search that follows the document order
    /// starts at the deep end.
    pub fn reversed(mut self) -> Items {
        self.skills.reverse();
        self.roles.reverse();
        self.courses.reverse();
        self
    }

    /// The items validated and indexed by [`Catalog::new`].
    pub fn catalog(self) -> skillgap::Result<Catalog> {
        Catalog::new(self.skills, self.roles, self.courses)
    }
}

/// `n` plain skills `s000000..`, named `Skill {i}`.
fn plain_skills(n: usize) -> Vec<Skill> {
    (0..n)
        .map(|i| Skill::new(skill_id(i), format!("Skill {i}")))
        .collect()
}

/// A course of one hour, no cost, teaching skill `teaches` at `level`.
fn course(i: usize, teaches: usize, level: Level) -> Course {
    Course::new(course_id(i), format!("Course {i}"))
        .with_provider("Adversarial U")
        .with_hours(1.0)
        .with_teaches(skill_id(teaches), level)
}

/// Finding 1: a prerequisite chain. Skill `i` requires skill `i - 1` (beginner), listed
/// first to last; role [`TARGET`] requires the last skill (intermediate, essential).
pub fn skill_chain(n: usize) -> Items {
    let skills = (0..n)
        .map(|i| {
            let s = Skill::new(skill_id(i), format!("Skill {i}"));
            if i == 0 {
                s
            } else {
                s.with_prerequisite(skill_id(i - 1), Level::BEGINNER)
            }
        })
        .collect();
    let roles = vec![Role::new(TARGET, "Target").with_requirement(
        skill_id(n - 1),
        Level::INTERMEDIATE,
        Importance::Essential,
    )];
    Items {
        skills,
        roles,
        courses: Vec::new(),
    }
}

/// Finding 1: a prerequisite cycle through every skill. Skill `i` requires skill `i - 1`,
/// and skill 0 requires the last. Role [`TARGET`] requires skill 0.
pub fn skill_cycle(n: usize) -> Items {
    let skills = (0..n)
        .map(|i| {
            Skill::new(skill_id(i), format!("Skill {i}"))
                .with_prerequisite(skill_id((i + n - 1) % n), Level::BEGINNER)
        })
        .collect();
    let roles = vec![Role::new(TARGET, "Target").with_requirement(
        skill_id(0),
        Level::INTERMEDIATE,
        Importance::Essential,
    )];
    Items {
        skills,
        roles,
        courses: Vec::new(),
    }
}

/// Findings 1 and 2: an `extends` chain. Role `i` extends role `i - 1` and has one own
/// requirement, skill `i` (intermediate, important), so role `i` has `i + 1` requirements
/// in all.
pub fn extends_chain(n: usize) -> Items {
    let roles = (0..n)
        .map(|i| {
            let r = Role::new(role_id(i), format!("Role {i}")).with_requirement(
                skill_id(i),
                Level::INTERMEDIATE,
                Importance::Important,
            );
            if i == 0 {
                r
            } else {
                r.with_extends(role_id(i - 1))
            }
        })
        .collect();
    Items {
        skills: plain_skills(n),
        roles,
        courses: Vec::new(),
    }
}

/// Findings 1 and 3: a chain of courses. Course `i` teaches skill `i` (intermediate) and
/// requires skill `i - 1` (intermediate), which only course `i - 1` teaches; role
/// [`TARGET`] requires the last skill. The only plan takes every course, in order.
pub fn course_chain(n: usize) -> Items {
    let courses = (0..n)
        .map(|i| {
            let c = course(i, i, Level::INTERMEDIATE);
            if i == 0 {
                c
            } else {
                c.with_requires(skill_id(i - 1), Level::INTERMEDIATE)
            }
        })
        .collect();
    let roles = vec![Role::new(TARGET, "Target").with_requirement(
        skill_id(n - 1),
        Level::INTERMEDIATE,
        Importance::Essential,
    )];
    Items {
        skills: plain_skills(n),
        roles,
        courses,
    }
}

/// Findings 1 and 3: a ring of courses. Course `i` teaches skill `i` and requires skill
/// `i + 1` (the last requires skill 0); role [`TARGET`] requires every skill. No course
/// can ever be taken.
pub fn course_ring(n: usize) -> Items {
    let courses = (0..n)
        .map(|i| {
            course(i, i, Level::INTERMEDIATE).with_requires(skill_id((i + 1) % n), Level::BEGINNER)
        })
        .collect();
    Items {
        skills: plain_skills(n),
        roles: vec![role_requiring_all(n, Level::INTERMEDIATE)],
        courses,
    }
}

/// Finding 3: courses that require only what they teach. Course `i` teaches skill `i`
/// (intermediate) and requires skill `i` (awareness), which no other course teaches; role
/// [`TARGET`] requires every skill. For a profile without the skills no course can be
/// taken.
pub fn self_requiring_courses(n: usize) -> Items {
    let courses = (0..n)
        .map(|i| course(i, i, Level::INTERMEDIATE).with_requires(skill_id(i), Level::AWARENESS))
        .collect();
    Items {
        skills: plain_skills(n),
        roles: vec![role_requiring_all(n, Level::INTERMEDIATE)],
        courses,
    }
}

/// Role [`TARGET`] requiring skills `0..n` at `level`, essential.
fn role_requiring_all(n: usize, level: Level) -> Role {
    (0..n).fold(Role::new(TARGET, "Target"), |r, i| {
        r.with_requirement(skill_id(i), level, Importance::Essential)
    })
}

/// Finding 6: `n` skills sharing one generated acronym: skill `i` is named
/// `Alpha{i} Beta{i}`, so every one of them is `AB`.
pub fn shared_acronym(n: usize) -> Items {
    Items {
        skills: (0..n)
            .map(|i| Skill::new(skill_id(i), format!("Alpha{i} Beta{i}")))
            .collect(),
        ..Items::default()
    }
}

/// Finding 6: `n` skills sharing one name once the bracketed qualifier is set aside:
/// skill `i` is named `Python (v{i})`.
pub fn shared_qualifier(n: usize) -> Items {
    Items {
        skills: (0..n)
            .map(|i| Skill::new(skill_id(i), format!("Python (v{i})")))
            .collect(),
        ..Items::default()
    }
}

/// Finding 6: a free-text profile pasting the acronym `AB` `copies` times (`AB, AB, …`):
/// 4 bytes a copy.
pub fn acronym_paste(copies: usize) -> String {
    "AB, ".repeat(copies)
}

/// Finding 7: `n` ids of one length that differ only in their last few bytes: `prefix`,
/// a fixed run of `x`, then `i` in base 16 written with the letters `a..=p` (at least
/// four of them), 32 bytes in all for `n` up to 16⁶.
pub fn flood_id(prefix: char, i: usize, n: usize) -> String {
    let mut digits = 4;
    while digits < 16 && (1usize << (4 * digits)) < n {
        digits += 1;
    }
    let mut id = String::with_capacity(32);
    id.push(prefix);
    id.extend(std::iter::repeat_n('x', 31 - digits));
    for d in (0..digits).rev() {
        id.push((b'a' + ((i >> (4 * d)) & 15) as u8) as char);
    }
    id
}

/// Finding 7: `n` skills and `n` courses whose ids (and skill names) are [`flood_id`]s;
/// course `i` teaches skill `i`; role [`TARGET`] requires every skill (awareness,
/// optional).
pub fn flood_ids(n: usize) -> Items {
    let skills = (0..n)
        .map(|i| {
            let id = flood_id('k', i, n);
            Skill::new(id.clone(), id)
        })
        .collect();
    let courses = (0..n)
        .map(|i| {
            Course::new(flood_id('c', i, n), format!("Course {i}"))
                .with_provider("Adversarial U")
                .with_hours(1.0)
                .with_teaches(flood_id('k', i, n), Level::BEGINNER)
        })
        .collect();
    let role = (0..n).fold(Role::new(TARGET, "Target"), |r, i| {
        r.with_requirement(flood_id('k', i, n), Level::AWARENESS, Importance::Optional)
    });
    Items {
        skills,
        roles: vec![role],
        courses,
    }
}

/// Finding 8: a wide plan. Course `i` teaches skill `i` (intermediate), needing nothing;
/// role [`TARGET`] requires every skill: its plan takes all `n` courses, in one stage.
pub fn wide_plan(n: usize) -> Items {
    Items {
        skills: plain_skills(n),
        roles: vec![role_requiring_all(n, Level::INTERMEDIATE)],
        courses: (0..n).map(|i| course(i, i, Level::INTERMEDIATE)).collect(),
    }
}

/// Finding 8: a plan where one course builds on all the others. Course `i < n` teaches
/// skill `i` (intermediate), needing nothing; course `n`, the capstone, teaches skill `n`
/// and requires every skill `0..n` (intermediate); role [`TARGET`] requires skill `n`.
/// Its plan takes all `n + 1` courses in two stages, the capstone after each other one.
pub fn fan_in_plan(n: usize) -> Items {
    let capstone = (0..n).fold(course(n, n, Level::INTERMEDIATE), |c, i| {
        c.with_requires(skill_id(i), Level::INTERMEDIATE)
    });
    let mut courses: Vec<Course> = (0..n).map(|i| course(i, i, Level::INTERMEDIATE)).collect();
    courses.push(capstone);
    Items {
        skills: plain_skills(n + 1),
        roles: vec![Role::new(TARGET, "Target").with_requirement(
            skill_id(n),
            Level::INTERMEDIATE,
            Importance::Essential,
        )],
        courses,
    }
}

/// Finding 8: a role with `n` requirements on skills that each require one of `bases`
/// base skills. Skills `0..bases` are the bases; skill `bases + i` requires base
/// `i % bases` (beginner). Role [`TARGET`] requires skills `bases..bases + n`,
/// alternately essential and optional.
pub fn wide_role(n: usize, bases: usize) -> Items {
    let skills = (0..bases + n)
        .map(|i| {
            let s = Skill::new(skill_id(i), format!("Skill {i}"));
            if i < bases {
                s
            } else {
                s.with_prerequisite(skill_id((i - bases) % bases), Level::BEGINNER)
            }
        })
        .collect();
    let role = (0..n).fold(Role::new(TARGET, "Target"), |r, i| {
        let importance = if i % 2 == 0 {
            Importance::Essential
        } else {
            Importance::Optional
        };
        r.with_requirement(skill_id(bases + i), Level::INTERMEDIATE, importance)
    });
    Items {
        skills,
        roles: vec![role],
        courses: Vec::new(),
    }
}

/// Finding 8: `n` roles that all have the same name, `Engineer`, over 1,000 skills. Role
/// `i` requires skill `i % 1000` and, for `i > 0`, extends role `(i - 1) / 2` (a binary
/// tree, so role `i` inherits from `⌊log₂(i + 1)⌋` roles).
pub fn many_roles(n: usize) -> Items {
    let skills = n.clamp(1, 1000);
    let roles = (0..n)
        .map(|i| {
            let r = Role::new(role_id(i), "Engineer").with_requirement(
                skill_id(i % skills),
                Level::INTERMEDIATE,
                Importance::Essential,
            );
            if i == 0 {
                r
            } else {
                r.with_extends(role_id((i - 1) / 2))
            }
        })
        .collect();
    Items {
        skills: plain_skills(skills),
        roles,
        courses: Vec::new(),
    }
}

/// Finding 8: `n` roles, each with two references the catalog lacks: it requires skill
/// `missing-{i}` and extends role `missing-{i}`. Validation must report `2n` problems.
pub fn many_bad_references(n: usize) -> Items {
    let roles = (0..n)
        .map(|i| {
            Role::new(role_id(i), format!("Role {i}"))
                .with_extends(format!("missing-{i}"))
                .with_requirement(
                    format!("missing-{i}"),
                    Level::INTERMEDIATE,
                    Importance::Essential,
                )
        })
        .collect();
    Items {
        skills: plain_skills(n.clamp(1, 1000)),
        roles,
        courses: Vec::new(),
    }
}

/// Finding 13: `n` one-skill roles as stepping stones toward a role of `target_size`
/// skills. Skill `i` is taught (intermediate, one hour) by course `i`; role `i` requires
/// skill `i`; role [`TARGET`] requires skills `0..target_size`. Every role is ready
/// sooner than the target, so every one is a candidate stepping stone.
pub fn career_ladder(n: usize, target_size: usize) -> Items {
    let skills = n.max(target_size);
    let mut roles: Vec<Role> = (0..n)
        .map(|i| {
            Role::new(role_id(i), format!("Role {i}")).with_requirement(
                skill_id(i),
                Level::INTERMEDIATE,
                Importance::Essential,
            )
        })
        .collect();
    roles.push(role_requiring_all(target_size, Level::INTERMEDIATE));
    Items {
        skills: plain_skills(skills),
        roles,
        courses: (0..skills)
            .map(|i| course(i, i, Level::INTERMEDIATE))
            .collect(),
    }
}
