//! A vocabulary: labels mapped to item indices, with exact lookup, the resolution index,
//! and suggestions. Every lookup by name in the crate goes through one.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::index::{Entry, Index, Tier, Variant};
use super::normalize::{split_qualifiers, Normalized};
use super::phrase::PhraseIndex;
use super::{IndexStats, MatchKind, Rejection, ResolvePolicy, Status};
use crate::util::hash::HashSet;
use crate::util::lookup::Lookup;
use crate::util::table::Table;
use crate::util::text::{order_by_key, permuted, MAX_LABEL_BYTES};

/// Normalises a label for exact lookup: trims, lowercases and collapses inner whitespace.
/// Inputs longer than [`MAX_LABEL_BYTES`] are cut there (on a character boundary).
///
/// This is the light form that decides when two catalog labels collide; resolution
/// adds the meaning-preserving normalisation of [`normalize`](self::normalize).
pub(crate) fn normalize(label: &str) -> String {
    light(label).into_owned()
}

/// [`normalize`], borrowing `label` when it is already in light normal form (most
/// catalog labels are: lowercase ASCII words, single spaces). Together with building the
/// catalog's vocabularies once ([`Vocabulary::renumbered`]), this took loading the ESCO
/// release's catalog from its JSON from 0.80 s to 0.45 s and importing it from the CSV
/// files from 1.24 s to 0.84 s (criterion medians, `cargo bench --features esco --bench
/// import`).
fn light(label: &str) -> std::borrow::Cow<'_, str> {
    let normal = label.len() <= MAX_LABEL_BYTES
        && !label.starts_with(' ')
        && !label.ends_with(' ')
        && !label.contains("  ")
        && label
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase() || b == b' ');
    if normal {
        return std::borrow::Cow::Borrowed(label);
    }
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
    std::borrow::Cow::Owned(out)
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
    /// Whether the label matched is the item's own (an id or a name, as written, not
    /// with a qualifier set aside), not an alias.
    pub own: bool,
    /// The label text the hit matched, as the rule saw it: hits of one group matched the
    /// same text, so an own label there outranks the aliases ([`NO_GROUP`]: none).
    pub group: u32,
}

/// The group of a hit that shares its text with no other (an acronym).
const NO_GROUP: u32 = u32::MAX;

/// The group of every hit of an exact tier: they all matched the query's key.
const EXACT_GROUP: u32 = 0;

/// An item's place among the items a label names: its own label (an id or a name)
/// first, then by item.
fn by_ownership(a: &(u32, bool), b: &(u32, bool)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// What a label names, exactly or after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Named {
    /// One item: the only one the label names, or the one whose own id or name it is
    /// (other items' aliases aside).
    One(u32),
    /// Several items, none of which has it as its own id or name (or several of which
    /// do): own labels first, then by item.
    Several(Vec<u32>),
    /// Nothing.
    Nothing,
}

impl Named {
    /// The items `owners` (`(item, own)`, each item once) a label names, decided: the
    /// one item, the one whose own label it is, or several.
    fn decide(mut owners: Vec<(u32, bool)>) -> Named {
        owners.sort_unstable_by(by_ownership);
        match owners.as_slice() {
            [] => Named::Nothing,
            [(one, _)] => Named::One(*one),
            [(first, true), (_, false), ..] => Named::One(*first),
            _ => Named::Several(owners.into_iter().map(|(i, _)| i).collect()),
        }
    }

    /// The one item, if the label names one.
    pub(crate) fn one(&self) -> Option<u32> {
        match self {
            Named::One(i) => Some(*i),
            _ => None,
        }
    }
}

/// The item-level outcome of a resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    pub status: Status,
    pub hits: Vec<Hit>,
    pub rejection: Option<Rejection>,
}

/// A distinct light-normalised label and what it names.
#[derive(Debug, Clone)]
struct Key {
    text: Box<str>,
    /// The item it names ([`Named::One`]), or [`NONE`] when it is ambiguous.
    item: u32,
}

/// No item.
const NONE: u32 = u32::MAX;

struct Shared {
    /// Every label with its item, in the order given (repeats of a label for the same
    /// item dropped).
    labels: Vec<(Box<str>, u32)>,
    /// By label: whether it is its item's own (an id or a name) rather than an alias.
    own: Vec<bool>,
    /// Each distinct light-normalised label.
    keys: Vec<Key>,
    /// By key, its labels (one per item), own labels first, then by item.
    key_labels: Table<u32>,
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

/// A label (light-normalised) that names several items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Collision {
    pub label: String,
    /// `(item, own)`: each item the label names, once, and whether the label is that
    /// item's own id or name; own labels first, then by item.
    pub items: Vec<(u32, bool)>,
}

/// A label given to [`Vocabulary::new`], light-normalised, with where it came from.
struct Given<'a> {
    key: std::borrow::Cow<'a, str>,
    item: u32,
    /// Its position in the input.
    order: usize,
    text: &'a str,
    own: bool,
}

impl Vocabulary {
    /// Builds a vocabulary from `(label, item, own)` triples given in item order, `own`
    /// saying whether the label is the item's own id or name (not an alias). A label
    /// that names several items (ignoring case and spaces) is reported as a collision;
    /// [`lookup`] and resolution decide between its items: an item's own label wins over
    /// other items' aliases, and otherwise the label is ambiguous.
    ///
    /// [`lookup`]: Vocabulary::lookup
    pub(crate) fn new<'a>(
        labels: impl IntoIterator<Item = (&'a str, u32, bool)>,
    ) -> (Self, Vec<Collision>) {
        let given: Vec<Given<'a>> = labels
            .into_iter()
            .enumerate()
            .map(|(order, (text, item, own))| Given {
                key: light(text),
                item,
                order,
                text,
                own,
            })
            .filter(|g| !g.key.is_empty())
            .collect();
        // By key, then item, then input order: a key's repeats for one item are adjacent.
        // Sorting (prefix, position) pairs (see `order_by_key`), with the labels moved
        // rather than copied by [`Vocabulary::renumbered`], took loading the ESCO
        // release's catalog/1 JSON from 451–594 ms to 344–407 ms (criterion medians, two
        // runs each, `cargo bench --features esco --bench import -- esco/load_json`) and
        // its instructions from 1.00 to 0.82 billion (`valgrind --tool=callgrind
        // --toggle-collect='*from_json*'` around one `Catalog::from_json` of that JSON).
        let order = order_by_key(
            given.len(),
            |i| &given[i].key,
            |a, b| (given[a].item, given[a].order).cmp(&(given[b].item, given[b].order)),
        );
        let mut given = permuted(given, &order);
        let mut groups = Groups::default();
        let mut at = 0;
        while at < given.len() {
            let end = at
                + given[at..]
                    .iter()
                    .take_while(|g| g.key == given[at].key)
                    .count();
            groups.add(&mut given, at, end);
            at = end;
        }
        let Groups {
            collisions,
            keys,
            mut rows,
            mut kept,
            ..
        } = groups;
        // Labels in input order; rows refer to them by that position.
        kept.sort_unstable_by_key(|&g| given[g].order);
        let mut position = vec![NONE; given.len()];
        for (p, &g) in kept.iter().enumerate() {
            position[g] = p as u32;
        }
        for g in rows.values_mut() {
            *g = position[*g as usize];
        }
        let key_labels = rows;
        let own = kept.iter().map(|&g| given[g].own).collect();
        let labels = kept
            .iter()
            .map(|&g| (Box::from(given[g].text), given[g].item))
            .collect();
        let exact = Lookup::new(keys.iter().map(|k| &*k.text), true);
        let shared = Shared {
            labels,
            own,
            keys,
            key_labels,
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

    /// The same vocabulary with its items renumbered, item `i` becoming `new_of_old[i]`
    /// (a permutation): what [`Vocabulary::new`] builds from the same labels given in the
    /// new item order, without normalising and sorting the labels again. The catalog
    /// validates its items as given and indexes them sorted by id, and needs both
    /// vocabularies: see [`light`] for what building them once saves.
    ///
    /// The labels move when this is the vocabulary's only handle (as in the catalog); they
    /// are copied otherwise (see [`Vocabulary::new`] for the gain).
    pub(crate) fn renumbered(self, new_of_old: &[u32]) -> Vocabulary {
        let mut old = Arc::try_unwrap(self.shared).unwrap_or_else(|shared| Shared {
            labels: shared.labels.clone(),
            own: shared.own.clone(),
            keys: shared.keys.clone(),
            key_labels: shared.key_labels.clone(),
            exact: shared.exact.clone(),
            index: OnceLock::new(),
            phrases: OnceLock::new(),
        });
        let item = |i: u32| {
            if i == NONE {
                NONE
            } else {
                new_of_old[i as usize]
            }
        };
        // Labels in the new item order; an item's labels keep their order.
        let mut order: Vec<u32> = (0..old.labels.len() as u32).collect();
        order.sort_by_key(|&l| item(old.labels[l as usize].1));
        let mut position = vec![0u32; order.len()];
        for (p, &l) in order.iter().enumerate() {
            position[l as usize] = p as u32;
        }
        let labels: Vec<(Box<str>, u32)> = order
            .iter()
            .map(|&l| {
                let (text, i) = &mut old.labels[l as usize];
                (std::mem::take(text), item(*i))
            })
            .collect();
        let own: Vec<bool> = order.iter().map(|&l| old.own[l as usize]).collect();
        let mut key_labels = std::mem::take(&mut old.key_labels);
        for k in 0..key_labels.len() {
            let row = key_labels.row_mut(k);
            for l in row.iter_mut() {
                *l = position[*l as usize];
            }
            row.sort_by(|&a, &b| {
                by_ownership(
                    &(labels[a as usize].1, own[a as usize]),
                    &(labels[b as usize].1, own[b as usize]),
                )
            });
        }
        let keys = std::mem::take(&mut old.keys)
            .into_iter()
            .map(|k| Key {
                text: k.text,
                item: item(k.item),
            })
            .collect();
        let shared = Shared {
            labels,
            own,
            keys,
            key_labels,
            exact: old.exact,
            index: OnceLock::new(),
            phrases: OnceLock::new(),
        };
        Vocabulary {
            shared: Arc::new(shared),
        }
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
    /// order); see [`Vocabulary::named`]. Never a fuzzy guess.
    pub(crate) fn lookup(&self, label: &str) -> Option<u32> {
        self.named(label).one()
    }

    /// [`Vocabulary::lookup`] of many labels, in their order: the exact lookups of all of
    /// them first, together ([`Lookup::find_all`]), then the others one by one.
    pub(crate) fn lookup_all(&self, labels: &[&str]) -> Vec<Option<u32>> {
        let keys = &self.shared.keys;
        let exact = self.shared.exact.find_all(labels, |i| &keys[i].text);
        labels
            .iter()
            .zip(exact)
            .map(|(label, key)| match key {
                Some(key) => self.named_by_key(key).one(),
                None => self.lookup(label),
            })
            .collect()
    }

    /// What a label names: exactly (ignoring case and spaces), or else after
    /// meaning-preserving normalisation (accents, punctuation, separators, plurals, word
    /// order), the first of these that names anything. Of several items, the one whose
    /// own id or name it is wins over those that have it as an alias; otherwise it names
    /// several. Never a fuzzy guess.
    pub(crate) fn named(&self, label: &str) -> Named {
        // A label equal to a key up to ASCII case normalises to that key (keys are in
        // light normal form), so the label as written is tried first: most arrive that way,
        // and normalising allocates.
        if let Some(key) = self.exact_key(label).or_else(|| self.light_key(label)) {
            return self.named_by_key(key);
        }
        let trimmed = label.trim();
        if trimmed.is_empty() || trimmed.len() > MAX_LABEL_BYTES {
            return Named::Nothing;
        }
        let query = Normalized::new(trimmed);
        if query.is_empty() {
            return Named::Nothing;
        }
        let index = self.index();
        for tier in [Tier::Canonical, Tier::Compact, Tier::TokenOrder] {
            let mut owners: Vec<(u32, bool)> = index
                .exact(&query, tier)
                .iter()
                .map(|&e| index.entries[e as usize])
                .filter(|e| e.variant == Variant::Full)
                .map(|e| (e.item, self.shared.own[e.label as usize]))
                .collect();
            if !owners.is_empty() {
                // One entry per item, own if any of its labels here is.
                owners.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                owners.dedup_by_key(|o| o.0);
                return Named::decide(owners);
            }
        }
        Named::Nothing
    }

    /// What the labels of key `key` name.
    fn named_by_key(&self, key: u32) -> Named {
        match self.shared.keys[key as usize].item {
            NONE => Named::Several(
                self.shared
                    .key_labels
                    .row(key as usize)
                    .iter()
                    .map(|&l| self.shared.labels[l as usize].1)
                    .collect(),
            ),
            item => Named::One(item),
        }
    }

    /// The key equal to `text` up to ASCII case.
    fn exact_key(&self, text: &str) -> Option<u32> {
        let keys = &self.shared.keys;
        self.shared.exact.find(text, |i| &keys[i].text)
    }

    /// The key equal to `text` light-normalised (case and spaces), when `text` is not
    /// longer than a label may be.
    fn light_key(&self, text: &str) -> Option<u32> {
        if text.trim().len() > MAX_LABEL_BYTES {
            return None;
        }
        self.exact_key(&normalize(text))
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
        if let Some(hits) = self.label_hits(trimmed) {
            return decide(hits, policy);
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
                    own: false,
                    group: NO_GROUP,
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

    /// The hits of the label equal to `written` up to case and spaces: the labels of its
    /// key, one per item, own labels first (so that none is cut off by [`MAX_HITS`]).
    fn label_hits(&self, written: &str) -> Option<Vec<Hit>> {
        let key = self
            .exact_key(written)
            .or_else(|| self.light_key(written))?;
        let shared = &self.shared;
        let hits = shared.key_labels.row(key as usize).iter().take(MAX_HITS);
        Some(
            hits.map(|&l| Hit {
                item: shared.labels[l as usize].1,
                label: l,
                confidence: 1.0,
                kind: MatchKind::Exact,
                own: shared.own[l as usize],
                group: EXACT_GROUP,
            })
            .collect(),
        )
    }

    /// Whether an entry of the index is its item's own id or name, as written.
    fn is_own(&self, entry: &Entry) -> bool {
        entry.variant == Variant::Full && self.shared.own[entry.label as usize]
    }

    /// Up to [`MAX_HITS`] of `entries`, own labels first, each group in the order given.
    fn own_first(&self, index: &Index, entries: &[u32]) -> Vec<Entry> {
        let entries = entries.iter().map(|&e| index.entries[e as usize]);
        let (own, other): (Vec<Entry>, Vec<Entry>) = entries.partition(|e| self.is_own(e));
        own.into_iter().chain(other).take(MAX_HITS).collect()
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
            let kept: Vec<u32> = entries
                .iter()
                .copied()
                .filter(|&e| !full || index.entries[e as usize].variant == Variant::Full)
                .collect();
            let hits = self
                .own_first(index, &kept)
                .into_iter()
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
                        own: !qualified && self.is_own(&e),
                        group: EXACT_GROUP,
                    }
                })
                .collect();
            return Some(hits);
        }
        None
    }

    fn fuzzy_hits(&self, index: &Index, query: &Normalized, factor: f64, hits: &mut Vec<Hit>) {
        for scored in index.fuzzy(query) {
            for entry in self.own_first(index, index.key_entries(scored.key)) {
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
                    own: factor == 1.0 && self.is_own(&entry),
                    group: scored.key + 1,
                });
            }
        }
    }

    /// Size figures of the index (built if it was not yet).
    pub(crate) fn stats(&self) -> IndexStats {
        let index = self.index();
        let labels: usize = self.shared.labels.iter().map(|(l, _)| l.len()).sum();
        let keys: usize = self.shared.keys.iter().map(|k| k.text.len()).sum();
        IndexStats {
            labels: self.shared.labels.len(),
            tokens: index.token_count(),
            memory_bytes: index.heap_bytes()
                + labels
                + self.shared.labels.capacity() * std::mem::size_of::<(Box<str>, u32)>()
                + keys
                + self.shared.keys.capacity() * std::mem::size_of::<Key>()
                + self.shared.own.capacity()
                + self.shared.key_labels.heap_bytes()
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

/// Ranks hits (best per item; confidence descending, then own labels before aliases,
/// then item, then label) and applies the policy's thresholds. Another item within the
/// margin of the best makes the answer ambiguous, unless the best matched its own id or
/// name and the other only an alias with the same text: an item's own label wins over
/// other items' aliases.
fn decide(mut hits: Vec<Hit>, policy: &ResolvePolicy) -> Outcome {
    hits.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(b.own.cmp(&a.own))
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
    // An alias with the text of the best hit's own label.
    let shadowed = |h: &Hit| top.own && !h.own && h.group == top.group && top.group != NO_GROUP;
    let status = if top.confidence < policy.accept {
        Status::Unknown
    } else if hits
        .iter()
        .skip(1)
        .take_while(|h| h.confidence >= top.confidence - policy.margin)
        .any(|h| !shadowed(h))
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

/// The labels of a vocabulary grouped by key while it is built.
#[derive(Default)]
struct Groups {
    collisions: Vec<Collision>,
    keys: Vec<Key>,
    /// Per key, the labels kept (as positions in the sorted labels).
    rows: Table<u32>,
    /// The labels kept (one per key and item), as positions in the sorted labels.
    kept: Vec<usize>,
    /// Scratch: the current key's items, `(item, own, first label)`.
    here: Vec<(u32, bool, usize)>,
}

impl Groups {
    /// Adds the key of `given[at..end]` (labels sorted by key, item, input order): per
    /// item its first label, own if any of its labels with this key is; the key's item
    /// decided by ownership, and a collision when several items share it.
    fn add(&mut self, given: &mut [Given<'_>], at: usize, end: usize) {
        let here = &mut self.here;
        here.clear();
        for (i, g) in given[at..end].iter().enumerate() {
            match here.last_mut() {
                Some(last) if last.0 == g.item => last.1 |= g.own,
                _ => here.push((g.item, g.own, at + i)),
            }
        }
        let item = if let [(one, _, _)] = here.as_slice() {
            *one
        } else {
            here.sort_by(|a, b| by_ownership(&(a.0, a.1), &(b.0, b.1)));
            let owners: Vec<(u32, bool)> = here.iter().map(|&(i, own, _)| (i, own)).collect();
            let item = Named::decide(owners.clone()).one().unwrap_or(NONE);
            self.collisions.push(Collision {
                label: given[at].key.to_string(),
                items: owners,
            });
            item
        };
        for &(_, own, g) in here.iter() {
            given[g].own = own;
        }
        self.rows.push_row(here.iter().map(|h| h.2 as u32));
        self.kept.extend(here.iter().map(|h| h.2));
        self.keys.push(Key {
            text: Box::from(&*given[at].key),
            item,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renumbering a vocabulary gives what building it from the renumbered items does:
    /// the same labels, ownership, keys and key rows, on labels shared every way.
    #[test]
    fn renumbered_equals_built_in_the_new_order() {
        let words = [
            "sql",
            "SQL",
            "data",
            "Data  Analysis",
            "python",
            "r",
            "Ünïcode",
        ];
        let items: Vec<Vec<String>> = (0..40u32)
            .map(|i| {
                let name = format!("{} {}", words[i as usize % words.len()], i % 7);
                let alias = words[(i as usize * 3) % words.len()].to_string();
                vec![format!("id{i}"), name, alias.clone(), alias]
            })
            .collect();
        let triples = |order: &[usize]| -> Vec<(String, u32, bool)> {
            order
                .iter()
                .enumerate()
                .flat_map(|(new, &old)| {
                    items[old]
                        .iter()
                        .enumerate()
                        .map(move |(k, l)| (l.clone(), new as u32, k < 2))
                })
                .collect()
        };
        let build = |t: &[(String, u32, bool)]| {
            Vocabulary::new(t.iter().map(|(l, i, o)| (l.as_str(), *i, *o))).0
        };
        let identity: Vec<usize> = (0..items.len()).collect();
        let shuffled: Vec<usize> = (0..items.len())
            .map(|i| (i * 17 + 5) % items.len())
            .collect();
        let mut new_of_old = vec![0u32; items.len()];
        for (new, &old) in shuffled.iter().enumerate() {
            new_of_old[old] = new as u32;
        }
        let renumbered = build(&triples(&identity)).renumbered(&new_of_old);
        let built = build(&triples(&shuffled));
        let (a, b) = (&*renumbered.shared, &*built.shared);
        assert_eq!(a.labels, b.labels);
        assert_eq!(a.own, b.own);
        let keys = |v: &Shared| {
            v.keys
                .iter()
                .map(|k| (k.text.clone(), k.item))
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(a), keys(b));
        assert_eq!(
            a.key_labels.rows().collect::<Vec<_>>(),
            b.key_labels.rows().collect::<Vec<_>>()
        );
        assert!(
            a.keys.iter().any(|k| k.item == NONE),
            "some labels are shared"
        );
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
        let (v, c) = Vocabulary::new([
            ("python", 0, true),
            ("Python", 0, false),
            ("SQL", 1, false),
            ("sql", 2, false),
        ]);
        assert_eq!(v.lookup(" PYTHON "), Some(0));
        // An alias of two items names neither.
        assert_eq!(v.lookup("sql"), None);
        assert_eq!(v.named("Sql"), Named::Several(vec![1, 2]));
        assert_eq!(
            c,
            vec![Collision {
                label: "sql".into(),
                items: vec![(1, false), (2, false)],
            }]
        );
        assert_eq!(v.len(), 2);
        // Resolution sees both items behind the shared label.
        let out = v.resolve("SQL", &ResolvePolicy::default());
        assert_eq!(out.status, Status::Ambiguous);
        assert_eq!(out.hits.len(), 2);
    }

    /// An item's own label (id or name) wins over other items' aliases, in lookup and in
    /// resolution alike, for the exact, normalised and fuzzy rules; the others are listed.
    #[test]
    fn own_labels_win_over_aliases() {
        let (v, c) = Vocabulary::new([
            ("dbms", 0, true),
            ("database management systems", 0, true),
            ("SQL", 0, false),
            ("query languages", 0, false),
            ("sql", 1, true),
            ("SQL", 1, true),
            ("Query  Languages", 1, false),
            ("databases", 2, true),
            ("Database management systems", 2, false),
        ]);
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[0].items, vec![(0, true), (2, false)]);
        let policy = ResolvePolicy::default();
        for query in ["SQL", "sql", "S.Q.L", "databse management systems"] {
            let out = v.resolve(query, &policy);
            assert_eq!(out.status, Status::Resolved, "{query}: {out:?}");
            assert_eq!(out.hits.len(), 2, "{query}: {out:?}");
        }
        assert_eq!(v.lookup("SQL"), Some(1));
        assert_eq!(v.lookup("Database-Management Systems"), Some(0));
        // Only aliases: ambiguous, every owner listed, in lookup and resolution.
        assert_eq!(v.named("query languages"), Named::Several(vec![0, 1]));
        let out = v.resolve("query language", &policy);
        assert_eq!(out.status, Status::Ambiguous, "{out:?}");
        let out = v.resolve("quer languages", &policy);
        assert_eq!(out.status, Status::Ambiguous, "{out:?}");
        let items: Vec<u32> = out.hits.iter().map(|h| h.item).collect();
        assert_eq!(items, [0, 1]);
    }

    /// The item a label is written as wins over another item's label that is equal only
    /// after normalisation, in lookup and resolution alike.
    #[test]
    fn a_label_as_written_wins_over_a_normalised_one() {
        let (v, _) = Vocabulary::new([("scikit-learn", 0, true), ("Scikit Learn", 1, true)]);
        assert_eq!(v.lookup("SCIKIT-LEARN"), Some(0));
        let out = v.resolve("scikit learn", &ResolvePolicy::default());
        assert_eq!(out.status, Status::Resolved);
        assert_eq!(out.hits[0].item, 1);
        assert_eq!(
            v.resolve("Scikit_Learn", &ResolvePolicy::default()).status,
            Status::Ambiguous
        );
    }

    #[test]
    fn lookup_normalises_but_never_guesses() {
        let (v, _) = Vocabulary::new([
            ("scikit-learn", 0, true),
            ("Machine Learning", 1, true),
            ("C++", 2, true),
            ("C", 3, true),
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
        let (v, _) = Vocabulary::new([("python", 0, true), ("pytorch", 1, true), ("sql", 2, true)]);
        assert_eq!(v.suggest("pyhton", 2)[0], 0);
        assert!(v.suggest("zzzzzz", 3).is_empty());
    }
}
