//! Helpers shared by the examples: flags, files, the catalog, the exit status, printing a
//! plan.

// Each example uses part of this module.
#![allow(dead_code)]

use std::process::ExitCode;
use std::str::FromStr;

use skillgap::plan::Schedule;
use skillgap::{Catalog, Plan};

/// Command-line flags, read one by one.
pub struct Flags {
    args: std::iter::Skip<std::env::Args>,
    usage: &'static str,
}

impl Flags {
    /// The process's arguments, with the usage line to show on mistakes.
    pub fn new(usage: &'static str) -> Self {
        Flags {
            args: std::env::args().skip(1),
            usage,
        }
    }

    /// The next flag, if any.
    pub fn next_flag(&mut self) -> Option<String> {
        self.args.next()
    }

    /// The value after `flag`.
    pub fn value(&mut self, flag: &str) -> Result<String, String> {
        self.args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{}", self.usage))
    }

    /// The value after `flag`, parsed as a number.
    pub fn number<T: FromStr>(&mut self, flag: &str) -> Result<T, String> {
        let v = self.value(flag)?;
        v.parse()
            .map_err(|_| format!("{flag} expects a number, got `{v}`"))
    }

    /// The error for an argument no flag matches (or for `--help`).
    pub fn unknown(&self, arg: &str) -> String {
        match arg {
            "-h" | "--help" => self.usage.to_string(),
            other => format!("unknown argument `{other}`\n{}", self.usage),
        }
    }

    /// The error for a missing required flag.
    pub fn missing(&self, flag: &str) -> String {
        format!("{flag} is required\n{}", self.usage)
    }
}

/// A file's text.
pub fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

/// The catalog in `path` (JSON), or the built-in one.
pub fn load_catalog(path: Option<&str>) -> Result<Catalog, String> {
    match path {
        Some(p) => Catalog::from_json(&read(p)?).map_err(|e| format!("{p}: {e}")),
        None => Ok(Catalog::builtin().clone()),
    }
}

/// Exit status 0, or 2 with the error on stderr.
pub fn exit(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints a plan by stage: each course with its hours, its weeks on `schedule` and the gaps
/// it closes, then the totals and the gaps no course can close.
pub fn print_plan(plan: &Plan<'_>, schedule: &Schedule) {
    let mut i = 0;
    for (stage, courses) in plan.stages().into_iter().enumerate() {
        println!("Stage {}", stage + 1);
        for pc in courses {
            let c = pc.course();
            let w = &schedule.courses[i];
            let closes: Vec<&str> = pc.closes().iter().map(|s| s.name()).collect();
            println!(
                "  {:>2}. {:<56} {:>4.0} h {:>5.0} $  weeks {:>3}-{:<3} closes: {}",
                i + 1,
                c.title(),
                c.hours(),
                c.cost(),
                w.start_week,
                w.end_week,
                if closes.is_empty() {
                    "(prerequisite)".to_string()
                } else {
                    closes.join(", ")
                }
            );
            i += 1;
        }
    }
    println!(
        "total: {} course(s) in {} stage(s), {:.0} hours, cost {:.0}, {} week(s) at {} hours a week{}",
        plan.courses().len(),
        plan.stage_count(),
        plan.total_hours(),
        plan.total_cost(),
        schedule.weeks,
        schedule.hours_per_week,
        if plan.is_optimal() { " (proven optimal)" } else { "" }
    );
    for u in plan.uncovered() {
        println!(
            "not covered: {} to {}: {}",
            u.skill.name(),
            u.need.get(),
            u.reason
        );
    }
    for (i, cycle) in plan.course_cycles().iter().enumerate() {
        println!("course cycle {}: {}", i + 1, cycle.join(" → "));
    }
}
