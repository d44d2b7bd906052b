//! Plan the courses that make a profile ready for a role: stages, courses and weeks.
//!
//! ```text
//! cargo run --example plan -- --profile examples/data/data-scientist.json \
//!     --target machine-learning-engineer --objective cost --format markdown
//! echo "Python (advanced), SQL" | cargo run --example plan -- --profile-text - \
//!     --target data-scientist --scope ready
//! cargo run --example plan -- --profile examples/data/newcomer.json \
//!     --target data-scientist --format html > plan.html
//! cargo run --example plan -- --help
//! ```
//!
//! Exit status: 0 on success, 1 for bad input (a file, catalog, profile or role that is
//! not right), 2 for bad arguments.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use serde::Serialize;
use skillgap::io::ProfileParser;
use skillgap::plan::{Objective, Schedule, Scope};
use skillgap::render::HtmlReport;
use skillgap::Planner;

mod common;
use common::Failure;

/// Plan the courses that close the gaps between a profile and a role: the cheapest set
/// (in hours or in money) in an order where every course comes after what it needs.
#[derive(Parser)]
#[command(version, group = clap::ArgGroup::new("input").required(true))]
struct Args {
    /// The profile document (JSON, or TOML with the `toml` feature); `-` reads stdin.
    #[arg(long, value_name = "FILE", group = "input")]
    profile: Option<String>,
    /// Free text listing skills ("Python (advanced), SQL: 3, Docker"); `-` reads stdin.
    #[arg(long, value_name = "FILE", group = "input")]
    profile_text: Option<String>,
    /// The role to plan for (its id, name or alias).
    #[arg(long, value_name = "ROLE")]
    target: String,
    /// The catalog of skills, roles and courses (JSON or TOML); `-` reads stdin. Default:
    /// the built-in catalog.
    #[arg(long, value_name = "FILE")]
    catalog: Option<String>,
    /// What the plan minimises: study hours, money, or a weighted sum of both
    /// (--hour-weight × hours + --cost-weight × cost).
    #[arg(long, value_enum, default_value_t = ObjectiveArg::Hours)]
    objective: ObjectiveArg,
    /// With --objective weighted: the weight of one study hour.
    #[arg(long, value_name = "W", default_value_t = 1.0)]
    hour_weight: f64,
    /// With --objective weighted: the weight of one unit of money.
    #[arg(long, value_name = "W", default_value_t = 0.1)]
    cost_weight: f64,
    /// Which gaps to close: all of them, or only what makes the role ready (its essential
    /// requirements and what they need).
    #[arg(long, value_enum, default_value_t = ScopeArg::All)]
    scope: ScopeArg,
    /// Study hours per week, for the calendar.
    #[arg(long, value_name = "HOURS", default_value_t = 10.0)]
    hours_per_week: f64,
    /// Output: text for people, json, markdown, dot (Graphviz), or html (a self-contained
    /// report with charts; redirect it to a file).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum ObjectiveArg {
    Hours,
    Cost,
    Weighted,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScopeArg {
    All,
    Ready,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
    Dot,
    Html,
}

/// The JSON document: the plan, its calendar, the target's credentials checked and its
/// facts, and the assessment's warnings.
#[derive(Serialize)]
struct Document<'p, 'c> {
    plan: &'p skillgap::Plan<'c>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    credentials: Vec<skillgap::assess::CredentialCheck<'c>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pay: &'c [skillgap::model::Pay],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    demand: &'c [skillgap::model::Demand],
    weeks: u32,
    hours_per_week: f64,
    schedule: &'p [skillgap::plan::ScheduledCourse],
    warnings: Vec<String>,
}

fn main() -> ExitCode {
    common::exit(run(Args::parse()))
}

fn run(args: Args) -> Result<(), Failure> {
    let catalog = common::load_catalog(args.catalog.as_deref())?;
    let profile = match (&args.profile, &args.profile_text) {
        (Some(path), _) => common::load_profile(path)?,
        (None, text) => {
            let path = text.as_deref().unwrap_or("-");
            let parsed = ProfileParser::new(&catalog).parse_bytes(&common::read_bytes(path)?)?;
            for w in parsed.warnings() {
                eprintln!("warning: {w}");
            }
            parsed.into_profile()
        }
    };
    let assessment = catalog.assess(&profile)?;
    let objective = match args.objective {
        ObjectiveArg::Hours => Objective::Hours,
        ObjectiveArg::Cost => Objective::Cost,
        ObjectiveArg::Weighted => Objective::Weighted {
            hours: args.hour_weight,
            cost: args.cost_weight,
        },
    };
    let scope = match args.scope {
        ScopeArg::All => Scope::AllGaps,
        ScopeArg::Ready => Scope::Ready,
    };
    let target = catalog
        .resolve_role(&args.target)
        .map_or(args.target.as_str(), |r| r.id().as_str());
    let plan = Planner::new(&assessment)
        .objective(objective)
        .scope(scope)
        .for_role(target)?;
    let schedule = plan.schedule(args.hours_per_week)?;
    let mut out = common::stdout();
    match args.format {
        Format::Json => write_json(&mut out, &plan, &schedule, &assessment)?,
        Format::Markdown => write!(out, "{}", plan.to_markdown(Some(args.hours_per_week))?)?,
        Format::Dot => write!(out, "{}", plan.to_dot())?,
        Format::Html => {
            let html = HtmlReport::new(&assessment)
                .plan(&plan)
                .hours_per_week(args.hours_per_week)
                .render()?;
            out.write_all(html.as_bytes())?;
        }
        Format::Text => {
            for w in assessment.warnings() {
                eprintln!("warning: {w}");
            }
            let role = catalog.role(target).map_or(target, |r| r.name());
            writeln!(out, "Plan for {role}\n")?;
            common::print_plan(&mut out, &plan, &schedule, objective)?;
            if let Some(role) = catalog.role(target) {
                common::print_role_facts(&mut out, &assessment, role)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn write_json(
    out: &mut impl Write,
    plan: &skillgap::Plan<'_>,
    schedule: &Schedule,
    assessment: &skillgap::Assessment<'_>,
) -> Result<(), Failure> {
    let role = plan.target().and_then(|t| assessment.catalog().role(t));
    let doc = Document {
        plan,
        credentials: match role {
            Some(r) => assessment.credentials(r.id().as_str())?,
            None => Vec::new(),
        },
        pay: role.map_or(&[], |r| r.pay()),
        demand: role.map_or(&[], |r| r.demand()),
        weeks: schedule.weeks,
        hours_per_week: schedule.hours_per_week,
        schedule: &schedule.courses,
        warnings: assessment
            .warnings()
            .iter()
            .map(ToString::to_string)
            .collect(),
    };
    let json = serde_json::to_string(&doc).map_err(|e| format!("cannot write JSON: {e}"))?;
    writeln!(out, "{json}")?;
    Ok(())
}
