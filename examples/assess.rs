//! Assess a profile against every role of a catalog, with the gaps and a course plan.
//!
//! ```text
//! cargo run --example assess -- --profile examples/data/data-scientist.json \
//!     --target machine-learning-engineer
//! cargo run --example assess -- --profile-text examples/data/newcomer.txt --json
//! cargo run --example assess -- --cv examples/data/cv-career-changer.txt \
//!     --posting examples/data/posting-data-engineer.txt
//! cargo run --example assess -- --profile examples/data/data-scientist.json \
//!     --target machine-learning-engineer --html report.html
//! cargo run --example assess -- --help
//! ```
//!
//! `--profile-text` reads what a person pasted ("Python (advanced), SQL: 3, Docker") and
//! shows how each item was resolved. `--cv` reads a CV in prose and `--posting` a job
//! posting, which becomes the target role. Exit status: 0 on success, 1 for bad input (a file,
//! catalog, profile or role that is not right), 2 for bad arguments.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use skillgap::assess::{Assessor, CredentialCheck, Rank, RoleScore, Source};
use skillgap::io::{DocumentKind, Extractor, ProfileParser};
use skillgap::model::{Demand, Pay};
use skillgap::plan::{Objective, Schedule};
use skillgap::render::HtmlReport;
use skillgap::{Assessment, Catalog, Gaps, Plan, Policy, Profile};

mod common;
use common::Failure;

/// Score a profile against every role of a catalog: how ready you are for each role, the
/// skills you lack for the best ones, and (with --target) the courses that close them.
#[derive(Parser)]
#[command(version, group = clap::ArgGroup::new("input").required(true))]
struct Args {
    /// The profile document (JSON, or TOML with the `toml` feature); `-` reads stdin.
    #[arg(long, value_name = "FILE", group = "input")]
    profile: Option<String>,
    /// Free text listing skills, as a person would paste it ("Python (advanced), SQL: 3,
    /// Docker"); `-` reads stdin. Each item's resolution is shown.
    #[arg(long, value_name = "FILE", group = "input")]
    profile_text: Option<String>,
    /// A CV in prose; the skills it mentions (with levels from years and level words)
    /// become the profile. `-` reads stdin.
    #[arg(long, value_name = "FILE", group = "input")]
    cv: Option<String>,
    /// A job posting in prose: the skills it asks for (essential or optional by its
    /// sections and phrasing) become the target role. Replaces --target.
    #[arg(long, value_name = "FILE", conflicts_with = "target")]
    posting: Option<String>,
    /// The catalog of skills, roles and courses (JSON or TOML); `-` reads stdin. Default:
    /// the built-in catalog of data and ML roles.
    #[arg(long, value_name = "FILE")]
    catalog: Option<String>,
    /// Plan the courses toward this role (its id, name or alias).
    #[arg(long, value_name = "ROLE")]
    target: Option<String>,
    /// Show only the best N roles.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Study hours per week, for the plan's calendar.
    #[arg(long, value_name = "HOURS", default_value_t = 10.0)]
    hours_per_week: f64,
    /// Print one JSON document instead of text.
    #[arg(long)]
    json: bool,
    /// Also write an HTML report with charts to FILE (`-` for stdout, instead of the text):
    /// fit to every role, the target's requirements, gaps, the plan as a timeline, and
    /// what to learn next. Without --target, the best-fitting role is the target.
    #[arg(long, value_name = "FILE")]
    html: Option<String>,
    /// Treat skills that match nothing in the catalog as errors instead of warnings.
    #[arg(long)]
    strict: bool,
    /// Order the roles by fit (which roles suit this profile: readiness and how much of
    /// the profile each role uses) or by readiness alone (how much of each role is met).
    #[arg(long, value_enum, default_value_t = RankArg::Fit)]
    rank: RankArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum RankArg {
    Fit,
    Readiness,
}

/// How many gaps the text output lists per role.
const GAPS_SHOWN: usize = 3;

fn main() -> ExitCode {
    common::exit(run(Args::parse()))
}

fn run(mut args: Args) -> Result<(), Failure> {
    let mut catalog = common::load_catalog(args.catalog.as_deref())?;
    if let Some(path) = &args.posting {
        catalog = with_posting(catalog, path)?;
        args.target = Some(POSTING.to_string());
    }
    let mut out = common::stdout();
    let profile = read_profile(&args, &catalog, &mut out)?;
    let mut policy = Policy::default();
    policy.rank = match args.rank {
        RankArg::Fit => Rank::Fit,
        RankArg::Readiness => Rank::Readiness,
    };
    let assessment = Assessor::new(&catalog)
        .policy(policy)
        .strict(args.strict)
        .assess(&profile)?;
    let plan = match &args.target {
        Some(t) => {
            let role = catalog
                .resolve_role(t)
                .map_or(t.as_str(), |r| r.id().as_str());
            Some(assessment.plan(role)?)
        }
        None => None,
    };
    let schedule = plan
        .as_ref()
        .map(|p| p.schedule(args.hours_per_week))
        .transpose()?;
    let top = args.top.unwrap_or(usize::MAX);
    if let Some(path) = &args.html {
        write_html(path, &assessment, plan.as_ref(), &args)?;
        if path == "-" {
            return Ok(());
        }
    }
    if args.json {
        write_json(&mut out, &assessment, top, plan.as_ref(), schedule.as_ref())?;
    } else {
        write_text(&mut out, &assessment, top)?;
        if let (Some(plan), Some(schedule)) = (&plan, &schedule) {
            let role = plan.target().and_then(|t| catalog.role(t));
            writeln!(
                out,
                "\nCourse plan for {}:",
                role.map_or("the target", |r| r.name())
            )?;
            common::print_plan(&mut out, plan, schedule, Objective::Hours)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes the HTML report to `path` (`-`: stdout).
fn write_html<'c>(
    path: &str,
    assessment: &Assessment<'c>,
    plan: Option<&Plan<'c>>,
    args: &Args,
) -> Result<(), Failure> {
    let mut report = HtmlReport::new(assessment).hours_per_week(args.hours_per_week);
    if let Some(plan) = plan {
        report = report.plan(plan);
    }
    if let Some(k) = args.top {
        report = report.top(k);
    }
    let html = report.render()?;
    if path == "-" {
        let mut out = common::stdout();
        out.write_all(html.as_bytes())?;
        out.flush()?;
    } else {
        std::fs::write(path, html).map_err(|e| format!("cannot write `{path}`: {e}"))?;
        eprintln!("wrote the report to {path}");
    }
    Ok(())
}

/// The profile from `--profile` or `--profile-text`; for text, the per-item report goes
/// to stdout before the table, or to stderr beside `--json`.
fn read_profile(args: &Args, catalog: &Catalog, out: &mut impl Write) -> Result<Profile, Failure> {
    if let Some(path) = &args.profile {
        return common::load_profile(path);
    }
    if let Some(path) = &args.cv {
        let found = Extractor::new(catalog)
            .kind(DocumentKind::Cv)
            .extract(&common::read(path)?)
            .map_err(|e| Failure::Input(format!("{path}: {e}")))?;
        return Ok(found.to_profile());
    }
    let path = args.profile_text.as_deref().unwrap_or("-");
    let parsed = ProfileParser::new(catalog)
        .strict(args.strict)
        .parse_bytes(&common::read_bytes(path)?)
        .map_err(|e| Failure::Input(format!("{path}: {e}")))?;
    if args.json {
        eprint!("{parsed}");
    } else {
        writeln!(out, "{parsed}")?;
    }
    Ok(parsed.into_profile())
}

/// The id of the role read from `--posting`.
const POSTING: &str = "posting";

/// The catalog with the role a posting describes added, as `posting`.
fn with_posting(catalog: Catalog, path: &str) -> Result<Catalog, Failure> {
    let found = catalog
        .extract(&common::read(path)?)
        .map_err(|e| Failure::Input(format!("{path}: {e}")))?;
    let role = found.to_role(POSTING, "The posted job");
    if role.requirements().is_empty() {
        return Err(Failure::Input(format!(
            "{path}: no skill of the catalog found in the posting"
        )));
    }
    Ok(catalog.into_builder().role(role).build()?)
}

/// One role of the JSON document: its score, its gaps, its credentials checked (gates
/// met and missing) and its facts.
#[derive(Serialize)]
struct RoleDoc<'c> {
    #[serde(flatten)]
    score: RoleScore<'c>,
    gaps: Gaps<'c>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    credentials: Vec<CredentialCheck<'c>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pay: &'c [Pay],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    demand: &'c [Demand],
}

/// The plan of the JSON document, with its calendar.
#[derive(Serialize)]
struct PlanDoc<'p, 'c> {
    #[serde(flatten)]
    plan: &'p Plan<'c>,
    weeks: u32,
    hours_per_week: f64,
    schedule: &'p Schedule,
}

/// The JSON document (its shape is in the README).
#[derive(Serialize)]
struct Document<'p, 'c> {
    roles: Vec<RoleDoc<'c>>,
    plan: Option<PlanDoc<'p, 'c>>,
    warnings: Vec<String>,
}

fn write_json(
    out: &mut impl Write,
    assessment: &Assessment<'_>,
    top: usize,
    plan: Option<&Plan<'_>>,
    schedule: Option<&Schedule>,
) -> Result<(), Failure> {
    let mut roles = Vec::new();
    for score in assessment.roles().iter().take(top) {
        let gaps = assessment.gaps_for(score)?;
        let role = score.role();
        roles.push(RoleDoc {
            score: *score,
            gaps,
            credentials: assessment.credentials(role.id().as_str())?,
            pay: role.pay(),
            demand: role.demand(),
        });
    }
    let plan = plan.zip(schedule).map(|(plan, schedule)| PlanDoc {
        plan,
        weeks: schedule.weeks,
        hours_per_week: schedule.hours_per_week,
        schedule,
    });
    let warnings = assessment.warnings().iter().map(ToString::to_string);
    let doc = Document {
        roles,
        plan,
        warnings: warnings.collect(),
    };
    let json = serde_json::to_string(&doc).map_err(|e| format!("cannot write JSON: {e}"))?;
    writeln!(out, "{json}")?;
    Ok(())
}

fn write_text(
    out: &mut impl Write,
    assessment: &Assessment<'_>,
    top: usize,
) -> Result<(), Failure> {
    for w in assessment.warnings() {
        eprintln!("warning: {w}");
    }
    let order = match assessment.policy().rank {
        Rank::Readiness => "most ready first",
        _ => "best fit first",
    };
    writeln!(
        out,
        "Roles for you, {order}. ready: how much of the role you meet (100% = every \
         requirement at the level asked); fit: readiness combined with how much of your \
         profile the role uses.\n"
    )?;
    writeln!(
        out,
        "{:<4} {:<28} {:>5} {:>6}  {:<6}  skills to learn first",
        "", "role", "fit", "ready", ""
    )?;
    for (i, score) in assessment.roles().iter().take(top).enumerate() {
        let gaps = assessment.gaps_for(score)?;
        let first: Vec<String> = gaps
            .by_priority()
            .take(GAPS_SHOWN)
            .map(|g| {
                format!(
                    "{} (level {:.1} of {})",
                    g.skill().name(),
                    g.have(),
                    g.need().get()
                )
            })
            .collect();
        let more = match gaps.len() {
            n if n > GAPS_SHOWN => format!(" … {n} gaps, showing {GAPS_SHOWN}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{:<4} {:<28} {:>4.0}% {:>5.1}%  {:<6}  {}{more}",
            i + 1,
            score.role().name(),
            score.fit() * 100.0,
            score.score() * 100.0,
            match (score.is_ready(), score.gates_met()) {
                (true, _) => "ready",
                (false, false) => "gated",
                _ => "",
            },
            first.join(", "),
        )?;
    }
    writeln!(
        out,
        "\nready: every essential requirement met and every required credential held; gated: \
         a required credential (a degree, say) is missing. Levels run from 1 (awareness) to 5 \
         (expert)."
    )?;
    for score in assessment.roles().iter().take(top) {
        common::print_role_facts(out, assessment, score.role())?;
    }
    write_transfers(out, assessment)?;
    Ok(())
}

/// Explains levels credited from related skills, so a fractional level is not a puzzle.
fn write_transfers(out: &mut impl Write, assessment: &Assessment<'_>) -> Result<(), Failure> {
    let mut first = true;
    for (skill, level, source) in assessment.levels() {
        if let Source::Transfer { from, factor } = source {
            if first {
                writeln!(out, "\nLevels credited from related skills you have:")?;
                first = false;
            }
            writeln!(
                out,
                "  {} at {level:.1}: {:.0}% of your {} level",
                skill.name(),
                factor * 100.0,
                from.name()
            )?;
        }
    }
    Ok(())
}
