//! Plan the courses that make a profile ready for a role: stages, courses and weeks.
//!
//! ```text
//! cargo run --example plan -- --profile examples/data/data-scientist.json \
//!     --target machine-learning-engineer [--catalog FILE] [--objective hours|cost] \
//!     [--hours-per-week N] [--format text|json|markdown|dot]
//! ```
//!
//! Bad arguments or files exit with status 2 and the error on stderr.

use std::process::ExitCode;

use serde_json::json;
use skillgap::plan::Objective;
use skillgap::{Planner, Profile};

mod common;

const USAGE: &str = "usage: plan --profile FILE --target ROLE_ID [--catalog FILE] \
[--objective hours|cost] [--hours-per-week N] [--format text|json|markdown|dot]";

struct Args {
    profile: String,
    target: String,
    catalog: Option<String>,
    objective: Objective,
    hours_per_week: f64,
    format: String,
}

fn parse_args() -> Result<Args, String> {
    let mut flags = common::Flags::new(USAGE);
    let (mut profile, mut target, mut catalog) = (None, None, None);
    let mut objective = Objective::Hours;
    let mut hours_per_week = 10.0;
    let mut format = "text".to_string();
    while let Some(arg) = flags.next_flag() {
        match arg.as_str() {
            "--profile" => profile = Some(flags.value(&arg)?),
            "--target" => target = Some(flags.value(&arg)?),
            "--catalog" => catalog = Some(flags.value(&arg)?),
            "--objective" => {
                objective = match flags.value(&arg)?.as_str() {
                    "hours" => Objective::Hours,
                    "cost" => Objective::Cost,
                    other => {
                        return Err(format!("--objective expects hours or cost, got `{other}`"))
                    }
                }
            }
            "--hours-per-week" => hours_per_week = flags.number(&arg)?,
            "--format" => {
                format = flags.value(&arg)?;
                if !["text", "json", "markdown", "dot"].contains(&format.as_str()) {
                    return Err(format!(
                        "--format expects text, json, markdown or dot, got `{format}`"
                    ));
                }
            }
            other => return Err(flags.unknown(other)),
        }
    }
    Ok(Args {
        profile: profile.ok_or_else(|| flags.missing("--profile"))?,
        target: target.ok_or_else(|| flags.missing("--target"))?,
        catalog,
        objective,
        hours_per_week,
        format,
    })
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let catalog = common::load_catalog(args.catalog.as_deref())?;
    let profile = Profile::from_json(&common::read(&args.profile)?)
        .map_err(|e| format!("{}: {e}", args.profile))?;
    let assessment = catalog.assess(&profile).map_err(|e| e.to_string())?;
    let plan = Planner::new(&assessment)
        .objective(args.objective)
        .for_role(&args.target)
        .map_err(|e| e.to_string())?;
    let schedule = plan
        .schedule(args.hours_per_week)
        .map_err(|e| e.to_string())?;
    match args.format.as_str() {
        "json" => {
            let doc = json!({
                "plan": plan,
                "weeks": schedule.weeks,
                "hours_per_week": schedule.hours_per_week,
                "schedule": schedule.courses,
                "warnings": assessment.warnings().iter().map(ToString::to_string).collect::<Vec<_>>(),
            });
            println!("{doc}");
        }
        "markdown" => print!(
            "{}",
            plan.to_markdown(Some(args.hours_per_week))
                .map_err(|e| e.to_string())?
        ),
        "dot" => print!("{}", plan.to_dot()),
        _ => {
            for w in assessment.warnings() {
                println!("warning: {w}");
            }
            let role = catalog
                .role(&args.target)
                .map_or(args.target.as_str(), |r| r.name());
            println!("Plan for {role}\n");
            common::print_plan(&plan, &schedule);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    common::exit(run())
}
