//! Hashing, in one place: foldhash (a fast, minimally DoS-resistant hash) for every hash
//! table and fingerprint of the crate.
//!
//! - Keys that come from input (ids, labels, words) are hashed with a seed chosen at
//!   random once per process ([`Strings`]), so crafted inputs cannot be made to collide.
//!   Nothing iterates these tables, so the seed never changes an output.
//! - Internal indices (skill and course positions, need numbers) are hashed with a fixed
//!   seed ([`IndexMap`], [`index`]): they are not chosen by the user, and a fixed seed keeps
//!   every run's memory layout the same.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// A `HashSet` of internal indices.
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

/// A `HashMap` keyed by strings from input, under a random seed (a fresh one per map).
pub(crate) type StrMap<V> = HashMap<Box<str>, V, foldhash::fast::RandomState>;

/// A `HashMap` keyed by borrowed strings from input, under a random seed (a fresh one per
/// map).
pub(crate) type StrRefMap<'a, V> = HashMap<&'a str, V, foldhash::fast::RandomState>;

/// A `HashMap` keyed by internal indices.
pub(crate) type IndexMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The hash of an internal index.
pub(crate) fn index(x: u32) -> u64 {
    foldhash::fast::FixedState::with_seed(0).hash_one(x)
}

/// Hashes of strings from input, under the process's random seed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Strings {
    state: &'static foldhash::fast::RandomState,
}

impl Strings {
    /// The process's string hasher.
    pub fn get() -> Strings {
        static STATE: OnceLock<foldhash::fast::RandomState> = OnceLock::new();
        Strings {
            state: STATE.get_or_init(foldhash::fast::RandomState::default),
        }
    }

    /// The hash of `bytes`.
    pub fn bytes(self, bytes: &[u8]) -> u64 {
        let mut h = self.state.build_hasher();
        h.write(bytes);
        h.finish()
    }

    /// The hash of `s` with its ASCII capitals lowered (other bytes unchanged): equal for
    /// two strings equal up to ASCII case. Strings up to 64 bytes (ids and labels
    /// mostly) are lowered on the stack, longer ones in a heap copy.
    pub fn folded(self, s: &str) -> u64 {
        const SHORT: usize = 64;
        let bytes = s.as_bytes();
        let mut short = [0u8; SHORT];
        let mut long = Vec::new();
        let lowered: &mut [u8] = if bytes.len() <= SHORT {
            &mut short[..bytes.len()]
        } else {
            long.extend_from_slice(bytes);
            &mut long
        };
        lowered[..].copy_from_slice(bytes);
        lowered.make_ascii_lowercase();
        self.bytes(lowered)
    }
}

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
        assert_ne!(index(1), index(2));
    }

    #[test]
    fn folding_ignores_ascii_case_only() {
        let h = Strings::get();
        let long = "Data Analysis With A Label Longer Than The Short Form Of 32 Bytes";
        assert_eq!(h.folded(long), h.folded(&long.to_lowercase()));
        assert_eq!(h.folded("PYTHON"), h.folded("python"));
        assert_eq!(h.folded("PYTHON"), h.bytes(b"python"));
        assert_ne!(h.folded("ÉCOLE"), h.folded("école"));
        assert_ne!(h.folded("python"), h.folded("pythons"));
    }
}
