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
use crate::util::table::Table;

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
    rows: StrMap<u32>,
    values: Table<u32>,
}

impl MultiMap {
    /// Groups `(key, value)` pairs given by ascending value; repeats go.
    fn build(mut pairs: Vec<(String, u32)>) -> MultiMap {
        // Values keep their order within a key: pairs arrive by ascending value.
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        pairs.dedup();
        let mut map = MultiMap {
            rows: StrMap::with_capacity_and_hasher(pairs.len(), Default::default()),
            values: Table::default(),
        };
        for (key, value) in pairs {
            if !map.rows.contains_key(key.as_str()) {
                map.rows
                    .insert(key.into_boxed_str(), map.values.len() as u32);
                map.values.new_row();
            }
            map.values.push(value);
        }
        map.values.shrink_to_fit();
        map
    }

    fn get(&self, key: &str) -> &[u32] {
        match self.rows.get(key) {
            Some(&r) => self.values.row(r as usize),
            None => &[],
        }
    }

    fn contains(&self, key: &str) -> bool {
        self.rows.contains_key(key)
    }

    fn heap_bytes(&self) -> usize {
        let keys: usize = self.rows.keys().map(|k| k.len()).sum();
        self.rows.capacity() * (std::mem::size_of::<(Box<str>, u32)>() + 1)
            + keys
            + self.values.heap_bytes()
    }
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

/// The index over a vocabulary's labels.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    pub entries: Vec<Entry>,
    canonical: MultiMap,
    compact: MultiMap,
    bag: MultiMap,
    acronyms: MultiMap,
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

impl Index {
    /// Indexes `labels` (`(text, item)`, in vocabulary order).
    pub(crate) fn build(labels: &[(Box<str>, u32)]) -> Index {
        let mut entries = Vec::with_capacity(labels.len() + labels.len() / 8);
        let mut canonical = Vec::with_capacity(labels.len());
        let mut compact = Vec::with_capacity(labels.len());
        let mut bag = Vec::new();
        let mut acronyms = Vec::new();
        let mut fuzzy: Vec<(String, Vec<String>, u32)> = Vec::with_capacity(labels.len());
        for (label, (text, item)) in labels.iter().enumerate() {
            let mut add = |norm: Normalized, variant: Variant| {
                if norm.is_empty() {
                    return;
                }
                let e = entries.len() as u32;
                entries.push(Entry {
                    item: *item,
                    label: label as u32,
                    variant,
                });
                let spaced = norm.spaced();
                if let Some(b) = norm.bag() {
                    bag.push((b, e));
                }
                if variant != Variant::Inner {
                    if let Some(a) = norm.acronym() {
                        acronyms.push((a, e));
                    }
                    if norm.compact.chars().count() >= 3 {
                        fuzzy.push((spaced.clone(), norm.tokens, e));
                    }
                }
                compact.push((norm.compact, e));
                canonical.push((spaced, e));
            };
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
        let canonical = MultiMap::build(canonical);
        let compact = MultiMap::build(compact);
        // An acronym that is some label's own key is that label, not an abbreviation.
        acronyms.retain(|(a, _)| !canonical.contains(a) && !compact.contains(a));

        // Fuzzy keys and the token dictionary.
        fuzzy.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut key_entries: Vec<Vec<u32>> = Vec::new();
        let mut key_token_lists: Vec<Vec<u32>> = Vec::new();
        let mut key_weight = Vec::new();
        let mut tokens: Vec<Box<str>> = Vec::new();
        let mut token_ids: StrMap<u32> = StrMap::default();
        let mut posting_lists: Vec<Vec<u32>> = Vec::new();
        let mut last: Option<String> = None;
        for (spaced, toks, e) in fuzzy {
            if last.as_deref() == Some(spaced.as_str()) {
                if let Some(list) = key_entries.last_mut() {
                    list.push(e);
                }
                continue;
            }
            let key = key_entries.len() as u32;
            key_entries.push(vec![e]);
            key_weight.push(toks.iter().map(|t| weight(t)).sum());
            let mut ids = Vec::with_capacity(toks.len());
            for t in toks {
                let id = match token_ids.get(t.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = tokens.len() as u32;
                        let boxed = t.into_boxed_str();
                        tokens.push(boxed.clone());
                        token_ids.insert(boxed, id);
                        posting_lists.push(Vec::new());
                        id
                    }
                };
                if posting_lists[id as usize].last() != Some(&key) {
                    posting_lists[id as usize].push(key);
                }
                ids.push(id);
            }
            key_token_lists.push(ids);
            last = Some(spaced);
        }
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
        let token_weight = tokens.iter().map(|t| weight(t)).collect();
        let mut sorted_tokens: Vec<u32> = (0..tokens.len() as u32).collect();
        sorted_tokens.sort_by(|&a, &b| tokens[a as usize].cmp(&tokens[b as usize]));

        Index {
            entries,
            canonical,
            compact,
            bag: MultiMap::build(bag),
            acronyms: MultiMap::build(acronyms),
            key_entries: Table::from_rows(key_entries),
            key_tokens: Table::from_rows(key_token_lists),
            key_weight,
            tokens,
            token_weight,
            sorted_tokens,
            token_ids,
            postings: Table::from_rows(posting_lists),
            deletes,
        }
    }

    /// Entries whose key of `tier` equals the query's.
    pub(crate) fn exact(&self, query: &Normalized, tier: Tier) -> &[u32] {
        match tier {
            Tier::Canonical => self.canonical.get(&query.spaced()),
            Tier::Compact => self.compact.get(&query.compact),
            Tier::TokenOrder => query.bag().map_or(&[], |b| self.bag.get(&b)),
            Tier::Acronym => self.acronyms.get(&query.compact),
        }
    }

    /// The entries of a fuzzy key.
    pub(crate) fn key_entries(&self, key: u32) -> &[u32] {
        self.key_entries.row(key as usize)
    }

    /// Dictionary tokens near `token`, with their similarity, by token id: the token
    /// itself (1), tokens within the edits tolerated (at most `max_depth`), the word an
    /// abbreviation stands for, and longer words it is a prefix of.
    fn expand(&self, token: &str, max_depth: usize) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        let exact = self.token_ids.get(token).copied();
        if let Some(id) = exact {
            out.push((id, 1.0));
        }
        if let Some((_, long)) = ABBREVIATIONS.iter().find(|(short, _)| *short == token) {
            if let Some(&id) = self.token_ids.get(*long) {
                out.push((id, ABBREVIATION_SIMILARITY));
            }
        }
        let len = token.chars().count();
        let depth = max_edits(len).min(max_depth);
        if depth == 0 {
            return out;
        }
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
        for id in found {
            if Some(id) == exact {
                continue;
            }
            let other = &self.tokens[id as usize];
            let allowed = max_edits(len.max(other.chars().count())).min(max_depth);
            let edits = strsim::osa_distance(token, other);
            if edits > 0 && edits <= allowed {
                out.push((id, token_similarity(token, other, edits) as f32));
            }
        }
        // Prefixes: abbreviations such as `stat`, `net`, `script`.
        if len >= 3 && token.bytes().all(|b| b.is_ascii_lowercase()) {
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
                    match out.iter_mut().find(|(x, _)| *x == t) {
                        Some(slot) => slot.1 = slot.1.max(sim),
                        None => out.push((t, sim)),
                    }
                }
            }
        }
        out
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

    fn score_words(&self, words: &[String], max_depth: usize, best: &mut Vec<Scored>) {
        let expansions: Vec<Vec<(u32, f32)>> =
            words.iter().map(|w| self.expand(w, max_depth)).collect();
        let weights: Vec<f32> = words.iter().map(|w| weight(w)).collect();
        let query_weight: f32 = weights.iter().sum();
        // Anchors: the query word whose near matches have the fewest postings, and the
        // next one when the query has three content words or more and the rarest is
        // not a dictionary word as written (then it may be noise and a label without it
        // still reach the accept threshold; with fewer words, a label missing the
        // rarest scores at most 2/3).
        // Content words anchor before stopwords and fillers, whatever their postings.
        let mut anchors: Vec<(bool, usize, usize)> = expansions
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.is_empty())
            .map(|(i, e)| {
                let cost = e
                    .iter()
                    .map(|&(t, _)| self.postings.row(t as usize).len())
                    .sum();
                (is_light(&words[i]), cost, i)
            })
            .collect();
        anchors.sort_unstable();
        let content = words.iter().filter(|w| !is_light(w)).count();
        let sure = anchors
            .first()
            .is_some_and(|&(_, _, i)| expansions[i].iter().any(|&(_, sim)| sim >= 1.0));
        anchors.truncate(if content >= 3 && !sure { 2 } else { 1 });
        // An anchor word found as written brings only the labels containing it as
        // written; a word not found brings those of all its near matches.
        let anchor_tokens: Vec<u32> = anchors
            .iter()
            .flat_map(|&(_, _, i)| {
                let exact = expansions[i].iter().any(|&(_, sim)| sim >= 1.0);
                expansions[i]
                    .iter()
                    .filter(move |&&(_, sim)| !exact || sim >= 1.0)
                    .map(|&(t, _)| t)
            })
            .collect();
        let total: usize = anchor_tokens
            .iter()
            .map(|&t| self.postings.row(t as usize).len())
            .sum();
        let keys = if total <= 1024 {
            let mut keys: Vec<u32> = Vec::with_capacity(total);
            for &t in &anchor_tokens {
                keys.extend_from_slice(self.postings.row(t as usize));
            }
            keys.sort_unstable();
            keys.dedup();
            keys
        } else {
            // Many postings: a bitset over the keys dedups in linear time.
            let mut bits = vec![0u64; self.key_weight.len().div_ceil(64)];
            for &t in &anchor_tokens {
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
        };
        // Near matches by dictionary token: (token, query word, similarity).
        let mut table: Vec<(u32, u8, f32)> = expansions
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.iter().map(move |&(t, sim)| (t, i as u8, sim)))
            .collect();
        table.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut pairs: Vec<(f32, u8, u8)> = Vec::new();
        for key in keys {
            let label_weight = self.key_weight[key as usize];
            // A label far longer than the query cannot score above 0.3.
            if label_weight > 5.7 * query_weight {
                continue;
            }
            let label = self.key_tokens.row(key as usize);
            pairs.clear();
            for (j, &t) in label.iter().enumerate().take(64) {
                let start = table.partition_point(|e| e.0 < t);
                pairs.extend(
                    table[start..]
                        .iter()
                        .take_while(|e| e.0 == t)
                        .map(|e| (e.2, e.1, j as u8)),
                );
            }
            // Pair words one-to-one, most similar first.
            pairs.sort_unstable_by(|a, b| {
                b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
            });
            let (mut words_used, mut label_used) = (0u64, 0u64);
            let mut matched = 0.0f32;
            for &(sim, i, j) in &pairs {
                if words_used & (1 << i) != 0 || label_used & (1 << j) != 0 {
                    continue;
                }
                words_used |= 1 << i;
                label_used |= 1 << j;
                matched += sim
                    * (weights[i as usize] + self.token_weight[label[j as usize] as usize])
                    / 2.0;
            }
            let score = f64::from(2.0 * matched / (query_weight + label_weight));
            if score > 0.0 {
                best.push(Scored { key, score });
            }
        }
    }

    /// Approximate heap memory of the index, in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        let tokens: usize = self.tokens.iter().map(|t| t.len()).sum();
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.canonical.heap_bytes()
            + self.compact.heap_bytes()
            + self.bag.heap_bytes()
            + self.acronyms.heap_bytes()
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
                .map(|(id, _)| ix.tokens[id as usize].to_string())
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
