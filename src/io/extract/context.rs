//! What the words around a mention say: the level they state, whether they ask for the
//! skill or call it optional, whether they negate it or offer to teach it.
//!
//! Everything is read inside the mention's **clause**: the text between the nearest
//! sentence ends (`.`, `!`, `?` before a space, `;`, a line break, a bullet) around it,
//! at most [`CONTEXT_BYTES`] on each side. A clause is not cut at commas or colons, so
//! `we don't expect: Spark, Kubernetes` negates both and `Python, SQL and Spark
//! required` asks for all three.

use crate::io::levels::{self, Reading, CONNECTORS, FILLERS};
use crate::io::LevelSource;
use crate::model::{Importance, Level};
use crate::resolve::Words;

/// How far, in bytes, the clause of a mention reaches on each side at most: what is read
/// around one mention is bounded, so a whole text is read in linear time.
pub const CONTEXT_BYTES: usize = 240;

/// How many words before a mention may hold its level (`4+ years of professional
/// experience with`).
const LEVEL_WORDS: usize = 10;

/// A byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clause {
    pub start: usize,
    pub end: usize,
}

/// A level read near a mention.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LevelRead {
    pub level: Level,
    pub source: LevelSource,
    pub text: String,
}

/// The largest char boundary of `text` at or below `at`.
pub(super) fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The largest char boundary of `text` at or above `at`.
fn ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Whether `c` ends a clause when `next` follows it.
fn ends_clause(c: char, next: Option<char>) -> bool {
    match c {
        '\n' | ';' | '•' | '▪' | '●' | '→' | '|' => true,
        '.' | '!' | '?' => next.is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// The clause holding `start..end` (see the module docs).
pub(super) fn clause(text: &str, start: usize, end: usize) -> Clause {
    let lo = floor(text, start.saturating_sub(CONTEXT_BYTES));
    let before = text.get(lo..start).unwrap_or("");
    let mut from = lo;
    let mut next = None;
    for (i, c) in before.char_indices().rev() {
        if ends_clause(c, next) {
            from = lo + i + c.len_utf8();
            break;
        }
        next = Some(c);
    }
    let hi = ceil(text, end.saturating_add(CONTEXT_BYTES));
    let after = text.get(end..hi).unwrap_or("");
    let mut to = hi;
    let mut chars = after.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if ends_clause(c, chars.peek().map(|&(_, c)| c)) {
            to = end + i;
            break;
        }
    }
    Clause {
        start: from,
        end: to,
    }
}

/// The text of `text` between two offsets, lowercase.
fn lower(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or("").to_lowercase()
}

/// The level written before the mention whose first word is `first`: a level phrase
/// (`strong`, `working knowledge of`) or years (`4+ years of`), fillers and connectors
/// between it and the mention allowed.
pub(super) fn level_before(
    text: &str,
    words: &Words,
    first: usize,
    clause: Clause,
) -> Option<LevelRead> {
    let ids: Vec<usize> = (0..first)
        .rev()
        .take_while(|&j| {
            words
                .get(j)
                .is_some_and(|w| w.start as usize >= clause.start)
        })
        .take(LEVEL_WORDS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let folded: Vec<&str> = ids.iter().map(|&j| words.folded(j)).collect();
    let span = |from: usize| {
        let start = words.get(ids[from]).map_or(0, |w| w.start as usize);
        let end = words.get(first).map_or(start, |w| w.start as usize);
        text.get(start..end).unwrap_or("").trim().to_string()
    };
    let mut k = folded.len();
    while k > 0 {
        if let Some((level, n)) = levels::phrase_before(&folded[..k]) {
            return Some(LevelRead {
                level,
                source: LevelSource::Word,
                text: span(k - n),
            });
        }
        if let Some((level, from)) = years_ending(text, words, &ids[..k]) {
            return Some(LevelRead {
                level,
                source: LevelSource::Years,
                text: span(from),
            });
        }
        let w = folded[k - 1];
        if !(FILLERS.contains(&w) || CONNECTORS.contains(&w) || w == "hands") {
            return None;
        }
        k -= 1;
    }
    None
}

/// How many words a level that opens a clause, or years anywhere in it, may stand before
/// the mention they qualify (`5+ years building data pipelines in Python`).
const CLAUSE_LEVEL_WORDS: usize = 8;

/// A level stated farther away in the mention's clause: years within
/// [`CLAUSE_LEVEL_WORDS`] words before it (`5+ years building data pipelines in Python`),
/// or a level phrase that opens the clause (`Strong programming in Python`, `Solid grasp
/// of CS fundamentals: data structures`).
pub(super) fn level_in_clause(
    text: &str,
    words: &Words,
    first: usize,
    clause: Clause,
) -> Option<LevelRead> {
    let ids: Vec<usize> = (first.saturating_sub(CLAUSE_LEVEL_WORDS)..first)
        .filter(|&j| {
            words
                .get(j)
                .is_some_and(|w| w.start as usize >= clause.start)
        })
        .collect();
    let span = |j: usize| {
        let start = words.get(j).map_or(0, |w| w.start as usize);
        let end = words.get(first).map_or(start, |w| w.start as usize);
        text.get(start..end).unwrap_or("").trim().to_string()
    };
    let last = words.get(*ids.last()?)?;
    for &j in ids.iter().rev() {
        let w = words.get(j)?;
        if !text
            .as_bytes()
            .get(w.start as usize)
            .is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let s = lower(text, w.start as usize, last.end as usize);
        if let Some((years, _)) = levels::years_prefix(&s) {
            return Some(LevelRead {
                level: levels::years_to_level(years),
                source: LevelSource::Years,
                text: span(j),
            });
        }
    }
    let opens = ids.first().is_some_and(|&j| {
        j == 0
            || words
                .get(j - 1)
                .is_none_or(|w| (w.start as usize) < clause.start)
    });
    if !opens {
        return None;
    }
    let folded: Vec<&str> = ids.iter().map(|&j| words.folded(j)).collect();
    let (level, _) = levels::phrase_leading(&folded)?;
    Some(LevelRead {
        level,
        source: LevelSource::Word,
        text: span(ids[0]),
    })
}

/// Years of experience ending at the last of `ids` (`5+ years`, `3-5 yrs`): the level and
/// the position in `ids` where they start.
fn years_ending(text: &str, words: &Words, ids: &[usize]) -> Option<(Level, usize)> {
    let last = words.get(*ids.last()?)?;
    for (from, &id) in ids.iter().enumerate().skip(ids.len().saturating_sub(4)) {
        let w = words.get(id)?;
        if !text
            .as_bytes()
            .get(w.start as usize)
            .is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let s = lower(text, w.start as usize, last.end as usize);
        if let Some((years, used)) = levels::years_prefix(&s) {
            if used >= s.trim_end().len() {
                return Some((levels::years_to_level(years), from));
            }
        }
    }
    None
}

/// What is written right after a mention on its line: `(4 years)`, `: advanced`,
/// `, 4 years`, `- none`, `4/5`, `........ 4/5`. A level of 0 (`none`, `not yet`) is a
/// negation.
pub(super) fn level_after(text: &str, end: usize) -> Option<LevelRead> {
    let end = floor(text, end);
    let rest = text
        .get(end..ceil(text, end.saturating_add(CONTEXT_BYTES)))
        .unwrap_or("");
    let rest = rest.split('\n').next().unwrap_or("");
    // Dot leaders of a skills table: `R ........ 4/5`.
    let trimmed = rest.trim_start_matches([' ', '\t', '.', '…']);
    let (open, body) = match trimmed.chars().next()? {
        '(' | '[' => (true, &trimmed[1..]),
        ':' | ',' | '-' | '–' | '—' | '=' => {
            let c = trimmed.chars().next().map_or(1, char::len_utf8);
            (false, &trimmed[c..])
        }
        c if c.is_ascii_digit() || c == '★' => (false, trimmed),
        _ => return None,
    };
    let piece_end = piece_end(body, open);
    let piece = body.get(..piece_end).unwrap_or("");
    piece.split([',', ';']).find_map(|part| {
        let part = part.trim().to_lowercase();
        let part = ["min ", "min. ", "minimum ", "at least ", "over "]
            .iter()
            .find_map(|p| part.strip_prefix(p))
            .map_or(part.clone(), str::to_string);
        if let Some((years, _)) = levels::years_prefix(&part) {
            return Some(LevelRead {
                level: levels::years_to_level(years),
                source: LevelSource::Years,
                text: part,
            });
        }
        let (level, source) = match levels::read_after(&part)? {
            Reading::Word(l) => (l, LevelSource::Word),
            Reading::Number(l) => (l, LevelSource::Number),
            Reading::Years(l) => (l, LevelSource::Years),
            Reading::LastUsed(_) => return None,
        };
        Some(LevelRead {
            level,
            source,
            text: part,
        })
    })
}

/// Where a piece of text written after a skill ends: at the closing bracket, or at the
/// next separator (`,`, `;`, ` - `, a bracket) when not in brackets.
fn piece_end(body: &str, open: bool) -> usize {
    if open {
        return body.find([')', ']']).unwrap_or(body.len());
    }
    let mut end = body.find([',', ';', '(', ')', '\n']).unwrap_or(body.len());
    for dash in [" - ", " – ", " — "] {
        if let Some(i) = body.find(dash) {
            end = end.min(i);
        }
    }
    end
}

/// Phrases that make a mention optional, and essential.
const OPTIONAL: &[&str] = &[
    "is a plus",
    "a plus",
    "nice to have",
    "nice-to-have",
    "preferred",
    "preferably",
    "ideally",
    "bonus",
    "helpful",
    "desirable",
    "advantage",
    "would be great",
    "would be nice",
    "good to have",
    "great to have",
];
const ESSENTIAL: &[&str] = &[
    "required",
    "must",
    "essential",
    "mandatory",
    "a requirement",
    "non-negotiable",
];

/// Whether `phrase` occurs in `s` at `at` as whole words.
fn word_at(s: &str, at: usize, phrase: &str) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at + phrase.len()..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The nearest of `phrases` to the mention in `clause` (lowercase), preferring one after
/// it: its position and text.
fn nearest<'p>(clause: &str, mention: usize, phrases: &[&'p str]) -> Option<(usize, &'p str)> {
    let mut best: Option<(usize, usize, &str)> = None;
    for p in phrases {
        for (at, _) in clause.match_indices(p) {
            if !word_at(clause, at, p) {
                continue;
            }
            // Distance, with phrases before the mention counted as further away.
            let distance = if at >= mention {
                at - mention
            } else {
                (mention - at) * 2
            };
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, at, p));
            }
        }
    }
    best.map(|(_, at, p)| (at, p))
}

/// The importance phrasing gives a mention at `start..end`: the nearest phrase in its
/// clause, optional (`is a plus`, `preferred`, `ideally`) or essential (`required`,
/// `must`).
pub(super) fn importance_phrase(
    text: &str,
    start: usize,
    clause: Clause,
) -> Option<(Importance, String)> {
    let s = lower(text, clause.start, clause.end);
    let mention = start.saturating_sub(clause.start).min(s.len());
    let mention = floor(&s, mention);
    let optional = nearest(&s, mention, OPTIONAL);
    let essential = nearest(&s, mention, ESSENTIAL);
    let distance = |at: usize| at.abs_diff(mention);
    match (optional, essential) {
        (Some((o, p)), Some((e, _))) if distance(o) <= distance(e) => {
            Some((Importance::Optional, p.to_string()))
        }
        (_, Some((_, p))) => Some((Importance::Essential, p.to_string())),
        (Some((_, p)), None) => Some((Importance::Optional, p.to_string())),
        (None, None) => None,
    }
}

/// Words that negate what follows them in a clause.
const NEGATORS: &[&str] = &[
    "no", "not", "dont", "doesnt", "didnt", "never", "without", "nor", "neither", "isnt", "arent",
    "wont", "cannot", "cant", "havent", "hasnt", "lack", "lacking",
];

/// Words after a negator that undo it: `not only`, `no matter`, `not limited to`.
const NOT_NEGATING: &[&str] = &[
    "only",
    "just",
    "limited",
    "matter",
    "doubt",
    "later",
    "less",
    "exception",
    "problem",
    "shortage",
];

/// Words that end a negation's reach: `no degree required, but Python`.
const NEGATION_ENDS: &[&str] = &[
    "but",
    "however",
    "although",
    "though",
    "while",
    "whereas",
    "required",
    "needed",
    "necessary",
    "instead",
    "rather",
    "yet",
];

/// Phrases after a mention that negate it: `Java is not required`, `- not yet`.
const NEGATED_AFTER: &[&str] = &[
    "not required",
    "not needed",
    "not necessary",
    "not essential",
    "not expected",
    "not a requirement",
    "not yet",
    "not mandatory",
];

/// Whether the mention whose first word is `first` is negated in its clause: a negator
/// before it with nothing ending its reach between, or a negating phrase right after it.
/// Returns the negating words.
pub(super) fn negation(
    text: &str,
    words: &Words,
    first: usize,
    end: usize,
    clause: Clause,
) -> Option<String> {
    let mut cue: Option<usize> = None;
    let mut j = first;
    while j > 0 {
        j -= 1;
        let Some(w) = words.get(j) else { break };
        if (w.start as usize) < clause.start {
            break;
        }
        let f = words.folded(j);
        if NEGATION_ENDS.contains(&f) {
            break;
        }
        if NEGATORS.contains(&f) && !NOT_NEGATING.contains(&words.folded(j + 1)) {
            cue = Some(j);
            break;
        }
    }
    if let Some(j) = cue {
        let start = words.get(j).map_or(0, |w| w.start as usize);
        let stop = words.get(first).map_or(start, |w| w.start as usize);
        return Some(text.get(start..stop).unwrap_or("").trim().to_string());
    }
    let after = lower(text, end, clause.end.max(end));
    let near = floor(&after, after.len().min(48));
    NEGATED_AFTER
        .iter()
        .find(|p| after[..near].contains(*p))
        .map(|p| p.to_string())
}

/// Phrases before a mention in a posting that offer to teach it.
const TO_LEARN: &[&str] = &[
    "learn",
    "teach you",
    "we'll teach",
    "we will teach",
    "train you",
    "training in",
    "training on",
    "pick up",
    "mentor you",
];

/// Whether a posting offers to teach the skill mentioned at `start` (a phrase before it
/// in its clause).
pub(super) fn to_learn(text: &str, start: usize, end: usize, clause: Clause) -> bool {
    let before = lower(text, clause.start, start.max(clause.start));
    let after = lower(text, end, clause.end.max(end));
    TO_LEARN.iter().any(|p| before.contains(p))
        || after.contains("we'll teach")
        || after.contains("we will teach")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::PhraseIndex;

    fn words(text: &str) -> Words {
        PhraseIndex::build(&[]).read(text)
    }

    /// The level before the last word of `text`.
    fn before(text: &str) -> Option<(u8, String)> {
        let w = words(text);
        let last = w.len() - 1;
        let at = w.get(last).unwrap().start as usize;
        let c = clause(text, at, text.len());
        level_before(text, &w, last, c).map(|l| (l.level.get(), l.text))
    }

    #[test]
    fn levels_before_a_skill() {
        assert_eq!(
            before("4+ years of Python"),
            Some((4, "4+ years of".into()))
        );
        assert_eq!(before("5+ yrs Python").map(|l| l.0), Some(5));
        assert_eq!(before("- 3-5 yrs SQL"), Some((4, "3-5 yrs".into())));
        assert_eq!(
            before("5 years' professional experience with Java"),
            Some((5, "5 years' professional experience with".into()))
        );
        assert_eq!(
            before("Hands-on experience with Docker").map(|l| l.0),
            Some(3)
        );
        assert_eq!(before("Strong SQL").map(|l| l.0), Some(4));
        assert_eq!(before("working knowledge of Git").map(|l| l.0), Some(3));
        assert_eq!(before("We use Git"), None);
        assert_eq!(before("Strong. We use Git"), None);
    }

    fn after(text: &str, skill: &str) -> Option<u8> {
        let end = text.find(skill).unwrap() + skill.len();
        level_after(text, end).map(|l| l.level.get())
    }

    #[test]
    fn levels_after_a_skill() {
        assert_eq!(after("Python, 4 years - pandas", "Python"), Some(4));
        assert_eq!(after("SQL (4/5)", "SQL"), Some(4));
        assert_eq!(after("R: just started", "R"), Some(2));
        assert_eq!(after("Spark - none", "Spark"), Some(0));
        assert_eq!(after("Python (primary)", "Python"), None);
        assert_eq!(after("Python, SQL", "Python"), None);
        assert_eq!(after("Java (2019)", "Java"), None);
        assert_eq!(after("R ........ 4/5", "R"), Some(4));
    }

    fn negated(text: &str, skill: &str) -> Option<String> {
        let w = words(text);
        let start = text.find(skill).unwrap();
        let first = (0..w.len())
            .find(|&i| w.get(i).unwrap().start as usize == start)
            .unwrap();
        let end = start + skill.len();
        negation(text, &w, first, end, clause(text, start, end))
    }

    #[test]
    fn negations() {
        assert_eq!(
            negated("No prior experience with Java required", "Java").as_deref(),
            Some("No prior experience with")
        );
        assert!(negated("We do not use Hadoop.", "Hadoop").is_some());
        assert!(negated("we don't expect: Spark, Kubernetes, or any ML", "ML").is_some());
        assert!(negated("no hands-on cloud experience yet", "cloud").is_some());
        assert!(negated("Python – not yet", "Python").is_some());
        assert!(negated("No degree required, but SQL is a must", "SQL").is_none());
        assert!(negated("including but not limited to Python", "Python").is_none());
        assert!(negated("Not a remote role. Python daily", "Python").is_none());
    }

    #[test]
    fn importance_from_phrasing() {
        let imp = |text: &str, skill: &str| {
            let start = text.find(skill).unwrap();
            importance_phrase(text, start, clause(text, start, start + skill.len())).map(|i| i.0)
        };
        assert_eq!(
            imp("Strong Python required, Scala is a plus", "Python"),
            Some(Importance::Essential)
        );
        assert_eq!(
            imp("Strong Python required, Scala is a plus", "Scala"),
            Some(Importance::Optional)
        );
        assert_eq!(imp("AWS preferred", "AWS"), Some(Importance::Optional));
        assert_eq!(
            imp("Python, SQL and Spark required", "Python"),
            Some(Importance::Essential)
        );
        assert_eq!(imp("We use Python", "Python"), None);
    }

    #[test]
    fn clauses_are_bounded() {
        let text = "x".repeat(10_000) + " Python " + &"y".repeat(10_000);
        let c = clause(&text, 10_001, 10_007);
        assert!(c.end - c.start <= 2 * CONTEXT_BYTES + 6);
        let text = "é".repeat(500) + "Python" + &"é".repeat(500);
        let c = clause(&text, 1000, 1006);
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
    }
}
