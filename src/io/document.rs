//! The interchange format, version 1: catalog and profile documents in JSON (and TOML).
//!
//! Documents are read into lenient raw structs first, so that every bad level is reported
//! with its place instead of stopping at the first; unknown fields are still rejected.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::error::{Error, ItemKind, Location, Problem, Result};
use crate::model::Course;
use crate::model::Importance;
use crate::model::Skill;
use crate::model::{Credential, CredentialRequirement, Demand, Pay, Programme};
use crate::model::{Level, LevelInput};
use crate::model::{Profile, ProfileSkill};
use crate::model::{Requirement, Role};
use crate::util::text::clip;

/// The `format` value of a catalog document this version reads and writes.
pub const CATALOG_FORMAT: &str = "skillgap.catalog/1";
/// The `format` value of a profile document this version reads and writes.
pub const PROFILE_FORMAT: &str = "skillgap.profile/1";

/// The parsed parts of a catalog document, before validation.
pub(crate) type CatalogParts = (Vec<Skill>, Vec<Role>, Vec<Course>, Vec<Programme>);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CatalogDoc {
    format: String,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    skills: Vec<RawSkill>,
    #[serde(default)]
    roles: Vec<RawRole>,
    #[serde(default)]
    courses: Vec<RawCourse>,
    #[serde(default)]
    programmes: Vec<Programme>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    category: Option<String>,
    description: Option<String>,
    #[serde(default)]
    requires: Vec<RawSkillLevel>,
    #[serde(default)]
    related: Vec<RawRelated>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkillLevel {
    skill: String,
    level: LevelInput,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelated {
    skill: String,
    transfer: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: Option<String>,
    #[serde(default)]
    extends: Vec<String>,
    #[serde(default)]
    requirements: Vec<RawRequirement>,
    #[serde(default)]
    credentials: Vec<CredentialRequirement>,
    #[serde(default)]
    pay: Vec<Pay>,
    #[serde(default)]
    demand: Vec<Demand>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    skill: String,
    level: LevelInput,
    importance: Importance,
    weight: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    id: String,
    title: String,
    provider: String,
    url: Option<String>,
    hours: f64,
    #[serde(default)]
    cost: f64,
    teaches: Vec<RawSkillLevel>,
    #[serde(default)]
    requires: Vec<RawSkillLevel>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfileDoc {
    format: String,
    name: Option<String>,
    #[serde(default)]
    skills: Vec<RawProfileSkill>,
    #[serde(default)]
    credentials: Vec<Credential>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfileSkill {
    skill: String,
    level: LevelInput,
    last_used: Option<i32>,
}

#[derive(Serialize)]
pub(crate) struct CatalogOut<'a> {
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'a str>,
    pub skills: &'a [Skill],
    pub roles: &'a [Role],
    pub courses: &'a [Course],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub programmes: &'a [Programme],
}

#[derive(Serialize)]
pub(crate) struct ProfileOut<'a> {
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    pub skills: &'a [ProfileSkill],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub credentials: &'a [Credential],
}

/// Which document a parse is for, for messages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Document {
    Catalog,
    Profile,
}

impl Document {
    fn name(self) -> &'static str {
        match self {
            Document::Catalog => "catalog",
            Document::Profile => "profile",
        }
    }

    fn format(self) -> &'static str {
        match self {
            Document::Catalog => CATALOG_FORMAT,
            Document::Profile => PROFILE_FORMAT,
        }
    }
}

/// The text after a leading byte order mark, which editors on Windows write and which
/// neither JSON nor TOML parsers accept.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses JSON into `T` (after a byte order mark, if any), keeping serde_json's line and
/// column on error.
pub(crate) fn from_json<T: for<'de> Deserialize<'de>>(doc: Document, text: &str) -> Result<T> {
    serde_json::from_str(without_bom(text)).map_err(|e| {
        // serde_json's message ends with its place: keep the message alone.
        let full = e.to_string();
        let place = format!(" at line {} column {}", e.line(), e.column());
        Error::Json {
            document: doc.name(),
            message: clip(full.strip_suffix(&place).unwrap_or(&full), MESSAGE_CHARS),
            line: e.line(),
            column: e.column(),
        }
    })
}

/// The most characters of a parser's message an error keeps: a message may quote the
/// input (an unknown field's name, a line), and the input may be a megabyte long.
const MESSAGE_CHARS: usize = 200;

/// Parses TOML into `T` (after a byte order mark, if any), keeping the parser's line and
/// column on error.
#[cfg(feature = "toml")]
pub(crate) fn from_toml<T: for<'de> Deserialize<'de>>(doc: Document, text: &str) -> Result<T> {
    let text = without_bom(text);
    toml::from_str(text).map_err(|e| {
        let (line, column) = match e.span() {
            Some(span) => {
                let (line, column) = line_and_column(text, span.start);
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        Error::Toml {
            document: doc.name(),
            message: clip(e.message(), MESSAGE_CHARS),
            line,
            column,
        }
    })
}

/// The line and column (from 1, in characters) of byte `offset` of `text`.
#[cfg(feature = "toml")]
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Writes `value` as TOML.
#[cfg(feature = "toml")]
pub(crate) fn to_toml<T: Serialize>(doc: Document, value: &T) -> Result<String> {
    toml::to_string(value).map_err(|e| Error::TomlWrite {
        document: doc.name(),
        message: clip(&e.to_string(), MESSAGE_CHARS),
    })
}

/// Writes `value` as pretty JSON. Serializing these plain structs cannot fail: all map
/// keys are strings and every number is finite or written as `null`.
pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn check_format(doc: Document, found: &str) -> Result<()> {
    if found == doc.format() {
        Ok(())
    } else {
        Err(Error::UnsupportedFormat {
            document: doc.name(),
            found: crate::util::text::clip(found, 64),
            expected: doc.format(),
        })
    }
}

/// Converts a level, recording a problem when it is invalid. An invalid level becomes
/// [`Level::MAX`] so that the entry stays in place and the rest of it (its skill, its role's
/// other checks) is still validated; the recorded problem makes the load fail anyway.
fn level_at(
    input: &LevelInput,
    at: impl FnOnce() -> Location,
    problems: &mut Vec<Problem>,
) -> Level {
    match input.to_level() {
        Ok(level) => level,
        Err(e) => {
            let (value, reason) = match e {
                Error::InvalidLevel { value, reason } => (value, reason),
                other => (String::new(), other.to_string()),
            };
            problems.push(Problem::InvalidLevel {
                at: at(),
                value,
                reason,
            });
            Level::MAX
        }
    }
}

/// Converts a list of `{skill, level}` entries, dropping (and reporting) bad levels.
fn skill_levels(
    raw: Vec<RawSkillLevel>,
    kind: ItemKind,
    index: usize,
    id: &str,
    field: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(String, Level)> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, entry) in raw.into_iter().enumerate() {
        let at = || Location::new(kind, index, id, format!("{field}[{i}].level"));
        out.push((entry.skill, level_at(&entry.level, at, problems)));
    }
    out
}

impl CatalogDoc {
    /// Checks the format and converts to catalog items, recording bad levels in `problems`.
    pub(crate) fn into_parts(self, problems: &mut Vec<Problem>) -> Result<CatalogParts> {
        check_format(Document::Catalog, &self.format)?;
        let skills = self
            .skills
            .into_iter()
            .enumerate()
            .map(|(index, raw)| raw.into_skill(index, problems))
            .collect();
        let roles = self
            .roles
            .into_iter()
            .enumerate()
            .map(|(index, raw)| raw.into_role(index, problems))
            .collect();
        let courses = self
            .courses
            .into_iter()
            .enumerate()
            .map(|(index, raw)| raw.into_course(index, problems))
            .collect();
        Ok((skills, roles, courses, self.programmes))
    }
}

impl RawSkill {
    /// Converts the skill at `index` of the document, recording bad levels in `problems`.
    fn into_skill(self, index: usize, problems: &mut Vec<Problem>) -> Skill {
        let mut skill = Skill::new(self.id, self.name);
        for alias in self.aliases {
            skill = skill.with_alias(alias);
        }
        if let Some(c) = self.category {
            skill = skill.with_category(c);
        }
        if let Some(d) = self.description {
            skill = skill.with_description(d);
        }
        for r in self.related {
            skill = skill.with_related(r.skill, r.transfer);
        }
        let id = skill.id().to_string();
        for (s, l) in skill_levels(
            self.requires,
            ItemKind::Skill,
            index,
            &id,
            "requires",
            problems,
        ) {
            skill = skill.with_prerequisite(s, l);
        }
        skill
    }
}

impl RawRole {
    /// Converts the role at `index` of the document, recording bad levels in `problems`.
    fn into_role(self, index: usize, problems: &mut Vec<Problem>) -> Role {
        let mut role = Role::new(self.id, self.name);
        for alias in self.aliases {
            role = role.with_alias(alias);
        }
        if let Some(d) = self.description {
            role = role.with_description(d);
        }
        for e in self.extends {
            role = role.with_extends(e);
        }
        for (i, req) in self.requirements.into_iter().enumerate() {
            let at = || {
                Location::new(
                    ItemKind::Role,
                    index,
                    role.id().as_str(),
                    format!("requirements[{i}].level"),
                )
            };
            let level = level_at(&req.level, at, problems);
            let mut r = Requirement::new(req.skill, level, req.importance);
            if let Some(w) = req.weight {
                r = r.with_weight(w);
            }
            role = role.with(r);
        }
        for c in self.credentials {
            role = role.with_credential(c);
        }
        for p in self.pay {
            role = role.with_pay(p);
        }
        for d in self.demand {
            role = role.with_demand(d);
        }
        role
    }
}

impl RawCourse {
    /// Converts the course at `index` of the document, recording bad levels in
    /// `problems`.
    fn into_course(self, index: usize, problems: &mut Vec<Problem>) -> Course {
        let mut course = Course::new(self.id, self.title)
            .with_provider(self.provider)
            .with_hours(self.hours)
            .with_cost(self.cost);
        if let Some(u) = self.url {
            course = course.with_url(u);
        }
        let id = course.id().to_string();
        for (s, l) in skill_levels(
            self.teaches,
            ItemKind::Course,
            index,
            &id,
            "teaches",
            problems,
        ) {
            course = course.with_teaches(s, l);
        }
        for (s, l) in skill_levels(
            self.requires,
            ItemKind::Course,
            index,
            &id,
            "requires",
            problems,
        ) {
            course = course.with_requires(s, l);
        }
        course
    }
}

impl ProfileDoc {
    /// Checks the format and converts to a profile.
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedFormat`], or [`Error::InvalidProfile`] listing every bad level
    /// and every held credential with an empty field or name.
    pub(crate) fn into_profile(self) -> Result<Profile> {
        check_format(Document::Profile, &self.format)?;
        let mut problems = Vec::new();
        let mut profile = Profile::new();
        if let Some(name) = self.name {
            profile = profile.with_name(name);
        }
        for (index, raw) in self.skills.into_iter().enumerate() {
            let at = || Location::new(ItemKind::ProfileSkill, index, &raw.skill, "level");
            let level = level_at(&raw.level, at, &mut problems);
            profile.push(ProfileSkill::new(raw.skill, level, raw.last_used));
        }
        for (index, c) in self.credentials.into_iter().enumerate() {
            for (field, text) in c.labels() {
                if text.trim().is_empty() {
                    problems.push(Problem::Empty {
                        at: Location::new(ItemKind::ProfileCredential, index, c.kind(), field),
                        expected: "a held credential names its fields or its name",
                    });
                }
            }
            profile = profile.with_credential(c);
        }
        if problems.is_empty() {
            Ok(profile)
        } else {
            Err(Error::InvalidProfile { problems })
        }
    }
}

impl Catalog {
    /// Reads a catalog document (format `skillgap.catalog/1`) from JSON and validates it.
    ///
    /// # Errors
    ///
    /// [`Error::Json`] for syntax errors and unknown fields (with line and column),
    /// [`Error::UnsupportedFormat`] for another format, and [`Error::InvalidCatalog`]
    /// listing every validation problem (see [`Catalog::new`]).
    pub fn from_json(text: &str) -> Result<Catalog> {
        Catalog::from_doc(from_json(Document::Catalog, text)?)
    }

    /// Reads a catalog document from TOML and validates it.
    ///
    /// # Errors
    ///
    /// As [`Catalog::from_json`], with [`Error::Toml`] for syntax errors.
    #[cfg(feature = "toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
    pub fn from_toml(text: &str) -> Result<Catalog> {
        Catalog::from_doc(from_toml(Document::Catalog, text)?)
    }

    fn from_doc(mut doc: CatalogDoc) -> Result<Catalog> {
        let mut problems = Vec::new();
        let currency = doc.currency.take();
        let (skills, roles, courses, programmes) = doc.into_parts(&mut problems)?;
        let catalog = Catalog::with_problems(skills, roles, courses, programmes, problems)?;
        match currency {
            Some(code) => catalog.with_currency(&code),
            None => Ok(catalog),
        }
    }

    /// Writes the catalog as a JSON document that [`Catalog::from_json`] reads back.
    pub fn to_json(&self) -> String {
        to_json(&self.document())
    }

    /// Writes the catalog as a TOML document that [`Catalog::from_toml`] reads back.
    ///
    /// # Errors
    ///
    /// [`Error::TomlWrite`] if the serializer fails.
    #[cfg(feature = "toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
    pub fn to_toml(&self) -> Result<String> {
        to_toml(Document::Catalog, &self.document())
    }

    fn document(&self) -> CatalogOut<'_> {
        CatalogOut {
            format: CATALOG_FORMAT,
            currency: self.currency(),
            skills: self.skills(),
            roles: self.roles(),
            courses: self.courses(),
            programmes: self.programmes(),
        }
    }
}

impl Profile {
    /// Reads a profile document (format `skillgap.profile/1`) from JSON.
    ///
    /// # Errors
    ///
    /// [`Error::Json`](crate::Error::Json) for a syntax error or unknown field (with line
    /// and column), [`Error::UnsupportedFormat`](crate::Error::UnsupportedFormat) for
    /// another format, [`Error::InvalidProfile`](crate::Error::InvalidProfile) listing
    /// every bad level.
    pub fn from_json(text: &str) -> Result<Profile> {
        from_json::<ProfileDoc>(Document::Profile, text)?.into_profile()
    }

    /// Reads a profile document from TOML.
    ///
    /// # Errors
    ///
    /// As [`Profile::from_json`], with [`Error::Toml`](crate::Error::Toml) for syntax.
    #[cfg(feature = "toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
    pub fn from_toml(text: &str) -> Result<Profile> {
        from_toml::<ProfileDoc>(Document::Profile, text)?.into_profile()
    }

    /// Writes the profile as a JSON document that [`Profile::from_json`] reads back.
    pub fn to_json(&self) -> String {
        to_json(&self.document())
    }

    /// Writes the profile as a TOML document that [`Profile::from_toml`] reads back.
    ///
    /// # Errors
    ///
    /// [`Error::TomlWrite`](crate::Error::TomlWrite) if the serializer fails.
    #[cfg(feature = "toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
    pub fn to_toml(&self) -> Result<String> {
        to_toml(Document::Profile, &self.document())
    }

    fn document(&self) -> ProfileOut<'_> {
        ProfileOut {
            format: PROFILE_FORMAT,
            name: self.name(),
            skills: self.skills(),
            credentials: self.credentials(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    #[test]
    fn json_round_trip() {
        let p = Profile::new()
            .with_name("Ada")
            .with_skill("Python", Level::ADVANCED)
            .with_skill_used("sklearn", Level::INTERMEDIATE, 2024);
        assert_eq!(Profile::from_json(&p.to_json()).unwrap(), p);
    }

    #[test]
    fn every_bad_level_is_reported() {
        let json = r#"{"format": "skillgap.profile/1", "skills": [
            {"skill": "a", "level": 9}, {"skill": "b", "level": 2}, {"skill": "c", "level": "guru-ish"}]}"#;
        match Profile::from_json(json) {
            Err(Error::InvalidProfile { problems }) => {
                assert_eq!(problems.len(), 2);
                assert!(problems[0].to_string().contains("profile skill `a`"));
                assert!(problems[1].to_string().contains("`guru-ish`"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn unknown_fields_and_formats_are_rejected() {
        let e = Profile::from_json(r#"{"format": "skillgap.profile/1", "skils": []}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `skils`"), "{e}");
        assert!(e.contains("line 1"), "{e}");
        let e = Profile::from_json(r#"{"format": "other/2"}"#).unwrap_err();
        assert!(matches!(e, Error::UnsupportedFormat { .. }));
    }
}
