//! The skill → requirements index: for each skill, the roles requiring it, grouped in runs
//! that share a level and an importance, so that scoring computes a run's credit once and
//! adds it to every role of the run.

use super::position::{RoleAt, SkillAt};
use super::requirements::Requirements;
use crate::model::{Importance, Level};
use crate::util::table::Table;

/// A run of one skill's requirements that share a level and an importance (and either all
/// have an explicit weight or none has).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Run {
    pub need: Level,
    pub importance: Importance,
    /// Whether the run's roles carry explicit weights ([`Postings::weighted`]) or not
    /// ([`Postings::roles`]).
    pub weighted: bool,
    start: u32,
    end: u32,
}

/// One requirement on a skill, as [`Postings::of`] lists them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Posting {
    pub role: RoleAt,
    pub need: Level,
    pub importance: Importance,
    pub weight: Option<f64>,
}

/// For each skill, the runs of requirements naming it, by level, importance and role.
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    runs: Table<Run>,
    /// The roles of unweighted runs, run after run.
    roles: Vec<RoleAt>,
    /// The roles of weighted runs with their weights, run after run.
    weighted: Vec<(RoleAt, f64)>,
}

impl Postings {
    /// The index of every role's merged requirements over `skills` skills.
    pub fn build(skills: usize, requirements: &Requirements) -> Postings {
        let mut by_skill: Vec<Vec<Posting>> = vec![Vec::new(); skills];
        for r in 0..requirements.len() {
            let role = RoleAt::at(r);
            for q in requirements.of(role) {
                by_skill[q.skill.get()].push(Posting {
                    role,
                    need: q.need,
                    importance: q.importance,
                    weight: q.weight,
                });
            }
        }
        let mut out = Postings::default();
        for mut list in by_skill {
            // A role requires a skill once, so each role is in one run of the skill.
            list.sort_by_key(|p| (p.weight.is_some(), p.need, p.importance, p.role));
            out.runs.new_row();
            for p in list {
                out.add(p);
            }
        }
        out.runs.shrink_to_fit();
        out
    }

    /// Adds a posting to the current skill's runs: to the last run when it shares its
    /// level, importance and weightedness, else to a new run.
    fn add(&mut self, p: Posting) {
        let weighted = p.weight.is_some();
        let at = match p.weight {
            Some(w) => {
                self.weighted.push((p.role, w));
                self.weighted.len() as u32
            }
            None => {
                self.roles.push(p.role);
                self.roles.len() as u32
            }
        };
        let same = |r: &Run| (r.weighted, r.need, r.importance) == (weighted, p.need, p.importance);
        let skill = self.runs.len() - 1;
        match self.runs.row_mut(skill).last_mut() {
            Some(r) if same(r) => r.end = at,
            _ => self.runs.push(Run {
                need: p.need,
                importance: p.importance,
                weighted,
                start: at - 1,
                end: at,
            }),
        }
    }

    /// A skill's runs, by level.
    #[inline]
    pub fn runs(&self, skill: SkillAt) -> &[Run] {
        self.runs.row(skill.get())
    }

    /// The roles of an unweighted run.
    #[inline]
    pub fn roles(&self, run: &Run) -> &[RoleAt] {
        &self.roles[run.start as usize..run.end as usize]
    }

    /// The roles of a weighted run, with their weights.
    #[inline]
    pub fn weighted(&self, run: &Run) -> &[(RoleAt, f64)] {
        &self.weighted[run.start as usize..run.end as usize]
    }

    /// Every requirement on a skill, run by run.
    pub fn of(&self, skill: SkillAt) -> impl Iterator<Item = Posting> + '_ {
        self.runs(skill).iter().flat_map(move |run| {
            let (plain, weighted) = if run.weighted {
                (&[][..], self.weighted(run))
            } else {
                (self.roles(run), &[][..])
            };
            let posting = move |role, weight| Posting {
                role,
                need: run.need,
                importance: run.importance,
                weight,
            };
            plain.iter().map(move |&role| posting(role, None)).chain(
                weighted
                    .iter()
                    .map(move |&(role, w)| posting(role, Some(w))),
            )
        })
    }
}
