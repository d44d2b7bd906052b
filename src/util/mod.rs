//! Small helpers shared by every layer: graph algorithms, hashing, text clipping.

pub(crate) mod graph;
pub(crate) mod hash;
pub(crate) mod text;
