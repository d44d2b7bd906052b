//! Helpers shared by the examples: reading catalogs and profiles (a file or `-` for
//! stdin, JSON or TOML), exit statuses, writing to stdout quietly past a closed pipe, and
//! printing a plan for a person.
//!
//! Exit statuses: 0 on success (also when the reader of stdout went away early, as with
//! `| head`), 1 for bad input (a file that cannot be read, a catalog or profile that is
//! not valid, an unknown role), 2 for a usage error (clap prints those itself).

// Each example uses part of this module.
#![allow(dead_code)]

use std::fmt;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use skillgap::plan::{Objective, Schedule};
use skillgap::{Catalog, Plan, Profile};

/// Why an example stopped.
#[derive(Debug)]
pub enum Failure {
    /// Bad input: exit status 1, the message on stderr.
    Input(String),
    /// The reader of stdout went away (`| head`): stop quietly, exit status 0.
    ClosedPipe,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedPipe
        } else {
            Failure::Input(format!("cannot write the output: {e}"))
        }
    }
}

impl From<skillgap::Error> for Failure {
    fn from(e: skillgap::Error) -> Failure {
        Failure::Input(e.to_string())
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Input(message)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Input(message) => f.write_str(message),
            Failure::ClosedPipe => f.write_str("output closed"),
        }
    }
}

/// The exit status for `result`, with the error on stderr.
pub fn exit(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) | Err(Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

/// Buffered stdout; write with `writeln!` and `?` so a closed pipe ends the run quietly.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// The bytes of `path`, or of stdin for `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| Failure::Input(format!("cannot read `{}`: {e}", display_path(path))))?;
    Ok(bytes)
}

/// The text of `path`, or of stdin for `-`.
pub fn read(path: &str) -> Result<String, Failure> {
    String::from_utf8(read_bytes(path)?)
        .map_err(|e| Failure::Input(format!("{}: not UTF-8 text: {e}", display_path(path))))
}

fn display_path(path: &str) -> &str {
    if path == "-" {
        "stdin"
    } else {
        path
    }
}

/// Whether the document at `path` is TOML: by its extension, else by its content (a JSON
/// document starts with `{`).
fn is_toml(path: &str, text: &str) -> bool {
    match std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
    {
        Some(ext) if ext.eq_ignore_ascii_case("toml") => true,
        Some(ext) if ext.eq_ignore_ascii_case("json") => false,
        _ => !text.trim_start().starts_with('{'),
    }
}

/// Reads a JSON or TOML document with the matching reader.
fn parse<T>(
    path: &str,
    json: fn(&str) -> skillgap::Result<T>,
    #[allow(unused_variables)] toml: Option<fn(&str) -> skillgap::Result<T>>,
) -> Result<T, Failure> {
    let text = read(path)?;
    let what = display_path(path);
    if !is_toml(path, &text) {
        return json(&text).map_err(|e| Failure::Input(format!("{what}: {e}")));
    }
    match toml {
        Some(toml) => toml(&text).map_err(|e| Failure::Input(format!("{what}: {e}"))),
        None => Err(Failure::Input(format!(
            "{what}: a TOML document needs the `toml` feature: add `--features toml` \
             to the cargo command, or give a JSON document"
        ))),
    }
}

#[cfg(feature = "toml")]
const CATALOG_TOML: Option<fn(&str) -> skillgap::Result<Catalog>> = Some(Catalog::from_toml);
#[cfg(not(feature = "toml"))]
const CATALOG_TOML: Option<fn(&str) -> skillgap::Result<Catalog>> = None;
#[cfg(feature = "toml")]
const PROFILE_TOML: Option<fn(&str) -> skillgap::Result<Profile>> = Some(Profile::from_toml);
#[cfg(not(feature = "toml"))]
const PROFILE_TOML: Option<fn(&str) -> skillgap::Result<Profile>> = None;

/// The catalog in `path` (JSON or TOML; `-` for stdin), or the built-in one.
pub fn load_catalog(path: Option<&str>) -> Result<Catalog, Failure> {
    match path {
        Some(p) => parse(p, Catalog::from_json, CATALOG_TOML),
        None => Ok(Catalog::builtin().clone()),
    }
}

/// The profile in `path` (JSON or TOML; `-` for stdin).
pub fn load_profile(path: &str) -> Result<Profile, Failure> {
    parse(path, Profile::from_json, PROFILE_TOML)
}

/// `text` cut to `max` characters, with `…` when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut clipped: String = text.chars().take(max.saturating_sub(1)).collect();
    clipped.push('…');
    clipped
}

/// An amount of money in the catalog's currency, e.g. `299 USD`, or `299` when the
/// catalog does not say.
pub fn money(catalog: &Catalog, amount: f64) -> String {
    match catalog.currency() {
        Some(code) => format!("{amount:.0} {code}"),
        None => format!("{amount:.0}"),
    }
}

/// What the optimality of a plan means under `objective`, for a person.
pub fn optimality(plan: &Plan<'_>, objective: Objective) -> &'static str {
    match (plan.is_optimal(), objective) {
        (false, _) => {
            "a good plan, found by a heuristic: too many courses to prove no better one exists"
        }
        (true, Objective::Cost) => "no cheaper set of these courses closes the same gaps",
        (true, Objective::Hours) => "no set of these courses closes the same gaps in fewer hours",
        (true, _) => "the best set of these courses under the weighting you chose",
    }
}

/// Prints a plan by stage: each course with its hours, cost, its weeks on `schedule` and
/// the gaps it closes, then the totals and the gaps no course can close.
pub fn print_plan(
    out: &mut impl Write,
    plan: &Plan<'_>,
    schedule: &Schedule,
    objective: Objective,
) -> io::Result<()> {
    let catalog = plan.catalog();
    let mut i = 0;
    for (stage, courses) in plan.stages().into_iter().enumerate() {
        writeln!(out, "Stage {}", stage + 1)?;
        for pc in courses {
            let c = pc.course();
            let w = &schedule.courses[i];
            let closes: Vec<&str> = pc.closes().iter().map(|s| s.name()).collect();
            let closes = if closes.is_empty() {
                "(needed by a later course)".to_string()
            } else {
                closes.join(", ")
            };
            let weeks = if w.start_week == w.end_week {
                format!("week {}", w.start_week)
            } else {
                format!("weeks {}-{}", w.start_week, w.end_week)
            };
            writeln!(
                out,
                "  {:>2}. {:<48} {:>4.0} h {:>9}  {weeks:<12} closes: {closes}",
                i + 1,
                clip(c.title(), 48),
                c.hours(),
                money(catalog, c.cost()),
            )?;
            i += 1;
        }
    }
    writeln!(
        out,
        "In all: {} course(s) in {} stage(s), {:.0} hours, {}; {} week(s) at {} hours a week.",
        plan.courses().len(),
        plan.stage_count(),
        plan.total_hours(),
        money(catalog, plan.total_cost()),
        schedule.weeks,
        schedule.hours_per_week,
    )?;
    writeln!(
        out,
        "Courses of one stage need nothing from each other; a stage builds on the ones before."
    )?;
    if !plan.courses().is_empty() {
        writeln!(out, "This plan: {}.", optimality(plan, objective))?;
    }
    for u in plan.uncovered() {
        writeln!(
            out,
            "Not covered: {} to level {}: {}",
            u.skill.name(),
            u.need.get(),
            u.reason
        )?;
    }
    for g in plan.gates() {
        writeln!(out, "Credential: {g}")?;
    }
    if let Some((hours, months)) = plan.programme_time().filter(|_| !plan.gates().is_empty()) {
        writeln!(
            out,
            "With the programmes: {:.0} hours ({:.0} of courses, {hours:.0} of programmes over \
             about {:.1} years) against {:.0} for the skills alone.",
            plan.total_hours() + hours,
            plan.total_hours(),
            months / 12.0,
            plan.total_hours()
        )?;
    }
    for (i, cycle) in plan.course_cycles().iter().enumerate() {
        writeln!(
            out,
            "Course cycle {}: {} (each needs what another teaches)",
            i + 1,
            cycle.join(" → ")
        )?;
    }
    Ok(())
}

/// Prints a role's credentials checked against the profile (gates met and missing,
/// preferred credentials held or not) and its facts (pay, demand) with their sources.
pub fn print_role_facts(
    out: &mut impl Write,
    assessment: &skillgap::Assessment<'_>,
    role: &skillgap::Role,
) -> Result<(), Failure> {
    let checks = assessment.credentials(role.id().as_str())?;
    if checks.is_empty() && role.pay().is_empty() && role.demand().is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}:", role.name())?;
    for c in &checks {
        let need = if c.requirement.is_gate() {
            "gate"
        } else {
            "preferred"
        };
        let status = match (&c.met_by, c.requirement.is_gate()) {
            (Some(held), _) => format!("met by your {held}"),
            (None, true) => "MISSING: not ready without it".to_string(),
            (None, false) => format!("not held (weight {} in the readiness)", c.weight),
        };
        writeln!(out, "  {need}: {}: {status}", c.requirement)?;
    }
    for p in role.pay() {
        let amount = match p.bounds() {
            Some([low, high]) => format!("{low:.0}-{high:.0}"),
            None => format!("{:.0}", p.typical()),
        };
        let at = p.employer().map(|e| format!(" at {e}")).unwrap_or_default();
        writeln!(
            out,
            "  pay ({:?}{at}, {}): {amount} {} a {} ({}, {})",
            p.seniority(),
            p.region(),
            p.currency(),
            p.period().name(),
            clip(p.source(), 48),
            p.year()
        )?;
    }
    for d in role.demand() {
        writeln!(
            out,
            "  demand: {} ({}, {})",
            clip(d.text(), 100),
            clip(d.source(), 48),
            d.year()
        )?;
    }
    Ok(())
}
