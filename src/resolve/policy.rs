//! The resolution policy: when a match is accepted, when it is too close to call, and
//! the limits on what is looked up.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::util::text::MAX_LABEL_BYTES;

/// Thresholds and limits of skill resolution.
///
/// Start from [`ResolvePolicy::default`] and change fields (the struct is
/// `#[non_exhaustive]`: fields may be added, so it cannot be built with a struct literal).
/// It serializes with the field names below; missing fields take their defaults. Confidences
/// are in `0..=1` (see [`Resolver`](crate::resolve::Resolver) for how they are computed).
///
/// | field | default | meaning |
/// |---|---|---|
/// | `accept` | 0.80 | the best candidate must reach this to resolve |
/// | `margin` | 0.04 | another skill within this of the best makes the answer ambiguous |
/// | `suggest` | 0.50 | candidates below this are not offered as suggestions |
/// | `max_candidates` | 5 | candidates returned at most |
/// | `max_query_bytes` | 256 | longer queries are not looked up (status unknown) |
/// | `acronyms` | `true` | match initialisms generated from multi-word labels |
/// | `fuzzy` | `true` | match typos and partial labels; `false`: normalised-exact only |
///
/// ```
/// use skillgap::Catalog;
/// use skillgap::resolve::{ResolvePolicy, Status};
///
/// let mut policy = ResolvePolicy::default();
/// policy.fuzzy = false;
/// let strict = Catalog::builtin().resolver().clone().with_policy(policy)?;
/// assert_eq!(strict.resolve("Scikit_Learn").status(), Status::Resolved);
/// assert_eq!(strict.resolve("machine lerning").status(), Status::Unknown);
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct ResolvePolicy {
    /// Lowest confidence of a resolved skill.
    pub accept: f64,
    /// When another skill's confidence is within `margin` of the best one, the answer
    /// is [`Status::Ambiguous`](crate::resolve::Status::Ambiguous).
    pub margin: f64,
    /// Lowest confidence of a candidate offered as a suggestion.
    pub suggest: f64,
    /// The most candidates a resolution lists.
    pub max_candidates: usize,
    /// Longest query looked up, in bytes after trimming surrounding space; at most 4096.
    pub max_query_bytes: usize,
    /// Whether generated acronyms (`NLP` for natural language processing) match.
    pub acronyms: bool,
    /// Whether typos and partial labels match (fuzzy scoring).
    pub fuzzy: bool,
}

impl Default for ResolvePolicy {
    fn default() -> Self {
        ResolvePolicy {
            accept: 0.80,
            margin: 0.04,
            suggest: 0.50,
            max_candidates: 5,
            max_query_bytes: MAX_LABEL_BYTES,
            acronyms: true,
            fuzzy: true,
        }
    }
}

/// The hard cap on `max_query_bytes`: fuzzy work per query stays bounded.
const QUERY_BYTES_CAP: usize = 4096;

impl ResolvePolicy {
    /// Checks that every value is in its domain.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`] naming the first field out of its domain: `accept`,
    /// `margin` and `suggest` in `0..=1` with `suggest <= accept`, `max_candidates` at
    /// least 1, `max_query_bytes` in `1..=4096`.
    pub fn validate(&self) -> Result<()> {
        for (field, value) in [
            ("accept", self.accept),
            ("margin", self.margin),
            ("suggest", self.suggest),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(Error::InvalidPolicy {
                    field,
                    value,
                    expected: "a number in 0..=1",
                });
            }
        }
        if self.suggest > self.accept {
            return Err(Error::InvalidPolicy {
                field: "suggest",
                value: self.suggest,
                expected: "a number <= accept",
            });
        }
        if self.max_candidates == 0 {
            return Err(Error::InvalidPolicy {
                field: "max_candidates",
                value: 0.0,
                expected: "at least 1",
            });
        }
        if !(1..=QUERY_BYTES_CAP).contains(&self.max_query_bytes) {
            return Err(Error::InvalidPolicy {
                field: "max_query_bytes",
                value: self.max_query_bytes as f64,
                expected: "a number in 1..=4096",
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid_and_bad_values_are_named() {
        assert!(ResolvePolicy::default().validate().is_ok());
        let p = ResolvePolicy {
            accept: 1.5,
            ..ResolvePolicy::default()
        };
        assert!(p.validate().unwrap_err().to_string().contains("`accept`"));
        let p = ResolvePolicy {
            suggest: 0.9,
            ..ResolvePolicy::default()
        };
        assert!(p.validate().unwrap_err().to_string().contains("`suggest`"));
        let p = ResolvePolicy {
            max_query_bytes: 1 << 20,
            ..ResolvePolicy::default()
        };
        assert!(p.validate().is_err());
    }
}
