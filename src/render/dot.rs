//! Graphviz DOT: a plan as stages of courses with the gaps they close, and a role's skill
//! dependency graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::assess::Assessment;
use crate::catalog::{Catalog, Req, SkillAt};
use crate::error::Result;
use crate::model::{Importance, Level};
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
        self.dot_stages(&mut out);
        let mut gap_nodes = BTreeSet::new();
        for pc in self.courses() {
            let from = quote(&format!("course:{}", pc.course().id()));
            // The course's requirements by skill, to find what each earlier course passes
            // on without comparing every pair.
            let requires: BTreeMap<&str, Level> = pc
                .course()
                .requires()
                .iter()
                .map(|r| (r.skill().as_str(), r.level()))
                .collect();
            for &j in pc.after() {
                let before = self.courses()[j].course();
                let _ = writeln!(
                    out,
                    "  {} -> {} [label={}, style=dashed];",
                    quote(&format!("course:{}", before.id())),
                    from,
                    quote(&passed_on(before, &requires))
                );
            }
            for s in pc.closes() {
                gap_nodes.insert(s.id().as_str());
                let _ = writeln!(
                    out,
                    "  {} -> {};",
                    from,
                    quote(&format!("skill:{}", s.id()))
                );
            }
        }
        let needs = self.gaps().need_by_skill();
        for s in gap_nodes {
            let need = needs.get(s).map_or(0, |l| l.get());
            let name = self.catalog().skill(s).map_or(s, |k| k.name());
            let _ = writeln!(
                out,
                "  {} [shape=ellipse, label={}];",
                quote(&format!("skill:{s}")),
                quote(&format!("{name} {need}"))
            );
        }
        for u in self.uncovered() {
            let name = u.skill.name();
            let _ = writeln!(
                out,
                "  {} [shape=ellipse, style=dashed, color=red, label={}];",
                quote(&format!("skill:{}", u.skill.id())),
                quote(&format!("{name} {} (not covered)", u.need.get()))
            );
        }
        out.push_str("}\n");
        out
    }
}

impl Plan<'_> {
    /// One cluster per stage, holding its courses as boxes.
    fn dot_stages(&self, out: &mut String) {
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
    }
}

/// What `before` passes on to a course with these requirements: each skill it teaches at a
/// level the course requires, as `skill level`, by skill.
fn passed_on(before: &crate::model::Course, requires: &BTreeMap<&str, Level>) -> String {
    let mut passed: Vec<(&str, Level)> = before
        .teaches()
        .iter()
        .filter_map(|t| {
            let &need = requires.get(t.skill().as_str())?;
            (t.level() >= need).then_some((t.skill().as_str(), need))
        })
        .collect();
    passed.sort_unstable();
    passed.dedup();
    let passed: Vec<String> = passed
        .iter()
        .map(|(s, l)| format!("{s} {}", l.get()))
        .collect();
    passed.join(", ")
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
    pub fn role_dot(
        &self,
        role: impl AsRef<str>,
        assessment: Option<&Assessment<'_>>,
    ) -> Result<String> {
        let role = role.as_ref();
        let r = self.find_role_or_err(role)?;
        // The requirements by skill, and every skill they need, transitively.
        let reqs: BTreeMap<SkillAt, &Req> = self
            .merged_requirements()
            .of(r)
            .iter()
            .map(|q| (q.skill, q))
            .collect();
        let mut nodes: BTreeSet<SkillAt> = reqs.keys().copied().collect();
        let mut stack: Vec<SkillAt> = nodes.iter().copied().collect();
        while let Some(s) = stack.pop() {
            for (p, _) in self.skill_graph().prerequisites(s) {
                if nodes.insert(p) {
                    stack.push(p);
                }
            }
        }
        let mut out = format!(
            "digraph role {{\n  label={};\n  rankdir=BT;\n  node [fontname=\"Helvetica\", shape=box, style=rounded];\n",
            quote(self.role_at(r).name())
        );
        for &s in &nodes {
            let attrs = skill_node(
                self.skill_at(s).name(),
                reqs.get(&s).copied(),
                assessment.map(|a| a.have_of(s)),
            );
            let _ = writeln!(
                out,
                "  {} [{}];",
                quote(self.skill_at(s).id().as_str()),
                attrs.join(", ")
            );
        }
        for &s in &nodes {
            for (p, level) in self.skill_graph().prerequisites(s) {
                let _ = writeln!(
                    out,
                    "  {} -> {} [label={}];",
                    quote(self.skill_at(p).id().as_str()),
                    quote(self.skill_at(s).id().as_str()),
                    quote(&level.get().to_string())
                );
            }
        }
        out.push_str("}\n");
        Ok(out)
    }
}

/// The attributes of a skill's node in a role graph: its name, what the role needs of it
/// (essential requirements bold, mere prerequisites grey) and, with an assessment, the
/// level the profile has (filled when short of the need).
fn skill_node(name: &str, req: Option<&Req>, have: Option<f64>) -> Vec<String> {
    let mut label = name.to_string();
    let mut attrs = Vec::new();
    match req {
        Some(q) => {
            label.push_str(&format!("\nneeds {} ({})", q.need.get(), q.importance));
            if q.importance == Importance::Essential {
                attrs.push("penwidth=2".to_string());
            }
        }
        None => attrs.push("color=gray40".to_string()),
    }
    if let Some(have) = have {
        label.push_str(&format!("\nhas {have:.1}"));
        if req.is_some_and(|q| have < q.need.as_f64()) {
            attrs.push("style=\"rounded,filled\"".to_string());
            attrs.push("fillcolor=\"#fde2e1\"".to_string());
        }
    }
    attrs.push(format!("label={}", quote(&label)));
    attrs
}
