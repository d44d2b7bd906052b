//! Credentials in an assessment: which of a role's gates the profile meets and which it
//! misses, and what its preferred credentials add to the score.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::Assessment;
use crate::catalog::credentials::preferred_weight;
use crate::error::Result;
use crate::model::{Credential, CredentialRequirement};

/// One credential requirement of a role, checked against the profile.
///
/// Serialized as `{"requirement": text, "need": "required" | "preferred", "any_of":
/// [credentials], "met", "met_by": credential or null, "weight", "contribution"}`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CredentialCheck<'c> {
    /// The requirement.
    pub requirement: &'c CredentialRequirement,
    /// The profile's credential that satisfies it, if any.
    pub met_by: Option<Credential>,
    /// Its weight in the score: 0 for a gate (gates decide readiness, not the score),
    /// the explicit weight or the policy's optional weight for a preferred credential.
    pub weight: f64,
    /// `weight / Σ weights` when met, else 0: with the skill contributions of
    /// [`Assessment::explain`] they sum to the score.
    pub contribution: f64,
}

impl CredentialCheck<'_> {
    /// Whether the profile meets it.
    pub fn is_met(&self) -> bool {
        self.met_by.is_some()
    }

    /// Whether it is a gate the profile does not meet.
    pub fn is_missing_gate(&self) -> bool {
        self.requirement.is_gate() && self.met_by.is_none()
    }
}

impl Serialize for CredentialCheck<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CredentialCheck", 7)?;
        s.serialize_field("requirement", &self.requirement.to_string())?;
        s.serialize_field("need", &self.requirement.need())?;
        s.serialize_field("any_of", self.requirement.any_of())?;
        s.serialize_field("met", &self.is_met())?;
        s.serialize_field("met_by", &self.met_by)?;
        s.serialize_field("weight", &self.weight)?;
        s.serialize_field("contribution", &self.contribution)?;
        s.end()
    }
}

impl<'c> Assessment<'c> {
    /// A role's credential requirements (own and inherited) checked against the
    /// profile's credentials: gates met and missing, and preferred credentials with their
    /// share of the score. Empty for a role without credentials.
    ///
    /// ```
    /// use skillgap::model::{Credential, DegreeLevel};
    /// use skillgap::{Catalog, Level, Profile};
    ///
    /// let catalog = Catalog::builtin();
    /// let profile = Profile::new().with_skill("python", Level::ADVANCED);
    /// let checks = catalog.assess(&profile)?.credentials("machine-learning-engineer")?;
    /// assert!(checks.iter().any(|c| c.is_missing_gate()));
    ///
    /// let graduate = profile.with_credential(Credential::degree(DegreeLevel::Bachelor, ["mathematics"]));
    /// let checks = catalog.assess(&graduate)?.credentials("machine-learning-engineer")?;
    /// assert!(!checks.iter().any(|c| c.is_missing_gate()));
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) when the
    /// catalog has no such role.
    pub fn credentials(&self, role: impl AsRef<str>) -> Result<Vec<CredentialCheck<'c>>> {
        let catalog = self.catalog;
        let r = catalog.find_role_or_err(role.as_ref())?;
        let weights = &self.policy.weights;
        let total = catalog.merged_requirements().total(r, weights);
        Ok(catalog
            .credential_index()
            .of(r)
            .iter()
            .map(|requirement| {
                let met_by = requirement.met_by(&self.levels.credentials).cloned();
                let weight = if requirement.is_gate() {
                    0.0
                } else {
                    preferred_weight(requirement, weights)
                };
                let earned = if met_by.is_some() { weight } else { 0.0 };
                CredentialCheck {
                    requirement,
                    met_by,
                    weight,
                    contribution: if total > 0.0 { earned / total } else { 0.0 },
                }
            })
            .collect())
    }
}
