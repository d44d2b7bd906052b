//! Where the files of an ESCO release are: in a directory, or in its subdirectories (the
//! language zip and the language-independent zip unpacked side by side).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::io::release::{self, folders};

/// The files of one ESCO release, found.
#[derive(Debug)]
pub(crate) struct EscoFiles {
    pub occupations: PathBuf,
    pub skills: PathBuf,
    pub occupation_skills: PathBuf,
    pub skill_skills: Option<PathBuf>,
    pub broader_skills: Option<PathBuf>,
    pub skill_groups: Option<PathBuf>,
    /// `skills_xx.csv` of other languages, by file name.
    pub other_languages: Vec<PathBuf>,
}

impl EscoFiles {
    /// Finds the files of language `lang` in `dir` or its subdirectories (in name order;
    /// the first found wins). The relation files may carry the language suffix or not.
    ///
    /// # Errors
    ///
    /// [`Error::ImportFile`] when `dir` cannot be read or a required file is missing.
    pub fn find(dir: &Path, lang: &str) -> Result<EscoFiles> {
        let folders = folders(dir)?;
        let find = |stem: &str, suffixed_only: bool| {
            let names = [format!("{stem}_{lang}.csv"), format!("{stem}.csv")];
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            release::find(&folders, if suffixed_only { &names[..1] } else { &names })
        };
        let need = |stem: &str, suffixed_only: bool| {
            find(stem, suffixed_only).ok_or_else(|| Error::ImportFile {
                file: dir.display().to_string(),
                reason: format!(
                    "no {stem}_{lang}.csv here or in a folder below; point to the unpacked ESCO \
                     CSV release (the language zip and the language-independent one)"
                ),
            })
        };
        Ok(EscoFiles {
            occupations: need("occupations", true)?,
            skills: need("skills", true)?,
            occupation_skills: need("occupationSkillRelations", false)?,
            skill_skills: find("skillSkillRelations", false),
            broader_skills: find("broaderRelationsSkillPillar", false),
            skill_groups: find("skillGroups", true),
            other_languages: other_languages(&folders, lang),
        })
    }
}

/// The `skills_xx.csv` files of languages other than `lang`, by file name.
fn other_languages(folders: &[PathBuf], lang: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = folders
        .iter()
        .filter_map(|f| std::fs::read_dir(f).ok())
        .flat_map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let code = name
                .strip_prefix("skills_")
                .and_then(|n| n.strip_suffix(".csv"));
            code.is_some_and(|c| {
                c != lang
                    && (2..=5).contains(&c.len())
                    && c.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '-')
            })
        })
        .collect();
    found.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    found.dedup_by(|a, b| a.file_name() == b.file_name());
    found
}
