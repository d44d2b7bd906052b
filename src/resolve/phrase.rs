//! Labels in running text: a trie over the words of every label, built once per
//! vocabulary, so that one pass over a text finds the labels it contains whatever the size
//! of the vocabulary.
//!
//! Every variant of a label that resolution knows (as written, without its bracketed
//! qualifier, a capitalised word in its brackets) enters the trie by its canonical words
//! (the tokens of [`normalize`](super::normalize): folded, split, plurals stemmed), and a
//! label of several words also by its compact form as one word (`ML Ops` → `mlops`). A text
//! is read into words by the same tokeniser, so a label is found in a text exactly when
//! resolving the words found gives that label back.
//!
//! # Scanning
//!
//! From each word not inside an earlier match, the scan walks down the trie along the
//! text's words; every label ending on the way is a candidate, and the longest one the
//! caller accepts is the match (leftmost-longest, as in Aho–Corasick's leftmost-longest
//! mode); the scan resumes after it. Two relaxations, each at most once per candidate:
//!
//! - **Glued words**: the first two words, glued by one `-`, `.` or `_`, may be read as one
//!   word (`Py-Torch` → `pytorch`).
//! - **Near word**: after the first word, a word of at least 6 characters that no label
//!   continues with may stand for one that does, when they start with the same letter,
//!   their lengths differ by at most 2, and they are at most 1 edit apart (2 from 9
//!   characters on; strsim's optimal string alignment distance). Short words and first
//!   words must be written as the label writes them.
//!
//! # Complexity
//!
//! Building is linear in the labels' words. Reading a text is linear in its length (one
//! hash lookup a word); the scan takes at most [`MAX_PHRASE_WORDS`] trie steps (one hash
//! lookup each) from each word, plus at most 32 edit distances where a near word is tried:
//! linear in the text, independent of the vocabulary's size.

use super::index::label_variants;
use super::normalize::{for_each_token, stem};
use crate::util::hash::{IndexMap, StrMap};
use crate::util::table::Table;

/// The most words of a label that is found in running text; a longer label is only found
/// when resolved as a query.
pub const MAX_PHRASE_WORDS: usize = 12;

/// The shortest word, in characters, that may stand for a near word of a label.
const NEAR_MIN_CHARS: usize = 6;

/// The most continuations of a label compared with a near word.
const NEAR_MAX_FANOUT: usize = 32;

/// No dictionary word.
const NONE: u32 = u32::MAX;

/// The trie's root.
const ROOT: u32 = 0;

/// A word of a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Byte offset of its first character in the text.
    pub start: u32,
    /// Byte offset after its last character.
    pub end: u32,
    /// Its folded form in [`Words::folded`]: `(start, end)`.
    folded: (u32, u32),
    /// Its dictionary id (stemmed), or [`NONE`].
    id: u32,
    /// Whether one `-`, `.` or `_` alone separates it from the next word.
    glued: bool,
}

/// The words of a text, read against a [`PhraseIndex`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    folded: String,
    words: Vec<Word>,
}

impl Words {
    /// The number of words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// Word `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&Word> {
        self.words.get(i)
    }

    /// The words, in text order.
    #[cfg(test)]
    pub(crate) fn all(&self) -> &[Word] {
        &self.words
    }

    /// The folded (lowercase, unstemmed) form of word `i`: `don't` → `dont`, `C++` → `c++`.
    pub(crate) fn folded(&self, i: usize) -> &str {
        self.words
            .get(i)
            .and_then(|w| self.folded.get(w.folded.0 as usize..w.folded.1 as usize))
            .unwrap_or("")
    }
}

/// How a candidate was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Word for word.
    Plain,
    /// Its first two words glued into one.
    Glued,
    /// One word stands for a near word of the label.
    Near,
}

/// A label found in a text: words `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// The first word.
    pub start: usize,
    /// After the last word.
    pub end: usize,
    /// The trie node where the label ends: equal for equal canonical keys.
    pub node: u32,
    /// How it was read.
    pub reading: Reading,
}

/// The trie over the labels' words.
#[derive(Debug, Clone)]
pub(crate) struct PhraseIndex {
    /// Stemmed word → id.
    ids: StrMap<u32>,
    /// Id → stemmed word.
    words: Vec<Box<str>>,
    /// `node << 32 | word` → child node.
    next: IndexMap<u64, u32>,
    /// Node → whether a label ends there.
    ends: Vec<bool>,
    /// Node → the words its children are reached by.
    children: Table<u32>,
    /// Node → the items whose labels end there, ascending.
    items: Table<u32>,
}

impl PhraseIndex {
    /// The trie over `labels` (`(text, item)`).
    pub(crate) fn build(labels: &[(Box<str>, u32)]) -> PhraseIndex {
        let mut index = PhraseIndex {
            ids: StrMap::default(),
            words: Vec::new(),
            next: IndexMap::default(),
            ends: vec![false],
            children: Table::default(),
            items: Table::default(),
        };
        let mut edges: Vec<(u32, u32)> = Vec::new();
        let mut ended: Vec<(u32, u32)> = Vec::new();
        for (text, item) in labels {
            label_variants(text, |norm, _| {
                if norm.tokens.is_empty() || norm.tokens.len() > MAX_PHRASE_WORDS {
                    return;
                }
                let node = index.insert(norm.tokens.iter().map(String::as_str), &mut edges);
                ended.push((node, *item));
                if norm.tokens.len() > 1 {
                    let node = index.insert(std::iter::once(norm.compact.as_str()), &mut edges);
                    ended.push((node, *item));
                }
            });
        }
        ended.sort_unstable();
        ended.dedup();
        let mut rows: Vec<Vec<u32>> = vec![Vec::new(); index.ends.len()];
        for (node, item) in ended {
            rows[node as usize].push(item);
        }
        index.items = Table::from_rows(rows);
        edges.sort_unstable();
        let mut rows: Vec<Vec<u32>> = vec![Vec::new(); index.ends.len()];
        for (node, word) in edges {
            rows[node as usize].push(word);
        }
        index.children = Table::from_rows(rows);
        index
    }

    /// Adds the path of `words`, marking its end, which it returns; new edges go to
    /// `edges`.
    fn insert<'a>(
        &mut self,
        words: impl Iterator<Item = &'a str>,
        edges: &mut Vec<(u32, u32)>,
    ) -> u32 {
        let mut node = ROOT;
        for w in words {
            let id = self.word_id(w);
            let key = u64::from(node) << 32 | u64::from(id);
            node = match self.next.get(&key) {
                Some(&child) => child,
                None => {
                    let child = self.ends.len() as u32;
                    self.ends.push(false);
                    self.next.insert(key, child);
                    edges.push((node, id));
                    child
                }
            };
        }
        self.ends[node as usize] = true;
        node
    }

    /// The items whose labels end at `node` (a [`Found::node`]), ascending.
    pub(crate) fn items(&self, node: u32) -> &[u32] {
        self.items.row(node as usize)
    }

    /// The id of `word`, which enters the dictionary when new.
    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// The dictionary id of a folded word, once stemmed.
    fn lookup(&self, folded: &str) -> u32 {
        self.ids.get(&*stem(folded)).copied().unwrap_or(NONE)
    }

    /// Reads `text` into words (the resolver's tokens, with their places).
    pub(crate) fn read(&self, text: &str) -> Words {
        let mut words = Words {
            folded: String::new(),
            words: Vec::with_capacity(text.len() / 6),
        };
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        for_each_token(text, |token, start, end| {
            if let Some(last) = words.words.last_mut() {
                let between = text.get(last.end as usize..start).unwrap_or("");
                last.glued = matches!(between, "-" | "." | "_");
            }
            let from = at(words.folded.len());
            words.folded.push_str(token);
            words.words.push(Word {
                start: at(start),
                end: at(end),
                folded: (from, at(words.folded.len())),
                id: self.lookup(token),
                glued: false,
            });
        });
        words
    }

    /// The node reached from `node` by the word `id`.
    fn step(&self, node: u32, id: u32) -> Option<u32> {
        if id == NONE {
            return None;
        }
        self.next
            .get(&(u64::from(node) << 32 | u64::from(id)))
            .copied()
    }

    /// The node reached from `node` by a near word of `folded` (see the module docs).
    fn near_step(&self, node: u32, folded: &str) -> Option<u32> {
        let children = self.children.row(node as usize);
        if children.len() > NEAR_MAX_FANOUT {
            return None;
        }
        let word = stem(folded);
        let len = word.chars().count();
        if len < NEAR_MIN_CHARS {
            return None;
        }
        let first = word.chars().next();
        let mut best: Option<(usize, u32)> = None;
        for &child in children {
            let other = &*self.words[child as usize];
            let other_len = other.chars().count();
            if other_len < NEAR_MIN_CHARS
                || len.abs_diff(other_len) > 2
                || other.chars().next() != first
            {
                continue;
            }
            let allowed = if len.max(other_len) >= 9 { 2 } else { 1 };
            let edits = strsim::osa_distance(&word, other);
            if edits <= allowed && best.is_none_or(|(e, _)| edits < e) {
                best = Some((edits, child));
            }
        }
        best.and_then(|(_, child)| self.step(node, child))
    }

    /// The candidates starting at word `i`, longest last.
    fn candidates(&self, words: &Words, i: usize, out: &mut Vec<Found>) {
        out.clear();
        let n = words.len();
        let walk = |mut node: u32, mut j: usize, mut reading: Reading, out: &mut Vec<Found>| {
            while j < n {
                let id = words.words[j].id;
                node = match self.step(node, id) {
                    Some(child) => child,
                    None if reading == Reading::Plain && node != ROOT => {
                        match self.near_step(node, words.folded(j)) {
                            Some(child) => {
                                reading = Reading::Near;
                                child
                            }
                            None => break,
                        }
                    }
                    None => break,
                };
                j += 1;
                if self.ends[node as usize] {
                    out.push(Found {
                        start: i,
                        end: j,
                        node,
                        reading,
                    });
                }
            }
        };
        walk(ROOT, i, Reading::Plain, out);
        if words.words[i].glued && i + 1 < n {
            let joined = format!("{}{}", words.folded(i), words.folded(i + 1));
            if let Some(node) = self.step(ROOT, self.lookup(&joined)) {
                if self.ends[node as usize] {
                    out.push(Found {
                        start: i,
                        end: i + 2,
                        node,
                        reading: Reading::Glued,
                    });
                }
                walk(node, i + 2, Reading::Glued, out);
            }
        }
        // Longest last; at equal length a plain reading (pushed first) stays last.
        out.sort_by_key(|f| (f.end, f.reading == Reading::Plain));
    }

    /// Scans `words` for labels, leftmost-longest: from each word not inside an earlier
    /// match, the candidates are offered to `accept`, longest first, and the first it
    /// accepts is a match.
    pub(crate) fn scan(&self, words: &Words, mut accept: impl FnMut(&Found) -> bool) {
        let mut candidates = Vec::new();
        let mut i = 0;
        while i < words.len() {
            self.candidates(words, i, &mut candidates);
            match candidates.iter().rev().find(|f| accept(f)) {
                Some(found) => i = found.end,
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(labels: &[&str]) -> PhraseIndex {
        let labels: Vec<(Box<str>, u32)> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (Box::from(*l), i as u32))
            .collect();
        PhraseIndex::build(&labels)
    }

    /// Every match the scan finds when it accepts everything, as the text matched and
    /// how it was read.
    fn found(ix: &PhraseIndex, text: &str) -> Vec<(String, Reading)> {
        let words = ix.read(text);
        let mut out = Vec::new();
        ix.scan(&words, |f| {
            let (s, e) = (words.all()[f.start].start, words.all()[f.end - 1].end);
            out.push((text[s as usize..e as usize].to_string(), f.reading));
            true
        });
        out
    }

    #[test]
    fn longest_labels_win_and_lists_give_each() {
        let ix = index(&[
            "Machine Learning",
            "machine learning engineering",
            "Engineering",
            "TensorFlow",
            "PyTorch",
            "Big Data",
            "Apache Hadoop",
            "Hadoop",
        ]);
        let got = found(
            &ix,
            "Machine-learning engineering; TensorFlow/PyTorch and Big Data (Hadoop, Spark).",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Machine-learning engineering",
                "TensorFlow",
                "PyTorch",
                "Big Data",
                "Hadoop"
            ]
        );
        assert!(got.iter().all(|(_, r)| *r == Reading::Plain));
    }

    #[test]
    fn glued_and_near_words() {
        let ix = index(&[
            "PyTorch",
            "py",
            "machine learning",
            "Kubernetes",
            "Big Data",
        ]);
        assert_eq!(
            found(&ix, "Py-Torch"),
            [("Py-Torch".into(), Reading::Glued)]
        );
        assert_eq!(found(&ix, "py torch"), [("py".into(), Reading::Plain)]);
        assert_eq!(
            found(&ix, "machine lerning"),
            [("machine lerning".into(), Reading::Near)]
        );
        // A near word is never the first word, nor a short one.
        assert!(found(&ix, "machin learning").is_empty());
        assert!(found(&ix, "Kubernets").is_empty());
        assert!(found(&ix, "big date").is_empty());
        assert_eq!(found(&ix, "bigdata"), [("bigdata".into(), Reading::Plain)]);
    }

    #[test]
    fn the_caller_may_refuse_the_longest() {
        let ix = index(&["data", "data science"]);
        let words = ix.read("data science");
        let mut got = Vec::new();
        ix.scan(&words, |f| {
            let ok = f.end - f.start == 1;
            if ok {
                got.push((f.start, f.end));
            }
            ok
        });
        assert_eq!(got, [(0, 1)]);
    }

    #[test]
    fn long_labels_and_hostile_text_stay_bounded() {
        let long = "a b c d e f g h i j k l m n";
        let ix = index(&[long, "data"]);
        assert!(found(&ix, long).is_empty());
        let text = "data ".repeat(10_000) + &"x".repeat(100_000);
        assert_eq!(found(&ix, &text).len(), 10_000);
    }
}
