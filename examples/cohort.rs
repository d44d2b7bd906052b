//! Assess a cohort: profiles as JSON Lines in, one JSON line of results per profile out,
//! then a summary of the cohort (readiness, the most common gaps, a team training plan).
//!
//! ```text
//! cargo run --release --features parallel --example cohort -- \
//!     examples/data/cohort.jsonl --target data-scientist --top 3 --gaps 1
//! cat shard-*.jsonl | cargo run --release --example cohort -- - --summary summary.json
//! ```
//!
//! Each input line is a `skillgap.profile/1` document; blank lines are skipped; a line
//! that is not a valid profile is reported on stderr with its line number, skipped and
//! counted. Output lines come in input order:
//! `{"line", "profile", "roles": [{"id", "name", "score", "ready", ...}], "gaps": [...],
//! "warnings": [...]}`; the summary is the last line (or goes to `--summary FILE`).
//! Exit status: 0 on success (malformed lines included), 1 when the input or catalog
//! cannot be read, 2 for bad arguments.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use skillgap::assess::{Assessor, BatchOptions, ProfileResult, Quantiles, STREAM_CHUNK};
use skillgap::render::CohortReport;
use skillgap::{Catalog, Profile};

mod common;
use common::Failure;

/// Assess many profiles (JSON Lines) against every role: per profile, its best roles and
/// gaps; for the cohort, readiness, the most common gaps and a team training plan.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The profiles, one `skillgap.profile/1` JSON document per line; `-` reads stdin.
    #[arg(value_name = "FILE", default_value = "-")]
    profiles: String,
    /// The catalog (JSON or TOML). Default: the built-in catalog.
    #[arg(long, value_name = "FILE")]
    catalog: Option<String>,
    /// The role the cohort summary is about (id, name or alias): readiness spread, common
    /// gaps, training plan. Without it the summary gives readiness for every role.
    #[arg(long, value_name = "ROLE")]
    target: Option<String>,
    /// Roles per profile line, best first.
    #[arg(long, value_name = "N", default_value_t = 3)]
    top: usize,
    /// Gaps toward each profile's best N roles.
    #[arg(long, value_name = "N", default_value_t = 0)]
    gaps: usize,
    /// Worker threads (with the `parallel` feature; default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Write the summary to FILE instead of as the last output line.
    #[arg(long, value_name = "FILE")]
    summary: Option<String>,
    /// The team training plan covers at most this many members (the first ones read),
    /// to keep memory bounded on long streams.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    plan_members: usize,
    /// Write an HTML report of the cohort toward --target (readiness by role, the most
    /// common gaps, the team plan) to FILE, for the members the plan covers.
    #[arg(long, value_name = "FILE", requires = "target")]
    html: Option<String>,
}

/// One output line.
#[derive(Serialize)]
struct Line<'r, 'c> {
    line: usize,
    profile: Option<&'r str>,
    #[serde(flatten)]
    result: &'r ProfileResult<'c>,
}

fn main() -> ExitCode {
    common::exit(run(Args::parse()))
}

fn run(args: Args) -> Result<(), Failure> {
    set_threads(args.threads)?;
    let catalog = common::load_catalog(args.catalog.as_deref())?;
    let target = match &args.target {
        // An unknown role is an error with a did-you-mean.
        Some(t) => Some(match catalog.resolve_role(t) {
            Some(role) => role.id().to_string(),
            None => catalog.requirements(t).map(|_| t.clone())?,
        }),
        None => None,
    };
    let assessor = Assessor::new(&catalog);
    let options = BatchOptions::new().top(args.top).gaps(args.gaps);
    let mut summary = Summary::new(&catalog, target.as_deref(), args.plan_members);
    let mut out = common::stdout();
    let progress = std::io::stderr().is_terminal();
    let mut chunk: Vec<(usize, Profile)> = Vec::with_capacity(STREAM_CHUNK);
    for (number, line) in lines(&args.profiles)?.enumerate() {
        let line = line.map_err(|e| format!("cannot read line {}: {e}", number + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match Profile::from_json(&line) {
            Ok(profile) => chunk.push((number + 1, profile)),
            Err(e) => {
                eprintln!("line {}: skipped: {e}", number + 1);
                summary.malformed += 1;
            }
        }
        if chunk.len() == STREAM_CHUNK {
            flush(&assessor, options, &mut chunk, &mut summary, &mut out)?;
            if progress {
                eprint!("\r{} profiles", summary.members);
            }
        }
    }
    flush(&assessor, options, &mut chunk, &mut summary, &mut out)?;
    if progress {
        eprintln!("\r{} profiles", summary.members);
    }
    if let (Some(path), Some(target)) = (&args.html, &target) {
        let profiles: Vec<Profile> = summary.plan.iter().map(|(_, p)| p.clone()).collect();
        let cohort = assessor.cohort(&profiles)?;
        let html = CohortReport::new(&cohort, target).render()?;
        std::fs::write(path, html).map_err(|e| format!("cannot write `{path}`: {e}"))?;
    }
    write_summary(&assessor, summary, args.summary.as_deref(), &mut out)?;
    out.flush()?;
    Ok(())
}

/// Uses `threads` worker threads for the batch, when the `parallel` feature is on.
fn set_threads(threads: Option<usize>) -> Result<(), Failure> {
    #[cfg(feature = "parallel")]
    if let Some(n) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| format!("cannot start {n} threads: {e}"))?;
    }
    #[cfg(not(feature = "parallel"))]
    if threads.is_some() {
        eprintln!("warning: --threads needs the `parallel` feature; running on one thread");
    }
    Ok(())
}

/// The lines of `path`, or of stdin for `-`.
fn lines(path: &str) -> Result<Box<dyn Iterator<Item = std::io::Result<String>>>, Failure> {
    if path == "-" {
        return Ok(Box::new(std::io::stdin().lock().lines()));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    Ok(Box::new(std::io::BufReader::new(file).lines()))
}

/// Assesses the profiles of `chunk` (in parallel with the `parallel` feature), writes
/// their lines in input order, and adds them to the summary.
fn flush<'c>(
    assessor: &Assessor<'c>,
    options: BatchOptions,
    chunk: &mut Vec<(usize, Profile)>,
    summary: &mut Summary<'c>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let (numbers, profiles): (Vec<usize>, Vec<Profile>) = std::mem::take(chunk).into_iter().unzip();
    let results = assessor.assess_batch(&profiles, options);
    for ((line, profile), result) in numbers.iter().zip(&profiles).zip(results) {
        let result = result?;
        let json = serde_json::to_string(&Line {
            line: *line,
            profile: profile.name(),
            result: &result,
        })
        .map_err(|e| format!("cannot write JSON: {e}"))?;
        writeln!(out, "{json}")?;
    }
    summary.add(assessor, &numbers, &profiles)?;
    Ok(())
}

/// What the summary gathers while the profiles stream by: bounded memory but for the
/// target's scores (8 bytes a member) and the members kept for the training plan.
struct Summary<'c> {
    catalog: &'c Catalog,
    target: Option<&'c str>,
    members: usize,
    malformed: usize,
    /// Per role: members ready, and the sum of scores.
    roles: Vec<(usize, f64)>,
    /// The target's scores.
    scores: Vec<f64>,
    /// The target's common gaps by skill id: members, summed priority, members blocked.
    gaps: BTreeMap<String, (usize, f64, usize)>,
    /// Members kept for the training plan, with their line numbers.
    plan: Vec<(usize, Profile)>,
    plan_limit: usize,
}

impl<'c> Summary<'c> {
    fn new(catalog: &'c Catalog, target: Option<&str>, plan_limit: usize) -> Self {
        let target = target
            .and_then(|t| catalog.role(t))
            .map(|r| r.id().as_str());
        Summary {
            catalog,
            target,
            members: 0,
            malformed: 0,
            roles: vec![(0, 0.0); catalog.roles().len()],
            scores: Vec::new(),
            gaps: BTreeMap::new(),
            plan: Vec::new(),
            plan_limit,
        }
    }

    fn add(
        &mut self,
        assessor: &Assessor<'c>,
        lines: &[usize],
        profiles: &[Profile],
    ) -> Result<(), Failure> {
        let cohort = assessor.cohort(profiles)?;
        self.members += cohort.len();
        for (role, tally) in self.catalog.roles().iter().zip(&mut self.roles) {
            for (score, ready) in cohort.scores(role.id())? {
                tally.0 += usize::from(ready);
                tally.1 += score;
            }
        }
        let Some(target) = self.target else {
            return Ok(());
        };
        self.scores
            .extend(cohort.scores(target)?.into_iter().map(|s| s.0));
        for gap in cohort.common_gaps(target, usize::MAX)? {
            let entry = self.gaps.entry(gap.skill.id().to_string()).or_default();
            entry.0 += gap.members;
            entry.1 += gap.weight;
            entry.2 += gap.blocks;
        }
        let room = self.plan_limit.saturating_sub(self.plan.len());
        self.plan.extend(
            lines
                .iter()
                .copied()
                .zip(profiles.iter().cloned())
                .take(room),
        );
        Ok(())
    }
}

/// Readiness for one role across the cohort.
#[derive(Serialize)]
struct RoleLine<'c> {
    role: &'c str,
    ready: usize,
    mean_score: f64,
}

/// A common gap of the summary.
#[derive(Serialize)]
struct GapLine<'a> {
    skill: &'a str,
    members: usize,
    weight: f64,
    blocks: usize,
}

/// A course of the team plan, with its takers as input line numbers.
#[derive(Serialize)]
struct StepLine<'c> {
    course: &'c str,
    title: &'c str,
    hours: f64,
    takers: Vec<usize>,
    gaps_closed: usize,
}

fn write_summary(
    assessor: &Assessor<'_>,
    summary: Summary<'_>,
    path: Option<&str>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let n = summary.members.max(1) as f64;
    let roles: Vec<RoleLine<'_>> = summary
        .catalog
        .roles()
        .iter()
        .zip(&summary.roles)
        .map(|(r, &(ready, sum))| RoleLine {
            role: r.id().as_str(),
            ready,
            mean_score: sum / n,
        })
        .collect();
    let mut doc = serde_json::json!({
        "summary": {
            "members": summary.members,
            "malformed_lines": summary.malformed,
            "roles": roles,
        }
    });
    if let Some(target) = summary.target {
        doc["summary"]["target"] = target_summary(assessor, &summary, target)?;
    }
    let json = serde_json::to_string(&doc).map_err(|e| format!("cannot write JSON: {e}"))?;
    match path {
        Some(path) => std::fs::write(path, json + "\n")
            .map_err(|e| Failure::Input(format!("cannot write `{path}`: {e}")))?,
        None => writeln!(out, "{json}")?,
    }
    Ok(())
}

/// The summary about the target role: readiness spread, the ten most common gaps, the
/// team training plan and the course that makes the most members ready.
fn target_summary(
    assessor: &Assessor<'_>,
    summary: &Summary<'_>,
    target: &str,
) -> Result<serde_json::Value, Failure> {
    let mut gaps: Vec<GapLine<'_>> = summary
        .gaps
        .iter()
        .map(|(skill, &(members, weight, blocks))| GapLine {
            skill,
            members,
            weight,
            blocks,
        })
        .collect();
    gaps.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.skill.cmp(b.skill)));
    gaps.truncate(10);
    let (lines, profiles): (Vec<usize>, Vec<Profile>) = summary.plan.iter().cloned().unzip();
    let cohort = assessor.cohort(&profiles)?;
    let plan = cohort.training_plan(target)?;
    let steps: Vec<StepLine<'_>> = plan
        .steps
        .iter()
        .map(|s| StepLine {
            course: s.course.id().as_str(),
            title: s.course.title(),
            hours: s.course.hours(),
            takers: s.takers.iter().map(|&m| lines[m]).collect(),
            gaps_closed: s.gaps_closed,
        })
        .collect();
    let next = cohort.next_course_for_most(target)?.map(|n| {
        serde_json::json!({
            "course": n.course.id(),
            "title": n.course.title(),
            "members_made_ready": n.members.iter().map(|&m| lines[m]).collect::<Vec<_>>(),
        })
    });
    Ok(serde_json::json!({
        "role": target,
        "ready": ready_count(summary, target),
        "scores": Quantiles::from_scores(summary.scores.clone()),
        "common_gaps": gaps,
        "training_plan": {
            "members": profiles.len(),
            "courses": steps,
            "member_hours": plan.member_hours(),
            "gaps": plan.gaps,
            "open_gaps": plan.open_gaps,
        },
        "next_course_for_most": next,
    }))
}

fn ready_count(summary: &Summary<'_>, target: &str) -> usize {
    summary
        .catalog
        .roles()
        .iter()
        .zip(&summary.roles)
        .find(|(r, _)| r.id().as_str() == target)
        .map_or(0, |(_, t)| t.0)
}
