//! Levels from what people write: one mapping, shared by free-text profiles
//! ([`ProfileParser`](super::ProfileParser)) and extraction from prose
//! ([`Extractor`](super::Extractor)).
//!
//! | written | level |
//! |---|---|
//! | years of experience `y` (`2 years`, `5+ yrs`, `3-5 years`, `1.5 y`, `18 months`; a range counts from its lower bound) | `y < 1`: 2; `1 ≤ y < 3`: 3; `3 ≤ y < 5`: 4; `y ≥ 5`: 5 |
//! | `0`..`5`, `level 3`, `3/5`, `4 out of 5` (after a skill, with a separator) | the number |
//! | `n/d` (`7/10`) | `round(5 × n / d)`, halves up |
//! | `★★★☆☆` (or `***`) | the filled stars |
//! | a phrase of the table below, where it may stand | its level |
//! | after a skill only: any word [`Level`] reads (`intermediate`, `proficient`, `guru`...) | that level |
//! | a year 1950..=2100 (`Java (2019)`) | not a level: the year last used |
//!
//! Phrases, by where they are read: *before* a skill (`strong SQL`, `expert in R`,
//! `working knowledge of Docker`; a filler such as `knowledge`, `understanding`,
//! `experience`, `grasp` and a connector such as `of`, `in`, `with` may follow) or *after*
//! it (`SQL (advanced)`, `R: just started`, `Spark - none`):
//!
//! | level | before a skill | after a skill only |
//! |---|---|---|
//! | 5 | expert, expertise, mastery, deep expertise, expert-level | excellent, native, native speaker, bilingual |
//! | 4 | advanced, strong, proficient, proficiency, extensive, highly proficient, very strong, in-depth, senior-level | fluent, very good |
//! | 3 | intermediate, working knowledge, solid, good, good knowledge, hands-on, competent, practical | working |
//! | 2 | basic, beginner, some, some experience, junior, entry-level, novice, elementary, currently learning, just started | learning, beginner level |
//! | 1 | familiarity, familiar, exposure, awareness, aware | limited |
//! | 0 | | none, no, not yet (read as "does not have it") |
//!
//! Praise that states no level in running text (`excellent communication`, `deep
//! understanding`, `fluent English`, `comfortable with`, `a bit of`) is not read before a
//! skill: after a skill, in a list (`SQL (excellent)`), it is.

use crate::model::Level;

/// Where a phrase reads as a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Before a skill, and after it.
    Both,
    /// After a skill only.
    After,
}

/// The level phrases: words (folded tokens, separated by single spaces), level, place.
const PHRASES: &[(&str, u8, Place)] = &[
    ("expert", 5, Place::Both),
    ("expertise", 5, Place::Both),
    ("deep expertise", 5, Place::Both),
    ("mastery", 5, Place::Both),
    ("expert level", 5, Place::Both),
    ("excellent", 5, Place::After),
    ("native", 5, Place::After),
    ("native speaker", 5, Place::After),
    ("bilingual", 5, Place::After),
    ("advanced", 4, Place::Both),
    ("strong", 4, Place::Both),
    ("very strong", 4, Place::Both),
    ("proficient", 4, Place::Both),
    ("highly proficient", 4, Place::Both),
    ("proficiency", 4, Place::Both),
    ("extensive", 4, Place::Both),
    ("in depth", 4, Place::Both),
    ("senior level", 4, Place::Both),
    ("fluent", 4, Place::After),
    ("very good", 4, Place::After),
    ("intermediate", 3, Place::Both),
    ("working knowledge", 3, Place::Both),
    ("solid", 3, Place::Both),
    ("good", 3, Place::Both),
    ("good knowledge", 3, Place::Both),
    ("hands on", 3, Place::Both),
    ("competent", 3, Place::Both),
    ("practical", 3, Place::Both),
    ("working", 3, Place::After),
    ("beginner", 2, Place::Both),
    ("beginner level", 2, Place::After),
    ("basic", 2, Place::Both),
    ("some", 2, Place::Both),
    ("some experience", 2, Place::Both),
    ("junior", 2, Place::Both),
    ("entry level", 2, Place::Both),
    ("novice", 2, Place::Both),
    ("elementary", 2, Place::Both),
    ("currently learning", 2, Place::Both),
    ("just started", 2, Place::Both),
    ("learning", 2, Place::After),
    ("familiarity", 1, Place::Both),
    ("familiar", 1, Place::Both),
    ("exposure", 1, Place::Both),
    ("awareness", 1, Place::Both),
    ("aware", 1, Place::Both),
    ("limited", 1, Place::After),
    ("none", 0, Place::After),
    ("no", 0, Place::After),
    ("not yet", 0, Place::After),
];

/// The longest phrase (of at most this many words) is looked for.
const LONGEST_PHRASE: usize = 3;

/// Words between a level phrase and the skill it qualifies: `knowledge`, `experience`...
pub(crate) const FILLERS: &[&str] = &[
    "knowledge",
    "understanding",
    "experience",
    "exp",
    "skill",
    "skills",
    "grasp",
    "background",
    "command",
    "exposure",
    "expertise",
    "proficiency",
    "familiarity",
    "level",
    "professional",
    "commercial",
    "practical",
    "industry",
];

/// Words that link a level phrase to the skill: `of`, `in`, `with`...
pub(crate) const CONNECTORS: &[&str] = &[
    "of", "in", "with", "on", "at", "to", "using", "around", "across", "for", "the", "a", "an",
];

/// The level of a phrase of folded words, read where `after` says.
fn phrase_level(words: &[&str], after: bool) -> Option<Level> {
    let n = words.len();
    PHRASES
        .iter()
        .find(|(p, _, place)| {
            (after || *place == Place::Both)
                && p.split(' ').count() == n
                && p.split(' ').zip(words).all(|(a, b)| a == *b)
        })
        .and_then(|(_, l, _)| Level::new(*l).ok())
}

/// A level phrase ending `words` (folded words written before a skill, connectors and
/// fillers already taken off): the level and the number of words it takes, the longest
/// phrase first.
pub(crate) fn phrase_before(words: &[&str]) -> Option<(Level, usize)> {
    (1..=LONGEST_PHRASE.min(words.len()))
        .rev()
        .find_map(|k| phrase_level(&words[words.len() - k..], false).map(|l| (l, k)))
}

/// A level phrase starting `words` (folded words of a list item: `advanced Python`,
/// `expert in SQL`): the level and the words it takes, fillers and a connector included.
pub(crate) fn phrase_leading(words: &[&str]) -> Option<(Level, usize)> {
    let (level, mut used) = (1..=LONGEST_PHRASE.min(words.len()))
        .rev()
        .find_map(|k| phrase_level(&words[..k], false).map(|l| (l, k)))?;
    while words.get(used).is_some_and(|w| FILLERS.contains(w)) {
        used += 1;
    }
    if words.get(used).is_some_and(|w| CONNECTORS.contains(w)) {
        used += 1;
    }
    Some((level, used))
}

/// What one piece of text written after a skill says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A level phrase or a word [`Level`] reads.
    Word(Level),
    /// A number, a fraction or stars.
    Number(Level),
    /// Years or months of experience.
    Years(Level),
    /// The year the skill was last used.
    LastUsed(i32),
}

/// Reads one piece of text written after a skill (lowercase): a year, years, a number or
/// a level word, in that order. `None` when it is none of them.
pub(crate) fn read_after(part: &str) -> Option<Reading> {
    let part = part.trim();
    if let Some(year) = last_used(part) {
        return Some(Reading::LastUsed(year));
    }
    if let Some(l) = years(part) {
        return Some(Reading::Years(l));
    }
    if let Some(l) = rating(part) {
        return Some(Reading::Number(l));
    }
    word_after(part).map(Reading::Word)
}

/// A level word or phrase written after a skill.
fn word_after(s: &str) -> Option<Level> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    phrase_level(&words, true).or_else(|| {
        let s = s.strip_suffix(" level").unwrap_or(s).trim();
        s.parse::<Level>().ok()
    })
}

/// A year the skill was last used: `2019`, `used 2019`, `until 2019`.
pub(crate) fn last_used(s: &str) -> Option<i32> {
    let s = s
        .strip_prefix("last used")
        .or_else(|| s.strip_prefix("used"))
        .or_else(|| s.strip_prefix("until"))
        .unwrap_or(s)
        .trim();
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|y| (1950..=2100).contains(y))
}

/// The amount of years (or months) that starts `s`, with the bytes it takes: `2 years`,
/// `5+ yrs`, `3-5 years` (the lower bound), `3 to 5 years`, `1.5 y`, `18 months`,
/// `5 years'`.
pub(crate) fn years_prefix(s: &str) -> Option<(f64, usize)> {
    let number = |s: &str| -> Option<(f64, usize)> {
        let len = s
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.')
            .count();
        let value: f64 = s.get(..len)?.trim_end_matches('.').parse().ok()?;
        Some((value, len))
    };
    let (value, mut at) = number(s)?;
    let rest = &s[at..];
    // An upper bound: `-5`, `–5`, ` to 5`; a `+`.
    let after = rest.trim_start_matches(['-', '–', '—', ' ']);
    let after = after.strip_prefix("to ").unwrap_or(after);
    if after.len() < rest.len() {
        if let Some((_, len)) = number(after) {
            at = s.len() - after.len() + len;
        }
    }
    at += s[at..].len() - s[at..].trim_start_matches('+').len();
    let rest = &s[at..];
    let unit_start = rest.len() - rest.trim_start().len();
    let unit: String = rest[unit_start..]
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect();
    let factor = match unit.trim_end_matches('.') {
        "year" | "years" | "yr" | "yrs" | "y" => 1.0,
        "month" | "months" | "mo" | "mos" => 1.0 / 12.0,
        _ => return None,
    };
    at += unit_start + unit.len();
    // `5 years'` and `5 years's`.
    let rest = &s[at..];
    let tail = rest.len() - rest.trim_start_matches(['\'', '’', 's']).len();
    Some((value * factor, at + tail.min(2)))
}

/// Years of experience: `2 years`, `5+ yrs`, `1.5 y`, `18 months`, `3-5 years
/// experience`: the whole of `s`, optionally followed by `of`, `experience`...
pub(crate) fn years(s: &str) -> Option<Level> {
    let (years, used) = years_prefix(s)?;
    let tail_ok = s[used..].split_whitespace().all(|w| {
        matches!(
            w,
            "of" | "experience" | "exp" | "exp." | "professional" | "commercial" | "hands-on"
        )
    });
    tail_ok.then(|| years_to_level(years))
}

/// The documented mapping from years of experience to a level.
pub(crate) fn years_to_level(years: f64) -> Level {
    if years < 1.0 {
        Level::BEGINNER
    } else if years < 3.0 {
        Level::INTERMEDIATE
    } else if years < 5.0 {
        Level::ADVANCED
    } else {
        Level::EXPERT
    }
}

/// `3`, `level 3`, `lvl 3`, `3/5`, `4 out of 5`, `7/10`, `★★★☆☆`, `***`.
pub(crate) fn rating(s: &str) -> Option<Level> {
    let s = s.trim();
    let stars = s.chars().filter(|&c| c == '★' || c == '*').count();
    if stars > 0 && s.chars().all(|c| matches!(c, '★' | '☆' | '*' | ' ')) {
        return Level::new(u8::try_from(stars.min(5)).ok()?).ok();
    }
    let s = s
        .strip_prefix("level")
        .or_else(|| s.strip_prefix("lvl"))
        .unwrap_or(s)
        .trim();
    let (n, d) = match s.split_once('/').or_else(|| s.split_once("out of")) {
        Some((n, d)) => (n.trim(), Some(d.trim())),
        None => (s, None),
    };
    let n: u32 = n.parse().ok()?;
    match d {
        None => u8::try_from(n).ok().and_then(|n| Level::new(n).ok()),
        Some(d) => {
            let d: u32 = d.parse().ok()?;
            if d == 0 || n > d {
                return None;
            }
            let scaled = (5.0 * f64::from(n) / f64::from(d)).round() as u8;
            Level::new(scaled).ok()
        }
    }
}

/// Whether `s` looks like an attempt at a level (a number, or a number with a unit, or
/// stars), so that a failure to read it deserves a warning.
pub(crate) fn looks_like_level(s: &str) -> bool {
    let s = s.trim();
    let stars = !s.is_empty() && s.chars().all(|c| matches!(c, '★' | '☆' | '*'));
    stars
        || (!s.is_empty()
            && s.len() <= 24
            && s.chars().next().is_some_and(|c| c.is_ascii_digit())
            && s.split_whitespace().count() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lvl(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    #[test]
    fn years_in_every_form() {
        let cases = [
            ("2 years", 3),
            ("5+ yrs", 5),
            ("3-5 years", 4),
            ("3 to 5 years", 4),
            ("1.5 y", 3),
            ("18 months", 3),
            ("6 months", 2),
            ("4 years experience", 4),
            ("10 yrs. of", 5),
        ];
        for (text, want) in cases {
            assert_eq!(years(text), Some(lvl(want)), "{text}");
        }
        assert_eq!(years_prefix("5 years' experience"), Some((5.0, 8)));
        assert_eq!(years("5 apples"), None);
        assert_eq!(years("years"), None);
        assert_eq!(years("2 years at a bank"), None);
    }

    #[test]
    fn ratings_and_words_after_a_skill() {
        assert_eq!(read_after("4/5"), Some(Reading::Number(lvl(4))));
        assert_eq!(read_after("7/10"), Some(Reading::Number(lvl(4))));
        assert_eq!(read_after("★★★☆☆"), Some(Reading::Number(lvl(3))));
        assert_eq!(read_after("advanced"), Some(Reading::Word(lvl(4))));
        assert_eq!(read_after("just started"), Some(Reading::Word(lvl(2))));
        assert_eq!(read_after("none"), Some(Reading::Word(lvl(0))));
        assert_eq!(read_after("guru"), Some(Reading::Word(lvl(5))));
        assert_eq!(read_after("2019"), Some(Reading::LastUsed(2019)));
        assert_eq!(read_after("primary"), None);
    }

    #[test]
    fn phrases_before_and_leading() {
        assert_eq!(phrase_before(&["strong"]), Some((lvl(4), 1)));
        assert_eq!(phrase_before(&["hands", "on"]), Some((lvl(3), 2)));
        assert_eq!(
            phrase_before(&["a", "working", "knowledge"]),
            Some((lvl(3), 2))
        );
        // Praise is not a level before a skill.
        assert_eq!(phrase_before(&["excellent"]), None);
        assert_eq!(phrase_leading(&["expert", "in", "sql"]), Some((lvl(5), 2)));
        assert_eq!(
            phrase_leading(&["basic", "knowledge", "of", "r"]),
            Some((lvl(2), 3))
        );
    }
}
