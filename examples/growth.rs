//! How the adversarial structures of the reliability review scale: each structure at each
//! size, its wall time and its outcome, one line per case.
//!
//! ```text
//! cargo run --release --example growth
//! cargo run --release --example growth -- --sizes 1000,10000,100000 --only course-ring
//! cargo run --release --example growth -- --timeout 30 --memory-limit 4096
//! ```
//!
//! Each case runs in a child process (this program with `--case NAME --size N`) on a
//! thread with a 2 MiB stack, an application's worker thread: a stack overflow aborts the
//! child, not the run, and shows as `aborted`. The parent kills a child that runs past
//! `--timeout` seconds (default 60) or whose resident memory passes `--memory-limit`
//! megabytes (default 4096; checked on Linux only), and reports it. A panic is caught and
//! its message shown.
//!
//! `seconds` is the time of the operation under test only (loading a document, planning,
//! resolving, rendering), measured in the child; building the input is not counted. For a
//! case that did not finish, it is the child's whole wall time. `outcome` is `ok` and what
//! was checked, or what went wrong, clipped to 80 characters. The exit status is 1 when
//! some case is not `ok`.
//!
//! The structures are those of `tests/adversarial.rs`, from the same generators.

use std::io::{Read, Write};
use std::panic::AssertUnwindSafe;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use skillgap::error::Problem;
use skillgap::plan::UncoveredReason;
use skillgap::resolve::Status;
use skillgap::{Catalog, Error, Planner, Profile};

#[path = "../tests/adversarial/gen.rs"]
mod gen;

use gen::{role_id, skill_id, TARGET};

/// The stack of the thread each case runs on.
const STACK: usize = 2 * 1024 * 1024;

/// The longest outcome shown.
const CLIP: usize = 80;

/// Times the operation under test: from the last [`Clock::start`] to [`Clock::elapsed`].
struct Clock(Instant);

impl Clock {
    fn start(&mut self) {
        self.0 = Instant::now();
    }

    fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }
}

/// A case's answer: `Ok` with what was checked, or what went wrong.
type Outcome = Result<String, String>;

/// One structure: its name for `--only`, and how to run it at a size.
struct Case {
    name: &'static str,
    run: fn(usize, &mut Clock) -> Outcome,
}

const CASES: &[Case] = &[
    Case {
        name: "skill-chain",
        run: skill_chain,
    },
    Case {
        name: "skill-chain-reversed",
        run: skill_chain_reversed,
    },
    Case {
        name: "skill-cycle",
        run: skill_cycle,
    },
    Case {
        name: "extends-chain",
        run: extends_chain,
    },
    Case {
        name: "extends-chain-reversed",
        run: extends_chain_reversed,
    },
    Case {
        name: "course-chain",
        run: course_chain,
    },
    Case {
        name: "course-chain-reversed",
        run: course_chain_reversed,
    },
    Case {
        name: "course-ring",
        run: course_ring,
    },
    Case {
        name: "self-requiring-courses",
        run: self_requiring_courses,
    },
    Case {
        name: "acronym-resolve",
        run: acronym_resolve,
    },
    Case {
        name: "qualifier-resolve",
        run: qualifier_resolve,
    },
    Case {
        name: "acronym-paste",
        run: acronym_paste,
    },
    Case {
        name: "hash-flood",
        run: hash_flood,
    },
    Case {
        name: "render-wide-plan",
        run: render_wide_plan,
    },
    Case {
        name: "render-chain-plan",
        run: render_chain_plan,
    },
    Case {
        name: "render-fan-in-plan",
        run: render_fan_in_plan,
    },
    Case {
        name: "role-dot",
        run: role_dot,
    },
    Case {
        name: "many-roles",
        run: many_roles,
    },
    Case {
        name: "bad-references",
        run: bad_references,
    },
    Case {
        name: "career-path",
        run: career_path,
    },
];

/// Checks a condition of a case's answer.
fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("wrong: {}", what()))
    }
}

/// Loads a catalog document, timed.
fn load(json: &str, clock: &mut Clock) -> Result<Catalog, String> {
    clock.start();
    Catalog::from_json(json).map_err(|e| e.to_string())
}

fn skill_chain(n: usize, clock: &mut Clock) -> Outcome {
    check_skill_chain(&gen::skill_chain(n).json(), n, clock)
}

fn skill_chain_reversed(n: usize, clock: &mut Clock) -> Outcome {
    check_skill_chain(&gen::skill_chain(n).reversed().json(), n, clock)
}

/// Loads a prerequisite chain of `n` skills; its gaps are the whole chain, first skill
/// first.
fn check_skill_chain(json: &str, n: usize, clock: &mut Clock) -> Outcome {
    let catalog = load(json, clock)?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    let gaps = assessment.gaps(TARGET).map_err(|e| e.to_string())?;
    check(gaps.len() == n, || format!("{} gaps", gaps.len()))?;
    let first = gaps
        .in_learning_order()
        .next()
        .map(|g| g.skill().id().to_string());
    check(first == Some(skill_id(0)), || {
        format!("first gap {first:?}")
    })?;
    Ok(format!("{n} gaps, prerequisites first"))
}

fn skill_cycle(n: usize, clock: &mut Clock) -> Outcome {
    let json = gen::skill_cycle(n).json();
    clock.start();
    match Catalog::from_json(&json) {
        Ok(_) => Err("wrong: a cycle loaded".into()),
        Err(Error::InvalidCatalog { problems }) => match problems.as_slice() {
            [Problem::SkillCycle { path }] if path.len() == n + 1 => {
                Ok(format!("refused: a cycle of {n} skills"))
            }
            _ => Err(format!(
                "wrong: {} problem(s), first: {}",
                problems.len(),
                problems.first().map(|p| p.to_string()).unwrap_or_default()
            )),
        },
        Err(err) => Err(err.to_string()),
    }
}

fn extends_chain(n: usize, clock: &mut Clock) -> Outcome {
    check_extends_chain(&gen::extends_chain(n).json(), n, clock)
}

fn extends_chain_reversed(n: usize, clock: &mut Clock) -> Outcome {
    check_extends_chain(&gen::extends_chain(n).reversed().json(), n, clock)
}

/// Loads an `extends` chain of `n` roles: the last has `n` requirements, or the chain is
/// refused (by a limit).
fn check_extends_chain(json: &str, n: usize, clock: &mut Clock) -> Outcome {
    clock.start();
    match Catalog::from_json(json) {
        Ok(catalog) => {
            let reqs = catalog
                .requirements(role_id(n - 1))
                .map_err(|e| e.to_string())?;
            check(reqs.len() == n, || format!("{} requirements", reqs.len()))?;
            Ok(format!("last role has {n} requirements"))
        }
        Err(err @ (Error::TooLarge { .. } | Error::InvalidCatalog { .. })) => {
            Ok(format!("refused: {err}"))
        }
        Err(err) => Err(err.to_string()),
    }
}

fn course_chain(n: usize, clock: &mut Clock) -> Outcome {
    check_course_chain(&gen::course_chain(n).json(), n, clock)
}

fn course_chain_reversed(n: usize, clock: &mut Clock) -> Outcome {
    check_course_chain(&gen::course_chain(n).reversed().json(), n, clock)
}

/// Plans over a chain of `n` courses: every course, none uncovered.
fn check_course_chain(json: &str, n: usize, clock: &mut Clock) -> Outcome {
    let catalog = load(json, clock)?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    let plan = assessment.plan(TARGET).map_err(|e| e.to_string())?;
    check(plan.uncovered().is_empty(), || {
        format!("{} uncovered", plan.uncovered().len())
    })?;
    check(plan.courses().len() == n, || {
        format!("{} courses", plan.courses().len())
    })?;
    Ok(format!("{n} courses in {} stages", plan.stage_count()))
}

/// The number of ids an uncovered reason lists (a cycle is listed once, in the plan).
fn reason_size(reason: &UncoveredReason) -> usize {
    match reason {
        UncoveredReason::MissingPrerequisite { courses, missing } => courses.len() + missing.len(),
        _ => 1,
    }
}

fn course_ring(n: usize, clock: &mut Clock) -> Outcome {
    let json = gen::course_ring(n).json();
    let catalog = load(&json, clock)?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    let plan = assessment.plan(TARGET).map_err(|e| e.to_string())?;
    check(plan.uncovered().len() == n, || {
        format!("{} uncovered", plan.uncovered().len())
    })?;
    let listed: usize = plan
        .uncovered()
        .iter()
        .map(|u| reason_size(&u.reason))
        .sum::<usize>()
        + plan.course_cycles().iter().map(Vec::len).sum::<usize>();
    check(listed <= 4 * (n + 1), || {
        format!("{listed} course ids listed for {n} gaps")
    })?;
    Ok(format!("{n} uncovered, {listed} ids listed"))
}

fn self_requiring_courses(n: usize, clock: &mut Clock) -> Outcome {
    let json = gen::self_requiring_courses(n).json();
    let catalog = load(&json, clock)?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    let plan = assessment.plan(TARGET).map_err(|e| e.to_string())?;
    check(
        plan.uncovered().len() == n && plan.courses().is_empty(),
        || {
            format!(
                "{} courses, {} uncovered",
                plan.courses().len(),
                plan.uncovered().len()
            )
        },
    )?;
    Ok(format!("{n} uncovered"))
}

/// Resolves `query` once over `catalog` (its index built beforehand, untimed); it must
/// be ambiguous.
fn resolve_once(catalog: &Catalog, query: &str, clock: &mut Clock) -> Outcome {
    catalog.resolver().stats();
    clock.start();
    let r = catalog.resolve(query);
    check(r.status() == Status::Ambiguous, || r.to_string())?;
    Ok(format!(
        "`{query}` ambiguous, {} candidates",
        r.candidates().len()
    ))
}

fn acronym_resolve(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::shared_acronym(n)
        .catalog()
        .map_err(|e| e.to_string())?;
    resolve_once(&catalog, "AB", clock)
}

fn qualifier_resolve(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::shared_qualifier(n)
        .catalog()
        .map_err(|e| e.to_string())?;
    resolve_once(&catalog, "Python", clock)
}

fn acronym_paste(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::shared_acronym(n)
        .catalog()
        .map_err(|e| e.to_string())?;
    catalog.resolver().stats();
    let text = gen::acronym_paste(1000);
    clock.start();
    let parsed = Profile::parse(&text, &catalog).map_err(|e| e.to_string())?;
    let ambiguous = parsed
        .items()
        .iter()
        .filter(|i| i.resolution().status() == Status::Ambiguous)
        .count();
    check(ambiguous == 1000, || {
        format!("{ambiguous} of 1000 ambiguous")
    })?;
    Ok("1000 items, all ambiguous".into())
}

fn hash_flood(n: usize, clock: &mut Clock) -> Outcome {
    let json = gen::flood_ids(n).json();
    let catalog = load(&json, clock)?;
    let found = (0..n)
        .filter(|&i| catalog.skill(gen::flood_id('k', i, n)).is_some())
        .count();
    check(found == n, || format!("{found} of {n} ids found"))?;
    Ok(format!("{n} ids found"))
}

/// Renders `plan` as Markdown and DOT, timed, and checks both list `n` courses.
fn render(plan: &skillgap::Plan<'_>, n: usize, clock: &mut Clock) -> Outcome {
    check(plan.courses().len() == n, || {
        format!("{} courses planned", plan.courses().len())
    })?;
    clock.start();
    let markdown = plan.to_markdown(Some(10.0)).map_err(|e| e.to_string())?;
    let dot = plan.to_dot();
    let boxes = dot.matches("[shape=box").count();
    check(boxes == n, || format!("{boxes} courses in DOT"))?;
    Ok(format!(
        "{n} courses, {} KB Markdown, {} KB DOT",
        markdown.len() / 1024,
        dot.len() / 1024
    ))
}

fn render_wide_plan(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::wide_plan(n).catalog().map_err(|e| e.to_string())?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    let plan = assessment.plan(TARGET).map_err(|e| e.to_string())?;
    render(&plan, n, clock)
}

fn render_chain_plan(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::course_chain(n).catalog().map_err(|e| e.to_string())?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    let plan = assessment.plan(TARGET).map_err(|e| e.to_string())?;
    render(&plan, n, clock)
}

fn render_fan_in_plan(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::fan_in_plan(n).catalog().map_err(|e| e.to_string())?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    let plan = assessment.plan(TARGET).map_err(|e| e.to_string())?;
    render(&plan, n + 1, clock)
}

fn role_dot(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::wide_role(n, 100)
        .catalog()
        .map_err(|e| e.to_string())?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    clock.start();
    let dot = catalog
        .role_dot(TARGET, Some(&assessment))
        .map_err(|e| e.to_string())?;
    let edges = dot.matches(" -> ").count();
    check(edges == n, || format!("{edges} edges"))?;
    Ok(format!("{n} requirements, {} KB", dot.len() / 1024))
}

fn many_roles(n: usize, clock: &mut Clock) -> Outcome {
    let json = gen::many_roles(n).json();
    let catalog = load(&json, clock)?;
    check(catalog.roles().len() == n, || {
        format!("{} roles", catalog.roles().len())
    })?;
    Ok(format!("{n} roles"))
}

fn bad_references(n: usize, clock: &mut Clock) -> Outcome {
    let json = gen::many_bad_references(n).json();
    clock.start();
    match Catalog::from_json(&json) {
        Ok(_) => Err("wrong: loaded".into()),
        Err(Error::InvalidCatalog { problems }) => {
            check(problems.len() == 2 * n, || {
                format!("{} problems", problems.len())
            })?;
            Ok(format!("refused: {} problems", problems.len()))
        }
        Err(err) => Err(err.to_string()),
    }
}

fn career_path(n: usize, clock: &mut Clock) -> Outcome {
    let catalog = gen::career_ladder(n, 20)
        .catalog()
        .map_err(|e| e.to_string())?;
    let assessment = catalog.assess(&Profile::new()).map_err(|e| e.to_string())?;
    clock.start();
    let path = Planner::new(&assessment)
        .career_path(TARGET, usize::MAX)
        .map_err(|e| e.to_string())?;
    check(path.total_hours == 20.0, || {
        format!("{} hours", path.total_hours)
    })?;
    Ok(format!(
        "{} steps, {} hours",
        path.steps.len(),
        path.total_hours
    ))
}

/// One line, at most `max` characters.
fn clip(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let mut out: String = line.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// The message of a panic's payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic".to_string()
    }
}

/// The child: runs one case on a 2 MiB stack and prints `status<TAB>seconds<TAB>text`,
/// `status` being `ok`, `error` or `panic`.
fn child(name: &str, n: usize) -> ExitCode {
    let Some(case) = CASES.iter().find(|c| c.name == name) else {
        eprintln!("unknown case `{name}`");
        return ExitCode::from(2);
    };
    let run = case.run;
    // The panic is reported on stdout; keep stderr for what aborts the process.
    std::panic::set_hook(Box::new(|_| {}));
    let thread = std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(STACK)
        .spawn(move || {
            let mut clock = Clock(Instant::now());
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| run(n, &mut clock)));
            (clock.elapsed(), outcome.map_err(|p| panic_message(&*p)))
        });
    let (kind, secs, text) = match thread.map(|t| t.join()) {
        Ok(Ok((time, Ok(Ok(text))))) => ("ok", time.as_secs_f64(), text),
        Ok(Ok((time, Ok(Err(text))))) => ("error", time.as_secs_f64(), text),
        Ok(Ok((time, Err(text)))) => ("panic", time.as_secs_f64(), format!("panic: {text}")),
        Ok(Err(p)) => ("panic", 0.0, format!("panic: {}", panic_message(&*p))),
        Err(e) => ("error", 0.0, format!("cannot spawn a thread: {e}")),
    };
    println!("{kind}\t{secs}\t{}", clip(&text, 400));
    ExitCode::SUCCESS
}

/// The resident memory of process `pid` in bytes, where `/proc` tells it.
fn resident_bytes(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// The signal that ended a process, on Unix.
#[cfg(unix)]
fn signal_of(status: &std::process::ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(status)
}

#[cfg(not(unix))]
fn signal_of(_: &std::process::ExitStatus) -> Option<i32> {
    None
}

/// Limits on each child.
struct Limits {
    timeout: Duration,
    memory_bytes: u64,
}

/// Runs one case in a child process; returns its seconds and outcome (`Ok` with what was
/// checked, or what went wrong).
fn run_case(name: &str, n: usize, limits: &Limits) -> (f64, Result<String, String>) {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return (0.0, Err(format!("cannot find this program: {e}"))),
    };
    let start = Instant::now();
    let mut child = match Command::new(exe)
        .args(["--case", name, "--size", &n.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => return (0.0, Err(format!("cannot start a child: {e}"))),
    };
    let mut killed = None;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) => {}
            Err(e) => {
                killed = Some(format!("cannot wait for the child: {e}"));
                break None;
            }
        }
        if start.elapsed() > limits.timeout {
            killed = Some(format!("timed out (> {} s)", limits.timeout.as_secs()));
        } else if let Some(rss) = resident_bytes(child.id()).filter(|&b| b > limits.memory_bytes) {
            killed = Some(format!(
                "killed: over the memory limit ({} MB resident)",
                rss >> 20
            ));
        }
        if killed.is_some() {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let wall = start.elapsed().as_secs_f64();
    if let Some(reason) = killed {
        return (wall, Err(reason));
    }
    let mut stdout = String::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    let status = status.expect("the child exited");
    let last_error = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string();
    if let Some(signal) = signal_of(&status) {
        let name = match signal {
            6 => " SIGABRT",
            9 => " SIGKILL",
            11 => " SIGSEGV",
            _ => "",
        };
        return (
            wall,
            Err(format!("aborted (signal {signal}{name}): {last_error}")),
        );
    }
    let mut fields = stdout.trim_end().splitn(3, '\t');
    match (fields.next(), fields.next(), fields.next()) {
        (Some(kind), Some(secs), Some(text)) => {
            let secs = secs.parse().unwrap_or(wall);
            if kind == "ok" {
                (secs, Ok(text.to_string()))
            } else {
                (secs, Err(text.to_string()))
            }
        }
        _ => (
            wall,
            Err(format!(
                "exited with {status} without an answer: {last_error}"
            )),
        ),
    }
}

/// How the adversarial structures of the reliability review scale: each structure at each
/// size, the time of the operation under test and its outcome, one line per case.
#[derive(clap::Parser)]
#[command(version)]
struct Args {
    /// The sizes to run each structure at, comma-separated.
    #[arg(long, value_name = "N,N,...", value_delimiter = ',', default_value = "1000,10000,100000",
          value_parser = clap::value_parser!(u64).range(1..))]
    sizes: Vec<u64>,
    /// Run only this structure.
    #[arg(long, value_name = "NAME", value_parser = case_names())]
    only: Option<String>,
    /// Kill a case that runs longer than this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    timeout: u64,
    /// Kill a case whose resident memory passes this many megabytes (Linux only).
    #[arg(long, value_name = "MB", default_value_t = 4096)]
    memory_limit: u64,
    /// In a child process: the structure to run.
    #[arg(long, hide = true, requires = "size")]
    case: Option<String>,
    /// In a child process: the size to run it at.
    #[arg(long, hide = true, requires = "case")]
    size: Option<usize>,
}

fn case_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(CASES.iter().map(|c| c.name))
}

fn main() -> ExitCode {
    let args = <Args as clap::Parser>::parse();
    if let (Some(case), Some(size)) = (&args.case, args.size) {
        return child(case, size);
    }
    let limits = Limits {
        timeout: Duration::from_secs(args.timeout),
        memory_bytes: args.memory_limit.saturating_mul(1 << 20),
    };
    match report(&args, &limits) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        // The reader went away (`| head`): stop quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the cases and prints one line each; returns how many were not `ok`.
fn report(args: &Args, limits: &Limits) -> std::io::Result<usize> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<24} {:>7} {:>9}  outcome",
        "structure", "size", "seconds"
    )?;
    let mut failed = 0;
    for case in CASES
        .iter()
        .filter(|c| args.only.as_deref().is_none_or(|o| o == c.name))
    {
        for &n in &args.sizes {
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            let (secs, outcome) = run_case(case.name, n, limits);
            let text = match outcome {
                Ok(text) => format!("ok: {text}"),
                Err(text) => {
                    failed += 1;
                    text
                }
            };
            writeln!(
                out,
                "{:<24} {:>7} {:>9.3}  {}",
                case.name,
                n,
                secs,
                clip(&text, CLIP)
            )?;
        }
    }
    Ok(failed)
}
