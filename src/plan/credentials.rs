//! Gates in plans: for each required credential the profile lacks, the programme that
//! confers it (or none), beside the courses; and ranking roles by pay gained per hour.

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::catalog::credentials::programme_for;
use crate::catalog::{Catalog, RoleAt};
use crate::model::{Credential, CredentialRequirement, PayPeriod, Programme, Role, Seniority};

/// A gate the profile does not meet, and the programme that confers it in the fewest
/// hours (ties by id), or `None` when no programme of the catalog confers it: the gate is
/// then reported, and the role cannot be made ready by the catalog.
///
/// Serialized as `{"requirement": text, "any_of": [credentials], "programme": {"id",
/// "title", "provider", "months", "hours", "cost"} or null}`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GateRoute<'c> {
    /// The required credential.
    pub requirement: &'c CredentialRequirement,
    /// The programme that confers it, if the catalog has one.
    pub programme: Option<&'c Programme>,
}

impl Serialize for GateRoute<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("GateRoute", 3)?;
        s.serialize_field("requirement", &self.requirement.to_string())?;
        s.serialize_field("any_of", self.requirement.any_of())?;
        s.serialize_field("programme", &self.programme.map(ProgrammeOut))?;
        s.end()
    }
}

/// A programme as a plan shows it.
struct ProgrammeOut<'c>(&'c Programme);

impl Serialize for ProgrammeOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut s = serializer.serialize_struct("Programme", 6)?;
        s.serialize_field("id", p.id())?;
        s.serialize_field("title", p.title())?;
        s.serialize_field("provider", p.provider())?;
        s.serialize_field("months", &p.months())?;
        s.serialize_field("hours", &p.hours())?;
        s.serialize_field("cost", &p.cost())?;
        s.end()
    }
}

/// `needs a bachelor's degree in …: BSc Computer Science, about 4 years (4800 h)`, or
/// `needs …: no programme in the catalog confers it`.
impl fmt::Display for GateRoute<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self
            .requirement
            .any_of()
            .first()
            .map_or("credential", Credential::kind);
        write!(f, "needs a {kind} ({})", self.requirement)?;
        match self.programme {
            Some(p) => write!(
                f,
                ": {}, about {} ({:.0} h)",
                p.title(),
                Duration(p.months()),
                p.hours()
            ),
            None => f.write_str(": no programme in the catalog confers it"),
        }
    }
}

/// A duration in months, as people say it: `4 years`, `18 months`, `1 year`.
pub(crate) struct Duration(pub f64);

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let months = self.0;
        let years = months / 12.0;
        if months >= 24.0 && (years - years.round()).abs() < 0.05 {
            write!(f, "{:.0} years", years.round())
        } else if months >= 24.0 {
            write!(f, "{years:.1} years")
        } else if (months - 12.0).abs() < 0.05 {
            f.write_str("1 year")
        } else {
            write!(f, "{months:.0} months")
        }
    }
}

impl fmt::Debug for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The gates of role `role` that `held` does not meet, each with its programme.
pub(crate) fn gate_routes<'c>(
    catalog: &'c Catalog,
    role: RoleAt,
    held: &[Credential],
) -> Vec<GateRoute<'c>> {
    catalog
        .credential_index()
        .of(role)
        .iter()
        .filter(|c| c.is_gate() && c.met_by(held).is_none())
        .map(|requirement| GateRoute {
            requirement,
            programme: programme_for(catalog.programmes(), requirement),
        })
        .collect()
}

/// Hours and months of the programmes of `routes` (taken one after another), or `None`
/// when a gate has no programme.
pub(crate) fn programme_time(routes: &[GateRoute<'_>]) -> Option<(f64, f64)> {
    routes.iter().try_fold((0.0, 0.0), |(h, m), g| {
        g.programme.map(|p| (h + p.hours(), m + p.months()))
    })
}

/// How [`Planner::hours_to_ready_by`](super::Planner::hours_to_ready_by) orders roles.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub enum ReadyRank {
    /// Fewest hours to ready first (courses and programmes); the default.
    #[default]
    Hours,
    /// Most pay gained per hour of study first: `(pay − current) / max(1, hours)`, with
    /// `pay` the role's typical yearly pay in `region` and `currency` (the mean of its
    /// [`Seniority::Median`] yearly figures there, those of no particular employer when
    /// there are any, else all of them) and `hours` the hours to ready. Roles without
    /// such a figure, or that cannot be made ready, come after, by hours.
    PayPerHour {
        /// The region of the pay figures, e.g. `United States` (ignoring case).
        region: String,
        /// Their currency, e.g. `USD`.
        currency: String,
        /// The learner's current yearly pay in that currency (0 when none).
        current: f64,
    },
}

/// A role's typical yearly pay in `region` and `currency`, as [`ReadyRank::PayPerHour`]
/// reads it.
pub fn typical_pay(role: &Role, region: &str, currency: &str) -> Option<f64> {
    let figures: Vec<_> = role
        .pay()
        .iter()
        .filter(|p| {
            p.region().eq_ignore_ascii_case(region)
                && p.currency() == currency
                && p.period() == PayPeriod::Year
                && p.seniority() == Seniority::Median
        })
        .collect();
    let general: Vec<f64> = figures
        .iter()
        .filter(|p| p.employer().is_none())
        .map(|p| p.typical())
        .collect();
    let chosen: Vec<f64> = if general.is_empty() {
        figures.iter().map(|p| p.typical()).collect()
    } else {
        general
    };
    (!chosen.is_empty()).then(|| chosen.iter().sum::<f64>() / chosen.len() as f64)
}
