//! Identifier newtypes for skills, roles and courses.

use std::borrow::Borrow;
use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an identifier. Catalog validation checks that it is not empty and
            /// has no surrounding or control characters.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The identifier as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_string())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                $name(id)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

id_type!(
    /// The identifier of a [`Skill`](crate::Skill), e.g. `deep-learning`.
    SkillId
);
id_type!(
    /// The identifier of a [`Role`](crate::Role), e.g. `core-ml-engineer`.
    RoleId
);
id_type!(
    /// The identifier of a [`Course`](crate::Course), e.g. `dl-intro`.
    CourseId
);
id_type!(
    /// The identifier of a [`Programme`](crate::model::Programme), e.g. `bsc-computer-science`.
    ProgrammeId
);

/// Why an identifier is not acceptable, or `None` when it is.
pub(crate) fn id_defect(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id.trim() != id {
        Some("has surrounding whitespace")
    } else if id.chars().any(char::is_control) {
        Some("contains control characters")
    } else if id.len() > crate::util::text::MAX_LABEL_BYTES {
        Some("is longer than 256 bytes")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_compare_with_strings_and_display_plainly() {
        let id = SkillId::new("python");
        assert_eq!(id, "python");
        assert_eq!(id.to_string(), "python");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"python\"");
    }

    #[test]
    fn defects_are_named() {
        assert_eq!(id_defect(""), Some("is empty"));
        assert_eq!(id_defect(" a"), Some("has surrounding whitespace"));
        assert_eq!(id_defect("a\u{7}"), Some("contains control characters"));
        assert_eq!(id_defect("ok-id"), None);
    }
}
