//! Whether a label found in running text is meant as a skill.
//!
//! Most labels are: `PyTorch`, `data pipelines`. A **weak** label is one that everyday
//! text uses for something else: a label of one or two characters (`R`, `C`, `Go`, `AI`,
//! `DL`) or one word of [`COMMON_WORDS`] (`Spark`, `Excel`, `Python`, `testing`). A weak
//! mention counts only with evidence that a skill is meant:
//!
//! - a **cue** beside it: `in R`, `R programming`, `using Go`, `Spark jobs`, `Python 3`;
//! - a **list**: another skill on the same line, not weak (or written with capitals, in
//!   a document about skills);
//! - a **level** written before or after it (`5 years of Python`, `R: 4/5`, `Spark -
//!   none`), or nothing else on
//!   its line or list item (`* R`);
//! - its **capitals** (`AI`, `Spark`; where the catalog writes the label in lowercase,
//!   not a capital that only starts a sentence: `Reporting to`), in a document that names at least [`DOMAIN_SKILLS`] confident skills that are not
//!   weak.
//!
//! Whatever the evidence, a weak mention glued to a word by a hyphen or `&` (`C-suite`,
//! `AI-powered`, `Go-to-market`) is a [`Doubt::Compound`], one beside a capitalised word
//! that is no skill (`Spark Tower`, `Trattoria Scala`, `Vertex AI`) a
//! [`Doubt::ProperName`], one in quotation marks (`"AI transformation"`) a
//! [`Doubt::CommonWord`]. Any mention followed by a job word (`ML Engineer`, `the data
//! science team`) is a [`Doubt::JobTitle`], and the subject of a degree (`PhD in
//! Computer Science, Machine Learning or Statistics`) a [`Doubt::Degree`].

use super::result::Doubt;

/// Everyday words that are also names of skills or tools.
pub(crate) const COMMON_WORDS: &[&str] = &[
    "access",
    "agile",
    "caffe",
    "calculus",
    "chef",
    "cloud",
    "coding",
    "crystal",
    "dart",
    "dash",
    "database",
    "delphi",
    "elixir",
    "ember",
    "excel",
    "express",
    "flask",
    "flume",
    "go",
    "hive",
    "java",
    "julia",
    "mercury",
    "outlook",
    "pandas",
    "pascal",
    "pig",
    "puppet",
    "python",
    "rails",
    "react",
    "reporting",
    "ruby",
    "rust",
    "salt",
    "scala",
    "scale",
    "scrum",
    "shell",
    "slack",
    "snowflake",
    "spark",
    "spring",
    "swift",
    "teams",
    "testing",
    "torch",
    "word",
];

/// How many confident, non-weak skills a document names before the case of a weak label
/// counts as evidence.
pub(crate) const DOMAIN_SKILLS: usize = 3;

/// Words after a skill that make it a job title or a team's name.
const JOB_WORDS: &[&str] = &[
    "engineer",
    "engineers",
    "scientist",
    "scientists",
    "analyst",
    "analysts",
    "developer",
    "developers",
    "architect",
    "architects",
    "manager",
    "specialist",
    "researcher",
    "consultant",
    "intern",
    "team",
    "teams",
    "department",
    "lead",
    "director",
    "officer",
];

/// Words beside a weak label that show a skill is meant.
const CUES_BEFORE: &[&str] = &[
    "in",
    "using",
    "with",
    "use",
    "uses",
    "used",
    "know",
    "write",
    "writing",
    "wrote",
    "learn",
    "learning",
    "code",
    "coding",
    "programming",
    "languages",
    "language",
    "like",
    "including",
    "incl",
    "eg",
    "e.g",
    "via",
];
const CUES_AFTER: &[&str] = &[
    "programming",
    "language",
    "code",
    "coding",
    "scripts",
    "scripting",
    "script",
    "jobs",
    "job",
    "cluster",
    "clusters",
    "pipelines",
    "pipeline",
    "notebooks",
    "packages",
    "package",
    "library",
    "libraries",
    "framework",
    "developer",
    "development",
    "queries",
    "query",
    "streaming",
    "sql",
    "api",
    "apis",
    "models",
    "3",
    "2",
    "skills",
    "experience",
];

/// What the extractor knows about a mention when it weighs the evidence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seen<'a> {
    /// The text matched, as written.
    pub written: &'a str,
    /// The word before the mention (folded), and whether only spaces separate them.
    pub before: Option<(&'a str, bool)>,
    /// The word after the mention (folded), and whether only spaces separate them.
    pub after: Option<(&'a str, bool)>,
    /// The word before and after as written, for capitals.
    pub before_written: Option<&'a str>,
    pub after_written: Option<&'a str>,
    /// The character right before and right after the mention.
    pub char_before: Option<char>,
    pub char_after: Option<char>,
    /// The character after `char_after`.
    pub char_after2: Option<char>,
    /// Another confident skill on the same line.
    pub listed: bool,
    /// The document names at least [`DOMAIN_SKILLS`] confident skills.
    pub domain: bool,
    /// The mention is at the start of a sentence or line.
    pub sentence_start: bool,
    /// The word before it starts a sentence or line (`Strong Python`).
    pub before_sentence_start: bool,
    /// It is a whole list item or line (`* R`).
    pub item: bool,
    /// The catalog writes a label of the skill equal to it (up to case) with capitals.
    pub label_capitalised: bool,
    /// The words right before and after it are part of other mentions.
    pub before_mention: bool,
    pub after_mention: bool,
    /// It sits inside quotation marks.
    pub quoted: bool,
    /// A level is written before or after it (`5 years of Python`, `R: 4/5`).
    pub rated: bool,
    /// It names a degree's subject (`MSc in Statistics`).
    pub degree: bool,
}

/// Whether a label is weak: short or an everyday word.
pub(crate) fn is_weak(written: &str) -> bool {
    let folded = written.to_lowercase();
    folded.chars().filter(|c| c.is_alphanumeric()).count() <= 2
        || COMMON_WORDS.contains(&folded.as_str())
}

/// Whether a mention is written with a capital letter (`R`, `Spark`, `AI`).
pub(super) fn has_capitals(written: &str) -> bool {
    written.chars().any(char::is_uppercase)
}

/// Whether `word` starts with a capital letter.
fn capitalised(word: Option<&str>) -> bool {
    word.and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The doubt a mention raises, if any (see the module docs).
pub(super) fn doubt(seen: &Seen<'_>) -> Option<Doubt> {
    if seen
        .after
        .is_some_and(|(w, spaced)| spaced && JOB_WORDS.contains(&w))
    {
        return Some(Doubt::JobTitle);
    }
    if seen.degree {
        return Some(Doubt::Degree);
    }
    if !is_weak(seen.written) {
        return None;
    }
    let glued = |c: Option<char>| matches!(c, Some('-' | '&' | '\''));
    let glued_after = glued(seen.char_after) && seen.char_after2.is_some_and(char::is_alphanumeric);
    if glued_after || (glued(seen.char_before) && seen.before.is_some_and(|(_, spaced)| !spaced)) {
        return Some(Doubt::Compound);
    }
    // A capitalised word beside it that is no skill: `Spark Tower`, `Vertex AI`.
    let proper = (seen.after.is_some_and(|(_, spaced)| spaced)
        && !seen.after_mention
        && capitalised(seen.after_written))
        || (!seen.before_sentence_start
            && !seen.before_mention
            && seen.before.is_some_and(|(_, spaced)| spaced)
            && capitalised(seen.before_written));
    if proper {
        return Some(Doubt::ProperName);
    }
    if seen.quoted {
        return Some(Doubt::CommonWord);
    }
    let cue = seen.rated
        || seen.item
        || seen
            .before
            .is_some_and(|(w, spaced)| spaced && CUES_BEFORE.contains(&w))
        || seen
            .after
            .is_some_and(|(w, spaced)| spaced && CUES_AFTER.contains(&w));
    if cue || seen.listed {
        return None;
    }
    // Capitals count where the catalog writes the label with them (`Python`, `R`), or
    // inside a sentence; a capital that starts a sentence does not (`Reporting to`).
    let capitals = has_capitals(seen.written)
        && seen.written.chars().count() > 1
        && (seen.label_capitalised || !seen.sentence_start);
    if capitals && seen.domain {
        return None;
    }
    Some(Doubt::CommonWord)
}

/// How much a doubt leaves of a mention's confidence.
pub(super) fn factor(doubt: Option<Doubt>) -> f64 {
    match doubt {
        None => 1.0,
        Some(Doubt::JobTitle | Doubt::Degree) => 0.45,
        Some(Doubt::CommonWord) => 0.4,
        Some(Doubt::ProperName) => 0.3,
        Some(Doubt::Compound) => 0.2,
        Some(_) => 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen<'a>(written: &'a str, _label: &'a str) -> Seen<'a> {
        Seen {
            written,
            before: None,
            after: None,
            before_written: None,
            after_written: None,
            char_before: Some(' '),
            char_after: Some(' '),
            char_after2: None,
            listed: false,
            domain: false,
            sentence_start: false,
            before_sentence_start: false,
            item: false,
            label_capitalised: true,
            before_mention: false,
            after_mention: false,
            quoted: false,
            rated: false,
            degree: false,
        }
    }

    #[test]
    fn weak_labels_need_evidence() {
        assert!(is_weak("R") && is_weak("Go") && is_weak("spark") && !is_weak("PyTorch"));
        assert_eq!(doubt(&seen("R", "R")), Some(Doubt::CommonWord));
        let in_r = Seen {
            before: Some(("in", true)),
            ..seen("R", "R")
        };
        assert_eq!(doubt(&in_r), None);
        let listed = Seen {
            listed: true,
            ..seen("spark", "Apache Spark")
        };
        assert_eq!(doubt(&listed), None);
        let domain = Seen {
            domain: true,
            ..seen("Spark", "Spark")
        };
        assert_eq!(doubt(&domain), None);
        assert_eq!(doubt(&seen("PyTorch", "PyTorch")), None);
    }

    #[test]
    fn compounds_names_and_titles() {
        let c_suite = Seen {
            char_after: Some('-'),
            char_after2: Some('s'),
            listed: true,
            ..seen("C", "C")
        };
        assert_eq!(doubt(&c_suite), Some(Doubt::Compound));
        let tower = Seen {
            after: Some(("tower", true)),
            after_written: Some("Tower"),
            ..seen("Spark", "Spark")
        };
        assert_eq!(doubt(&tower), Some(Doubt::ProperName));
        let title = Seen {
            after: Some(("engineer", true)),
            ..seen("Machine Learning", "Machine Learning")
        };
        assert_eq!(doubt(&title), Some(Doubt::JobTitle));
    }
}
