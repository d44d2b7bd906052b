//! Gaps: what a profile lacks for a target, in priority order and in learning order.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::graph;
use crate::id::SkillId;
use crate::importance::Importance;
use crate::level::Level;
use crate::skill::Skill;

/// A skill level the profile lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap<'c> {
    pub(crate) skill: &'c Skill,
    pub(crate) index: u32,
    pub(crate) have: f64,
    pub(crate) need: Level,
    pub(crate) importance: Importance,
    pub(crate) weight: f64,
    pub(crate) priority: f64,
    pub(crate) required: bool,
    pub(crate) implied_by: Vec<&'c SkillId>,
}

impl<'c> Gap<'c> {
    /// The skill.
    pub fn skill(&self) -> &'c Skill {
        self.skill
    }

    /// The level the profile counts for (fractional after transfer or recency discount).
    pub fn have(&self) -> f64 {
        self.have
    }

    /// The level needed: the target's, raised where a prerequisite of another gap needs
    /// more.
    pub fn need(&self) -> Level {
        self.need
    }

    /// The requirement's importance; for an implied gap, that of the most important gap
    /// implying it.
    pub fn importance(&self) -> Importance {
        self.importance
    }

    /// The weight used in the priority.
    pub fn weight(&self) -> f64 {
        self.weight
    }

    /// `weight × (need − have) / need`: larger means more urgent.
    pub fn priority(&self) -> f64 {
        self.priority
    }

    /// Whether the gap exists only because other gaps need the skill as a prerequisite
    /// (the target itself does not require it, or requires less than the profile has).
    pub fn is_implied(&self) -> bool {
        !self.required
    }

    /// The gaps whose skills need this one as a prerequisite, by skill id.
    pub fn implied_by(&self) -> &[&'c SkillId] {
        &self.implied_by
    }
}

impl Serialize for Gap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Gap", 7)?;
        s.serialize_field("skill", self.skill.id())?;
        s.serialize_field("name", self.skill.name())?;
        s.serialize_field("have", &self.have)?;
        s.serialize_field("need", &self.need)?;
        s.serialize_field("importance", &self.importance)?;
        s.serialize_field("priority", &self.priority)?;
        s.serialize_field("implied_by", &self.implied_by)?;
        s.end()
    }
}

/// The gaps toward a target, in priority order, with a learning order.
#[derive(Debug, Clone, PartialEq)]
pub struct Gaps<'c> {
    pub(crate) gaps: Vec<Gap<'c>>,
    pub(crate) learning_order: Vec<usize>,
}

impl<'c> Gaps<'c> {
    /// Gaps by priority, descending; ties by skill id.
    pub fn by_priority(&self) -> &[Gap<'c>] {
        &self.gaps
    }

    /// Gaps in learning order: a topological order of the skill graph (Kahn 1962): every
    /// gap comes after the gaps on its prerequisites that the profile does not already
    /// have at the level the prerequisite asks for; ties broken by priority, then skill id.
    pub fn in_learning_order(&self) -> impl Iterator<Item = &Gap<'c>> + '_ {
        self.learning_order.iter().map(move |&i| &self.gaps[i])
    }

    /// The number of gaps, implied ones included.
    pub fn len(&self) -> usize {
        self.gaps.len()
    }

    /// Whether there are no gaps.
    pub fn is_empty(&self) -> bool {
        self.gaps.is_empty()
    }

    /// The gap on a skill, if any.
    pub fn get(&self, skill: &str) -> Option<&Gap<'c>> {
        self.gaps.iter().find(|g| g.skill.id() == skill)
    }
}

/// One thing to reach: a skill (by index), a level, and how much it matters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Target {
    pub skill: u32,
    pub need: Level,
    pub importance: Importance,
    pub weight: f64,
}

/// Computes the gaps toward `targets` for a profile whose levels `have` gives.
///
/// Direct gaps are the targets not met; each gap's unmet prerequisites become implied
/// gaps, transitively, inheriting the largest weight of the gaps implying them.
pub(crate) fn gaps<'c>(
    catalog: &'c Catalog,
    have: impl Fn(u32) -> f64,
    targets: &[Target],
) -> Gaps<'c> {
    struct Node {
        skill: u32,
        have: f64,
        need: Level,
        importance: Importance,
        weight: f64,
        required: bool,
    }
    let mut nodes: Vec<Node> = Vec::with_capacity(targets.len() * 2);
    let mut index = SkillMap::with_capacity(targets.len() * 2);
    // (node, skill implying it), deduplicated at the end.
    let mut implied: Vec<(u32, u32)> = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    for t in targets {
        let h = have(t.skill);
        if h < t.need.as_f64() {
            index.insert(t.skill, nodes.len() as u32);
            nodes.push(Node {
                skill: t.skill,
                have: h,
                need: t.need,
                importance: t.importance,
                weight: t.weight,
                required: true,
            });
            stack.push(t.skill);
        }
    }
    while let Some(s) = stack.pop() {
        let (weight, importance) = {
            let n = &nodes[index.get(s).expect("pushed nodes exist") as usize];
            (n.weight, n.importance)
        };
        for edge in catalog.prereqs.edges(NodeIndex::new(s as usize)) {
            let p = edge.target().index() as u32;
            let level = *edge.weight();
            let hp = have(p);
            if hp >= level.as_f64() {
                continue;
            }
            match index.get(p) {
                Some(k) => {
                    let n = &mut nodes[k as usize];
                    n.need = n.need.max(level);
                    implied.push((k, s));
                    if !n.required && weight > n.weight {
                        n.weight = weight;
                        n.importance = n.importance.max(importance);
                        stack.push(p);
                    }
                }
                None => {
                    let k = nodes.len() as u32;
                    index.insert(p, k);
                    nodes.push(Node {
                        skill: p,
                        have: hp,
                        need: level,
                        importance,
                        weight,
                        required: false,
                    });
                    implied.push((k, s));
                    stack.push(p);
                }
            }
        }
    }

    let priority = |n: &Node| n.weight * (n.need.as_f64() - n.have) / n.need.as_f64();
    // Priorities are >= 0, so their bits order like the numbers.
    let mut keys: Vec<(u64, u32, u32)> = nodes
        .iter()
        .enumerate()
        .map(|(k, n)| (!priority(n).to_bits(), n.skill, k as u32))
        .collect();
    keys.sort_unstable();
    let order: Vec<u32> = keys.iter().map(|&(_, _, k)| k).collect();
    implied.sort_unstable();
    implied.dedup();
    let mut implied_at = 0;
    let mut implied_by: Vec<Vec<&'c SkillId>> = (0..nodes.len() as u32)
        .map(|k| {
            let start = implied_at;
            while implied_at < implied.len() && implied[implied_at].0 == k {
                implied_at += 1;
            }
            implied[start..implied_at]
                .iter()
                .map(|&(_, s)| catalog.skills[s as usize].id())
                .collect()
        })
        .collect();
    let list: Vec<Gap<'c>> = order
        .iter()
        .map(|&k| {
            let n = &nodes[k as usize];
            Gap {
                skill: &catalog.skills[n.skill as usize],
                index: n.skill,
                have: n.have,
                need: n.need,
                importance: n.importance,
                weight: n.weight,
                priority: priority(n),
                required: n.required,
                implied_by: std::mem::take(&mut implied_by[k as usize]),
            }
        })
        .collect();

    // Position in `list` of each node.
    let mut position = vec![0u32; nodes.len()];
    for (i, &k) in order.iter().enumerate() {
        position[k as usize] = i as u32;
    }
    // Predecessors in CSR form.
    let mut pred_start: Vec<u32> = Vec::with_capacity(list.len() + 1);
    let mut preds: Vec<u32> = Vec::with_capacity(list.len() * 2);
    pred_start.push(0);
    for g in &list {
        for e in catalog.prereqs.edges(NodeIndex::new(g.index as usize)) {
            let p = e.target().index() as u32;
            if have(p) < e.weight().as_f64() {
                if let Some(k) = index.get(p) {
                    preds.push(position[k as usize]);
                }
            }
        }
        pred_start.push(preds.len() as u32);
    }
    // The skill graph is acyclic (validated), so the order is always complete.
    let learning_order = graph::topo_order_by(&pred_start, &preds, |i| i)
        .unwrap_or_else(|_| (0..list.len()).collect());
    Gaps {
        gaps: list,
        learning_order,
    }
}

/// A small open-addressing map from skill index to node index: the gaps toward one
/// target are few, and this avoids a tree node or a SipHash per lookup.
struct SkillMap {
    /// `(skill + 1, node)`; a zero key is an empty slot.
    slots: Vec<(u32, u32)>,
    len: usize,
}

impl SkillMap {
    fn with_capacity(n: usize) -> Self {
        SkillMap {
            slots: vec![(0, 0); (n * 2).next_power_of_two().max(16)],
            len: 0,
        }
    }

    fn slot(&self, skill: u32) -> usize {
        let h = (u64::from(skill).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize;
        h & (self.slots.len() - 1)
    }

    fn get(&self, skill: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(skill);
        loop {
            match self.slots[i] {
                (0, _) => return None,
                (k, v) if k == skill + 1 => return Some(v),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Inserts a skill not in the map yet.
    fn insert(&mut self, skill: u32, node: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let grown = vec![(0, 0); self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, grown);
            self.len = 0;
            for (k, v) in old {
                if k != 0 {
                    self.insert(k - 1, v);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(skill);
        while self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (skill + 1, node);
        self.len += 1;
    }
}
