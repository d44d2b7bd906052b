//! Gaps: what a profile lacks for a target, in priority order and in learning order.

use std::cell::Cell;

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
    pub(crate) implied_by: ImpliedBy<'c>,
}

/// The skills implying a gap: most gaps have none, one or two, so these are stored
/// inline; only longer lists allocate.
#[derive(Clone)]
pub(crate) enum ImpliedBy<'c> {
    None,
    One(&'c SkillId),
    Two([&'c SkillId; 2]),
    Many(Box<[&'c SkillId]>),
}

impl<'c> ImpliedBy<'c> {
    /// The ids of `items`, through `id`.
    fn collect(items: &[u32], id: impl Fn(u32) -> &'c SkillId) -> Self {
        match *items {
            [] => ImpliedBy::None,
            [a] => ImpliedBy::One(id(a)),
            [a, b] => ImpliedBy::Two([id(a), id(b)]),
            _ => ImpliedBy::Many(items.iter().map(|&i| id(i)).collect()),
        }
    }

    pub(crate) fn as_slice(&self) -> &[&'c SkillId] {
        match self {
            ImpliedBy::None => &[],
            ImpliedBy::One(id) => std::slice::from_ref(id),
            ImpliedBy::Two(ids) => ids,
            ImpliedBy::Many(ids) => ids,
        }
    }
}

impl PartialEq for ImpliedBy<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl std::fmt::Debug for ImpliedBy<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_slice().fmt(f)
    }
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
        self.implied_by.as_slice()
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
        s.serialize_field("implied_by", self.implied_by.as_slice())?;
        s.end()
    }
}

/// The gaps toward a target, in priority order, with a learning order.
#[derive(Debug, Clone, PartialEq)]
pub struct Gaps<'c> {
    pub(crate) gaps: Vec<Gap<'c>>,
    /// Positions in `gaps`.
    pub(crate) learning_order: Vec<u32>,
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
        self.learning_order
            .iter()
            .map(move |&i| &self.gaps[i as usize])
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
    gaps_of_targets(catalog, have, targets.iter().copied())
}

/// [`gaps`] for targets from an iterator.
pub(crate) fn gaps_of_targets<'c>(
    catalog: &'c Catalog,
    have: impl Fn(u32) -> f64,
    targets: impl ExactSizeIterator<Item = Target> + Clone,
) -> Gaps<'c> {
    if catalog.skills.len() > DENSE_LIMIT {
        return gaps_by_map(catalog, &have, targets);
    }
    // The thread's buffers are taken out for the call (a nested call finds them empty
    // and allocates its own) and put back after.
    let mut scratch = SCRATCH.try_with(Cell::take).unwrap_or_default();
    let gaps = compute(catalog, &have, targets.clone(), &mut scratch);
    scratch.trim();
    let _ = SCRATCH.try_with(|cell| cell.set(scratch));
    gaps.unwrap_or_else(|| gaps_by_map(catalog, &have, targets))
}

/// Catalogs up to this many skills get per-skill arrays (4 bytes and 1 bit per skill and
/// thread); larger ones a hash map.
const DENSE_LIMIT: usize = 1 << 20;

/// No node, no link.
const NONE: u32 = u32::MAX;

/// A gap while it is being found.
#[derive(Debug, Clone)]
struct Node {
    have: f64,
    weight: f64,
    skill: u32,
    /// The first link of the list of nodes needing this one (`NONE` for none).
    implied_by: u32,
    /// Prerequisite nodes not yet in the learning order.
    missing: u32,
    /// Position in the priority order.
    position: u32,
    /// The priority's `!bits`.
    key: u64,
    need: Level,
    importance: Importance,
    required: bool,
    /// Whether its prerequisites were visited already.
    visited: bool,
}

impl Node {
    fn priority(&self) -> f64 {
        self.weight * (self.need.as_f64() - self.have) / self.need.as_f64()
    }
}

/// Buffers reused from one gap computation to the next on a thread. Between two
/// computations `slot` is all `NONE` and the bit sets all zero.
#[derive(Debug, Default)]
struct Scratch {
    /// Per catalog skill, its node.
    slot: Vec<u32>,
    nodes: Vec<Node>,
    /// `(node needing, next link)`: per node, the list of the nodes that need it.
    links: Vec<(u32, u32)>,
    stack: Vec<u32>,
    /// Nodes in priority order, and their priorities (`!bits`).
    order: Vec<u32>,
    keys: Vec<u64>,
    /// One bit per catalog skill, and one per word of those: all zero between uses.
    skill_bits: Vec<u64>,
    summary: Vec<u64>,
    ranks: Vec<u8>,
    /// Per position: first link, prerequisites not placed, skill.
    at: Vec<(u32, u32, u32)>,
    ready: Vec<u64>,
    list: Vec<u32>,
}

impl Scratch {
    /// Drops buffers grown large by an unusually big computation.
    fn trim(&mut self) {
        const KEEP: usize = 1 << 14;
        if self.nodes.capacity() > KEEP || self.links.capacity() > 4 * KEEP {
            *self = Scratch {
                slot: std::mem::take(&mut self.slot),
                skill_bits: std::mem::take(&mut self.skill_bits),
                summary: std::mem::take(&mut self.summary),
                ..Scratch::default()
            };
        }
    }
}

thread_local! {
    static SCRATCH: Cell<Scratch> = const { Cell::new(Scratch {
        slot: Vec::new(),
        nodes: Vec::new(),
        links: Vec::new(),
        stack: Vec::new(),
        order: Vec::new(),
        keys: Vec::new(),
        skill_bits: Vec::new(),
        summary: Vec::new(),
        ranks: Vec::new(),
        at: Vec::new(),
        ready: Vec::new(),
        list: Vec::new(),
    }) };
}

/// Up to this many distinct priorities, the priority order is a counting sort of the
/// nodes taken in skill order; beyond, a comparison sort.
const FEW_PRIORITIES: usize = 16;

/// The gaps, with per-skill arrays; `None` when a skill is targeted twice (the map-based
/// computation handles that).
fn compute<'c>(
    catalog: &'c Catalog,
    have: &impl Fn(u32) -> f64,
    targets: impl Iterator<Item = Target>,
    scratch: &mut Scratch,
) -> Option<Gaps<'c>> {
    let Scratch {
        slot,
        nodes,
        links,
        stack,
        order,
        keys,
        skill_bits,
        summary,
        ranks,
        at,
        ready,
        list,
    } = scratch;
    let skill_count = catalog.skills.len();
    if slot.len() < skill_count {
        slot.resize(skill_count, NONE);
        skill_bits.resize(skill_count.div_ceil(64), 0);
        summary.resize(skill_count.div_ceil(64 * 64), 0);
    }
    nodes.clear();
    links.clear();
    stack.clear();
    let mut repeated = false;
    for t in targets {
        let h = have(t.skill);
        if h < t.need.as_f64() {
            let at = &mut slot[t.skill as usize];
            if *at != NONE {
                repeated = true;
                break;
            }
            *at = nodes.len() as u32;
            stack.push(nodes.len() as u32);
            nodes.push(Node {
                have: h,
                weight: t.weight,
                skill: t.skill,
                implied_by: NONE,
                missing: 0,
                position: 0,
                key: 0,
                need: t.need,
                importance: t.importance,
                required: true,
                visited: false,
            });
        }
    }
    if repeated {
        for n in nodes.iter() {
            slot[n.skill as usize] = NONE;
        }
        return None;
    }
    // Depth first from the targets, as a stack: a node whose weight rises is visited
    // again to pass the weight on. The links (which node needs which) are recorded on
    // the first visit; later visits find the same unmet prerequisites.
    while let Some(ks) = stack.pop() {
        let (skill, weight, importance, first) = {
            let n = &mut nodes[ks as usize];
            let first = !n.visited;
            n.visited = true;
            (n.skill, n.weight, n.importance, first)
        };
        for &(p, level) in catalog.prereqs_of(skill) {
            let hp = have(p);
            if hp >= level.as_f64() {
                continue;
            }
            let k = slot[p as usize];
            if k == NONE {
                let k = nodes.len() as u32;
                slot[p as usize] = k;
                nodes.push(Node {
                    have: hp,
                    weight,
                    skill: p,
                    implied_by: links.len() as u32,
                    missing: 0,
                    position: 0,
                    key: 0,
                    need: level,
                    importance,
                    required: false,
                    visited: false,
                });
                links.push((ks, NONE));
                nodes[ks as usize].missing += 1;
                stack.push(k);
            } else {
                let n = &mut nodes[k as usize];
                n.need = n.need.max(level);
                // A skill listing a prerequisite twice links once.
                let linked = n.implied_by != NONE && links[n.implied_by as usize].0 == ks;
                let raise = !n.required && weight > n.weight;
                if raise {
                    n.weight = weight;
                    n.importance = n.importance.max(importance);
                }
                if first && !linked {
                    links.push((ks, n.implied_by));
                    n.implied_by = links.len() as u32 - 1;
                    nodes[ks as usize].missing += 1;
                }
                if raise {
                    stack.push(k);
                }
            }
        }
    }
    priority_order(
        nodes,
        slot,
        &mut OrderScratch {
            skill_bits,
            summary,
            order,
            keys,
            ranks,
        },
    );
    for n in nodes.iter() {
        slot[n.skill as usize] = NONE;
    }
    let n = nodes.len();
    // Per position: the first link of the list of gaps needing it, how many of its
    // prerequisites are not placed yet, and its skill. Links now name positions.
    at.clear();
    for (i, &k) in order.iter().enumerate() {
        let g = &mut nodes[k as usize];
        g.position = i as u32;
        at.push((g.implied_by, g.missing, g.skill));
    }
    for link in links.iter_mut() {
        link.0 = nodes[link.0 as usize].position;
    }

    // Kahn's topological sort (Kahn 1962) over positions: among the gaps whose
    // prerequisites are all placed, the first by priority goes first. A bit set of the
    // ready positions finds it in O(n / 64) words at worst, usually one.
    ready.clear();
    ready.resize(n.div_ceil(64), 0);
    for (i, &(_, missing, _)) in at.iter().enumerate() {
        ready[i / 64] |= u64::from(missing == 0) << (i % 64);
    }
    let mut learning_order = Vec::with_capacity(n);
    // Every word before `low` is zero.
    let mut low = 0;
    while low < ready.len() {
        let word = ready[low];
        if word == 0 {
            low += 1;
            continue;
        }
        ready[low] = word & (word - 1);
        let i = low * 64 + word.trailing_zeros() as usize;
        learning_order.push(i as u32);
        let mut link = at[i].0;
        while link != NONE {
            let (j, next) = links[link as usize];
            let missing = &mut at[j as usize].1;
            *missing -= 1;
            if *missing == 0 {
                let j = j as usize;
                ready[j / 64] |= 1 << (j % 64);
                low = low.min(j / 64);
            }
            link = next;
        }
    }
    if learning_order.len() != n {
        // The skill graph is acyclic (validated), so this does not happen.
        learning_order = (0..n as u32).collect();
    }

    let mut gaps = Vec::with_capacity(n);
    for ((&k, &key), &(head, _, _)) in order.iter().zip(keys.iter()).zip(at.iter()) {
        let g = &nodes[k as usize];
        list.clear();
        let mut link = head;
        while link != NONE {
            let (j, next) = links[link as usize];
            list.push(at[j as usize].2);
            link = next;
        }
        if list.len() > 1 {
            list.sort_unstable();
        }
        gaps.push(Gap {
            skill: &catalog.skills[g.skill as usize],
            index: g.skill,
            have: g.have,
            need: g.need,
            importance: g.importance,
            weight: g.weight,
            priority: f64::from_bits(!key),
            required: g.required,
            implied_by: ImpliedBy::collect(list, |s| catalog.skills[s as usize].id()),
        });
    }
    Some(Gaps {
        gaps,
        learning_order,
    })
}

/// Fills `order` with the nodes by priority, descending, ties by skill, and `keys` with
/// their priorities' `!bits` (priorities are >= 0, so `!bits` orders like descending
/// numbers).
///
/// With few distinct priorities, the nodes are taken in skill order from a two-level bit
/// set over the catalog's skills, and put in place by a stable counting sort on their
/// priority's rank. Otherwise, a comparison sort.
fn priority_order(nodes: &mut [Node], slot: &[u32], scratch: &mut OrderScratch<'_>) {
    let OrderScratch {
        skill_bits,
        summary,
        order,
        keys,
        ranks,
    } = scratch;
    let n = nodes.len();
    order.clear();
    keys.clear();
    ranks.clear();
    // Distinct priorities and, per node, its priority's index among them, through a
    // small open-addressing table (most nodes share a handful of priorities).
    let mut distinct = [0u64; FEW_PRIORITIES];
    let mut d = 0;
    let mut few = true;
    let mut table = [(0u64, 0u8); 2 * FEW_PRIORITIES];
    let mask = table.len() - 1;
    for g in nodes.iter_mut() {
        let p = !g.priority().to_bits();
        g.key = p;
        if p == 0 {
            // A NaN: not a priority this table can hold.
            few = false;
            break;
        }
        let mut at = (p.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 59) as usize & mask;
        loop {
            let (q, r) = table[at];
            if q == p {
                ranks.push(r);
                break;
            }
            if q == 0 {
                if d == FEW_PRIORITIES {
                    few = false;
                    break;
                }
                table[at] = (p, d as u8);
                distinct[d] = p;
                ranks.push(d as u8);
                d += 1;
                break;
            }
            at = (at + 1) & mask;
        }
        if !few {
            break;
        }
    }
    if !few {
        let mut sorted: Vec<u128> = nodes
            .iter()
            .enumerate()
            .map(|(k, g)| {
                u128::from(!g.priority().to_bits()) << 64 | u128::from(g.skill) << 32 | k as u128
            })
            .collect();
        sorted.sort_unstable();
        order.extend(sorted.iter().map(|&key| key as u32));
        keys.clear();
        keys.extend(sorted.iter().map(|&key| (key >> 64) as u64));
        return;
    }
    // Where each priority's nodes start, by descending priority (ascending `!bits`).
    let mut by_value = [(0u64, 0usize); FEW_PRIORITIES];
    for (r, &p) in distinct[..d].iter().enumerate() {
        by_value[r] = (p, r);
    }
    by_value[..d].sort_unstable();
    let mut count = [0u32; FEW_PRIORITIES];
    for &r in ranks.iter() {
        count[r as usize] += 1;
    }
    let mut next = [0u32; FEW_PRIORITIES];
    let mut at = 0;
    for &(_, r) in &by_value[..d] {
        next[r] = at;
        at += count[r];
    }
    // The nodes in skill order, each put after the earlier ones of its priority.
    for g in nodes.iter() {
        let w = g.skill as usize / 64;
        skill_bits[w] |= 1 << (g.skill % 64);
        summary[w / 64] |= 1 << (w % 64);
    }
    order.resize(n, 0);
    for sw in 0..summary.len() {
        let mut words = summary[sw];
        summary[sw] = 0;
        while words != 0 {
            let w = sw * 64 + words.trailing_zeros() as usize;
            words &= words - 1;
            let mut word = skill_bits[w];
            skill_bits[w] = 0;
            while word != 0 {
                let k = slot[w * 64 + word.trailing_zeros() as usize];
                word &= word - 1;
                let place = &mut next[ranks[k as usize] as usize];
                order[*place as usize] = k;
                *place += 1;
            }
        }
    }
    keys.clear();
    keys.extend(order.iter().map(|&k| nodes[k as usize].key));
}

/// The buffers [`priority_order`] works in.
struct OrderScratch<'a> {
    /// One bit per catalog skill, and one per word of those: all zero between uses.
    skill_bits: &'a mut [u64],
    summary: &'a mut [u64],
    order: &'a mut Vec<u32>,
    keys: &'a mut Vec<u64>,
    ranks: &'a mut Vec<u8>,
}

/// The gaps with a hash map from skill to node, for catalogs too large for per-skill
/// arrays and for targets naming a skill twice. A skill targeted twice gets two nodes,
/// and the later finds whichever of them the map does.
fn gaps_by_map<'c>(
    catalog: &'c Catalog,
    have: &impl Fn(u32) -> f64,
    targets: impl ExactSizeIterator<Item = Target>,
) -> Gaps<'c> {
    struct MapNode {
        skill: u32,
        have: f64,
        need: Level,
        importance: Importance,
        weight: f64,
        required: bool,
    }
    let mut nodes: Vec<MapNode> = Vec::with_capacity(targets.len() * 2);
    let mut index = SkillMap::with_capacity(targets.len() * 2);
    // (node, skill implying it), deduplicated at the end.
    let mut implied: Vec<(u32, u32)> = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    for t in targets {
        let h = have(t.skill);
        if h < t.need.as_f64() {
            index.insert(t.skill, nodes.len() as u32);
            nodes.push(MapNode {
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
        let Some(ks) = index.get(s) else {
            continue;
        };
        let (weight, importance) = {
            let n = &nodes[ks as usize];
            (n.weight, n.importance)
        };
        for &(p, level) in catalog.prereqs_of(s) {
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
                    nodes.push(MapNode {
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

    let priority = |n: &MapNode| n.weight * (n.need.as_f64() - n.have) / n.need.as_f64();
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
    let mut implied_start = vec![0usize; nodes.len() + 1];
    for &(k, _) in &implied {
        implied_start[k as usize + 1] += 1;
    }
    for k in 0..nodes.len() {
        implied_start[k + 1] += implied_start[k];
    }
    let implying: Vec<u32> = implied.iter().map(|&(_, s)| s).collect();
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
                implied_by: ImpliedBy::collect(
                    &implying[implied_start[k as usize]..implied_start[k as usize + 1]],
                    |s| catalog.skills[s as usize].id(),
                ),
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
        for &(p, level) in catalog.prereqs_of(g.index) {
            if have(p) < level.as_f64() {
                if let Some(k) = index.get(p) {
                    preds.push(position[k as usize]);
                }
            }
        }
        pred_start.push(preds.len() as u32);
    }
    // The skill graph is acyclic (validated), so the order is always complete.
    let learning_order = graph::topo_order_by(&pred_start, &preds, |i| i).map_or_else(
        |_| (0..list.len() as u32).collect(),
        |order| order.into_iter().map(|i| i as u32).collect(),
    );
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

    /// Inserts an entry for `skill` (after any it has: [`SkillMap::get`] finds the first
    /// in probe order).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Level, Profile};

    /// The per-skill-array computation and the map-based one agree on every role.
    #[test]
    fn dense_and_map_computations_agree() {
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
                let targets = reqs.iter().map(|q| Target {
                    skill: q.skill,
                    need: q.need,
                    importance: q.importance,
                    weight: q.weight.unwrap_or(1.0) * (1.0 + q.skill as f64 % 3.0),
                });
                let have = |s: u32| a.have_of(s);
                let dense = compute(catalog, &have, targets.clone(), &mut Scratch::default())
                    .expect("no skill targeted twice");
                let by_map = gaps_by_map(catalog, &have, targets);
                assert_eq!(dense, by_map, "role #{r}");
            }
        }
    }

    /// A skill targeted twice goes to the map-based computation, with both gaps.
    #[test]
    fn repeated_targets_keep_both_gaps() {
        let catalog = crate::Catalog::builtin();
        let a = catalog.assess(&Profile::new()).expect("valid");
        let s = catalog
            .skill_index("deep-learning")
            .expect("built-in skill");
        let t = |need| Target {
            skill: s,
            need,
            importance: Importance::Essential,
            weight: 1.0,
        };
        let gaps = gaps(
            catalog,
            |x| a.have_of(x),
            &[t(Level::BEGINNER), t(Level::ADVANCED)],
        );
        let on_skill = gaps.by_priority().iter().filter(|g| g.index == s).count();
        assert_eq!(on_skill, 2);
        assert_eq!(gaps.in_learning_order().count(), gaps.len());
    }
}
