//! Ranking: every role by fit or readiness (the policy's [`Rank`](super::Rank)), or only the
//! best few without sorting them all.

use super::{Assessment, Rank, RoleScore};
use crate::catalog::RoleAt;

/// Up to this many roles, [`Assessment::top`] scans the roles once keeping the best so
/// far, and skips computing the scores that cannot enter; beyond, it selects.
const TOP_SCAN: usize = 64;

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

    /// Fills `best` by fit from every role. With a score of at most 1, a role's fit is at
    /// most `2·usage / (1 + usage)`; a role whose bound (with room for rounding) is below
    /// the k-th fit so far cannot enter, and its score (a division, a rounding and, near
    /// 1, a check of every requirement) is not computed. On the real ESCO release (3,007
    /// occupations) this took the headline assessment from 94 µs to 62 µs
    /// (`cargo bench --features esco --bench import`).
    fn scan_fit(&self, best: &mut Best) {
        let mut worst = f64::NEG_INFINITY;
        for r in (0..self.scores.len()).map(RoleAt::at) {
            let usage = self.scores.usage(r);
            if 2.0 * usage / (1.0 + usage) + 1e-9 < worst {
                continue;
            }
            if let Some(w) = best.enter(RankKey::new(self.rank_value_at(r), r)) {
                worst = w;
            }
        }
    }

    /// The best role by the policy's ranking (`None` for an empty catalog).
    pub fn best(&self) -> Option<RoleScore<'c>> {
        self.top(1).pop()
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
