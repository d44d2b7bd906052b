//! Scores: `Σ wᵢ·creditᵢ / Σ wᵢ` for every role, accumulated through the catalog's skill →
//! requirements index, and divided out on demand.

use super::have::{Have, Levels};
use super::Policy;
use crate::catalog::credentials;
use crate::catalog::{Catalog, CredentialTerms, RoleAt, SkillAt, Totals};
use crate::model::{CredentialRequirement, Importance, Role};

/// A role's score for one profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleScore<'c> {
    pub(super) role: &'c Role,
    pub(super) at: RoleAt,
    score: f64,
    usage: f64,
    essentials_met: u32,
    essentials: u32,
    gates_met: u32,
    gates: u32,
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

    /// How much of the profile the role uses: `Σ have over the profile's skills the role
    /// requires / Σ have over all the profile's skills`, levels as counted (after recency
    /// and transfer), in `0.0..=1.0`; 0 for an empty profile.
    pub fn usage(&self) -> f64 {
        self.usage
    }

    /// Readiness and usage combined by their harmonic mean, `2·score·usage / (score +
    /// usage)` (0 when both are 0): high only when the person has what the role asks
    /// *and* the role asks for what the person has. Rounded like the score.
    pub fn fit(&self) -> f64 {
        fit(self.score, self.usage)
    }

    /// Whether every essential requirement is met and every required credential (gate)
    /// held.
    pub fn is_ready(&self) -> bool {
        self.essentials_met == self.essentials && self.gates_met == self.gates
    }

    /// Whether every required credential (gate) is held; true for a role without gates.
    pub fn gates_met(&self) -> bool {
        self.gates_met == self.gates
    }

    /// Required credentials (gates) held, and how many the role has (see
    /// [`Assessment::credentials`](super::Assessment::credentials) for which).
    pub fn gates(&self) -> (u32, u32) {
        (self.gates_met, self.gates)
    }

    /// Essential requirements met, and how many the role has.
    pub fn essentials(&self) -> (u32, u32) {
        (self.essentials_met, self.essentials)
    }
}

/// What a profile earns on every role, and the totals it is divided by.
#[derive(Debug, Clone)]
pub(crate) struct Scores<'c> {
    catalog: &'c Catalog,
    /// `Σ wᵢ·creditᵢ` by role position.
    numerator: Vec<f64>,
    /// The levels of the profile's skills each role requires, summed, by role position.
    used: Vec<f64>,
    /// The levels of all the profile's skills, summed.
    held: f64,
    /// Essential requirements met, by role position.
    met: Vec<u32>,
    /// `Σ wᵢ` by role position.
    totals: Totals<'c>,
    /// What the profile's credentials earn on the roles that have credentials, in the
    /// catalog's credential index order.
    credentials: Vec<CredentialTerms>,
}

impl<'c> Scores<'c> {
    /// Accumulates every role's score for the profile's `levels`.
    pub fn new(catalog: &'c Catalog, policy: &Policy, levels: &Levels) -> Scores<'c> {
        let Sums {
            numerator,
            used,
            met,
        } = accumulate(catalog, policy, &levels.have);
        let (numerator, credentials) = with_credentials(catalog, policy, levels, numerator);
        Scores {
            catalog,
            numerator,
            used,
            held: levels.have.iter().map(|h| h.level.max(0.0)).sum(),
            met,
            totals: catalog.merged_requirements().totals(&policy.weights),
            credentials,
        }
    }

    /// What the profile's credentials earn on role `r` (nothing for a role without).
    fn credential_terms(&self, r: RoleAt) -> CredentialTerms {
        let index = self.catalog.credential_index().roles();
        index
            .binary_search_by_key(&r, |e| e.0)
            .map_or(CredentialTerms::NONE, |i| self.credentials[i])
    }

    /// The number of roles.
    pub fn len(&self) -> usize {
        self.numerator.len()
    }

    /// The numerators and totals, by role position, and whether the totals are tame (see
    /// [`Totals`]).
    pub fn sums(&self) -> (&[f64], &[f64], bool) {
        (&self.numerator, &self.totals.values, self.totals.tame)
    }

    /// The score of role `r`.
    pub fn of(&self, r: RoleAt, levels: &Levels, policy: &Policy) -> RoleScore<'c> {
        let terms = self.credential_terms(r);
        RoleScore {
            role: self.catalog.role_at(r),
            at: r,
            score: self.value(r, levels, policy),
            usage: self.usage(r),
            essentials_met: self.met[r.get()],
            essentials: self.catalog.merged_requirements().essentials(r),
            gates_met: terms.gates_met,
            gates: terms.gates,
        }
    }

    /// The levels of the profile's skills each role uses, by role position, and the
    /// levels of all its skills: each role's usage before division and rounding.
    pub fn usage_sums(&self) -> (&[f64], f64) {
        (&self.used, self.held)
    }

    /// The share of the profile's levels role `r` uses.
    pub fn usage(&self, r: RoleAt) -> f64 {
        usage(self.used[r.get()], self.held)
    }

    /// `Σ wᵢ·creditᵢ / Σ wᵢ` for role `r`, rounded to 12 decimal places ([`round_score`]).
    pub fn value(&self, r: RoleAt, levels: &Levels, policy: &Policy) -> f64 {
        let (numerator, total) = (self.numerator[r.get()], self.totals.values[r.get()]);
        let all_preferred = self.credential_terms(r).all_preferred;
        finish(
            self.catalog,
            r,
            (numerator, total, all_preferred),
            levels,
            policy,
        )
    }
}

/// The numerators with the preferred credentials the profile holds added, role by role
/// for the few roles with credentials (scoring's walk of the index never sees them), and
/// what the credentials earn on each of those roles.
fn with_credentials(
    catalog: &Catalog,
    policy: &Policy,
    levels: &Levels,
    mut numerator: Vec<f64>,
) -> (Vec<f64>, Vec<CredentialTerms>) {
    let index = catalog.credential_index();
    let terms: Vec<CredentialTerms> = index
        .roles()
        .iter()
        .map(|(r, reqs)| {
            let t = credentials::terms(reqs, &levels.credentials, &policy.weights);
            numerator[r.get()] += t.earned;
            t
        })
        .collect();
    (numerator, terms)
}

/// The score of one role from its numerator and total (preferred credentials included)
/// and whether every preferred credential is held: the one place the division, the exact
/// 1 for every requirement met, and the all-weights-zero rule live. When every weight is
/// 0, every skill requirement counts alike: the mean credit (credentials, weighing 0, are
/// left out).
fn finish(
    catalog: &Catalog,
    r: RoleAt,
    (numerator, total, all_preferred): (f64, f64, bool),
    levels: &Levels,
    policy: &Policy,
) -> f64 {
    let reqs = catalog.merged_requirements().of(r);
    if total > 0.0 {
        // Every requirement met scores exactly 1, free of rounding in the sums. The
        // sums then agree to 10⁻⁶ (for fewer than 2³² requirements), so only a
        // score that close to 1 is checked.
        let meets_all = || {
            reqs.iter()
                .all(|q| levels.of_skill(q.skill) >= q.need.as_f64())
        };
        if numerator >= total * (1.0 - 1e-6) && all_preferred && meets_all() {
            1.0
        } else {
            round_score((numerator / total).min(1.0))
        }
    } else {
        let credits: f64 = reqs
            .iter()
            .map(|q| policy.credit(levels.of_skill(q.skill), q.need.as_f64()))
            .sum();
        round_score(credits / reqs.len().max(1) as f64)
    }
}

/// One role prepared for scoring many profiles: its requirements (merged, by skill) with
/// their weights under the policy, and its total. [`OneRole::score`] adds the same terms
/// [`accumulate`] adds for the role, in the same (skill) order, so the score is the one the
/// whole assessment gives.
pub(crate) struct OneRole<'a> {
    catalog: &'a Catalog,
    policy: &'a Policy,
    r: RoleAt,
    /// Per requirement: level needed, weight, whether essential.
    terms: Vec<(f64, f64, bool)>,
    /// By skill position, its requirement's index in `terms` ([`NO_TERM`] for none).
    term_of: Vec<u32>,
    /// Essential requirements above level 0 (those a profile without the skill misses).
    essentials: u32,
    total: f64,
    /// The role's credential requirements (own and inherited).
    credentials: &'a [CredentialRequirement],
}

impl<'a> OneRole<'a> {
    /// Role `r` under `policy`.
    pub fn new(catalog: &'a Catalog, r: RoleAt, policy: &'a Policy) -> OneRole<'a> {
        let reqs = catalog.merged_requirements().of(r);
        let mut term_of = vec![NO_TERM; catalog.skills().len()];
        let mut essentials = 0;
        let terms = (reqs.iter().enumerate())
            .map(|(i, q)| {
                term_of[q.skill.get()] = i as u32;
                let weight = policy.weights.of_requirement(q.weight, q.importance);
                let essential = q.importance == Importance::Essential;
                essentials += u32::from(essential && q.need.as_f64() > 0.0);
                (q.need.as_f64(), weight, essential)
            })
            .collect();
        let total = catalog.merged_requirements().total(r, &policy.weights);
        OneRole {
            catalog,
            policy,
            r,
            terms,
            term_of,
            essentials,
            total,
            credentials: catalog.credential_index().of(r),
        }
    }

    /// The role's score for a profile's levels, and whether the profile is ready for it.
    ///
    /// Computing the weights and the total once per role, instead of looking each
    /// requirement up in the levels' hash table, took ranking 100,000 profiles for one
    /// role from 100–110 ms to 82–93 ms (`cargo bench --bench batch --features parallel
    /// -- cohort/rank`).
    ///
    /// `skills` and `values` are the profile's levels, by skill, as
    /// [`FlatLevels`](super::have::FlatLevels) keeps them. Each level the profile holds
    /// finds its requirement (if any) in a table by skill, so the terms are added in skill
    /// order, as [`accumulate`] adds them. Walking the members' skills in flat arrays (4
    /// bytes a level instead of the 40 of a `Have`) and finding requirements by table
    /// instead of merging two sorted lists took ranking 100,000 profiles for one role
    /// from 88.8 ms to 15.8 ms (same command, one run each in one session).
    pub fn score(&self, (skills, values): (&[SkillAt], &[f64]), levels: &Levels) -> (f64, bool) {
        let mut numerator = 0.0;
        let mut met = 0;
        for (&skill, &have) in skills.iter().zip(values) {
            let Some(&(need, weight, essential)) =
                (self.term_of.get(skill.get())).and_then(|&t| self.terms.get(t as usize))
            else {
                continue;
            };
            if have > 0.0 {
                numerator += weight * self.policy.credit(have, need);
            }
            met += u32::from(essential && need > 0.0 && have >= need);
        }
        let mut ready = met == self.essentials;
        let terms = credentials::terms(self.credentials, &levels.credentials, &self.policy.weights);
        numerator += terms.earned;
        ready &= terms.gates_met == terms.gates;
        let sums = (numerator, self.total, terms.all_preferred);
        (
            finish(self.catalog, self.r, sums, levels, self.policy),
            ready,
        )
    }
}

/// No requirement on a skill, in [`OneRole`]'s table.
const NO_TERM: u32 = u32::MAX;

/// A score rounded to 12 decimal places: sums of the same terms added in another order
/// differ in their last bits (`0.05` comes out as `0.049999999999999996`), and rounding
/// makes scores that are equal on paper equal as numbers, so that ties go by role id as
/// documented. Two scores closer than 10⁻¹² may so become equal; none further apart.
pub(crate) fn round_score(score: f64) -> f64 {
    round_half_away(score * 1e12) / 1e12
}

/// `x.round()`, without a call into the C library for the `x` scores give.
///
/// Below 2⁵², adding and subtracting 2⁵² leaves the nearest integer (ties to even, the
/// additions being exact otherwise); a tie then goes up, away from zero, as `round` does.
/// Elsewhere (negative, -0.0, huge, NaN) `round` itself. Without SSE4.1 in the target, `round`
/// is a library call, made for each of the thousands of roles scored: about 6% of the
/// headline assessment on the real ESCO release in a profile (`perf record` on `cargo
/// bench --features esco --bench import -- esco_assess`), all of it gone.
fn round_half_away(x: f64) -> f64 {
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    // Non-negative numbers' bits order like the numbers; -0.0's and NaNs' are above.
    if x.to_bits() < TWO_52.to_bits() {
        let nearest = (x + TWO_52) - TWO_52;
        if x - nearest == 0.5 {
            nearest + 1.0
        } else {
            nearest
        }
    } else {
        x.round()
    }
}

/// `used / held`, rounded like scores; 0 when nothing is held.
pub(crate) fn usage(used: f64, held: f64) -> f64 {
    if held > 0.0 {
        round_score((used / held).min(1.0))
    } else {
        0.0
    }
}

/// The harmonic mean of readiness and usage, rounded like scores (0 when both are 0).
pub(crate) fn fit(score: f64, usage: f64) -> f64 {
    if score + usage > 0.0 {
        round_score(2.0 * score * usage / (score + usage))
    } else {
        0.0
    }
}

/// What one walk of the index sums per role.
struct Sums {
    numerator: Vec<f64>,
    used: Vec<f64>,
    met: Vec<u32>,
}

/// Every role's numerator `Σ wᵢ·creditᵢ`, the levels of the profile it uses, and its
/// essential requirements met, through the skill → requirements index. Per role the
/// terms are added in skill order, whatever the index layout.
fn accumulate(catalog: &Catalog, policy: &Policy, have: &[Have]) -> Sums {
    let n = catalog.roles().len();
    let mut numerator = vec![0.0f64; n];
    let mut used = vec![0.0f64; n];
    let mut met = vec![0u32; n];
    let w = Importance::ALL.map(|i| policy.weights.of(i));
    let postings = catalog.postings();
    for h in have {
        if h.level <= 0.0 {
            continue;
        }
        for run in postings.runs(h.skill) {
            let need = run.need.as_f64();
            let credit = policy.credit(h.level, need);
            // Only essential requirements are counted (for readiness): a role meeting
            // every requirement is recognised when its score is asked for.
            let counted = h.level >= need && run.importance == Importance::Essential;
            if run.weighted {
                let weighted = postings.weighted(run);
                for &(r, weight) in weighted {
                    numerator[r.get()] += weight * credit;
                    used[r.get()] += h.level;
                }
                if counted {
                    for &(r, _) in weighted {
                        met[r.get()] += 1;
                    }
                }
                continue;
            }
            let gain = w[run.importance.index()] * credit;
            let roles = postings.roles(run);
            if counted {
                for &r in roles {
                    numerator[r.get()] += gain;
                    used[r.get()] += h.level;
                    met[r.get()] += 1;
                }
            } else {
                for &r in roles {
                    numerator[r.get()] += gain;
                    used[r.get()] += h.level;
                }
            }
        }
    }
    Sums {
        numerator,
        used,
        met,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Profile};

    /// The rounding of scores equals `f64::round`, bit for bit, on ties, near powers of
    /// two, at the ends of the fast range and beyond it.
    #[test]
    fn rounding_equals_round() {
        let two_52 = 4_503_599_627_370_496.0f64;
        let mut xs = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.49999999999999994,
            1e12,
            0.05 * 1e12,
            0.049999999999999996 * 1e12,
            two_52 - 0.5,
            two_52 - 1.0,
            two_52,
            two_52 + 1.0,
            1e300,
            -2.5,
            -0.4,
            f64::INFINITY,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
            xs.push(unit * 1e12);
            xs.push((unit * 1e6).floor() + 0.5);
        }
        for x in xs {
            assert_eq!(round_half_away(x).to_bits(), x.round().to_bits(), "{x}");
        }
        assert!(round_half_away(f64::NAN).is_nan());
    }

    /// The essentials met, as scoring counts them, equal a direct count.
    #[test]
    fn essentials_met_are_counted() {
        let catalog = Catalog::builtin();
        let profile = Profile::new()
            .with_skill("python", Level::ADVANCED)
            .with_skill("statistics", Level::INTERMEDIATE)
            .with_skill("sql", Level::EXPERT)
            .with_skill("machine-learning", Level::BEGINNER);
        let strict = Policy {
            partial_credit: false,
            ..Policy::default()
        };
        for policy in [Policy::default(), strict] {
            let (levels, _) = Levels::of(catalog, &policy, &profile);
            let Sums { met, .. } = accumulate(catalog, &policy, &levels.have);
            for r in (0..catalog.roles().len()).map(RoleAt::at) {
                let direct = catalog
                    .merged_requirements()
                    .of(r)
                    .iter()
                    .filter(|q| q.importance == Importance::Essential)
                    .filter(|q| levels.of_skill(q.skill) >= q.need.as_f64())
                    .count() as u32;
                assert_eq!(met[r.get()], direct, "role {r:?}");
            }
            assert!(met.iter().any(|&m| m > 0));
        }
    }
}
