//! A fast, deterministic hasher for small integer keys (the planner's need and skill maps).
//!
//! Multiplicative hashing (Knuth's golden-ratio constant) with a fixed seed: no random
//! state, so maps behave the same on every run. Only for keys that do not come from input
//! strings (no protection against crafted collisions is needed for internal indices).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for integer keys.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct IndexHasher(u64);

impl Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A `HashMap` keyed by internal indices.
pub(crate) type IndexMap<K, V> = HashMap<K, V, BuildHasherDefault<IndexHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_integers() {
        let mut m: IndexMap<u32, u32> = IndexMap::default();
        for i in 0..1000 {
            m.insert(i * 7, i);
        }
        assert_eq!(m.get(&700), Some(&100));
        assert_eq!(m.get(&701), None);
    }
}
