//! Graph algorithms shared by validation and planning, over petgraph.
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

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

/// Nodes reachable from `start` (itself included), in ascending order; safe on cycles.
pub(crate) fn reachable<E>(g: &DiGraph<(), E>, start: usize) -> Vec<usize> {
    let mut dfs = petgraph::visit::Dfs::new(g, NodeIndex::new(start));
    let mut out = Vec::new();
    while let Some(n) = dfs.next(g) {
        out.push(n.index());
    }
    out.sort_unstable();
    out
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
}
