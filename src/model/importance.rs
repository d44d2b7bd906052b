//! How much a role needs a requirement: essential, important or optional.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How much a role needs one of its requirements.
///
/// The scoring [`Policy`](crate::Policy) turns importance into a weight; the defaults are
/// 1.0, 0.6 and 0.3. A role is *ready* when all its essential requirements are met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Importance {
    /// Nice to have.
    Optional,
    /// Expected, but the role can be done without it at first.
    Important,
    /// The role cannot be done without it.
    Essential,
}

impl Importance {
    /// All importances, from least to most.
    pub const ALL: [Importance; 3] = [
        Importance::Optional,
        Importance::Important,
        Importance::Essential,
    ];

    /// The lowercase name used in documents.
    pub const fn name(self) -> &'static str {
        match self {
            Importance::Optional => "optional",
            Importance::Important => "important",
            Importance::Essential => "essential",
        }
    }

    pub(crate) const fn index(self) -> usize {
        match self {
            Importance::Optional => 0,
            Importance::Important => 1,
            Importance::Essential => 2,
        }
    }
}

impl fmt::Display for Importance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Importance {
    type Err = Error;

    fn from_str(s: &str) -> Result<Importance> {
        match s.trim().to_lowercase().as_str() {
            "essential" | "required" | "must" | "critical" => Ok(Importance::Essential),
            "important" | "should" | "preferred" => Ok(Importance::Important),
            "optional" | "nice-to-have" | "nice to have" | "could" => Ok(Importance::Optional),
            _ => Err(Error::InvalidImportance {
                value: crate::util::text::clip(s, 64),
            }),
        }
    }
}

/// Weights of the three importances. Defaults: essential 1.0, important 0.6, optional 0.3.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Weights {
    /// Weight of essential requirements (default 1.0).
    pub essential: f64,
    /// Weight of important requirements (default 0.6).
    pub important: f64,
    /// Weight of optional requirements (default 0.3).
    pub optional: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            essential: 1.0,
            important: 0.6,
            optional: 0.3,
        }
    }
}

impl Weights {
    /// Weights of essential, important and optional requirements.
    pub fn new(essential: f64, important: f64, optional: f64) -> Self {
        Weights {
            essential,
            important,
            optional,
        }
    }

    /// The weight of `importance`.
    pub fn of(&self, importance: Importance) -> f64 {
        match importance {
            Importance::Essential => self.essential,
            Importance::Important => self.important,
            Importance::Optional => self.optional,
        }
    }

    /// The weight of a requirement: its explicit weight, else that of its importance.
    pub(crate) fn of_requirement(&self, explicit: Option<f64>, importance: Importance) -> f64 {
        explicit.unwrap_or_else(|| self.of(importance))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_from_optional_to_essential() {
        assert!(Importance::Essential > Importance::Important);
        assert!(Importance::Important > Importance::Optional);
        assert_eq!(
            "Essential".parse::<Importance>().unwrap(),
            Importance::Essential
        );
        assert!("vital-ish".parse::<Importance>().is_err());
    }
}
