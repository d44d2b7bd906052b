//! Find the skills a job posting or a CV mentions: one JSON object per line per skill.
//!
//! ```text
//! cargo run --example extract -- --file examples/data/posting-data-engineer.txt
//! cargo run --example extract -- --cv < examples/data/cv-career-changer.txt
//! cargo run --example extract -- --catalog my-catalog.json --file - --uncertain
//! ```
//!
//! Each line: `{"skill", "text", "start", "end", "confidence", "level", "importance",
//! "negated", "spans", "because"}` (`start`/`end`: byte offsets of the first mention).
//! With `--uncertain`, mentions not taken follow as `{"uncertain": ...}` lines. Usage
//! errors exit with status 2, unreadable input or a bad catalog with status 1.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::Parser;
use serde_json::json;
use skillgap::io::{DocumentKind, Extractor};
use skillgap::Catalog;

/// Find the skills a job posting or a CV mentions.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// The document to read (`-`: standard input, the default).
    #[arg(long, default_value = "-")]
    file: String,
    /// A catalog document (JSON); the built-in catalog by default.
    #[arg(long)]
    catalog: Option<String>,
    /// Read the document as a job posting (the default): importance is read.
    #[arg(long, conflicts_with = "cv")]
    posting: bool,
    /// Read the document as a CV: no importance.
    #[arg(long)]
    cv: bool,
    /// Keep mentions in boilerplate (company blurb, benefits, how to apply).
    #[arg(long)]
    keep_boilerplate: bool,
    /// Also print the mentions not taken (ambiguous, or in doubt).
    #[arg(long)]
    uncertain: bool,
}

/// Reads a file, or standard input for `-`.
fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

fn run(args: &Args) -> Result<(), String> {
    let catalog = match &args.catalog {
        Some(path) => Catalog::from_json(&read(path)?).map_err(|e| format!("{path}: {e}"))?,
        None => Catalog::builtin().clone(),
    };
    let text = read(&args.file)?;
    let kind = if args.cv {
        DocumentKind::Cv
    } else {
        DocumentKind::Posting
    };
    let found = Extractor::new(&catalog)
        .kind(kind)
        .keep_boilerplate(args.keep_boilerplate)
        .extract(&text)
        .map_err(|e| format!("{}: {e}", args.file))?;
    let mut out = std::io::stdout().lock();
    let mut write = |value: String| match writeln!(out, "{value}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    };
    for skill in found.skills() {
        write(serde_json::to_string(skill).map_err(|e| e.to_string())?)?;
    }
    if args.uncertain {
        for u in found.uncertain() {
            write(json!({ "uncertain": u }).to_string())?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
