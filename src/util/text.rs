//! Small text helpers shared by error messages and name resolution.

use std::cmp::Ordering;

/// The longest label (id, name, alias or profile skill name) accepted, in bytes.
pub(crate) const MAX_LABEL_BYTES: usize = 256;

/// Cuts `s` to at most `max` characters for display in a message, marking the cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}...", &s[..i]),
    }
}

/// The positions `0..len` ordered by the string `key(i)` of each, then by `then` (an
/// unstable sort); [`permuted`] applies the order. The sort moves `(prefix, position)`
/// pairs rather than the items, the prefix being a key's first eight bytes as a number, and
/// compares keys only when their prefixes tie: most comparisons settle without reading a
/// string (see `resolve::vocabulary` for the gain).
pub(crate) fn order_by_key<'s>(
    len: usize,
    key: impl Fn(usize) -> &'s str,
    then: impl Fn(usize, usize) -> Ordering,
) -> Vec<u32> {
    let mut keyed: Vec<(u64, u32)> = (0..len).map(|i| (prefix(key(i)), i as u32)).collect();
    keyed.sort_unstable_by(|a, b| {
        let (x, y) = (a.1 as usize, b.1 as usize);
        (a.0.cmp(&b.0))
            .then_with(|| key(x).cmp(key(y)))
            .then_with(|| then(x, y))
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// `items` in `order` (a permutation of their positions, as [`order_by_key`] gives).
pub(crate) fn permuted<T>(items: Vec<T>, order: &[u32]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    (order.iter())
        .filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take))
        .collect()
}

/// The first eight bytes of `key`, big-endian, zero-padded: a number that orders like the
/// keys wherever two keys' numbers differ (a shorter key that the other starts with has
/// zeros where the other has bytes, or ties).
fn prefix(key: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = key.len().min(8);
    bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_by_key_equals_a_plain_sort() {
        let words = [
            "",
            "a",
            "a\0",
            "a\0b",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\0",
            "abcdefgg~",
            "zz",
            "é",
            "e",
            "abcdefghi",
            "ab",
            "abcdefgh",
        ];
        let items: Vec<(String, usize)> = (words.iter().enumerate())
            .flat_map(|(i, w)| [(w.to_string(), i % 3), (w.to_string(), 2)])
            .collect();
        let mut expected = items.clone();
        expected.sort();
        let (keys, ranks): (Vec<String>, Vec<usize>) = items.iter().cloned().unzip();
        let order = order_by_key(items.len(), |i| &keys[i], |x, y| ranks[x].cmp(&ranks[y]));
        let sorted = permuted(items, &order);
        assert_eq!(sorted, expected);
    }

    #[test]
    fn clip_keeps_short_and_cuts_long_on_char_boundaries() {
        assert_eq!(clip("abc", 5), "abc");
        assert_eq!(clip("ééééé", 2), "éé...");
    }
}
