//! The solver behind the planner: the instance of candidate courses, the exact branch and
//! bound, and the heuristics for instances too large to search exhaustively.

pub(crate) mod exact;
pub(crate) mod heuristic;
mod instance;

pub(crate) use instance::{Blocked, Built, Instance, Local};
