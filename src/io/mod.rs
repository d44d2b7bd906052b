//! Reading and writing: catalog and profile documents (JSON, and TOML with the `toml`
//! feature), the built-in catalog, profiles from free text, skills from prose
//! ([`extract`]: job postings and CVs), and the importers of public taxonomies: ESCO
//! (`EscoImporter`, feature `esco`) and O*NET (`OnetImporter`, feature `onet`).

mod builtin;
pub(crate) mod document;
#[cfg(feature = "esco")]
mod esco;
pub mod extract;
#[cfg(any(feature = "esco", feature = "onet"))]
mod label;
mod levels;
#[cfg(feature = "onet")]
mod onet;
#[cfg(any(feature = "esco", feature = "onet"))]
mod release;
#[cfg(any(feature = "esco", feature = "onet"))]
mod report;
#[cfg(any(feature = "esco", feature = "onet"))]
mod table;
mod text;

pub use document::{CATALOG_FORMAT, PROFILE_FORMAT};
#[cfg(feature = "esco")]
pub use esco::{EscoImporter, RelationMapping};
pub use extract::{
    DocumentKind, Doubt, ExtractedSkill, Extraction, Extractor, ImportanceSource, Mention,
    Uncertain, CONTEXT_BYTES, MAX_EXTRACT_BYTES, MIN_CONFIDENCE,
};
#[cfg(feature = "onet")]
pub use onet::OnetImporter;
#[cfg(any(feature = "esco", feature = "onet"))]
pub use release::MAX_RELEASE_FOLDERS;
#[cfg(any(feature = "esco", feature = "onet"))]
pub use report::{Import, ImportReport};
#[cfg(any(feature = "esco", feature = "onet"))]
pub use table::{MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS};
pub use text::{LevelSource, ParsedItem, ParsedProfile, ProfileParser};
