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
                value: crate::text::clip(s, 64),
            }),
        }
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
