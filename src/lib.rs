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
//! # Concepts
//!
//! | type | what it is |
//! |---|---|
//! | [`Level`] | proficiency 0..=5: none, awareness, beginner, intermediate, advanced, expert; parsed from numbers and words |
//! | [`Skill`] | id, name, aliases; prerequisites (skills at a level) and related skills that transfer partial credit |
//! | [`Role`] | requirements (skill, level, [`Importance`], optional weight); may extend other roles |
//! | [`Course`] | provider, hours, cost; the skills it teaches (up to a level) and requires |
//! | [`Profile`] | a person's skills by id, name or alias, with levels and the year last used; the credentials held |
//! | [`model::CredentialRequirement`] | a role's degree, certification or licence: required (a gate) or preferred (weighted), with alternatives |
//! | [`model::Programme`] | study that confers credentials, with months and hours; plans use it for a missing gate |
//! | [`model::Pay`], [`model::Demand`] | role facts with source and year; scoring ignores them |
//! | [`Catalog`] | skills, roles and courses, validated and indexed once; immutable, `Send + Sync` |
//! | [`Assessment`] | a profile scored against every role: ranking, explanations, [`Gaps`], plans |
//! | [`Plan`] | the courses that close a role's gaps, in stages and a valid order ([`Planner`] for options) |
//!
//! # How the crate is built
//!
//! Data flows one way, and each layer is a module that uses only the layers before it:
//!
//! 1. [`model`]: plain data, as documents hold it (ids, levels, skills, roles, courses,
//!    profiles).
//! 2. [`resolve`]: names to skills: exact, normalised, acronym and fuzzy matching with
//!    confidences.
//! 3. [`catalog`]: validation, and the indexes built once: names, the skill graph, every
//!    role's merged requirements, the skill → requirements index scoring walks, each
//!    role's prerequisite closure, what courses teach and require.
//! 4. [`assess`]: scores, explanations, gaps.
//! 5. [`plan`]: plans, schedules, what to learn next, career paths.
//!
//! At the edges, [`io`] reads and writes documents (JSON, TOML, free text) and the
//! renderers write Markdown ([`Plan::to_markdown`]), Graphviz DOT ([`Plan::to_dot`],
//! [`Catalog::role_dot`]) and a self-contained HTML report with charts
//! ([`render::HtmlReport`]). [`error`] holds the one error type and its parts.
//!
//! # Scoring
//!
//! For a role with (merged) requirements *i*: `score = Σ wᵢ·creditᵢ / Σ wᵢ`, with
//! `creditᵢ = min(1, haveᵢ / needᵢ)` (partial credit; 0 or 1 without it) and `haveᵢ` the
//! profile's level after the recency discount, or a related skill's level times its
//! transfer factor when that is higher. A role is ready when every essential requirement
//! is met and every required credential (a gate) held; a preferred credential weighs like an
//! optional requirement. The formula, the [`Policy`] and the cost: [`assess`].
//!
//! # Gaps and plans
//!
//! A gap is a requirement the profile does not meet, with its unmet prerequisites as
//! implied gaps, transitively; gaps come by priority (`weight × (need − have) / need`) and
//! in learning order (prerequisites first, Kahn 1962): [`Gaps`]. A plan is the cheapest
//! set of courses (in hours, cost or a mix) that closes the gaps in an order that respects
//! every course's requirements: an NP-hard covering problem the [`Planner`] solves exactly
//! when small and by proven heuristics when large (see [`plan`]).
//!
//! # Formats
//!
//! Catalog and profile documents, `skillgap.catalog/1` and `skillgap.profile/1`, in JSON
//! or, with the `toml` feature, TOML: [`io`]. Unknown fields are errors; a catalog that
//! fails validation lists every problem with its place ([`error::Problem`]).
//!
//! # Features
//!
//! - `toml`: read and write documents as TOML.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod assess;
pub mod catalog;
pub mod error;
pub mod io;
pub mod model;
pub mod plan;
pub mod render;
pub mod resolve;
mod util;

pub use assess::{Assessment, Gaps, Policy, Report};
pub use catalog::Catalog;
pub use error::{Error, Result};
pub use model::{Course, CourseId, Importance, Level, Profile, Role, RoleId, Skill, SkillId};
pub use plan::{Plan, Planner};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
