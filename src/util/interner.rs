//! Distinct strings numbered in order of first appearance, stored back to back in one
//! buffer: a set of many short keys without an allocation each.

use super::lookup::Lookup;

/// Distinct strings, each with an id (`0..len`, in order of first appearance).
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    /// The strings, back to back.
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<u32>,
    lookup: Lookup,
}

impl Interner {
    /// Room for `keys` strings of `bytes` bytes in all without growing.
    pub fn with_capacity(keys: usize, bytes: usize) -> Interner {
        Interner {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(keys),
            lookup: Lookup::with_capacity(keys),
        }
    }

    /// The id of `key`, added if new, and whether it was.
    pub fn intern(&mut self, key: &str) -> (u32, bool) {
        let Interner { text, ends, lookup } = self;
        let key_of = |i: usize| string(text, ends, i);
        match lookup.find_or_add(key, ends.len(), key_of) {
            Some(id) => (id, false),
            None => {
                text.push_str(key);
                ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
                (ends.len() as u32 - 1, true)
            }
        }
    }

    /// The id of `key`, if present.
    pub fn get(&self, key: &str) -> Option<u32> {
        self.lookup.find(key, |i| self.text(i as u32))
    }

    /// The string with id `id`.
    pub fn text(&self, id: u32) -> &str {
        string(&self.text, &self.ends, id as usize)
    }

    /// Drops spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Approximate heap memory, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4 + self.lookup.heap_bytes()
    }
}

/// String `i` of `text` cut at `ends`.
fn string<'a>(text: &'a str, ends: &[u32], i: usize) -> &'a str {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_order_of_first_appearance() {
        let mut strings = Interner::default();
        let words: Vec<String> = (0..1000).map(|i| format!("w{}", i % 300)).collect();
        for (i, w) in words.iter().enumerate() {
            let (id, new) = strings.intern(w);
            assert_eq!(id as usize, i % 300);
            assert_eq!(new, i < 300);
        }
        assert_eq!(strings.ends.len(), 300);
        assert_eq!(strings.text(7), "w7");
        assert_eq!(strings.get("w299"), Some(299));
        assert_eq!(strings.get("w300"), None);
        assert_eq!(strings.intern("").0, 300);
        assert_eq!(strings.get(""), Some(300));
    }
}
