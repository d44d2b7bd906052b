//! Programmes: degrees and certifications to study for, which confer credentials.

use serde::{Deserialize, Serialize};

use crate::model::{Credential, ProgrammeId};

/// A programme of the catalog: study that confers credentials (a degree, a
/// certification), with its duration.
///
/// Programmes are not courses: a course raises skill levels and is chosen by the
/// planner's covering search over hours or cost; a programme confers a credential that
/// a role requires (a gate) and takes months or years. A plan toward a role lists, for
/// each gate the profile does not meet, the programme that confers it in the fewest
/// hours (ties by id), beside the courses.
///
/// ```
/// use skillgap::model::{Credential, DegreeLevel, Programme};
///
/// let bsc = Programme::new("bsc-cs", "BSc Computer Science")
///     .with_provider("A university")
///     .with_duration(48.0, 4_800.0)
///     .with_confers(Credential::degree(DegreeLevel::Bachelor, ["computer science"]));
/// assert_eq!(bsc.years(), 4.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    id: ProgrammeId,
    title: String,
    provider: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    months: f64,
    hours: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cost: Option<f64>,
    confers: Vec<Credential>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Programme {
    /// A programme with an id and a title, conferring nothing yet.
    pub fn new(id: impl Into<ProgrammeId>, title: impl Into<String>) -> Programme {
        Programme {
            id: id.into(),
            title: title.into(),
            provider: String::new(),
            url: None,
            months: 0.0,
            hours: 0.0,
            cost: None,
            confers: Vec::new(),
            note: None,
        }
    }

    /// Sets the provider.
    pub fn with_provider(mut self, provider: impl Into<String>) -> Programme {
        self.provider = provider.into();
        self
    }

    /// Sets the URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Programme {
        self.url = Some(url.into());
        self
    }

    /// Sets the duration in months and the study hours.
    pub fn with_duration(mut self, months: f64, hours: f64) -> Programme {
        self.months = months;
        self.hours = hours;
        self
    }

    /// Sets the cost, in the catalog's currency.
    pub fn with_cost(mut self, cost: f64) -> Programme {
        self.cost = Some(cost);
        self
    }

    /// Adds a credential it confers.
    pub fn with_confers(mut self, credential: Credential) -> Programme {
        self.confers.push(credential);
        self
    }

    /// Sets a note (where the duration comes from, say).
    pub fn with_note(mut self, note: impl Into<String>) -> Programme {
        self.note = Some(note.into());
        self
    }

    /// The id.
    pub fn id(&self) -> &ProgrammeId {
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

    /// The duration, in months.
    pub fn months(&self) -> f64 {
        self.months
    }

    /// The duration, in years (months / 12).
    pub fn years(&self) -> f64 {
        self.months / 12.0
    }

    /// Study hours.
    pub fn hours(&self) -> f64 {
        self.hours
    }

    /// The cost, when known.
    pub fn cost(&self) -> Option<f64> {
        self.cost
    }

    /// The credentials it confers.
    pub fn confers(&self) -> &[Credential] {
        &self.confers
    }

    /// The note.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}
