//! Name resolution: from what a person typed to a catalog item.
//!
//! Every lookup by name in the crate goes through [`Vocabulary`]: profile skills, catalog
//! references and their did-you-mean suggestions.

use crate::text::MAX_LABEL_BYTES;

/// Normalises a label for exact lookup: trims, lowercases and collapses inner whitespace.
/// Inputs longer than [`MAX_LABEL_BYTES`] are cut there (on a character boundary).
pub(crate) fn normalize(label: &str) -> String {
    let mut cut = label.len().min(MAX_LABEL_BYTES);
    while !label.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut out = String::with_capacity(cut);
    for word in label[..cut].split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The lowest similarity (0..=1) at which a label is offered as a suggestion.
const SUGGEST_THRESHOLD: f64 = 0.78;

/// Labels (normalised) mapped to item indices, sorted for binary search.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    entries: Vec<(String, u32)>,
    exact: std::collections::HashMap<String, u32>,
}

/// A label that names two different items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Collision {
    pub label: String,
    pub first: u32,
    pub second: u32,
}

impl Vocabulary {
    /// Builds a vocabulary from `(label, item)` pairs given in item order. A label that
    /// names two items keeps the first and is reported as a collision.
    pub(crate) fn new<'a>(
        labels: impl IntoIterator<Item = (&'a str, u32)>,
    ) -> (Self, Vec<Collision>) {
        let mut entries: Vec<(String, u32, usize)> = labels
            .into_iter()
            .enumerate()
            .map(|(order, (label, item))| (normalize(label), item, order))
            .filter(|(key, _, _)| !key.is_empty())
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut collisions = Vec::new();
        let mut kept: Vec<(String, u32)> = Vec::with_capacity(entries.len());
        for (key, item, _) in entries {
            match kept.last() {
                Some((last, first)) if *last == key => {
                    if *first != item {
                        collisions.push(Collision {
                            label: key,
                            first: *first,
                            second: item,
                        });
                    }
                }
                _ => kept.push((key, item)),
            }
        }
        let exact = kept.iter().cloned().collect();
        (
            Vocabulary {
                entries: kept,
                exact,
            },
            collisions,
        )
    }

    /// The item a label names exactly (after normalisation).
    pub(crate) fn lookup(&self, label: &str) -> Option<u32> {
        // Most labels arrive normalized already: look them up without allocating.
        let plain = label.len() <= MAX_LABEL_BYTES
            && !label.starts_with(' ')
            && !label.ends_with(' ')
            && !label.contains("  ")
            && label.bytes().all(|b| {
                b.is_ascii() && !b.is_ascii_uppercase() && (b == b' ' || !b.is_ascii_whitespace())
            });
        if plain {
            return self.exact.get(label).copied();
        }
        self.exact.get(&normalize(label)).copied()
    }

    /// Up to `n` items whose labels are most similar to `label`, best first (ties by item).
    ///
    /// Similarity is the larger of Jaro–Winkler and normalised Damerau–Levenshtein
    /// (strsim); only items at or above 0.78 are offered.
    pub(crate) fn suggest(&self, label: &str, n: usize) -> Vec<u32> {
        let key = normalize(label);
        if key.is_empty() || n == 0 {
            return Vec::new();
        }
        let mut best: Vec<(f64, u32)> = Vec::new();
        for (k, item) in &self.entries {
            let sim =
                strsim::jaro_winkler(&key, k).max(strsim::normalized_damerau_levenshtein(&key, k));
            if sim >= SUGGEST_THRESHOLD {
                match best.iter_mut().find(|(_, i)| i == item) {
                    Some(entry) => entry.0 = entry.0.max(sim),
                    None => best.push((sim, *item)),
                }
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(n);
        best.into_iter().map(|(_, item)| item).collect()
    }

    /// The number of distinct labels.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_trims_lowercases_and_collapses() {
        assert_eq!(normalize("  Machine   Learning "), "machine learning");
        assert_eq!(normalize("C++"), "c++");
        assert_eq!(normalize(&"x".repeat(10_000)).len(), MAX_LABEL_BYTES);
    }

    #[test]
    fn lookup_and_collisions() {
        let (v, c) = Vocabulary::new([("python", 0), ("Python", 0), ("SQL", 1), ("sql", 2)]);
        assert_eq!(v.lookup(" PYTHON "), Some(0));
        assert_eq!(v.lookup("sql"), Some(1));
        assert_eq!(
            c,
            vec![Collision {
                label: "sql".into(),
                first: 1,
                second: 2
            }]
        );
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn suggestions_rank_close_labels() {
        let (v, _) = Vocabulary::new([("python", 0), ("pytorch", 1), ("sql", 2)]);
        assert_eq!(v.suggest("pyhton", 2)[0], 0);
        assert!(v.suggest("zzzzzz", 3).is_empty());
    }
}
