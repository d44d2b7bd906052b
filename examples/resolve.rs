//! Resolve skill names read from stdin, one per line, and print one JSON object per line.
//!
//! ```text
//! echo "sklearn" | cargo run --example resolve
//! cargo run --example resolve -- --catalog FILE --stats < queries.txt
//! ```
//!
//! Each line of output is
//! `{"query","status":"resolved|ambiguous|unknown","skill":id or null,"confidence",
//! "candidates":[{"skill","confidence"}]}`; a line that is not valid UTF-8 gets
//! `"status":"unknown"` and an `"error"`. With `--stats`, the index build time and the
//! per-query latency (median, p95) go to stderr. Exit status: 0 on success, 1 for bad
//! input (a catalog that cannot be read), 2 for bad arguments.

use std::io::{BufRead, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use serde::Serialize;
use skillgap::SkillId;

mod common;
use common::Failure;

/// Resolve skill names, one per line on stdin, against a catalog: print one JSON line per
/// name with the skill it means, how sure the match is, and the candidates.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The catalog (JSON or TOML). Default: the built-in catalog.
    #[arg(long, value_name = "FILE")]
    catalog: Option<String>,
    /// Print the index size and build time, and per-query latency, to stderr.
    #[arg(long)]
    stats: bool,
}

/// Longest line read; longer lines are cut here (and then rejected as too long).
const MAX_LINE_BYTES: usize = 64 * 1024;

/// One output line, fields in the documented order.
#[derive(Serialize)]
struct Line<'a> {
    query: &'a str,
    status: &'static str,
    skill: Option<&'a SkillId>,
    confidence: f64,
    candidates: Vec<Candidate<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

#[derive(Serialize)]
struct Candidate<'a> {
    skill: &'a SkillId,
    confidence: f64,
}

fn run(args: Args) -> Result<(), Failure> {
    let stats = args.stats;
    let catalog = common::load_catalog(args.catalog.as_deref())?;
    let start = Instant::now();
    let index = catalog.resolver().stats();
    let build = start.elapsed();

    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = common::stdout();
    let mut times: Vec<Duration> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = (&mut input)
            .take(MAX_LINE_BYTES as u64)
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        if read == 0 {
            break;
        }
        if line.len() == MAX_LINE_BYTES && line.last() != Some(&b'\n') {
            skip_line(&mut input).map_err(|e| format!("cannot read stdin: {e}"))?;
        }
        while matches!(line.last(), Some(b'\n' | b'\r')) {
            line.pop();
        }
        let doc = match std::str::from_utf8(&line) {
            Ok(query) => {
                let start = Instant::now();
                let r = catalog.resolve(query);
                times.push(start.elapsed());
                let line = Line {
                    query,
                    status: r.status().as_str(),
                    skill: r.skill(),
                    confidence: r.confidence(),
                    candidates: r
                        .candidates()
                        .iter()
                        .map(|c| Candidate {
                            skill: c.skill(),
                            confidence: c.confidence(),
                        })
                        .collect(),
                    error: None,
                };
                serde_json::to_string(&line)
            }
            Err(e) => serde_json::to_string(&Line {
                query: &String::from_utf8_lossy(&line),
                status: "unknown",
                skill: None,
                confidence: 0.0,
                candidates: Vec::new(),
                error: Some(format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                )),
            }),
        }
        .map_err(|e| format!("cannot write JSON: {e}"))?;
        writeln!(out, "{doc}")?;
    }
    out.flush()?;
    if stats {
        times.sort();
        let at = |p: f64| {
            times
                .get(((times.len().max(1) - 1) as f64 * p).round() as usize)
                .copied()
                .unwrap_or_default()
        };
        eprintln!(
            "index: {} labels, {} words, ~{:.1} MiB, built in {:?}",
            index.labels,
            index.tokens,
            index.memory_bytes as f64 / (1024.0 * 1024.0),
            build
        );
        eprintln!(
            "queries: {}, median {:?}, p95 {:?}",
            times.len(),
            at(0.5),
            at(0.95)
        );
    }
    Ok(())
}

/// Skips the rest of an over-long line without holding it in memory.
fn skip_line(input: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    }
}

fn main() -> ExitCode {
    common::exit(run(Args::parse()))
}
