//! Meaning-preserving normalisation: when two spellings name the same label.
//!
//! A label or query goes through four steps:
//!
//! 1. **Fold**: Unicode compatibility decomposition (NFKD: full-width letters, ligatures
//!    such as `ﬁ` from PDF text, superscripts, no-break spaces), accents and other
//!    combining marks removed, a few letters without a decomposition spelled out (`ß` →
//!    `ss`, `æ` → `ae`, `ø` → `o`, `ł` → `l`), dashes and quotes unified, soft hyphens
//!    and zero-width characters removed, trademark signs dropped, control characters
//!    turned into spaces, lowercase.
//! 2. **Tokenise** on everything that is not a letter or a digit, except where the
//!    punctuation is the meaning: `+` and `#` at the end of a word stay (`c++`, `c#`,
//!    `f#`, `notepad++`), a leading dot stays (`.net`), `&` stays inside a short word
//!    (`r&d`, `at&t`) and elsewhere reads as `and`; an apostrophe inside a word goes
//!    (`devil's` → `devils`). So `scikit-learn`, `Scikit_Learn` and `scikit learn` are the
//!    same tokens, while `c`, `c++`, `c#`, `.net`, `r` and `go` all stay distinct.
//! 3. **Stem plurals** of ASCII words of four letters or more: `-ies` → `-y`, `-sses` →
//!    `-ss`, `-ches`/`-shes`/`-xes` lose `-es`, a final `-s` goes unless the word ends in
//!    `-ss`, `-us`, `-is` or `-os`. Labels and queries are stemmed alike, so the rule only
//!    has to be consistent, not linguistically right.
//! 4. **Keys**: the tokens joined by spaces (the canonical form), the tokens joined
//!    without spaces (the compact form: `ML Ops` = `MLOps`, `big data` = `Big-Data`), and
//!    the sorted content words (token order: `learning machine` = `machine learning`).

use std::borrow::Cow;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Words that carry little meaning in a skill label. They are kept as tokens (with a
/// low weight in fuzzy scores) but left out of acronyms and of the token-order key.
const STOPWORDS: [&str; 12] = [
    "a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "using", "with",
];

/// Whether a (normalised) token is a stopword.
pub(crate) fn is_stopword(token: &str) -> bool {
    STOPWORDS.contains(&token)
}

/// [`is_stopword`] of `word` lowercased, without allocating for an ASCII word.
fn is_stopword_any_case(word: &str) -> bool {
    if word.is_ascii() {
        STOPWORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
    } else {
        is_stopword(&word.to_lowercase())
    }
}

/// Words that people add around a skill without changing it (`communication skills`,
/// `Python experience`): weighted like stopwords in fuzzy scores.
const FILLERS: [&str; 5] = [
    "experience",
    "knowledge",
    "proficiency",
    "skill",
    "understanding",
];

/// Whether a (normalised) token weighs little in a fuzzy score: a stopword or a filler.
pub(crate) fn is_light(token: &str) -> bool {
    is_stopword(token) || FILLERS.contains(&token)
}

/// An ASCII byte folded: lowercase, control characters as spaces.
fn fold_ascii(b: u8) -> u8 {
    if b.is_ascii_control() {
        b' '
    } else {
        b.to_ascii_lowercase()
    }
}

/// Folds one character, giving the characters it becomes (none, one or a few) to `push`.
fn fold_char(c: char, mut push: impl FnMut(char)) {
    let spelled = |s: &str, push: &mut dyn FnMut(char)| s.chars().for_each(push);
    match c {
        c if c.is_ascii() => push(fold_ascii(c as u8) as char),
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '™' | '®' | '©' | '℠' => {}
        'ß' | 'ẞ' => spelled("ss", &mut push),
        'æ' | 'Æ' => spelled("ae", &mut push),
        'œ' | 'Œ' => spelled("oe", &mut push),
        'þ' | 'Þ' => spelled("th", &mut push),
        'ø' | 'Ø' => push('o'),
        'ł' | 'Ł' => push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => push('d'),
        'ı' => push('i'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => push('-'),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => push('\''),
        c if c.is_control() => push(' '),
        c => decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                d.to_lowercase().for_each(&mut push);
            }
        }),
    }
}

/// A character of folded text, with the byte range of the character of the original text
/// it comes from (offsets past 4 GiB saturate).
#[derive(Debug, Clone, Copy)]
struct Folded {
    c: char,
    start: u32,
    end: u32,
}

/// The folded characters of `text`, each with its place in `text`.
fn folded_chars(text: &str) -> Vec<Folded> {
    let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(text.len());
    if text.is_ascii() {
        out.extend(text.bytes().enumerate().map(|(i, b)| Folded {
            c: fold_ascii(b) as char,
            start: at(i),
            end: at(i + 1),
        }));
        return out;
    }
    for (i, c) in text.char_indices() {
        let (start, end) = (at(i), at(i + c.len_utf8()));
        fold_char(c, |c| out.push(Folded { c, start, end }));
    }
    out
}

/// Calls `emit(token, start, end)` for each raw (folded, unstemmed) token of `text`, in
/// order, with the byte range of `text` it was read from; see the module docs for the
/// rules. Labels, queries and running text are tokenised by this one function, so a
/// label found in a text is the label resolution knows.
///
/// The `and` read from a lone `&` has the `&`'s range.
pub(crate) fn for_each_token(text: &str, mut emit: impl FnMut(&str, usize, usize)) {
    let chars = folded_chars(text);
    let alnum = |i: usize| chars.get(i).is_some_and(|f| f.c.is_alphanumeric());
    let mut cur = String::new();
    // The range of `cur` in `text`.
    let (mut start, mut end) = (0u32, 0u32);
    let mut flush = |cur: &mut String, start: u32, end: u32| {
        if !cur.is_empty() {
            emit(cur, start as usize, end as usize);
            cur.clear();
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let f = chars[i];
        let mut extend = |cur: &mut String, c: char| {
            if cur.is_empty() {
                start = f.start;
            }
            cur.push(c);
            end = f.end;
        };
        if f.c.is_alphanumeric() {
            extend(&mut cur, f.c);
            i += 1;
            continue;
        }
        match f.c {
            '+' | '#' if !cur.is_empty() => {
                // A run of `+`/`#` ending a word belongs to it (c++, c#); inside a word
                // (`python+sql`) it separates.
                let mut stop = i;
                while stop < chars.len() && matches!(chars[stop].c, '+' | '#') {
                    stop += 1;
                }
                if alnum(stop) {
                    flush(&mut cur, start, end);
                } else {
                    cur.extend(chars[i..stop].iter().map(|f| f.c));
                    end = chars[stop - 1].end;
                }
                i = stop;
                continue;
            }
            '.' if cur.is_empty() && alnum(i + 1) && (i == 0 || !alnum(i - 1)) => {
                extend(&mut cur, '.')
            }
            '\'' if !cur.is_empty() && alnum(i + 1) => {}
            '&' if !cur.is_empty() && cur.chars().count() <= 2 && alnum(i + 1) => {
                extend(&mut cur, '&')
            }
            '&' => {
                flush(&mut cur, start, end);
                let mut and = String::from("and");
                flush(&mut and, f.start, f.end);
            }
            _ => flush(&mut cur, start, end),
        }
        i += 1;
    }
    flush(&mut cur, start, end);
}

/// Splits text into raw (unstemmed) tokens; see the module docs.
fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for_each_token(text, |t, _, _| tokens.push(t.to_string()));
    tokens
}

/// Words ending like plurals that the rules would mangle.
const NOT_PLURAL: [&str; 4] = ["series", "species", "mathematics", "physics"];

/// Strips a plural ending from an ASCII lowercase word of 4 letters or more. Borrows
/// unless the ending changes (`-ies` → `-y`), so that running text is stemmed without
/// allocating.
pub(crate) fn stem(token: &str) -> Cow<'_, str> {
    let n = token.len();
    if n < 4 || !token.bytes().all(|b| b.is_ascii_lowercase()) || NOT_PLURAL.contains(&token) {
        return Cow::Borrowed(token);
    }
    if n >= 5 && token.ends_with("ies") {
        Cow::Owned(format!("{}y", &token[..n - 3]))
    } else if token.ends_with("sses")
        || (n >= 5
            && (token.ends_with("ches") || token.ends_with("shes") || token.ends_with("xes")))
    {
        Cow::Borrowed(&token[..n - 2])
    } else if token.ends_with('s') && !["ss", "us", "is", "os"].iter().any(|e| token.ends_with(e)) {
        Cow::Borrowed(&token[..n - 1])
    } else {
        Cow::Borrowed(token)
    }
}

/// [`stem`] of an owned token, reusing its buffer when the stem is a prefix of it.
fn stem_owned(mut token: String) -> String {
    match stem(&token) {
        Cow::Borrowed(s) => {
            let n = s.len();
            token.truncate(n);
            token
        }
        Cow::Owned(s) => s,
    }
}

/// A label or query in normalised form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Normalized {
    /// Folded, tokenised and stemmed, in the order written.
    pub tokens: Vec<String>,
    /// The raw tokens joined without spaces, then stemmed as one word.
    pub compact: String,
    /// Whether the text was written in capitals (two or more letters, none lowercase),
    /// as acronyms are.
    pub capitals: bool,
    /// Whether every content word starts with a capital or a digit (`Natural Language
    /// Processing`), as names are written.
    pub titled: bool,
}

impl Normalized {
    /// Normalises `text` (see the module docs).
    pub(crate) fn new(text: &str) -> Normalized {
        let raw = tokenize(text);
        let compact = if raw.len() == 1 {
            stem(&raw[0]).into_owned()
        } else {
            let joined: String = raw.iter().map(|t| t.trim_start_matches('.')).collect();
            stem(&joined).into_owned()
        };
        let letters = text.chars().filter(|c| c.is_alphabetic());
        let capitals = letters.clone().count() >= 2 && letters.clone().all(|c| !c.is_lowercase());
        let titled = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !is_stopword_any_case(w))
            .all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        Normalized {
            tokens: raw.into_iter().map(stem_owned).collect(),
            compact,
            capitals,
            titled,
        }
    }

    /// Whether nothing but separators was written.
    pub(crate) fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The canonical key: tokens joined by single spaces.
    pub(crate) fn spaced(&self) -> String {
        self.tokens.join(" ")
    }

    /// The token-order key: content words sorted, when there are two or more.
    pub(crate) fn bag(&self) -> Option<String> {
        self.bag_words().map(|words| words.join(" "))
    }

    /// The words of the token-order key ([`Normalized::bag`]), in order.
    pub(crate) fn bag_words(&self) -> Option<Vec<&str>> {
        let mut words: Vec<&str> = self
            .tokens
            .iter()
            .map(String::as_str)
            .filter(|t| !is_stopword(t))
            .collect();
        if words.len() < 2 {
            return None;
        }
        words.sort_unstable();
        Some(words)
    }

    /// The initials of the content words (`Natural Language Processing` → `nlp`), when
    /// there are 2 to 6 of them and each starts with an ASCII letter. A two-letter acronym
    /// comes only from a label written as a name (title case: `Machine Learning` → `ml`):
    /// two-word phrases written as people say them (`finance experience`, `team
    /// player`) would otherwise claim most pairs of capitals (`FE`, `TP`, `CI`).
    pub(crate) fn acronym(&self) -> Option<String> {
        let words: Vec<&String> = self.tokens.iter().filter(|t| !is_stopword(t)).collect();
        if !(2..=6).contains(&words.len()) || (words.len() == 2 && !self.titled) {
            return None;
        }
        words
            .iter()
            .map(|w| w.chars().next().filter(char::is_ascii_lowercase))
            .collect()
    }
}

/// Splits bracketed qualifiers off a label: `Python (computer programming)` → outside
/// `Python `, inside `["computer programming"]`. `None` without brackets, or when the
/// brackets are all there is.
pub(crate) fn split_qualifiers(text: &str) -> Option<(String, Vec<String>)> {
    if !text.contains(['(', '[']) {
        return None;
    }
    let mut outside = String::with_capacity(text.len());
    let mut inside = Vec::new();
    let mut depth = 0usize;
    let mut group = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    outside.push(' ');
                } else {
                    group.push(' ');
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside.push(std::mem::take(&mut group));
                    outside.push(' ');
                } else {
                    group.push(' ');
                }
            }
            c if depth > 0 => group.push(c),
            c => outside.push(c),
        }
    }
    if depth > 0 {
        inside.push(group);
    }
    if outside.trim().is_empty() {
        return None;
    }
    Some((outside, inside))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        Normalized::new(s).spaced()
    }

    #[test]
    fn separators_case_and_accents_fold() {
        assert_eq!(key("scikit-learn"), "scikit learn");
        assert_eq!(key("Scikit_Learn"), "scikit learn");
        assert_eq!(key("  scikit   learn "), "scikit learn");
        assert_eq!(key("Naïve Bayes"), "naive baye");
        assert_eq!(key("ＰＹＴＨＯＮ"), "python");
        assert_eq!(key("scientiﬁc computing"), "scientific computing");
        assert_eq!(key("Python\u{00A0}3"), "python 3");
        assert_eq!(key("pro\u{00AD}gramming"), "programming");
        assert_eq!(key("Straße"), "strasse");
        assert_eq!(key("Node.js"), "node js");
        assert_eq!(key("Python™"), "python");
    }

    #[test]
    fn symbols_that_carry_meaning_stay() {
        let keys: Vec<String> = ["C", "C++", "C#", ".NET", "R", "Go", "F#"]
            .iter()
            .map(|s| key(s))
            .collect();
        assert_eq!(keys, ["c", "c++", "c#", ".net", "r", "go", "f#"]);
        assert_eq!(key("ASP.NET"), "asp net");
        assert_eq!(key("R&D"), "r&d");
        assert_eq!(
            key("Data Structures & Algorithms"),
            "data structure and algorithm"
        );
        assert_eq!(key("python+sql"), "python sql");
        assert_eq!(key("c++, java"), "c++ java");
    }

    #[test]
    fn plurals_are_stemmed_consistently() {
        assert_eq!(stem("libraries"), "library");
        assert_eq!(stem("classes"), "class");
        assert_eq!(stem("approaches"), "approach");
        assert_eq!(stem("statistics"), "statistic");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("aws"), "aws");
        assert_eq!(stem("macos"), "macos");
        assert_eq!(stem("express"), "express");
    }

    #[test]
    fn compact_bag_and_acronym() {
        assert_eq!(
            Normalized::new("ML Ops").compact,
            Normalized::new("MLOps").compact
        );
        assert_eq!(Normalized::new("Big-Data").compact, "bigdata");
        assert_eq!(
            Normalized::new("learning machine").bag(),
            Normalized::new("Machine Learning").bag()
        );
        assert_eq!(
            Normalized::new("Natural Language Processing")
                .acronym()
                .as_deref(),
            Some("nlp")
        );
        assert_eq!(
            Normalized::new("Data Structures and Algorithms")
                .acronym()
                .as_deref(),
            Some("dsa")
        );
        assert_eq!(Normalized::new("team player").acronym(), None);
        assert!(Normalized::new("NLP").capitals);
        assert!(!Normalized::new("nlp").capitals);
    }

    #[test]
    fn qualifiers_split_off() {
        let (out, inside) = split_qualifiers("Python (computer programming)").unwrap();
        assert_eq!(key(&out), "python");
        assert_eq!(inside, ["computer programming"]);
        assert!(split_qualifiers("(only)").is_none());
        assert!(split_qualifiers("plain").is_none());
        let (out, inside) = split_qualifiers("a (b (c) d").unwrap();
        assert_eq!(key(&out), "a");
        assert_eq!(inside, ["b  c  d"]);
    }

    /// Every token knows where it was read, through folding that changes lengths.
    #[test]
    fn tokens_keep_their_place_in_the_text() {
        let text = "Straße, C++/ﬁle R&D & Node.js — ＰＹ";
        let mut got = Vec::new();
        for_each_token(text, |t, s, e| got.push((t.to_string(), &text[s..e])));
        let want = [
            ("strasse", "Straße"),
            ("c++", "C++"),
            ("file", "ﬁle"),
            ("r&d", "R&D"),
            ("and", "&"),
            ("node", "Node"),
            ("js", "js"),
            ("py", "ＰＹ"),
        ];
        let want: Vec<(String, &str)> = want.iter().map(|(t, s)| (t.to_string(), *s)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn control_characters_and_empty_input() {
        assert!(Normalized::new("").is_empty());
        assert!(Normalized::new(" \t\n-_/ ").is_empty());
        assert_eq!(key("py\u{0}thon"), "py thon");
    }
}
