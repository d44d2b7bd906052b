//! Skills from prose: job postings and CVs as people write them.
//!
//! [`Extractor`] (or [`Catalog::extract`](crate::Catalog::extract) for a posting with the
//! defaults) reads a text once and returns an [`Extraction`]: one [`ExtractedSkill`] per
//! skill with every [`Mention`] of it (byte span, text, confidence, level, importance,
//! negation, section), and the [`Uncertain`] mentions it did not take.
//!
//! # Rules
//!
//! - **Longest match** over the catalog's labels (ids, names, aliases; exact and
//!   normalised as the resolver normalises them), leftmost first: `machine learning
//!   engineering` is one label when the catalog has it, not `machine learning` +
//!   `engineering`. Lists (`TensorFlow/PyTorch`, `Big Data (Hadoop, Spark)`) give each
//!   skill. A near word (a typo) is read only after the first word of a long label.
//! - **Weak labels** (one or two characters, or an everyday word: `R`, `C`, `Go`, `Spark`,
//!   `Excel`, `Python`) need evidence: a cue (`in R`, `R programming`), another skill on
//!   the same line, or their capitals in a document about skills; glued to a word
//!   (`R&D`, `C-suite`, `Go-to-market`) or part of a proper name (`Spark Tower`) they are
//!   never taken. A skill followed by a job word (`ML Engineer`) names a job. These are
//!   [`Doubt`]s: they lower the confidence, and a mention below the threshold is
//!   [`Uncertain`], returned, not dropped.
//! - **Layout**: headings open sections (`Requirements`, `Nice to have`, `About us`,
//!   `Benefits`...); boilerplate sections and paragraphs (company blurb, benefits,
//!   equal opportunity, how to apply) are left out unless
//!   [`Extractor::keep_boilerplate`].
//! - **Level**: before the skill (`4+ years of`, `strong`, `working knowledge of`) or
//!   after it (`Python, 4 years`, `SQL (4/5)`, `R: just started`); a list shares the
//!   level written before its first item (`Strong Python, SQL and Spark`). The mapping is
//!   the one [`ProfileParser`](super::ProfileParser) uses (years: `< 1` → 2, `1..3` → 3,
//!   `3..5` → 4, `≥ 5` → 5; words and ratings as documented there).
//! - **Importance** (postings): the phrase nearest the mention in its clause (`required`,
//!   `must` → essential; `is a plus`, `preferred`, `ideally`, `bonus` → optional), else
//!   its section (requirements → essential, nice to have → optional, anything else →
//!   important).
//! - **Negation**: a negating word before the mention in its clause (`no prior experience
//!   with Java required`, `we do not use Hadoop`, `I have no real Kubernetes experience`),
//!   a phrase after it (`is not required`, `- not yet`, `: none`), or a `Not required`
//!   section. `but`, `however` and `required` end a negation's reach.
//! - **One result per skill**: its mentions in text order; the highest level and
//!   importance of the mentions that are not negated win; the skill is negated when all
//!   its mentions are (an offer to teach it aside). [`ExtractedSkill::because`] says
//!   which mention decided.
//!
//! # Limits
//!
//! Texts up to [`MAX_EXTRACT_BYTES`] (configurable); labels of at most
//! [`MAX_PHRASE_WORDS`](crate::resolve::MAX_PHRASE_WORDS) words; at most
//! [`CONTEXT_BYTES`] bytes read on each side of a mention. Time is linear in the text.

mod context;
mod convert;
mod evidence;
mod extractor;
mod group;
mod layout;
mod result;

pub use context::CONTEXT_BYTES;
pub use convert::{DEFAULT_IMPORTANCE, DEFAULT_LEVEL};
pub use extractor::{Extractor, MAX_EXTRACT_BYTES, MIN_CONFIDENCE};
pub use result::{
    DocumentKind, Doubt, ExtractedSkill, Extraction, ImportanceSource, Mention, Uncertain,
};
