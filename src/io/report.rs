//! What an import read, made and set aside.

use std::fmt;

use serde::Serialize;

use crate::catalog::Catalog;

/// A catalog imported from a taxonomy release, with the report of what was read, made
/// and set aside.
#[derive(Debug)]
pub struct Import {
    /// The catalog: the taxonomy's occupations as roles and its skills as skills, with
    /// the taxonomy's ids.
    pub catalog: Catalog,
    /// What was read and set aside.
    pub report: ImportReport,
}

/// Counts an importer keeps: what it read, what it made, and every row or label it set
/// aside (never silently), each under a fixed name in the order first counted.
///
/// ```
/// # #[cfg(feature = "esco")] {
/// # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/esco");
/// let import = skillgap::io::EscoImporter::new().import(&dir)?;
/// assert_eq!(import.report.get("occupations read"), 4);
/// assert!(import.report.to_string().contains("occupations read: 4"));
/// # }
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    counts: Vec<(&'static str, usize)>,
}

impl ImportReport {
    /// Adds `n` to the count called `what`.
    pub(crate) fn add(&mut self, what: &'static str, n: usize) {
        match self.counts.iter_mut().find(|c| c.0 == what) {
            Some(c) => c.1 += n,
            None => self.counts.push((what, n)),
        }
    }

    /// Adds one to the count called `what`.
    pub(crate) fn count(&mut self, what: &'static str) {
        self.add(what, 1);
    }

    /// The count called `what`: 0 when nothing was counted under it.
    pub fn get(&self, what: &str) -> usize {
        self.counts.iter().find(|c| c.0 == what).map_or(0, |c| c.1)
    }

    /// Every count, in the order first counted.
    pub fn counts(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.counts.iter().copied()
    }
}

impl fmt::Display for ImportReport {
    /// One `name: count` line a count.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (what, n) in &self.counts {
            writeln!(f, "{what}: {n}")?;
        }
        Ok(())
    }
}
