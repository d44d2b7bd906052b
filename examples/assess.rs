//! Assess a profile against every role of a catalog, with the gaps and a course plan.
//!
//! ```text
//! cargo run --example assess -- --profile examples/data/data-scientist.json \
//!     [--catalog FILE] [--target ROLE_ID] [--top N] [--hours-per-week N] [--json] [--strict]
//! cargo run --example assess -- --profile-text examples/data/newcomer.txt
//! cargo run --example assess -- --cv examples/data/cv-career-changer.txt \
//!     --posting examples/data/posting-data-engineer.txt
//! ```
//!
//! `--posting FILE` reads a pasted job posting into a role (`posting`) and scores the
//! profile against it, with the course plan that closes the gaps ("how far am I from
//! this job?"); `--cv FILE` reads the profile from a CV written as prose.
//!
//! `--profile-text` reads what a person pasted ("Python (advanced), SQL: 3, Docker") and
//! shows how each item was resolved. Bad arguments or files exit with status 2 and the
//! error on stderr.

use std::process::ExitCode;

use serde_json::json;
use skillgap::assess::Assessor;
use skillgap::io::{DocumentKind, Extractor, ProfileParser};
use skillgap::Profile;

mod common;

const USAGE: &str = "usage: assess (--profile FILE | --profile-text FILE | --cv FILE) \
[--posting FILE] [--catalog FILE] [--target ROLE_ID] [--top N] [--hours-per-week N] [--json] \
[--strict]";

struct Args {
    profile: Option<String>,
    profile_text: Option<String>,
    cv: Option<String>,
    posting: Option<String>,
    catalog: Option<String>,
    target: Option<String>,
    top: Option<usize>,
    hours_per_week: f64,
    json: bool,
    strict: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut flags = common::Flags::new(USAGE);
    let mut args = Args {
        profile: None,
        profile_text: None,
        cv: None,
        posting: None,
        catalog: None,
        target: None,
        top: None,
        hours_per_week: 10.0,
        json: false,
        strict: false,
    };
    while let Some(arg) = flags.next_flag() {
        match arg.as_str() {
            "--profile" => args.profile = Some(flags.value(&arg)?),
            "--profile-text" => args.profile_text = Some(flags.value(&arg)?),
            "--cv" => args.cv = Some(flags.value(&arg)?),
            "--posting" => args.posting = Some(flags.value(&arg)?),
            "--catalog" => args.catalog = Some(flags.value(&arg)?),
            "--target" => args.target = Some(flags.value(&arg)?),
            "--top" => args.top = Some(flags.number(&arg)?),
            "--hours-per-week" => args.hours_per_week = flags.number(&arg)?,
            "--json" => args.json = true,
            "--strict" => args.strict = true,
            other => return Err(flags.unknown(other)),
        }
    }
    let given = [&args.profile, &args.profile_text, &args.cv];
    if given.iter().filter(|a| a.is_some()).count() != 1 {
        return Err(format!(
            "give one of --profile, --profile-text and --cv\n{USAGE}"
        ));
    }
    if args.posting.is_some() && args.target.is_some() {
        return Err(format!(
            "--posting is the target: leave out --target\n{USAGE}"
        ));
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let mut args = parse_args()?;
    let mut catalog = common::load_catalog(args.catalog.as_deref())?;
    if let Some(path) = &args.posting {
        let found = catalog
            .extract(&common::read(path)?)
            .map_err(|e| format!("{path}: {e}"))?;
        let role = found.to_role("posting", "Pasted posting");
        if role.requirements().is_empty() {
            return Err(format!(
                "{path}: no skill of the catalog found in the posting"
            ));
        }
        catalog = catalog
            .into_builder()
            .role(role)
            .build()
            .map_err(|e| format!("{path}: {e}"))?;
        args.target = Some("posting".to_string());
    }
    let from_cv = match &args.cv {
        Some(path) => Some(
            Extractor::new(&catalog)
                .kind(DocumentKind::Cv)
                .extract(&common::read(path)?)
                .map_err(|e| format!("{path}: {e}"))?
                .to_profile(),
        ),
        None => None,
    };
    let profile = match (&args.profile, &args.profile_text) {
        _ if from_cv.is_some() => from_cv.unwrap_or_default(),
        (Some(path), _) => {
            Profile::from_json(&common::read(path)?).map_err(|e| format!("{path}: {e}"))?
        }
        (None, Some(path)) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
            let parsed = ProfileParser::new(&catalog)
                .strict(args.strict)
                .parse_bytes(&bytes)
                .map_err(|e| format!("{path}: {e}"))?;
            // The per-item report: on stdout before the table, on stderr beside --json.
            if args.json {
                eprint!("{parsed}");
            } else {
                println!("{parsed}");
            }
            parsed.into_profile()
        }
        (None, None) => {
            return Err(format!(
                "give one of --profile, --profile-text and --cv\n{USAGE}"
            ))
        }
    };
    let assessment = Assessor::new(&catalog)
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
            let gaps = assessment.gaps_for(rs).map_err(|e| e.to_string())?;
            roles.push(json!({
                "id": rs.role().id(),
                "name": rs.role().name(),
                "score": rs.score(),
                "ready": rs.is_ready(),
                "gaps": &gaps,
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
        let gaps = assessment.gaps_for(rs).map_err(|e| e.to_string())?;
        let first: Vec<String> = gaps
            .by_priority()
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
    if let (Some(plan), Some(schedule)) = (plan, schedule) {
        let target = plan.target().map_or("", |t| t.as_str());
        println!("\nplan for {target}:");
        common::print_plan(&plan, &schedule);
    }
    Ok(())
}

fn main() -> ExitCode {
    common::exit(run())
}
