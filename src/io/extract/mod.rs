//! Skills from prose: job postings and CVs as people write them.

// The extractor that reads these arrives in the next change.
#[allow(dead_code)]
mod layout;
mod result;

pub use result::{
    DocumentKind, Doubt, ExtractedSkill, Extraction, ImportanceSource, Mention, Uncertain,
};
