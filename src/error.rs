//! The crate's error type, validation problems and warnings.

use std::fmt;

use crate::model::Level;
use crate::model::SkillId;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in skillgap.
///
/// Messages are lowercase, name the offending value, and suggest a fix where one is likely.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A catalog failed validation; every problem found is listed (the message shows the
    /// first 100).
    #[error("invalid catalog: {}", ProblemList(.problems))]
    InvalidCatalog {
        /// Every problem found, in document order.
        problems: Vec<Problem>,
    },
    /// A profile failed validation; every problem found is listed.
    #[error("invalid profile: {}", ProblemList(.problems))]
    InvalidProfile {
        /// Every problem found, in document order.
        problems: Vec<Problem>,
    },
    /// A document is not valid JSON, or does not have the expected shape (an unknown
    /// field, a missing one, a value of the wrong type).
    #[error("{document} is not a valid JSON document: {message} (line {line}, column {column})")]
    Json {
        /// `catalog` or `profile`.
        document: &'static str,
        /// What the parser found wrong, clipped to 200 characters.
        message: String,
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
    },
    /// A document is not valid TOML, or does not have the expected shape.
    #[cfg(feature = "toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
    #[error("{document} is not a valid TOML document: {message}{}", Place(*.line, *.column))]
    Toml {
        /// `catalog` or `profile`.
        document: &'static str,
        /// What the parser found wrong, clipped to 200 characters.
        message: String,
        /// The line of the problem, from 1, when the parser says where.
        line: Option<usize>,
        /// The column of the problem, from 1, when the parser says where.
        column: Option<usize>,
    },
    /// A document could not be written as TOML.
    #[cfg(feature = "toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
    #[error("cannot write {document} as TOML: {message}")]
    TomlWrite {
        /// `catalog` or `profile`.
        document: &'static str,
        /// What the serializer found wrong, clipped to 200 characters.
        message: String,
    },
    /// A document declares a format this version does not read.
    #[error("{document} has format `{found}`, expected `{expected}`")]
    UnsupportedFormat {
        /// `catalog` or `profile`.
        document: &'static str,
        /// The declared format.
        found: String,
        /// The format this version reads.
        expected: &'static str,
    },
    /// A level is not 0..=5 or a known level word.
    #[error("invalid level `{value}`: {reason}")]
    InvalidLevel {
        /// The value as given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An importance is not essential, important or optional.
    #[error("invalid importance `{value}`: expected essential, important or optional")]
    InvalidImportance {
        /// The value as given.
        value: String,
    },
    /// A role id that the catalog does not have.
    #[error("unknown role `{role}`{}", Suggest(.suggestion))]
    UnknownRole {
        /// The id as given.
        role: String,
        /// The closest role id, if one is close.
        suggestion: Option<String>,
    },
    /// A skill name that the catalog does not have.
    #[error("unknown skill `{skill}`{}", Suggest(.suggestion))]
    UnknownSkill {
        /// The name as given.
        skill: String,
        /// The closest skill id, if one is close.
        suggestion: Option<String>,
    },
    /// Strict mode: profile skills that do not resolve to one catalog skill each.
    #[error("{} profile skill(s) do not resolve: {}", .unresolved.len(), WarningList(.unresolved))]
    UnresolvedSkills {
        /// One warning per unresolved name.
        unresolved: Vec<Warning>,
    },
    /// An argument is out of its domain.
    #[error("invalid argument `{name}`: {value}, expected {expected}")]
    InvalidArgument {
        /// The argument's name.
        name: &'static str,
        /// The value given.
        value: String,
        /// The domain.
        expected: &'static str,
    },
    /// An input is larger than the limit set for it.
    #[error("{what} is too large: {found} {unit}, at most {limit}")]
    TooLarge {
        /// What was too large, e.g. `profile text`.
        what: &'static str,
        /// Its size, at least (counting stops past the limit).
        found: usize,
        /// The limit.
        limit: usize,
        /// `bytes` or `items`.
        unit: &'static str,
    },
    /// Text is not valid UTF-8.
    #[error("{what} is not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// What was read, e.g. `profile text`.
        what: &'static str,
        /// The byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Strict mode: items of a free-text profile that did not resolve to one skill, or
    /// whose level was not understood.
    #[error("{} profile text item(s) need attention: {}", .warnings.len(), WarningList(.warnings))]
    UnclearProfile {
        /// One warning per item.
        warnings: Vec<Warning>,
    },
    /// A taxonomy release (ESCO, O*NET) could not be read: a required file is missing or
    /// unreadable, or too large.
    #[error("{file}: {reason}")]
    ImportFile {
        /// The file (or directory) concerned.
        file: String,
        /// What is wrong, with what to do about it.
        reason: String,
    },
    /// A row of a taxonomy release breaks what its format guarantees (a missing column, an
    /// empty id, a value out of its scale, malformed quoting).
    #[error("{file}, line {line}: {reason}")]
    ImportRow {
        /// The file's name.
        file: String,
        /// The line the row starts on (1-based; the header is line 1).
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A scoring or planning policy value is out of its domain.
    #[error("invalid policy: `{field}` is {value}, expected {expected}")]
    InvalidPolicy {
        /// The field's name.
        field: &'static str,
        /// The value given.
        value: f64,
        /// The domain.
        expected: &'static str,
    },
}

/// The kind of item a [`Location`] points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ItemKind {
    /// A catalog skill.
    Skill,
    /// A catalog role.
    Role,
    /// A catalog course.
    Course,
    /// A catalog programme.
    Programme,
    /// An entry of a profile.
    ProfileSkill,
    /// A credential a profile holds.
    ProfileCredential,
}

impl ItemKind {
    /// The lowercase name used in messages.
    pub const fn name(self) -> &'static str {
        match self {
            ItemKind::Skill => "skill",
            ItemKind::Role => "role",
            ItemKind::Course => "course",
            ItemKind::Programme => "programme",
            ItemKind::ProfileSkill => "profile skill",
            ItemKind::ProfileCredential => "profile credential",
        }
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a problem is: the item (kind, id and position in its list) and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// The kind of item.
    pub kind: ItemKind,
    /// The item's position in its list, from 0.
    pub index: usize,
    /// The item's id (or, for a profile entry, its skill name), clipped for display.
    pub id: String,
    /// The field, as a path inside the item, e.g. `requirements[2].skill`.
    pub field: String,
}

impl Location {
    /// A location; `id` is clipped to 64 characters for display.
    pub fn new(kind: ItemKind, index: usize, id: &str, field: impl Into<String>) -> Self {
        Location {
            kind,
            index,
            id: crate::util::text::clip(id, 64),
            field: field.into(),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} `{}` (#{}), `{}`",
            self.kind, self.id, self.index, self.field
        )
    }
}

/// One problem found while validating a catalog or profile.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// Two items of one kind share an id.
    #[error("{at}: duplicate id `{id}`, first used by {kind} #{first}", kind = .at.kind)]
    DuplicateId {
        /// The later item.
        at: Location,
        /// The shared id.
        id: String,
        /// Position of the first item with this id.
        first: usize,
    },
    /// An id is empty, has surrounding whitespace or control characters, or is too long.
    #[error("{at}: invalid id `{id}`: {reason}")]
    InvalidId {
        /// The item.
        at: Location,
        /// The id as given.
        id: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A name or alias is empty or too long.
    #[error("{at}: invalid label `{label}`: {reason}")]
    InvalidLabel {
        /// The field.
        at: Location,
        /// The label as given.
        label: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An id or name of one skill is also the id or name of another skill. (A label
    /// shared otherwise, as an alias, is a [`Lint`](crate::catalog::Lint), not a
    /// problem.)
    #[error("{at}: label `{label}` is also the id or name of skill `{other}`; rename one of them")]
    DuplicateLabel {
        /// The later label.
        at: Location,
        /// The label.
        label: String,
        /// The skill that has it first.
        other: SkillId,
    },
    /// A reference to a skill the catalog does not define.
    #[error("{at}: unknown skill `{skill}`{}", Suggest(.suggestion))]
    UnknownSkill {
        /// The reference.
        at: Location,
        /// The id referenced.
        skill: String,
        /// The closest skill id, if one is close.
        suggestion: Option<String>,
    },
    /// A reference to a role the catalog does not define.
    #[error("{at}: unknown role `{role}`{}", Suggest(.suggestion))]
    UnknownRole {
        /// The reference.
        at: Location,
        /// The id referenced.
        role: String,
        /// The closest role id, if one is close.
        suggestion: Option<String>,
    },
    /// A level out of range or not a level word.
    #[error("{at}: invalid level `{value}`: {reason}")]
    InvalidLevel {
        /// The field.
        at: Location,
        /// The value as given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A negative, non-finite or out-of-domain number (hours, cost, weight, transfer).
    #[error("{at}: invalid value {value}: expected {expected}")]
    InvalidNumber {
        /// The field.
        at: Location,
        /// The value as given.
        value: f64,
        /// The domain.
        expected: &'static str,
    },
    /// Skill prerequisites form a cycle; the path starts and ends at the same skill.
    #[error("skill prerequisites form a cycle: {}", Path(.path))]
    SkillCycle {
        /// The cycle, e.g. `[a, b, c, a]`.
        path: Vec<String>,
    },
    /// Role `extends` form a cycle; the path starts and ends at the same role.
    #[error("roles extend each other in a cycle: {}", Path(.path))]
    RoleCycle {
        /// The cycle, e.g. `[a, b, a]`.
        path: Vec<String>,
    },
    /// A role has no requirements, neither its own nor inherited.
    #[error("{at}: role has no requirements, neither its own nor inherited through `extends`")]
    EmptyRole {
        /// The role.
        at: Location,
    },
    /// A value out of its domain: a currency that is not an ISO 4217 code, a year out of
    /// range, a range whose bounds are reversed, a weight on a required credential.
    #[error("{at}: invalid value `{value}`: expected {expected}")]
    InvalidValue {
        /// The field.
        at: Location,
        /// The value as given (clipped).
        value: String,
        /// The domain, and how to fix it.
        expected: &'static str,
    },
    /// A field the format requires is empty: a course's provider or what it teaches.
    #[error("{at}: empty; {expected}")]
    Empty {
        /// The field.
        at: Location,
        /// What the field must hold.
        expected: &'static str,
    },
}

impl Problem {
    /// Where the problem is, when it concerns one item (cycles span several).
    pub fn location(&self) -> Option<&Location> {
        match self {
            Problem::DuplicateId { at, .. }
            | Problem::InvalidId { at, .. }
            | Problem::InvalidLabel { at, .. }
            | Problem::DuplicateLabel { at, .. }
            | Problem::UnknownSkill { at, .. }
            | Problem::UnknownRole { at, .. }
            | Problem::InvalidLevel { at, .. }
            | Problem::InvalidNumber { at, .. }
            | Problem::InvalidValue { at, .. }
            | Problem::EmptyRole { at }
            | Problem::Empty { at, .. } => Some(at),
            Problem::SkillCycle { .. } | Problem::RoleCycle { .. } => None,
        }
    }
}

/// Something the caller should know that did not stop the work.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// A profile skill name resolves to no catalog skill; it was left out of scoring.
    UnresolvedSkill {
        /// The name as given (clipped).
        name: String,
        /// The closest catalog skills, best first.
        suggestions: Vec<SkillId>,
    },
    /// Several profile entries resolve to one skill; the highest level was kept.
    DuplicateSkill {
        /// The later name.
        name: String,
        /// The skill both resolve to.
        skill: SkillId,
    },
    /// A profile skill name could be any of several catalog skills; it was left out.
    AmbiguousSkill {
        /// The name as given (clipped).
        name: String,
        /// The skills it could be, best first.
        candidates: Vec<SkillId>,
    },
    /// A line of free text read as a heading that introduces a list (`Technical skills:`),
    /// not as a skill.
    Heading {
        /// The heading as written (clipped).
        text: String,
    },
    /// The level given for a profile skill was not understood; a default was used.
    UnclearLevel {
        /// The skill name as given (clipped).
        name: String,
        /// The level text as given (clipped).
        value: String,
        /// The level used instead.
        used: Level,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnresolvedSkill { name, suggestions } => {
                write!(
                    f,
                    "profile skill `{name}` matches no catalog skill; left out"
                )?;
                if !suggestions.is_empty() {
                    let list: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
                    write!(f, " (did you mean {}?)", list.join(" or "))?;
                }
                Ok(())
            }
            Warning::DuplicateSkill { name, skill } => write!(
                f,
                "profile skill `{name}` repeats skill `{skill}`; the higher level is kept"
            ),
            Warning::AmbiguousSkill { name, candidates } => {
                let list: Vec<String> = candidates.iter().map(|s| format!("`{s}`")).collect();
                write!(
                    f,
                    "profile skill `{name}` could be {}; left out (name one of them)",
                    list.join(" or ")
                )
            }
            Warning::Heading { text } => {
                write!(f, "`{text}` read as a heading, not as a skill")
            }
            Warning::UnclearLevel { name, value, used } => write!(
                f,
                "profile skill `{name}`: level `{value}` not understood; {} used",
                used.get()
            ),
        }
    }
}

/// ` (line L, column C)` when the place is known.
#[cfg(feature = "toml")]
struct Place(Option<usize>, Option<usize>);

#[cfg(feature = "toml")]
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (Some(line), Some(column)) => write!(f, " (line {line}, column {column})"),
            _ => Ok(()),
        }
    }
}

struct Suggest<'a>(&'a Option<String>);

impl fmt::Display for Suggest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(s) => write!(f, " (did you mean `{s}`?)"),
            None => Ok(()),
        }
    }
}

struct Path<'a>(&'a [String]);

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" → ")?;
            }
            f.write_str(step)?;
        }
        Ok(())
    }
}

struct ProblemList<'a>(&'a [Problem]);

/// The most problems or warnings a message lists; the error keeps them all.
const LISTED: usize = 100;

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} problem(s)", self.0.len())?;
        for p in self.0.iter().take(LISTED) {
            write!(f, "\n  - {p}")?;
        }
        if self.0.len() > LISTED {
            write!(f, "\n  - and {} more", self.0.len() - LISTED)?;
        }
        Ok(())
    }
}

struct WarningList<'a>(&'a [Warning]);

impl fmt::Display for WarningList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for w in self.0.iter().take(LISTED) {
            write!(f, "\n  - {w}")?;
        }
        if self.0.len() > LISTED {
            write!(f, "\n  - and {} more", self.0.len() - LISTED)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + 'static>() {}

    #[test]
    fn error_is_send_sync_static() {
        assert_send_sync::<Error>();
    }

    #[test]
    fn cycle_message_shows_the_path() {
        let p = Problem::SkillCycle {
            path: vec!["a".into(), "b".into(), "a".into()],
        };
        assert_eq!(p.to_string(), "skill prerequisites form a cycle: a → b → a");
    }

    #[test]
    fn unknown_reference_names_place_and_suggestion() {
        let p = Problem::UnknownSkill {
            at: Location::new(
                ItemKind::Role,
                0,
                "core-ml-engineer",
                "requirements[0].skill",
            ),
            skill: "pyhton".into(),
            suggestion: Some("python".into()),
        };
        assert_eq!(
            p.to_string(),
            "role `core-ml-engineer` (#0), `requirements[0].skill`: unknown skill `pyhton` \
             (did you mean `python`?)"
        );
    }
}
