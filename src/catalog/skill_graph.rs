//! The skills' relations: prerequisites (a petgraph `DiGraph`, checked acyclic by
//! validation) and the symmetric transfer between related skills.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::position::SkillAt;
use crate::model::{Level, Skill};
use crate::util::graph;
use crate::util::table::Table;

/// Prerequisites and related skills, by skill position.
#[derive(Debug, Clone, Default)]
pub(crate) struct SkillGraph {
    /// Node `i` is skill `i`; an edge `a → b` means `a` requires `b` at the edge's level.
    prerequisites: DiGraph<(), Level>,
    /// Per skill, its related skills with the transfer factor, by skill, each once at the
    /// larger factor declared (relations are symmetric).
    related: Table<(SkillAt, f64)>,
}

impl SkillGraph {
    /// The relations of `skills`, other skills found by `skill_at` (unknown ones are left
    /// out: validation reported them).
    pub fn build(skills: &[Skill], skill_at: impl Fn(&str) -> Option<SkillAt>) -> SkillGraph {
        let prerequisites = graph::build(
            skills.len(),
            skills.iter().enumerate().flat_map(|(i, s)| {
                s.requires()
                    .iter()
                    .filter_map(|p| skill_at(p.skill().as_str()).map(|j| (i, j.get(), p.level())))
                    .collect::<Vec<_>>()
            }),
        );
        let mut related: Vec<Vec<(SkillAt, f64)>> = vec![Vec::new(); skills.len()];
        for (i, s) in skills.iter().enumerate() {
            for r in s.related() {
                if let Some(j) = skill_at(r.skill().as_str()).filter(|j| j.get() != i) {
                    related[i].push((j, r.transfer()));
                    related[j.get()].push((SkillAt::at(i), r.transfer()));
                }
            }
        }
        for list in &mut related {
            list.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            list.dedup_by_key(|e| e.0);
        }
        SkillGraph {
            prerequisites,
            related: Table::from_rows(related),
        }
    }

    /// The prerequisite graph, for algorithms that walk it.
    pub fn prerequisite_graph(&self) -> &DiGraph<(), Level> {
        &self.prerequisites
    }

    /// A skill's direct prerequisites with the level each must reach (in edge order).
    pub fn prerequisites(&self, skill: SkillAt) -> impl Iterator<Item = (SkillAt, Level)> + '_ {
        self.prerequisites
            .edges(NodeIndex::new(skill.get()))
            .map(|e| (SkillAt::at(e.target().index()), *e.weight()))
    }

    /// A skill's related skills with their transfer factors, by skill.
    pub fn related(&self, skill: SkillAt) -> &[(SkillAt, f64)] {
        self.related.row(skill.get())
    }
}
