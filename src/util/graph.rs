//! Graph algorithms shared by validation and planning, over petgraph.
use petgraph::algo::kosaraju_scc;
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

/// The nodes of `g`, each after every node it has an edge to (its successors), by Kahn's
/// algorithm ([`kahn`](super::kahn)): the order in which a role comes after every role it
/// extends. Nodes on a cycle, or with an edge into one, are left out. O(V + E).
pub(crate) fn after_successors<E>(g: &DiGraph<(), E>) -> Vec<usize> {
    let mut missing: Vec<u32> = g
        .node_indices()
        .map(|n| g.edges(n).count() as u32)
        .collect();
    let mut order = Vec::with_capacity(missing.len());
    super::kahn::order(&mut missing, &mut Vec::new(), |i, release| {
        order.push(i as usize);
        for e in g.edges_directed(NodeIndex::new(i as usize), petgraph::Direction::Incoming) {
            release.one(e.source().index() as u32);
        }
    });
    order
}

/// One cycle per strongly connected component that has one, each as a path `[a, b, …, a]`
/// that starts and ends at the component's smallest node and is a shortest cycle through
/// it. Cycles are sorted by their first node.
///
/// Components by Kosaraju's algorithm (Sharir 1981), whose depth-first searches keep an
/// explicit stack: no recursion, so a chain or a ring of any length fits any thread's
/// stack. Time O(V + E) for the components, plus a breadth-first search inside each
/// component with a cycle: O(V + E) in all, since components are disjoint.
pub(crate) fn cycles<E>(g: &DiGraph<(), E>) -> Vec<Vec<usize>> {
    cycles_of(g, &kosaraju_scc(g))
}

/// [`cycles`] for the strongly connected components `sccs` of `g`, already found.
pub(crate) fn cycles_of<E>(g: &DiGraph<(), E>, sccs: &[Vec<NodeIndex>]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    // Per node: its component (to keep searches inside it) and its parent in a search.
    let mut component = vec![usize::MAX; g.node_count()];
    let mut parent = vec![usize::MAX; g.node_count()];
    for (c, scc) in sccs.iter().enumerate() {
        let self_loop = scc.len() == 1 && g.contains_edge(scc[0], scc[0]);
        if scc.len() < 2 && !self_loop {
            continue;
        }
        for n in scc {
            component[n.index()] = c;
        }
        let start = scc.iter().map(|n| n.index()).min().unwrap_or(0);
        out.push(cycle_through(g, start, &component, &mut parent));
    }
    out.sort();
    out
}

/// A shortest cycle through `start` inside its component (breadth-first search, lowest
/// node first). `parent` is scratch, all `usize::MAX` on entry and on return.
fn cycle_through<E>(
    g: &DiGraph<(), E>,
    start: usize,
    component: &[usize],
    parent: &mut [usize],
) -> Vec<usize> {
    let mut queue = std::collections::VecDeque::from([start]);
    let mut visited = vec![start];
    parent[start] = start;
    let mut path = vec![start, start];
    'search: while let Some(u) = queue.pop_front() {
        let mut next: Vec<usize> = g
            .edges(NodeIndex::new(u))
            .map(|e| e.target().index())
            .collect();
        next.sort_unstable();
        for v in next {
            if v == start {
                path = vec![start];
                let mut back = Vec::new();
                let mut cur = u;
                while cur != start {
                    back.push(cur);
                    cur = parent[cur];
                }
                path.extend(back.into_iter().rev());
                path.push(start);
                break 'search;
            }
            if component[v] == component[start] && parent[v] == usize::MAX {
                parent[v] = u;
                visited.push(v);
                queue.push_back(v);
            }
        }
    }
    for v in visited {
        parent[v] = usize::MAX;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cycle_paths() {
        let g = build(4, [(0, 1, ()), (1, 2, ()), (2, 0, ()), (3, 3, ())]);
        assert_eq!(cycles(&g), vec![vec![0, 1, 2, 0], vec![3, 3]]);
        // The shortest cycle through the smallest node, even with a longer one first.
        let g = build(
            4,
            [(0, 1, ()), (1, 2, ()), (2, 0, ()), (1, 0, ()), (2, 3, ())],
        );
        assert_eq!(cycles(&g), vec![vec![0, 1, 0]]);
        let dag = build(3, [(0, 1, ()), (1, 2, ())]);
        assert!(cycles(&dag).is_empty());
    }
}
