//! # skillgap
//!
//! Skill-gap assessment for careers in data and machine learning: how far a person's
//! skills are from each role, what to learn next and in what order, and which courses
//! close the gaps.
//!
//! - A [`Catalog`] holds [`Skill`]s (with prerequisites and related skills), [`Role`]s
//!   (requirements with a [`Level`] and an [`Importance`]; a role can extend others) and
//!   [`Course`]s (what they teach and require). [`Catalog::builtin`] has the data and ML
//!   roles; your own catalogs load from JSON (or TOML with the `toml` feature).
//! - A [`Profile`] lists a person's skills by id, name or alias.
//! - An [`Assessment`] scores the profile against every role, explains each score,
//!   orders the [`Gaps`] (by priority, and prerequisites first) and plans courses.
//!
//! ```
//! use skillgap::{Catalog, Level, Profile};
//!
//! let catalog = Catalog::builtin();
//! let profile = Profile::new()
//!     .with_skill("Python", Level::ADVANCED)
//!     .with_skill("statistics", Level::INTERMEDIATE)
//!     .with_skill("sklearn", Level::INTERMEDIATE);
//!
//! let assessment = catalog.assess(&profile)?;
//! let best = assessment.best().expect("the catalog has roles");
//! println!("best fit: {} ({:.0}%)", best.role().name(), best.score() * 100.0);
//!
//! let gaps = assessment.gaps("machine-learning-engineer")?;
//! for gap in gaps.in_learning_order().take(5) {
//!     println!("learn {} to {} (have {:.1})", gap.skill().name(), gap.need(), gap.have());
//! }
//!
//! let plan = assessment.plan("machine-learning-engineer")?;
//! for step in plan.courses() {
//!     println!("{} ({} h)", step.course().title(), step.course().hours());
//! }
//! assert!(plan.uncovered().is_empty());
//! # Ok::<(), skillgap::Error>(())
//! ```
//!
//! Scoring: `score = Σ wᵢ·creditᵢ / Σ wᵢ` with `creditᵢ = min(1, haveᵢ / needᵢ)`; see
//! [`Policy`] for weights, partial credit, transfer between related skills and the
//! recency discount.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod assess;
pub mod catalog;
pub mod error;
pub mod io;
pub mod model;
pub mod plan;
mod render;
pub mod resolve;
mod util;

pub use assess::{Assessment, Gaps, Policy};
pub use catalog::Catalog;
pub use error::{Error, Result};
pub use model::{Course, CourseId, Importance, Level, Profile, Role, RoleId, Skill, SkillId};
pub use plan::{Plan, Planner};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
