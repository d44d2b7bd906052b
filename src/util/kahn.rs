//! Kahn's topological sort (Kahn 1962), the one implementation the crate uses: the gaps'
//! learning order, the order of a plan's courses, and which courses of a planning
//! instance can ever be taken.
//!
//! Items are numbered `0..n`; each waits on a count of things still missing. Among the
//! items whose count is zero, the **lowest-numbered** goes next, so a caller that numbers
//! its items by priority gets the highest-priority valid order. Placing an item lets the
//! caller release what it unblocks, through [`Release::one`].
//!
//! The ready items are a bit set; the next one is found in O(n / 64) words at worst and
//! usually in one. The word at `low` is kept in `word` (its copy in `ready` is stale) and
//! every word before `low` is zero: each step depends on the one before through `word`,
//! which so stays out of memory.
//!
//! Time: O(n + released) plus the bit-set scan. Memory: one bit per item.

/// What placing an item releases: see [`order`].
#[derive(Debug)]
pub(crate) struct Release<'a> {
    missing: &'a mut [u32],
    ready: &'a mut [u64],
    low: usize,
    word: u64,
}

impl Release<'_> {
    /// One of item `j`'s missing things is now there; `j` is ready once none are missing.
    #[inline]
    pub fn one(&mut self, j: u32) {
        let m = &mut self.missing[j as usize];
        *m -= 1;
        if *m == 0 {
            let (w, bit) = (j as usize / 64, 1u64 << (j % 64));
            if w == self.low {
                self.word |= bit;
            } else if w > self.low {
                self.ready[w] |= bit;
            } else {
                self.ready[self.low] = self.word;
                self.low = w;
                self.word = self.ready[w] | bit;
            }
        }
    }
}

/// Places items `0..missing.len()` in Kahn's order, lowest-numbered ready item first:
/// `place(i, release)` is called for each item in turn, and calls `release.one(j)` for
/// every item `j` that `i` brings one step closer. `ready` is scratch space. Returns how
/// many items were placed: fewer than all when the rest wait on each other (a cycle) or
/// on something never released.
pub(crate) fn order(
    missing: &mut [u32],
    ready: &mut Vec<u64>,
    mut place: impl FnMut(u32, &mut Release<'_>),
) -> usize {
    ready.clear();
    ready.extend(missing.chunks(64).map(|chunk| {
        chunk
            .iter()
            .enumerate()
            .fold(0, |w, (b, &m)| w | u64::from(m == 0) << b)
    }));
    let word = ready.first().copied().unwrap_or(0);
    let mut r = Release {
        missing,
        ready,
        low: 0,
        word,
    };
    let mut placed = 0;
    loop {
        if r.word == 0 {
            if let Some(stale) = r.ready.get_mut(r.low) {
                *stale = 0;
            }
            r.low += 1;
            match r.ready.get(r.low) {
                Some(&w) => r.word = w,
                None => break,
            }
            continue;
        }
        let i = r.low * 64 + r.word.trailing_zeros() as usize;
        r.word &= r.word - 1;
        placed += 1;
        place(i as u32, &mut r);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A slow reference: repeatedly the lowest item whose predecessors are all placed.
    fn slow(n: usize, edges: &[(u32, u32)]) -> Vec<u32> {
        let mut placed = vec![false; n];
        let mut out = Vec::new();
        while let Some(i) = (0..n).find(|&i| {
            !placed[i]
                && edges
                    .iter()
                    .all(|&(a, b)| b as usize != i || placed[a as usize])
        }) {
            placed[i] = true;
            out.push(i as u32);
        }
        out
    }

    #[test]
    fn lowest_ready_first_across_words() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for n in [0usize, 1, 5, 63, 64, 65, 200] {
            let mut edges = Vec::new();
            for _ in 0..n * 2 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                let (a, b) = (
                    (seed >> 33) as usize % n.max(1),
                    (seed >> 13) as usize % n.max(1),
                );
                // Edges between items in a random order of their own, so that later items
                // often unblock earlier ones.
                let (a, b) = if (a ^ 0x55) < (b ^ 0x55) {
                    (a, b)
                } else {
                    (b, a)
                };
                if a != b {
                    edges.push((a as u32, b as u32));
                }
            }
            let mut missing = vec![0u32; n];
            for &(_, b) in &edges {
                missing[b as usize] += 1;
            }
            let mut out = Vec::new();
            let placed = order(&mut missing, &mut Vec::new(), |i, r| {
                out.push(i);
                for &(a, b) in &edges {
                    if a == i {
                        r.one(b);
                    }
                }
            });
            assert_eq!(placed, n);
            assert_eq!(out, slow(n, &edges), "n = {n}");
        }
    }

    #[test]
    fn a_cycle_leaves_items_unplaced() {
        let mut missing = vec![0, 1, 1];
        let placed = order(&mut missing, &mut Vec::new(), |i, r| {
            if i == 1 {
                r.one(2);
            }
            if i == 2 {
                r.one(1);
            }
        });
        assert_eq!(placed, 1);
    }
}
