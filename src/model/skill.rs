//! Skills: what a person can know, with prerequisites and related skills.

use serde::{Deserialize, Serialize, Serializer};

use crate::model::Level;
use crate::model::SkillId;

/// A skill at a level: a prerequisite, or what a course teaches or requires.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillLevel {
    skill: SkillId,
    level: Level,
}

impl SkillLevel {
    /// A skill at a level.
    pub fn new(skill: impl Into<SkillId>, level: Level) -> Self {
        SkillLevel {
            skill: skill.into(),
            level,
        }
    }

    /// The skill.
    pub fn skill(&self) -> &SkillId {
        &self.skill
    }

    /// The level.
    pub fn level(&self) -> Level {
        self.level
    }
}

/// A related skill that transfers partial credit, e.g. PyTorch → TensorFlow at 0.5.
///
/// Relations are symmetric: declaring it on either skill gives credit both ways. A level
/// `L` in one counts as `L × transfer` in the other, never more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    skill: SkillId,
    transfer: f64,
}

impl Related {
    /// A related skill with its transfer factor (in `0.0..=1.0`, checked by the catalog).
    pub fn new(skill: impl Into<SkillId>, transfer: f64) -> Self {
        Related {
            skill: skill.into(),
            transfer,
        }
    }

    /// The related skill.
    pub fn skill(&self) -> &SkillId {
        &self.skill
    }

    /// The share of a level that carries over, in `0.0..=1.0`.
    pub fn transfer(&self) -> f64 {
        self.transfer
    }
}

/// A skill of the catalog.
///
/// ```
/// use skillgap::{Level, Skill};
///
/// let dl = Skill::new("deep-learning", "Deep Learning")
///     .with_alias("DL")
///     .with_category("ml")
///     .with_prerequisite("linear-algebra", Level::BEGINNER)
///     .with_related("neural-networks", 0.5);
/// assert_eq!(dl.aliases(), ["DL"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    id: SkillId,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    requires: Vec<SkillLevel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related: Vec<Related>,
}

impl Skill {
    /// A skill with an id and a display name.
    pub fn new(id: impl Into<SkillId>, name: impl Into<String>) -> Self {
        Skill {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            category: None,
            description: None,
            requires: Vec::new(),
            related: Vec::new(),
        }
    }

    /// Adds an alternative name.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the category.
    pub fn with_category(mut self, category: impl Into<String>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Adds a prerequisite: `skill` at `level` must come before this skill.
    pub fn with_prerequisite(mut self, skill: impl Into<SkillId>, level: Level) -> Self {
        self.requires.push(SkillLevel::new(skill, level));
        self
    }

    /// Adds a related skill that transfers `transfer` of its level.
    pub fn with_related(mut self, skill: impl Into<SkillId>, transfer: f64) -> Self {
        self.related.push(Related::new(skill, transfer));
        self
    }

    /// The id.
    pub fn id(&self) -> &SkillId {
        &self.id
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Alternative names.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The category, e.g. `language` or `ml-framework`.
    pub fn category(&self) -> Option<&str> {
        self.category.as_deref()
    }

    /// The description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Prerequisite skills with the level each must reach first.
    pub fn requires(&self) -> &[SkillLevel] {
        &self.requires
    }

    /// Related skills that transfer partial credit.
    pub fn related(&self) -> &[Related] {
        &self.related
    }

    /// Id, name and aliases: every label the skill answers to.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(std::iter::once(self.name.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// Serializes a skill as its id: results name skills by id in JSON (with a `name` field
/// beside where a person reads it).
pub(crate) fn serialize_id<S: Serializer>(
    skill: &&Skill,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    skill.id.serialize(serializer)
}

/// Serializes skills as their ids.
pub(crate) fn serialize_ids<S: Serializer>(
    skills: &[&Skill],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(skills.iter().map(|s| &s.id))
}
