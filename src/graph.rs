//! Graph algorithms shared by validation, gap ordering and planning, over petgraph.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

/// An `f64` ordered by `total_cmp`, for heaps and sorted keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OrdF64(pub f64);

impl Eq for OrdF64 {}

impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Builds a graph with nodes `0..n` and the given edges (indices must be below `n`).
pub(crate) fn build<E>(
    n: usize,
    edges: impl IntoIterator<Item = (usize, usize, E)>,
) -> DiGraph<(), E> {
    let mut g = DiGraph::with_capacity(n, 0);
    for _ in 0..n {
        g.add_node(());
    }
    for (a, b, e) in edges {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), e);
    }
    g
}

/// One cycle per strongly connected component that has one (Tarjan 1972), each as a path
/// `[a, b, …, a]` that starts and ends at the component's smallest node. Cycles are sorted
/// by their first node.
pub(crate) fn cycles<E>(g: &DiGraph<(), E>) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for scc in tarjan_scc(g) {
        let self_loop = scc.len() == 1 && g.contains_edge(scc[0], scc[0]);
        if scc.len() < 2 && !self_loop {
            continue;
        }
        let mut members: Vec<usize> = scc.iter().map(|n| n.index()).collect();
        members.sort_unstable();
        let start = members[0];
        out.push(cycle_through(g, start, &members));
    }
    out.sort();
    out
}

/// A shortest cycle through `start` inside `members` (breadth-first search).
fn cycle_through<E>(g: &DiGraph<(), E>, start: usize, members: &[usize]) -> Vec<usize> {
    let inside = |n: usize| members.binary_search(&n).is_ok();
    let mut parent: Vec<Option<usize>> = vec![None; g.node_count()];
    let mut queue = std::collections::VecDeque::from([start]);
    let mut seen = vec![false; g.node_count()];
    seen[start] = true;
    while let Some(u) = queue.pop_front() {
        let mut next: Vec<usize> = g
            .edges(NodeIndex::new(u))
            .map(|e| e.target().index())
            .collect();
        next.sort_unstable();
        for v in next {
            if v == start {
                let mut path = vec![start];
                let mut cur = Some(u);
                let mut back = Vec::new();
                while let Some(c) = cur {
                    if c == start {
                        break;
                    }
                    back.push(c);
                    cur = parent[c];
                }
                back.reverse();
                path.extend(back);
                path.push(start);
                return path;
            }
            if inside(v) && !seen[v] {
                seen[v] = true;
                parent[v] = Some(u);
                queue.push_back(v);
            }
        }
    }
    vec![start, start]
}

/// Kahn's topological sort (Kahn 1962) of local nodes `0..n`, with the predecessors in
/// CSR form: `preds[pred_start[i]..pred_start[i + 1]]` lists the nodes that must come
/// before `i` (`pred_start` has `n + 1` entries). Among the nodes whose predecessors are
/// all placed, the one with the smallest `rank` goes first. Returns the order, or `Err`
/// with the nodes left unplaced when the predecessors form a cycle.
///
/// Runs in O((n + e) log n), with a constant number of allocations.
pub(crate) fn topo_order_by<K: Ord>(
    pred_start: &[u32],
    preds: &[u32],
    rank: impl Fn(usize) -> K,
) -> Result<Vec<usize>, Vec<usize>> {
    let n = pred_start.len() - 1;
    let mut missing: Vec<u32> = pred_start.windows(2).map(|w| w[1] - w[0]).collect();
    let mut succ_start = vec![0u32; n + 1];
    for &p in preds {
        succ_start[p as usize + 1] += 1;
    }
    for i in 0..n {
        succ_start[i + 1] += succ_start[i];
    }
    let mut fill = succ_start.clone();
    let mut succs = vec![0u32; preds.len()];
    for i in 0..n {
        for &p in &preds[pred_start[i] as usize..pred_start[i + 1] as usize] {
            succs[fill[p as usize] as usize] = i as u32;
            fill[p as usize] += 1;
        }
    }
    let mut heap: BinaryHeap<Reverse<(K, usize)>> = (0..n)
        .filter(|&i| missing[i] == 0)
        .map(|i| Reverse((rank(i), i)))
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse((_, i))) = heap.pop() {
        order.push(i);
        for &s in &succs[succ_start[i] as usize..succ_start[i + 1] as usize] {
            let s = s as usize;
            missing[s] -= 1;
            if missing[s] == 0 {
                heap.push(Reverse((rank(s), s)));
            }
        }
    }
    if order.len() == n {
        Ok(order)
    } else {
        Err((0..n).filter(|&i| missing[i] > 0).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cycle_paths() {
        let g = build(4, [(0, 1, ()), (1, 2, ()), (2, 0, ()), (3, 3, ())]);
        assert_eq!(cycles(&g), vec![vec![0, 1, 2, 0], vec![3, 3]]);
        let dag = build(3, [(0, 1, ()), (1, 2, ())]);
        assert!(cycles(&dag).is_empty());
    }

    #[test]
    fn topo_order_respects_preds_and_rank() {
        // 2 must follow 0; rank prefers higher index first.
        let (starts, preds) = ([0, 0, 0, 1], [0]);
        let order = topo_order_by(&starts, &preds, Reverse).unwrap();
        assert_eq!(order, vec![1, 0, 2]);
        // 0 needs 1 and 1 needs 0.
        let (starts, preds) = ([0, 1, 2, 2], [1, 0]);
        assert_eq!(topo_order_by(&starts, &preds, |i| i), Err(vec![0, 1]));
    }
}
