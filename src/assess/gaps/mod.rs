//! Gaps: what a profile lacks for a target, in priority order and in learning order.

mod compute;

use std::fmt;
use std::sync::{Mutex, OnceLock};

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::Assessment;
use crate::catalog::closure::{Closure, Closures};
use crate::catalog::{Catalog, Need, Req, SkillAt};
use crate::model::{Importance, Level, Skill, Weights};
use compute::Scratch;

/// The gaps toward a target (a role, or chosen skill levels): what a profile lacks, in
/// priority order and in learning order.
///
/// A gap is a requirement the profile does not meet. A gap whose skill has unmet
/// prerequisites brings *implied* gaps for them, transitively: each records the gaps that
/// need it, needs the highest level they ask for, and takes the largest weight and the
/// highest importance among them. `priority = weight × (need − have) / need`.
///
/// The gaps are stored compactly, in one array of gaps and one list of positions in it
/// (the gaps implying each); each [`Gap`] is a view into them, made on the fly. The
/// learning order is computed when first asked for ([`Gaps::in_learning_order`]), once.
///
/// # Complexity
///
/// The catalog keeps each role's prerequisite closure (its requirements and every skill
/// they need, by skill, the links resolved and ordered dependents first), built once with
/// the catalog, so the gaps toward a role take three passes over that closure:
/// O(s + l + g log g) for s skills and l links in the closure and g gaps (the log only
/// when the gaps have more than 16 distinct priorities; a counting sort otherwise); the
/// learning order, on first use, O(g + l) more. Gaps toward chosen skill levels build their closure first, a
/// depth-first search over the skill graph.
#[derive(Clone)]
pub struct Gaps<'c> {
    catalog: &'c Catalog,
    /// By priority, descending; ties by skill id.
    records: Vec<Record>,
    /// The gaps (positions in `records`) implying each gap, by skill:
    /// `implied[r.implied.0..r.implied.1]`.
    implied: Vec<u32>,
    /// The learning order (positions in `records`), computed on first use: a caller
    /// that never walks it does not pay for it.
    order: OnceLock<Vec<u32>>,
}

/// One gap, as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Record {
    have: f64,
    weight: f64,
    skill: SkillAt,
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
        skill: SkillAt(0),
        implied: (0, 0),
        need: Level::NONE,
        importance: Importance::Optional,
        required: false,
    };
}

impl<'c> Gaps<'c> {
    /// Gaps by priority, descending; ties by skill id. Iterating `&gaps` gives the same.
    pub fn by_priority(&self) -> ByPriority<'_, 'c> {
        ByPriority {
            gaps: self,
            records: self.records.iter(),
        }
    }

    /// Gaps in learning order: a topological order of the skill graph (Kahn 1962): every
    /// gap comes after the gaps on its prerequisites that the profile does not already
    /// have at the level the prerequisite asks for; ties broken by priority, then skill id.
    ///
    /// Computed on the first call, O(g + l) for g gaps and l links between them, then
    /// kept.
    pub fn in_learning_order(&self) -> LearningOrder<'_, 'c> {
        let order = self
            .order
            .get_or_init(|| compute::learning_order(&self.records, &self.implied));
        LearningOrder {
            gaps: self,
            order: order.iter(),
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

    /// Every gap as a skill level to reach, by priority.
    pub(crate) fn needs(&self) -> Vec<Need> {
        self.records
            .iter()
            .map(|r| Need {
                skill: r.skill,
                level: r.need,
            })
            .collect()
    }

    /// The level each gap needs, by skill id: for looking many gaps up (each
    /// [`Gaps::get`] is a scan).
    pub(crate) fn need_by_skill(&self) -> std::collections::BTreeMap<&'c str, Level> {
        self.records
            .iter()
            .map(|r| (self.catalog.skill_at(r.skill).id().as_str(), r.need))
            .collect()
    }

    /// The gap on a skill (by id), if any. A scan of the gaps: O(n).
    pub fn get(&self, skill: impl AsRef<str>) -> Option<Gap<'_, 'c>> {
        let skill = skill.as_ref();
        let s = self.catalog.find_skill(skill)?;
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

/// Iterating `&Gaps` goes by priority, as [`Gaps::by_priority`] does.
///
/// ```
/// use skillgap::{Catalog, Profile};
///
/// let catalog = Catalog::builtin();
/// let assessment = catalog.assess(&Profile::new())?;
/// let gaps = assessment.gaps("data-scientist")?;
/// let mut n = 0;
/// for gap in &gaps {
///     assert!(gap.priority() > 0.0);
///     n += 1;
/// }
/// assert_eq!(n, gaps.len());
/// # Ok::<(), skillgap::Error>(())
/// ```
impl<'g, 'c> IntoIterator for &'g Gaps<'c> {
    type Item = Gap<'g, 'c>;
    type IntoIter = ByPriority<'g, 'c>;

    fn into_iter(self) -> Self::IntoIter {
        self.by_priority()
    }
}

/// The gaps by priority: see [`Gaps::by_priority`].
#[derive(Debug, Clone)]
pub struct ByPriority<'g, 'c> {
    gaps: &'g Gaps<'c>,
    records: std::slice::Iter<'g, Record>,
}

impl<'g, 'c> Iterator for ByPriority<'g, 'c> {
    type Item = Gap<'g, 'c>;

    fn next(&mut self) -> Option<Self::Item> {
        let gaps = self.gaps;
        self.records.next().map(|record| Gap { gaps, record })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.records.size_hint()
    }
}

impl DoubleEndedIterator for ByPriority<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let gaps = self.gaps;
        self.records.next_back().map(|record| Gap { gaps, record })
    }
}

impl ExactSizeIterator for ByPriority<'_, '_> {}

impl std::iter::FusedIterator for ByPriority<'_, '_> {}

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
        self.gaps.catalog.skill_at(self.record.skill)
    }

    /// The skill's position in the catalog.
    pub(crate) fn index(&self) -> SkillAt {
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

    /// The skills of the gaps that need this one as a prerequisite.
    pub fn implied_by(&self) -> ImpliedBy<'g, 'c> {
        let (start, end) = self.record.implied;
        ImpliedBy {
            skills: self.gaps.catalog.skills(),
            records: &self.gaps.records,
            positions: self.gaps.implied[start as usize..end as usize].iter(),
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

/// The skills implying a gap: see [`Gap::implied_by`]. Serialized as their ids.
#[derive(Clone)]
pub struct ImpliedBy<'g, 'c> {
    skills: &'c [Skill],
    records: &'g [Record],
    positions: std::slice::Iter<'g, u32>,
}

impl<'c> ImpliedBy<'_, 'c> {
    /// The skill of the gap at `position`.
    fn skill(&self, position: u32) -> &'c Skill {
        &self.skills[self.records[position as usize].skill.get()]
    }
}

impl<'c> Iterator for ImpliedBy<'_, 'c> {
    type Item = &'c Skill;

    fn next(&mut self) -> Option<&'c Skill> {
        self.positions.next().map(|&at| self.skill(at))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.positions.size_hint()
    }
}

impl DoubleEndedIterator for ImpliedBy<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.positions.next_back().map(|&at| self.skill(at))
    }
}

impl ExactSizeIterator for ImpliedBy<'_, '_> {}

impl std::iter::FusedIterator for ImpliedBy<'_, '_> {}

impl fmt::Debug for ImpliedBy<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone().map(Skill::id)).finish()
    }
}

impl Serialize for ImpliedBy<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.clone().map(Skill::id))
    }
}

/// `weight × (need − have) / need`: the one place a priority is computed, so the gaps are
/// ordered by exactly the priorities [`Gap::priority`] reports.
fn priority(weight: f64, need: Level, have: f64) -> f64 {
    weight * (need.as_f64() - have) / need.as_f64()
}

/// One thing to reach: a skill (by position), a level, and how much it matters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Target {
    pub skill: SkillAt,
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

impl<'c> Assessment<'c> {
    /// The gaps toward ad-hoc `targets` (each skill at most once) for a profile whose levels
    /// `have` gives: their prerequisite closure is built for the call.
    pub(crate) fn gaps_toward(
        &self,
        targets: &[Target],
        have: impl Fn(SkillAt) -> f64,
    ) -> Gaps<'c> {
        let closures = Closures::one(
            self.catalog.skill_graph().prerequisite_graph(),
            targets.iter().map(|t| t.skill),
        );
        self.gaps_over(closures.get(0), |k| Some(targets[k as usize]), have)
    }

    /// The gaps over a prerequisite closure. `target` gives the target at a position of
    /// the closure's target list (`None` leaves it out); `have` the profile's level of a
    /// skill.
    ///
    /// Direct gaps are the targets not met. Each gap's prerequisites that the profile has
    /// below the level asked become implied gaps, transitively: an implied gap needs the
    /// highest level asked of it, and takes the largest weight and the highest importance
    /// of the gaps implying it.
    pub(crate) fn gaps_over(
        &self,
        closure: Closure<'_>,
        target: impl Fn(u32) -> Option<Target>,
        have: impl Fn(SkillAt) -> f64,
    ) -> Gaps<'c> {
        self.scratch
            .with(|s| compute::compute(self.catalog, closure, &target, &have, s))
    }
}

/// The gaps toward role `role` for a profile whose levels `have` gives, weighted under
/// `weights`: what [`Assessment::gaps`] computes, for callers without an assessment.
pub(crate) fn toward_role<'c>(
    catalog: &'c Catalog,
    weights: &Weights,
    role: crate::catalog::RoleAt,
    have: impl Fn(SkillAt) -> f64,
    pool: &ScratchPool,
) -> Gaps<'c> {
    let reqs = catalog.merged_requirements().of(role);
    let target = |k: u32| Some(Target::of(&reqs[k as usize], weights));
    pool.with(|s| compute::compute(catalog, catalog.closure(role), &target, &have, s))
}

/// The assessment's gap [`Scratch`], lent to one computation at a time: a computation that
/// finds it lent (another thread's, or a nested one) works in fresh memory.
#[derive(Debug, Default)]
pub(crate) struct ScratchPool(Mutex<Scratch>);

impl ScratchPool {
    fn with<R>(&self, f: impl FnOnce(&mut Scratch) -> R) -> R {
        match self.0.try_lock() {
            Ok(mut scratch) => f(&mut scratch),
            Err(_) => f(&mut Scratch::default()),
        }
    }
}

/// A clone starts with fresh memory.
impl Clone for ScratchPool {
    fn clone(&self) -> Self {
        ScratchPool::default()
    }
}

#[cfg(test)]
mod tests {
    use super::compute::FEW_PRIORITIES;
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
            for r in (0..catalog.roles().len()).map(crate::catalog::RoleAt::at) {
                let reqs = catalog.merged_requirements().of(r);
                let targets: Vec<Target> = reqs
                    .iter()
                    .map(|q| Target {
                        skill: q.skill,
                        need: q.need,
                        importance: q.importance,
                        weight: q.weight.unwrap_or(1.0) * (1.0 + q.skill.get() as f64 % 3.0),
                    })
                    .collect();
                let have = |s: SkillAt| a.have_of(s);
                let stored = a.gaps_over(catalog.closure(r), |k| Some(targets[k as usize]), have);
                let ad_hoc = a.gaps_toward(&targets, have);
                assert_eq!(stored, ad_hoc, "role {r:?}");
            }
        }
    }

    /// The learning order Kahn's rule gives, computed the slow way from the priority
    /// order and the implied-by lists: repeatedly the first gap (by priority) whose
    /// prerequisite gaps are all placed.
    fn slow_learning_order(gaps: &Gaps<'_>) -> Vec<SkillAt> {
        let all: Vec<Gap<'_, '_>> = gaps.by_priority().collect();
        let mut placed = vec![false; all.len()];
        let mut order = Vec::new();
        while order.len() < all.len() {
            let next = (0..all.len())
                .find(|&i| {
                    !placed[i]
                        && (0..all.len()).all(|p| {
                            placed[p] || !all[p].implied_by().any(|s| s.id() == all[i].skill().id())
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
        let skills: Vec<SkillAt> = (0..catalog.skills().len())
            .step_by(2)
            .take(40)
            .map(SkillAt::at)
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
            let gaps = a.gaps_toward(&targets, |s| a.have_of(s));
            let keys: Vec<(f64, &str)> = gaps
                .by_priority()
                .map(|g| (-g.priority(), g.skill().id().as_str()))
                .collect();
            let priorities: std::collections::BTreeSet<u64> =
                keys.iter().map(|k| k.0.to_bits()).collect();
            assert_eq!(priorities.len() > FEW_PRIORITIES, distinct, "{keys:?}");
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
            let learning: Vec<SkillAt> = gaps.in_learning_order().map(|g| g.index()).collect();
            assert_eq!(learning, slow_learning_order(&gaps));
            assert!(gaps.by_priority().any(|g| g.is_implied()));
        }
    }
}
