//! The ESCO importer (feature `esco`): the official CSV release as published, into a
//! [`Catalog`].

mod concepts;
mod files;
mod relations;

use std::path::Path;

use concepts::{Concept, Concepts, Kind, GROUPS, OCCUPATIONS, SKILLS};
use files::EscoFiles;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::io::report::{Import, ImportReport};
use crate::io::table::{Dialect, Table};
use crate::model::{Importance, Level, Requirement, Role, Skill};
use crate::util::hash::StrMap;

/// What an ESCO relation (essential or optional) becomes in a role: a requirement at a
/// level (ESCO has no levels), with an importance and, optionally, an explicit weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelationMapping {
    /// The level the role requires.
    pub level: Level,
    /// How much the role needs it.
    pub importance: Importance,
    /// An explicit weight, overriding the one the scoring policy gives the importance.
    pub weight: Option<f64>,
}

/// Imports the official ESCO CSV release (v1.0 to v1.2: columns are found by header
/// name) into a [`Catalog`]: occupations become roles (ids: concept URIs, aliases: the
/// alternative labels), their essential and optional skills requirements, skills and
/// knowledge become skills (ids: concept URIs). Each mapping is an option:
///
/// | option | default |
/// |---|---|
/// | [`essential`](EscoImporter::essential) | level 3 (intermediate), essential |
/// | [`optional`](EscoImporter::optional) | level 2 (beginner), optional |
/// | [`knowledge`](EscoImporter::knowledge) | on: knowledge concepts are skills too |
/// | [`related`](EscoImporter::related) | off; `skillSkillRelations` as related skills with a transfer factor (they are not prerequisites) |
/// | [`categories`](EscoImporter::categories) | on: a skill's category is its skill group |
/// | [`other_languages`](EscoImporter::other_languages) | on: labels of every `skills_xx.csv` found become aliases |
/// | [`descriptions`](EscoImporter::descriptions) | off |
///
/// Files, in the directory or its subdirectories: `occupations_en.csv`, `skills_en.csv`,
/// `occupationSkillRelations[_en].csv` (required); `skillSkillRelations[_en].csv`,
/// `broaderRelationsSkillPillar[_en].csv`, `skillGroups_en.csv`, `skills_xx.csv`
/// (optional). Integrity problems of the real release (relations to unknown
/// occupations, a self-loop, empty skill types, repeated labels) are counted in the
/// report, never fatal. Occupations left without requirements are counted and left out.
///
/// ```
/// # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/esco");
/// use skillgap::io::EscoImporter;
///
/// let import = EscoImporter::new().import(&dir)?;
/// let data_scientist = "http://data.europa.eu/esco/occupation/data-scientist";
/// assert!(import.catalog.role(data_scientist).is_some());
/// assert_eq!(import.catalog.resolve_skill("Datenanalyse").unwrap().name(), "analyse data");
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct EscoImporter {
    language: String,
    essential: RelationMapping,
    optional: RelationMapping,
    knowledge: bool,
    related: Option<f64>,
    categories: bool,
    other_languages: bool,
    descriptions: bool,
}

impl Default for EscoImporter {
    fn default() -> Self {
        EscoImporter::new()
    }
}

impl EscoImporter {
    /// The importer with the defaults above, for the English files.
    pub fn new() -> EscoImporter {
        EscoImporter {
            language: "en".into(),
            essential: RelationMapping {
                level: Level::INTERMEDIATE,
                importance: Importance::Essential,
                weight: None,
            },
            optional: RelationMapping {
                level: Level::BEGINNER,
                importance: Importance::Optional,
                weight: None,
            },
            knowledge: true,
            related: None,
            categories: true,
            other_languages: true,
            descriptions: false,
        }
    }

    /// The language of the main files (`occupations_{language}.csv`, …); default `en`.
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = language.into();
        self
    }

    /// What an essential relation becomes.
    pub fn essential(mut self, mapping: RelationMapping) -> Self {
        self.essential = mapping;
        self
    }

    /// What an optional relation becomes.
    pub fn optional(mut self, mapping: RelationMapping) -> Self {
        self.optional = mapping;
        self
    }

    /// Whether knowledge concepts become skills (and requirements) too.
    pub fn knowledge(mut self, on: bool) -> Self {
        self.knowledge = on;
        self
    }

    /// `skillSkillRelations` as related skills with this transfer factor (in (0, 1]);
    /// `None` (the default) leaves them out.
    pub fn related(mut self, transfer: Option<f64>) -> Self {
        self.related = transfer;
        self
    }

    /// Whether a skill's skill group (from `broaderRelationsSkillPillar`) becomes its
    /// category.
    pub fn categories(mut self, on: bool) -> Self {
        self.categories = on;
        self
    }

    /// Whether other languages' `skills_xx.csv` labels become aliases.
    pub fn other_languages(mut self, on: bool) -> Self {
        self.other_languages = on;
        self
    }

    /// Whether the concepts' descriptions are kept.
    pub fn descriptions(mut self, on: bool) -> Self {
        self.descriptions = on;
        self
    }

    /// Imports the release in `dir` (the files there or in its subdirectories).
    ///
    /// # Errors
    ///
    /// [`Error::ImportFile`] for a missing or unreadable required file (or one over
    /// [`MAX_IMPORT_FILE_BYTES`](crate::io::MAX_IMPORT_FILE_BYTES)),
    /// [`Error::ImportRow`] with file and line for a row that breaks the format (a missing
    /// column, an empty URI, bad quoting, invalid UTF-8), [`Error::InvalidArgument`] for a
    /// transfer factor or weight out of range, and [`Error::InvalidCatalog`] if the result
    /// does not validate.
    pub fn import(&self, dir: impl AsRef<Path>) -> Result<Import> {
        self.check()?;
        let files = EscoFiles::find(dir.as_ref(), &self.language)?;
        let mut report = ImportReport::default();
        let csv = |path: &Path| Table::read(path, Dialect::Csv);
        let mut skills = Concepts::read(&csv(&files.skills)?, &SKILLS, &mut report)?;
        if self.other_languages {
            for path in &files.other_languages {
                skills.add_language(&csv(path)?, &mut report)?;
            }
        }
        let occupations = Concepts::read(&csv(&files.occupations)?, &OCCUPATIONS, &mut report)?;
        let needs = relations::requirements(
            &csv(&files.occupation_skills)?,
            &occupations,
            &skills,
            self.knowledge,
            &mut report,
        )?;
        let related = match (self.related, &files.skill_skills) {
            (Some(_), Some(path)) => relations::related(&csv(path)?, &skills, &mut report)?,
            _ => Vec::new(),
        };
        let categories = match (&files.broader_skills, self.categories) {
            (Some(path), true) => {
                let groups = match &files.skill_groups {
                    Some(g) => Concepts::read(&csv(g)?, &GROUPS, &mut report)?,
                    None => Concepts::default(),
                };
                relations::categories(&csv(path)?, &skills, &groups, &mut report)?
            }
            _ => Vec::new(),
        };
        let uris: Vec<String> = skills.list.iter().map(|c| c.uri.clone()).collect();
        let skills = self.skills(skills, &related, categories, &uris, &mut report);
        let roles = self.roles(occupations, &needs, &uris, &mut report);
        report.add("skills made", skills.len());
        report.add("roles made", roles.len());
        let catalog = Catalog::builder().skills(skills).roles(roles).build()?;
        Ok(Import { catalog, report })
    }

    /// The options' values in range.
    fn check(&self) -> Result<()> {
        let bad = |name: &'static str, value: f64, expected: &'static str| Error::InvalidArgument {
            name,
            value: value.to_string(),
            expected,
        };
        if let Some(t) = self.related.filter(|t| !(*t > 0.0 && *t <= 1.0)) {
            return Err(bad("related", t, "a transfer factor in (0, 1]"));
        }
        for w in [self.essential.weight, self.optional.weight]
            .into_iter()
            .flatten()
        {
            if !(w.is_finite() && (0.0..=crate::model::MAX_QUANTITY).contains(&w)) {
                return Err(bad("weight", w, "a finite weight in [0, 1e9]"));
            }
        }
        Ok(())
    }

    /// The skills (knowledge left out unless asked for). A name that another skill has
    /// already is made unique with the end of the URI, and counted.
    fn skills(
        &self,
        concepts: Concepts,
        related: &[Vec<u32>],
        categories: Vec<Option<String>>,
        uris: &[String],
        report: &mut ImportReport,
    ) -> Vec<Skill> {
        let mut categories = categories.into_iter();
        let mut names: StrMap<()> = StrMap::default();
        let mut out = Vec::with_capacity(concepts.list.len());
        for (i, c) in concepts.list.into_iter().enumerate() {
            let category = categories.next().flatten();
            if c.kind == Kind::Knowledge && !self.knowledge {
                report.count("knowledge concepts left out");
                continue;
            }
            let mut skill = self.skill(c, &mut names, report);
            if let Some(category) = category {
                skill = skill.with_category(category);
            }
            if let Some(t) = self.related {
                for &r in related.get(i).map_or(&[][..], Vec::as_slice) {
                    if let Some(uri) = uris.get(r as usize) {
                        skill = skill.with_related(uri.as_str(), t);
                    }
                }
            }
            out.push(skill);
        }
        out
    }

    /// One skill from its concept.
    fn skill(&self, c: Concept, names: &mut StrMap<()>, report: &mut ImportReport) -> Skill {
        let mut name = c.name;
        if names.insert(name.to_lowercase().into(), ()).is_some() {
            report.count("skill names shared with another skill (made unique)");
            let tail = c.uri.rsplit('/').next().unwrap_or(&c.uri);
            name = format!("{name} ({tail})");
        }
        let mut skill = Skill::new(c.uri, name);
        for alias in c.aliases.into_vec() {
            skill = skill.with_alias(alias);
        }
        match c.description.filter(|_| self.descriptions) {
            Some(d) => skill.with_description(d),
            None => skill,
        }
    }

    /// The roles: one an occupation with requirements (the others counted and left out).
    fn roles(
        &self,
        occupations: Concepts,
        needs: &[Vec<(u32, bool)>],
        uris: &[String],
        report: &mut ImportReport,
    ) -> Vec<Role> {
        let mut out = Vec::with_capacity(occupations.list.len());
        for (c, needs) in occupations.list.into_iter().zip(needs) {
            if needs.is_empty() {
                report.count("occupations without skills left out");
                continue;
            }
            let mut role = Role::new(c.uri, c.name);
            for alias in c.aliases.into_vec() {
                role = role.with_alias(alias);
            }
            if let Some(d) = c.description.filter(|_| self.descriptions) {
                role = role.with_description(d);
            }
            for &(skill, essential) in needs {
                let mapping = if essential {
                    &self.essential
                } else {
                    &self.optional
                };
                if let Some(uri) = uris.get(skill as usize) {
                    role = role.with(mapping.requirement(uri));
                }
            }
            out.push(role);
        }
        out
    }
}

impl RelationMapping {
    /// The requirement on `skill` this mapping makes.
    fn requirement(&self, skill: &str) -> Requirement {
        let r = Requirement::new(skill, self.level, self.importance);
        match self.weight {
            Some(w) => r.with_weight(w),
            None => r,
        }
    }
}
