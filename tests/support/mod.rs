//! What the tests and the benches share: a deterministic generator of synthetic
//! catalogs and profiles, and reference computations (oracles) to check results against.
//! Benches include this file with `#[path = "../tests/support/mod.rs"] mod support;`.
//!
//! [`Synthetic::esco`] builds an ESCO-sized catalog (14,000 skills, 3,000 roles, ~100,000
//! requirements, 5,000 courses) through the public API only. Everything comes from a
//! fixed-seed splitmix64 generator, so every run (and every bench including this module
//! with `mod support;`) sees exactly the same catalog and profile.
//!
//! Shape, chosen to resemble ESCO:
//! - skill popularity follows a Zipf–Mandelbrot law over the skill index (skill 0 is the
//!   most popular): the most popular skills appear in about a third of the roles, the
//!   tail in one or two;
//! - prerequisites only point from a higher to a lower index (so the graph is a DAG),
//!   mostly to popular (foundational) skills, sometimes to a near neighbour, ~1 per skill;
//! - roles draw their requirements with the same skew; ~10% extend one earlier role;
//! - courses teach popular skills more often and require skills of lower index.

// Each test and bench uses part of this module.
#![allow(dead_code)]

pub mod vocabulary;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use skillgap::{Assessment, Catalog, Course, Importance, Level, Profile, Role, Skill};

/// The seed of every generated catalog and profile unless told otherwise.
pub const SEED: u64 = 0x5EED_51C1_11A9;

/// splitmix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// An index drawn with the given relative weights.
    pub fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut u = self.unit() * total;
        for (i, &w) in weights.iter().enumerate() {
            if u < w {
                return i;
            }
            u -= w;
        }
        weights.len() - 1
    }
}

/// Zipf–Mandelbrot over `0..n`: `P(k) ∝ 1 / (k + q)^s`.
#[derive(Debug, Clone)]
pub struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64, q: f64) -> Self {
        let mut acc = 0.0;
        let cdf = (0..n)
            .map(|k| {
                acc += 1.0 / (k as f64 + 1.0 + q).powf(s);
                acc
            })
            .collect();
        Zipf { cdf }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        self.sample_below(rng, self.cdf.len())
    }

    /// A sample restricted to `0..bound` (`bound > 0`).
    pub fn sample_below(&self, rng: &mut Rng, bound: usize) -> usize {
        let u = rng.unit() * self.cdf[bound - 1];
        self.cdf[..bound]
            .partition_point(|&c| c <= u)
            .min(bound - 1)
    }
}

/// How big a synthetic catalog is.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub skills: usize,
    pub roles: usize,
    /// Own requirements per role: uniform in this range.
    pub requirements: (usize, usize),
    /// Probability that a role (other than the first) extends one earlier role.
    pub extends: f64,
    pub courses: usize,
    pub related_pairs: usize,
}

impl Sizes {
    /// ESCO v1.1 is ~13,900 skills and ~3,000 occupations with ~100k skill links.
    pub const ESCO: Sizes = Sizes {
        skills: 14_000,
        roles: 3_000,
        requirements: (18, 48),
        extends: 0.1,
        courses: 5_000,
        related_pairs: 2_000,
    };
}

/// Exponent and offset of the popularity law (see [`Zipf`]).
const POPULARITY: (f64, f64) = (1.0, 10.0);

/// Generated catalog items, in id order (ids are zero-padded).
#[derive(Debug, Clone)]
pub struct Synthetic {
    pub skills: Vec<Skill>,
    pub roles: Vec<Role>,
    pub courses: Vec<Course>,
}

impl Synthetic {
    /// The ESCO-sized catalog items with the fixed [`SEED`].
    pub fn esco() -> Self {
        Synthetic::generate(Sizes::ESCO, SEED)
    }

    /// Validates and indexes a copy of the items.
    pub fn catalog(&self) -> Catalog {
        Catalog::new(
            self.skills.clone(),
            self.roles.clone(),
            self.courses.clone(),
        )
        .expect("the synthetic catalog is valid")
    }

    /// Validates and indexes the items.
    pub fn into_catalog(self) -> Catalog {
        Catalog::new(self.skills, self.roles, self.courses).expect("the synthetic catalog is valid")
    }

    /// The same items with an explicit weight on every requirement (as O*NET imports
    /// have), drawn in 0.2..=2.0 with two decimals: gap priorities then take many values.
    pub fn with_explicit_weights(mut self, seed: u64) -> Self {
        let mut rng = Rng::new(seed ^ 0x00E1_6475);
        self.roles = self
            .roles
            .into_iter()
            .map(|role| {
                let mut out = Role::new(role.id().clone(), role.name());
                for e in role.extends() {
                    out = out.with_extends(e.clone());
                }
                for q in role.requirements() {
                    let w = rng.range(20, 200) as f64 / 100.0;
                    out = out.with(q.clone().with_weight(w));
                }
                out
            })
            .collect();
        self
    }

    /// Own requirements over all roles (before `extends` merging).
    pub fn own_requirements(&self) -> usize {
        self.roles.iter().map(|r| r.requirements().len()).sum()
    }

    pub fn generate(sizes: Sizes, seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let popularity = Zipf::new(sizes.skills, POPULARITY.0, POPULARITY.1);
        let skills = skills(&mut rng, &popularity, sizes);
        let roles = roles(&mut rng, &popularity, sizes);
        let courses = courses(&mut rng, &popularity, sizes);
        Synthetic {
            skills,
            roles,
            courses,
        }
    }
}

pub fn skill_id(i: usize) -> String {
    format!("skill-{i:05}")
}

pub fn role_id(i: usize) -> String {
    format!("role-{i:04}")
}

pub fn course_id(i: usize) -> String {
    format!("course-{i:05}")
}

fn level(l: usize) -> Level {
    Level::new(l as u8).expect("level in 0..=5")
}

const ONSETS: [&str; 30] = [
    "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l", "m", "n", "p",
    "pl", "qu", "r", "s", "sh", "sk", "st", "t", "th", "tr", "v", "z",
];
const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
const CODAS: [&str; 10] = ["", "", "n", "r", "s", "l", "x", "m", "nd", "st"];

/// A pronounceable lowercase pseudo-word of 1-3 syllables.
fn word(rng: &mut Rng) -> String {
    let syllables = 1 + rng.pick(&[0.25, 0.55, 0.2]);
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(VOWELS[rng.below(VOWELS.len())]);
        w.push_str(CODAS[rng.below(CODAS.len())]);
    }
    w
}

/// `words` pseudo-words, space-separated, the first capitalized.
fn phrase(rng: &mut Rng, words: usize) -> String {
    let mut p = String::new();
    for i in 0..words {
        if i > 0 {
            p.push(' ');
        }
        let w = word(rng);
        if i == 0 {
            let mut chars = w.chars();
            if let Some(c) = chars.next() {
                p.extend(c.to_uppercase());
                p.push_str(chars.as_str());
            }
        } else {
            p.push_str(&w);
        }
    }
    p
}

/// A phrase whose lowercase form is not in `taken` yet (then it is).
fn unique_phrase(rng: &mut Rng, taken: &mut HashSet<String>, words: usize) -> String {
    loop {
        let p = phrase(rng, words);
        if taken.insert(p.to_lowercase()) {
            return p;
        }
    }
}

fn skills(rng: &mut Rng, popularity: &Zipf, sizes: Sizes) -> Vec<Skill> {
    let n = sizes.skills;
    let mut taken: HashSet<String> = HashSet::with_capacity(n * 3);
    let mut names = Vec::with_capacity(n);
    let mut aliases: Vec<Vec<String>> = Vec::with_capacity(n);
    for _ in 0..n {
        let words = 1 + rng.pick(&[0.3, 0.5, 0.2]);
        let name = unique_phrase(rng, &mut taken, words);
        let count = rng.pick(&[0.4, 0.35, 0.18, 0.07]);
        let mut list = Vec::with_capacity(count);
        for k in 0..count {
            // First alias: the initials when the name has several words (unless taken).
            let initials: String = name
                .split(' ')
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            if k == 0 && initials.len() > 1 && taken.insert(initials.to_lowercase()) {
                list.push(initials);
            } else {
                let words = 1 + rng.below(2);
                list.push(unique_phrase(rng, &mut taken, words));
            }
        }
        names.push(name);
        aliases.push(list);
    }

    // Related pairs (unordered, distinct), attached to the higher index. Relations join
    // similar skills (often neighbours in the taxonomy), whatever their popularity, so
    // both ends are drawn uniformly.
    let mut related: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut pairs: HashSet<(usize, usize)> = HashSet::with_capacity(sizes.related_pairs);
    while pairs.len() < sizes.related_pairs.min(n * (n - 1) / 2) {
        let a = rng.below(n);
        let b = if rng.chance(0.5) {
            rng.below(n)
        } else {
            (a + rng.range(1, 100)).min(n - 1)
        };
        if a == b {
            continue;
        }
        let (lo, hi) = (a.min(b), a.max(b));
        if pairs.insert((lo, hi)) {
            let transfer = (30.0 + rng.below(51) as f64) / 100.0;
            related[hi].push((lo, transfer));
        }
    }

    let mut out = Vec::with_capacity(n);
    for (i, (name, alias_list)) in names.into_iter().zip(aliases).enumerate() {
        let mut skill = Skill::new(skill_id(i), name);
        for a in alias_list {
            skill = skill.with_alias(a);
        }
        // ~1 prerequisite on average: 0 (30%), 1 (45%), 2 (20%), 3 (5%).
        let count = if i == 0 {
            0
        } else {
            rng.pick(&[0.3, 0.45, 0.2, 0.05])
        };
        let mut prereqs: Vec<usize> = Vec::with_capacity(count);
        for _ in 0..count {
            let p = if rng.chance(0.7) {
                popularity.sample_below(rng, i)
            } else {
                i - rng.range(1, i.min(200))
            };
            if !prereqs.contains(&p) {
                prereqs.push(p);
                let l = 1 + rng.pick(&[0.3, 0.5, 0.2]);
                skill = skill.with_prerequisite(skill_id(p), level(l));
            }
        }
        for &(j, transfer) in &related[i] {
            skill = skill.with_related(skill_id(j), transfer);
        }
        out.push(skill);
    }
    out
}

/// Requirement levels 1-5 and importances (optional, important, essential).
const REQUIREMENT_LEVELS: [f64; 5] = [0.1, 0.25, 0.35, 0.22, 0.08];
const IMPORTANCES: [f64; 3] = [0.25, 0.45, 0.30];

fn roles(rng: &mut Rng, popularity: &Zipf, sizes: Sizes) -> Vec<Role> {
    const TITLES: [&str; 8] = [
        "Specialist",
        "Engineer",
        "Manager",
        "Technician",
        "Analyst",
        "Officer",
        "Consultant",
        "Operator",
    ];
    let mut taken: HashSet<String> = HashSet::with_capacity(sizes.roles);
    let mut out = Vec::with_capacity(sizes.roles);
    for i in 0..sizes.roles {
        let name = loop {
            let words = 1 + rng.below(2);
            let name = format!("{} {}", phrase(rng, words), TITLES[rng.below(TITLES.len())]);
            if taken.insert(name.to_lowercase()) {
                break name;
            }
        };
        let mut role = Role::new(role_id(i), name);
        if i > 0 && rng.chance(sizes.extends) {
            let parent = i - rng.range(1, i.min(200));
            role = role.with_extends(role_id(parent));
        }
        let count = rng.range(sizes.requirements.0, sizes.requirements.1);
        let mut chosen: Vec<usize> = Vec::with_capacity(count);
        while chosen.len() < count.min(sizes.skills) {
            let s = popularity.sample(rng);
            if !chosen.contains(&s) {
                chosen.push(s);
            }
        }
        for s in chosen {
            let l = 1 + rng.pick(&REQUIREMENT_LEVELS);
            let importance = Importance::ALL[rng.pick(&IMPORTANCES)];
            role = role.with_requirement(skill_id(s), level(l), importance);
        }
        out.push(role);
    }
    out
}

fn courses(rng: &mut Rng, popularity: &Zipf, sizes: Sizes) -> Vec<Course> {
    const PROVIDERS: [&str; 6] = [
        "Coursera",
        "edX",
        "Udemy",
        "OpenClassrooms",
        "Pluralsight",
        "University",
    ];
    let n = sizes.skills;
    let mut out = Vec::with_capacity(sizes.courses);
    for i in 0..sizes.courses {
        let words = 2 + rng.below(3);
        let mut course = Course::new(course_id(i), phrase(rng, words))
            .with_provider(PROVIDERS[rng.below(PROVIDERS.len())])
            .with_hours(rng.range(2, 120) as f64)
            .with_cost(if rng.chance(0.3) {
                0.0
            } else {
                rng.range(1, 50) as f64 * 10.0
            });
        let count = rng.range(1, 4);
        let mut taught: Vec<usize> = Vec::with_capacity(count);
        while taught.len() < count {
            let s = if rng.chance(0.7) {
                popularity.sample(rng)
            } else {
                rng.below(n)
            };
            if !taught.contains(&s) {
                taught.push(s);
            }
        }
        for &s in &taught {
            course = course.with_teaches(skill_id(s), level(rng.range(2, 5)));
        }
        let lowest = taught.iter().copied().min().unwrap_or(0);
        if lowest > 0 {
            let mut required: Vec<usize> = Vec::new();
            for _ in 0..rng.range(0, 2) {
                let s = popularity.sample_below(rng, lowest);
                if !required.contains(&s) {
                    required.push(s);
                    course = course.with_requires(skill_id(s), level(rng.range(1, 3)));
                }
            }
        }
        out.push(course);
    }
    out
}

/// A profile of `n` distinct skills drawn like a real person's: mostly popular skills
/// (80%), a few niche ones, levels 1-5 centred on 3. Skills are named by id (40%), by
/// name (45%, a third of them in upper case, which resolution ignores) or by alias.
pub fn profile(skills: &[Skill], n: usize, seed: u64) -> Profile {
    let mut rng = Rng::new(seed ^ 0x0050_F11E);
    let popularity = Zipf::new(skills.len(), POPULARITY.0, POPULARITY.1);
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    while chosen.len() < n.min(skills.len()) {
        let s = if rng.chance(0.8) {
            popularity.sample(&mut rng)
        } else {
            rng.below(skills.len())
        };
        if !chosen.contains(&s) {
            chosen.push(s);
        }
    }
    let mut profile = Profile::new().with_name("Synthetic Person");
    for s in chosen {
        let skill = &skills[s];
        let label = match rng.pick(&[0.4, 0.3, 0.15, 0.15]) {
            0 => skill.id().to_string(),
            1 => skill.name().to_string(),
            2 => skill.name().to_uppercase(),
            _ => match skill.aliases().first() {
                Some(a) => a.clone(),
                None => skill.name().to_string(),
            },
        };
        let l = 1 + rng.pick(&[0.1, 0.2, 0.35, 0.25, 0.1]);
        profile = profile.with_skill(label, level(l));
    }
    profile
}

/// The gaps of `role` computed the obvious way, through the public API only, as a check
/// of the indexed computation: the unmet requirements, then, until nothing changes, every
/// prerequisite a gap asks more of than the profile has, with the highest level asked,
/// the largest weight and the highest importance of the gaps asking.
pub type ExpectedGaps = BTreeMap<String, ExpectedGap>;

/// A gap as [`reference_gaps`] finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedGap {
    pub need: Level,
    pub weight: f64,
    pub importance: Importance,
    pub required: bool,
    pub implied_by: BTreeSet<String>,
}

pub fn reference_gaps(a: &Assessment<'_>, role: &str) -> ExpectedGaps {
    let catalog = a.catalog();
    let weights = a.policy().weights;
    let mut gaps = ExpectedGaps::new();
    for q in catalog.requirements(role).expect("known role") {
        if a.level_of(q.skill().as_str()) < q.level().as_f64() {
            let gap = ExpectedGap {
                need: q.level(),
                weight: q.weight().unwrap_or_else(|| weights.of(q.importance())),
                importance: q.importance(),
                required: true,
                implied_by: BTreeSet::new(),
            };
            gaps.insert(q.skill().to_string(), gap);
        }
    }
    loop {
        let before = gaps.clone();
        for (skill, g) in &before {
            for (prereq, level) in catalog.prerequisites(skill) {
                if a.level_of(prereq.id()) >= level.as_f64() {
                    continue;
                }
                let e = gaps.entry(prereq.id().to_string()).or_insert(ExpectedGap {
                    need: level,
                    weight: 0.0,
                    importance: Importance::Optional,
                    required: false,
                    implied_by: BTreeSet::new(),
                });
                e.need = e.need.max(level);
                if !e.required {
                    e.weight = e.weight.max(g.weight);
                    e.importance = e.importance.max(g.importance);
                }
                e.implied_by.insert(skill.clone());
            }
        }
        if gaps == before {
            return gaps;
        }
    }
}

/// Checks the gaps of `role` against [`reference_gaps`], their priority order (priority
/// descending, ties by skill id) and their learning order (each gap after the gaps on its
/// unmet prerequisites; among the gaps free to come next, the first by priority).
pub fn check_gaps(a: &Assessment<'_>, role: &str) {
    let gaps = a.gaps(role).expect("known role");
    let expected = reference_gaps(a, role);
    let got: ExpectedGaps = gaps
        .by_priority()
        .map(|g| {
            let gap = ExpectedGap {
                need: g.need(),
                weight: g.weight(),
                importance: g.importance(),
                required: !g.is_implied(),
                implied_by: g.implied_by().map(|s| s.id().to_string()).collect(),
            };
            (g.skill().id().to_string(), gap)
        })
        .collect();
    assert_eq!(got, expected, "gaps of {role}");
    let keys: Vec<(f64, String)> = gaps
        .by_priority()
        .map(|g| (-g.priority(), g.skill().id().to_string()))
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "{role}: gaps not by priority, then id: {keys:?}"
    );
    // Kahn's rule, the slow way: repeatedly the first gap by priority whose prerequisite
    // gaps are all placed.
    let by_priority: Vec<(String, BTreeSet<String>)> = gaps
        .by_priority()
        .map(|g| {
            (
                g.skill().id().to_string(),
                g.implied_by().map(|s| s.id().to_string()).collect(),
            )
        })
        .collect();
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut want = Vec::new();
    while want.len() < by_priority.len() {
        let (next, _) = by_priority
            .iter()
            .find(|(s, _)| {
                !placed.contains(s)
                    && by_priority
                        .iter()
                        .all(|(p, by)| placed.contains(p) || !by.contains(s))
            })
            .expect("the prerequisites are acyclic");
        placed.insert(next.clone());
        want.push(next.clone());
    }
    let order: Vec<String> = gaps
        .in_learning_order()
        .map(|g| g.skill().id().to_string())
        .collect();
    assert_eq!(order, want, "learning order of {role}");
}

/// Checks that `ranked` is every role by the policy's ranking value (fit or readiness)
/// descending, ties by id, each as [`Assessment::role`] gives it: a plain sort of all the
/// roles.
pub fn check_ranking(a: &Assessment<'_>, ranked: &[skillgap::assess::RoleScore<'_>]) {
    let value = |rs: &skillgap::assess::RoleScore<'_>| match a.policy().rank {
        skillgap::assess::Rank::Readiness => rs.score(),
        _ => rs.fit(),
    };
    let mut all: Vec<(f64, String)> = a
        .catalog()
        .roles()
        .iter()
        .map(|r| (value(&a.role(r.id()).expect("known")), r.id().to_string()))
        .collect();
    all.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let got: Vec<(f64, String)> = ranked
        .iter()
        .map(|rs| (value(rs), rs.role().id().to_string()))
        .collect();
    assert_eq!(got, all[..got.len()], "ranking");
}

/// The highest level of each skill (by id) reachable from the profile's levels by taking
/// every course whose requirements are met, again and again until nothing changes: a gap
/// needing more than this can be closed by no plan, one needing no more by some plan.
pub fn reachable_levels(a: &Assessment<'_>) -> BTreeMap<String, f64> {
    let catalog = a.catalog();
    let mut level: BTreeMap<String, f64> = catalog
        .skills()
        .iter()
        .map(|s| (s.id().to_string(), a.level_of(s.id().as_str())))
        .collect();
    loop {
        let mut changed = false;
        for c in catalog.courses() {
            let takeable = c
                .requires()
                .iter()
                .all(|r| level[r.skill().as_str()] >= r.level().as_f64());
            if !takeable {
                continue;
            }
            for t in c.teaches() {
                let l = level.get_mut(t.skill().as_str()).expect("known skill");
                if *l < t.level().as_f64() {
                    *l = t.level().as_f64();
                    changed = true;
                }
            }
        }
        if !changed {
            return level;
        }
    }
}

/// Checks that a plan lists as uncovered exactly the gaps no plan can close.
pub fn check_uncovered(a: &Assessment<'_>, plan: &skillgap::Plan<'_>) {
    let reachable = reachable_levels(a);
    let uncovered: BTreeSet<&str> = plan
        .uncovered()
        .iter()
        .map(|u| u.skill.id().as_str())
        .collect();
    for gap in plan.gaps().by_priority() {
        let skill = gap.skill().id().as_str();
        let closable = reachable[skill] >= gap.need().as_f64();
        assert_eq!(
            !uncovered.contains(skill),
            closable,
            "gap {skill} (need {}, reachable {}): listed uncovered = {}",
            gap.need().get(),
            reachable[skill],
            uncovered.contains(skill)
        );
    }
    assert!(
        uncovered.iter().all(|s| plan.gaps().get(s).is_some()),
        "every uncovered skill is a gap"
    );
}

/// The official ESCO release beside the crate (`../shared/data/esco-v1.1.1`) or where
/// `SKILLGAP_ESCO_DIR` points; `None`, with a message saying the test is skipped, when it
/// is absent (users who clone the crate alone do not have it).
pub fn esco_release() -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("SKILLGAP_ESCO_DIR").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco-v1.1.1"),
        std::path::PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: no ESCO release at {} (set SKILLGAP_ESCO_DIR to run this test)",
            dir.display()
        );
        None
    }
}
