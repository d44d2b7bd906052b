//! Reading and writing: catalog and profile documents (JSON, and TOML with the `toml`
//! feature), the built-in catalog, profiles from free text, and skills from prose
//! ([`extract`]: job postings and CVs).

mod builtin;
pub(crate) mod document;
pub mod extract;
mod levels;
mod text;

pub use document::{CATALOG_FORMAT, PROFILE_FORMAT};
pub use extract::{
    DocumentKind, Doubt, ExtractedSkill, Extraction, Extractor, ImportanceSource, Mention,
    Uncertain, CONTEXT_BYTES, MAX_EXTRACT_BYTES, MIN_CONFIDENCE,
};
pub use text::{LevelSource, ParsedItem, ParsedProfile, ProfileParser};
