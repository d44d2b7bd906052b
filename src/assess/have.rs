//! The levels a profile counts for: its entries resolved to skills, discounted for
//! recency, with credit transferred to related skills; and the table scoring and gap
//! computation look them up in.

use super::{Policy, Source};
use crate::catalog::{Catalog, SkillAt};
use crate::error::Warning;
use crate::model::{Credential, Profile};
use crate::util::hash;
use crate::util::text::clip;

/// How many suggestions an unresolved profile skill gets.
const SUGGESTIONS: usize = 3;

/// A level the profile counts for, on one skill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Have {
    pub skill: SkillAt,
    pub level: f64,
    /// The related skill the level transfers from, with the factor; `None` for the
    /// profile's own entry.
    pub from: Option<(SkillAt, f64)>,
}

impl Have {
    /// Where the level comes from, with ids.
    pub fn source<'c>(&self, catalog: &'c Catalog) -> Source<'c> {
        match self.from {
            None => Source::Profile,
            Some((from, factor)) => Source::Transfer {
                from: catalog.skill_at(from),
                factor,
            },
        }
    }
}

/// Many profiles' levels side by side, for walks over every member of a cohort: the skills
/// and the levels in two flat arrays, profile `m`'s at `starts[m]..starts[m + 1]`, by skill.
#[derive(Debug, Clone, Default)]
pub(crate) struct FlatLevels {
    starts: Vec<usize>,
    skills: Vec<SkillAt>,
    values: Vec<f64>,
}

impl FlatLevels {
    /// Adds the next profile's levels.
    pub fn push(&mut self, levels: &Levels) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.skills.extend(levels.have.iter().map(|h| h.skill));
        self.values.extend(levels.have.iter().map(|h| h.level));
        self.starts.push(self.skills.len());
    }

    /// Profile `m`'s skills and levels, by skill.
    pub fn of(&self, m: usize) -> (&[SkillAt], &[f64]) {
        let (start, end) = (self.starts[m], self.starts[m + 1]);
        (&self.skills[start..end], &self.values[start..end])
    }
}

/// A candidate level while the levels are merged: the position breaks ties.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    have: Have,
    position: u32,
}

/// The profile's levels, by skill.
#[derive(Debug, Clone)]
pub(crate) struct Levels {
    /// One per skill, by skill.
    pub have: Vec<Have>,
    /// The same, hashed by skill.
    pub table: HaveTable,
    /// The credentials the profile holds.
    pub credentials: Vec<Credential>,
}

impl Levels {
    /// Resolves the profile's entries (exactly or after normalisation) and merges them:
    /// per skill the highest level wins, a repeated skill is a warning, and with transfer
    /// on, related skills count at their factor. Names that resolve to nothing are
    /// warnings with suggestions, names shared by several skills' aliases warnings with
    /// the candidates.
    pub fn of(catalog: &Catalog, policy: &Policy, profile: &Profile) -> (Levels, Vec<Warning>) {
        let mut warnings = Vec::new();
        let own = resolve(catalog, policy, profile, &mut warnings);
        let mut merged = merge_own(catalog, profile, own, &mut warnings);
        if policy.transfer {
            merged = with_transfer(catalog, merged);
        }
        let have: Vec<Have> = merged.into_iter().map(|c| c.have).collect();
        let table = HaveTable::new(&have);
        let credentials = profile.credentials().to_vec();
        (
            Levels {
                have,
                table,
                credentials,
            },
            warnings,
        )
    }

    /// The level counted for a skill (0 when none).
    #[inline]
    pub fn of_skill(&self, skill: SkillAt) -> f64 {
        self.table.get(skill)
    }

    /// The level counted for a skill and its source, when the profile counts for it.
    pub fn get(&self, skill: SkillAt) -> Option<&Have> {
        self.have
            .binary_search_by_key(&skill, |h| h.skill)
            .ok()
            .map(|i| &self.have[i])
    }
}

/// The profile's entries that resolve, discounted, with their position in the profile.
fn resolve(
    catalog: &Catalog,
    policy: &Policy,
    profile: &Profile,
    warnings: &mut Vec<Warning>,
) -> Vec<Candidate> {
    let mut own = Vec::with_capacity(profile.skills().len());
    let names: Vec<&str> = profile.skills().iter().map(|e| e.name()).collect();
    let skills = catalog.skills_named_all(&names);
    for ((position, entry), skill) in profile.skills().iter().enumerate().zip(skills) {
        match skill {
            Some(skill) => own.push(Candidate {
                have: Have {
                    skill,
                    level: policy.discounted(entry.level().as_f64(), entry.last_used()),
                    from: None,
                },
                position: position as u32,
            }),
            None => warnings.push(unresolved(catalog, entry.name())),
        }
    }
    own
}

/// The warning for a profile name that names no one skill: ambiguous when it is an
/// alias of several skills (every one a candidate), else unresolved, with suggestions.
fn unresolved(catalog: &Catalog, name: &str) -> Warning {
    let several = catalog.skills_named(name);
    if several.is_empty() {
        Warning::UnresolvedSkill {
            name: clip(name, 64),
            suggestions: catalog
                .suggest_skills(name, SUGGESTIONS)
                .into_iter()
                .map(|s| s.id().clone())
                .collect(),
        }
    } else {
        Warning::AmbiguousSkill {
            name: clip(name, 64),
            candidates: several
                .into_iter()
                .map(|s| catalog.skill_at(s).id().clone())
                .collect(),
        }
    }
}

/// One level per skill: the highest; later entries on the same skill are warnings.
fn merge_own(
    catalog: &Catalog,
    profile: &Profile,
    mut own: Vec<Candidate>,
    warnings: &mut Vec<Warning>,
) -> Vec<Candidate> {
    own.sort_unstable_by_key(|c| (c.have.skill, c.position));
    let mut merged: Vec<Candidate> = Vec::with_capacity(own.len() * 2);
    for c in own {
        match merged.last_mut() {
            Some(m) if m.have.skill == c.have.skill => {
                m.have.level = m.have.level.max(c.have.level);
                warnings.push(Warning::DuplicateSkill {
                    name: clip(profile.skills()[c.position as usize].name(), 64),
                    skill: catalog.skill_at(c.have.skill).id().clone(),
                });
            }
            _ => merged.push(Candidate {
                position: merged.len() as u32,
                ..c
            }),
        }
    }
    merged
}

/// The own levels with every related skill's transferred level added, one per skill: the
/// highest wins, and on a tie the profile's own entry (which comes first).
fn with_transfer(catalog: &Catalog, mut levels: Vec<Candidate>) -> Vec<Candidate> {
    let own = levels.len();
    for i in 0..own {
        let Have { skill, level, .. } = levels[i].have;
        for &(to, factor) in catalog.skill_graph().related(skill) {
            let position = levels.len() as u32;
            levels.push(Candidate {
                have: Have {
                    skill: to,
                    level: level * factor,
                    from: Some((skill, factor)),
                },
                position,
            });
        }
    }
    levels.sort_unstable_by(|a, b| {
        (a.have.skill.cmp(&b.have.skill))
            .then(b.have.level.total_cmp(&a.have.level))
            .then(a.position.cmp(&b.position))
    });
    levels.dedup_by_key(|c| c.have.skill);
    levels
}

/// The levels a profile counts for, by skill: open addressing at most half full, with
/// the level 0 in empty slots so that a lookup ends at the first slot holding the skill
/// or nothing, and returns that slot's level without a further branch.
///
/// A bit per skill index modulo [`HaveTable::FILTER_BITS`] answers most lookups first:
/// gap computation asks for every skill of a role's closure, and most are skills the
/// profile does not hold. Without it, up to half of those lookups (a third on the batch
/// bench's profiles) meet a slot taken by another skill, and the probe loop's exit is
/// mispredicted whenever profiles differ. It took "score every role, top 10, gaps of the
/// 10" over distinct profiles from 79.1 µs to 69.4 µs a profile (`cargo bench --bench
/// batch --features parallel -- one_profile`, medians of eight alternating runs each,
/// paired ratio 0.87).
#[derive(Debug, Clone)]
pub(crate) struct HaveTable {
    /// `(skill + 1, level)`; `(0, 0.0)` is empty. The length is a power of two.
    slots: Vec<(u32, f64)>,
    /// Bit `s % FILTER_BITS` is set for every skill `s` held.
    filter: [u64; HaveTable::FILTER_BITS / 64],
}

impl HaveTable {
    /// The bits of the filter: a profile of 100 skills leaves about 2% of the skills it
    /// does not hold to the table.
    const FILTER_BITS: usize = 4096;

    fn new(have: &[Have]) -> HaveTable {
        let len = (have.len() * 2).next_power_of_two().max(16);
        let mut table = HaveTable {
            slots: vec![(0, 0.0); len],
            filter: [0; HaveTable::FILTER_BITS / 64],
        };
        let mask = len - 1;
        for h in have {
            let bit = h.skill.get() % HaveTable::FILTER_BITS;
            table.filter[bit / 64] |= 1 << (bit % 64);
            let mut at = table.slot(h.skill);
            while table.slots[at].0 != 0 {
                at = (at + 1) & mask;
            }
            table.slots[at] = (h.skill.0 + 1, h.level);
        }
        table
    }

    #[inline]
    fn slot(&self, skill: SkillAt) -> usize {
        hash::index(skill.0) as usize & (self.slots.len() - 1)
    }

    #[inline]
    fn get(&self, skill: SkillAt) -> f64 {
        let bit = skill.get() % HaveTable::FILTER_BITS;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0.0;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot(skill);
        loop {
            let (key, level) = self.slots[at];
            if key == skill.0.wrapping_add(1) || key == 0 {
                return level;
            }
            at = (at + 1) & mask;
        }
    }
}
