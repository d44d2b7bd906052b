//! Prerequisite closures: a set of target skills together with every skill they need,
//! transitively, by skill, with the prerequisite links among them in an order that
//! reaches every link into a skill before any link out of it.
//!
//! The catalog keeps one closure per role, built once with the catalog: gap computation
//! then walks short arrays with the prerequisite links already resolved, instead of
//! discovering the role's prerequisites through the whole skill graph on every call.
//! Ad-hoc targets (a plan toward chosen skill levels) get a closure built on demand.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::position::SkillAt;
use crate::error::{Error, Result};
use crate::model::Level;
use crate::util::table::Table;

/// The most skills the roles' prerequisite closures may hold in all (a role's closure is
/// its requirements and every skill they need, transitively). Long prerequisite chains
/// under many roles make it quadratic; past this limit a catalog is refused rather than
/// built. The ESCO-sized benchmark catalog has 282,000.
pub const MAX_CLOSURE_SKILLS: usize = 8_000_000;

/// Depth-first post-order from several roots, with an explicit stack (no recursion, so a
/// chain of any length fits any thread's stack), and marks cleared in O(1) between runs:
/// each run costs what it visits, not the whole graph.
struct PostOrder {
    /// The run in which each node was discovered, and finished.
    discovered: Vec<u32>,
    finished: Vec<u32>,
    run: u32,
    stack: Vec<usize>,
}

impl PostOrder {
    fn new(n: usize) -> PostOrder {
        PostOrder {
            discovered: vec![0; n],
            finished: vec![0; n],
            run: 0,
            stack: Vec::new(),
        }
    }

    /// Sets `out` to the nodes reachable from `roots`, each after every node it reaches
    /// (as petgraph's `DfsPostOrder` visits them: roots in order, edges in edge order).
    fn run(&mut self, graph: &DiGraph<(), Level>, roots: &[SkillAt], out: &mut Vec<SkillAt>) {
        out.clear();
        self.run += 1;
        let run = self.run;
        for root in roots {
            if self.discovered[root.get()] == run {
                continue;
            }
            self.stack.push(root.get());
            while let Some(&x) = self.stack.last() {
                if std::mem::replace(&mut self.discovered[x], run) != run {
                    for next in graph.neighbors(NodeIndex::new(x)) {
                        if self.discovered[next.index()] != run {
                            self.stack.push(next.index());
                        }
                    }
                } else {
                    self.stack.pop();
                    if std::mem::replace(&mut self.finished[x], run) != run {
                        out.push(SkillAt::at(x));
                    }
                }
            }
        }
    }
}

/// A prerequisite link inside a closure, both ends as positions in the closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Link {
    /// The skill that needs the other.
    pub dependent: u32,
    /// The skill needed.
    pub prerequisite: u32,
    /// The level needed (the highest, if a skill lists a prerequisite twice).
    pub level: Level,
}

/// One closure, borrowed from [`Closures`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Closure<'a> {
    /// The catalog skills, ascending (so by skill id).
    pub skills: &'a [SkillAt],
    /// The links, grouped by prerequisite, each group by the dependent's skill; the
    /// groups in a topological order, dependents first: every link into a skill comes
    /// before the links out of it.
    pub links: &'a [Link],
    /// Per target (in the order given), its position in the closure.
    pub targets: &'a [u32],
}

/// Closures stored back to back: the catalog's one per role, or a single ad-hoc one.
#[derive(Debug, Clone, Default)]
pub(crate) struct Closures {
    skills: Table<SkillAt>,
    links: Table<Link>,
    targets: Table<u32>,
}

impl Closures {
    /// One closure per target list, over the prerequisite graph `graph` (an edge from a
    /// skill to each prerequisite, weighted by the level needed). A list must not name a
    /// skill twice.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when the closures would hold more than [`MAX_CLOSURE_SKILLS`]
    /// skills in all.
    pub fn build<I>(
        graph: &DiGraph<(), Level>,
        lists: impl IntoIterator<Item = I>,
    ) -> Result<Closures>
    where
        I: IntoIterator<Item = SkillAt>,
    {
        Closures::build_within(graph, lists, MAX_CLOSURE_SKILLS)
    }

    /// The closure of one target list (each skill once): at most every skill, so no
    /// limit applies.
    pub fn one(graph: &DiGraph<(), Level>, targets: impl IntoIterator<Item = SkillAt>) -> Closures {
        Closures::build_within(graph, [targets], usize::MAX).unwrap_or_default()
    }

    /// [`Closures::build`] with `limit` skills in all.
    fn build_within<I>(
        graph: &DiGraph<(), Level>,
        lists: impl IntoIterator<Item = I>,
        limit: usize,
    ) -> Result<Closures>
    where
        I: IntoIterator<Item = SkillAt>,
    {
        let mut out = Closures::default();
        let mut search = PostOrder::new(graph.node_count());
        // Per catalog skill, its position in the closure being built (stale elsewhere).
        let mut slot = vec![0u32; graph.node_count()];
        // Per catalog skill, its rank in the closure's dependents-first order (stale
        // elsewhere).
        let mut rank = vec![0u32; graph.node_count()];
        let mut post: Vec<SkillAt> = Vec::new();
        let mut skills: Vec<SkillAt> = Vec::new();
        let mut targets: Vec<SkillAt> = Vec::new();
        // `(prerequisite's rank in dependents-first order, link)`, per closure.
        let mut links: Vec<(u32, Link)> = Vec::new();
        for list in lists {
            targets.clear();
            targets.extend(list);
            // Every skill after its prerequisites; reversed, dependents come first.
            search.run(graph, &targets, &mut post);
            if out.skills.values_len() + post.len() > limit {
                return Err(Error::TooLarge {
                    what: "catalog (roles' prerequisite closures)",
                    found: out.skills.values_len() + post.len(),
                    limit,
                    unit: "skills",
                });
            }
            skills.clear();
            skills.extend_from_slice(&post);
            skills.sort_unstable();
            for (i, &s) in skills.iter().enumerate() {
                slot[s.get()] = i as u32;
            }
            // Dependents first: the reversed post-order.
            for (r, &p) in post.iter().rev().enumerate() {
                rank[p.get()] = r as u32;
            }
            links.clear();
            for (i, &s) in skills.iter().enumerate() {
                links.extend(graph.edges(NodeIndex::new(s.get())).map(|e| {
                    let p = e.target().index();
                    let link = Link {
                        dependent: i as u32,
                        prerequisite: slot[p],
                        level: *e.weight(),
                    };
                    (rank[p], link)
                }));
            }
            // A repeated pair at its highest level first, then dropped.
            links.sort_unstable_by(|a, b| {
                (a.0, a.1.dependent)
                    .cmp(&(b.0, b.1.dependent))
                    .then(b.1.level.cmp(&a.1.level))
            });
            links.dedup_by_key(|l| (l.0, l.1.dependent));
            out.skills.push_row(skills.iter().copied());
            out.links.push_row(links.iter().map(|l| l.1));
            out.targets.push_row(targets.iter().map(|t| slot[t.get()]));
        }
        Ok(out)
    }

    /// The number of closures.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.skills.len()
    }

    /// The closure at `i` (below [`Closures::len`]).
    pub fn get(&self, i: usize) -> Closure<'_> {
        Closure {
            skills: self.skills.row(i),
            links: self.links.row(i),
            targets: self.targets.row(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::graph;

    fn at(v: Vec<u32>) -> Vec<SkillAt> {
        v.into_iter().map(SkillAt).collect()
    }

    /// 0 → 1 → 3, 0 → 2 → 3, 2 → 3 again at a higher level; 4 stands alone.
    fn diamond() -> DiGraph<(), Level> {
        graph::build(
            5,
            [
                (0, 1, Level::BEGINNER),
                (0, 2, Level::BEGINNER),
                (1, 3, Level::AWARENESS),
                (2, 3, Level::AWARENESS),
                (2, 3, Level::ADVANCED),
            ],
        )
    }

    #[test]
    fn links_into_a_skill_come_before_links_out_of_it() {
        let g = diamond();
        let all = Closures::build(&g, [at(vec![0]), at(vec![3, 2]), at(vec![4])]).unwrap();
        assert_eq!(all.len(), 3);
        for i in 0..all.len() {
            let c = all.get(i);
            assert!(c.skills.windows(2).all(|w| w[0] < w[1]), "closure {i}");
            for (k, l) in c.links.iter().enumerate() {
                let out_before = c.links[..k].iter().any(|m| m.dependent == l.prerequisite);
                assert!(!out_before, "closure {i}: {l:?}");
            }
            // Grouped by prerequisite, each group by dependent.
            let groups: Vec<u32> = c.links.iter().map(|l| l.prerequisite).collect();
            let mut seen = Vec::new();
            for w in groups.chunk_by(|a, b| a == b) {
                assert!(!seen.contains(&w[0]), "closure {i}: {groups:?}");
                seen.push(w[0]);
            }
            for w in c.links.windows(2) {
                if w[0].prerequisite == w[1].prerequisite {
                    assert!(w[0].dependent < w[1].dependent, "closure {i}: {w:?}");
                }
            }
        }
        assert_eq!(all.get(0).links.len(), 4);
        assert_eq!(all.get(0).skills, at(vec![0, 1, 2, 3]));
        assert_eq!(all.get(2).skills, at(vec![4]));
    }

    #[test]
    fn targets_and_repeated_prerequisites() {
        let g = diamond();
        let all = Closures::build(&g, [at(vec![3, 2])]).unwrap();
        let c = all.get(0);
        let at = |s: u32| {
            c.skills
                .iter()
                .position(|&x| x == SkillAt(s))
                .expect("in the closure") as u32
        };
        assert_eq!(c.targets, [at(3), at(2)]);
        // The two edges 2 → 3 become one, at the higher level.
        assert_eq!(
            c.links,
            [Link {
                dependent: at(2),
                prerequisite: at(3),
                level: Level::ADVANCED
            }]
        );
    }
}
