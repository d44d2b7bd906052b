//! The plain data of skillgap: ids, levels, importances, and the skills, roles, courses and
//! profiles built from them.
//!
//! These types hold what a catalog or profile document says, nothing derived: a
//! [`Catalog`](crate::Catalog) validates and indexes them.

mod course;
mod id;
mod importance;
mod level;
mod profile;
mod role;
mod skill;

pub use course::Course;
pub use id::{CourseId, RoleId, SkillId};
pub use importance::{Importance, Weights};
pub use level::Level;
pub use profile::{Profile, ProfileSkill};
pub use role::{Requirement, Role};
pub use skill::{Related, Skill, SkillLevel};

pub(crate) use id::id_defect;
pub(crate) use level::LevelInput;
