//! Computing gaps over a prerequisite closure, in three passes over short arrays, and
//! their learning order on first use:
//!
//! 1. **Targets**: each skill of the closure gets the profile's level, and its target's
//!    level, weight and importance when the target is unmet.
//! 2. **Implication**: the links, grouped by prerequisite with every dependent before its
//!    prerequisites, make a prerequisite a gap when a gap needs more of it than the
//!    profile has; it needs the highest level asked and inherits the largest weight and
//!    the highest importance of the gaps implying it (unless its own target is unmet).
//! 3. **Priority order**: with few distinct priorities (most gaps share a handful), a
//!    stable counting sort of the gaps taken by skill; otherwise a comparison sort.
//! 4. **Learning order**, when first asked for ([`learning_order`]): Kahn's algorithm over
//!    the positions in priority order, so the first ready gap by priority goes first
//!    ([`kahn`]).

use std::sync::OnceLock;

use super::{priority, Gaps, Record, Target};
use crate::catalog::closure::Closure;
use crate::catalog::{Catalog, SkillAt};
use crate::model::{Importance, Level};
use crate::util::kahn;

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
    fn new(have: f64) -> Node {
        Node {
            have,
            weight: 0.0,
            end: 0,
            count: 0,
            position: 0,
            need: Level::NONE,
            importance: Importance::Optional,
            required: false,
            rank: 0,
        }
    }

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

/// Working memory of gap computations, reused from one to the next: an
/// [`Assessment`](crate::Assessment) keeps one, so that walking the gaps of many roles
/// allocates only each result's two arrays (two allocations and frees fewer per
/// computation; five when the learning order was computed with the gaps). Reuse made the
/// headline bench (score every role, order the gaps of the best ten) about 3% faster:
/// 24.2 µs to 23.6 µs on the development machine, best of eight runs each, when it kept
/// five arrays.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    nodes: Vec<Node>,
    implied: Vec<u32>,
}

impl Scratch {
    /// Buffers grown past this many closure nodes are dropped after use, so that one
    /// unusually large computation does not keep its memory.
    const KEEP: usize = 1 << 14;

    fn trim(&mut self) {
        if self.nodes.capacity() > Scratch::KEEP || self.implied.capacity() > 4 * Scratch::KEEP {
            *self = Scratch::default();
        }
    }
}

/// The gaps over a closure; see the module docs.
pub(super) fn compute<'c>(
    catalog: &'c Catalog,
    closure: Closure<'_>,
    target: &impl Fn(u32) -> Option<Target>,
    have: &impl Fn(SkillAt) -> f64,
    scratch: &mut Scratch,
) -> Gaps<'c> {
    let Scratch { nodes, implied } = scratch;
    nodes.clear();
    nodes.extend(closure.skills.iter().map(|&s| Node::new(have(s))));
    set_targets(nodes, closure, target);
    imply(nodes, closure, implied);
    let count = order_by_priority(nodes);
    let (records, implied) = place_records(nodes, closure, implied, count);
    scratch.trim();
    Gaps {
        catalog,
        records,
        implied,
        order: OnceLock::new(),
    }
}

/// Pass 4: Kahn's order of the gaps (positions in `records`), each after the gaps on its
/// prerequisites; `implied` as [`Gaps`] keeps it. The gaps in priority order when none
/// implies another, or (never: the skill graph is acyclic, validated) when they wait on
/// each other.
pub(super) fn learning_order(records: &[Record], implied: &[u32]) -> Vec<u32> {
    let count = records.len();
    let mut order = Vec::with_capacity(count);
    if !implied.is_empty() {
        // A gap waits for every gap it implies (a prerequisite): `implied` lists, per
        // gap, the gaps implying it.
        let mut missing = vec![0u32; count];
        for &dependent in implied {
            missing[dependent as usize] += 1;
        }
        kahn::order(&mut missing, &mut Vec::new(), |i, release| {
            order.push(i);
            let (start, end) = records[i as usize].implied;
            for &j in &implied[start as usize..end as usize] {
                release.one(j);
            }
        });
    }
    if order.len() != count {
        order.clear();
        order.extend(0..count as u32);
    }
    order
}

/// Pass 1: the targets not met.
fn set_targets(nodes: &mut [Node], closure: Closure<'_>, target: &impl Fn(u32) -> Option<Target>) {
    for (k, &at) in closure.targets.iter().enumerate() {
        let n = &mut nodes[at as usize];
        if let Some(t) = target(k as u32).filter(|t| n.have < t.need.as_f64()) {
            n.weight = t.weight;
            n.need = t.need;
            n.importance = t.importance;
            n.required = true;
        }
    }
}

/// Pass 2: implied gaps. Sets `implied` to the dependents implying each node (closure
/// positions), node after node (`Node::end` and `Node::count` say where each node's are).
///
/// The links are grouped by prerequisite, and a dependent comes before its
/// prerequisites: when a link is reached, every link into its dependent has been, so
/// whether the dependent is a gap, and its weight and importance, are settled. The loop
/// is written without data-dependent branches, which gap inputs make unpredictable.
fn imply(nodes: &mut [Node], closure: Closure<'_>, implied: &mut Vec<u32>) {
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
    }
    implied.truncate(len);
}

/// Pass 3: each gap's position in priority order (descending; ties by skill). Returns
/// the number of gaps.
fn order_by_priority(nodes: &mut [Node]) -> usize {
    let mut ranks = Ranks::new();
    let mut count = 0usize;
    for n in nodes.iter_mut() {
        if n.is_gap() {
            n.rank = ranks.rank(n.key());
            count += 1;
        }
    }
    if ranks.many {
        // Nodes are by skill: ties by position are ties by skill.
        let mut sorted: Vec<(u64, u32)> = nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.is_gap())
            .map(|(k, n)| (n.key(), k as u32))
            .collect();
        sorted.sort_unstable();
        for (i, &(_, k)) in sorted.iter().enumerate() {
            nodes[k as usize].position = i as u32;
        }
    } else {
        // A stable counting sort of the gaps, taken in skill order.
        let mut next = ranks.starts();
        for g in nodes.iter_mut() {
            if g.is_gap() {
                let place = &mut next[g.rank as usize];
                g.position = *place;
                *place += 1;
            }
        }
    }
    count
}

/// The gaps as stored, each at its position, and the positions of the gaps implying
/// each (`implied`: closure positions of the dependents, node after node).
fn place_records(
    nodes: &[Node],
    closure: Closure<'_>,
    implied: &[u32],
    count: usize,
) -> (Vec<Record>, Vec<u32>) {
    let mut records = vec![Record::EMPTY; count];
    let by_position = implied
        .iter()
        .map(|&d| nodes[d as usize].position)
        .collect();
    for (k, g) in nodes.iter().enumerate() {
        if !g.is_gap() {
            continue;
        }
        records[g.position as usize] = Record {
            have: g.have,
            weight: g.weight,
            skill: closure.skills[k],
            implied: (g.end - g.count, g.end),
            need: g.need,
            importance: g.importance,
            required: g.required,
        };
    }
    (records, by_position)
}

/// Up to this many distinct priorities, the priority order is a counting sort of the
/// gaps taken in skill order; beyond, a comparison sort. Most gaps share a handful of
/// priorities (three importance weights, five levels): sorting the gaps instead made the
/// headline bench (score every role, order the gaps of the best ten) 30% slower, 23.5 µs
/// to 30.7 µs on the development machine (best of eight runs each).
pub(super) const FEW_PRIORITIES: usize = 16;

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
    ///
    /// Every key met so far is compared, without an early exit: which of a handful of
    /// priorities a gap has is unpredictable, and a search that stops at the match
    /// mispredicts its exit on most gaps, while the number of keys changes only a few
    /// times a computation. This took "score every role, top 10, gaps of the 10" over
    /// distinct profiles from 72.4 µs to 69.4 µs a profile (`cargo bench --bench batch
    /// --features parallel -- one_profile`, medians of eight alternating runs each,
    /// paired ratio 0.93); the headline assessment bench, which repeats one profile, is
    /// predicted either way.
    fn rank(&mut self, key: u64) -> u8 {
        if key == 0 {
            // A NaN's (`!bits` of 0): ordered by the comparison sort.
            self.many = true;
            return 0;
        }
        // One bit per matching slot: arithmetic, which the compiler keeps free of branches.
        let mut matches = 0u32;
        for (r, &q) in self.distinct[..self.len].iter().enumerate() {
            matches |= u32::from(q == key) << r;
        }
        let mut found = matches.trailing_zeros() as usize;
        if matches == 0 {
            if self.len == FEW_PRIORITIES {
                self.many = true;
                return 0;
            }
            found = self.len;
            self.distinct[found] = key;
            self.len += 1;
        }
        self.counts[found] += 1;
        found as u8
    }

    /// Where each rank's gaps start in priority order (descending priorities, so
    /// ascending keys).
    fn starts(&self) -> [u32; FEW_PRIORITIES] {
        let mut by_key: Vec<(u64, usize)> = self.distinct[..self.len]
            .iter()
            .enumerate()
            .map(|(r, &key)| (key, r))
            .collect();
        by_key.sort_unstable();
        let mut next = [0u32; FEW_PRIORITIES];
        let mut at = 0;
        for (_, r) in by_key {
            next[r] = at;
            at += self.counts[r];
        }
        next
    }
}
