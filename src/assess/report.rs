//! Assessments as data: the JSON a front end receives, with detail on request.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::{Assessment, RoleScore};

/// Serialized as `{"id", "name", "score", "usage", "fit", "ready", "essentials_met",
/// "essentials"}`, with `"gates_met", "gates"` (required credentials held, and in all)
/// for a role that has gates.
impl Serialize for RoleScore<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        score_entries(&mut m, self)?;
        m.end()
    }
}

/// The fields of a serialized [`RoleScore`].
fn score_entries<M: SerializeMap>(m: &mut M, score: &RoleScore<'_>) -> Result<(), M::Error> {
    let (met, essentials) = score.essentials();
    m.serialize_entry("id", score.role().id())?;
    m.serialize_entry("name", score.role().name())?;
    m.serialize_entry("score", &score.score())?;
    m.serialize_entry("usage", &score.usage())?;
    m.serialize_entry("fit", &score.fit())?;
    m.serialize_entry("ready", &score.is_ready())?;
    m.serialize_entry("essentials_met", &met)?;
    m.serialize_entry("essentials", &essentials)?;
    let (gates_met, gates) = score.gates();
    if gates > 0 {
        m.serialize_entry("gates_met", &gates_met)?;
        m.serialize_entry("gates", &gates)?;
    }
    Ok(())
}

/// Serialized as [`Assessment::report`] with its defaults: `{"roles": [role scores, best
/// first], "warnings": [...]}`.
impl Serialize for Assessment<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.report().serialize(serializer)
    }
}

/// What an [`Assessment`] serializes to, with the detail chosen: built by
/// [`Assessment::report`].
///
/// Serialized as `{"roles": [{"id", "name", "score", "ready", "essentials_met",
/// "essentials", "explanation"?, "gaps"?, "credentials"?, "pay"?, "demand"?}],
/// "warnings": [...]}`: roles best first (ties by id), `explanation` (the
/// [`Contribution`](super::Contribution)s) and `gaps` (the [`Gaps`](super::Gaps)) only on
/// the roles they were asked for; `credentials` (the
/// [`CredentialCheck`](super::CredentialCheck)s: gates met and missing) and the role
/// facts `pay` and `demand` on the roles that have them.
///
/// ```
/// use skillgap::{Catalog, Level, Profile};
///
/// let catalog = Catalog::builtin();
/// let profile = Profile::new().with_skill("python", Level::ADVANCED);
/// let assessment = catalog.assess(&profile)?;
/// let json = serde_json::to_value(assessment.report().top(3).explain(1).gaps(1)).unwrap();
/// let roles = json["roles"].as_array().unwrap();
/// assert_eq!(roles.len(), 3);
/// assert!(roles[0]["explanation"].is_array() && roles[0]["gaps"].is_array());
/// assert!(roles[1].get("gaps").is_none());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Report<'a, 'c> {
    assessment: &'a Assessment<'c>,
    top: usize,
    explain: usize,
    gaps: usize,
}

impl<'c> Assessment<'c> {
    /// This assessment as data to serialize: every role, without explanations or gaps
    /// until asked for (see [`Report`]).
    pub fn report(&self) -> Report<'_, 'c> {
        Report {
            assessment: self,
            top: usize::MAX,
            explain: 0,
            gaps: 0,
        }
    }
}

impl Report<'_, '_> {
    /// Only the best `k` roles.
    pub fn top(mut self, k: usize) -> Self {
        self.top = k;
        self
    }

    /// Explanations for the best `k` roles.
    pub fn explain(mut self, k: usize) -> Self {
        self.explain = k;
        self
    }

    /// Gaps for the best `k` roles.
    pub fn gaps(mut self, k: usize) -> Self {
        self.gaps = k;
        self
    }
}

impl Serialize for Report<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let roles: Vec<Detailed<'_, '_>> = self
            .assessment
            .top(self.top)
            .into_iter()
            .enumerate()
            .map(|(i, score)| Detailed {
                report: self,
                score,
                explain: i < self.explain,
                gaps: i < self.gaps,
            })
            .collect();
        let mut s = serializer.serialize_struct("Assessment", 2)?;
        s.serialize_field("roles", &roles)?;
        s.serialize_field("warnings", self.assessment.warnings())?;
        s.end()
    }
}

/// One role of a report, with the detail asked for.
struct Detailed<'r, 'c> {
    report: &'r Report<'r, 'c>,
    score: RoleScore<'c>,
    explain: bool,
    gaps: bool,
}

impl Serialize for Detailed<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let assessment = self.report.assessment;
        let id = self.score.role().id();
        let mut m = serializer.serialize_map(None)?;
        score_entries(&mut m, &self.score)?;
        if self.explain {
            let parts = assessment.explain(id).map_err(S::Error::custom)?;
            m.serialize_entry("explanation", &parts)?;
        }
        if self.gaps {
            let gaps = assessment.gaps_for(&self.score).map_err(S::Error::custom)?;
            m.serialize_entry("gaps", &gaps)?;
        }
        let checks = assessment.credentials(id).map_err(S::Error::custom)?;
        if !checks.is_empty() {
            m.serialize_entry("credentials", &checks)?;
        }
        let role = self.score.role();
        if !role.pay().is_empty() {
            m.serialize_entry("pay", role.pay())?;
        }
        if !role.demand().is_empty() {
            m.serialize_entry("demand", role.demand())?;
        }
        m.end()
    }
}
