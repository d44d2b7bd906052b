//! Ranking: every role by fit or readiness (the policy's [`Rank`](super::Rank)), or only the
//! best few without sorting them all.

use super::{Assessment, Rank, RoleScore};
use crate::catalog::RoleAt;

/// Up to this many roles, [`Assessment::top`] scans the roles once keeping the best so
/// far, and skips computing the scores that cannot enter; beyond, it selects.
const TOP_SCAN: usize = 64;

/// More than the exact fit of a role can differ from the harmonic mean of its unrounded
/// score and usage: the score is rounded to 10⁻¹² or, within 10⁻⁶ of 1, set to exactly 1;
/// the mean's slopes are at most 2.
const FIT_SLACK: f64 = 1e-5;

/// The ranking order of a role: score descending, then role position (id order)
/// ascending. Scores are never negative, so the bit patterns order like the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct RankKey {
    score: u64,
    role: RoleAt,
}

impl RankKey {
    fn new(score: f64, role: RoleAt) -> RankKey {
        RankKey {
            score: !score.to_bits(),
            role,
        }
    }

    fn score(self) -> f64 {
        f64::from_bits(!self.score)
    }
}

impl<'c> Assessment<'c> {
    /// Every role, best first by the policy's [`Rank`] (fit by default, or readiness),
    /// descending; ties by role id. Sorted on first call (O(n log n) for n roles);
    /// [`Assessment::top`] is cheaper when only the best few are wanted.
    pub fn roles(&self) -> &[RoleScore<'c>] {
        self.ranked.get_or_init(|| {
            let mut all: Vec<RoleScore<'c>> = (0..self.scores.len())
                .map(|r| self.score_at(RoleAt::at(r)))
                .collect();
            all.sort_unstable_by_key(|rs| RankKey::new(self.rank_value(rs), rs.at));
            all
        })
    }

    /// The value a role is ranked by under the policy.
    fn rank_value(&self, score: &RoleScore<'_>) -> f64 {
        match self.policy.rank {
            Rank::Fit => score.fit(),
            _ => score.score(),
        }
    }

    /// The ranking value of role `r` under the policy, computed on its own.
    fn rank_value_at(&self, r: RoleAt) -> f64 {
        match self.policy.rank {
            Rank::Fit => super::score::fit(self.score_value(r), self.scores.usage(r)),
            _ => self.score_value(r),
        }
    }

    /// The `k` best roles, in ranking order (as the first `k` of [`Assessment::roles`]).
    ///
    /// When the full ranking was not needed yet, a small `k` takes one pass over the roles
    /// that computes only the scores that could enter the best `k` (O(n + k log n)
    /// expected); a larger one, selection in O(n + k log k).
    pub fn top(&self, k: usize) -> Vec<RoleScore<'c>> {
        if let Some(ranked) = self.ranked.get() {
            return ranked.iter().take(k).copied().collect();
        }
        let n = self.scores.len();
        if k == 0 || n == 0 {
            return Vec::new();
        }
        if k >= n {
            return self.roles().to_vec();
        }
        let keys = if k > TOP_SCAN {
            self.select(k)
        } else {
            let mut best = Best {
                keys: [RankKey::new(0.0, RoleAt(0)); TOP_SCAN],
                len: 0,
                k,
            };
            match self.policy.rank {
                Rank::Readiness => self.scan(&mut best),
                _ => self.scan_fit(&mut best),
            }
            best.keys[..best.len].to_vec()
        };
        keys.iter().map(|key| self.score_at(key.role)).collect()
    }

    /// The best `k` keys by selection.
    fn select(&self, k: usize) -> Vec<RankKey> {
        let mut keys: Vec<RankKey> = (0..self.scores.len())
            .map(|r| RankKey::new(self.rank_value_at(RoleAt::at(r)), RoleAt::at(r)))
            .collect();
        keys.select_nth_unstable(k - 1);
        keys.truncate(k);
        keys.sort_unstable();
        keys
    }

    /// Fills `best` from every role.
    ///
    /// A role can enter only if its score beats the k-th's, `worst`. With
    /// `bar = worst·(1 − 10⁻⁶)`, `numerator < bar·total` proves the score below `worst`
    /// with room for every rounding, even for a role meeting all its (fewer than 2³²)
    /// requirements, whose score is exactly 1 while the sums agree to 10⁻⁶; such a role
    /// is skipped without a division. With tame totals and `bar` 0 or at least 10⁻¹⁰,
    /// the products are 0 or normal and finite; otherwise every role is scored. Until
    /// there are k roles, `bar` is 0 and every role is scored. The test runs on chunks of
    /// roles first, which vectorizes.
    fn scan(&self, best: &mut Best) {
        const CHUNK: usize = 8;
        let (numerator, totals, tame) = self.scores.sums();
        if !tame {
            for r in (0..numerator.len()).map(RoleAt::at) {
                best.enter(RankKey::new(self.score_value(r), r));
            }
            return;
        }
        let mut bar = 0.0f64;
        let mut enter = |r: usize, bar: &mut f64| {
            let role = RoleAt::at(r);
            if let Some(worst) = best.enter(RankKey::new(self.score_value(role), role)) {
                if worst >= 1e-10 {
                    *bar = worst * (1.0 - 1e-6);
                }
            }
        };
        let mut chunks_x = numerator.chunks_exact(CHUNK);
        let mut chunks_t = totals.chunks_exact(CHUNK);
        let mut r = 0;
        for (xs, ts) in (&mut chunks_x).zip(&mut chunks_t) {
            let mut any = false;
            for j in 0..CHUNK {
                any |= xs[j] >= bar * ts[j];
            }
            if any {
                for j in 0..CHUNK {
                    if xs[j] >= bar * ts[j] {
                        enter(r + j, &mut bar);
                    }
                }
            }
            r += CHUNK;
        }
        for (j, (&x, &t)) in chunks_x
            .remainder()
            .iter()
            .zip(chunks_t.remainder())
            .enumerate()
        {
            if x >= bar * t {
                enter(r + j, &mut bar);
            }
        }
    }

    /// Fills `best` by fit from every role, computing the exact fit (a division, three
    /// roundings and, near a score of 1, a check of every requirement) only for the roles
    /// that could enter. Two bounds, both with room for every rounding, skip the others:
    ///
    /// - with a score of at most 1, a role's fit is at most `2·u / (1 + u)` for its usage
    ///   `u = used / held`, so a role whose `used` is at most `held·w / (2 − w)` (less a
    ///   margin for rounding) cannot beat the k-th fit so far, `w` (one comparison); nor
    ///   can a role that uses nothing of the profile (`used` 0), whose fit is 0, even when
    ///   `w` is 0: a tie ranks after the k-th;
    /// - the harmonic mean of the unrounded score `N / T` and usage `U / H` differs from the
    ///   exact fit by less than [`FIT_SLACK`], and is below `w' = w − FIT_SLACK` exactly when
    ///   `2·N·U < w'·(N·H + U·T)` (products, no division).
    ///
    /// Without tame totals (see [`Assessment::scan`]) every role is scored. The first
    /// bound alone took the headline assessment on the real ESCO release from 94 µs to
    /// 62 µs (`cargo bench --features esco --bench import`); the second, with the test
    /// run on chunks of eight roles (which vectorizes), took the synthetic ESCO-sized
    /// one from 125 µs to 79 µs (the bounds tested role by role) and then 46 µs
    /// (`cargo bench --bench assess`). Skipping the roles of `used` 0 while the k-th fit
    /// is still 0 cut the instructions of a `top(10)` on the real ESCO release (a profile
    /// of one occupation's 8 skills, which few occupations use) from 86,500 to 33,400
    /// (counted as for the chunk pre-test below).
    fn scan_fit(&self, best: &mut Best) {
        const CHUNK: usize = 8;
        let (numerator, totals, tame) = self.scores.sums();
        let (used, held) = self.scores.usage_sums();
        let mut bound = FitBound::NONE;
        let mut enter = |r: usize, bound: &mut FitBound| {
            let role = RoleAt::at(r);
            if let Some(w) = best.enter(RankKey::new(self.rank_value_at(role), role)) {
                *bound = FitBound::new(w, held, tame);
            }
        };
        let len = numerator.len();
        let mut r = 0;
        while r + CHUNK <= len {
            let (ns, ts, us) = (
                &numerator[r..r + CHUNK],
                &totals[r..r + CHUNK],
                &used[r..r + CHUNK],
            );
            // The usage bound alone first, one comparison a role: when few roles use
            // the profile, most chunks end here. On the real ESCO release this cut the
            // instructions of a `top(10)` from 53,300 to 33,400 (`valgrind
            // --tool=callgrind --toggle-collect='*Assessment*top*'` on the bench binary
            // of `cargo bench --features esco --bench import`, run with `--bench
            // --profile-time 3 esco_assess`); criterion's medians (13.2–15.2 µs either
            // way) cannot tell the two apart through the development machine's noise.
            let mut any = false;
            for &u in us {
                any |= u > bound.floor;
            }
            if any {
                any = false;
                for j in 0..CHUNK {
                    any |= bound.may_enter(ns[j], ts[j], us[j], held);
                }
            }
            if any {
                for j in 0..CHUNK {
                    if bound.may_enter(numerator[r + j], totals[r + j], used[r + j], held) {
                        enter(r + j, &mut bound);
                    }
                }
            }
            r += CHUNK;
        }
        for j in r..len {
            if bound.may_enter(numerator[j], totals[j], used[j], held) {
                enter(j, &mut bound);
            }
        }
    }

    /// The best role by the policy's ranking (`None` for an empty catalog).
    pub fn best(&self) -> Option<RoleScore<'c>> {
        self.top(1).pop()
    }
}

/// What [`Assessment::scan_fit`] knows of the k-th fit so far: the bounds below which a
/// role cannot enter.
#[derive(Debug, Clone, Copy)]
struct FitBound {
    /// The k-th fit so far less [`FIT_SLACK`] (−∞ until there are k roles, or when the
    /// totals are not tame).
    bar: f64,
    /// The `used` sum at or below which a role's usage bound is below the k-th fit (or,
    /// at 0, its fit is 0): never negative once there are k roles.
    floor: f64,
}

impl FitBound {
    /// No bound yet: every role may enter.
    const NONE: FitBound = FitBound {
        bar: f64::NEG_INFINITY,
        floor: f64::NEG_INFINITY,
    };

    /// The bounds for a k-th fit `worst` over a profile holding `held` levels.
    fn new(worst: f64, held: f64, tame: bool) -> FitBound {
        if worst.is_nan() {
            // No bound from a NaN fit: every role is scored.
            return FitBound::NONE;
        }
        FitBound {
            bar: if tame {
                worst - FIT_SLACK
            } else {
                f64::NEG_INFINITY
            },
            floor: (held * (worst / (2.0 - worst) - 1e-9)).max(0.0),
        }
    }

    /// Whether a role with numerator `n`, total `t` and `used` levels may enter. Written
    /// without branches, so that a chunk of roles is tested in vector registers.
    #[inline]
    fn may_enter(self, n: f64, t: f64, used: f64, held: f64) -> bool {
        let by_usage = used > self.floor;
        let below =
            (self.bar > 0.0) & (t > 0.0) & (2.0 * n * used < self.bar * (n * held + used * t));
        by_usage & !below
    }
}

/// The best roles so far of a scan, in ranking order.
struct Best {
    keys: [RankKey; TOP_SCAN],
    len: usize,
    k: usize,
}

impl Best {
    /// Puts a role among the best if it ranks before the k-th; returns the k-th's score
    /// when there are k. Roles come in position order, so a role tying with the k-th
    /// ranks after it.
    fn enter(&mut self, key: RankKey) -> Option<f64> {
        if self.len == self.k {
            if key >= self.keys[self.k - 1] {
                return None;
            }
            self.len -= 1;
        }
        let mut at = self.len;
        while at > 0 && self.keys[at - 1] > key {
            self.keys[at] = self.keys[at - 1];
            at -= 1;
        }
        self.keys[at] = key;
        self.len += 1;
        (self.len == self.k).then(|| self.keys[self.k - 1].score())
    }
}
