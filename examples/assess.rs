//! Assess a profile against every role of a catalog, with the gaps and a course plan.
//!
//! ```text
//! cargo run --example assess -- --profile examples/data/data-scientist.json \
//!     [--catalog FILE] [--target ROLE_ID] [--top N] [--hours-per-week N] [--json] [--strict]
//! ```
//!
//! Bad arguments or files exit with status 2 and the error on stderr.

use std::process::ExitCode;

use serde_json::json;
use skillgap::{Assessor, Catalog, Profile};

const USAGE: &str = "usage: assess --profile FILE [--catalog FILE] [--target ROLE_ID] [--top N] \
[--hours-per-week N] [--json] [--strict]";

struct Args {
    profile: String,
    catalog: Option<String>,
    target: Option<String>,
    top: Option<usize>,
    hours_per_week: f64,
    json: bool,
    strict: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut profile, mut catalog, mut target, mut top) = (None, None, None, None);
    let (mut json, mut strict) = (false, false);
    let mut hours_per_week = 10.0;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--profile" => profile = Some(value("--profile")?),
            "--catalog" => catalog = Some(value("--catalog")?),
            "--target" => target = Some(value("--target")?),
            "--top" => {
                let v = value("--top")?;
                top = Some(
                    v.parse()
                        .map_err(|_| format!("--top expects a number, got `{v}`"))?,
                );
            }
            "--hours-per-week" => {
                let v = value("--hours-per-week")?;
                hours_per_week = v
                    .parse()
                    .map_err(|_| format!("--hours-per-week expects a number, got `{v}`"))?;
            }
            "--json" => json = true,
            "--strict" => strict = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(Args {
        profile: profile.ok_or_else(|| format!("--profile is required\n{USAGE}"))?,
        catalog,
        target,
        top,
        hours_per_week,
        json,
        strict,
    })
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let owned;
    let catalog = match &args.catalog {
        Some(path) => {
            owned = Catalog::from_json(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
            &owned
        }
        None => Catalog::builtin(),
    };
    let profile =
        Profile::from_json(&read(&args.profile)?).map_err(|e| format!("{}: {e}", args.profile))?;
    let assessment = Assessor::new(catalog)
        .strict(args.strict)
        .assess(&profile)
        .map_err(|e| e.to_string())?;
    let top = args.top.unwrap_or(usize::MAX);
    let plan = match &args.target {
        Some(t) => Some(assessment.plan(t).map_err(|e| e.to_string())?),
        None => None,
    };
    let schedule = match &plan {
        Some(p) => Some(p.schedule(args.hours_per_week).map_err(|e| e.to_string())?),
        None => None,
    };

    if args.json {
        let mut roles = Vec::new();
        for rs in assessment.roles().iter().take(top) {
            let gaps = assessment
                .gaps(rs.role().id().as_str())
                .map_err(|e| e.to_string())?;
            roles.push(json!({
                "id": rs.role().id(),
                "name": rs.role().name(),
                "score": rs.score(),
                "ready": rs.is_ready(),
                "gaps": gaps.by_priority(),
            }));
        }
        let warnings: Vec<String> = assessment
            .warnings()
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut plan_json = serde_json::to_value(&plan).map_err(|e| e.to_string())?;
        if let (Some(obj), Some(s)) = (plan_json.as_object_mut(), &schedule) {
            obj.insert("weeks".into(), json!(s.weeks));
            obj.insert("hours_per_week".into(), json!(s.hours_per_week));
        }
        let doc = json!({ "roles": roles, "plan": plan_json, "warnings": warnings });
        println!("{doc}");
        return Ok(());
    }

    for w in assessment.warnings() {
        println!("warning: {w}");
    }
    println!(
        "{:<4} {:<28} {:>7}  {:<6} {:>5}  top gaps",
        "rank", "role", "score", "ready", "gaps"
    );
    for (i, rs) in assessment.roles().iter().take(top).enumerate() {
        let gaps = assessment
            .gaps(rs.role().id().as_str())
            .map_err(|e| e.to_string())?;
        let first: Vec<String> = gaps
            .by_priority()
            .iter()
            .take(3)
            .map(|g| format!("{} {:.1}→{}", g.skill().id(), g.have(), g.need().get()))
            .collect();
        println!(
            "{:<4} {:<28} {:>6.1}%  {:<6} {:>5}  {}",
            i + 1,
            rs.role().name(),
            rs.score() * 100.0,
            if rs.is_ready() { "yes" } else { "no" },
            gaps.len(),
            first.join(", ")
        );
    }
    if let Some(plan) = plan {
        let target = plan.target().map_or("", |t| t.as_str());
        println!("\nplan for {target}:");
        println!(
            "{:<4} {:<56} {:>6} {:>7}  closes",
            "step", "course", "hours", "cost"
        );
        for (i, step) in plan.courses().iter().enumerate() {
            let c = step.course();
            let closes: Vec<&str> = step.closes().iter().map(|s| s.as_str()).collect();
            println!(
                "{:<4} {:<5} {:<56} {:>6.0} {:>7.0}  {}",
                i + 1,
                step.stage() + 1,
                c.title(),
                c.hours(),
                c.cost(),
                if closes.is_empty() {
                    "(prerequisite)".into()
                } else {
                    closes.join(", ")
                }
            );
        }
        let weeks = schedule.as_ref().map_or(0, |s| s.weeks);
        println!(
            "total: {:.0} hours, {:.0} cost, {} stage(s), {weeks} week(s) at {} h/week",
            plan.total_hours(),
            plan.total_cost(),
            plan.stage_count(),
            args.hours_per_week
        );
        for u in plan.uncovered() {
            println!("uncovered: {} to {}: {}", u.skill, u.need.get(), u.reason);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
