//! What resolving a name returns: a status and ranked candidates with confidences.

use std::fmt;

use serde::Serialize;

use crate::model::SkillId;

/// How sure the resolver is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// One clear winner at or above the policy's `accept` threshold.
    Resolved,
    /// Two or more skills too close to call: the candidates are listed, let the person
    /// choose.
    Ambiguous,
    /// Nothing reaches the threshold; the candidates, if any, are suggestions.
    Unknown,
}

impl Status {
    /// `resolved`, `ambiguous` or `unknown`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Resolved => "resolved",
            Status::Ambiguous => "ambiguous",
            Status::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which rule matched a candidate, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchKind {
    /// An id, name or alias, ignoring case and spaces (confidence 1).
    Exact,
    /// Equal after normalisation: accents, compatibility forms, punctuation and
    /// separators, plurals (confidence 1).
    Normalized,
    /// Equal with or without separators between words: `ML Ops` = `MLOps` (0.98).
    Compact,
    /// The same words in another order: `learning machine` (0.97).
    TokenOrder,
    /// Equal once a bracketed qualifier is set aside, on either side:
    /// `Python (computer programming)` for `python` (0.95 times the match).
    Qualifier,
    /// An acronym generated from a multi-word label: `NLP` (0.90 when typed in
    /// capitals, 0.78 otherwise).
    Acronym,
    /// Similar words (typos, missing or extra words): scored, see
    /// [`Resolver`](crate::resolve::Resolver).
    Fuzzy,
}

impl MatchKind {
    /// The lowercase name: `exact`, `normalized`, `compact`, `token_order`, `qualifier`,
    /// `acronym` or `fuzzy`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Normalized => "normalized",
            MatchKind::Compact => "compact",
            MatchKind::TokenOrder => "token_order",
            MatchKind::Qualifier => "qualifier",
            MatchKind::Acronym => "acronym",
            MatchKind::Fuzzy => "fuzzy",
        }
    }
}

impl fmt::Display for MatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a query was not looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rejection {
    /// Nothing but spaces, punctuation or control characters.
    Empty,
    /// Longer than the policy's `max_query_bytes`.
    TooLong {
        /// The query's length in bytes (after trimming).
        bytes: usize,
        /// The limit.
        limit: usize,
    },
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Empty => f.write_str("empty query"),
            Rejection::TooLong { bytes, limit } => {
                write!(f, "query of {bytes} bytes is longer than {limit}")
            }
        }
    }
}

/// A skill that may be the one meant, with how sure the resolver is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    skill: SkillId,
    confidence: f64,
    label: String,
    kind: MatchKind,
}

impl Candidate {
    pub(crate) fn new(skill: SkillId, confidence: f64, label: String, kind: MatchKind) -> Self {
        Candidate {
            skill,
            confidence,
            label,
            kind,
        }
    }

    /// The skill's id.
    pub fn skill(&self) -> &SkillId {
        &self.skill
    }

    /// Confidence in `0..=1`.
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The skill's label (id, name or alias, as written in the catalog) that matched.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The rule that matched.
    pub fn kind(&self) -> MatchKind {
        self.kind
    }
}

/// The answer to "which skill is this?": a [`Status`] and the candidates, best first
/// (ties by skill order in the catalog).
///
/// - [`Status::Resolved`]: the first candidate is the skill; others, if listed, are
///   runners-up.
/// - [`Status::Ambiguous`]: the listed candidates are too close to call.
/// - [`Status::Unknown`]: nothing reached the threshold; the candidates are suggestions
///   (possibly none). [`Resolution::rejection`] says when the query was not looked up
///   at all (empty, too long).
///
/// Serializes as `{"query", "status", "skill", "confidence", "candidates": [{"skill",
/// "confidence", "label", "kind"}], "rejection"?}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    query: String,
    status: Status,
    skill: Option<SkillId>,
    confidence: f64,
    candidates: Vec<Candidate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rejection: Option<Rejection>,
}

impl Resolution {
    pub(crate) fn new(
        query: String,
        status: Status,
        candidates: Vec<Candidate>,
        rejection: Option<Rejection>,
    ) -> Self {
        let skill = match status {
            Status::Resolved => candidates.first().map(|c| c.skill.clone()),
            _ => None,
        };
        let confidence = candidates.first().map_or(0.0, |c| c.confidence);
        Resolution {
            query,
            status,
            skill,
            confidence,
            candidates,
            rejection,
        }
    }

    /// The query as given (clipped to 64 characters for display).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Resolved, ambiguous or unknown.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Whether one skill was resolved.
    pub fn is_resolved(&self) -> bool {
        self.status == Status::Resolved
    }

    /// The resolved skill; `None` unless [`Status::Resolved`].
    pub fn skill(&self) -> Option<&SkillId> {
        self.skill.as_ref()
    }

    /// The best candidate's confidence (0 without candidates).
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The best candidate, whatever the status.
    pub fn best(&self) -> Option<&Candidate> {
        self.candidates.first()
    }

    /// The candidates, best first.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Why the query was not looked up, if it was not.
    pub fn rejection(&self) -> Option<Rejection> {
        self.rejection
    }
}

impl fmt::Display for Resolution {
    /// One line: `` `sklearn` → scikit-learn (resolved, exact, 1.00) ``, or the
    /// candidates for ambiguous and unknown queries.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` ", self.query)?;
        match (self.status, self.candidates.first()) {
            (Status::Resolved, Some(c)) => write!(
                f,
                "→ {} (resolved, {}, {:.2})",
                c.skill, c.kind, c.confidence
            ),
            _ => {
                write!(f, "is {}", self.status)?;
                if let Some(r) = self.rejection {
                    write!(f, " ({r})")?;
                }
                if !self.candidates.is_empty() {
                    let list: Vec<String> = self
                        .candidates
                        .iter()
                        .map(|c| format!("{} {:.2}", c.skill, c.confidence))
                        .collect();
                    let lead = if self.status == Status::Ambiguous {
                        "could be"
                    } else {
                        "did you mean"
                    };
                    write!(f, ": {lead} {}", list.join(", "))?;
                }
                Ok(())
            }
        }
    }
}
