//! The main job on the built-in catalog: rank every role for a sample profile, show the
//! ordered gaps of the best-fitting role and the courses that close them.
//!
//! Run with `cargo run --example quickstart` (`-- --help` for the options);
//! `-- --html report.html` also writes the report with charts.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use skillgap::assess::Source;
use skillgap::plan::Objective;
use skillgap::render::HtmlReport;
use skillgap::{Assessment, Catalog, Gaps, Level, Profile};

mod common;
use common::Failure;

/// Where a data analyst stands against every data and ML role of the built-in catalog,
/// what to learn for the closest one, in which order, and with which courses.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Study hours per week, for the plan's calendar.
    #[arg(long, value_name = "HOURS", default_value_t = 10.0)]
    hours_per_week: f64,
    /// How many gaps to list.
    #[arg(long, value_name = "N", default_value_t = 8)]
    gaps: usize,
    /// Also write all of this as an HTML report with charts to FILE (opens in any
    /// browser, offline).
    #[arg(long, value_name = "FILE")]
    html: Option<String>,
}

fn main() -> ExitCode {
    common::exit(run(Args::parse()))
}

fn sample_profile() -> Profile {
    Profile::new()
        .with_name("Sam, a data analyst")
        .with_skill("Python", Level::INTERMEDIATE)
        .with_skill("SQL", Level::ADVANCED)
        .with_skill("pandas", Level::INTERMEDIATE)
        .with_skill("statistics", Level::INTERMEDIATE)
        .with_skill("Tableau", Level::ADVANCED)
        .with_skill("Communication", Level::ADVANCED)
        .with_skill("git", Level::BEGINNER)
}

fn run(args: Args) -> Result<(), Failure> {
    let catalog = Catalog::builtin();
    let profile = sample_profile();
    let assessment = catalog.assess(&profile)?;
    let mut out = common::stdout();
    writeln!(
        out,
        "Profile: {} (levels 1 = awareness … 5 = expert)\n",
        profile.name().unwrap_or("anonymous")
    )?;
    write_roles(&mut out, &assessment)?;
    let Some(best) = assessment.best() else {
        return Ok(());
    };
    let target = best.role().id();
    let gaps = assessment.gaps(target)?;
    write_gaps(&mut out, &assessment, best.role().name(), &gaps, args.gaps)?;

    let plan = assessment.plan(target)?;
    let schedule = plan.schedule(args.hours_per_week)?;
    writeln!(
        out,
        "\nCourses that close every gap for {}, cheapest in hours:",
        best.role().name()
    )?;
    common::print_plan(&mut out, &plan, &schedule, Objective::Hours)?;

    write_soonest(&mut out, &assessment)?;
    match &args.html {
        Some(path) => {
            let html = HtmlReport::new(&assessment)
                .plan(&plan)
                .hours_per_week(args.hours_per_week)
                .render()?;
            std::fs::write(path, html).map_err(|e| format!("cannot write `{path}`: {e}"))?;
            writeln!(
                out,
                "\nThe report with charts is in {path}: open it in a browser."
            )?;
        }
        None => writeln!(
            out,
            "\nAll of this as a report with charts, in one HTML file that opens in any browser:\n  \
             cargo run --example quickstart -- --html report.html"
        )?,
    }
    writeln!(
        out,
        "\nYour own profile: cargo run --example assess -- --profile-text my-skills.txt \
         --target ROLE\n(one skill per line or comma-separated, e.g. \"Python (advanced), SQL: 3\"); \
         add --html report.html for the report."
    )?;
    out.flush()?;
    Ok(())
}

fn write_roles(out: &mut impl Write, assessment: &Assessment<'_>) -> Result<(), Failure> {
    writeln!(
        out,
        "Roles that fit you best (fit: how ready you are, combined with how much of your\n\
         profile the role uses), and how ready you are for each (100% = every requirement met):"
    )?;
    for rs in assessment.roles() {
        let (met, all) = rs.essentials();
        writeln!(
            out,
            "  {:<28} fit {:>3.0}%  ready {:>5.1}%  {}",
            rs.role().name(),
            rs.fit() * 100.0,
            rs.score() * 100.0,
            if rs.is_ready() {
                "ready".to_string()
            } else {
                format!("not ready: {met} of {all} essential skills at the level needed")
            },
        )?;
    }
    Ok(())
}

fn write_gaps(
    out: &mut impl Write,
    assessment: &Assessment<'_>,
    role: &str,
    gaps: &Gaps<'_>,
    shown: usize,
) -> Result<(), Failure> {
    let count = if gaps.len() > shown {
        format!("{} gaps, showing the first {shown}", gaps.len())
    } else {
        format!("{} gaps", gaps.len())
    };
    writeln!(
        out,
        "\nWhat you lack for {role} ({count}), most urgent first:"
    )?;
    writeln!(
        out,
        "  (urgency = how much the requirement counts, essential 1.0 … optional 0.3, times the\n   \
         share of the level you still miss: 1.00 is an essential skill you do not have at all)"
    )?;
    for gap in gaps.by_priority().take(shown) {
        let skill = gap.skill();
        let credit = match assessment.level_source(skill.id()) {
            Source::Transfer { from, .. } => format!(" (credit from your {})", from.name()),
            _ => String::new(),
        };
        let by: Vec<&str> = gap.implied_by().map(|s| s.name()).collect();
        let needed_for = if by.is_empty() {
            String::new()
        } else {
            format!("; needed before {}", by.join(", "))
        };
        writeln!(
            out,
            "  {:<28} you {:.1}{credit}, needed {} ({}); urgency {:.2}{needed_for}",
            skill.name(),
            gap.have(),
            gap.need().get(),
            gap.importance(),
            gap.priority(),
        )?;
    }
    let order: Vec<&str> = gaps.in_learning_order().map(|g| g.skill().name()).collect();
    writeln!(
        out,
        "\nA learning order (prerequisites first):\n  {}",
        order.join(" → ")
    )?;
    Ok(())
}

fn write_soonest(out: &mut impl Write, assessment: &Assessment<'_>) -> Result<(), Failure> {
    writeln!(
        out,
        "\nRoles you can be ready for soonest (hours of courses for the essential skills\n\
         only; the plan above also closes the important and optional gaps, so it is longer):"
    )?;
    for r in assessment.hours_to_ready() {
        if !r.gates.is_empty() {
            // A required credential the profile lacks: the skills-only road, and the
            // programme (or none) beside it.
            writeln!(out, "  {:<28} {}", r.role.name(), r.describe())?;
            continue;
        }
        match r.hours {
            Some(0.0) => writeln!(out, "  {:<28} ready now", r.role.name())?,
            Some(h) => writeln!(
                out,
                "  {:<28} {:>5.0} h in {} course(s)",
                r.role.name(),
                h,
                r.courses
            )?,
            None => writeln!(
                out,
                "  {:<28} not reachable with the catalog's courses",
                r.role.name()
            )?,
        }
    }
    Ok(())
}
