//! The plain data of skillgap: ids, levels, importances, and the skills, roles, courses,
//! programmes, credentials, role facts and profiles built from them.
//!
//! These types hold what a catalog or profile document says, nothing derived: a
//! [`Catalog`](crate::Catalog) validates and indexes them.

mod course;
mod credential;
mod facts;
mod id;
mod importance;
mod level;
mod profile;
mod programme;
mod role;
mod skill;

pub use course::Course;
pub use credential::{Credential, CredentialNeed, CredentialRequirement, DegreeLevel};
pub use facts::{Demand, Pay, PayPeriod, Seniority};
pub use id::{CourseId, ProgrammeId, RoleId, SkillId};
pub use importance::{Importance, Weights};
pub use level::Level;
pub use profile::{Profile, ProfileSkill};
pub use programme::Programme;
pub(crate) use role::serialize_role_id;
pub use role::{Requirement, Role};
pub(crate) use skill::{serialize_id, serialize_ids};
pub use skill::{Related, Skill, SkillLevel};

/// The largest hours, cost or weight a catalog, policy or planner option may hold. Sums of
/// millions of such numbers stay finite and exact enough; larger ones are refused rather
/// than left to overflow into infinity.
pub const MAX_QUANTITY: f64 = 1e9;

pub(crate) use id::id_defect;
pub(crate) use level::LevelInput;
