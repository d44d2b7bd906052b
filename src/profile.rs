//! A person's skills: what they know, at what level, and when they last used it.

use serde::Serialize;

use crate::error::Result;
use crate::format::{self, Document, ProfileDoc, ProfileOut, PROFILE_FORMAT};
use crate::level::Level;

/// One entry of a profile: a skill as the person named it, a level, and optionally the
/// year the skill was last used.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ProfileSkill {
    #[serde(rename = "skill")]
    name: String,
    level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_used: Option<i32>,
}

impl ProfileSkill {
    /// An entry. `name` may be a skill's id, name or alias; it is resolved against a
    /// catalog when the profile is assessed.
    pub fn new(name: impl Into<String>, level: Level, last_used: Option<i32>) -> Self {
        ProfileSkill {
            name: name.into(),
            level,
            last_used,
        }
    }

    /// The skill as named in the profile.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The level claimed.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The year the skill was last used, if known.
    pub fn last_used(&self) -> Option<i32> {
        self.last_used
    }
}

/// A person's skills.
///
/// Skill names are kept as given and resolved against a catalog when assessed (by id,
/// name or alias, ignoring case and surrounding space), so one profile can be assessed
/// against several catalogs.
///
/// ```
/// use skillgap::{Level, Profile};
///
/// let profile = Profile::new()
///     .with_name("Ada")
///     .with_skill("Python", Level::ADVANCED)
///     .with_skill_used("sklearn", Level::INTERMEDIATE, 2024);
/// assert_eq!(profile.skills().len(), 2);
///
/// let json = r#"{"format": "skillgap.profile/1",
///                "skills": [{"skill": "SQL", "level": "competent"}]}"#;
/// let parsed = Profile::from_json(json)?;
/// assert_eq!(parsed.skills()[0].level(), Level::INTERMEDIATE);
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    name: Option<String>,
    skills: Vec<ProfileSkill>,
}

impl Profile {
    /// An empty profile.
    pub fn new() -> Self {
        Profile::default()
    }

    /// Sets the person's name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Adds a skill at a level.
    pub fn with_skill(mut self, name: impl Into<String>, level: Level) -> Self {
        self.push(ProfileSkill::new(name, level, None));
        self
    }

    /// Adds a skill at a level, last used in `year`.
    pub fn with_skill_used(mut self, name: impl Into<String>, level: Level, year: i32) -> Self {
        self.push(ProfileSkill::new(name, level, Some(year)));
        self
    }

    /// Adds an entry.
    pub fn push(&mut self, skill: ProfileSkill) {
        self.skills.push(skill);
    }

    /// The person's name, if given.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The entries, in the order given.
    pub fn skills(&self) -> &[ProfileSkill] {
        &self.skills
    }

    /// Reads a profile document (format `skillgap.profile/1`) from JSON.
    ///
    /// # Errors
    ///
    /// [`Error::Json`](crate::Error::Json) for a syntax error or unknown field (with line
    /// and column), [`Error::UnsupportedFormat`](crate::Error::UnsupportedFormat) for
    /// another format, [`Error::InvalidProfile`](crate::Error::InvalidProfile) listing
    /// every bad level.
    pub fn from_json(text: &str) -> Result<Profile> {
        format::from_json::<ProfileDoc>(Document::Profile, text)?.into_profile()
    }

    /// Reads a profile document from TOML.
    ///
    /// # Errors
    ///
    /// As [`Profile::from_json`], with [`Error::Toml`](crate::Error::Toml) for syntax.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Profile> {
        format::from_toml::<ProfileDoc>(Document::Profile, text)?.into_profile()
    }

    /// Writes the profile as a JSON document that [`Profile::from_json`] reads back.
    pub fn to_json(&self) -> String {
        format::to_json(&self.document())
    }

    /// Writes the profile as a TOML document that [`Profile::from_toml`] reads back.
    ///
    /// # Errors
    ///
    /// [`Error::TomlWrite`](crate::Error::TomlWrite) if the serializer fails.
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> Result<String> {
        format::to_toml(Document::Profile, &self.document())
    }

    fn document(&self) -> ProfileOut<'_> {
        ProfileOut {
            format: PROFILE_FORMAT,
            name: self.name.as_deref(),
            skills: &self.skills,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

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
