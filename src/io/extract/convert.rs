//! From an extraction to the model: a posting's skills become a [`Role`], a CV's a
//! [`Profile`]. The extraction keeps the spans, so an app can highlight what was read.

use crate::model::{Importance, Level, Profile, Requirement, Role, RoleId};

use super::result::Extraction;

/// The level a requirement or a held skill gets when the text states none.
pub const DEFAULT_LEVEL: Level = Level::INTERMEDIATE;

/// The importance a requirement gets when the posting says nothing of it (its mentions
/// were all offers to teach it, or in a CV).
pub const DEFAULT_IMPORTANCE: Importance = Importance::Important;

impl Extraction {
    /// The role a posting describes: one requirement per skill that is not negated, at
    /// the level the text states (else [`DEFAULT_LEVEL`]) and with the importance it
    /// states (else [`DEFAULT_IMPORTANCE`]). Uncertain mentions are left out.
    ///
    /// ```
    /// use skillgap::{Catalog, Importance, Level};
    ///
    /// let catalog = Catalog::builtin();
    /// let found = catalog.extract("Requirements:\n- 5+ years of Python\n- SQL\n\nNo Java needed.")?;
    /// let role = found.to_role("pasted", "Pasted posting");
    /// let reqs: Vec<(&str, u8, Importance)> = role
    ///     .requirements()
    ///     .iter()
    ///     .map(|r| (r.skill().as_str(), r.level().get(), r.importance()))
    ///     .collect();
    /// assert_eq!(reqs, [("python", 5, Importance::Essential), ("sql", 3, Importance::Essential)]);
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    pub fn to_role(&self, id: impl Into<RoleId>, name: impl Into<String>) -> Role {
        self.skills
            .iter()
            .filter(|s| !s.negated)
            .fold(Role::new(id, name), |role, s| {
                role.with(Requirement::new(
                    s.skill.clone(),
                    s.level.unwrap_or(DEFAULT_LEVEL),
                    s.importance.unwrap_or(DEFAULT_IMPORTANCE),
                ))
            })
    }

    /// The profile a CV describes: each skill that is not negated, by id, at the level the
    /// text states (else [`DEFAULT_LEVEL`]).
    pub fn to_profile(&self) -> Profile {
        self.skills
            .iter()
            .filter(|s| !s.negated)
            .fold(Profile::new(), |p, s| {
                p.with_skill(s.skill.as_str(), s.level.unwrap_or(DEFAULT_LEVEL))
            })
    }
}
