//! What extraction returns: every mention of every skill, grouped by skill, and the
//! mentions that were not sure enough to count.

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::io::LevelSource;
use crate::model::{Importance, Level, SkillId};
use crate::resolve::{Candidate, MatchKind, Status};

/// Why a mention is in doubt: it named a skill's label, but the text around it says it
/// may mean something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Doubt {
    /// A short label (`R`, `Go`) or an everyday word (`Spark`, `Excel`, `testing`)
    /// without evidence that a skill is meant: no skill listed beside it, no telling case,
    /// no cue such as `in R` or `R programming`.
    CommonWord,
    /// Part of a hyphenated word: `AI-powered`, `C-suite`, `Go-to-market`.
    Compound,
    /// Part of a proper name: `Spark Tower`, `Java Hut`, `Vertex AI`.
    ProperName,
    /// A job title or a team's name (`ML Engineer`, `the data science team`), or in the
    /// title line of a posting: it names a job, not a skill asked for.
    JobTitle,
    /// The subject of a degree (`MSc in Statistics`, `PhD in CS, ML or a related
    /// field`): a qualification, not a skill claimed or asked for.
    Degree,
    /// A near match of a label (a typo) below the fuzzy threshold.
    Fuzzy,
    /// The label names several skills and the resolver cannot tell which.
    Ambiguous,
}

impl Doubt {
    /// The lowercase name: `common_word`, `compound`, `proper_name`, `job_title`,
    /// `degree`, `fuzzy` or `ambiguous`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Doubt::CommonWord => "common_word",
            Doubt::Compound => "compound",
            Doubt::ProperName => "proper_name",
            Doubt::JobTitle => "job_title",
            Doubt::Degree => "degree",
            Doubt::Fuzzy => "fuzzy",
            Doubt::Ambiguous => "ambiguous",
        }
    }
}

impl fmt::Display for Doubt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a mention's importance came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", content = "text", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ImportanceSource {
    /// A phrase beside the mention: `required`, `is a plus`, `preferred`.
    Phrase(String),
    /// The section it sits in, by its heading: `What you'll need`, `Nice to have`.
    Section(String),
    /// Nothing said: the default for a posting's role description (important).
    Default,
}

impl fmt::Display for ImportanceSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportanceSource::Phrase(p) => write!(f, "phrase `{p}`"),
            ImportanceSource::Section(s) => write!(f, "section `{s}`"),
            ImportanceSource::Default => f.write_str("default"),
        }
    }
}

/// One place in the text where a skill is named, and what the text around it says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) confidence: f64,
    pub(super) kind: MatchKind,
    pub(super) level: Option<Level>,
    pub(super) level_source: Option<LevelSource>,
    pub(super) level_text: Option<String>,
    pub(super) importance: Option<Importance>,
    pub(super) importance_source: Option<ImportanceSource>,
    pub(super) negated: bool,
    pub(super) negation: Option<String>,
    pub(super) to_learn: bool,
    pub(super) boilerplate: bool,
    pub(super) section: Option<String>,
    pub(super) doubt: Option<Doubt>,
}

impl Mention {
    /// The byte offset of the mention's first character in the text.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte offset after its last character: `&text[m.start()..m.end()]` is
    /// [`Mention::text`].
    pub fn end(&self) -> usize {
        self.end
    }

    /// The text matched, as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How sure the extractor is that this names the skill, in `0..=1`: the resolver's
    /// confidence for the words matched, lowered by a [`Doubt`].
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// How the words matched the skill's label.
    pub fn kind(&self) -> MatchKind {
        self.kind
    }

    /// The level the text states for the skill here, if any.
    pub fn level(&self) -> Option<Level> {
        self.level
    }

    /// Where the level was read from: a word, a number, years.
    pub fn level_source(&self) -> Option<LevelSource> {
        self.level_source
    }

    /// The words the level was read from: `4+ years of`, `advanced`, `4/5`.
    pub fn level_text(&self) -> Option<&str> {
        self.level_text.as_deref()
    }

    /// How much a posting needs the skill here (`None` in a CV, and when negated).
    pub fn importance(&self) -> Option<Importance> {
        self.importance
    }

    /// Where the importance came from.
    pub fn importance_source(&self) -> Option<&ImportanceSource> {
        self.importance_source.as_ref()
    }

    /// Whether the text says the skill is not needed, not used or not held here.
    pub fn negated(&self) -> bool {
        self.negated
    }

    /// The words that negate it: `no prior experience with`, `do not use`, `not yet`.
    pub fn negation(&self) -> Option<&str> {
        self.negation.as_deref()
    }

    /// Whether a posting offers to teach the skill here (`you will learn SQL on the job`):
    /// neither a requirement nor a negation.
    pub fn to_learn(&self) -> bool {
        self.to_learn
    }

    /// Whether the mention sits in boilerplate (company blurb, benefits, equal
    /// opportunity, how to apply). Left out unless the extractor keeps boilerplate.
    pub fn boilerplate(&self) -> bool {
        self.boilerplate
    }

    /// The heading of the section it sits in, if any.
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }

    /// Why the mention is in doubt, if it is.
    pub fn doubt(&self) -> Option<Doubt> {
        self.doubt
    }
}

/// A skill found in a text: every mention of it, and what they say together.
///
/// - **Level**: the highest level any mention states; [`ExtractedSkill::level_from`] is
///   that mention.
/// - **Importance** (postings): the highest any requirement mention states (essential
///   over important over optional); [`ExtractedSkill::importance_from`] is that mention.
/// - **Negated**: when every mention that is not an offer to teach it is negated. One
///   mention that asks for or claims the skill outweighs any negation.
///
/// Serializes as one flat object: `{"skill", "text", "start", "end", "confidence",
/// "level", "importance", "negated", "spans": [{"start", "end", "text"}], "because"}`,
/// where `text`, `start` and `end` are the first mention's and `because` says which
/// mentions decided the level and the importance.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedSkill {
    pub(super) skill: SkillId,
    pub(super) confidence: f64,
    pub(super) level: Option<Level>,
    pub(super) importance: Option<Importance>,
    pub(super) negated: bool,
    pub(super) level_from: Option<usize>,
    pub(super) importance_from: Option<usize>,
    pub(super) mentions: Vec<Mention>,
}

impl ExtractedSkill {
    /// The skill.
    pub fn skill(&self) -> &SkillId {
        &self.skill
    }

    /// The best mention's confidence.
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The highest level stated, if any.
    pub fn level(&self) -> Option<Level> {
        self.level
    }

    /// The highest importance stated (postings; `None` in a CV or when negated).
    pub fn importance(&self) -> Option<Importance> {
        self.importance
    }

    /// Whether the text says the skill is not needed, not used or not held.
    pub fn negated(&self) -> bool {
        self.negated
    }

    /// Every mention, in text order (at least one).
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mention whose level won.
    pub fn level_from(&self) -> Option<&Mention> {
        self.level_from.and_then(|i| self.mentions.get(i))
    }

    /// The mention whose importance won.
    pub fn importance_from(&self) -> Option<&Mention> {
        self.importance_from.and_then(|i| self.mentions.get(i))
    }

    /// One line on why the level and the importance are what they are: `level 4 from
    /// "4+ years of" (byte 812); essential from section `What you'll need` (byte 812)`.
    pub fn because(&self) -> String {
        let mut parts = Vec::new();
        if self.negated {
            let cue = self.mentions.iter().find_map(|m| m.negation.as_deref());
            parts.push(format!("negated by \"{}\"", cue.unwrap_or("?")));
        }
        if let (Some(level), Some(m)) = (self.level, self.level_from()) {
            let text = m.level_text.as_deref().unwrap_or("?");
            parts.push(format!(
                "level {} from \"{text}\" (byte {})",
                level.get(),
                m.start
            ));
        }
        if let (Some(importance), Some(m)) = (self.importance, self.importance_from()) {
            let source = m
                .importance_source
                .as_ref()
                .map_or_else(|| "default".to_string(), ToString::to_string);
            parts.push(format!("{importance} from {source} (byte {})", m.start));
        }
        parts.join("; ")
    }
}

/// A span of text, for [`ExtractedSkill`]'s serialized `spans`.
#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Serialize for ExtractedSkill {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let first = self.mentions.first();
        let mut s = serializer.serialize_struct("ExtractedSkill", 10)?;
        s.serialize_field("skill", &self.skill)?;
        s.serialize_field("text", first.map_or("", |m| m.text.as_str()))?;
        s.serialize_field("start", &first.map_or(0, |m| m.start))?;
        s.serialize_field("end", &first.map_or(0, |m| m.end))?;
        s.serialize_field("confidence", &self.confidence)?;
        s.serialize_field("level", &self.level.map(Level::get))?;
        s.serialize_field("importance", &self.importance)?;
        s.serialize_field("negated", &self.negated)?;
        let spans: Vec<Span> = self
            .mentions
            .iter()
            .map(|m| Span {
                start: m.start,
                end: m.end,
                text: &m.text,
            })
            .collect();
        s.serialize_field("spans", &spans)?;
        s.serialize_field("because", &self.because())?;
        s.end()
    }
}

/// A mention that was not taken as a skill: its label names several skills
/// ([`Status::Ambiguous`]), or the text around it casts a [`Doubt`] that leaves its
/// confidence below the extractor's threshold. Returned, never dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncertain {
    pub(super) mention: Mention,
    pub(super) status: Status,
    pub(super) candidates: Vec<Candidate>,
}

impl Uncertain {
    /// The mention (its doubt says why it is uncertain).
    pub fn mention(&self) -> &Mention {
        &self.mention
    }

    /// The resolver's status for the words matched: resolved (then a doubt lowered the
    /// confidence) or ambiguous.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The skills it may name, best first.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }
}

/// What a kind of document is, for reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// A job posting: importance from sections and phrasing; offers to teach a skill are
    /// not requirements.
    #[default]
    Posting,
    /// A CV or a part of one: no importance; `learning` is a level.
    Cv,
}

/// The skills found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub(super) kind: DocumentKind,
    pub(super) skills: Vec<ExtractedSkill>,
    pub(super) uncertain: Vec<Uncertain>,
    pub(super) boilerplate: usize,
}

impl Extraction {
    /// The kind of document it was read as.
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// The skills found, in the order of their first mention.
    pub fn skills(&self) -> &[ExtractedSkill] {
        &self.skills
    }

    /// The skill with this id, if found.
    pub fn skill(&self, id: &str) -> Option<&ExtractedSkill> {
        self.skills.iter().find(|s| s.skill == id)
    }

    /// Mentions not taken as skills: ambiguous, or in doubt below the threshold; in text
    /// order.
    pub fn uncertain(&self) -> &[Uncertain] {
        &self.uncertain
    }

    /// How many mentions sat in boilerplate and were left out (0 when boilerplate is
    /// kept: its mentions are then in [`Extraction::skills`], marked).
    pub fn boilerplate_left_out(&self) -> usize {
        self.boilerplate
    }
}
