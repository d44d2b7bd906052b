//! Graphviz DOT: a plan as stages of courses with the gaps they close, and a role's skill
//! dependency graph.

use std::collections::BTreeSet;
use std::fmt::Write;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::assess::Assessment;
use crate::catalog::Catalog;
use crate::error::Result;
use crate::model::Importance;
use crate::plan::Plan;

/// A DOT string literal.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Plan<'_> {
    /// The plan as a Graphviz DOT digraph: one cluster per stage holding its courses
    /// (boxes), an edge from each course to the courses that need it (labelled with the
    /// skill level passed on), and from each course to the gaps it closes (ellipses).
    /// Render with `dot -Tsvg`.
    pub fn to_dot(&self) -> String {
        let mut out =
            String::from("digraph plan {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (stage, courses) in self.stages().into_iter().enumerate() {
            let _ = writeln!(
                out,
                "  subgraph cluster_stage_{stage} {{\n    label={};\n    style=rounded;",
                quote(&format!("Stage {}", stage + 1))
            );
            for pc in courses {
                let c = pc.course();
                let label = format!("{}\n{:.0} h", c.title(), c.hours());
                let _ = writeln!(
                    out,
                    "    {} [shape=box, label={}];",
                    quote(&format!("course:{}", c.id())),
                    quote(&label)
                );
            }
            out.push_str("  }\n");
        }
        let mut gap_nodes = BTreeSet::new();
        for pc in &self.courses {
            let from = quote(&format!("course:{}", pc.course().id()));
            for &j in pc.after() {
                let before = &self.courses[j];
                let passed: Vec<String> = pc
                    .course()
                    .requires()
                    .iter()
                    .filter(|r| {
                        before
                            .course()
                            .teaches()
                            .iter()
                            .any(|t| t.skill() == r.skill() && t.level() >= r.level())
                    })
                    .map(|r| format!("{} {}", r.skill(), r.level().get()))
                    .collect();
                let _ = writeln!(
                    out,
                    "  {} -> {} [label={}, style=dashed];",
                    quote(&format!("course:{}", before.course().id())),
                    from,
                    quote(&passed.join(", "))
                );
            }
            for s in pc.closes() {
                gap_nodes.insert(s.as_str());
                let _ = writeln!(out, "  {} -> {};", from, quote(&format!("skill:{s}")));
            }
        }
        for s in gap_nodes {
            let need = self.gaps.get(s).map_or(0, |g| g.need().get());
            let name = self.catalog.skill(s).map_or(s, |k| k.name());
            let _ = writeln!(
                out,
                "  {} [shape=ellipse, label={}];",
                quote(&format!("skill:{s}")),
                quote(&format!("{name} {need}"))
            );
        }
        for u in &self.uncovered {
            let name = self
                .catalog
                .skill(u.skill.as_str())
                .map_or(u.skill.as_str(), |k| k.name());
            let _ = writeln!(
                out,
                "  {} [shape=ellipse, style=dashed, color=red, label={}];",
                quote(&format!("skill:{}", u.skill)),
                quote(&format!("{name} {} (not covered)", u.need.get()))
            );
        }
        out.push_str("}\n");
        out
    }
}

impl Catalog {
    /// A role's skill dependency graph as Graphviz DOT: its requirements (essential ones
    /// bold) and, transitively, their prerequisites, with an edge from each prerequisite to
    /// the skill needing it, labelled with the level. With an assessment, skills the profile
    /// lacks are filled.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) for a role the
    /// catalog lacks.
    pub fn role_dot(&self, role: &str, assessment: Option<&Assessment<'_>>) -> Result<String> {
        let r = self.role_index_or_err(role)?;
        let reqs = &self.role_reqs[r as usize];
        let mut nodes: BTreeSet<u32> = reqs.iter().map(|q| q.skill).collect();
        let mut stack: Vec<u32> = nodes.iter().copied().collect();
        while let Some(s) = stack.pop() {
            for e in self.prereqs.edges(NodeIndex::new(s as usize)) {
                let p = e.target().index() as u32;
                if nodes.insert(p) {
                    stack.push(p);
                }
            }
        }
        let mut out = format!(
            "digraph role {{\n  label={};\n  rankdir=BT;\n  node [fontname=\"Helvetica\", shape=box, style=rounded];\n",
            quote(self.roles[r as usize].name())
        );
        for &s in &nodes {
            let skill = &self.skills[s as usize];
            let req = reqs.iter().find(|q| q.skill == s);
            let mut label = skill.name().to_string();
            let mut attrs = Vec::new();
            if let Some(q) = req {
                label.push_str(&format!("\nneeds {} ({})", q.need.get(), q.importance));
                if q.importance == Importance::Essential {
                    attrs.push("penwidth=2".to_string());
                }
            } else {
                attrs.push("color=gray40".to_string());
            }
            if let Some(a) = assessment {
                let have = a.have_of(s);
                label.push_str(&format!("\nhas {have:.1}"));
                let short = req.is_some_and(|q| have < q.need.as_f64());
                if short {
                    attrs.push("style=\"rounded,filled\"".to_string());
                    attrs.push("fillcolor=\"#fde2e1\"".to_string());
                }
            }
            attrs.push(format!("label={}", quote(&label)));
            let _ = writeln!(
                out,
                "  {} [{}];",
                quote(skill.id().as_str()),
                attrs.join(", ")
            );
        }
        for &s in &nodes {
            for e in self.prereqs.edges(NodeIndex::new(s as usize)) {
                let p = e.target().index();
                let _ = writeln!(
                    out,
                    "  {} -> {} [label={}];",
                    quote(self.skills[p].id().as_str()),
                    quote(self.skills[s as usize].id().as_str()),
                    quote(&e.weight().get().to_string())
                );
            }
        }
        out.push_str("}\n");
        Ok(out)
    }
}
