//! The resolution index, built once per vocabulary.
//!
//! - **Exact keys**: the canonical, compact and token-order keys of every label (see
//!   [`normalize`](super::normalize)), and generated acronyms, each mapped to the label
//!   variants that have it.
//! - **Token dictionary**: every distinct token of the labels that may match fuzzily
//!   (compact form of three characters or more), with its postings (the labels that
//!   contain it) and its deletion neighbourhood (symmetric delete spelling correction,
//!   as in SymSpell, Garbe 2012): every string obtained by deleting up to one character
//!   (tokens of 3 to 5 characters) or two (6 to 32 characters). A query token finds the
//!   dictionary tokens within that many edits by looking up its own deletions, without
//!   scanning the dictionary; each is confirmed with strsim's optimal string alignment
//!   distance.
//!
//! A fuzzy query only scores the labels that contain a near match of one of its rarest
//! tokens (the two rarest when it has two or more: one word may be noise), so the work
//! grows with those postings, not with the vocabulary.

use super::normalize::{is_light, split_qualifiers, Normalized};
use crate::util::hash::{StrMap, Strings};
use crate::util::interner::Interner;
use crate::util::table::Table;
use crate::util::text::{order_by_key, permuted};

/// Longest token (in characters) that gets a deletion neighbourhood; longer tokens match
/// only exactly.
pub(crate) const MAX_FUZZY_TOKEN: usize = 32;

/// Query words scored fuzzily; a longer query is looked up exactly only.
pub(crate) const MAX_FUZZY_WORDS: usize = 12;

/// Fuzzy label candidates kept for the final ranking.
const SHORTLIST: usize = 64;

/// Weight of a stopword or filler word in the token Dice score (content words weigh 1).
const STOPWORD_WEIGHT: f32 = 0.25;

/// Abbreviations common in CVs (stemmed), matched to the word they abbreviate with
/// similarity [`ABBREVIATION_SIMILARITY`].
const ABBREVIATIONS: [(&str, &str); 20] = [
    ("admin", "administration"),
    ("algo", "algorithm"),
    ("app", "application"),
    ("db", "database"),
    ("dev", "development"),
    ("eng", "engineering"),
    ("env", "environment"),
    ("info", "information"),
    ("infra", "infrastructure"),
    ("mgmt", "management"),
    ("mgt", "management"),
    ("mktg", "marketing"),
    ("ms", "microsoft"),
    ("ops", "operation"),
    ("prog", "programming"),
    ("stat", "statistic"),
    ("sys", "system"),
    ("tech", "technology"),
    ("vis", "visualization"),
    ("viz", "visualization"),
];
const ABBREVIATION_SIMILARITY: f32 = 0.9;

/// A word that starts a longer dictionary word (`stat` → `statistic`) matches it with
/// similarity `0.35 + 0.65 × (its length / the word's length)`, when at most this many
/// dictionary words start with it.
const MAX_PREFIX_MATCHES: usize = 8;

/// Share of normalised Damerau–Levenshtein in a token similarity; the rest is
/// Jaro–Winkler.
const DL_SHARE: f64 = 0.6;

/// How a label variant entered the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Variant {
    /// The label as written.
    Full,
    /// The label without its bracketed qualifier (`Python (computer programming)` →
    /// `Python`).
    Qualified,
    /// A capitalised single word in brackets (`Structured Query Language (SQL)` → `SQL`).
    Inner,
}

/// One indexed label variant.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The item the label names.
    pub item: u32,
    /// The label's position in the vocabulary's label list.
    pub label: u32,
    /// How the variant was derived from the label.
    pub variant: Variant,
}

/// A map from a key to several values: each key's row of a [`Table`].
#[derive(Debug, Clone, Default)]
struct MultiMap {
    /// The keys; a key's id is its row.
    keys: Interner,
    values: Table<u32>,
}

impl MultiMap {
    /// Groups `(key, value)` pairs given by ascending value; repeats go. Keys get their
    /// rows in order of first appearance, and each row's values keep their order (a
    /// counting sort by row). Grouping by hash instead of sorting the pairs by key, and
    /// keeping the keys in one buffer instead of a box each (with the fuzzy keys' lists
    /// built as tables and tokens stemmed in place), took the resolver index over the ESCO
    /// release's labels from 1.22 s to 1.03 s (criterion medians, `cargo bench --features
    /// esco --bench import -- esco/resolver_index`).
    fn build(pairs: &Keys) -> MultiMap {
        let mut keys = Interner::with_capacity(pairs.len(), pairs.text.len());
        let mut counts: Vec<u32> = Vec::new();
        let rows: Vec<(u32, u32)> = pairs
            .iter()
            .map(|(key, value)| {
                let (row, new) = keys.intern(key);
                if new {
                    counts.push(0);
                }
                counts[row as usize] += 1;
                (row, value)
            })
            .collect();
        keys.shrink_to_fit();
        MultiMap {
            keys,
            values: group_by_row(&rows, &counts),
        }
    }

    fn get(&self, key: &str) -> &[u32] {
        match self.keys.get(key) {
            Some(r) => self.values.row(r as usize),
            None => &[],
        }
    }

    fn contains(&self, key: &str) -> bool {
        self.keys.get(key).is_some()
    }

    fn heap_bytes(&self) -> usize {
        self.keys.heap_bytes() + self.values.heap_bytes()
    }
}

/// The values of `(row, value)` pairs grouped by row (`counts[r]` values in row `r`),
/// each row in the order given, without repeats in a row.
fn group_by_row(pairs: &[(u32, u32)], counts: &[u32]) -> Table<u32> {
    // Where each row starts in `flat`, then where its next value goes.
    let mut next: Vec<u32> = counts
        .iter()
        .scan(0, |at, &c| {
            *at += c;
            Some(*at - c)
        })
        .collect();
    let mut flat = vec![0u32; pairs.len()];
    for &(row, value) in pairs {
        let slot = &mut next[row as usize];
        flat[*slot as usize] = value;
        *slot += 1;
    }
    let mut values = Table::with_capacity(counts.len(), pairs.len());
    let mut start = 0;
    for &end in &next {
        values.new_row();
        let mut last = None;
        for &v in &flat[start..end as usize] {
            if last != Some(v) {
                values.push(v);
                last = Some(v);
            }
        }
        start = end as usize;
    }
    values.shrink_to_fit();
    values
}

/// Exact-key tiers, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tier {
    /// Canonical key: case, accents, punctuation, separators, plurals.
    Canonical,
    /// Compact key: the same letters with or without separators between words.
    Compact,
    /// Token-order key.
    TokenOrder,
    /// Generated acronym.
    Acronym,
}

/// The exact-key maps: each key to the entries that have it.
#[derive(Debug, Clone, Default)]
struct ExactKeys {
    canonical: MultiMap,
    compact: MultiMap,
    bag: MultiMap,
    acronyms: MultiMap,
}

impl ExactKeys {
    /// Groups the `(key, entry)` pairs of each tier. An acronym that is some label's own
    /// key is that label, not an abbreviation.
    fn build(canonical: &Keys, compact: &Keys, bag: &Keys, acronyms: &Keys) -> ExactKeys {
        let canonical = MultiMap::build(canonical);
        let compact = MultiMap::build(compact);
        let acronyms = acronyms.filtered(|a| !canonical.contains(a) && !compact.contains(a));
        ExactKeys {
            canonical,
            compact,
            bag: MultiMap::build(bag),
            acronyms: MultiMap::build(&acronyms),
        }
    }

    /// Entries whose key of `tier` equals the query's.
    fn get(&self, query: &Normalized, tier: Tier) -> &[u32] {
        match tier {
            Tier::Canonical => self.canonical.get(&query.spaced()),
            Tier::Compact => self.compact.get(&query.compact),
            Tier::TokenOrder => query.bag().map_or(&[], |b| self.bag.get(&b)),
            Tier::Acronym => self.acronyms.get(&query.compact),
        }
    }

    fn heap_bytes(&self) -> usize {
        self.canonical.heap_bytes()
            + self.compact.heap_bytes()
            + self.bag.heap_bytes()
            + self.acronyms.heap_bytes()
    }
}

/// The index over a vocabulary's labels.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub entries: Vec<Entry>,
    keys: ExactKeys,
    /// Fuzzy keys (distinct canonical keys that may match fuzzily) → entries.
    key_entries: Table<u32>,
    /// Fuzzy keys → token ids, in label order.
    key_tokens: Table<u32>,
    /// Fuzzy keys → total token weight.
    key_weight: Vec<f32>,
    /// Token id → text.
    tokens: Vec<Box<str>>,
    /// Token id → weight in scores.
    token_weight: Vec<f32>,
    /// Token ids sorted by text, for prefix matches.
    sorted_tokens: Vec<u32>,
    token_ids: StrMap<u32>,
    /// Token id → fuzzy keys containing it, ascending.
    postings: Table<u32>,
    /// Deletion neighbourhood: `hash << 32 | token id` (hash of a deletion), sorted.
    deletes: Vec<u64>,
}

/// Edits tolerated in a token of `len` characters.
pub(crate) fn max_edits(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=5 => 1,
        6..=MAX_FUZZY_TOKEN => 2,
        _ => 0,
    }
}

fn weight(token: &str) -> f32 {
    if is_light(token) {
        STOPWORD_WEIGHT
    } else {
        1.0
    }
}

/// The hash of `token` without the characters at the positions in `skip` (ascending),
/// folded to 32 bits. `bounds` are the characters' byte offsets, with the length last.
/// Collisions only add candidates, which the edit distance then rejects.
fn deletion_hash(token: &[u8], bounds: &[usize], skip: &[usize], buf: &mut Vec<u8>) -> u32 {
    buf.clear();
    let mut from = 0;
    for &c in skip {
        buf.extend_from_slice(&token[from..bounds[c]]);
        from = bounds[c + 1];
    }
    buf.extend_from_slice(&token[from..]);
    let h = Strings::get().bytes(buf);
    (h ^ (h >> 32)) as u32
}

/// Hashes of `token` and of every string made by deleting up to `depth` characters.
fn deletion_hashes(token: &str, depth: usize, out: &mut Vec<u32>) {
    let mut bounds: Vec<usize> = token.char_indices().map(|(i, _)| i).collect();
    let n = bounds.len();
    bounds.push(token.len());
    let bytes = token.as_bytes();
    let mut buf = Vec::with_capacity(bytes.len());
    out.push(deletion_hash(bytes, &bounds, &[], &mut buf));
    if depth >= 1 {
        for i in 0..n {
            out.push(deletion_hash(bytes, &bounds, &[i], &mut buf));
            if depth >= 2 {
                for j in i + 1..n {
                    out.push(deletion_hash(bytes, &bounds, &[i, j], &mut buf));
                }
            }
        }
    }
}

/// Similarity of two tokens `e` edits apart, in 0..=1: a blend of normalised
/// Damerau–Levenshtein (0.6) and Jaro–Winkler (0.4), both from strsim.
pub(crate) fn token_similarity(a: &str, b: &str, edits: usize) -> f64 {
    let longest = a.chars().count().max(b.chars().count()).max(1);
    let dl = 1.0 - edits as f64 / longest as f64;
    DL_SHARE * dl + (1.0 - DL_SHARE) * strsim::jaro_winkler(a, b)
}

/// A label candidate from the fuzzy search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    /// The fuzzy key.
    pub key: u32,
    /// Token Sørensen–Dice score in 0..=1.
    pub score: f64,
}

/// A label variant that may match fuzzily, before the dictionary is built.
struct FuzzyVariant {
    /// Its tokens, in label order.
    tokens: Vec<String>,
    /// Its entry, which is also its canonical key's place among [`Variants::canonical`].
    entry: u32,
}

/// `(key, entry)` pairs, the keys back to back in one buffer: one allocation for all the
/// keys of a tier instead of one each (see `Resolver::from_labels` for the gain).
#[derive(Default)]
struct Keys {
    text: String,
    /// Per pair, where its key ends in `text` (it starts where the previous one ends),
    /// and its entry.
    ends: Vec<(usize, u32)>,
}

impl Keys {
    fn with_capacity(pairs: usize) -> Keys {
        Keys {
            text: String::with_capacity(pairs * 24),
            ends: Vec::with_capacity(pairs),
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Adds the key made of `parts` joined by single spaces.
    fn push_joined<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>, entry: u32) {
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                self.text.push(' ');
            }
            self.text.push_str(part);
        }
        self.ends.push((self.text.len(), entry));
    }

    /// The key of pair `i`.
    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1].0 };
        &self.text[start..self.ends[i].0]
    }

    fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        (0..self.len()).map(|i| (self.key(i), self.ends[i].1))
    }

    /// The pairs whose key `keep` accepts.
    fn filtered(&self, keep: impl Fn(&str) -> bool) -> Keys {
        let mut kept = Keys::with_capacity(self.len());
        for (key, entry) in self.iter().filter(|(key, _)| keep(key)) {
            kept.push_joined([key], entry);
        }
        kept
    }
}

/// Every label variant with its keys, gathered before the maps are built.
struct Variants {
    entries: Vec<Entry>,
    /// By entry.
    canonical: Keys,
    compact: Keys,
    bag: Keys,
    acronyms: Keys,
    fuzzy: Vec<FuzzyVariant>,
}

impl Variants {
    /// The variants of `labels` (`(text, item)`, in vocabulary order): each label as
    /// written, without its bracketed qualifier, and the capitalised single words in its
    /// brackets.
    fn collect(labels: &[(Box<str>, u32)]) -> Variants {
        let mut variants = Variants {
            entries: Vec::with_capacity(labels.len() + labels.len() / 8),
            canonical: Keys::with_capacity(labels.len()),
            compact: Keys::with_capacity(labels.len()),
            bag: Keys::default(),
            acronyms: Keys::default(),
            fuzzy: Vec::with_capacity(labels.len()),
        };
        for (label, (text, item)) in labels.iter().enumerate() {
            let (label, item) = (label as u32, *item);
            label_variants(text, |norm, variant| {
                variants.add(label, item, norm, variant)
            });
        }
        variants
    }

    /// Adds a variant of `label` (naming `item`) as a new entry with its keys; an empty
    /// one is left out. An inner word gets no acronym and does not match fuzzily, nor
    /// does a variant whose compact key is shorter than three characters.
    fn add(&mut self, label: u32, item: u32, norm: Normalized, variant: Variant) {
        if norm.is_empty() {
            return;
        }
        let e = self.entries.len() as u32;
        self.entries.push(Entry {
            item,
            label,
            variant,
        });
        self.compact.push_joined([norm.compact.as_str()], e);
        self.canonical
            .push_joined(norm.tokens.iter().map(String::as_str), e);
        if let Some(words) = norm.bag_words() {
            self.bag.push_joined(words, e);
        }
        if variant != Variant::Inner {
            if let Some(a) = norm.acronym() {
                self.acronyms.push_joined([a.as_str()], e);
            }
            if norm.compact.chars().count() >= 3 {
                self.fuzzy.push(FuzzyVariant {
                    tokens: norm.tokens,
                    entry: e,
                });
            }
        }
    }
}

/// Gives `add` the variants of a label: as written, without its bracketed qualifier, and
/// the capitalised single words in its brackets (`Structured Query Language (SQL)` →
/// `SQL`).
pub(crate) fn label_variants(text: &str, mut add: impl FnMut(Normalized, Variant)) {
    add(Normalized::new(text), Variant::Full);
    if let Some((outside, inside)) = split_qualifiers(text) {
        add(Normalized::new(&outside), Variant::Qualified);
        for group in inside {
            let norm = Normalized::new(&group);
            if norm.tokens.len() == 1 && norm.capitals {
                add(norm, Variant::Inner);
            }
        }
    }
}

/// The fuzzy keys and the token dictionary, as they are built.
#[derive(Default)]
struct Dictionary {
    /// Fuzzy key → entries.
    key_entries: Table<u32>,
    /// Fuzzy key → token ids, in label order.
    key_tokens: Table<u32>,
    /// Fuzzy key → total token weight.
    key_weight: Vec<f32>,
    /// Token id → text.
    tokens: Vec<Box<str>>,
    token_ids: StrMap<u32>,
    /// Token id → fuzzy keys containing it, ascending.
    postings: Vec<Vec<u32>>,
}

impl Dictionary {
    /// One fuzzy key per distinct canonical key of `variants`, numbered in key order, with
    /// its entries ascending; token ids in order of first use. `canonical` holds every
    /// entry's canonical key, by entry.
    fn build(variants: Vec<FuzzyVariant>, canonical: &Keys) -> Dictionary {
        let key = |v: &FuzzyVariant| canonical.key(v.entry as usize);
        let order = order_by_key(
            variants.len(),
            |i| key(&variants[i]),
            |a, b| variants[a].entry.cmp(&variants[b].entry),
        );
        let variants = permuted(variants, &order);
        let mut dictionary = Dictionary::default();
        let mut last: Option<&str> = None;
        for variant in variants {
            let k = key(&variant);
            if last == Some(k) {
                dictionary.key_entries.push(variant.entry);
                continue;
            }
            dictionary.add_key(variant.tokens, variant.entry);
            last = Some(k);
        }
        dictionary
    }

    /// Adds a fuzzy key with its first entry and its tokens, and posts it to them.
    fn add_key(&mut self, tokens: Vec<String>, entry: u32) {
        let key = self.key_entries.len() as u32;
        self.key_entries.push_row([entry]);
        self.key_weight.push(tokens.iter().map(|t| weight(t)).sum());
        let mut ids = Vec::with_capacity(tokens.len());
        for t in tokens {
            let id = self.token_id(t);
            let postings = &mut self.postings[id as usize];
            if postings.last() != Some(&key) {
                postings.push(key);
            }
            ids.push(id);
        }
        self.key_tokens.push_row(ids);
    }

    /// The id of `token`, which enters the dictionary (with no postings yet) when new.
    fn token_id(&mut self, token: String) -> u32 {
        if let Some(&id) = self.token_ids.get(token.as_str()) {
            return id;
        }
        let id = self.tokens.len() as u32;
        let boxed = token.into_boxed_str();
        self.tokens.push(boxed.clone());
        self.token_ids.insert(boxed, id);
        self.postings.push(Vec::new());
        id
    }
}

/// The deletion neighbourhood of the dictionary `tokens`: `hash << 32 | token id` for
/// every string made from a token by deleting up to the edits it tolerates, sorted.
fn deletion_neighbourhood(tokens: &[Box<str>]) -> Vec<u64> {
    let mut deletes = Vec::new();
    let mut hashes = Vec::new();
    for (id, t) in tokens.iter().enumerate() {
        let depth = max_edits(t.chars().count());
        if depth == 0 {
            continue;
        }
        hashes.clear();
        deletion_hashes(t, depth, &mut hashes);
        hashes.sort_unstable();
        hashes.dedup();
        deletes.extend(hashes.iter().map(|&h| u64::from(h) << 32 | id as u64));
    }
    deletes.sort_unstable();
    deletes.shrink_to_fit();
    deletes
}

/// Token ids sorted by text (the tokens are distinct), for prefix matches.
fn sorted_by_text(tokens: &[Box<str>]) -> Vec<u32> {
    order_by_key(tokens.len(), |i| &tokens[i], |a, b| a.cmp(&b))
}

/// A dictionary token near a query word.
#[derive(Debug, Clone, Copy)]
struct NearToken {
    /// The token id.
    token: u32,
    /// Its similarity to the word, in 0..=1 (1 for the word as written).
    similarity: f32,
}

/// Whether a word's near tokens include the word as written.
fn found_as_written(near: &[NearToken]) -> bool {
    near.iter().any(|n| n.similarity >= 1.0)
}

/// A query's words, expanded for the fuzzy search.
struct QueryWords<'q> {
    words: &'q [String],
    /// Word → the dictionary tokens near it.
    near: Vec<Vec<NearToken>>,
    /// Word → weight in scores.
    weights: Vec<f32>,
    /// Total word weight.
    weight: f32,
}

impl QueryWords<'_> {
    /// The tokens whose labels the `anchors` bring: an anchor word found as written brings
    /// only the labels containing it as written; a word not found brings those of all its
    /// near matches.
    fn anchor_tokens(&self, anchors: &[Anchor]) -> Vec<u32> {
        anchors
            .iter()
            .flat_map(|a| {
                let near = &self.near[a.word];
                let exact = found_as_written(near);
                near.iter()
                    .filter(move |n| !exact || n.similarity >= 1.0)
                    .map(|n| n.token)
            })
            .collect()
    }

    /// The near matches of every word, sorted by dictionary token then word, for lookups
    /// from a label's tokens.
    fn by_token(&self) -> Vec<NearMatch> {
        let mut table: Vec<NearMatch> = self
            .near
            .iter()
            .enumerate()
            .flat_map(|(i, near)| {
                near.iter().map(move |n| NearMatch {
                    token: n.token,
                    word: i as u8,
                    similarity: n.similarity,
                })
            })
            .collect();
        table.sort_unstable_by(|a, b| a.token.cmp(&b.token).then(a.word.cmp(&b.word)));
        table
    }
}

/// A query word that may anchor the search. Anchors rank by their fields in the order
/// declared (the derived `Ord`): content words before stopwords and fillers, then fewest
/// postings, then query order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Anchor {
    /// Whether the word is a stopword or a filler.
    light: bool,
    /// Postings of the word's near tokens, in total.
    cost: usize,
    /// The word's position in the query.
    word: usize,
}

/// A dictionary token near a query word, found from the token.
#[derive(Debug, Clone, Copy)]
struct NearMatch {
    token: u32,
    /// The query word's position.
    word: u8,
    similarity: f32,
}

/// A possible pairing of a query word with a label's token.
#[derive(Debug, Clone, Copy)]
struct Pair {
    similarity: f32,
    /// The query word's position.
    word: u8,
    /// The token's position in the label.
    position: u8,
}

impl Index {
    /// Indexes `labels` (`(text, item)`, in vocabulary order).
    pub(crate) fn build(labels: &[(Box<str>, u32)]) -> Index {
        let Variants {
            entries,
            canonical,
            compact,
            bag,
            acronyms,
            fuzzy,
        } = Variants::collect(labels);
        let dictionary = Dictionary::build(fuzzy, &canonical);
        let keys = ExactKeys::build(&canonical, &compact, &bag, &acronyms);
        let deletes = deletion_neighbourhood(&dictionary.tokens);
        let token_weight = dictionary.tokens.iter().map(|t| weight(t)).collect();
        let sorted_tokens = sorted_by_text(&dictionary.tokens);
        Index {
            entries,
            keys,
            key_entries: dictionary.key_entries,
            key_tokens: dictionary.key_tokens,
            key_weight: dictionary.key_weight,
            tokens: dictionary.tokens,
            token_weight,
            sorted_tokens,
            token_ids: dictionary.token_ids,
            postings: Table::from_rows(dictionary.postings),
            deletes,
        }
    }

    /// Entries whose key of `tier` equals the query's.
    pub(crate) fn exact(&self, query: &Normalized, tier: Tier) -> &[u32] {
        self.keys.get(query, tier)
    }

    /// The entries of a fuzzy key.
    pub(crate) fn key_entries(&self, key: u32) -> &[u32] {
        self.key_entries.row(key as usize)
    }

    /// Dictionary tokens near `token`, with their similarity, by token id: the token
    /// itself (1), tokens within the edits tolerated (at most `max_depth`), the word an
    /// abbreviation stands for, and longer words it is a prefix of.
    fn expand(&self, token: &str, max_depth: usize) -> Vec<NearToken> {
        let mut out: Vec<NearToken> = Vec::new();
        let exact = self.token_ids.get(token).copied();
        if let Some(id) = exact {
            out.push(NearToken {
                token: id,
                similarity: 1.0,
            });
        }
        if let Some((_, long)) = ABBREVIATIONS.iter().find(|(short, _)| *short == token) {
            if let Some(&id) = self.token_ids.get(*long) {
                out.push(NearToken {
                    token: id,
                    similarity: ABBREVIATION_SIMILARITY,
                });
            }
        }
        let len = token.chars().count();
        let depth = max_edits(len).min(max_depth);
        if depth == 0 {
            return out;
        }
        for id in self.deletion_candidates(token, len, depth) {
            if Some(id) == exact {
                continue;
            }
            let other = &self.tokens[id as usize];
            let allowed = max_edits(len.max(other.chars().count())).min(max_depth);
            let edits = strsim::osa_distance(token, other);
            if edits > 0 && edits <= allowed {
                out.push(NearToken {
                    token: id,
                    similarity: token_similarity(token, other, edits) as f32,
                });
            }
        }
        // Prefixes: abbreviations such as `stat`, `net`, `script`.
        if len >= 3 && token.bytes().all(|b| b.is_ascii_lowercase()) {
            self.add_prefix_matches(token, len, exact, &mut out);
        }
        out
    }

    /// Dictionary tokens that may be within `depth` edits of `token` (of `len`
    /// characters): those sharing a deletion with it, ascending, each once. Hash
    /// collisions may add others.
    fn deletion_candidates(&self, token: &str, len: usize, depth: usize) -> Vec<u32> {
        let mut hashes = Vec::with_capacity(1 + len + len * len / 2);
        deletion_hashes(token, depth, &mut hashes);
        hashes.sort_unstable();
        hashes.dedup();
        let mut found: Vec<u32> = Vec::new();
        for h in hashes {
            let h = u64::from(h) << 32;
            let start = self.deletes.partition_point(|&x| x < h);
            found.extend(
                self.deletes[start..]
                    .iter()
                    .take_while(|&&x| x >> 32 == h >> 32)
                    .map(|&x| x as u32),
            );
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Adds the dictionary tokens that start with `token` (of `len` characters), other
    /// than `exact` (the token itself), each with similarity `0.35 + 0.65 × (len / its
    /// length)` or the one it already has in `out` if higher. Only the first
    /// [`MAX_PREFIX_MATCHES`] + 1 tokens in text order are looked at (`exact` among
    /// them), and none is added when more than [`MAX_PREFIX_MATCHES`] of those qualify.
    fn add_prefix_matches(
        &self,
        token: &str,
        len: usize,
        exact: Option<u32>,
        out: &mut Vec<NearToken>,
    ) {
        let start = self
            .sorted_tokens
            .partition_point(|&t| &*self.tokens[t as usize] < token);
        let matches: Vec<u32> = self.sorted_tokens[start..]
            .iter()
            .take(MAX_PREFIX_MATCHES + 1)
            .take_while(|&&t| self.tokens[t as usize].starts_with(token))
            .copied()
            .filter(|&t| Some(t) != exact)
            .collect();
        if matches.len() <= MAX_PREFIX_MATCHES {
            for t in matches {
                let ratio = len as f32 / self.tokens[t as usize].chars().count() as f32;
                let sim = 0.35 + 0.65 * ratio;
                match out.iter_mut().find(|n| n.token == t) {
                    Some(slot) => slot.similarity = slot.similarity.max(sim),
                    None => out.push(NearToken {
                        token: t,
                        similarity: sim,
                    }),
                }
            }
        }
    }

    /// Fuzzy label candidates for a query, best first (ties by key), at most
    /// [`SHORTLIST`].
    ///
    /// Each label containing a near match of one of the query's rarest tokens is scored
    /// by a weighted Sørensen–Dice coefficient over tokens, where a token pair counts by
    /// its similarity ([`token_similarity`]) and tokens pair one-to-one, greedily, in
    /// query order. A multi-word query is also tried as one word (`tensor flw` →
    /// `tensorflow`).
    pub(crate) fn fuzzy(&self, query: &Normalized) -> Vec<Scored> {
        let words = &query.tokens;
        if words.is_empty() || words.len() > MAX_FUZZY_WORDS {
            return Vec::new();
        }
        let mut best: Vec<Scored> = Vec::new();
        self.score_words(words, 2, &mut best);
        let parts = words.len() > 1 && words.iter().all(|w| w.chars().count() >= 2);
        if parts && query.compact.chars().count() <= MAX_FUZZY_TOKEN {
            // Words split apart (`tensor flw`), with at most one typo; a lone letter is
            // more likely a word of its own (`B testing`, `T-SQL`).
            self.score_words(std::slice::from_ref(&query.compact), 1, &mut best);
        }
        // Best score per key.
        best.sort_by(|a, b| a.key.cmp(&b.key).then(b.score.total_cmp(&a.score)));
        best.dedup_by_key(|s| s.key);
        let mut out = best;
        let order = |a: &Scored, b: &Scored| b.score.total_cmp(&a.score).then(a.key.cmp(&b.key));
        if out.len() > SHORTLIST {
            out.select_nth_unstable_by(SHORTLIST - 1, order);
            out.truncate(SHORTLIST);
        }
        out.sort_by(order);
        out
    }

    /// Scores the labels near `words` (tolerating up to `max_depth` edits a word), adding
    /// those that score above 0 to `best`.
    fn score_words(&self, words: &[String], max_depth: usize, best: &mut Vec<Scored>) {
        let query = self.expand_words(words, max_depth);
        let anchors = self.choose_anchors(&query);
        let keys = self.candidate_keys(&query.anchor_tokens(&anchors));
        let by_token = query.by_token();
        let mut pairs: Vec<Pair> = Vec::new();
        for key in keys {
            match self.score_key(key, &query, &by_token, &mut pairs) {
                Some(score) if score > 0.0 => best.push(Scored { key, score }),
                _ => {}
            }
        }
    }

    /// The query words with their near tokens and weights.
    fn expand_words<'q>(&self, words: &'q [String], max_depth: usize) -> QueryWords<'q> {
        let near: Vec<Vec<NearToken>> = words.iter().map(|w| self.expand(w, max_depth)).collect();
        let weights: Vec<f32> = words.iter().map(|w| weight(w)).collect();
        let weight: f32 = weights.iter().sum();
        QueryWords {
            words,
            near,
            weights,
            weight,
        }
    }

    /// Anchors: the query word whose near matches have the fewest postings, and the
    /// next one when the query has three content words or more and the rarest is not a
    /// dictionary word as written (then it may be noise and a label without it still
    /// reach the accept threshold; with fewer words, a label missing the rarest scores at
    /// most 2/3). Content words anchor before stopwords and fillers, whatever their
    /// postings. A word with no near token is no anchor.
    fn choose_anchors(&self, query: &QueryWords) -> Vec<Anchor> {
        let mut anchors: Vec<Anchor> = query
            .near
            .iter()
            .enumerate()
            .filter(|(_, near)| !near.is_empty())
            .map(|(i, near)| Anchor {
                light: is_light(&query.words[i]),
                cost: near
                    .iter()
                    .map(|n| self.postings.row(n.token as usize).len())
                    .sum(),
                word: i,
            })
            .collect();
        anchors.sort_unstable();
        let content = query.words.iter().filter(|w| !is_light(w)).count();
        let sure = anchors
            .first()
            .is_some_and(|a| found_as_written(&query.near[a.word]));
        anchors.truncate(if content >= 3 && !sure { 2 } else { 1 });
        anchors
    }

    /// The fuzzy keys whose labels contain one of `tokens`, ascending, each once.
    fn candidate_keys(&self, tokens: &[u32]) -> Vec<u32> {
        let total: usize = tokens
            .iter()
            .map(|&t| self.postings.row(t as usize).len())
            .sum();
        if total <= 1024 {
            let mut keys: Vec<u32> = Vec::with_capacity(total);
            for &t in tokens {
                keys.extend_from_slice(self.postings.row(t as usize));
            }
            keys.sort_unstable();
            keys.dedup();
            keys
        } else {
            // Many postings: a bitset over the keys dedups in linear time.
            let mut bits = vec![0u64; self.key_weight.len().div_ceil(64)];
            for &t in tokens {
                for &k in self.postings.row(t as usize) {
                    bits[k as usize / 64] |= 1 << (k % 64);
                }
            }
            let mut keys = Vec::with_capacity(total);
            for (w, &word) in bits.iter().enumerate() {
                let mut word = word;
                while word != 0 {
                    keys.push((w * 64) as u32 + word.trailing_zeros());
                    word &= word - 1;
                }
            }
            keys
        }
    }

    /// The token Sørensen–Dice score of fuzzy key `key` for the query, whose near matches
    /// are `by_token` ([`QueryWords::by_token`]); `None` for a label far longer than the
    /// query, which cannot score above 0.3. `pairs` is scratch memory.
    fn score_key(
        &self,
        key: u32,
        query: &QueryWords,
        by_token: &[NearMatch],
        pairs: &mut Vec<Pair>,
    ) -> Option<f64> {
        let label_weight = self.key_weight[key as usize];
        if label_weight > 5.7 * query.weight {
            return None;
        }
        let label = self.key_tokens.row(key as usize);
        pairs.clear();
        for (j, &t) in label.iter().enumerate().take(64) {
            let start = by_token.partition_point(|m| m.token < t);
            pairs.extend(
                by_token[start..]
                    .iter()
                    .take_while(|m| m.token == t)
                    .map(|m| Pair {
                        similarity: m.similarity,
                        word: m.word,
                        position: j as u8,
                    }),
            );
        }
        let matched = self.pair_greedily(pairs, label, &query.weights);
        Some(f64::from(2.0 * matched / (query.weight + label_weight)))
    }

    /// Pairs query words with the tokens of `label` one-to-one, most similar first (then
    /// by word, then by position), and sums each pair's similarity times the mean of the
    /// word's weight (in `weights`) and the token's.
    fn pair_greedily(&self, pairs: &mut [Pair], label: &[u32], weights: &[f32]) -> f32 {
        pairs.sort_unstable_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.word.cmp(&b.word))
                .then(a.position.cmp(&b.position))
        });
        let (mut words_used, mut label_used) = (0u64, 0u64);
        let mut matched = 0.0f32;
        for pair in pairs.iter() {
            let (i, j) = (pair.word, pair.position);
            if words_used & (1 << i) != 0 || label_used & (1 << j) != 0 {
                continue;
            }
            words_used |= 1 << i;
            label_used |= 1 << j;
            matched += pair.similarity
                * (weights[i as usize] + self.token_weight[label[j as usize] as usize])
                / 2.0;
        }
        matched
    }

    /// Approximate heap memory of the index, in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        let tokens: usize = self.tokens.iter().map(|t| t.len()).sum();
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.keys.heap_bytes()
            + self.key_entries.heap_bytes()
            + self.key_tokens.heap_bytes()
            + self.key_weight.capacity() * 4
            + self.tokens.capacity() * std::mem::size_of::<Box<str>>()
            + self.sorted_tokens.capacity() * 4
            + self.token_weight.capacity() * 4
            + 2 * tokens
            + self.token_ids.capacity() * (std::mem::size_of::<(Box<str>, u32)>() + 1)
            + self.postings.heap_bytes()
            + self.deletes.capacity() * 8
    }

    /// Distinct tokens in the fuzzy dictionary.
    pub(crate) fn token_count(&self) -> usize {
        self.tokens.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(labels: &[&str]) -> Index {
        let labels: Vec<(Box<str>, u32)> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (Box::from(*l), i as u32))
            .collect();
        Index::build(&labels)
    }

    #[test]
    fn deletions_find_one_and_two_edits() {
        let ix = index(&["python", "pytorch", "sql"]);
        let found = |t: &str| -> Vec<String> {
            ix.expand(t, 2)
                .into_iter()
                .map(|n| ix.tokens[n.token as usize].to_string())
                .collect()
        };
        assert_eq!(found("pyhton"), ["python"]);
        assert_eq!(found("pythn"), ["python"]);
        assert_eq!(found("sqll"), ["sql"]);
        assert!(found("sq").is_empty());
    }

    #[test]
    fn short_labels_are_not_fuzzy() {
        let ix = index(&["R", "Go", "C"]);
        assert_eq!(ix.token_count(), 0);
        assert!(ix.fuzzy(&Normalized::new("Gx")).is_empty());
    }

    #[test]
    fn token_order_and_typos_score_high() {
        let ix = index(&["Machine Learning", "Deep Learning", "Learning Management"]);
        let top = ix.fuzzy(&Normalized::new("lerning machine"));
        assert_eq!(ix.key_entries(top[0].key), [0]);
        assert!(top[0].score > 0.9, "{top:?}");
    }

    #[test]
    fn acronyms_skip_labels_that_exist() {
        let ix = index(&["Machine Learning", "ML", "Natural Language Processing"]);
        assert!(ix.exact(&Normalized::new("ml"), Tier::Acronym).is_empty());
        assert_eq!(ix.exact(&Normalized::new("NLP"), Tier::Acronym).len(), 1);
    }
}
