//! `Technology Skills.txt`: the software and tools each occupation uses, without ratings.

use crate::error::Result;
use crate::io::label::clean;
use crate::io::report::ImportReport;
use crate::io::table::{Column, Table};

/// One technology an occupation uses.
#[derive(Debug, Clone)]
pub(crate) struct Technology {
    pub code: String,
    /// The example's name (`Example`), cleaned: the skill's id and name.
    pub name: String,
    /// `Commodity Title`: the skill's category.
    pub commodity: String,
    pub hot: bool,
    pub in_demand: bool,
}

/// Reads the rows of `Technology Skills.txt`; examples whose name a catalog cannot take
/// are counted and skipped.
///
/// # Errors
///
/// [`crate::Error::ImportRow`] for a missing column, an empty code or example, or a flag
/// other than `Y`, `N` or `n/a`.
pub(crate) fn read(table: &Table, report: &mut ImportReport) -> Result<Vec<Technology>> {
    let columns = [
        Column::required("O*NET-SOC Code"),
        Column::required("Example"),
        Column::optional("Commodity Title"),
        Column::optional("Hot Technology"),
        Column::optional("In Demand"),
    ];
    let mut out = Vec::new();
    table.rows(&columns, |row| {
        let code = row.need(0, "O*NET-SOC Code")?;
        let Some(name) = clean(row.need(1, "Example")?) else {
            report.count("technology examples set aside (too long or control characters)");
            return Ok(());
        };
        out.push(Technology {
            code: code.to_string(),
            name,
            commodity: row.get(2).to_string(),
            hot: row.flag(3, "Hot Technology")?,
            in_demand: row.flag(4, "In Demand")?,
        });
        report.count("technology rows read");
        Ok(())
    })?;
    Ok(out)
}
