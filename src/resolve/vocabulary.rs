//! A vocabulary: labels mapped to item indices, with exact lookup, the resolution index,
//! and suggestions. Every lookup by name in the crate goes through one.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::index::{Index, Tier, Variant};
use super::normalize::{split_qualifiers, Normalized};
use super::phrase::PhraseIndex;
use super::{IndexStats, MatchKind, Rejection, ResolvePolicy, Status};
use crate::util::hash::HashSet;
use crate::util::lookup::Lookup;
use crate::util::text::MAX_LABEL_BYTES;

/// Normalises a label for exact lookup: trims, lowercases and collapses inner whitespace.
/// Inputs longer than [`MAX_LABEL_BYTES`] are cut there (on a character boundary).
///
/// This is the light form that decides when two catalog labels collide; resolution
/// adds the meaning-preserving normalisation of [`normalize`](self::normalize).
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
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Confidence of a match on a label variant without its bracketed qualifier, or of a
/// query without its own, relative to the match itself.
const QUALIFIER_FACTOR: f64 = 0.95;

/// Confidence of an acronym typed in capitals, and otherwise.
const ACRONYM_CAPITALS: f64 = 0.90;
const ACRONYM_LOWERCASE: f64 = 0.78;

/// The most candidates one rule (an exact tier, acronyms) contributes: a label shared by
/// 100,000 skills (`Python (v1)`, `Python (v2)`...) still costs a bounded answer, which
/// says ambiguous and lists the first of them.
const MAX_HITS: usize = 64;

/// One candidate item, before ids are attached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit {
    pub item: u32,
    pub label: u32,
    pub confidence: f64,
    pub kind: MatchKind,
}

/// The item-level outcome of a resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    pub status: Status,
    pub hits: Vec<Hit>,
    pub rejection: Option<Rejection>,
}

struct Shared {
    /// Every label with its item, in the order given (repeats of a label for the same
    /// item dropped).
    labels: Vec<(Box<str>, u32)>,
    /// Each distinct light-normalised label with the first item it names.
    keys: Vec<(Box<str>, u32)>,
    /// `keys` by value, ignoring ASCII case.
    exact: Lookup,
    /// Built on first use beyond [`Vocabulary::lookup`]'s exact lookup.
    index: OnceLock<Index>,
    /// Built on first use by extraction from running text.
    phrases: OnceLock<PhraseIndex>,
}

/// Labels mapped to item indices: exact lookup, the resolution index, suggestions.
///
/// Cheap to clone (shared).
#[derive(Clone)]
pub(crate) struct Vocabulary {
    shared: Arc<Shared>,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary::new(std::iter::empty()).0
    }
}

impl fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vocabulary")
            .field("labels", &self.shared.labels.len())
            .field("indexed", &self.shared.index.get().is_some())
            .finish()
    }
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
    /// names two items (ignoring case and spaces) keeps the first for [`lookup`] and is
    /// reported as a collision; resolution sees both and calls it ambiguous.
    ///
    /// [`lookup`]: Vocabulary::lookup
    pub(crate) fn new<'a>(
        labels: impl IntoIterator<Item = (&'a str, u32)>,
    ) -> (Self, Vec<Collision>) {
        let mut entries: Vec<(String, u32, usize, &'a str)> = labels
            .into_iter()
            .enumerate()
            .map(|(order, (label, item))| (normalize(label), item, order, label))
            .filter(|(key, ..)| !key.is_empty())
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut collisions = Vec::new();
        let mut keys: Vec<(Box<str>, u32)> = Vec::new();
        let mut kept: Vec<(usize, &'a str, u32)> = Vec::with_capacity(entries.len());
        // The items of the current key so far.
        let mut seen_here: HashSet<u32> = HashSet::default();
        for (key, item, order, label) in entries {
            let first = match keys.last() {
                Some((k, first)) if **k == *key => *first,
                _ => {
                    seen_here.clear();
                    keys.push((key.clone().into_boxed_str(), item));
                    item
                }
            };
            if seen_here.insert(item) {
                if item != first {
                    collisions.push(Collision {
                        label: key,
                        first,
                        second: item,
                    });
                }
                kept.push((order, label, item));
            }
        }
        kept.sort_by_key(|k| k.0);
        let labels = kept
            .into_iter()
            .map(|(_, label, item)| (Box::from(label), item))
            .collect();
        let exact = Lookup::new(keys.iter().map(|(k, _)| &**k), true);
        let shared = Shared {
            labels,
            keys,
            exact,
            index: OnceLock::new(),
            phrases: OnceLock::new(),
        };
        (
            Vocabulary {
                shared: Arc::new(shared),
            },
            collisions,
        )
    }

    /// The index, built on first use.
    pub(super) fn index(&self) -> &Index {
        self.shared
            .index
            .get_or_init(|| Index::build(&self.shared.labels))
    }

    /// The phrase index, built on first use.
    pub(crate) fn phrases(&self) -> &PhraseIndex {
        self.shared
            .phrases
            .get_or_init(|| PhraseIndex::build(&self.shared.labels))
    }

    /// The item a label names: exactly (ignoring case and spaces), or else after
    /// meaning-preserving normalisation (accents, punctuation, separators, plurals, word
    /// order) when that names one item only. Never a fuzzy guess.
    pub(crate) fn lookup(&self, label: &str) -> Option<u32> {
        // A label equal to a key up to ASCII case normalises to that key (keys are in
        // light normal form), so the label as written is tried first: most arrive that way,
        // and normalising allocates.
        if let Some(item) = self.exact(label).or_else(|| self.exact(&normalize(label))) {
            return Some(item);
        }
        let trimmed = label.trim();
        if trimmed.is_empty() || trimmed.len() > MAX_LABEL_BYTES {
            return None;
        }
        let query = Normalized::new(trimmed);
        if query.is_empty() {
            return None;
        }
        let index = self.index();
        for tier in [Tier::Canonical, Tier::Compact, Tier::TokenOrder] {
            let mut items = index
                .exact(&query, tier)
                .iter()
                .map(|&e| index.entries[e as usize])
                .filter(|e| e.variant == Variant::Full)
                .map(|e| e.item);
            if let Some(first) = items.next() {
                return items.all(|i| i == first).then_some(first);
            }
        }
        None
    }

    /// The item whose light-normalised label is `key` up to ASCII case.
    fn exact(&self, key: &str) -> Option<u32> {
        let keys = &self.shared.keys;
        self.shared
            .exact
            .find(key, |i| &keys[i].0)
            .map(|i| keys[i as usize].1)
    }

    /// Up to `n` items whose labels are most similar to `label`, best first (ties by
    /// item), from a resolution with the default policy: the candidates at or above its
    /// `suggest` threshold, whatever the status.
    pub(crate) fn suggest(&self, label: &str, n: usize) -> Vec<u32> {
        if n == 0 {
            return Vec::new();
        }
        let policy = ResolvePolicy {
            max_candidates: n,
            ..ResolvePolicy::default()
        };
        self.resolve(label, &policy)
            .hits
            .into_iter()
            .map(|h| h.item)
            .collect()
    }

    /// The label text of a hit.
    pub(crate) fn label(&self, label: u32) -> &str {
        &self.shared.labels[label as usize].0
    }

    /// Resolves `query` to items; see [`Resolver`] for the rules. `policy` is valid.
    pub(crate) fn resolve(&self, query: &str, policy: &ResolvePolicy) -> Outcome {
        let trimmed = query.trim();
        if trimmed.len() > policy.max_query_bytes {
            return Outcome {
                status: Status::Unknown,
                hits: Vec::new(),
                rejection: Some(Rejection::TooLong {
                    bytes: trimmed.len(),
                    limit: policy.max_query_bytes,
                }),
            };
        }
        let norm = Normalized::new(trimmed);
        if norm.is_empty() {
            return Outcome {
                status: Status::Unknown,
                hits: Vec::new(),
                rejection: Some(Rejection::Empty),
            };
        }
        let index = self.index();
        if let Some(hits) = self.exact_hits(index, trimmed, &norm, 1.0) {
            return decide(hits, policy);
        }
        let outside = split_qualifiers(trimmed)
            .map(|(outside, _)| Normalized::new(&outside))
            .filter(|o| !o.is_empty() && *o != norm);
        if let Some(o) = &outside {
            if let Some(hits) = self.exact_hits(index, trimmed, o, QUALIFIER_FACTOR) {
                return decide(hits, policy);
            }
        }
        let mut hits = Vec::new();
        // Acronyms are typed as one word: `N/A` is not `na`.
        if policy.acronyms && norm.tokens.len() == 1 {
            let base = if norm.capitals {
                ACRONYM_CAPITALS
            } else {
                ACRONYM_LOWERCASE
            };
            for &e in index.exact(&norm, Tier::Acronym).iter().take(MAX_HITS) {
                let entry = index.entries[e as usize];
                hits.push(Hit {
                    item: entry.item,
                    label: entry.label,
                    confidence: round(base),
                    kind: MatchKind::Acronym,
                });
            }
        }
        if policy.fuzzy && norm.compact.chars().count() >= 3 {
            self.fuzzy_hits(index, &norm, 1.0, &mut hits);
            if let Some(o) = &outside {
                self.fuzzy_hits(index, o, QUALIFIER_FACTOR, &mut hits);
            }
        }
        decide(hits, policy)
    }

    /// Hits of the first exact tier that has any, scaled by `factor`.
    fn exact_hits(
        &self,
        index: &Index,
        written: &str,
        query: &Normalized,
        factor: f64,
    ) -> Option<Vec<Hit>> {
        let light = normalize(written);
        for (tier, base) in [
            (Tier::Canonical, 1.0),
            (Tier::Compact, 0.98),
            (Tier::TokenOrder, 0.97),
        ] {
            let entries = index.exact(query, tier);
            if entries.is_empty() {
                continue;
            }
            // A label as written beats a label with its qualifier set aside.
            let full = entries
                .iter()
                .any(|&e| index.entries[e as usize].variant == Variant::Full);
            let hits = entries
                .iter()
                .map(|&e| index.entries[e as usize])
                .filter(|e| !full || e.variant == Variant::Full)
                .take(MAX_HITS)
                .map(|e| {
                    let qualified = factor < 1.0 || e.variant != Variant::Full;
                    let kind = if qualified {
                        MatchKind::Qualifier
                    } else {
                        match tier {
                            Tier::Canonical if normalize(self.label(e.label)) == light => {
                                MatchKind::Exact
                            }
                            Tier::Canonical => MatchKind::Normalized,
                            Tier::Compact => MatchKind::Compact,
                            _ => MatchKind::TokenOrder,
                        }
                    };
                    let confidence = if qualified {
                        base * QUALIFIER_FACTOR
                    } else {
                        base
                    };
                    Hit {
                        item: e.item,
                        label: e.label,
                        confidence: round(confidence),
                        kind,
                    }
                })
                .collect();
            return Some(hits);
        }
        None
    }

    fn fuzzy_hits(&self, index: &Index, query: &Normalized, factor: f64, hits: &mut Vec<Hit>) {
        for scored in index.fuzzy(query) {
            for &e in index.key_entries(scored.key) {
                let entry = index.entries[e as usize];
                let variant = if entry.variant == Variant::Full {
                    1.0
                } else {
                    QUALIFIER_FACTOR
                };
                hits.push(Hit {
                    item: entry.item,
                    label: entry.label,
                    confidence: round(scored.score * factor * variant),
                    kind: MatchKind::Fuzzy,
                });
            }
        }
    }

    /// Size figures of the index (built if it was not yet).
    pub(crate) fn stats(&self) -> IndexStats {
        let index = self.index();
        let labels: usize = self.shared.labels.iter().map(|(l, _)| l.len()).sum();
        let keys: usize = self.shared.keys.iter().map(|(k, _)| k.len()).sum();
        IndexStats {
            labels: self.shared.labels.len(),
            tokens: index.token_count(),
            memory_bytes: index.heap_bytes()
                + labels
                + self.shared.labels.capacity() * std::mem::size_of::<(Box<str>, u32)>()
                + keys
                + self.shared.keys.capacity() * std::mem::size_of::<(Box<str>, u32)>()
                + self.shared.exact.heap_bytes(),
        }
    }

    /// The number of distinct labels.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.shared.keys.len()
    }
}

/// Rounds a confidence to 4 decimals, so that printed values are stable and short.
fn round(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0
}

/// Ranks hits (best per item; confidence descending, then item, then label) and applies
/// the policy's thresholds.
fn decide(mut hits: Vec<Hit>, policy: &ResolvePolicy) -> Outcome {
    hits.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(a.item.cmp(&b.item))
            .then(a.label.cmp(&b.label))
    });
    let mut seen: HashSet<u32> = HashSet::default();
    hits.retain(|h| seen.insert(h.item));
    let Some(top) = hits.first().copied() else {
        return Outcome {
            status: Status::Unknown,
            hits,
            rejection: None,
        };
    };
    let status = if top.confidence < policy.accept {
        Status::Unknown
    } else if hits
        .get(1)
        .is_some_and(|h| h.confidence >= top.confidence - policy.margin)
    {
        Status::Ambiguous
    } else {
        Status::Resolved
    };
    match status {
        Status::Ambiguous => hits.retain(|h| h.confidence >= top.confidence - policy.margin),
        _ => hits.retain(|h| h.confidence >= policy.suggest),
    }
    hits.truncate(policy.max_candidates);
    Outcome {
        status,
        hits,
        rejection: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_trims_lowercases_and_collapses() {
        assert_eq!(normalize("  Machine   Learning "), "machine learning");
        assert_eq!(normalize("C++"), "c++");
        // ASCII words and others, side by side.
        assert_eq!(normalize("DATA ÉTUDES Straße"), "data études straße");
        assert_eq!(normalize("ΣΟΦΙΑ\tAI"), "σοφια ai");
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
        // Resolution sees both items behind the shared label.
        let out = v.resolve("SQL", &ResolvePolicy::default());
        assert_eq!(out.status, Status::Ambiguous);
        assert_eq!(out.hits.len(), 2);
    }

    #[test]
    fn lookup_normalises_but_never_guesses() {
        let (v, _) = Vocabulary::new([
            ("scikit-learn", 0),
            ("Machine Learning", 1),
            ("C++", 2),
            ("C", 3),
        ]);
        assert_eq!(v.lookup("Scikit_Learn"), Some(0));
        assert_eq!(v.lookup("scikitlearn"), Some(0));
        assert_eq!(v.lookup("learning, machine"), Some(1));
        assert_eq!(v.lookup("c++"), Some(2));
        assert_eq!(v.lookup("c"), Some(3));
        assert_eq!(v.lookup("machine lerning"), None);
        assert_eq!(v.lookup(""), None);
        assert_eq!(v.lookup(&"x".repeat(1 << 20)), None);
    }

    #[test]
    fn suggestions_rank_close_labels() {
        let (v, _) = Vocabulary::new([("python", 0), ("pytorch", 1), ("sql", 2)]);
        assert_eq!(v.suggest("pyhton", 2)[0], 0);
        assert!(v.suggest("zzzzzz", 3).is_empty());
    }
}
