//! Roles: sets of skill requirements, possibly built on other roles.

use serde::{Deserialize, Serialize};

use crate::model::Importance;
use crate::model::Level;
use crate::model::{CredentialRequirement, Demand, Pay};
use crate::model::{RoleId, SkillId};

/// One skill a role needs: the skill, the level and how much it matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    skill: SkillId,
    level: Level,
    importance: Importance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
}

impl Requirement {
    /// A requirement weighted by its importance.
    pub fn new(skill: impl Into<SkillId>, level: Level, importance: Importance) -> Self {
        Requirement {
            skill: skill.into(),
            level,
            importance,
            weight: None,
        }
    }

    /// Sets an explicit weight, overriding the policy's weight for the importance.
    pub fn with_weight(mut self, weight: f64) -> Self {
        self.weight = Some(weight);
        self
    }

    /// The skill.
    pub fn skill(&self) -> &SkillId {
        &self.skill
    }

    /// The level needed.
    pub fn level(&self) -> Level {
        self.level
    }

    /// How much it matters.
    pub fn importance(&self) -> Importance {
        self.importance
    }

    /// The explicit weight, if any.
    pub fn weight(&self) -> Option<f64> {
        self.weight
    }
}

/// A role of the catalog.
///
/// A role may `extend` other roles: it then includes their requirements. When a skill is
/// required more than once (own and inherited, or inherited twice), the stricter level,
/// the higher importance and the larger explicit weight win.
///
/// ```
/// use skillgap::{Importance, Level, Role};
///
/// let core = Role::new("core-ml-engineer", "Core ML Engineer")
///     .with_extends("ml-software-engineer")
///     .with_extends("applied-ml-engineer")
///     .with_requirement("data-modeling", Level::INTERMEDIATE, Importance::Essential);
/// assert_eq!(core.extends().len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    id: RoleId,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    extends: Vec<RoleId>,
    #[serde(default)]
    requirements: Vec<Requirement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    credentials: Vec<CredentialRequirement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pay: Vec<Pay>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    demand: Vec<Demand>,
}

impl Role {
    /// A role with an id and a display name.
    pub fn new(id: impl Into<RoleId>, name: impl Into<String>) -> Self {
        Role {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            description: None,
            extends: Vec::new(),
            requirements: Vec::new(),
            credentials: Vec::new(),
            pay: Vec::new(),
            demand: Vec::new(),
        }
    }

    /// Adds an alternative name (`ML engineer`), for [`Catalog::resolve_role`] and
    /// did-you-mean.
    ///
    /// [`Catalog::resolve_role`]: crate::Catalog::resolve_role
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Includes the requirements of another role.
    pub fn with_extends(mut self, role: impl Into<RoleId>) -> Self {
        self.extends.push(role.into());
        self
    }

    /// Adds a requirement.
    pub fn with_requirement(
        self,
        skill: impl Into<SkillId>,
        level: Level,
        importance: Importance,
    ) -> Self {
        self.with(Requirement::new(skill, level, importance))
    }

    /// Adds a requirement built with [`Requirement::new`].
    pub fn with(mut self, requirement: Requirement) -> Self {
        self.requirements.push(requirement);
        self
    }

    /// Adds a credential requirement: a gate or a preference (see
    /// [`CredentialRequirement`]).
    pub fn with_credential(mut self, credential: CredentialRequirement) -> Self {
        self.credentials.push(credential);
        self
    }

    /// Adds a pay figure (a role fact; scoring ignores it).
    pub fn with_pay(mut self, pay: Pay) -> Self {
        self.pay.push(pay);
        self
    }

    /// Adds a demand figure (a role fact; scoring ignores it).
    pub fn with_demand(mut self, demand: Demand) -> Self {
        self.demand.push(demand);
        self
    }

    /// The id.
    pub fn id(&self) -> &RoleId {
        &self.id
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Alternative names.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// Every label of the role: its id, its name, then its aliases.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(std::iter::once(self.name.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// The description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The roles this one builds on.
    pub fn extends(&self) -> &[RoleId] {
        &self.extends
    }

    /// The role's own requirements (without inherited ones; see
    /// [`Catalog::requirements`](crate::Catalog::requirements) for all of them).
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// The role's own credential requirements (see
    /// [`Catalog::credentials`](crate::Catalog::credentials) for inherited ones too).
    pub fn credentials(&self) -> &[CredentialRequirement] {
        &self.credentials
    }

    /// Pay figures, in the order given.
    pub fn pay(&self) -> &[Pay] {
        &self.pay
    }

    /// Demand figures, in the order given.
    pub fn demand(&self) -> &[Demand] {
        &self.demand
    }
}

/// Serializes a role as its id.
pub(crate) fn serialize_role_id<S: serde::Serializer>(
    role: &&Role,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&role.id, serializer)
}
