//! `Job Zones.txt`: how much preparation each occupation needs, read as the degree it
//! typically asks for.

use crate::error::Result;
use crate::io::report::ImportReport;
use crate::io::table::{Column, Table};
use crate::model::{Credential, CredentialRequirement, DegreeLevel};

/// Where the credentials come from, as their `source`.
const SOURCE: &str = "O*NET Job Zones";

/// One occupation's job zone.
#[derive(Debug, Clone)]
pub(crate) struct Zone {
    pub code: String,
    /// 1 to 5.
    pub zone: u8,
    /// The year of the rating (`Date`, `MM/YYYY`), when given.
    pub year: Option<i32>,
}

/// Reads the rows of `Job Zones.txt`.
///
/// # Errors
///
/// [`crate::Error::ImportRow`] for a missing column, an empty code, or a zone other than
/// 1 to 5.
pub(crate) fn read(table: &Table, report: &mut ImportReport) -> Result<Vec<Zone>> {
    let columns = [
        Column::required("O*NET-SOC Code"),
        Column::required("Job Zone"),
        Column::optional("Date"),
    ];
    let mut out = Vec::new();
    table.rows(&columns, |row| {
        let code = row.need(0, "O*NET-SOC Code")?;
        let zone = match row.need(1, "Job Zone")?.parse::<u8>() {
            Ok(z @ 1..=5) => z,
            _ => return Err(row.error(format!("`Job Zone` is `{}`, not 1 to 5", row.get(1)))),
        };
        let year = row
            .get(2)
            .rsplit('/')
            .next()
            .and_then(|y| y.parse::<i32>().ok());
        out.push(Zone {
            code: code.to_string(),
            zone,
            year,
        });
        report.count("job zone rows read");
        Ok(())
    })?;
    Ok(out)
}

/// The degree a job zone typically asks for, as O*NET describes the zones: zone 3 "an
/// associate's degree", zone 4 "a four-year bachelor's degree", zone 5 "graduate school"
/// (a master's); none below. Any field. Preferred, since O*NET says "most" occupations of
/// the zone require it, or required when `gates`.
pub(crate) fn credential(zone: &Zone, gates: bool) -> Option<CredentialRequirement> {
    let (level, words) = match zone.zone {
        3 => (DegreeLevel::Associate, "Job Zone 3: most occupations in this zone require training in vocational schools, related on-the-job experience, or an associate's degree"),
        4 => (DegreeLevel::Bachelor, "Job Zone 4: most of these occupations require a four-year bachelor's degree, but some do not"),
        5 => (DegreeLevel::Master, "Job Zone 5: most of these occupations require graduate school"),
        _ => return None,
    };
    let degree = Credential::degree(level, Vec::<String>::new());
    let requirement = if gates {
        CredentialRequirement::required(degree)
    } else {
        CredentialRequirement::preferred(degree)
    };
    let requirement = requirement.with_note(words);
    Some(match zone.year {
        Some(year) => requirement.with_source(SOURCE, year),
        None => requirement,
    })
}
