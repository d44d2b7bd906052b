//! Assessment: a profile scored against every role of a catalog, each score explained.

use std::sync::OnceLock;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::error::{Error, Result, Warning};
use crate::gap::{self, Gaps, Target};
use crate::id::SkillId;
use crate::importance::Importance;
use crate::level::Level;
use crate::policy::Policy;
use crate::profile::Profile;
use crate::role::Role;
use crate::skill::Skill;

/// How many suggestions an unresolved profile skill gets.
const SUGGESTIONS: usize = 3;

/// Where a level the assessment counts comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// The profile's own entry (after any recency discount).
    Profile,
    /// Transfer from a related skill: its level times `factor`.
    Transfer {
        /// The related skill the profile has.
        from: SkillId,
        /// The transfer factor.
        factor: f64,
    },
    /// The profile has nothing that counts for this skill.
    Missing,
}

/// A level the profile counts for, on one skill.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Have {
    pub skill: u32,
    pub level: f64,
    pub source: Source,
}

/// Scores profiles against a catalog's roles.
///
/// ```
/// use skillgap::{Assessor, Catalog, Level, Policy, Profile};
///
/// let catalog = Catalog::builtin();
/// let profile = Profile::new().with_skill("Python", Level::ADVANCED);
/// let mut policy = Policy::default();
/// policy.transfer = false;
/// let assessment = Assessor::new(catalog).policy(policy).strict(true).assess(&profile)?;
/// assert_eq!(assessment.roles().len(), catalog.roles().len());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Assessor<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    strict: bool,
}

impl<'c> Assessor<'c> {
    /// An assessor with the default [`Policy`], not strict.
    pub fn new(catalog: &'c Catalog) -> Self {
        Assessor {
            catalog,
            policy: Policy::default(),
            strict: false,
        }
    }

    /// Sets the scoring policy.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// In strict mode a profile skill that resolves to no catalog skill is an error;
    /// otherwise it is a warning and left out of scoring.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Scores `profile` against every role.
    ///
    /// Resolves the profile's names (id, name or alias, ignoring case and space), applies
    /// the recency discount and transfer, then accumulates each role's score through an
    /// index from skills to the requirements naming them: the cost grows with the
    /// requirements on the profile's skills, not with the size of the catalog, plus one
    /// pass over the roles to rank them.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`] for a policy out of its domain; in strict mode
    /// [`Error::UnresolvedSkills`] when profile skills do not resolve.
    pub fn assess(&self, profile: &Profile) -> Result<Assessment<'c>> {
        self.policy.validate()?;
        let catalog = self.catalog;
        let mut warnings = Vec::new();
        let mut own: Vec<(u32, f64, usize)> = Vec::with_capacity(profile.skills().len());
        for (order, entry) in profile.skills().iter().enumerate() {
            match catalog.skill_names.lookup(entry.name()) {
                Some(s) => {
                    let level = self
                        .policy
                        .discounted(entry.level().as_f64(), entry.last_used());
                    own.push((s, level, order));
                }
                None => warnings.push(Warning::UnresolvedSkill {
                    name: crate::text::clip(entry.name(), 64),
                    suggestions: catalog
                        .suggest_skills(entry.name(), SUGGESTIONS)
                        .into_iter()
                        .map(|s| s.id().clone())
                        .collect(),
                }),
            }
        }
        if self.strict && !warnings.is_empty() {
            return Err(Error::UnresolvedSkills {
                unresolved: warnings,
            });
        }
        own.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut have: Vec<Have> = Vec::with_capacity(own.len() * 2);
        for (s, level, order) in own {
            match have.last_mut() {
                Some(h) if h.skill == s => {
                    h.level = h.level.max(level);
                    warnings.push(Warning::DuplicateSkill {
                        name: crate::text::clip(profile.skills()[order].name(), 64),
                        skill: catalog.skills[s as usize].id().clone(),
                    });
                }
                _ => have.push(Have {
                    skill: s,
                    level,
                    source: Source::Profile,
                }),
            }
        }
        if self.policy.transfer {
            let mut transferred: Vec<Have> = Vec::new();
            for h in &have {
                for &(t, factor) in &catalog.related[h.skill as usize] {
                    transferred.push(Have {
                        skill: t,
                        level: h.level * factor,
                        source: Source::Transfer {
                            from: catalog.skills[h.skill as usize].id().clone(),
                            factor,
                        },
                    });
                }
            }
            have.extend(transferred);
            // Per skill, the highest level wins; on a tie the profile's own entry (which
            // sorts first among equals: it was pushed first) is kept.
            have.sort_by(|a, b| a.skill.cmp(&b.skill).then(b.level.total_cmp(&a.level)));
            have.dedup_by_key(|h| h.skill);
        }
        let scores = score_roles(catalog, &self.policy, &have);
        Ok(Assessment {
            catalog,
            policy: self.policy.clone(),
            have,
            scores,
            ranked: OnceLock::new(),
            warnings,
        })
    }
}

/// Scores every role, in role (id) order.
fn score_roles<'c>(catalog: &'c Catalog, policy: &Policy, have: &[Have]) -> Vec<RoleScore<'c>> {
    let n = catalog.roles.len();
    let mut numerator = vec![0.0f64; n];
    let mut met = vec![0u32; n];
    let mut met_all = vec![0u32; n];
    for h in have {
        if h.level <= 0.0 {
            continue;
        }
        for p in catalog.postings_of(h.skill) {
            let need = p.need.as_f64();
            let credit = if h.level >= need {
                1.0
            } else if policy.partial_credit {
                h.level / need
            } else {
                0.0
            };
            let w = p.weight.unwrap_or_else(|| policy.weights.of(p.importance));
            numerator[p.role as usize] += w * credit;
            if credit >= 1.0 {
                met_all[p.role as usize] += 1;
                if p.importance == Importance::Essential {
                    met[p.role as usize] += 1;
                }
            }
        }
    }
    let w = Importance::ALL.map(|i| policy.weights.of(i));
    (0..n)
        .map(|r| {
            let (counts, explicit) = catalog.role_weight_parts[r];
            let total = explicit
                + (f64::from(counts[0]) * w[0]
                    + f64::from(counts[1]) * w[1]
                    + f64::from(counts[2]) * w[2]);
            let ready = met[r] == catalog.role_essentials[r];
            // Every requirement met scores exactly 1, free of rounding in the sums.
            let score = if met_all[r] as usize == catalog.role_reqs[r].len() {
                1.0
            } else if total > 0.0 {
                (numerator[r] / total).min(1.0)
            } else if ready {
                1.0
            } else {
                0.0
            };
            RoleScore {
                role: &catalog.roles[r],
                index: r as u32,
                score,
                ready,
                essentials_met: met[r],
                essentials: catalog.role_essentials[r],
            }
        })
        .collect()
}

pub(crate) fn total_weight(catalog: &Catalog, policy: &Policy, role: usize) -> f64 {
    let (counts, explicit) = catalog.role_weight_parts[role];
    explicit
        + Importance::ALL
            .iter()
            .map(|&imp| f64::from(counts[imp.index()]) * policy.weights.of(imp))
            .sum::<f64>()
}

/// A role's score for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleScore<'c> {
    role: &'c Role,
    index: u32,
    score: f64,
    ready: bool,
    essentials_met: u32,
    essentials: u32,
}

impl<'c> RoleScore<'c> {
    /// The role.
    pub fn role(&self) -> &'c Role {
        self.role
    }

    /// `Σ wᵢ·creditᵢ / Σ wᵢ`, in `0.0..=1.0`.
    pub fn score(&self) -> f64 {
        self.score
    }

    /// Whether every essential requirement is met.
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// Essential requirements met, and how many the role has.
    pub fn essentials(&self) -> (u32, u32) {
        (self.essentials_met, self.essentials)
    }
}

/// One requirement's share of a role's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution<'c> {
    /// The skill required.
    pub skill: &'c SkillId,
    /// The level required.
    pub need: Level,
    /// The level the profile counts for.
    pub have: f64,
    /// Where `have` comes from.
    pub source: Source,
    /// The requirement's importance.
    pub importance: Importance,
    /// Its weight under the policy.
    pub weight: f64,
    /// `min(1, have / need)` (or 0/1 without partial credit).
    pub credit: f64,
    /// `weight × credit / Σ weights`: the contributions of a role sum to its score.
    pub contribution: f64,
}

/// A profile scored against every role of a catalog.
#[derive(Debug, Clone)]
pub struct Assessment<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    have: Vec<Have>,
    /// Scores in role (id) order.
    scores: Vec<RoleScore<'c>>,
    /// The full ranking, sorted on first use.
    ranked: OnceLock<Vec<RoleScore<'c>>>,
    warnings: Vec<Warning>,
}

/// Sort key: score descending, then role index (id order) ascending. Scores are never
/// negative, so the bit patterns order like the numbers.
fn rank_key(rs: &RoleScore<'_>) -> (u64, u32) {
    (!rs.score.to_bits(), rs.index)
}

impl<'c> Assessment<'c> {
    /// Every role, by score descending; ties by role id. Sorted on first call (O(n log n)
    /// for n roles); [`Assessment::top`] is cheaper when only the best few are wanted.
    pub fn roles(&self) -> &[RoleScore<'c>] {
        self.ranked.get_or_init(|| {
            let mut keys: Vec<(u64, u32)> = self.scores.iter().map(rank_key).collect();
            keys.sort_unstable();
            keys.iter()
                .map(|&(_, r)| self.scores[r as usize].clone())
                .collect()
        })
    }

    /// The `k` best roles, in ranking order (as the first `k` of [`Assessment::roles`]),
    /// found by selection in O(n + k log k) when the full ranking was not needed yet.
    pub fn top(&self, k: usize) -> Vec<&RoleScore<'c>> {
        if let Some(ranked) = self.ranked.get() {
            return ranked.iter().take(k).collect();
        }
        let mut keys: Vec<(u64, u32)> = self.scores.iter().map(rank_key).collect();
        if k < keys.len() && k > 0 {
            keys.select_nth_unstable(k - 1);
        }
        keys.truncate(k);
        keys.sort_unstable();
        keys.iter()
            .map(|&(_, r)| &self.scores[r as usize])
            .collect()
    }

    /// The best-scoring role (`None` for an empty catalog).
    pub fn best(&self) -> Option<&RoleScore<'c>> {
        match self.ranked.get() {
            Some(ranked) => ranked.first(),
            None => self.scores.iter().min_by_key(|rs| rank_key(rs)),
        }
    }

    /// The score of one role.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn role(&self, id: &str) -> Result<&RoleScore<'c>> {
        let r = self.catalog.role_index_or_err(id)?;
        Ok(&self.scores[r as usize])
    }

    /// Problems with the profile that did not stop the assessment (unresolved or repeated
    /// skills), in profile order.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The catalog assessed against.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The policy used.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The level the profile counts for on a skill (after discount and transfer), by id.
    pub fn level_of(&self, skill: &str) -> f64 {
        self.catalog
            .skill_index(skill)
            .map_or(0.0, |s| self.have_of(s))
    }

    /// Every skill the profile counts for, with the level and its source, by skill id.
    pub fn levels(&self) -> impl Iterator<Item = (&'c Skill, f64, &Source)> + '_ {
        self.have
            .iter()
            .map(move |h| (&self.catalog.skills[h.skill as usize], h.level, &h.source))
    }

    pub(crate) fn have_of(&self, skill: u32) -> f64 {
        self.have
            .binary_search_by_key(&skill, |h| h.skill)
            .map_or(0.0, |i| self.have[i].level)
    }

    /// Explains a role's score: one contribution per requirement (own and inherited), in
    /// skill id order. The contributions sum to the score.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn explain(&self, role: &str) -> Result<Vec<Contribution<'c>>> {
        let r = self.catalog.role_index_or_err(role)? as usize;
        let total = total_weight(self.catalog, &self.policy, r);
        Ok(self.catalog.role_reqs[r]
            .iter()
            .map(|q| {
                let (have, source) = match self.have.binary_search_by_key(&q.skill, |h| h.skill) {
                    Ok(i) => (self.have[i].level, self.have[i].source.clone()),
                    Err(_) => (0.0, Source::Missing),
                };
                let need = q.need.as_f64();
                let credit = if have >= need {
                    1.0
                } else if self.policy.partial_credit {
                    have / need
                } else {
                    0.0
                };
                let weight = q
                    .weight
                    .unwrap_or_else(|| self.policy.weights.of(q.importance));
                Contribution {
                    skill: self.catalog.skills[q.skill as usize].id(),
                    need: q.need,
                    have,
                    source,
                    importance: q.importance,
                    weight,
                    credit,
                    contribution: if total > 0.0 {
                        weight * credit / total
                    } else {
                        0.0
                    },
                }
            })
            .collect())
    }

    /// The gaps toward a role: its unmet requirements and their unmet prerequisites
    /// (implied gaps), by priority and in learning order.
    ///
    /// `priority = weight × (need − have) / need`, descending, ties by skill id. An implied
    /// gap takes the largest weight among the gaps implying it.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`] (with did-you-mean) when the catalog has no such role.
    pub fn gaps(&self, role: &str) -> Result<Gaps<'c>> {
        let r = self.catalog.role_index_or_err(role)?;
        Ok(self.gaps_of(r))
    }

    pub(crate) fn gaps_of(&self, role: u32) -> Gaps<'c> {
        let targets: Vec<Target> = self.catalog.role_reqs[role as usize]
            .iter()
            .map(|q| Target {
                skill: q.skill,
                need: q.need,
                importance: q.importance,
                weight: q
                    .weight
                    .unwrap_or_else(|| self.policy.weights.of(q.importance)),
            })
            .collect();
        gap::gaps(self.catalog, |s| self.have_of(s), &targets)
    }
}

impl Catalog {
    /// Scores a profile against every role with the default [`Policy`]; see [`Assessor`]
    /// for a policy or strict mode.
    ///
    /// # Errors
    ///
    /// None with the default policy in lenient mode; the `Result` keeps the signature
    /// of [`Assessor::assess`].
    pub fn assess(&self, profile: &Profile) -> Result<Assessment<'_>> {
        Assessor::new(self).assess(profile)
    }
}
