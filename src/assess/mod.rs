//! Assessment: a profile scored against every role of a catalog, each score explained.

pub(crate) mod gaps;
mod policy;

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Serialize;

use crate::catalog::{role_totals, Catalog};
use crate::error::{Error, Result, Warning};
use crate::model::Importance;
use crate::model::Level;
use crate::model::Profile;
use crate::model::Role;
use crate::model::Skill;
use crate::model::SkillId;
use crate::model::Weights;

use gaps::Target;
pub use gaps::{Gap, Gaps, ImpliedBy, LearningOrder};
pub use policy::{Policy, Recency};

/// How many suggestions an unresolved profile skill gets.
const SUGGESTIONS: usize = 3;

/// Where a level the assessment counts comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// The profile's own entry (after any recency discount).
    Profile,
    /// Transfer from a related skill: its level times `factor`.
    Transfer {
        /// The related skill the profile has.
        from: SkillId,
        /// The transfer factor.
        factor: f64,
    },
    /// The profile has nothing that counts for this skill.
    Missing,
}

/// A level the profile counts for, on one skill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Have {
    pub skill: u32,
    pub level: f64,
    /// The related skill the level transfers from, with the factor; `None` for the
    /// profile's own entry. (The [`Source`] with its id is made when asked for.)
    pub from: Option<(u32, f64)>,
}

impl Have {
    fn source(&self, catalog: &Catalog) -> Source {
        match self.from {
            None => Source::Profile,
            Some((from, factor)) => Source::Transfer {
                from: catalog.skills[from as usize].id().clone(),
                factor,
            },
        }
    }
}

/// Scores profiles against a catalog's roles.
///
/// ```
/// use skillgap::{Catalog, Level, Policy, Profile};
/// use skillgap::assess::Assessor;
///
/// let catalog = Catalog::builtin();
/// let profile = Profile::new().with_skill("Python", Level::ADVANCED);
/// let mut policy = Policy::default();
/// policy.transfer = false;
/// let assessment = Assessor::new(catalog).policy(policy).strict(true).assess(&profile)?;
/// assert_eq!(assessment.roles().len(), catalog.roles().len());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Assessor<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    strict: bool,
}

impl<'c> Assessor<'c> {
    /// An assessor with the default [`Policy`], not strict.
    pub fn new(catalog: &'c Catalog) -> Self {
        Assessor {
            catalog,
            policy: Policy::default(),
            strict: false,
        }
    }

    /// Sets the scoring policy.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// In strict mode a profile skill that resolves to no catalog skill is an error;
    /// otherwise it is a warning and left out of scoring.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Scores `profile` against every role.
    ///
    /// Resolves the profile's names (id, name or alias, ignoring case and space), applies
    /// the recency discount and transfer, then accumulates each role's score through an
    /// index from skills to the requirements naming them (grouped by level and
    /// importance): the cost grows with the requirements on the profile's skills, plus
    /// clearing one accumulator per role. Scores are divided out and ranked on demand:
    /// [`Assessment::top`], [`Assessment::roles`], [`Assessment::role`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`] for a policy out of its domain; in strict mode
    /// [`Error::UnresolvedSkills`] when profile skills do not resolve.
    pub fn assess(&self, profile: &Profile) -> Result<Assessment<'c>> {
        self.policy.validate()?;
        let catalog = self.catalog;
        let mut warnings = Vec::new();
        let mut own: Vec<(u32, f64, usize)> = Vec::with_capacity(profile.skills().len());
        for (order, entry) in profile.skills().iter().enumerate() {
            // An exact label needs no normalizing; anything else goes through the
            // catalog's vocabulary.
            let skill = catalog
                .skill_by_label(entry.name())
                .or_else(|| catalog.skill_names.lookup(entry.name()));
            match skill {
                Some(s) => {
                    let level = self
                        .policy
                        .discounted(entry.level().as_f64(), entry.last_used());
                    own.push((s, level, order));
                }
                None => warnings.push(Warning::UnresolvedSkill {
                    name: crate::util::text::clip(entry.name(), 64),
                    suggestions: catalog
                        .suggest_skills(entry.name(), SUGGESTIONS)
                        .into_iter()
                        .map(|s| s.id().clone())
                        .collect(),
                }),
            }
        }
        if self.strict && !warnings.is_empty() {
            return Err(Error::UnresolvedSkills {
                unresolved: warnings,
            });
        }
        // Profile positions are distinct: an unstable sort orders like a stable one. (A
        // profile does not hold 2³² skills, so the position fits the key's low half.)
        own.sort_unstable_by_key(|&(s, _, order)| u64::from(s) << 32 | u64::from(order as u32));
        // (skill, level, source): the source is the related skill a level transfers from
        // (`NO_SOURCE` for the profile's own entry) with the factor.
        const NO_SOURCE: u32 = u32::MAX;
        // The last field is the position of the entry, to break ties.
        let mut levels: Vec<(u32, f64, u32, f64, u32)> = Vec::with_capacity(own.len() * 2);
        for (s, level, order) in own {
            match levels.last_mut() {
                Some(h) if h.0 == s => {
                    h.1 = h.1.max(level);
                    warnings.push(Warning::DuplicateSkill {
                        name: crate::util::text::clip(profile.skills()[order].name(), 64),
                        skill: catalog.skills[s as usize].id().clone(),
                    });
                }
                _ => levels.push((s, level, NO_SOURCE, 0.0, levels.len() as u32)),
            }
        }
        let to_have = |(skill, level, from, factor, _): (u32, f64, u32, f64, u32)| Have {
            skill,
            level,
            from: (from != NO_SOURCE).then_some((from, factor)),
        };
        let have: Vec<Have> = if self.policy.transfer {
            let own_count = levels.len();
            for i in 0..own_count {
                let (s, level, _, _, _) = levels[i];
                for &(t, factor) in &catalog.related[s as usize] {
                    levels.push((t, level * factor, s, factor, levels.len() as u32));
                }
            }
            // Per skill, the highest level wins; on a tie the profile's own entry (which
            // comes first among equals: it was pushed first) is kept. Sorted as packed
            // integer keys (skill, level descending, position), which compare fast.
            let mut keys: Vec<u128> = levels
                .iter()
                .map(|h| {
                    u128::from(h.0) << 96
                        | u128::from(!total_order_key(h.1)) << 32
                        | u128::from(h.4)
                })
                .collect();
            keys.sort_unstable();
            keys.dedup_by_key(|k| (*k >> 96) as u32);
            keys.iter()
                .map(|&k| to_have(levels[k as u32 as usize]))
                .collect()
        } else {
            levels.into_iter().map(to_have).collect()
        };
        let have_table = HaveTable::new(&have);
        let earned = accumulate(catalog, &self.policy, &have);
        let totals = if self.policy.weights == Weights::default() {
            Cow::Borrowed(catalog.default_totals.as_slice())
        } else {
            Cow::Owned(role_totals(
                &catalog.role_weight_parts,
                &self.policy.weights,
            ))
        };
        let tame = match totals {
            Cow::Borrowed(_) => catalog.default_totals_tame,
            Cow::Owned(ref t) => tame(t),
        };
        Ok(Assessment {
            catalog,
            policy: self.policy.clone(),
            have,
            have_table,
            earned,
            totals,
            tame,
            ranked: OnceLock::new(),
            warnings,
        })
    }
}

/// An integer that orders like `x` under [`f64::total_cmp`].
fn total_order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    // Negative numbers: all bits flipped; others: the sign bit set.
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The levels a profile counts for, by skill: open addressing at most half full, with
/// the level 0 in empty slots so that a lookup ends at the first slot holding the skill
/// or nothing, and returns that slot's level without a further branch.
#[derive(Debug, Clone)]
struct HaveTable {
    /// `(skill + 1, level)`; `(0, 0.0)` is empty. The length is a power of two.
    slots: Vec<(u32, f64)>,
    shift: u32,
}

impl HaveTable {
    fn new(have: &[Have]) -> HaveTable {
        let len = (have.len() * 2).next_power_of_two().max(16);
        let mut table = HaveTable {
            slots: vec![(0, 0.0); len],
            shift: 64 - len.trailing_zeros(),
        };
        let mask = len - 1;
        for h in have {
            let mut at = table.slot(h.skill);
            while table.slots[at].0 != 0 {
                at = (at + 1) & mask;
            }
            table.slots[at] = (h.skill + 1, h.level);
        }
        table
    }

    fn slot(&self, skill: u32) -> usize {
        (u64::from(skill).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, skill: u32) -> f64 {
        let mask = self.slots.len() - 1;
        let mut at = self.slot(skill);
        loop {
            let (key, level) = self.slots[at];
            if key == skill.wrapping_add(1) || key == 0 {
                return level;
            }
            at = (at + 1) & mask;
        }
    }
}

/// What the profile earns on each role, in role (id) order: `Σ wᵢ·creditᵢ`, and the
/// essential requirements met.
#[derive(Debug, Clone)]
struct Earned {
    numerator: Vec<f64>,
    met: Met,
}

/// Per role, the essential requirements met: the narrowest counters that hold every
/// role's count of essential requirements (8, 16 or 32 bits), for a smaller array to
/// clear and to update.
#[derive(Debug, Clone)]
enum Met {
    Tiny(Vec<u8>),
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Met {
    /// Essential requirements met by role `r`.
    fn of(&self, r: usize) -> u32 {
        match self {
            Met::Tiny(v) => u32::from(v[r]),
            Met::Narrow(v) => u32::from(v[r]),
            Met::Wide(v) => v[r],
        }
    }
}

/// Accumulates every role's score through the skill → requirements index. Per role the
/// terms are added in skill order, whatever the index layout.
fn accumulate(catalog: &Catalog, policy: &Policy, have: &[Have]) -> Earned {
    if catalog.role_essentials_max <= u32::from(u8::MAX) {
        let (numerator, met) = accumulate_in(catalog, policy, have, 1u8);
        Earned {
            numerator,
            met: Met::Tiny(met),
        }
    } else if catalog.role_essentials_max <= u32::from(u16::MAX) {
        let (numerator, met) = accumulate_in(catalog, policy, have, 1u16);
        Earned {
            numerator,
            met: Met::Narrow(met),
        }
    } else {
        let (numerator, met) = accumulate_in(catalog, policy, have, 1u32);
        Earned {
            numerator,
            met: Met::Wide(met),
        }
    }
}

/// [`accumulate`] with counters of type `T`, `one` counting an essential requirement met.
fn accumulate_in<T>(catalog: &Catalog, policy: &Policy, have: &[Have], one: T) -> (Vec<f64>, Vec<T>)
where
    T: Copy + Default + PartialEq + std::ops::AddAssign,
{
    let n = catalog.roles.len();
    let mut numerator = vec![0.0f64; n];
    let mut met = vec![T::default(); n];
    let w = Importance::ALL.map(|i| policy.weights.of(i));
    for h in have {
        if h.level <= 0.0 {
            continue;
        }
        for run in catalog.runs_of(h.skill) {
            let need = run.need.as_f64();
            let fully = h.level >= need;
            let credit = if fully {
                1.0
            } else if policy.partial_credit {
                h.level / need
            } else {
                0.0
            };
            // Only essential requirements are counted (for readiness): a role meeting
            // every requirement is recognised when its score is asked for.
            let counted = fully && run.importance == Importance::Essential;
            let range = run.start as usize..run.end as usize;
            if run.weighted {
                let weighted = &catalog.run_weighted[range];
                for &(r, weight) in weighted {
                    numerator[r as usize] += weight * credit;
                }
                if counted {
                    for &(r, _) in weighted {
                        met[r as usize] += one;
                    }
                }
                continue;
            }
            let gain = w[run.importance.index()] * credit;
            let roles = &catalog.run_roles[range];
            if counted {
                for &r in roles {
                    numerator[r as usize] += gain;
                    met[r as usize] += one;
                }
            } else if gain != 0.0 {
                // Adding zero to a sum of non-negative terms changes nothing.
                for &r in roles {
                    numerator[r as usize] += gain;
                }
            }
        }
    }
    (numerator, met)
}

/// Whether every total is 0 or in `10⁻²⁹⁰..=10²⁹⁰`: then `bar·total` with `bar` 0 or in
/// `10⁻¹⁰..=1` is 0 or a normal, finite number.
pub(crate) fn tame(totals: &[f64]) -> bool {
    totals
        .iter()
        .all(|&t| t == 0.0 || (1e-290..=1e290).contains(&t))
}

pub(crate) fn total_weight(catalog: &Catalog, policy: &Policy, role: usize) -> f64 {
    let (counts, explicit) = catalog.role_weight_parts[role];
    explicit
        + Importance::ALL
            .iter()
            .map(|&imp| f64::from(counts[imp.index()]) * policy.weights.of(imp))
            .sum::<f64>()
}

/// A role's score for one profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleScore<'c> {
    role: &'c Role,
    index: u32,
    score: f64,
    ready: bool,
    essentials_met: u32,
    essentials: u32,
}

impl<'c> RoleScore<'c> {
    /// The role.
    pub fn role(&self) -> &'c Role {
        self.role
    }

    /// `Σ wᵢ·creditᵢ / Σ wᵢ`, in `0.0..=1.0`.
    pub fn score(&self) -> f64 {
        self.score
    }

    /// Whether every essential requirement is met.
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// Essential requirements met, and how many the role has.
    pub fn essentials(&self) -> (u32, u32) {
        (self.essentials_met, self.essentials)
    }
}

/// One requirement's share of a role's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution<'c> {
    /// The skill required.
    pub skill: &'c SkillId,
    /// The level required.
    pub need: Level,
    /// The level the profile counts for.
    pub have: f64,
    /// Where `have` comes from.
    pub source: Source,
    /// The requirement's importance.
    pub importance: Importance,
    /// Its weight under the policy.
    pub weight: f64,
    /// `min(1, have / need)` (or 0/1 without partial credit).
    pub credit: f64,
    /// `weight × credit / Σ weights`: the contributions of a role sum to its score.
    pub contribution: f64,
}

/// A profile scored against every role of a catalog.
#[derive(Debug, Clone)]
pub struct Assessment<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    have: Vec<Have>,
    /// The levels of `have` by skill, hashed.
    have_table: HaveTable,
    /// What the profile earns on each role, in role (id) order.
    earned: Earned,
    /// Each role's total weight under the policy.
    totals: Cow<'c, [f64]>,
    /// Whether every total is 0 or in `10⁻²⁹⁰..=10²⁹⁰` (see [`Assessment::top`]).
    tame: bool,
    /// The full ranking, sorted on first use.
    ranked: OnceLock<Vec<RoleScore<'c>>>,
    warnings: Vec<Warning>,
}

/// Sort key: score descending, then role index (id order) ascending. Scores are never
/// negative, so the bit patterns order like the numbers.
fn rank_key(rs: &RoleScore<'_>) -> (u64, u32) {
    (!rs.score.to_bits(), rs.index)
}

/// The best roles so far of a scan, by rank key.
struct Best {
    keys: [(u64, u32); TOP_SCAN],
    len: usize,
    k: usize,
}

impl Best {
    /// Puts role `r` of score `score` among the best if it ranks before the k-th; returns
    /// the k-th's score when there are k.
    fn enter(&mut self, r: u32, score: f64) -> Option<f64> {
        let key = (!score.to_bits(), r);
        if self.len == self.k {
            if key >= self.keys[self.k - 1] {
                return None;
            }
            self.len -= 1;
        }
        let mut at = self.len;
        while at > 0 && self.keys[at - 1] > key {
            self.keys[at] = self.keys[at - 1];
            at -= 1;
        }
        self.keys[at] = key;
        self.len += 1;
        (self.len == self.k).then(|| f64::from_bits(!self.keys[self.k - 1].0))
    }
}

/// Up to this many roles, [`Assessment::top`] scans the roles once keeping the best so
/// far, and skips computing the scores that cannot enter; beyond, it selects.
const TOP_SCAN: usize = 64;

impl<'c> Assessment<'c> {
    /// The score of role `r`.
    fn score_of(&self, r: usize) -> RoleScore<'c> {
        let catalog = self.catalog;
        let met_essential = self.earned.met.of(r);
        let essentials = catalog.role_essentials[r];
        RoleScore {
            role: &catalog.roles[r],
            index: r as u32,
            score: self.score_value(r),
            ready: met_essential == essentials,
            essentials_met: met_essential,
            essentials,
        }
    }

    /// `Σ wᵢ·creditᵢ / Σ wᵢ` for role `r`.
    fn score_value(&self, r: usize) -> f64 {
        let numerator = self.earned.numerator[r];
        let total = self.totals[r];
        if total > 0.0 {
            // Every requirement met scores exactly 1, free of rounding in the sums. The
            // sums then agree to 10⁻⁶ (for fewer than 2³² requirements), so only a
            // score that close to 1 is checked.
            if numerator >= total * (1.0 - 1e-6) && self.meets_all(r) {
                1.0
            } else {
                (numerator / total).min(1.0)
            }
        } else if self.earned.met.of(r) == self.catalog.role_essentials[r] {
            1.0
        } else {
            0.0
        }
    }

    /// Whether the profile meets every requirement of role `r`.
    fn meets_all(&self, r: usize) -> bool {
        self.catalog.role_reqs[r]
            .iter()
            .all(|q| self.have_of(q.skill) >= q.need.as_f64())
    }

    /// Every role, by score descending; ties by role id. Sorted on first call (O(n log n)
    /// for n roles); [`Assessment::top`] is cheaper when only the best few are wanted.
    pub fn roles(&self) -> &[RoleScore<'c>] {
        self.ranked.get_or_init(|| {
            let mut all: Vec<RoleScore<'c>> = (0..self.earned.numerator.len())
                .map(|r| self.score_of(r))
                .collect();
            all.sort_unstable_by_key(rank_key);
            all
        })
    }

    /// The `k` best roles, in ranking order (as the first `k` of [`Assessment::roles`]).
    ///
    /// When the full ranking was not needed yet, a small `k` takes one pass over the roles
    /// that computes only the scores that could enter the best `k` (O(n + k log n)
    /// expected); a larger one, selection in O(n + k log k).
    pub fn top(&self, k: usize) -> Vec<RoleScore<'c>> {
        if let Some(ranked) = self.ranked.get() {
            return ranked.iter().take(k).copied().collect();
        }
        let n = self.earned.numerator.len();
        if k == 0 || n == 0 {
            return Vec::new();
        }
        if k >= n {
            return self.roles().to_vec();
        }
        if k > TOP_SCAN {
            let mut keys: Vec<(u64, u32)> = (0..n).map(|r| rank_key(&self.score_of(r))).collect();
            keys.select_nth_unstable(k - 1);
            keys.truncate(k);
            keys.sort_unstable();
            return keys
                .iter()
                .map(|&(_, r)| self.score_of(r as usize))
                .collect();
        }
        // The best so far, by rank key; roles come in index order, so a role ties with
        // the k-th only to rank after it.
        let mut best = Best {
            keys: [(0, 0); TOP_SCAN],
            len: 0,
            k,
        };
        if !self.tame {
            for r in 0..n {
                best.enter(r as u32, self.score_value(r));
            }
        } else {
            self.scan(&mut best);
        }
        best.keys[..best.len]
            .iter()
            .map(|&(_, r)| self.score_of(r as usize))
            .collect()
    }

    /// Fills `best` from every role, with tame totals.
    ///
    /// A role can enter only if its score beats the k-th's, `worst`. With
    /// `bar = worst·(1 − 10⁻⁶)`, `numerator < bar·total` proves the score below `worst`
    /// with room for every rounding, even for a role meeting all its (fewer than 2³²)
    /// requirements, whose score is exactly 1 while the sums agree to 10⁻⁶; such a role
    /// is skipped without a division. With tame totals and `bar` 0 or at least 10⁻¹⁰,
    /// the products are 0 or normal and finite. Until there are k roles, `bar` is 0 and
    /// every role is scored. The test runs on chunks of roles first, which vectorizes.
    fn scan(&self, best: &mut Best) {
        const CHUNK: usize = 8;
        let n = self.earned.numerator.len();
        let numerator = &self.earned.numerator[..n];
        let totals = &self.totals[..n];
        let mut bar = 0.0f64;
        let mut enter = |r: usize, bar: &mut f64| {
            if let Some(worst) = best.enter(r as u32, self.score_value(r)) {
                if worst >= 1e-10 {
                    *bar = worst * (1.0 - 1e-6);
                }
            }
        };
        let mut chunks_x = numerator.chunks_exact(CHUNK);
        let mut chunks_t = totals.chunks_exact(CHUNK);
        let mut r = 0;
        for (xs, ts) in (&mut chunks_x).zip(&mut chunks_t) {
            let mut any = false;
            for j in 0..CHUNK {
                any |= xs[j] >= bar * ts[j];
            }
            if any {
                for j in 0..CHUNK {
                    if xs[j] >= bar * ts[j] {
                        enter(r + j, &mut bar);
                    }
                }
            }
            r += CHUNK;
        }
        for (j, (&x, &t)) in chunks_x
            .remainder()
            .iter()
            .zip(chunks_t.remainder())
            .enumerate()
        {
            if x >= bar * t {
                enter(r + j, &mut bar);
            }
        }
    }

    /// The best-scoring role (`None` for an empty catalog).
    pub fn best(&self) -> Option<RoleScore<'c>> {
        self.top(1).pop()
    }

    /// The score of one role.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn role(&self, id: &str) -> Result<RoleScore<'c>> {
        let r = self.catalog.role_index_or_err(id)?;
        Ok(self.score_of(r as usize))
    }

    /// Problems with the profile that did not stop the assessment (unresolved or repeated
    /// skills), in profile order.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The catalog assessed against.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The policy used.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The level the profile counts for on a skill (after discount and transfer), by id.
    pub fn level_of(&self, skill: &str) -> f64 {
        self.catalog
            .skill_index(skill)
            .map_or(0.0, |s| self.have_of(s))
    }

    /// Every skill the profile counts for, with the level and its source, by skill id.
    pub fn levels(&self) -> impl Iterator<Item = (&'c Skill, f64, Source)> + '_ {
        self.have.iter().map(move |h| {
            (
                &self.catalog.skills[h.skill as usize],
                h.level,
                h.source(self.catalog),
            )
        })
    }

    pub(crate) fn have_of(&self, skill: u32) -> f64 {
        self.have_table.get(skill)
    }

    /// Explains a role's score: one contribution per requirement (own and inherited), in
    /// skill id order. The contributions sum to the score.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn explain(&self, role: &str) -> Result<Vec<Contribution<'c>>> {
        let r = self.catalog.role_index_or_err(role)? as usize;
        let total = total_weight(self.catalog, &self.policy, r);
        Ok(self.catalog.role_reqs[r]
            .iter()
            .map(|q| {
                let (have, source) = match self.have.binary_search_by_key(&q.skill, |h| h.skill) {
                    Ok(i) => (self.have[i].level, self.have[i].source(self.catalog)),
                    Err(_) => (0.0, Source::Missing),
                };
                let need = q.need.as_f64();
                let credit = if have >= need {
                    1.0
                } else if self.policy.partial_credit {
                    have / need
                } else {
                    0.0
                };
                let weight = self.policy.weights.of_requirement(q.weight, q.importance);
                Contribution {
                    skill: self.catalog.skills[q.skill as usize].id(),
                    need: q.need,
                    have,
                    source,
                    importance: q.importance,
                    weight,
                    credit,
                    contribution: if total > 0.0 {
                        weight * credit / total
                    } else {
                        0.0
                    },
                }
            })
            .collect())
    }

    /// The gaps toward a role: its unmet requirements and their unmet prerequisites
    /// (implied gaps), by priority and in learning order.
    ///
    /// `priority = weight × (need − have) / need`, descending, ties by skill id. An implied
    /// gap takes the largest weight among the gaps implying it.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn gaps(&self, role: &str) -> Result<Gaps<'c>> {
        let r = self.catalog.role_index_or_err(role)?;
        Ok(self.gaps_at(r))
    }

    /// The gaps toward a scored role (from [`Assessment::top`] or
    /// [`Assessment::roles`]), as [`Assessment::gaps`] gives them, without looking the
    /// role up by id.
    ///
    /// ```
    /// use skillgap::{Catalog, Level, Profile};
    ///
    /// let catalog = Catalog::builtin();
    /// let profile = Profile::new().with_skill("python", Level::ADVANCED);
    /// let assessment = catalog.assess(&profile)?;
    /// for scored in assessment.top(3) {
    ///     let gaps = assessment.gaps_for(&scored)?;
    ///     assert_eq!(gaps, assessment.gaps(scored.role().id().as_str())?);
    /// }
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] when the score comes from another catalog that has a role
    /// this one lacks (a score from another catalog is looked up by its role's id).
    pub fn gaps_for(&self, score: &RoleScore<'_>) -> Result<Gaps<'c>> {
        let index = score.index as usize;
        match self.catalog.roles.get(index) {
            Some(role) if std::ptr::eq(role, score.role) => Ok(self.gaps_at(score.index)),
            _ => self.gaps(score.role.id().as_str()),
        }
    }

    pub(crate) fn gaps_at(&self, role: u32) -> Gaps<'c> {
        let reqs = &self.catalog.role_reqs[role as usize];
        gaps::gaps_in(
            self.catalog,
            self.catalog.role_closures.get(role as usize),
            |k| Some(Target::of(&reqs[k as usize], &self.policy.weights)),
            |s| self.have_of(s),
        )
    }
}

impl Catalog {
    /// Scores a profile against every role with the default [`Policy`]; see [`Assessor`]
    /// for a policy or strict mode.
    ///
    /// # Errors
    ///
    /// None with the default policy in lenient mode; the `Result` keeps the signature
    /// of [`Assessor::assess`].
    pub fn assess(&self, profile: &Profile) -> Result<Assessment<'_>> {
        Assessor::new(self).assess(profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_of_every_width_agree() {
        let catalog = Catalog::builtin();
        let profile = Profile::new()
            .with_skill("python", Level::ADVANCED)
            .with_skill("statistics", Level::INTERMEDIATE)
            .with_skill("sql", Level::EXPERT)
            .with_skill("machine-learning", Level::BEGINNER);
        let a = catalog.assess(&profile).expect("valid");
        let strict = Policy {
            partial_credit: false,
            ..Policy::default()
        };
        for policy in [Policy::default(), strict] {
            let (x8, m8) = accumulate_in(catalog, &policy, &a.have, 1u8);
            let (x16, m16) = accumulate_in(catalog, &policy, &a.have, 1u16);
            let (x32, m32) = accumulate_in(catalog, &policy, &a.have, 1u32);
            assert_eq!(x8, x32);
            assert_eq!(x16, x32);
            let tiny = Met::Tiny(m8);
            let narrow = Met::Narrow(m16);
            let wide = Met::Wide(m32);
            for r in 0..catalog.roles.len() {
                assert_eq!(tiny.of(r), wide.of(r));
                assert_eq!(narrow.of(r), wide.of(r));
                // The essentials met, counted directly.
                let direct = catalog.role_reqs[r]
                    .iter()
                    .filter(|q| q.importance == Importance::Essential)
                    .filter(|q| a.have_of(q.skill) >= q.need.as_f64())
                    .count() as u32;
                assert_eq!(wide.of(r), direct, "role {r}");
            }
            assert!((0..catalog.roles.len()).any(|r| wide.of(r) > 0));
        }
    }

    /// Weights added in skill order (1.0 + 1.0 + 0.3 + 0.3 = 2.5999999999999996) fall
    /// short of the total from counts per importance (2 × 0.3 + 2 × 1.0 = 2.6) in the
    /// last bit: a role whose every requirement is met still scores exactly 1, and one
    /// a hair short scores below 1.
    #[test]
    fn meeting_every_requirement_scores_exactly_one_despite_rounding() {
        let catalog = Catalog::new(
            vec![
                Skill::new("a", "A"),
                Skill::new("b", "B"),
                Skill::new("c", "C"),
                Skill::new("d", "D"),
                Skill::new("e", "E").with_related("d", 0.999_999_99),
            ],
            vec![Role::new("r", "R")
                .with_requirement("a", Level::BEGINNER, Importance::Essential)
                .with_requirement("b", Level::BEGINNER, Importance::Essential)
                .with_requirement("c", Level::BEGINNER, Importance::Optional)
                .with_requirement("d", Level::BEGINNER, Importance::Optional)],
            vec![],
        )
        .expect("valid");
        let profile = |last: &str| {
            Profile::new()
                .with_skill("a", Level::BEGINNER)
                .with_skill("b", Level::BEGINNER)
                .with_skill("c", Level::BEGINNER)
                .with_skill(last, Level::BEGINNER)
        };
        let a = catalog.assess(&profile("d")).expect("valid");
        let numerator = a.earned.numerator[0];
        assert!(
            numerator < a.totals[0],
            "the sums must differ for this test"
        );
        let rs = a.role("r").expect("known");
        assert_eq!(rs.score(), 1.0);
        assert!(rs.is_ready());
        assert_eq!(a.top(1)[0].score(), 1.0);
        assert_eq!(a.roles()[0].score(), 1.0);

        // D only through transfer, just below the level asked.
        let a = catalog.assess(&profile("e")).expect("valid");
        let rs = a.role("r").expect("known");
        assert!(
            rs.score() < 1.0 && rs.score() > 1.0 - 1e-6,
            "{}",
            rs.score()
        );
        assert!(rs.is_ready());
    }

    #[test]
    fn total_order_keys_order_like_total_cmp() {
        let xs = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            0.5,
            2.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(
                    total_order_key(a).cmp(&total_order_key(b)),
                    a.total_cmp(&b),
                    "{a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn top_matches_the_ranking_for_every_k() {
        let catalog = Catalog::builtin();
        let profile = Profile::new()
            .with_skill("python", Level::ADVANCED)
            .with_skill("sql", Level::INTERMEDIATE);
        let ranked = catalog.assess(&profile).expect("valid").roles().to_vec();
        for k in 0..=ranked.len() + 1 {
            let fresh = catalog.assess(&profile).expect("valid");
            let top = fresh.top(k);
            assert_eq!(top.as_slice(), &ranked[..k.min(ranked.len())], "k = {k}");
        }
    }
}
