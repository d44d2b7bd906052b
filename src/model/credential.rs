//! Credentials: the degrees, certifications and licences a role may ask for and a person
//! may hold, and a role's credential requirement (a gate, or a preference).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The level of a degree, from associate to doctorate. A higher degree satisfies a
/// requirement for a lower one in the same field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DegreeLevel {
    /// An associate degree (two years).
    Associate,
    /// A bachelor's degree.
    Bachelor,
    /// A master's degree.
    Master,
    /// A doctorate (Ph.D.).
    Doctorate,
}

impl DegreeLevel {
    /// The name used in text: `associate`, `bachelor's`, `master's`, `doctorate`.
    pub const fn name(self) -> &'static str {
        match self {
            DegreeLevel::Associate => "associate",
            DegreeLevel::Bachelor => "bachelor's",
            DegreeLevel::Master => "master's",
            DegreeLevel::Doctorate => "doctorate",
        }
    }
}

/// A credential: a degree (a level, and the fields it is in), a certification or a
/// licence (each by name).
///
/// Serialized with a `kind` tag: `{"kind": "degree", "level": "bachelor", "fields":
/// ["computer science"]}`, `{"kind": "certification", "name": "…"}`, `{"kind":
/// "licence", "name": "…"}`.
///
/// ```
/// use skillgap::model::{Credential, DegreeLevel};
///
/// let held = Credential::degree(DegreeLevel::Master, ["Computer Science"]);
/// assert_eq!(held.to_string(), "master's degree in Computer Science");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Credential {
    /// A degree. Held, `fields` are what it is in; asked for, the fields accepted (empty:
    /// any field).
    Degree {
        /// The level.
        level: DegreeLevel,
        /// The fields, as written (matched ignoring case and spacing).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        fields: Vec<String>,
    },
    /// A certification, by name (matched ignoring case and spacing).
    Certification {
        /// The certification's name.
        name: String,
    },
    /// A licence, by name (matched ignoring case and spacing).
    Licence {
        /// The licence's name.
        name: String,
    },
}

impl Credential {
    /// A degree at `level` in `fields` (none: any field).
    pub fn degree<S: Into<String>>(
        level: DegreeLevel,
        fields: impl IntoIterator<Item = S>,
    ) -> Credential {
        Credential::Degree {
            level,
            fields: fields.into_iter().map(Into::into).collect(),
        }
    }

    /// A certification by name.
    pub fn certification(name: impl Into<String>) -> Credential {
        Credential::Certification { name: name.into() }
    }

    /// A licence by name.
    pub fn licence(name: impl Into<String>) -> Credential {
        Credential::Licence { name: name.into() }
    }

    /// `degree`, `certification` or `licence`.
    pub const fn kind(&self) -> &'static str {
        match self {
            Credential::Degree { .. } => "degree",
            Credential::Certification { .. } => "certification",
            Credential::Licence { .. } => "licence",
        }
    }

    /// Whether this credential, held, satisfies `wanted`, one alternative of a
    /// requirement, with `related` the requirement's related fields. The rule:
    ///
    /// - a degree satisfies a degree of the same or a lower level whose fields are empty
    ///   (any field), or include one of its fields, or whose requirement's
    ///   `related_fields` include one of them;
    /// - a certification satisfies the certification of the same name, a licence the
    ///   licence of the same name.
    ///
    /// Names and fields compare ignoring case and runs of spaces.
    pub fn satisfies(&self, wanted: &Credential, related: &[String]) -> bool {
        match (self, wanted) {
            (
                Credential::Degree { level, fields },
                Credential::Degree {
                    level: need,
                    fields: accepted,
                },
            ) => {
                level >= need
                    && (accepted.is_empty()
                        || fields
                            .iter()
                            .any(|f| accepted.iter().chain(related).any(|a| same_name(a, f))))
            }
            (Credential::Certification { name: a }, Credential::Certification { name: b })
            | (Credential::Licence { name: a }, Credential::Licence { name: b }) => same_name(a, b),
            _ => false,
        }
    }

    /// The texts of the credential a catalog validates: its fields, or its name.
    pub(crate) fn labels(&self) -> impl Iterator<Item = (String, &str)> {
        let (field, list): (&str, Vec<&str>) = match self {
            Credential::Degree { fields, .. } => {
                ("fields", fields.iter().map(String::as_str).collect())
            }
            Credential::Certification { name } | Credential::Licence { name } => {
                ("name", vec![name.as_str()])
            }
        };
        let many = matches!(self, Credential::Degree { .. });
        list.into_iter().enumerate().map(move |(i, text)| {
            let at = if many {
                format!("{field}[{i}]")
            } else {
                field.to_string()
            };
            (at, text)
        })
    }
}

/// Whether two names are the same ignoring case and runs of whitespace.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

impl fmt::Display for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Degree { level, fields } if fields.is_empty() => {
                write!(f, "{} degree", level.name())
            }
            Credential::Degree { level, fields } => {
                write!(f, "{} degree in {}", level.name(), Either(fields))
            }
            Credential::Certification { name } => write!(f, "certification {name}"),
            Credential::Licence { name } => write!(f, "licence {name}"),
        }
    }
}

/// `a`, `a or b`, `a, b or c`.
struct Either<'a, T>(&'a [T]);

impl<T: fmt::Display> fmt::Display for Either<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.0.iter().enumerate() {
            match i {
                0 => {}
                i if i + 1 == self.0.len() => f.write_str(" or ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "{item}")?;
        }
        Ok(())
    }
}

/// Whether a role cannot do without a credential or only prefers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum CredentialNeed {
    /// A gate: the role is not ready without it, whatever the score. It does not count
    /// in the score.
    Required,
    /// Weighted into the score like an optional requirement (its weight, else the
    /// policy's optional weight); never a gate.
    Preferred,
}

/// A role's credential requirement: alternatives (any one satisfies), required (a gate)
/// or preferred (weighted into the score).
///
/// "A bachelor's degree in computer science, mathematics, statistics or a related field"
/// is one degree alternative with the fields the source names, and `related_fields`: the
/// fields the catalog counts as related, written out (a held degree in one of them
/// satisfies the requirement too). A held degree satisfies an alternative by
/// [`Credential::satisfies`].
///
/// ```
/// use skillgap::model::{Credential, CredentialRequirement, DegreeLevel};
///
/// let gate = CredentialRequirement::required(Credential::degree(
///     DegreeLevel::Bachelor,
///     ["computer science", "mathematics"],
/// ))
/// .with_related_field("physics");
/// let held = [Credential::degree(DegreeLevel::Master, ["Physics"])];
/// assert!(gate.met_by(&held).is_some());
/// assert!(gate.met_by(&[Credential::degree(DegreeLevel::Bachelor, ["history"])]).is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CredentialRequirement {
    any_of: Vec<Credential>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related_fields: Vec<String>,
    need: CredentialNeed,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
}

impl CredentialRequirement {
    /// A gate: `credential` (or an alternative added later) is required.
    pub fn required(credential: Credential) -> Self {
        CredentialRequirement::new(credential, CredentialNeed::Required)
    }

    /// A preference, weighted like an optional requirement.
    pub fn preferred(credential: Credential) -> Self {
        CredentialRequirement::new(credential, CredentialNeed::Preferred)
    }

    fn new(credential: Credential, need: CredentialNeed) -> Self {
        CredentialRequirement {
            any_of: vec![credential],
            related_fields: Vec::new(),
            need,
            weight: None,
            note: None,
            source: None,
            year: None,
        }
    }

    /// Adds an alternative: any one of the alternatives satisfies the requirement.
    pub fn or(mut self, credential: Credential) -> Self {
        self.any_of.push(credential);
        self
    }

    /// Adds a field counted as related: a degree in it satisfies the degree alternatives
    /// that list fields.
    pub fn with_related_field(mut self, field: impl Into<String>) -> Self {
        self.related_fields.push(field.into());
        self
    }

    /// Sets the weight of a preferred credential (default: the policy's optional weight).
    pub fn with_weight(mut self, weight: f64) -> Self {
        self.weight = Some(weight);
        self
    }

    /// Sets a note, e.g. the source's words.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Sets the source and its year.
    pub fn with_source(mut self, source: impl Into<String>, year: i32) -> Self {
        self.source = Some(source.into());
        self.year = Some(year);
        self
    }

    /// The alternatives; any one satisfies the requirement.
    pub fn any_of(&self) -> &[Credential] {
        &self.any_of
    }

    /// The fields counted as related, for degree alternatives that list fields.
    pub fn related_fields(&self) -> &[String] {
        &self.related_fields
    }

    /// Required (a gate) or preferred.
    pub fn need(&self) -> CredentialNeed {
        self.need
    }

    /// Whether it is a gate.
    pub fn is_gate(&self) -> bool {
        self.need == CredentialNeed::Required
    }

    /// The explicit weight, if any.
    pub fn weight(&self) -> Option<f64> {
        self.weight
    }

    /// The note.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The source, if stated.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The year of the source, if stated.
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    /// The first of `held` that satisfies an alternative, if any.
    pub fn met_by<'h>(&self, held: &'h [Credential]) -> Option<&'h Credential> {
        held.iter().find(|h| {
            self.any_of
                .iter()
                .any(|want| h.satisfies(want, &self.related_fields))
        })
    }

    /// Whether `credential` satisfies the requirement.
    pub fn accepts(&self, credential: &Credential) -> bool {
        self.met_by(std::slice::from_ref(credential)).is_some()
    }
}

/// `bachelor's degree in computer science or mathematics (or a related field: physics)`.
impl fmt::Display for CredentialRequirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Either(&self.any_of))?;
        if !self.related_fields.is_empty() {
            write!(
                f,
                " (or a related field: {})",
                self.related_fields.join(", ")
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_higher_degree_satisfies_a_lower_one_in_the_same_field_only() {
        let want = Credential::degree(DegreeLevel::Bachelor, ["Computer  Science"]);
        let phd = Credential::degree(DegreeLevel::Doctorate, ["computer science"]);
        assert!(phd.satisfies(&want, &[]));
        let associate = Credential::degree(DegreeLevel::Associate, ["computer science"]);
        assert!(!associate.satisfies(&want, &[]));
        let other = Credential::degree(DegreeLevel::Master, ["biology"]);
        assert!(!other.satisfies(&want, &[]));
        assert!(other.satisfies(&want, &["Biology".to_string()]));
        let any = Credential::degree(DegreeLevel::Bachelor, Vec::<String>::new());
        assert!(other.satisfies(&any, &[]));
        assert!(!Credential::certification("x").satisfies(&Credential::licence("x"), &[]));
    }
}
