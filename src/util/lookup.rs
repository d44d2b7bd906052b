//! Exact lookup of strings (ids, labels) by open addressing over their positions: one
//! hash and usually one string comparison. The index stores positions, not strings: the
//! caller says where the string at a position is.

use super::hash::Strings;

/// Positions of strings, found by exact value (or by value up to ASCII case).
#[derive(Debug, Clone, Default)]
pub(crate) struct Lookup {
    /// `hash >> 32 << 32 | position`; [`Lookup::EMPTY`] is an empty slot. The length is a
    /// power of two, at least twice the number of strings.
    slots: Vec<u64>,
    /// Whether ASCII case is ignored.
    fold: bool,
}

impl Lookup {
    const EMPTY: u64 = u64::MAX;

    /// An index of `keys` (position `i` for the `i`-th), ignoring ASCII case if `fold`. A
    /// key given twice is found at its first position.
    pub fn new<'a>(keys: impl ExactSizeIterator<Item = &'a str>, fold: bool) -> Lookup {
        let len = (keys.len() * 2).next_power_of_two().max(8);
        let mut index = Lookup {
            slots: vec![Lookup::EMPTY; len],
            fold,
        };
        for (i, key) in keys.enumerate() {
            index.place(key, i);
        }
        index
    }

    /// An empty index with room for `keys` strings added by [`Lookup::find_or_add`]
    /// without growing.
    pub fn with_capacity(keys: usize) -> Lookup {
        Lookup {
            slots: vec![Lookup::EMPTY; (keys * 2).next_power_of_two().max(8)],
            fold: false,
        }
    }

    fn hash(&self, key: &str) -> u64 {
        let strings = Strings::get();
        if self.fold {
            strings.folded(key)
        } else {
            strings.bytes(key.as_bytes())
        }
    }

    /// The position of `key`; `key_of` gives the string at a position.
    ///
    /// Each slot keeps the high half of its string's hash beside the position, so a probe
    /// past another string compares two integers, not the strings.
    pub fn find<'a>(&self, key: &str, key_of: impl Fn(usize) -> &'a str) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let h = self.hash(key);
        let mut at = h as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == Lookup::EMPTY {
                return None;
            }
            let i = slot as u32;
            if slot >> 32 == h >> 32 && self.same(key_of(i as usize), key) {
                return Some(i);
            }
            at = (at + 1) & mask;
        }
    }

    /// The positions of many keys at once, as [`Lookup::find`] finds each.
    ///
    /// Over a large index each lookup waits on up to three cache misses in a row (its
    /// slot, where its candidate's string is, the string). Done key by key, the processor
    /// overlaps little of one key's waits with the next's; done in three passes over all
    /// the keys (every slot, then every candidate's string, then the comparisons), the
    /// misses of one pass are independent loads that overlap. Resolving a profile's names
    /// this way took "score every role, top 10, gaps of the 10" from 73.8 µs to 49.3 µs
    /// per profile on the real ESCO release, and from 95.9 µs to 83.8 µs on the
    /// ESCO-sized generated catalog (`cargo bench --bench batch --features
    /// parallel,esco -- one_profile`, medians of one run each, the same session).
    pub fn find_all<'a>(
        &self,
        keys: &[&str],
        key_of: impl Fn(usize) -> &'a str,
    ) -> Vec<Option<u32>> {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return vec![None; keys.len()];
        };
        let candidates: Vec<u64> = keys
            .iter()
            .map(|key| {
                let h = self.hash(key);
                let mut at = h as usize & mask;
                loop {
                    let slot = self.slots[at];
                    if slot == Lookup::EMPTY || slot >> 32 == h >> 32 {
                        return slot;
                    }
                    at = (at + 1) & mask;
                }
            })
            .collect();
        let strings: Vec<Option<&str>> = candidates
            .iter()
            .map(|&slot| (slot != Lookup::EMPTY).then(|| key_of(slot as u32 as usize)))
            .collect();
        keys.iter()
            .zip(candidates.iter().zip(strings))
            .map(|(key, (&slot, other))| match other {
                None => None,
                Some(other) if self.same(other, key) => Some(slot as u32),
                // Another key with the same high hash bits came first: rare.
                Some(_) => self.find(key, &key_of),
            })
            .collect()
    }

    /// Whether two keys are equal, up to ASCII case if the index ignores it.
    fn same(&self, a: &str, b: &str) -> bool {
        if self.fold {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    }

    /// The position of `key` if present; else `key` is added at position `len`, the
    /// number of keys added so far (the caller stores it there, so that `key_of(len)` is
    /// `key` afterwards), and `None` is returned. `key_of` gives the string at a
    /// position; the slots double when half full.
    pub fn find_or_add<'a>(
        &mut self,
        key: &str,
        len: usize,
        key_of: impl Fn(usize) -> &'a str,
    ) -> Option<u32> {
        if let Some(i) = self.find(key, &key_of) {
            return Some(i);
        }
        if (len + 1) * 2 > self.slots.len() {
            let grown = ((len + 1) * 2).next_power_of_two().max(8);
            self.slots = vec![Lookup::EMPTY; grown];
            for i in 0..len {
                self.place(key_of(i), i);
            }
        }
        self.place(key, len);
        None
    }

    /// Puts `key` at position `i` into a free slot (there is one: the slots are never
    /// more than half full).
    fn place(&mut self, key: &str, i: usize) {
        let mask = self.slots.len() - 1;
        let h = self.hash(key);
        let mut at = h as usize & mask;
        while self.slots[at] != Lookup::EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = h >> 32 << 32 | i as u64;
    }

    /// The longest run of occupied slots: no lookup probes further.
    #[cfg(test)]
    fn longest_run(&self) -> usize {
        let mut longest = 0;
        let mut run = 0;
        // Twice round, for a run that wraps past the end.
        for &slot in self.slots.iter().chain(&self.slots) {
            run = if slot == Lookup::EMPTY { 0 } else { run + 1 };
            longest = longest.max(run);
        }
        longest.min(self.slots.len())
    }

    /// Approximate heap memory, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys of every length up to three words, differing only in their last byte, their
    /// first, or their middle one, are all found, and nothing else is.
    #[test]
    fn finds_every_key_of_every_length() {
        let mut keys: Vec<String> = Vec::new();
        for n in 0..=24usize {
            let base: String = (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            keys.push(base.clone());
            for at in [0, n / 2, n.saturating_sub(1)] {
                if n > 0 {
                    let mut bytes = base.clone().into_bytes();
                    bytes[at] = b'Z';
                    keys.push(String::from_utf8(bytes).expect("ASCII"));
                }
            }
        }
        keys.push("données".into());
        keys.sort();
        keys.dedup();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        for fold in [false, true] {
            let index = Lookup::new(refs.iter().copied(), fold);
            for (i, key) in keys.iter().enumerate() {
                assert_eq!(index.find(key, |j| refs[j]), Some(i as u32), "{key:?}");
            }
            for missing in ["ZY", "abcdefgZY", "abcdefghijklmnopqrstuvwxyz", "donnees"] {
                assert_eq!(index.find(missing, |j| refs[j]), None, "{missing:?}");
            }
        }
        assert_eq!(Lookup::default().find("a", |j| refs[j]), None);
    }

    /// Ignoring case, a key in capitals finds the key, and only ASCII letters fold.
    #[test]
    fn may_ignore_ascii_case() {
        let keys = [
            "python",
            "Data Analysis",
            "scikit-learn",
            "Ünïcode",
            "r",
            "c#",
        ];
        let index = Lookup::new(keys.iter().copied(), true);
        let exact = Lookup::new(keys.iter().copied(), false);
        for (query, want) in [
            ("PYTHON", Some(0)),
            ("data analysis", Some(1)),
            ("DATA ANALYSIS", Some(1)),
            ("Scikit-Learn", Some(2)),
            ("ünïcode", None),
            ("ÜNÏCODE", None),
            ("ÜNïCODE", Some(3)),
            ("R", Some(4)),
            ("C#", Some(5)),
            ("C3", None),
            ("scikit_learn", None),
        ] {
            assert_eq!(index.find(query, |j| keys[j]), want, "{query:?}");
            let same = keys.iter().position(|&k| k == query).map(|i| i as u32);
            assert_eq!(exact.find(query, |j| keys[j]), same, "{query:?}");
        }
    }

    /// Finding many keys at once finds what finding each does: keys present in any case,
    /// keys absent, repeats, and the empty index.
    #[test]
    fn finding_all_equals_finding_each() {
        let keys: Vec<String> = (0..5_000).map(|i| format!("skill {i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut queries: Vec<String> = (0..6_000)
            .step_by(3)
            .map(|i| format!("skill {i}"))
            .collect();
        queries.extend((0..5_000).step_by(7).map(|i| format!("SKILL {i}")));
        queries.extend(["", "skill", "skill 1", "skill 1", "skill  1"].map(String::from));
        let queries: Vec<&str> = queries.iter().map(String::as_str).collect();
        for fold in [false, true] {
            let index = Lookup::new(refs.iter().copied(), fold);
            let each: Vec<Option<u32>> =
                queries.iter().map(|q| index.find(q, |j| refs[j])).collect();
            assert_eq!(index.find_all(&queries, |j| refs[j]), each, "fold: {fold}");
            assert!(each.iter().any(Option::is_some) && each.iter().any(Option::is_none));
        }
        assert_eq!(
            Lookup::default().find_all(&["a", "b"], |j| refs[j]),
            [None, None]
        );
    }

    /// When another key with the same high hash bits sits first on a key's probe path,
    /// finding many at once still finds the key, past the other.
    #[test]
    fn finding_all_probes_past_a_key_with_the_same_high_bits() {
        let keys = ["first", "second"];
        let mut index = Lookup::new(keys.iter().copied(), false);
        let mask = index.slots.len() - 1;
        let h = index.hash("second");
        index.slots.iter_mut().for_each(|s| *s = Lookup::EMPTY);
        // "first" (position 0) on "second"'s home slot, as if its high bits were the
        // same; "second" right after it.
        let home = h as usize & mask;
        index.slots[home] = h >> 32 << 32;
        index.slots[(home + 1) & mask] = h >> 32 << 32 | 1;
        assert_eq!(index.find_all(&["second"], |j| keys[j]), [Some(1)]);
        assert_eq!(index.find("second", |j| keys[j]), Some(1));
    }

    #[test]
    fn a_repeated_key_is_found_first() {
        let keys = ["a", "b", "a"];
        let index = Lookup::new(keys.iter().copied(), false);
        assert_eq!(index.find("a", |j| keys[j]), Some(0));
    }

    /// Keys built to look alike (as crafted ones would) spread out: the hash is keyed
    /// per process, so no run of occupied slots grows long.
    #[test]
    fn alike_keys_do_not_cluster() {
        let keys: Vec<String> = (0..65_536u32)
            .map(|i| {
                let b = i.to_le_bytes();
                format!("id-{}{}{}{}-x", b[0] as char, b[1] as char, 'a', 'a')
            })
            .collect();
        let index = Lookup::new(keys.iter().map(String::as_str), false);
        assert!(index.longest_run() < 200, "{}", index.longest_run());
        for (i, k) in keys.iter().enumerate().step_by(997) {
            assert_eq!(index.find(k, |j| &keys[j]), Some(i as u32));
        }
    }
}
