//! Why goals cannot be met: no course teaches them that high, the courses that do need a
//! skill level nothing reachable teaches, or those courses need each other in a cycle.
//!
//! Every blocked goal is explained at once, over one graph of the blocked courses and the
//! needs they wait for: its strongly connected components, and per component the missing
//! needs and the cycle it reaches, found in one pass over the components in reverse
//! topological order. A cycle is found once however many goals it blocks; an explanation
//! lists at most [`LISTED`] courses and missing needs. Time O((courses + needs + links) ·
//! [`LISTED`]), whatever the structure: a ring of 100,000 courses is explained in one pass.

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::catalog::{Catalog, CourseAt, Need};
use crate::model::Level;
use crate::util::graph;
use crate::util::hash::IndexMap as HashMap;

/// The most providing courses and missing skill levels one explanation lists.
pub(crate) const LISTED: usize = 10;

/// Why a goal cannot be met from the candidate courses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Blocked {
    /// No course teaches the skill that high; the best level taught.
    NoCourse(Level),
    /// The providing courses (the first [`LISTED`]) need skill levels that no reachable
    /// course teaches (the first [`LISTED`], by skill and level).
    Missing {
        courses: Vec<CourseAt>,
        missing: Vec<Need>,
    },
    /// The providing courses can only be taken after each other: the cycle of courses at
    /// this position in [`Explained::cycles`].
    Cycle(usize),
}

/// The explanations of the blocked goals.
#[derive(Debug, Clone, Default)]
pub(crate) struct Explained {
    /// Per blocked goal, the reason.
    pub blocked: Vec<(Need, Blocked)>,
    /// The course cycles the reasons refer to, each `[a, b, …, a]`.
    pub cycles: Vec<Vec<CourseAt>>,
}

/// The candidate courses and needs of an instance being built, as the explanation reads
/// them: per course the needs it requires, per need the courses providing it.
pub(crate) struct Waits<'a> {
    pub courses: &'a [CourseAt],
    pub needs: &'a [Need],
    pub requires: &'a [Vec<usize>],
    pub providers: &'a [Vec<usize>],
    pub takeable: &'a [bool],
    pub met: &'a [bool],
}

impl Waits<'_> {
    /// The reasons of the `goals` (need numbers, each unmet).
    pub fn explain(&self, catalog: &Catalog, goals: &[usize]) -> Explained {
        if goals.is_empty() {
            return Explained::default();
        }
        let waits = self.graph(goals);
        let g = &waits.graph;
        let sccs = kosaraju_scc(g);
        let mut component = vec![0usize; g.node_count()];
        for (c, scc) in sccs.iter().enumerate() {
            for n in scc {
                component[n.index()] = c;
            }
        }
        // One cycle per cyclic component, from its smallest node (a course: courses are
        // numbered first), courses only.
        let mut cycle_of = vec![None; sccs.len()];
        let mut cycles = Vec::new();
        for path in graph::cycles_of(g, &sccs) {
            cycle_of[component[path[0]]] = Some(cycles.len());
            cycles.push(
                path.iter()
                    .filter_map(|&n| match waits.nodes[n] {
                        Node::Course(i) => Some(self.courses[i]),
                        Node::Need(_) => None,
                    })
                    .collect(),
            );
        }
        let reach = self.reach(&waits, &sccs, &component, &cycle_of);
        let at = |node: Node| component[waits.index[&node]];
        let blocked = goals
            .iter()
            .map(|&goal| (self.needs[goal], self.reason(catalog, goal, at, &reach)))
            .collect();
        Explained { blocked, cycles }
    }

    /// The graph of waits the `goals` lead to: an edge from each blocked course to each
    /// need it waits for, and from each unmet need to each course providing it (blocked
    /// too: a takeable provider would have met it). Found by a search from the goals, so
    /// its size is that of the blocked part, not of the instance.
    fn graph(&self, goals: &[usize]) -> WaitGraph {
        let mut w = WaitGraph::default();
        let mut stack: Vec<Node> = goals.iter().map(|&g| Node::Need(g)).collect();
        let mut edges: Vec<(Node, Node)> = Vec::new();
        while let Some(node) = stack.pop() {
            if w.index.contains_key(&node) {
                continue;
            }
            w.index.insert(node, w.nodes.len());
            w.nodes.push(node);
            let next: Vec<Node> = match node {
                Node::Course(i) => self.requires[i]
                    .iter()
                    .filter(|&&n| !self.met[n])
                    .map(|&n| Node::Need(n))
                    .collect(),
                Node::Need(n) => self.providers[n]
                    .iter()
                    .filter(|&&j| !self.takeable[j])
                    .map(|&j| Node::Course(j))
                    .collect(),
            };
            for to in next {
                edges.push((node, to));
                stack.push(to);
            }
        }
        // Courses first, each kind in order, so that a cycle's smallest node is a course
        // and numbering does not depend on the search.
        let mut order: Vec<Node> = w.nodes.clone();
        order.sort_unstable();
        w.nodes = order;
        for (i, n) in w.nodes.iter().enumerate() {
            w.index.insert(*n, i);
        }
        let index = &w.index;
        w.graph = graph::build(
            w.nodes.len(),
            edges.iter().map(|(a, b)| (index[a], index[b], ())),
        );
        w
    }

    /// Per component: the first [`LISTED`] needs without a provider it reaches, and the
    /// first cycle it reaches. Kosaraju's algorithm gives the components in reverse
    /// topological order, so each one's successors are done before it.
    fn reach(
        &self,
        waits: &WaitGraph,
        sccs: &[Vec<NodeIndex>],
        component: &[usize],
        cycle_of: &[Option<usize>],
    ) -> Vec<Reach> {
        let g = &waits.graph;
        let mut reach: Vec<Reach> = Vec::with_capacity(sccs.len());
        for (c, scc) in sccs.iter().enumerate() {
            let mut r = Reach {
                missing: Vec::new(),
                cycle: cycle_of[c],
            };
            for &node in scc {
                if let Node::Need(n) = waits.nodes[node.index()] {
                    if self.providers[n].is_empty() {
                        r.add(&Reach {
                            missing: vec![self.needs[n]],
                            cycle: None,
                        });
                    }
                }
                for next in g.neighbors(node) {
                    let d = component[next.index()];
                    if d != c {
                        r.add(&reach[d]);
                    }
                }
            }
            reach.push(r);
        }
        reach
    }

    /// The reason goal `goal` cannot be met.
    fn reason(
        &self,
        catalog: &Catalog,
        goal: usize,
        component_of: impl Fn(Node) -> usize,
        reach: &[Reach],
    ) -> Blocked {
        let providers = &self.providers[goal];
        if providers.is_empty() {
            return Blocked::NoCourse(catalog.course_index().best_level(self.needs[goal].skill));
        }
        let mut all = Reach::default();
        for &p in providers {
            all.add(&reach[component_of(Node::Course(p))]);
        }
        match all.cycle {
            Some(cycle) if all.missing.is_empty() => Blocked::Cycle(cycle),
            _ => Blocked::Missing {
                courses: providers
                    .iter()
                    .take(LISTED)
                    .map(|&p| self.courses[p])
                    .collect(),
                missing: all.missing,
            },
        }
    }
}

/// A node of the graph of waits: a candidate course or a need, by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Node {
    Course(usize),
    Need(usize),
}

/// The graph of waits, on the nodes a search from the blocked goals reached.
#[derive(Debug, Default)]
struct WaitGraph {
    graph: DiGraph<(), ()>,
    /// Node `i` of `graph`.
    nodes: Vec<Node>,
    index: HashMap<Node, usize>,
}

/// What a component reaches in the graph of waits.
#[derive(Debug, Clone, Default)]
struct Reach {
    /// The first [`LISTED`] needs without a provider, by skill and level.
    missing: Vec<Need>,
    /// The first cycle it reaches (by position in [`Explained::cycles`]).
    cycle: Option<usize>,
}

impl Reach {
    /// Adds what `other` reaches: the first [`LISTED`] missing needs of both, each once,
    /// and the first cycle of both.
    fn add(&mut self, other: &Reach) {
        if !other.missing.is_empty() {
            self.missing.extend_from_slice(&other.missing);
            self.missing.sort_unstable();
            self.missing.dedup();
            self.missing.truncate(LISTED);
        }
        self.cycle = match (self.cycle, other.cycle) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The explanation relies on the components coming sinks first.
    #[test]
    fn components_come_in_reverse_topological_order() {
        let g = graph::build(3, [(0, 1, ()), (1, 2, ())]);
        let order: Vec<usize> = kosaraju_scc(&g).iter().map(|c| c[0].index()).collect();
        assert_eq!(order, [2, 1, 0]);
    }
}
