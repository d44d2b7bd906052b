//! O*NET rating files (`Skills.txt`, `Knowledge.txt`, …): each (occupation, element)
//! pair's `IM` (importance, 1–5) and `LV` (level, 0–7) rows joined into one rating.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::io::report::ImportReport;
use crate::io::table::{Column, Row, Table};

/// One (occupation, element) pair's ratings.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Rating {
    /// `IM`, 1–5.
    pub importance: Option<f64>,
    /// `LV`, 0–7.
    pub level: Option<f64>,
    /// `Not Relevant = Y` on the `LV` row.
    pub not_relevant: bool,
    /// `Recommend Suppress = Y` on either row: a low-precision estimate.
    pub suppress: bool,
}

/// Ratings by (O*NET-SOC code, element id), in code then element order; per element, its
/// name as the rating files give it and the file it came from (its category).
#[derive(Debug, Default)]
pub(crate) struct Ratings {
    pub pairs: BTreeMap<(String, String), Rating>,
    pub elements: BTreeMap<String, (String, &'static str)>,
}

const CODE: usize = 0;
const ELEMENT: usize = 1;
const NAME: usize = 2;
const SCALE: usize = 3;
const VALUE: usize = 4;
const SUPPRESS: usize = 5;
const NOT_RELEVANT: usize = 6;

const COLUMNS: [Column; 7] = [
    Column::required("O*NET-SOC Code"),
    Column::required("Element ID"),
    Column::optional("Element Name"),
    Column::required("Scale ID"),
    Column::required("Data Value"),
    Column::optional("Recommend Suppress"),
    Column::optional("Not Relevant"),
];

impl Ratings {
    /// Adds the rows of one rating file, its elements in `category`. Rows of other scales
    /// are counted and skipped.
    ///
    /// # Errors
    ///
    /// [`crate::Error::ImportRow`] for a missing column, an empty code or element id, a
    /// value that is not a number on its scale, or a flag other than `Y`, `N` or `n/a`.
    pub fn add(
        &mut self,
        table: &Table,
        category: &'static str,
        report: &mut ImportReport,
    ) -> Result<()> {
        table.rows(&COLUMNS, |row| {
            let code = row.need(CODE, "O*NET-SOC Code")?;
            let element = row.need(ELEMENT, "Element ID")?;
            let (max, min) = match row.get(SCALE) {
                "IM" => (5.0, 1.0),
                "LV" => (7.0, 0.0),
                _ => {
                    report.count("rating rows of other scales skipped");
                    return Ok(());
                }
            };
            let value = value(row, min, max)?;
            let suppress = row.flag(SUPPRESS, "Recommend Suppress")?;
            let not_relevant = row.flag(NOT_RELEVANT, "Not Relevant")?;
            let rating = self
                .pairs
                .entry((code.to_string(), element.to_string()))
                .or_default();
            if max == 5.0 {
                rating.importance = Some(value);
            } else {
                rating.level = Some(value);
                rating.not_relevant |= not_relevant;
            }
            rating.suppress |= suppress;
            if !self.elements.contains_key(element) {
                let name = Some(row.get(NAME))
                    .filter(|n| !n.is_empty())
                    .unwrap_or(element);
                self.elements
                    .insert(element.to_string(), (name.to_string(), category));
            }
            report.count("rating rows read");
            Ok(())
        })
    }
}

/// The `Data Value` of `row`, a number in `[min, max]`.
fn value(row: &Row<'_>, min: f64, max: f64) -> Result<f64> {
    let cell = row.need(VALUE, "Data Value")?;
    match cell.parse::<f64>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(row.error(format!(
            "`Data Value` `{}` is not a number from {min} to {max}",
            crate::util::text::clip(cell, 32)
        ))),
    }
}
