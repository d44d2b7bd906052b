//! Name resolution: from what a person typed to a catalog item.
//!
//! Every lookup by name in the crate goes through one `Vocabulary` and its index:
//! profile skills, free-text profiles, catalog references and their did-you-mean
//! suggestions, role names. [`Resolver`] is its public face for skills.

mod index;
mod normalize;
mod policy;
mod resolution;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::error::Result;
use crate::model::SkillId;
use crate::util::text::{clip, MAX_LABEL_BYTES};

use index::{Index, Tier, Variant};
use normalize::{split_qualifiers, Normalized};

pub use policy::ResolvePolicy;
pub use resolution::{Candidate, MatchKind, Rejection, Resolution, Status};

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
    /// Light-normalised label → the first item it names.
    exact: HashMap<String, u32>,
    /// Built on first use beyond [`Vocabulary::lookup`]'s fast path.
    index: OnceLock<Index>,
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
        let mut exact: HashMap<String, u32> = HashMap::with_capacity(entries.len());
        let mut kept: Vec<(usize, &'a str, u32)> = Vec::with_capacity(entries.len());
        let mut last: Option<(String, u32)> = None;
        let mut seen_here: Vec<u32> = Vec::new();
        for (key, item, order, label) in entries {
            match &last {
                Some((k, first)) if *k == key => {
                    if *first != item && !seen_here.contains(&item) {
                        collisions.push(Collision {
                            label: key.clone(),
                            first: *first,
                            second: item,
                        });
                    }
                    if !seen_here.contains(&item) {
                        seen_here.push(item);
                        kept.push((order, label, item));
                    }
                }
                _ => {
                    exact.insert(key.clone(), item);
                    seen_here.clear();
                    seen_here.push(item);
                    kept.push((order, label, item));
                    last = Some((key, item));
                }
            }
        }
        kept.sort_by_key(|k| k.0);
        let labels = kept
            .into_iter()
            .map(|(_, label, item)| (Box::from(label), item))
            .collect();
        let shared = Shared {
            labels,
            exact,
            index: OnceLock::new(),
        };
        (
            Vocabulary {
                shared: Arc::new(shared),
            },
            collisions,
        )
    }

    /// The index, built on first use.
    fn index(&self) -> &Index {
        self.shared
            .index
            .get_or_init(|| Index::build(&self.shared.labels))
    }

    /// The item a label names: exactly (ignoring case and spaces), or else after
    /// meaning-preserving normalisation (accents, punctuation, separators, plurals, word
    /// order) when that names one item only. Never a fuzzy guess.
    pub(crate) fn lookup(&self, label: &str) -> Option<u32> {
        // Most labels arrive normalized already: look them up without allocating.
        let plain = label.len() <= MAX_LABEL_BYTES
            && !label.starts_with(' ')
            && !label.ends_with(' ')
            && !label.contains("  ")
            && label.bytes().all(|b| {
                b.is_ascii() && !b.is_ascii_uppercase() && (b == b' ' || !b.is_ascii_whitespace())
            });
        let light = if plain {
            self.shared.exact.get(label)
        } else {
            self.shared.exact.get(&normalize(label))
        };
        if let Some(&item) = light {
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
            for &e in index.exact(&norm, Tier::Acronym) {
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
        let exact: usize = self.shared.exact.keys().map(String::len).sum();
        IndexStats {
            labels: self.shared.labels.len(),
            tokens: index.token_count(),
            memory_bytes: index.heap_bytes()
                + labels
                + self.shared.labels.capacity() * std::mem::size_of::<(Box<str>, u32)>()
                + exact
                + self.shared.exact.capacity() * (std::mem::size_of::<(String, u32)>() + 1),
        }
    }

    /// The number of distinct labels.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.shared.exact.len()
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
    let mut seen: Vec<u32> = Vec::new();
    hits.retain(|h| {
        if seen.contains(&h.item) {
            false
        } else {
            seen.push(h.item);
            true
        }
    });
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

/// Size figures of a resolver's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct IndexStats {
    /// Distinct labels (ids, names, aliases) indexed.
    pub labels: usize,
    /// Distinct words in the fuzzy dictionary.
    pub tokens: usize,
    /// Approximate heap memory of the labels and the index, in bytes (the sizes of
    /// their vectors and maps; allocator overhead not counted).
    pub memory_bytes: usize,
}

/// Resolves what people type to skills: exact ids, names and aliases first, then
/// normalised forms, acronyms and fuzzy matches, each with a confidence in `0..=1`.
///
/// Built once per catalog ([`Catalog::resolver`](crate::Catalog::resolver)) or from
/// labels ([`Resolver::from_labels`]); immutable, `Send + Sync`, cheap to clone.
///
/// # Matching, strongest first
///
/// 1. **Exact and normalised** (confidence 1): the query equals an id, name or alias
///    after normalisation: case, Unicode compatibility forms and accents, punctuation
///    and separators (`scikit learn` = `Scikit_Learn` = `scikit-learn`), plurals. `C`,
///    `C++`, `C#`, `.NET`, `R` and `Go` stay distinct.
/// 2. **Compact** (0.98): equal without separators between words (`ML Ops` = `MLOps`).
/// 3. **Token order** (0.97): the same content words in another order.
/// 4. **Qualifier** (0.95 × the match): equal once a bracketed qualifier is set aside,
///    in the label (`Python (computer programming)`) or in the query
///    (`Big-Data (Hadoop)` → big data).
/// 5. **Acronym** (0.90 in capitals, else 0.78): the initials of a multi-word label's
///    content words, where no label already is that string (`NLP`).
/// 6. **Fuzzy**: a weighted Sørensen–Dice coefficient over words, where each pair of
///    words counts by its similarity `0.6 × normalised Damerau–Levenshtein + 0.4 ×
///    Jaro–Winkler` (strsim); words pair one-to-one; stopwords weigh 0.25. Words match
///    with at most one edit up to 5 characters and two edits from 6 to 32 characters;
///    words of 1 or 2 characters, and labels of fewer than 3 letters, only match
///    exactly. Candidates come from an index (a deletion neighbourhood of every word,
///    and word postings), so only labels sharing a near word with the query are scored.
///
/// The first of tiers 1-4 that matches decides; acronym and fuzzy candidates are ranked
/// together. Each skill keeps its best candidate; then the [`ResolvePolicy`] applies:
/// below `accept` the answer is [`Status::Unknown`] with suggestions; another skill
/// within `margin` of the best makes it [`Status::Ambiguous`]; otherwise
/// [`Status::Resolved`]. Ties rank by the skill's position, so results are
/// deterministic.
///
/// # Limits
///
/// Queries longer than `max_query_bytes` (256 by default) are not looked up; queries of
/// more than 12 words match only exactly; fuzzy matching works per word on words of at
/// most 32 characters. A query's cost is bounded by those limits and by the postings of
/// its two rarest words.
///
/// ```
/// use skillgap::Catalog;
/// use skillgap::resolve::Status;
///
/// let catalog = Catalog::builtin();
/// let r = catalog.resolve("sklearn");
/// assert_eq!(r.status(), Status::Resolved);
/// assert_eq!(r.skill().map(|s| s.as_str()), Some("scikit-learn"));
///
/// let r = catalog.resolve("machine lerning");
/// assert_eq!(r.skill().map(|s| s.as_str()), Some("machine-learning"));
/// assert!(r.confidence() > 0.9 && r.confidence() < 1.0);
///
/// assert_eq!(catalog.resolve("C++").skill().map(|s| s.as_str()), Some("cpp"));
/// assert_eq!(catalog.resolve("banana bread").status(), Status::Unknown);
/// ```
#[derive(Clone)]
pub struct Resolver {
    vocabulary: Vocabulary,
    ids: Arc<[SkillId]>,
    policy: ResolvePolicy,
}

impl fmt::Debug for Resolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resolver")
            .field("skills", &self.ids.len())
            .field("vocabulary", &self.vocabulary)
            .field("policy", &self.policy)
            .finish()
    }
}

impl Resolver {
    pub(crate) fn from_vocabulary(vocabulary: Vocabulary, ids: Vec<SkillId>) -> Resolver {
        Resolver {
            vocabulary,
            ids: ids.into(),
            policy: ResolvePolicy::default(),
        }
    }

    /// A resolver over skills given as `(id, labels)`; the id is a label too. The index
    /// is built at once (see [`Resolver::stats`] for its size).
    ///
    /// A label given for two skills names both: resolving it is ambiguous.
    ///
    /// ```
    /// use skillgap::resolve::{Resolver, Status};
    ///
    /// let resolver = Resolver::from_labels([
    ///     ("pytorch", vec!["PyTorch", "torch"]),
    ///     ("tensorflow", vec!["TensorFlow", "TF"]),
    /// ]);
    /// assert_eq!(resolver.resolve("Pytorch").skill().map(|s| s.as_str()), Some("pytorch"));
    /// assert_eq!(resolver.resolve("tensorflw").status(), Status::Resolved);
    /// ```
    pub fn from_labels<I, L, S>(skills: I) -> Resolver
    where
        I: IntoIterator<Item = (S, L)>,
        L: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut ids = Vec::new();
        let mut texts: Vec<(String, u32)> = Vec::new();
        for (item, (id, labels)) in skills.into_iter().enumerate() {
            let item = item as u32;
            let id = id.as_ref();
            texts.push((id.to_string(), item));
            texts.extend(labels.into_iter().map(|l| (l.as_ref().to_string(), item)));
            ids.push(SkillId::new(id));
        }
        let (vocabulary, _) = Vocabulary::new(texts.iter().map(|(l, i)| (l.as_str(), *i)));
        vocabulary.index();
        Resolver::from_vocabulary(vocabulary, ids)
    }

    /// The same resolver with another policy (the index is shared, not rebuilt).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`](crate::Error::InvalidPolicy) when the policy is out of
    /// its domain (see [`ResolvePolicy::validate`]).
    pub fn with_policy(mut self, policy: ResolvePolicy) -> Result<Resolver> {
        policy.validate()?;
        self.policy = policy;
        Ok(self)
    }

    /// The policy in use.
    pub fn policy(&self) -> &ResolvePolicy {
        &self.policy
    }

    /// The number of skills.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no skills.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Resolves what a person typed to a skill. Never fails: empty and over-long
    /// queries are [`Status::Unknown`] with a [`Rejection`].
    pub fn resolve(&self, query: &str) -> Resolution {
        let outcome = self.vocabulary.resolve(query, &self.policy);
        self.resolution(query, outcome)
    }

    pub(crate) fn resolution(&self, query: &str, outcome: Outcome) -> Resolution {
        let candidates = outcome
            .hits
            .into_iter()
            .map(|h| {
                Candidate::new(
                    self.ids[h.item as usize].clone(),
                    h.confidence,
                    self.vocabulary.label(h.label).to_string(),
                    h.kind,
                )
            })
            .collect();
        Resolution::new(
            clip(query.trim(), 64),
            outcome.status,
            candidates,
            outcome.rejection,
        )
    }

    /// Builds the index now if it was not yet (a catalog's resolver builds it on first
    /// use), and reports its size.
    pub fn stats(&self) -> IndexStats {
        self.vocabulary.stats()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn resolver_is_send_sync() {
        assert_send_sync::<Resolver>();
    }

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

    #[test]
    fn empty_and_long_queries_are_rejected_not_looked_up() {
        let r = Resolver::from_labels([("python", ["Python"])]);
        let out = r.resolve("  \t ");
        assert_eq!(out.rejection(), Some(Rejection::Empty));
        let out = r.resolve(&"python ".repeat(100_000));
        assert_eq!(out.status(), Status::Unknown);
        assert!(matches!(out.rejection(), Some(Rejection::TooLong { .. })));
        assert!(out.query().len() < 80);
    }

    #[test]
    fn ambiguity_lists_the_close_candidates() {
        let r = Resolver::from_labels([
            ("data-mining", vec!["Data Mining"]),
            ("data-modeling", vec!["Data Modeling"]),
            ("dm", vec!["DM"]),
        ]);
        let out = r.resolve("data minding");
        assert_eq!(
            out.skill().map(|s| s.as_str()),
            Some("data-mining"),
            "{out}"
        );
        let out = r.resolve("DM");
        assert_eq!(out.skill().map(|s| s.as_str()), Some("dm"));
    }
}
