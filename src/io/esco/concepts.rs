//! ESCO concepts (occupations, skills, skill groups) read from their CSV files.

use crate::error::Result;
use crate::io::label::{clean, Aliases};
use crate::io::report::ImportReport;
use crate::io::table::{Column, Table};
use crate::util::hash::StrMap;

/// What kind of skill concept a row is, from its `skillType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `skill/competence`, or an occupation.
    Skill,
    /// `knowledge`.
    Knowledge,
}

/// One concept: its URI, preferred label and alternative labels.
#[derive(Debug)]
pub(crate) struct Concept {
    pub uri: String,
    pub name: String,
    pub aliases: Aliases,
    pub description: Option<String>,
    pub kind: Kind,
}

/// The concepts of one file, in file order, with an index by URI.
#[derive(Debug, Default)]
pub(crate) struct Concepts {
    pub list: Vec<Concept>,
    pub at: StrMap<u32>,
}

const URI: usize = 0;
const NAME: usize = 1;
const ALT: usize = 2;
const DESCRIPTION: usize = 3;
const TYPE: usize = 4;

/// The columns a concept file is read by.
const COLUMNS: [Column; 5] = [
    Column::required("conceptUri"),
    Column::required("preferredLabel"),
    Column::optional("altLabels"),
    Column::optional("description"),
    Column::optional("skillType"),
];

impl Concepts {
    /// Reads the concepts of `table` (`what` says which, for the report).
    /// A repeated URI is counted and its later rows ignored; labels are cleaned.
    ///
    /// # Errors
    ///
    /// [`crate::Error::ImportRow`] for a missing column, an empty URI or preferred label.
    pub fn read(table: &Table, what: &What, report: &mut ImportReport) -> Result<Concepts> {
        let mut concepts = Concepts::default();
        table.rows(&COLUMNS, |row| {
            let uri = row.need(URI, "conceptUri")?;
            let name = clean(row.get(NAME))
                .ok_or_else(|| row.error("empty or unusable `preferredLabel`".into()))?;
            if concepts.at.contains_key(uri) {
                report.count(what.repeated);
                return Ok(());
            }
            let mut aliases = Aliases::new(&name);
            report.add(
                "labels set aside (too long or control characters)",
                aliases.add_cell(row.get(ALT), "\n"),
            );
            let kind = kind(row.get(TYPE), what.typed, report);
            let description = Some(row.get(DESCRIPTION))
                .filter(|d| !d.is_empty())
                .map(str::to_string);
            concepts.at.insert(uri.into(), concepts.list.len() as u32);
            concepts.list.push(Concept {
                uri: uri.to_string(),
                name,
                aliases,
                description,
                kind,
            });
            Ok(())
        })?;
        report.add(what.read, concepts.list.len());
        Ok(concepts)
    }

    /// Adds the labels of another language's `skills_xx.csv` as aliases of the concepts
    /// they share a URI with; rows on other URIs are counted.
    ///
    /// # Errors
    ///
    /// [`crate::Error::ImportRow`] for a missing column or an empty URI.
    pub fn add_language(&mut self, table: &Table, report: &mut ImportReport) -> Result<()> {
        table.rows(&COLUMNS, |row| {
            let uri = row.need(URI, "conceptUri")?;
            let Some(&at) = self.at.get(uri) else {
                report.count("other-language rows on unknown skills");
                return Ok(());
            };
            let aliases = &mut self.list[at as usize].aliases;
            let mut dropped = aliases.add_cell(row.get(NAME), "\n");
            dropped += aliases.add_cell(row.get(ALT), "\n");
            report.add("labels set aside (too long or control characters)", dropped);
            report.count("other-language rows read");
            Ok(())
        })
    }

    /// The concept with `uri`, by position.
    pub fn get(&self, uri: &str) -> Option<u32> {
        self.at.get(uri).copied()
    }
}

/// The kind of a concept from its `skillType` cell; an empty one (6 skills in v1.1.1) is
/// counted when the file has skill types, and taken as a skill.
fn kind(cell: &str, typed: bool, report: &mut ImportReport) -> Kind {
    match cell {
        "knowledge" => Kind::Knowledge,
        "" if typed => {
            report.count("skills with an empty skillType (taken as skills)");
            Kind::Skill
        }
        _ => Kind::Skill,
    }
}

/// Which concept file is read, for the report.
#[derive(Debug)]
pub(crate) struct What {
    read: &'static str,
    repeated: &'static str,
    /// Whether rows have a `skillType`.
    typed: bool,
}

/// The occupations file.
pub(crate) const OCCUPATIONS: What = What {
    read: "occupations read",
    repeated: "repeated occupation rows ignored",
    typed: false,
};

/// The skills file.
pub(crate) const SKILLS: What = What {
    read: "skills read",
    repeated: "repeated skill rows ignored",
    typed: true,
};

/// The skill groups file.
pub(crate) const GROUPS: What = What {
    read: "skill groups read",
    repeated: "repeated skill group rows ignored",
    typed: false,
};
