//! The O*NET importer (feature `onet`): the O*NET database text release (tab-separated)
//! into a [`Catalog`].

mod ratings;
mod technology;
mod zones;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratings::{Rating, Ratings};
use technology::Technology;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::io::release::{find, folders};
use crate::io::report::{Import, ImportReport};
use crate::io::table::{Column, Dialect, Table};
use crate::model::{Importance, Level, Requirement, Role, Skill};
use crate::util::hash::StrMap;

/// The rating files read, with the category their elements get: the classic layout's
/// `Skills.txt` and the 30.3+ split files alike (whichever are present).
const RATING_FILES: [(&str, &str); 5] = [
    ("Skills.txt", "skills"),
    ("Essential Skills.txt", "essential skills"),
    ("Transferable Skills.txt", "transferable skills"),
    ("Software Skills.txt", "software skills"),
    ("Knowledge.txt", "knowledge"),
];

/// Imports the O*NET database text release into a [`Catalog`]: occupations
/// (`Occupation Data.txt`) become roles with their O*NET-SOC codes as ids; rated elements
/// (skills, knowledge, optionally abilities) become skills with their element ids as ids
/// and names from `Content Model Reference.txt`; technology examples become skills named
/// (and identified) by the example.
///
/// Each (occupation, element) pair's `IM` and `LV` rows make one requirement:
///
/// - not required when `Not Relevant = Y`, when `IM` is below the
///   [cut-off](OnetImporter::min_importance) (default 2.5), or when its level is 0;
/// - level = `clamp(round(LV × 5 / 7), 1, 5)` (O*NET levels run 0–7, skillgap's 0–5);
/// - importance from `IM`: essential from 4.0, important from 3.0, optional below
///   ([`importance_cuts`](OnetImporter::importance_cuts));
/// - weight = `(IM − 1) / 4`, O*NET's standardised importance on 0–1
///   ([`weights`](OnetImporter::weights); off, the importance alone weighs);
/// - `Recommend Suppress = Y` (a low-precision estimate) is kept and counted in the
///   report.
///
/// Technology examples have no ratings: each is a requirement at the
/// [technology level](OnetImporter::technology_level) (default 3, intermediate), optional,
/// one step more important when `Hot Technology = Y` and one more when `In Demand = Y`.
///
/// Job zones become credentials: see [`education`](OnetImporter::education).
///
/// Files, in the directory or its subdirectories: `Occupation Data.txt`, `Knowledge.txt`
/// and `Skills.txt` or the 30.3+ split files (`Essential Skills.txt`,
/// `Transferable Skills.txt`, `Software Skills.txt`) are required; `Content Model
/// Reference.txt`, `Technology Skills.txt`, `Job Zones.txt` and `Abilities.txt` are read
/// when present (abilities [when asked for](OnetImporter::abilities)).
///
/// ```
/// # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/onet/classic");
/// use skillgap::io::OnetImporter;
/// use skillgap::{Importance, Level};
///
/// let catalog = OnetImporter::new().import(&dir)?.catalog;
/// let scientist = catalog.role("15-2051.00").expect("data scientists");
/// let programming = scientist.requirements().iter().find(|r| r.skill() == "2.B.3.e").unwrap();
/// // LV 4.88 → round(4.88 × 5 / 7) = 3; IM 4.12 → essential, weight (4.12 − 1) / 4.
/// assert_eq!(programming.level(), Level::INTERMEDIATE);
/// assert_eq!(programming.importance(), Importance::Essential);
/// assert_eq!(programming.weight(), Some(0.78));
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct OnetImporter {
    min_importance: f64,
    essential_from: f64,
    important_from: f64,
    weights: bool,
    abilities: bool,
    technology: bool,
    technology_level: Level,
    education: bool,
    education_gates: bool,
}

impl Default for OnetImporter {
    fn default() -> Self {
        OnetImporter::new()
    }
}

impl OnetImporter {
    /// The importer with the defaults above.
    pub fn new() -> OnetImporter {
        OnetImporter {
            min_importance: 2.5,
            essential_from: 4.0,
            important_from: 3.0,
            weights: true,
            abilities: false,
            technology: true,
            technology_level: Level::INTERMEDIATE,
            education: true,
            education_gates: false,
        }
    }

    /// Elements rated below this importance (`IM`, 1–5) are not required.
    pub fn min_importance(mut self, im: f64) -> Self {
        self.min_importance = im;
        self
    }

    /// The importance (`IM`) from which a requirement is essential, and from which it is
    /// important (below: optional).
    pub fn importance_cuts(mut self, essential: f64, important: f64) -> Self {
        self.essential_from = essential;
        self.important_from = important;
        self
    }

    /// Whether requirements carry O*NET's standardised importance as their weight.
    pub fn weights(mut self, on: bool) -> Self {
        self.weights = on;
        self
    }

    /// Whether `Abilities.txt` is read too.
    pub fn abilities(mut self, on: bool) -> Self {
        self.abilities = on;
        self
    }

    /// Whether `Technology Skills.txt` is read.
    pub fn technology(mut self, on: bool) -> Self {
        self.technology = on;
        self
    }

    /// The level a technology example is required at.
    pub fn technology_level(mut self, level: Level) -> Self {
        self.technology_level = level;
        self
    }

    /// Whether `Job Zones.txt` is read (when present; default on): each occupation of
    /// zone 3, 4 or 5 gets the degree the zone typically asks for (associate, bachelor's,
    /// master's; any field) as a credential, with the zone's description as its note and
    /// `O*NET Job Zones` and the rating's year as its source.
    pub fn education(mut self, on: bool) -> Self {
        self.education = on;
        self
    }

    /// Whether those degrees are gates (required) rather than preferred (the default:
    /// O*NET says "most" occupations of a zone require its degree, not all).
    pub fn education_gates(mut self, on: bool) -> Self {
        self.education_gates = on;
        self
    }

    /// Imports the release in `dir` (the files there or in its subdirectories).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for cut-offs outside 1–5; [`Error::ImportFile`] for a
    /// missing or unreadable required file; [`Error::ImportRow`] with file and line for a
    /// row that breaks the format (a missing column, an empty code, a value off its
    /// scale, a flag other than `Y`, `N`, `n/a`); [`Error::InvalidCatalog`] if the result
    /// does not validate.
    pub fn import(&self, dir: impl AsRef<Path>) -> Result<Import> {
        self.check()?;
        let dir = dir.as_ref();
        let folders = folders(dir)?;
        let tsv = |path: &Path| Table::read(path, Dialect::Tsv);
        let need = |name: &str| find(&folders, &[name]).ok_or_else(|| missing(dir, name));
        let mut report = ImportReport::default();
        let occupations = occupations(&tsv(&need("Occupation Data.txt")?)?, &mut report)?;
        let ratings = self.ratings(&folders, dir, &mut report)?;
        let names = match find(&folders, &["Content Model Reference.txt"]) {
            Some(path) => element_names(&tsv(&path)?)?,
            None => StrMap::default(),
        };
        let technology =
            match find(&folders, &["Technology Skills.txt"]).filter(|_| self.technology) {
                Some(path) => technology::read(&tsv(&path)?, &mut report)?,
                None => Vec::new(),
            };
        let zones = match find(&folders, &["Job Zones.txt"]).filter(|_| self.education) {
            Some(path) => zones::read(&tsv(&path)?, &mut report)?,
            None => Vec::new(),
        };
        let mut skills = Vec::new();
        let roles = self.roles(&occupations, &ratings, &technology, &mut report);
        for (id, (name, category)) in &ratings.elements {
            let name = names.get(id.as_str()).unwrap_or(name);
            skills.push(Skill::new(id.as_str(), name.as_str()).with_category(*category));
        }
        skills.extend(technology_skills(&technology));
        let (skills, roles) = keep_used(skills, roles, &mut report);
        let roles = self.with_education(roles, &zones, &mut report);
        report.add("skills made", skills.len());
        report.add("roles made", roles.len());
        let catalog = Catalog::builder().skills(skills).roles(roles).build()?;
        Ok(Import { catalog, report })
    }

    /// The roles with the degree their job zone asks for.
    fn with_education(
        &self,
        roles: Vec<Role>,
        zones: &[zones::Zone],
        report: &mut ImportReport,
    ) -> Vec<Role> {
        let by_code: BTreeMap<&str, &zones::Zone> =
            zones.iter().map(|z| (z.code.as_str(), z)).collect();
        roles
            .into_iter()
            .map(|role| {
                let zone = by_code.get(role.id().as_str());
                match zone.and_then(|z| zones::credential(z, self.education_gates)) {
                    Some(c) => {
                        report.count("occupations given a degree by their job zone");
                        role.with_credential(c)
                    }
                    None => role,
                }
            })
            .collect()
    }

    fn check(&self) -> Result<()> {
        for (name, v) in [
            ("min_importance", self.min_importance),
            ("essential_from", self.essential_from),
            ("important_from", self.important_from),
        ] {
            if !(1.0..=5.0).contains(&v) {
                return Err(Error::InvalidArgument {
                    name,
                    value: v.to_string(),
                    expected: "an importance from 1 to 5",
                });
            }
        }
        Ok(())
    }

    /// The rating files present, joined.
    fn ratings(
        &self,
        folders: &[PathBuf],
        dir: &Path,
        report: &mut ImportReport,
    ) -> Result<Ratings> {
        let mut ratings = Ratings::default();
        let abilities = [("Abilities.txt", "abilities")];
        let files = RATING_FILES
            .iter()
            .chain(abilities.iter().filter(|_| self.abilities));
        let mut skills_found = false;
        for &(name, category) in files {
            if let Some(path) = find(folders, &[name]) {
                skills_found |= category.ends_with("skills");
                ratings.add(&Table::read(&path, Dialect::Tsv)?, category, report)?;
            } else if name == "Knowledge.txt" {
                return Err(missing(dir, name));
            }
        }
        if !skills_found {
            return Err(missing(dir, "Skills.txt` (or `Essential Skills.txt`"));
        }
        Ok(ratings)
    }

    /// The roles: per occupation, its rated requirements then its technologies.
    fn roles(
        &self,
        occupations: &[(String, String)],
        ratings: &Ratings,
        technology: &[Technology],
        report: &mut ImportReport,
    ) -> Vec<Role> {
        let mut by_code: BTreeMap<&str, Vec<Requirement>> = BTreeMap::new();
        for ((code, element), rating) in &ratings.pairs {
            if let Some(r) = self.requirement(element, rating, report) {
                by_code.entry(code.as_str()).or_default().push(r);
            }
        }
        for t in technology {
            by_code
                .entry(t.code.as_str())
                .or_default()
                .push(self.technology_requirement(t));
        }
        let mut roles = Vec::with_capacity(occupations.len());
        for (code, title) in occupations {
            let Some(reqs) = by_code.remove(code.as_str()) else {
                report.count("occupations without requirements left out");
                continue;
            };
            roles.push(
                reqs.into_iter()
                    .fold(Role::new(code.as_str(), title.as_str()), Role::with),
            );
        }
        let unknown: usize = by_code.values().map(Vec::len).sum();
        report.add("requirements of unknown occupations skipped", unknown);
        roles
    }

    /// The requirement one rating makes, if any (the others counted).
    fn requirement(
        &self,
        element: &str,
        rating: &Rating,
        report: &mut ImportReport,
    ) -> Option<Requirement> {
        let (Some(im), Some(lv)) = (rating.importance, rating.level) else {
            report.count("ratings without both IM and LV skipped");
            return None;
        };
        if rating.not_relevant {
            report.count("ratings marked Not Relevant skipped");
            return None;
        }
        if im < self.min_importance {
            report.count("ratings below the importance cut-off skipped");
            return None;
        }
        let level = onet_level(lv);
        if level == Level::NONE {
            report.count("ratings at level 0 skipped");
            return None;
        }
        if rating.suppress {
            report.count("low-precision ratings kept (Recommend Suppress)");
        }
        let importance = if im >= self.essential_from {
            Importance::Essential
        } else if im >= self.important_from {
            Importance::Important
        } else {
            Importance::Optional
        };
        let r = Requirement::new(element, level, importance);
        report.count("rated requirements made");
        Some(if self.weights {
            r.with_weight(standardised(im))
        } else {
            r
        })
    }

    fn technology_requirement(&self, t: &Technology) -> Requirement {
        let importance = match u8::from(t.hot) + u8::from(t.in_demand) {
            0 => Importance::Optional,
            1 => Importance::Important,
            _ => Importance::Essential,
        };
        Requirement::new(t.name.as_str(), self.technology_level, importance)
    }
}

/// An O*NET level (0–7) on skillgap's scale (0–5): `round(lv × 5 / 7)`.
pub(crate) fn onet_level(lv: f64) -> Level {
    let scaled = (lv.clamp(0.0, 7.0) * 5.0 / 7.0).round();
    Level::constant(scaled as u8)
}

/// O*NET's standardised importance on 0–1: `(im − 1) / 4`, to two decimals.
fn standardised(im: f64) -> f64 {
    ((im.clamp(1.0, 5.0) - 1.0) / 4.0 * 100.0).round() / 100.0
}

fn missing(dir: &Path, name: &str) -> Error {
    Error::ImportFile {
        file: dir.display().to_string(),
        reason: format!(
            "no `{name}` here or in a folder below; point to the unpacked O*NET text release"
        ),
    }
}

/// `Occupation Data.txt`: (code, title) in file order, each code once.
fn occupations(table: &Table, report: &mut ImportReport) -> Result<Vec<(String, String)>> {
    let columns = [
        Column::required("O*NET-SOC Code"),
        Column::required("Title"),
    ];
    let mut seen = StrMap::default();
    let mut out = Vec::new();
    table.rows(&columns, |row| {
        let code = row.need(0, "O*NET-SOC Code")?;
        let title = row.need(1, "Title")?;
        if seen.insert(code.into(), ()).is_none() {
            out.push((code.to_string(), title.to_string()));
        }
        Ok(())
    })?;
    report.add("occupations read", out.len());
    Ok(out)
}

/// `Content Model Reference.txt`: element names by id.
fn element_names(table: &Table) -> Result<StrMap<String>> {
    let columns = [
        Column::required("Element ID"),
        Column::required("Element Name"),
    ];
    let mut out = StrMap::default();
    table.rows(&columns, |row| {
        out.insert(
            row.need(0, "Element ID")?.into(),
            row.need(1, "Element Name")?.to_string(),
        );
        Ok(())
    })?;
    Ok(out)
}

/// One skill per technology example (case aside), its commodity as its category.
fn technology_skills(technology: &[Technology]) -> Vec<Skill> {
    let mut seen = StrMap::default();
    technology
        .iter()
        .filter(|t| seen.insert(t.name.to_lowercase().into(), ()).is_none())
        .map(|t| {
            let skill = Skill::new(t.name.as_str(), t.name.as_str());
            if t.commodity.is_empty() {
                skill
            } else {
                skill.with_category(t.commodity.as_str())
            }
        })
        .collect()
}

/// The skills some role requires, and the roles (technology requirements renamed to the
/// one skill per example, case aside).
fn keep_used(
    skills: Vec<Skill>,
    roles: Vec<Role>,
    report: &mut ImportReport,
) -> (Vec<Skill>, Vec<Role>) {
    let ids: StrMap<String> = skills
        .iter()
        .map(|s| (s.id().as_str().to_lowercase().into(), s.id().to_string()))
        .collect();
    let mut used = StrMap::default();
    let roles: Vec<Role> = roles
        .into_iter()
        .map(|role| {
            let mut out = Role::new(role.id().clone(), role.name());
            let mut seen = StrMap::default();
            for r in role.requirements() {
                let id = ids
                    .get(r.skill().as_str().to_lowercase().as_str())
                    .map_or(r.skill().as_str(), String::as_str);
                if seen.insert(id.into(), ()).is_none() {
                    used.insert(id.into(), ());
                    let mut q = Requirement::new(id, r.level(), r.importance());
                    if let Some(w) = r.weight() {
                        q = q.with_weight(w);
                    }
                    out = out.with(q);
                }
            }
            out
        })
        .collect();
    let before = skills.len();
    let skills: Vec<Skill> = skills
        .into_iter()
        .filter(|s| used.contains_key(s.id().as_str()))
        .collect();
    report.add(
        "elements no occupation requires left out",
        before - skills.len(),
    );
    (skills, roles)
}
