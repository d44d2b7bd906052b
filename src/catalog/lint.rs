//! Lints: what a catalog author may want to know that is not an error.

use std::fmt;

use serde::Serialize;

use crate::model::SkillId;

/// The most skill ids a lint's message lists (the lint keeps them all).
const LISTED: usize = 10;

/// Something in a valid catalog worth a look, found while validating it
/// ([`Catalog::lints`](crate::Catalog::lints)). Never an error: real taxonomies have
/// them by the hundred.
///
/// Serializes as `{"kind": "shared_label", "label", "named"?, "aliased": [ids]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lint {
    /// A label (ignoring case and spaces) that names several skills: the name or id of
    /// one at most, an alias of the others. Resolving it gives the skill whose name or
    /// id it is, with the others as candidates; when it is only an alias, resolving it is
    /// ambiguous and lists every skill that has it.
    SharedLabel {
        /// The label, as the first skill that has it writes it (clipped to 64
        /// characters).
        label: String,
        /// The skill whose id or name it is, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        named: Option<SkillId>,
        /// The skills that have it as an alias, by id.
        aliased: Vec<SkillId>,
    },
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lint::SharedLabel {
                label,
                named,
                aliased,
            } => {
                write!(f, "label `{label}` ")?;
                if let Some(named) = named {
                    write!(f, "names skill `{named}` and ")?;
                }
                write!(f, "is an alias of skill(s) ")?;
                for (i, id) in aliased.iter().take(LISTED).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "`{id}`")?;
                }
                if aliased.len() > LISTED {
                    write!(f, " and {} more", aliased.len() - LISTED)?;
                }
                match named {
                    Some(named) => write!(f, "; it resolves to `{named}`"),
                    None => f.write_str("; resolving it is ambiguous"),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_how_the_label_resolves() {
        let lint = Lint::SharedLabel {
            label: "SQL".into(),
            named: Some(SkillId::new("sql")),
            aliased: vec![SkillId::new("dbms")],
        };
        assert_eq!(
            lint.to_string(),
            "label `SQL` names skill `sql` and is an alias of skill(s) `dbms`; it resolves to `sql`"
        );
        let lint = Lint::SharedLabel {
            label: "advise customers".into(),
            named: None,
            aliased: (0..12).map(|i| SkillId::new(format!("s{i}"))).collect(),
        };
        let text = lint.to_string();
        assert!(
            text.ends_with("`s9` and 2 more; resolving it is ambiguous"),
            "{text}"
        );
    }
}
