//! Small helpers shared by every layer: graph algorithms, Kahn's order, hashing, exact
//! string lookup, interned strings, flat tables of rows, text clipping.

pub(crate) mod graph;
pub(crate) mod hash;
pub(crate) mod interner;
pub(crate) mod kahn;
pub(crate) mod lookup;
pub(crate) mod table;
pub(crate) mod text;

/// An `f64` ordered by `total_cmp`, for heaps and sorted keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OrdF64(pub f64);

impl Eq for OrdF64 {}

impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}
