//! Gaps: what a profile lacks for a target, in priority order and in learning order.

use std::cell::Cell;
use std::fmt;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::assess::Weights;
use crate::catalog::closure::{Closure, Closures};
use crate::catalog::{Catalog, Req};
use crate::model::Importance;
use crate::model::Level;
use crate::model::Skill;
use crate::model::SkillId;

/// The gaps toward a target (a role, or chosen skill levels): what a profile lacks, in
/// priority order and in learning order.
///
/// The gaps are stored compactly, in one array and one list of skill indices; each
/// [`Gap`] is a view into them, made on the fly.
#[derive(Clone)]
pub struct Gaps<'c> {
    catalog: &'c Catalog,
    /// By priority, descending; ties by skill id.
    records: Vec<Record>,
    /// First the learning order (positions in `records`), then the skills (indices,
    /// ascending) implying each gap: `indices[r.implied.0..r.implied.1]`.
    indices: Vec<u32>,
}

/// One gap, as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Record {
    have: f64,
    weight: f64,
    skill: u32,
    implied: (u32, u32),
    need: Level,
    importance: Importance,
    required: bool,
}

impl Record {
    /// A placeholder, overwritten before the gaps are returned.
    const EMPTY: Record = Record {
        have: 0.0,
        weight: 0.0,
        skill: 0,
        implied: (0, 0),
        need: Level::NONE,
        importance: Importance::Optional,
        required: false,
    };
}

impl<'c> Gaps<'c> {
    /// Gaps by priority, descending; ties by skill id.
    pub fn by_priority(
        &self,
    ) -> impl ExactSizeIterator<Item = Gap<'_, 'c>> + DoubleEndedIterator + Clone + '_ {
        self.records
            .iter()
            .map(move |record| Gap { gaps: self, record })
    }

    /// Gaps in learning order: a topological order of the skill graph (Kahn 1962): every
    /// gap comes after the gaps on its prerequisites that the profile does not already
    /// have at the level the prerequisite asks for; ties broken by priority, then skill id.
    pub fn in_learning_order(&self) -> LearningOrder<'_, 'c> {
        LearningOrder {
            gaps: self,
            order: self.indices[..self.records.len()].iter(),
        }
    }

    /// The number of gaps, implied ones included.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there are no gaps.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The gap on a skill (by id), if any.
    pub fn get(&self, skill: &str) -> Option<Gap<'_, 'c>> {
        let s = self.catalog.skill_index(skill)?;
        self.records
            .iter()
            .find(|r| r.skill == s)
            .map(|record| Gap { gaps: self, record })
    }
}

impl PartialEq for Gaps<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalog, other.catalog)
            && self.records.len() == other.records.len()
            && self.by_priority().eq(other.by_priority())
            && self.in_learning_order().eq(other.in_learning_order())
    }
}

impl fmt::Debug for Gaps<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.by_priority()).finish()
    }
}

/// The gaps as a JSON array in priority order, each gap as [`Gap`] serializes.
impl Serialize for Gaps<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for gap in self.by_priority() {
            seq.serialize_element(&gap)?;
        }
        seq.end()
    }
}

/// The gaps in learning order: see [`Gaps::in_learning_order`].
#[derive(Debug, Clone)]
pub struct LearningOrder<'g, 'c> {
    gaps: &'g Gaps<'c>,
    order: std::slice::Iter<'g, u32>,
}

impl<'g, 'c> LearningOrder<'g, 'c> {
    fn gap(&self, at: u32) -> Gap<'g, 'c> {
        Gap {
            gaps: self.gaps,
            record: &self.gaps.records[at as usize],
        }
    }
}

impl<'g, 'c> Iterator for LearningOrder<'g, 'c> {
    type Item = Gap<'g, 'c>;

    fn next(&mut self) -> Option<Self::Item> {
        self.order.next().map(|&at| self.gap(at))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.order.size_hint()
    }
}

impl DoubleEndedIterator for LearningOrder<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.order.next_back().map(|&at| self.gap(at))
    }
}

impl ExactSizeIterator for LearningOrder<'_, '_> {}

impl std::iter::FusedIterator for LearningOrder<'_, '_> {}

/// A skill level the profile lacks: a view into [`Gaps`] (`'g` borrows the gaps, `'c`
/// the catalog).
#[derive(Clone, Copy)]
pub struct Gap<'g, 'c> {
    gaps: &'g Gaps<'c>,
    record: &'g Record,
}

impl<'g, 'c> Gap<'g, 'c> {
    /// The skill.
    pub fn skill(&self) -> &'c Skill {
        &self.gaps.catalog.skills[self.record.skill as usize]
    }

    /// The skill's position in the catalog.
    pub(crate) fn index(&self) -> u32 {
        self.record.skill
    }

    /// The level the profile counts for (fractional after transfer or recency discount).
    pub fn have(&self) -> f64 {
        self.record.have
    }

    /// The level needed: the target's, raised where a prerequisite of another gap needs
    /// more.
    pub fn need(&self) -> Level {
        self.record.need
    }

    /// The requirement's importance; for an implied gap, that of the most important gap
    /// implying it.
    pub fn importance(&self) -> Importance {
        self.record.importance
    }

    /// The weight used in the priority; for an implied gap, the largest of the gaps
    /// implying it.
    pub fn weight(&self) -> f64 {
        self.record.weight
    }

    /// `weight × (need − have) / need`: larger means more urgent.
    pub fn priority(&self) -> f64 {
        priority(self.record.weight, self.record.need, self.record.have)
    }

    /// Whether the gap exists only because other gaps need the skill as a prerequisite
    /// (the target itself does not require it, or requires less than the profile has).
    pub fn is_implied(&self) -> bool {
        !self.record.required
    }

    /// The gaps whose skills need this one as a prerequisite, by skill id.
    pub fn implied_by(&self) -> ImpliedBy<'g, 'c> {
        let (start, end) = self.record.implied;
        ImpliedBy {
            skills: &self.gaps.catalog.skills,
            indices: self.gaps.indices[start as usize..end as usize].iter(),
        }
    }
}

impl PartialEq for Gap<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.record, other.record);
        std::ptr::eq(self.gaps.catalog, other.gaps.catalog)
            && (a.skill, a.need, a.importance, a.required)
                == (b.skill, b.need, b.importance, b.required)
            && (a.have, a.weight) == (b.have, b.weight)
            && self.implied_by().eq(other.implied_by())
    }
}

impl fmt::Debug for Gap<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gap")
            .field("skill", self.skill().id())
            .field("have", &self.have())
            .field("need", &self.need())
            .field("importance", &self.importance())
            .field("weight", &self.weight())
            .field("priority", &self.priority())
            .field("implied", &self.is_implied())
            .field("implied_by", &self.implied_by())
            .finish()
    }
}

impl Serialize for Gap<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Gap", 7)?;
        s.serialize_field("skill", self.skill().id())?;
        s.serialize_field("name", self.skill().name())?;
        s.serialize_field("have", &self.have())?;
        s.serialize_field("need", &self.need())?;
        s.serialize_field("importance", &self.importance())?;
        s.serialize_field("priority", &self.priority())?;
        s.serialize_field("implied_by", &self.implied_by())?;
        s.end()
    }
}

/// The skills implying a gap, by id: see [`Gap::implied_by`].
#[derive(Clone)]
pub struct ImpliedBy<'g, 'c> {
    skills: &'c [Skill],
    indices: std::slice::Iter<'g, u32>,
}

impl<'c> Iterator for ImpliedBy<'_, 'c> {
    type Item = &'c SkillId;

    fn next(&mut self) -> Option<&'c SkillId> {
        self.indices.next().map(|&s| self.skills[s as usize].id())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for ImpliedBy<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.indices
            .next_back()
            .map(|&s| self.skills[s as usize].id())
    }
}

impl ExactSizeIterator for ImpliedBy<'_, '_> {}

impl std::iter::FusedIterator for ImpliedBy<'_, '_> {}

impl fmt::Debug for ImpliedBy<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl Serialize for ImpliedBy<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.clone())
    }
}

/// `weight × (need − have) / need`: the one place a priority is computed, so the gaps are
/// ordered by exactly the priorities [`Gap::priority`] reports.
fn priority(weight: f64, need: Level, have: f64) -> f64 {
    weight * (need.as_f64() - have) / need.as_f64()
}

/// One thing to reach: a skill (by index), a level, and how much it matters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Target {
    pub skill: u32,
    pub need: Level,
    pub importance: Importance,
    pub weight: f64,
}

impl Target {
    /// A role's requirement as a target, weighted under `weights`.
    pub(crate) fn of(q: &Req, weights: &Weights) -> Target {
        Target {
            skill: q.skill,
            need: q.need,
            importance: q.importance,
            weight: weights.of_requirement(q.weight, q.importance),
        }
    }
}

/// The gaps toward ad-hoc `targets` (each skill at most once) for a profile whose levels
/// `have` gives: their prerequisite closure is built for the call.
pub(crate) fn gaps<'c>(
    catalog: &'c Catalog,
    have: impl Fn(u32) -> f64,
    targets: &[Target],
) -> Gaps<'c> {
    let closures = Closures::build(&catalog.prereqs, [targets.iter().map(|t| t.skill)]);
    gaps_in(
        catalog,
        closures.get(0),
        |k| Some(targets[k as usize]),
        have,
    )
}

/// The gaps over a prerequisite closure. `target` gives the target at a position of the
/// closure's target list (`None` leaves it out); `have` the profile's level of a skill.
///
/// Direct gaps are the targets not met. Each gap's prerequisites that the profile has
/// below the level asked become implied gaps, transitively: an implied gap needs the
/// highest level asked of it, and takes the largest weight and the highest importance
/// of the gaps implying it.
pub(crate) fn gaps_in<'c>(
    catalog: &'c Catalog,
    closure: Closure<'_>,
    target: impl Fn(u32) -> Option<Target>,
    have: impl Fn(u32) -> f64,
) -> Gaps<'c> {
    // The thread's buffers are taken out for the call (a nested call finds them empty
    // and allocates its own) and put back after.
    let mut scratch = SCRATCH.try_with(Cell::take).unwrap_or_default();
    let gaps = compute(catalog, closure, &target, &have, &mut scratch);
    scratch.trim();
    let _ = SCRATCH.try_with(|cell| cell.set(scratch));
    gaps
}

/// A skill of the closure while the gaps are found.
#[derive(Debug, Clone, Copy)]
struct Node {
    have: f64,
    /// The gap's weight: its own target's if unmet (`required`), else the largest of the
    /// gaps implying it.
    weight: f64,
    /// The gaps implying it: `implied[end - count..end]`, by skill.
    end: u32,
    count: u32,
    /// Prerequisite gaps not yet in the learning order.
    missing: u32,
    /// Position in the priority order.
    position: u32,
    need: Level,
    /// As `weight`, for the importance.
    importance: Importance,
    /// Whether the node's own target is unmet.
    required: bool,
    /// Its priority's index among the distinct priorities (see [`Ranks`]).
    rank: u8,
}

impl Node {
    /// A gap: its own target is unmet or a gap implies it.
    fn is_gap(&self) -> bool {
        self.required | (self.count != 0)
    }

    /// The priority's `!bits` (priorities are >= 0, so `!bits` orders like descending
    /// numbers).
    fn key(&self) -> u64 {
        !priority(self.weight, self.need, self.have).to_bits()
    }
}

/// Buffers reused from one gap computation to the next on a thread.
#[derive(Debug, Default)]
struct Scratch {
    /// Per closure position.
    nodes: Vec<Node>,
    /// The gaps implying each node (closure positions), node after node.
    implied: Vec<u32>,
    ready: Vec<u64>,
    sorted: Vec<u128>,
    /// Per position, the prerequisite gaps not yet in the learning order.
    missing: Vec<u32>,
    /// The gaps each link unblocks, by position.
    dependents: Vec<u32>,
}

impl Scratch {
    /// Drops buffers grown large by an unusually big computation.
    fn trim(&mut self) {
        const KEEP: usize = 1 << 14;
        if self.nodes.capacity() > KEEP || self.implied.capacity() > 4 * KEEP {
            *self = Scratch::default();
        }
    }
}

/// Dropped gaps leave their buffers in the thread's spare slot, where the next gap
/// computation takes them: walking many roles' gaps one after another allocates nothing.
impl Drop for Gaps<'_> {
    fn drop(&mut self) {
        /// Larger buffers are freed rather than kept.
        const KEEP: usize = 1 << 12;
        let records = std::mem::take(&mut self.records);
        if records.capacity() == 0 || records.capacity() > KEEP {
            return;
        }
        let indices = std::mem::take(&mut self.indices);
        let _ = SPARE.try_with(|cell| {
            let spare = cell.take();
            cell.set(if spare.0.capacity() >= records.capacity() {
                spare
            } else {
                (records, indices)
            });
        });
    }
}

thread_local! {
    /// Buffers of dropped gaps (records and indices), for the next computation.
    static SPARE: Cell<(Vec<Record>, Vec<u32>)> = const { Cell::new((Vec::new(), Vec::new())) };
    static SCRATCH: Cell<Scratch> = const { Cell::new(Scratch {
        nodes: Vec::new(),
        implied: Vec::new(),
        ready: Vec::new(),
        sorted: Vec::new(),
        missing: Vec::new(),
        dependents: Vec::new(),
    }) };
}

fn compute<'c>(
    catalog: &'c Catalog,
    closure: Closure<'_>,
    target: &impl Fn(u32) -> Option<Target>,
    have: &impl Fn(u32) -> f64,
    scratch: &mut Scratch,
) -> Gaps<'c> {
    let Scratch {
        nodes,
        implied,
        ready,
        sorted,
        missing,
        dependents,
    } = scratch;
    nodes.clear();
    nodes.extend(closure.skills.iter().map(|&s| Node {
        have: have(s),
        weight: 0.0,
        end: 0,
        count: 0,
        missing: 0,
        position: 0,
        need: Level::NONE,
        importance: Importance::Optional,
        required: false,
        rank: 0,
    }));
    for (k, &at) in closure.targets.iter().enumerate() {
        let n = &mut nodes[at as usize];
        if let Some(t) = target(k as u32).filter(|t| n.have < t.need.as_f64()) {
            n.weight = t.weight;
            n.need = t.need;
            n.importance = t.importance;
            n.required = true;
        }
    }
    // The links are grouped by prerequisite, and a dependent comes before its
    // prerequisites: when a link is reached, every link into its dependent has been,
    // so whether the dependent is a gap, and its weight and importance, are settled. A
    // link whose dependent is a gap and asks for more than the profile has makes the
    // prerequisite a gap needing at least that level, which takes the dependent's weight
    // and importance if larger, unless its own target is unmet (then its own count).
    // The loop is written without data-dependent branches (which gap inputs make
    // unpredictable).
    implied.clear();
    implied.resize(closure.links.len(), 0);
    let mut len = 0;
    for l in closure.links {
        let d = nodes[l.dependent as usize];
        let p = &mut nodes[l.prerequisite as usize];
        let active = d.is_gap() & (p.have < l.level.as_f64());
        let inherit = active & !p.required;
        p.need = p.need.max(if active { l.level } else { Level::NONE });
        p.weight = p.weight.max(if inherit { d.weight } else { 0.0 });
        p.importance = p.importance.max(if inherit {
            d.importance
        } else {
            Importance::Optional
        });
        p.count += u32::from(active);
        implied[len] = l.dependent;
        len += usize::from(active);
        p.end = len as u32;
        nodes[l.dependent as usize].missing += u32::from(active);
    }
    let mut ranks = Ranks::new();
    let mut count = 0usize;
    for n in nodes.iter_mut() {
        if n.is_gap() {
            n.rank = ranks.rank(n.key());
            count += 1;
        }
    }
    // Each gap's position in priority order: with few distinct priorities, a stable
    // counting sort of the gaps taken in skill order (the closure's `by_skill`);
    // otherwise a comparison sort.
    let mut next = [0u32; FEW_PRIORITIES];
    if ranks.many {
        sorted.clear();
        sorted.extend(
            closure
                .skills
                .iter()
                .zip(nodes.iter())
                .enumerate()
                .filter(|(_, (_, n))| n.is_gap())
                .map(|(k, (&s, n))| u128::from(n.key()) << 64 | u128::from(s) << 32 | k as u128),
        );
        sorted.sort_unstable();
        for (i, &key) in sorted.iter().enumerate() {
            nodes[key as u32 as usize].position = i as u32;
        }
    } else {
        next = ranks.starts();
    }

    // The gaps as stored, each at its position, with the skills implying each (after
    // the `count` slots of the learning order); `ready` marks the gaps without
    // prerequisite gaps.
    ready.clear();
    ready.resize(count.div_ceil(64), 0);
    missing.clear();
    missing.resize(count, 0);
    let (mut records, mut indices) = SPARE.try_with(Cell::take).unwrap_or_default();
    records.clear();
    records.resize(count, Record::EMPTY);
    indices.clear();
    indices.reserve(count + len);
    indices.resize(count, 0);
    indices.extend(implied[..len].iter().map(|&d| closure.skills[d as usize]));
    for &k in closure.by_skill {
        let g = &mut nodes[k as usize];
        if !g.is_gap() {
            continue;
        }
        if !ranks.many {
            let place = &mut next[g.rank as usize];
            g.position = *place;
            *place += 1;
        }
        let i = g.position as usize;
        missing[i] = g.missing;
        records[i] = Record {
            have: g.have,
            weight: g.weight,
            skill: closure.skills[k as usize],
            implied: (count as u32 + g.end - g.count, count as u32 + g.end),
            need: g.need,
            importance: g.importance,
            required: g.required,
        };
    }

    for (word, chunk) in ready.iter_mut().zip(missing.chunks(64)) {
        *word = chunk
            .iter()
            .enumerate()
            .fold(0, |w, (b, &m)| w | u64::from(m == 0) << b);
    }

    // Each link's dependent, as a position: the gap at position `i` unblocks
    // `dependents[records[i].implied - count]`.
    dependents.clear();
    dependents.extend(implied[..len].iter().map(|&d| nodes[d as usize].position));

    // Kahn's topological sort (Kahn 1962) over positions: among the gaps whose
    // prerequisites are all placed, the first by priority goes first. The bit set of
    // ready positions finds it in O(n / 64) words at worst, usually one. The word at
    // `low` is kept in `word` (its copy in `ready` is stale), and every word before `low`
    // is zero: each step depends on the one before through `word`, so that stays out of
    // memory.
    let mut placed = 0;
    let mut low = 0;
    let mut word = ready.first().copied().unwrap_or(0);
    loop {
        if word == 0 {
            if let Some(stale) = ready.get_mut(low) {
                *stale = 0;
            }
            low += 1;
            match ready.get(low) {
                Some(&w) => word = w,
                None => break,
            }
            continue;
        }
        let i = low * 64 + word.trailing_zeros() as usize;
        word &= word - 1;
        indices[placed] = i as u32;
        placed += 1;
        let (start, end) = records[i].implied;
        for &j in &dependents[start as usize - count..end as usize - count] {
            let m = &mut missing[j as usize];
            *m -= 1;
            if *m == 0 {
                let (w, bit) = (j as usize / 64, 1 << (j % 64));
                if w == low {
                    word |= bit;
                } else if w > low {
                    ready[w] |= bit;
                } else {
                    ready[low] = word;
                    low = w;
                    word = ready[w] | bit;
                }
            }
        }
    }
    if placed != count {
        // The skill graph is acyclic (validated), so this does not happen: fall back
        // to priority order.
        for (i, at) in indices[..count].iter_mut().enumerate() {
            *at = i as u32;
        }
    }
    Gaps {
        catalog,
        records,
        indices,
    }
}

/// Up to this many distinct priorities, the priority order is a counting sort of the
/// gaps taken in skill order; beyond, a comparison sort.
const FEW_PRIORITIES: usize = 16;

/// The distinct priority keys met so far: most gaps share a handful of priorities.
struct Ranks {
    distinct: [u64; FEW_PRIORITIES],
    /// How many gaps have each key.
    counts: [u32; FEW_PRIORITIES],
    len: usize,
    /// Whether more than [`FEW_PRIORITIES`] keys (or a NaN's) were met.
    many: bool,
}

impl Ranks {
    fn new() -> Ranks {
        Ranks {
            distinct: [0; FEW_PRIORITIES],
            counts: [0; FEW_PRIORITIES],
            len: 0,
            many: false,
        }
    }

    /// The index of `key` among the distinct keys, adding it if new.
    fn rank(&mut self, key: u64) -> u8 {
        // A scan of every key so far, without an early exit: the number of keys
        // changes seldom, so its loop is predicted, where a search's exit is not.
        let mut found = FEW_PRIORITIES;
        for (r, &q) in self.distinct[..self.len].iter().enumerate() {
            found = if q == key { r } else { found };
        }
        if found < FEW_PRIORITIES {
            self.counts[found] += 1;
            return found as u8;
        }
        if key == 0 || self.len == FEW_PRIORITIES {
            // Too many keys, or a NaN's (`!bits` of 0).
            self.many = true;
            return 0;
        }
        self.distinct[self.len] = key;
        self.counts[self.len] = 1;
        self.len += 1;
        self.len as u8 - 1
    }

    /// Where each rank's gaps start in priority order (descending priorities, so
    /// ascending keys).
    fn starts(&self) -> [u32; FEW_PRIORITIES] {
        let d = self.len;
        let mut by_value = [(0u64, 0usize); FEW_PRIORITIES];
        for (r, &key) in self.distinct[..d].iter().enumerate() {
            by_value[r] = (key, r);
        }
        by_value[..d].sort_unstable();
        let mut next = [0u32; FEW_PRIORITIES];
        let mut at = 0;
        for &(_, r) in &by_value[..d] {
            next[r] = at;
            at += self.counts[r];
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Level, Profile};

    /// A skill targeted once per list; the ad-hoc closure and the role's stored one give
    /// the same gaps.
    #[test]
    fn ad_hoc_and_stored_closures_agree() {
        let catalog = crate::Catalog::builtin();
        let profiles = [
            Profile::new(),
            Profile::new()
                .with_skill("python", Level::ADVANCED)
                .with_skill("statistics", Level::BEGINNER),
            Profile::new()
                .with_skill("sql", Level::EXPERT)
                .with_skill("linear-algebra", Level::AWARENESS)
                .with_skill("machine-learning", Level::INTERMEDIATE),
        ];
        for profile in &profiles {
            let a = catalog.assess(profile).expect("valid");
            for (r, reqs) in catalog.role_reqs.iter().enumerate() {
                let targets: Vec<Target> = reqs
                    .iter()
                    .map(|q| Target {
                        skill: q.skill,
                        need: q.need,
                        importance: q.importance,
                        weight: q.weight.unwrap_or(1.0) * (1.0 + q.skill as f64 % 3.0),
                    })
                    .collect();
                let have = |s: u32| a.have_of(s);
                let stored = gaps_in(
                    catalog,
                    catalog.role_closures.get(r),
                    |k| Some(targets[k as usize]),
                    have,
                );
                let ad_hoc = gaps(catalog, have, &targets);
                assert_eq!(stored, ad_hoc, "role #{r}");
            }
        }
    }

    /// The learning order Kahn's rule gives, computed the slow way from the priority
    /// order and the implied-by lists: repeatedly the first gap (by priority) whose
    /// prerequisite gaps are all placed.
    fn slow_learning_order(gaps: &Gaps<'_>) -> Vec<u32> {
        let all: Vec<Gap<'_, '_>> = gaps.by_priority().collect();
        let mut placed = vec![false; all.len()];
        let mut order = Vec::new();
        while order.len() < all.len() {
            let next = (0..all.len())
                .find(|&i| {
                    !placed[i]
                        && (0..all.len()).all(|p| {
                            placed[p] || !all[p].implied_by().any(|s| s == all[i].skill().id())
                        })
                })
                .expect("acyclic");
            placed[next] = true;
            order.push(all[next].index());
        }
        order
    }

    /// Targets with more distinct priorities than the counting sort takes, and with
    /// few: both orders are right.
    #[test]
    fn many_and_few_distinct_priorities_order_alike() {
        let catalog = crate::Catalog::builtin();
        let profile = Profile::new()
            .with_skill("python", Level::BEGINNER)
            .with_skill("statistics", Level::AWARENESS);
        let a = catalog.assess(&profile).expect("valid");
        let skills: Vec<u32> = (0..catalog.skills.len() as u32)
            .step_by(2)
            .take(40)
            .collect();
        for distinct in [false, true] {
            let targets: Vec<Target> = skills
                .iter()
                .enumerate()
                .map(|(i, &skill)| Target {
                    skill,
                    need: Level::ADVANCED,
                    importance: Importance::Important,
                    weight: if distinct { 1.0 + i as f64 / 64.0 } else { 0.5 },
                })
                .collect();
            let gaps = gaps(catalog, |s| a.have_of(s), &targets);
            let keys: Vec<(f64, &str)> = gaps
                .by_priority()
                .map(|g| (-g.priority(), g.skill().id().as_str()))
                .collect();
            let priorities: std::collections::BTreeSet<u64> =
                keys.iter().map(|k| k.0.to_bits()).collect();
            assert_eq!(priorities.len() > FEW_PRIORITIES, distinct, "{keys:?}");
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
            let learning: Vec<u32> = gaps.in_learning_order().map(|g| g.index()).collect();
            assert_eq!(learning, slow_learning_order(&gaps));
            assert!(gaps.by_priority().any(|g| g.is_implied()));
        }
    }
}
