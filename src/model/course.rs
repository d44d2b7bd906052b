//! Courses: what they teach, what they require, and what they cost.

use serde::{Deserialize, Serialize};

use crate::model::Level;
use crate::model::SkillLevel;
use crate::model::{CourseId, SkillId};

/// A course of the catalog.
///
/// Taking a course raises each skill it teaches to the level given (never lowers one).
/// It can be taken once its `requires` are met.
///
/// ```
/// use skillgap::{Course, Level};
///
/// let course = Course::new("dl-intro", "Deep Learning from Scratch")
///     .with_provider("fast.ai")
///     .with_hours(40.0)
///     .with_teaches("deep-learning", Level::INTERMEDIATE)
///     .with_requires("python", Level::BEGINNER);
/// assert_eq!(course.hours(), 40.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    id: CourseId,
    title: String,
    provider: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    hours: f64,
    #[serde(default)]
    cost: f64,
    teaches: Vec<SkillLevel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    requires: Vec<SkillLevel>,
}

impl Course {
    /// A course with an id and a title; no hours, no cost, teaching nothing yet.
    pub fn new(id: impl Into<CourseId>, title: impl Into<String>) -> Self {
        Course {
            id: id.into(),
            title: title.into(),
            provider: String::new(),
            url: None,
            hours: 0.0,
            cost: 0.0,
            teaches: Vec::new(),
            requires: Vec::new(),
        }
    }

    /// Sets the provider.
    pub fn with_provider(mut self, provider: impl Into<String>) -> Self {
        self.provider = provider.into();
        self
    }

    /// Sets the URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the study hours.
    pub fn with_hours(mut self, hours: f64) -> Self {
        self.hours = hours;
        self
    }

    /// Sets the cost.
    pub fn with_cost(mut self, cost: f64) -> Self {
        self.cost = cost;
        self
    }

    /// Adds a skill the course teaches, up to `level`.
    pub fn with_teaches(mut self, skill: impl Into<SkillId>, level: Level) -> Self {
        self.teaches.push(SkillLevel::new(skill, level));
        self
    }

    /// Adds a skill the course requires at `level`.
    pub fn with_requires(mut self, skill: impl Into<SkillId>, level: Level) -> Self {
        self.requires.push(SkillLevel::new(skill, level));
        self
    }

    /// The id.
    pub fn id(&self) -> &CourseId {
        &self.id
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The provider.
    pub fn provider(&self) -> &str {
        &self.provider
    }

    /// The URL.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Study hours.
    pub fn hours(&self) -> f64 {
        self.hours
    }

    /// Cost, in the catalog's currency.
    pub fn cost(&self) -> f64 {
        self.cost
    }

    /// Skills taught, each up to a level.
    pub fn teaches(&self) -> &[SkillLevel] {
        &self.teaches
    }

    /// Skills required before taking it.
    pub fn requires(&self) -> &[SkillLevel] {
        &self.requires
    }
}
