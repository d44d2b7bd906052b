//! The catalog: skills, roles and courses, validated and indexed once, then shared.

pub(crate) mod closure;
mod validate;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::error::{Error, ItemKind, Problem, Result};
use crate::model::Course;
use crate::model::Importance;
use crate::model::Level;
use crate::model::Skill;
use crate::model::{CourseId, RoleId, SkillId};
use crate::model::{Requirement, Role};
use crate::resolve::{Resolution, Resolver, Vocabulary};
use crate::util::graph;
use closure::Closures;
use validate::reachable;

/// A requirement with its skill as an index: the form scoring works on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Req {
    pub skill: u32,
    pub need: Level,
    pub importance: Importance,
    pub weight: Option<f64>,
}

/// One entry of the skill → requirements index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Posting {
    pub role: u32,
    pub need: Level,
    pub importance: Importance,
    pub weight: Option<f64>,
}

/// A skill with a level, the skill as an index.
pub(crate) type Need = (u32, Level);

/// A run of one skill's requirements that share a level and an importance: scoring
/// computes their contribution once per run. Roles without an explicit weight are in
/// `Catalog::run_roles[start..end]`; with one (`weighted`), in
/// `Catalog::run_weighted[start..end]` with their weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PostingRun {
    pub need: Level,
    pub importance: Importance,
    pub weighted: bool,
    pub start: u32,
    pub end: u32,
}

/// Exact lookup of ids (skill or role) by open addressing over their indices: one hash
/// and usually one string comparison, instead of a binary search of string comparisons.
/// Each slot keeps the high half of its id's hash beside the index, so a probe past
/// another id compares two integers, not the strings. An index may ignore ASCII case
/// (hashing and comparing ASCII letters as lowercase).
#[derive(Debug, Clone, Default)]
pub(crate) struct IdIndex {
    /// `hash >> 32 << 32 | index`; [`IdIndex::EMPTY`] is an empty slot. The length is a
    /// power of two.
    slots: Vec<u64>,
    /// Whether ASCII case is ignored.
    fold: bool,
}

impl IdIndex {
    const EMPTY: u64 = u64::MAX;

    /// An index of `ids`, ignoring ASCII case if `fold`.
    fn new(ids: &[&str], fold: bool) -> IdIndex {
        let len = (ids.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![IdIndex::EMPTY; len];
        for (i, id) in ids.iter().enumerate() {
            let h = IdIndex::hash(id, fold);
            let mut at = h as usize & (len - 1);
            while slots[at] != IdIndex::EMPTY {
                at = (at + 1) & (len - 1);
            }
            slots[at] = h >> 32 << 32 | i as u64;
        }
        IdIndex { slots, fold }
    }

    /// A multiplicative hash over 8-byte words (FxHash-like): ids are short. The bytes
    /// are read as whole words: a tail shorter than a word is read as the last 8 bytes
    /// (overlapping the word before) or, in an id shorter than 8 bytes, as two
    /// overlapping 4-byte halves or three bytes, never copied into a buffer first. With
    /// `fold`, each word's ASCII letters are lowered first.
    fn hash(id: &str, fold: bool) -> u64 {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let bytes = id.as_bytes();
        let n = bytes.len();
        let mix = |h: u64, word: u64| {
            let word = if fold { ascii_lowercase(word) } else { word };
            (h.rotate_left(5) ^ word).wrapping_mul(K)
        };
        let mut h = n as u64;
        if n >= 8 {
            let mut at = 0;
            while at + 8 < n {
                h = mix(h, le64(&bytes[at..at + 8]));
                at += 8;
            }
            h = mix(h, le64(&bytes[n - 8..]));
        } else if n >= 4 {
            h = mix(h, le32(&bytes[n - 4..]) << 32 | le32(&bytes[..4]));
        } else if n > 0 {
            let byte = |i: usize| u64::from(bytes[i]);
            h = mix(h, byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16);
        }
        // The 64-bit finalizer of MurmurHash3: every input bit reaches the low bits.
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    /// The index of the item whose id is `id`; `id_of` gives an item's id.
    fn find<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let h = IdIndex::hash(id, self.fold);
        let mut at = h as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == IdIndex::EMPTY {
                return None;
            }
            let i = slot as u32;
            if slot >> 32 == h >> 32 {
                let other = id_of(i as usize);
                if other == id || self.fold && other.eq_ignore_ascii_case(id) {
                    return Some(i);
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// `word` with the ASCII capitals among its 8 bytes lowered (other bytes unchanged).
fn ascii_lowercase(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Per byte, with its high bit cleared so that no sum carries into the next byte:
    // the high bit of `at_least_a` is set from `A` up, that of `past_z` from `[` up.
    let low = word & !HIGH;
    let at_least_a = low + ONES * (0x80 - u64::from(b'A'));
    let past_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
    let capital = at_least_a & !past_z & !word & HIGH;
    word | capital >> 2
}

/// The little-endian number in 8 bytes.
fn le64(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// The little-endian number in 4 bytes.
fn le32(bytes: &[u8]) -> u64 {
    let mut word = [0; 4];
    word.copy_from_slice(bytes);
    u64::from(u32::from_le_bytes(word))
}

/// Skills, roles and courses, validated and indexed.
///
/// Build one with [`Catalog::new`], [`Catalog::from_json`] (or `from_toml` with the `toml`
/// feature) or take [`Catalog::builtin`]. A catalog is immutable, `Send + Sync`, and cheap
/// to query from many threads: share it behind an `Arc` or a `&'static`.
///
/// Items are kept sorted by id, so every list the catalog returns is in id order.
///
/// ```
/// use skillgap::{Catalog, Importance, Level, Role, Skill};
///
/// let catalog = Catalog::new(
///     vec![Skill::new("python", "Python").with_alias("py")],
///     vec![Role::new("dev", "Developer")
///         .with_requirement("python", Level::INTERMEDIATE, Importance::Essential)],
///     vec![],
/// )?;
/// assert_eq!(catalog.resolve_skill("PY").map(|s| s.name()), Some("Python"));
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Catalog {
    pub(crate) skills: Vec<Skill>,
    pub(crate) roles: Vec<Role>,
    pub(crate) courses: Vec<Course>,
    pub(crate) skill_names: Vocabulary,
    pub(crate) role_names: Vocabulary,
    /// The skill resolver over `skill_names` (shared, index built on first use).
    pub(crate) resolver: Resolver,
    /// Skill dependency graph: node `i` is skill `i`, an edge `a → b` means `a` requires
    /// `b` at the edge's level.
    pub(crate) prereqs: DiGraph<(), Level>,
    /// Exact id lookup for skills and roles.
    pub(crate) skill_ids: IdIndex,
    pub(crate) role_ids: IdIndex,
    /// Exact (case- and space-sensitive) lookup of every skill label: `(skill, label)`
    /// pairs, the label numbered as [`Skill::labels`] yields it, indexed by
    /// `skill_labels`.
    label_items: Vec<(u32, u32)>,
    skill_labels: IdIndex,
    /// Symmetric transfer relations, by skill, sorted by skill, the larger factor kept.
    pub(crate) related: Vec<Vec<(u32, f64)>>,
    /// Every role's requirements, own and inherited, merged, sorted by skill.
    pub(crate) role_reqs: Vec<Vec<Req>>,
    /// Per role, its requirements' prerequisite closure (targets in `role_reqs` order).
    pub(crate) role_closures: Closures,
    /// Number of essential requirements per role, and the largest.
    pub(crate) role_essentials: Vec<u32>,
    pub(crate) role_essentials_max: u32,
    /// Per role: requirements without explicit weight by importance, and the sum of
    /// explicit weights.
    pub(crate) role_weight_parts: Vec<([u32; 3], f64)>,
    /// Per role: the total weight `Σ wᵢ` under the default [`Weights`](crate::model::Weights).
    pub(crate) default_totals: Vec<f64>,
    /// Whether the default totals are tame (see `assess::tame`).
    pub(crate) default_totals_tame: bool,
    /// Skill → requirements naming it (CSR layout: `postings[offsets[s]..offsets[s+1]]`).
    pub(crate) posting_offsets: Vec<u32>,
    pub(crate) postings: Vec<Posting>,
    /// The same index grouped for scoring: skill → runs of postings with one level and
    /// importance (`runs[run_offsets[s]..run_offsets[s + 1]]`), by level.
    pub(crate) run_offsets: Vec<u32>,
    pub(crate) runs: Vec<PostingRun>,
    pub(crate) run_roles: Vec<u32>,
    pub(crate) run_weighted: Vec<(u32, f64)>,
    pub(crate) course_teaches: Vec<Vec<Need>>,
    pub(crate) course_requires: Vec<Vec<Need>>,
    /// Skill → courses teaching it, with the level taught, sorted by course.
    pub(crate) teachers: Vec<Vec<(u32, Level)>>,
}

impl Catalog {
    /// Validates and indexes catalog items.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidCatalog`] listing every problem: duplicate or malformed ids, labels
    /// shared by two skills, unknown references (with did-you-mean), level 0 where a level
    /// is needed, negative or non-finite numbers, cycles among skill prerequisites or role
    /// `extends` (as paths), and roles without requirements.
    pub fn new(skills: Vec<Skill>, roles: Vec<Role>, courses: Vec<Course>) -> Result<Catalog> {
        Catalog::with_problems(skills, roles, courses, Vec::new())
    }

    pub(crate) fn with_problems(
        mut skills: Vec<Skill>,
        mut roles: Vec<Role>,
        mut courses: Vec<Course>,
        mut problems: Vec<Problem>,
    ) -> Result<Catalog> {
        validate::validate(&skills, &roles, &courses, &mut problems);
        if !problems.is_empty() {
            // Document order: skills, roles, courses, each by position; cycles last.
            problems.sort_by_key(|p| {
                p.location()
                    .map_or((1, ItemKind::Skill, 0), |l| (0, l.kind, l.index))
            });
            return Err(Error::InvalidCatalog { problems });
        }
        skills.sort_by(|a, b| a.id().cmp(b.id()));
        roles.sort_by(|a, b| a.id().cmp(b.id()));
        courses.sort_by(|a, b| a.id().cmp(b.id()));
        Ok(Catalog::index(skills, roles, courses))
    }

    /// Builds the indexes of validated, sorted items.
    fn index(skills: Vec<Skill>, roles: Vec<Role>, courses: Vec<Course>) -> Catalog {
        let find = |id: &str| skills.binary_search_by(|s| s.id().as_str().cmp(id)).ok();
        let (skill_names, _) = Vocabulary::new(
            skills
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.labels().map(move |l| (l, i as u32))),
        );
        let resolver = Resolver::from_vocabulary(
            skill_names.clone(),
            skills.iter().map(|s| s.id().clone()).collect(),
        );
        let (role_names, _) = Vocabulary::new(
            roles
                .iter()
                .enumerate()
                .flat_map(|(i, r)| [(r.id().as_str(), i as u32), (r.name(), i as u32)]),
        );

        let prereqs = graph::build(
            skills.len(),
            skills.iter().enumerate().flat_map(|(i, s)| {
                s.requires()
                    .iter()
                    .filter_map(move |p| find(p.skill().as_str()).map(|j| (i, j, p.level())))
            }),
        );

        let skill_ids = IdIndex::new(
            &skills.iter().map(|s| s.id().as_str()).collect::<Vec<_>>(),
            false,
        );
        let role_ids = IdIndex::new(
            &roles.iter().map(|r| r.id().as_str()).collect::<Vec<_>>(),
            false,
        );
        let label_items: Vec<(u32, u32)> = skills
            .iter()
            .enumerate()
            .flat_map(|(i, s)| (0..s.labels().count() as u32).map(move |l| (i as u32, l)))
            .collect();
        let skill_labels = IdIndex::new(
            &skills.iter().flat_map(|s| s.labels()).collect::<Vec<_>>(),
            true,
        );

        let mut related: Vec<Vec<(u32, f64)>> = vec![Vec::new(); skills.len()];
        for (i, s) in skills.iter().enumerate() {
            for r in s.related() {
                if let Some(j) = find(r.skill().as_str()).filter(|&j| j != i) {
                    related[i].push((j as u32, r.transfer()));
                    related[j].push((i as u32, r.transfer()));
                }
            }
        }
        for list in &mut related {
            list.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            list.dedup_by_key(|e| e.0);
        }

        let role_index = |id: &str| roles.binary_search_by(|r| r.id().as_str().cmp(id)).ok();
        let role_graph = graph::build(
            roles.len(),
            roles.iter().enumerate().flat_map(|(i, r)| {
                r.extends()
                    .iter()
                    .filter_map(move |p| role_index(p.as_str()).map(|j| (i, j, ())))
            }),
        );
        let mut role_reqs = Vec::with_capacity(roles.len());
        for i in 0..roles.len() {
            let mut merged: Vec<Req> = Vec::new();
            for r in reachable(&role_graph, i) {
                for req in roles[r].requirements() {
                    if let Some(s) = find(req.skill().as_str()) {
                        merged.push(Req {
                            skill: s as u32,
                            need: req.level(),
                            importance: req.importance(),
                            weight: req.weight(),
                        });
                    }
                }
            }
            merged.sort_by_key(|r| r.skill);
            merged.dedup_by(|later, kept| {
                if later.skill != kept.skill {
                    return false;
                }
                kept.need = kept.need.max(later.need);
                kept.importance = kept.importance.max(later.importance);
                kept.weight = match (kept.weight, later.weight) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
                true
            });
            role_reqs.push(merged);
        }
        let role_closures = Closures::build(
            &prereqs,
            role_reqs.iter().map(|rs| rs.iter().map(|r| r.skill)),
        );
        let role_essentials: Vec<u32> = role_reqs
            .iter()
            .map(|rs| {
                rs.iter()
                    .filter(|r| r.importance == Importance::Essential)
                    .count() as u32
            })
            .collect();
        let role_essentials_max = role_essentials.iter().copied().max().unwrap_or(0);
        let role_weight_parts: Vec<([u32; 3], f64)> = role_reqs
            .iter()
            .map(|rs| {
                let mut counts = [0u32; 3];
                let mut explicit = 0.0;
                for r in rs {
                    match r.weight {
                        Some(w) => explicit += w,
                        None => counts[r.importance.index()] += 1,
                    }
                }
                (counts, explicit)
            })
            .collect();
        let default_totals = role_totals(&role_weight_parts, &crate::model::Weights::default());
        let default_totals_tame = crate::assess::tame(&default_totals);

        let mut by_skill: Vec<Vec<Posting>> = vec![Vec::new(); skills.len()];
        for (role, rs) in role_reqs.iter().enumerate() {
            for r in rs {
                by_skill[r.skill as usize].push(Posting {
                    role: role as u32,
                    need: r.need,
                    importance: r.importance,
                    weight: r.weight,
                });
            }
        }
        let mut posting_offsets = Vec::with_capacity(skills.len() + 1);
        let mut postings = Vec::with_capacity(by_skill.iter().map(Vec::len).sum());
        posting_offsets.push(0);
        let mut run_offsets = Vec::with_capacity(skills.len() + 1);
        let mut runs: Vec<PostingRun> = Vec::new();
        let mut run_roles = Vec::new();
        let mut run_weighted = Vec::new();
        run_offsets.push(0);
        for mut list in by_skill {
            postings.extend_from_slice(&list);
            posting_offsets.push(postings.len() as u32);
            // A role requires a skill once, so each role is in one run of the skill.
            list.sort_by_key(|p| (p.weight.is_some(), p.need, p.importance, p.role));
            let first_run = runs.len();
            for p in list {
                let weighted = p.weight.is_some();
                let at = match p.weight {
                    Some(w) => {
                        run_weighted.push((p.role, w));
                        run_weighted.len() as u32
                    }
                    None => {
                        run_roles.push(p.role);
                        run_roles.len() as u32
                    }
                };
                let this_skill = runs.len() > first_run;
                match runs.last_mut() {
                    Some(r)
                        if this_skill
                            && (r.weighted, r.need, r.importance)
                                == (weighted, p.need, p.importance) =>
                    {
                        r.end = at;
                    }
                    _ => runs.push(PostingRun {
                        need: p.need,
                        importance: p.importance,
                        weighted,
                        start: at - 1,
                        end: at,
                    }),
                }
            }
            run_offsets.push(runs.len() as u32);
        }

        let to_needs = |list: &[crate::model::SkillLevel]| -> Vec<Need> {
            let mut v: Vec<Need> = list
                .iter()
                .filter_map(|sl| find(sl.skill().as_str()).map(|s| (s as u32, sl.level())))
                .collect();
            v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            v.dedup_by_key(|e| e.0);
            v
        };
        let course_teaches: Vec<Vec<Need>> =
            courses.iter().map(|c| to_needs(c.teaches())).collect();
        let course_requires = courses.iter().map(|c| to_needs(c.requires())).collect();
        let mut teachers: Vec<Vec<(u32, Level)>> = vec![Vec::new(); skills.len()];
        for (c, list) in course_teaches.iter().enumerate() {
            for &(s, level) in list {
                teachers[s as usize].push((c as u32, level));
            }
        }

        Catalog {
            skills,
            roles,
            courses,
            skill_names,
            role_names,
            resolver,
            prereqs,
            related,
            skill_ids,
            role_ids,
            label_items,
            skill_labels,
            role_reqs,
            role_closures,
            role_essentials,
            role_essentials_max,
            role_weight_parts,
            default_totals,
            default_totals_tame,
            posting_offsets,
            postings,
            run_offsets,
            runs,
            run_roles,
            run_weighted,
            course_teaches,
            course_requires,
            teachers,
        }
    }

    /// All skills, sorted by id.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// All roles, sorted by id.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// All courses, sorted by id.
    pub fn courses(&self) -> &[Course] {
        &self.courses
    }

    /// The skill with this id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skill_index(id).map(|i| &self.skills[i as usize])
    }

    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.role_index(id).map(|i| &self.roles[i as usize])
    }

    /// The course with this id.
    pub fn course(&self, id: &str) -> Option<&Course> {
        self.courses
            .binary_search_by(|c| c.id().as_str().cmp(id))
            .ok()
            .map(|i| &self.courses[i])
    }

    /// A role's requirements, own and inherited through `extends`, merged (stricter level,
    /// higher importance, larger explicit weight) and sorted by skill id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn requirements(&self, role: &str) -> Result<Vec<Requirement>> {
        let r = self.role_index_or_err(role)?;
        Ok(self.role_reqs[r as usize]
            .iter()
            .map(|q| {
                let req = Requirement::new(
                    self.skills[q.skill as usize].id().clone(),
                    q.need,
                    q.importance,
                );
                match q.weight {
                    Some(w) => req.with_weight(w),
                    None => req,
                }
            })
            .collect())
    }

    /// The skill a name refers to: its id, name or one of its aliases, ignoring case and
    /// spaces, or equal to one after meaning-preserving normalisation (accents,
    /// punctuation and separators, plurals, word order) when that names one skill only.
    /// Never a fuzzy guess: use [`Catalog::resolve`] for that.
    pub fn resolve_skill(&self, name: &str) -> Option<&Skill> {
        self.skill_names
            .lookup(name)
            .map(|i| &self.skills[i as usize])
    }

    /// Up to `n` skills whose labels are closest to `name`, best first, for a
    /// did-you-mean: the candidates of [`Catalog::resolve`] with the default policy.
    /// Empty when nothing is close.
    pub fn suggest_skills(&self, name: &str, n: usize) -> Vec<&Skill> {
        self.skill_names
            .suggest(name, n)
            .into_iter()
            .map(|i| &self.skills[i as usize])
            .collect()
    }

    /// The catalog's skill resolver: exact, normalised, acronym and fuzzy matching with
    /// confidences (see [`Resolver`]). Its index is built on first use, once.
    ///
    /// ```
    /// use skillgap::Catalog;
    /// use skillgap::resolve::ResolvePolicy;
    ///
    /// let mut policy = ResolvePolicy::default();
    /// policy.accept = 0.9;
    /// let resolver = Catalog::builtin().resolver().clone().with_policy(policy)?;
    /// assert!(resolver.resolve("pandas").is_resolved());
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// Resolves what a person typed to a skill with the default [`ResolvePolicy`]:
    /// resolved, ambiguous or unknown, with ranked candidates and confidences.
    ///
    /// ```
    /// use skillgap::Catalog;
    /// use skillgap::resolve::Status;
    ///
    /// let r = Catalog::builtin().resolve("Big-Data (Hadoop)");
    /// assert_eq!(r.status(), Status::Resolved);
    /// assert_eq!(r.skill().unwrap(), "big-data");
    /// ```
    ///
    /// [`ResolvePolicy`]: crate::resolve::ResolvePolicy
    pub fn resolve(&self, name: &str) -> Resolution {
        self.resolver.resolve(name)
    }

    /// The direct prerequisites of a skill, with the level each must reach, by skill id.
    pub fn prerequisites(&self, skill: &str) -> Vec<(&SkillId, Level)> {
        let Some(i) = self.skill_index(skill) else {
            return Vec::new();
        };
        let mut out: Vec<(&SkillId, Level)> = self
            .prereqs
            .edges(NodeIndex::new(i as usize))
            .map(|e| (self.skills[e.target().index()].id(), *e.weight()))
            .collect();
        out.sort();
        out
    }

    pub(crate) fn skill_index(&self, id: &str) -> Option<u32> {
        self.skill_ids.find(id, |i| self.skills[i].id().as_str())
    }

    /// The skill one of whose labels (id, name or alias) is `label` up to ASCII case. In
    /// a valid catalog no two skills share a label even ignoring case and space, so this
    /// is the skill [`Catalog::resolve_skill`] finds for such a name, found without
    /// normalizing.
    pub(crate) fn skill_by_label(&self, label: &str) -> Option<u32> {
        let label_of = |i: usize| {
            let (s, l) = self.label_items[i];
            self.skills[s as usize]
                .labels()
                .nth(l as usize)
                .unwrap_or("")
        };
        self.skill_labels
            .find(label, label_of)
            .map(|i| self.label_items[i as usize].0)
    }

    pub(crate) fn role_index(&self, id: &str) -> Option<u32> {
        self.role_ids.find(id, |i| self.roles[i].id().as_str())
    }

    /// The role's index, or an [`Error::UnknownRole`] with a did-you-mean.
    pub(crate) fn role_index_or_err(&self, id: &str) -> Result<u32> {
        self.role_index(id).ok_or_else(|| Error::UnknownRole {
            role: crate::util::text::clip(id, 64),
            suggestion: self
                .role_names
                .lookup(id)
                .or_else(|| self.role_names.suggest(id, 1).first().copied())
                .map(|i| self.roles[i as usize].id().to_string()),
        })
    }

    /// A skill's posting runs, by level.
    pub(crate) fn runs_of(&self, skill: u32) -> &[PostingRun] {
        let s = skill as usize;
        &self.runs[self.run_offsets[s] as usize..self.run_offsets[s + 1] as usize]
    }

    pub(crate) fn postings_of(&self, skill: u32) -> &[Posting] {
        let s = skill as usize;
        &self.postings[self.posting_offsets[s] as usize..self.posting_offsets[s + 1] as usize]
    }

    pub(crate) fn role_id(&self, role: u32) -> &RoleId {
        self.roles[role as usize].id()
    }

    pub(crate) fn course_id(&self, course: u32) -> &CourseId {
        self.courses[course as usize].id()
    }
}

/// Per role, the total weight `Σ wᵢ` under `weights`: explicit weights plus the weights of
/// the requirements without one (the same sum, in the same order, as
/// [`total_weight`](crate::assess::total_weight)).
pub(crate) fn role_totals(parts: &[([u32; 3], f64)], weights: &crate::model::Weights) -> Vec<f64> {
    let w = Importance::ALL.map(|i| weights.of(i));
    parts
        .iter()
        .map(|&(counts, explicit)| {
            explicit
                + (f64::from(counts[0]) * w[0]
                    + f64::from(counts[1]) * w[1]
                    + f64::from(counts[2]) * w[2])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids of every length up to three words, differing only in their last byte, their
    /// first, or their middle one, are all found, and nothing else is.
    #[test]
    fn id_index_finds_every_id_of_every_length() {
        let mut ids: Vec<String> = Vec::new();
        for n in 0..=24usize {
            let base: String = (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            ids.push(base.clone());
            for at in [0, n / 2, n.saturating_sub(1)] {
                if n > 0 {
                    let mut bytes = base.clone().into_bytes();
                    bytes[at] = b'Z';
                    ids.push(String::from_utf8(bytes).expect("ASCII"));
                }
            }
        }
        ids.push("données".into());
        ids.sort();
        ids.dedup();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        for fold in [false, true] {
            let index = IdIndex::new(&refs, fold);
            for (i, id) in ids.iter().enumerate() {
                assert_eq!(index.find(id, |j| refs[j]), Some(i as u32), "{id:?}");
            }
            for missing in ["ZY", "abcdefgZY", "abcdefghijklmnopqrstuvwxyz", "donnees"] {
                assert_eq!(index.find(missing, |j| refs[j]), None, "{missing:?}");
            }
        }
        assert_eq!(IdIndex::default().find("a", |j| refs[j]), None);
    }

    /// The label index, which ignores ASCII case, finds the skill that normalized lookup
    /// finds, for every label of the built-in catalog in any case.
    #[test]
    fn label_fast_path_agrees_with_normalized_lookup() {
        let catalog = Catalog::builtin();
        let mut checked = 0;
        for skill in catalog.skills() {
            for label in skill.labels() {
                let swapped: String = label
                    .chars()
                    .map(|c| {
                        if c.is_ascii_uppercase() {
                            c.to_ascii_lowercase()
                        } else {
                            c.to_ascii_uppercase()
                        }
                    })
                    .collect();
                for query in [label.to_string(), label.to_uppercase(), swapped] {
                    let fast = catalog.skill_by_label(&query);
                    assert_eq!(fast, catalog.skill_names.lookup(&query), "{query:?}");
                    assert_eq!(fast, catalog.skill_index(skill.id().as_str()), "{query:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 300, "{checked}");
        assert_eq!(catalog.skill_by_label("no such skill"), None);
    }

    /// Ignoring case, an id in capitals finds the id, and only ASCII letters fold.
    #[test]
    fn id_index_may_ignore_ascii_case() {
        let ids = [
            "python",
            "Data Analysis",
            "scikit-learn",
            "Ünïcode",
            "r",
            "c#",
        ];
        let index = IdIndex::new(&ids, true);
        let exact = IdIndex::new(&ids, false);
        for (query, want) in [
            ("PYTHON", Some(0)),
            ("data analysis", Some(1)),
            ("DATA ANALYSIS", Some(1)),
            ("Scikit-Learn", Some(2)),
            ("ünïcode", None),
            ("ÜNÏCODE", None),
            ("ÜNïCODE", Some(3)),
            ("R", Some(4)),
            ("C#", Some(5)),
            ("C3", None),
            ("scikit_learn", None),
        ] {
            assert_eq!(index.find(query, |j| ids[j]), want, "{query:?}");
            let same = ids.iter().position(|&id| id == query).map(|i| i as u32);
            assert_eq!(exact.find(query, |j| ids[j]), same, "{query:?}");
        }
        // Every byte value lowers as `to_ascii_lowercase` does.
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b, b'A', b'z', b'@', b'[', 0xC3, b'Z', b'`']);
            let want = word.to_le_bytes().map(|x| x.to_ascii_lowercase());
            assert_eq!(ascii_lowercase(word).to_le_bytes(), want, "{b}");
        }
    }
}
