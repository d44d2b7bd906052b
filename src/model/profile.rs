//! A person's skills: what they know, at what level, and when they last used it.

use serde::{Deserialize, Serialize};

use crate::model::Credential;
use crate::model::Level;

/// One entry of a profile: a skill as the person named it, a level, and optionally the
/// year the skill was last used.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileSkill {
    #[serde(rename = "skill")]
    name: String,
    level: Level,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_used: Option<i32>,
}

impl ProfileSkill {
    /// An entry. `name` may be a skill's id, name or alias; it is resolved against a
    /// catalog when the profile is assessed (see [`Profile`] for the rules).
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
/// Skill names are kept as given and resolved against a catalog when assessed, so one
/// profile can be assessed against several catalogs. A name resolves as
/// `Catalog::resolve_skill` resolves it: a skill's id, name or alias ignoring case and
/// spaces, or one that equals it after meaning-preserving normalisation (accents,
/// punctuation, plurals, word order) when that names one skill only; never by a fuzzy
/// guess. A name that does not resolve is a warning of the assessment (an error in
/// strict mode), with suggestions.
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default)]
    skills: Vec<ProfileSkill>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    credentials: Vec<Credential>,
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

    /// Adds a credential the person holds (a degree, a certification, a licence).
    pub fn with_credential(mut self, credential: Credential) -> Self {
        self.credentials.push(credential);
        self
    }

    /// The credentials the person holds, in the order given.
    pub fn credentials(&self) -> &[Credential] {
        &self.credentials
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
}
