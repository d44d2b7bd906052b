//! Gaps: what a profile lacks for a target, in priority order and in learning order.

use std::collections::BTreeMap;

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
        have: f64,
        need: Level,
        importance: Importance,
        weight: f64,
        required: bool,
        implied_by: Vec<u32>,
    }
    let mut nodes: BTreeMap<u32, Node> = BTreeMap::new();
    let mut stack: Vec<u32> = Vec::new();
    for t in targets {
        let h = have(t.skill);
        if h < t.need.as_f64() {
            nodes.insert(
                t.skill,
                Node {
                    have: h,
                    need: t.need,
                    importance: t.importance,
                    weight: t.weight,
                    required: true,
                    implied_by: Vec::new(),
                },
            );
            stack.push(t.skill);
        }
    }
    while let Some(s) = stack.pop() {
        let (weight, importance) = {
            let n = &nodes[&s];
            (n.weight, n.importance)
        };
        for edge in catalog.prereqs.edges(NodeIndex::new(s as usize)) {
            let p = edge.target().index() as u32;
            let level = *edge.weight();
            let hp = have(p);
            if hp >= level.as_f64() {
                continue;
            }
            match nodes.get_mut(&p) {
                Some(n) => {
                    n.need = n.need.max(level);
                    if !n.implied_by.contains(&s) {
                        n.implied_by.push(s);
                    }
                    // A requirement keeps its own weight; an implied gap takes the
                    // largest weight among the gaps implying it.
                    if !n.required && weight > n.weight {
                        n.weight = weight;
                        n.importance = n.importance.max(importance);
                        stack.push(p);
                    }
                }
                None => {
                    nodes.insert(
                        p,
                        Node {
                            have: hp,
                            need: level,
                            importance,
                            weight,
                            required: false,
                            implied_by: vec![s],
                        },
                    );
                    stack.push(p);
                }
            }
        }
    }

    let mut list: Vec<Gap<'c>> = nodes
        .into_iter()
        .map(|(s, mut n)| {
            let need = n.need.as_f64();
            n.implied_by.sort_unstable();
            Gap {
                skill: &catalog.skills[s as usize],
                index: s,
                have: n.have,
                need: n.need,
                importance: n.importance,
                weight: n.weight,
                priority: n.weight * (need - n.have) / need,
                required: n.required,
                implied_by: n
                    .implied_by
                    .iter()
                    .map(|&i| catalog.skills[i as usize].id())
                    .collect(),
            }
        })
        .collect();
    list.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(a.index.cmp(&b.index))
    });

    let position: BTreeMap<u32, usize> =
        list.iter().enumerate().map(|(i, g)| (g.index, i)).collect();
    let preds: Vec<Vec<usize>> = list
        .iter()
        .map(|g| {
            catalog
                .prereqs
                .edges(NodeIndex::new(g.index as usize))
                .filter(|e| have(e.target().index() as u32) < e.weight().as_f64())
                .filter_map(|e| position.get(&(e.target().index() as u32)).copied())
                .collect()
        })
        .collect();
    // The skill graph is acyclic (validated), so the order is always complete.
    let learning_order =
        graph::topo_order_by(&preds, |i| i).unwrap_or_else(|_| (0..list.len()).collect());
    Gaps {
        gaps: list,
        learning_order,
    }
}
