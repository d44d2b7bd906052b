//! ESCO relations: occupation–skill (requirements), skill–skill (related skills) and the
//! broader-concept hierarchy of the skills pillar (categories).

use super::concepts::{Concepts, Kind};
use crate::error::Result;
use crate::io::report::ImportReport;
use crate::io::table::{Column, Table};

/// How far up the hierarchy a skill's category is looked for (ESCO v1.1.1 is 4 deep).
const MAX_CATEGORY_DEPTH: usize = 16;

/// Per occupation (by position), its skills (by position), each once, essential first,
/// then in file order.
pub(crate) type Requirements = Vec<Vec<(u32, bool)>>;

/// Reads `occupationSkillRelations`: per occupation, each skill it needs and whether it
/// is essential. Rows on unknown occupations or skills, on knowledge left out, of
/// another relation type, or repeated are counted and skipped.
///
/// # Errors
///
/// [`crate::Error::ImportRow`] for a missing column or an empty URI.
pub(crate) fn requirements(
    table: &Table,
    occupations: &Concepts,
    skills: &Concepts,
    knowledge: bool,
    report: &mut ImportReport,
) -> Result<Requirements> {
    let columns = [
        Column::required("occupationUri"),
        Column::required("relationType"),
        Column::required("skillUri"),
    ];
    let mut out: Requirements = vec![Vec::new(); occupations.list.len()];
    table.rows(&columns, |row| {
        let occupation = row.need(0, "occupationUri")?;
        let skill = row.need(2, "skillUri")?;
        let essential = match row.get(1) {
            "essential" => true,
            "optional" => false,
            _ => {
                report.count("relations of another type skipped");
                return Ok(());
            }
        };
        let Some(o) = occupations.get(occupation) else {
            report.count("relations to unknown occupations skipped");
            return Ok(());
        };
        let Some(s) = skills.get(skill) else {
            report.count("relations to unknown skills skipped");
            return Ok(());
        };
        if !knowledge && skills.list[s as usize].kind == Kind::Knowledge {
            report.count("relations to knowledge left out");
            return Ok(());
        }
        out[o as usize].push((s, essential));
        report.count(if essential {
            "essential relations"
        } else {
            "optional relations"
        });
        Ok(())
    })?;
    for needs in &mut out {
        let before = needs.len();
        // Essential first per skill, then keep the first of each skill in file order.
        let mut seen = crate::util::hash::HashSet::default();
        needs.sort_by_key(|&(_, essential)| !essential);
        needs.retain(|&(s, _)| seen.insert(s));
        report.add("repeated relations merged", before - needs.len());
    }
    Ok(out)
}

/// Reads `skillSkillRelations`: per skill, the skills related to it. Self-loops and rows
/// on unknown skills are counted and skipped.
///
/// # Errors
///
/// [`crate::Error::ImportRow`] for a missing column or an empty URI.
pub(crate) fn related(
    table: &Table,
    skills: &Concepts,
    report: &mut ImportReport,
) -> Result<Vec<Vec<u32>>> {
    let columns = [
        Column::required("originalSkillUri"),
        Column::required("relatedSkillUri"),
    ];
    let mut out = vec![Vec::new(); skills.list.len()];
    table.rows(&columns, |row| {
        let from = row.need(0, "originalSkillUri")?;
        let to = row.need(1, "relatedSkillUri")?;
        match (skills.get(from), skills.get(to)) {
            (Some(a), Some(b)) if a == b => report.count("skill relations to itself skipped"),
            (Some(a), Some(b)) => {
                let list: &mut Vec<u32> = &mut out[a as usize];
                if !list.contains(&b) {
                    list.push(b);
                    report.count("skill relations read");
                }
            }
            _ => report.count("skill relations on unknown skills skipped"),
        }
        Ok(())
    })?;
    Ok(out)
}

/// Reads `broaderRelationsSkillPillar`: per skill, its category, the preferred label of
/// the first skill group above it (directly, or through the skills it is narrower than),
/// or the group's URI when `groups` does not name it.
///
/// # Errors
///
/// [`crate::Error::ImportRow`] for a missing column or an empty URI.
pub(crate) fn categories(
    table: &Table,
    skills: &Concepts,
    groups: &Concepts,
    report: &mut ImportReport,
) -> Result<Vec<Option<String>>> {
    let columns = [
        Column::required("conceptUri"),
        Column::required("broaderUri"),
    ];
    let n = skills.list.len();
    let mut group: Vec<Option<String>> = vec![None; n];
    let mut parent: Vec<Option<u32>> = vec![None; n];
    table.rows(&columns, |row| {
        let Some(s) = skills.get(row.need(0, "conceptUri")?) else {
            return Ok(()); // a skill group's own place in the hierarchy
        };
        let broader = row.need(1, "broaderUri")?;
        match skills.get(broader) {
            Some(p) if p != s => {
                parent[s as usize].get_or_insert(p);
            }
            Some(_) => report.count("broader relations to itself skipped"),
            None => {
                let name = groups
                    .get(broader)
                    .map_or(broader, |g| &groups.list[g as usize].name);
                group[s as usize].get_or_insert_with(|| name.to_string());
            }
        }
        Ok(())
    })?;
    Ok((0..n).map(|s| category(s, &group, &parent)).collect())
}

/// The first group found walking up from skill `s` (bounded, so cycles end).
fn category(mut s: usize, group: &[Option<String>], parent: &[Option<u32>]) -> Option<String> {
    for _ in 0..MAX_CATEGORY_DEPTH {
        if let Some(g) = &group[s] {
            return Some(g.clone());
        }
        s = parent[s]? as usize;
    }
    None
}
