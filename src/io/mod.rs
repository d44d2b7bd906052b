//! Reading and writing: catalog and profile documents (JSON, and TOML with the `toml`
//! feature), the built-in catalog, and profiles from free text.

mod builtin;
pub(crate) mod document;
mod extract;
mod levels;
mod text;

pub use document::{CATALOG_FORMAT, PROFILE_FORMAT};
pub use extract::{
    DocumentKind, Doubt, ExtractedSkill, Extraction, ImportanceSource, Mention, Uncertain,
};
pub use text::{LevelSource, ParsedItem, ParsedProfile, ProfileParser};
