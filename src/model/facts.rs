//! Role facts: pay and demand, each with its source and year. Scoring never reads them.

use serde::{Deserialize, Serialize};

/// Which pay a figure is: at entry level, typical (a median or an average, as the source
/// gives it), or senior.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Seniority {
    /// Entry level.
    Entry,
    /// Typical pay across levels: a median or an average, as the source gives it.
    #[default]
    Median,
    /// Senior level.
    Senior,
}

/// The period a pay figure is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PayPeriod {
    /// A year (the default).
    #[default]
    Year,
    /// A month.
    Month,
    /// An hour.
    Hour,
}

impl PayPeriod {
    /// `year`, `month` or `hour`.
    pub const fn name(self) -> &'static str {
        match self {
            PayPeriod::Year => "year",
            PayPeriod::Month => "month",
            PayPeriod::Hour => "hour",
        }
    }
}

/// What a role pays in a region (and, optionally, at one employer): an amount or a range,
/// in a currency, for a period and a seniority, with its source and year.
///
/// ```
/// use skillgap::model::{Pay, Seniority};
///
/// let pay = Pay::range("India", "INR", 1_011_000.0, 1_528_000.0, "an article", 2021)
///     .with_employer("Accenture");
/// assert_eq!(pay.typical(), 1_269_500.0);
/// assert_eq!(pay.seniority(), Seniority::Median);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pay {
    region: String,
    currency: String,
    #[serde(default)]
    period: PayPeriod,
    #[serde(default)]
    seniority: Seniority,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    employer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    range: Option<[f64; 2]>,
    source: String,
    year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Pay {
    /// One amount a year, typical seniority.
    pub fn amount(
        region: impl Into<String>,
        currency: impl Into<String>,
        amount: f64,
        source: impl Into<String>,
        year: i32,
    ) -> Pay {
        Pay::new(region, currency, Some(amount), None, source, year)
    }

    /// A range a year, typical seniority.
    pub fn range(
        region: impl Into<String>,
        currency: impl Into<String>,
        low: f64,
        high: f64,
        source: impl Into<String>,
        year: i32,
    ) -> Pay {
        Pay::new(region, currency, None, Some([low, high]), source, year)
    }

    fn new(
        region: impl Into<String>,
        currency: impl Into<String>,
        amount: Option<f64>,
        range: Option<[f64; 2]>,
        source: impl Into<String>,
        year: i32,
    ) -> Pay {
        Pay {
            region: region.into(),
            currency: currency.into(),
            period: PayPeriod::Year,
            seniority: Seniority::Median,
            employer: None,
            amount,
            range,
            source: source.into(),
            year,
            note: None,
        }
    }

    /// Sets the seniority.
    pub fn with_seniority(mut self, seniority: Seniority) -> Pay {
        self.seniority = seniority;
        self
    }

    /// Sets the period.
    pub fn with_period(mut self, period: PayPeriod) -> Pay {
        self.period = period;
        self
    }

    /// Sets the employer the figure is for.
    pub fn with_employer(mut self, employer: impl Into<String>) -> Pay {
        self.employer = Some(employer.into());
        self
    }

    /// Sets a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Pay {
        self.note = Some(note.into());
        self
    }

    /// The region (a country, usually).
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The currency (ISO 4217).
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The period.
    pub fn period(&self) -> PayPeriod {
        self.period
    }

    /// The seniority.
    pub fn seniority(&self) -> Seniority {
        self.seniority
    }

    /// The employer, when the figure is for one.
    pub fn employer(&self) -> Option<&str> {
        self.employer.as_deref()
    }

    /// The amount, when one is given.
    pub fn single(&self) -> Option<f64> {
        self.amount
    }

    /// The range, when one is given.
    pub fn bounds(&self) -> Option<[f64; 2]> {
        self.range
    }

    /// The amount, or the middle of the range.
    pub fn typical(&self) -> f64 {
        match (self.amount, self.range) {
            (Some(a), _) => a,
            (None, Some([low, high])) => (low + high) / 2.0,
            (None, None) => 0.0,
        }
    }

    /// The source.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The year of the source.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The note.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// Demand for a role, or its growth: the source's words, optionally a growth factor
/// over a period, with its source and year.
///
/// `factor` is demand at the end of the period over demand at its start: a "ten-fold
/// increase" is 10, "grow by 11%" is 1.11.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    factor: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    source: String,
    year: i32,
}

impl Demand {
    /// Demand as the source words it.
    pub fn new(text: impl Into<String>, source: impl Into<String>, year: i32) -> Demand {
        Demand {
            text: text.into(),
            factor: None,
            period: None,
            region: None,
            source: source.into(),
            year,
        }
    }

    /// Sets the growth factor over a period (e.g. `2012-2017`).
    pub fn with_factor(mut self, factor: f64, period: impl Into<String>) -> Demand {
        self.factor = Some(factor);
        self.period = Some(period.into());
        self
    }

    /// Sets the region.
    pub fn with_region(mut self, region: impl Into<String>) -> Demand {
        self.region = Some(region.into());
        self
    }

    /// The source's words.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Demand at the end of the period over demand at its start.
    pub fn factor(&self) -> Option<f64> {
        self.factor
    }

    /// The period of the factor.
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// The region.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The source.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The year of the source.
    pub fn year(&self) -> i32 {
        self.year
    }
}
