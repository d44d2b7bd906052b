//! Import a taxonomy release as a catalog/1 document: the catalog (JSON, or TOML with
//! `--toml`) on stdout, the import report on stderr.
//!
//! ```text
//! cargo run --features esco,onet,toml --example import -- esco ../shared/data/esco-v1.1.1 > esco.json
//! cargo run --features esco,onet,toml --example import -- onet DIR --courses my-courses.json
//! cargo run --example assess -- --catalog esco.json --profile me.json --target URI
//! ```
//!
//! DIR holds the release's files, directly or in subfolders (the ESCO language zip and
//! the language-independent one unpacked side by side). `--courses FILE` (`-`: stdin)
//! merges a course list: a JSON array of courses, or a document with a `courses` array,
//! whose taught and required skills are the taxonomy's ids (ESCO URIs, O*NET element
//! ids) or labels the resolver maps to one skill. Exit status: 2 for bad arguments, 1 for
//! input that cannot be imported or merged (with the message on stderr).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use skillgap::io::{EscoImporter, Import, OnetImporter};
use skillgap::{Catalog, Course};

/// Import ESCO or O*NET as a skillgap catalog/1 document.
#[derive(Parser)]
#[command(
    version,
    about = "Import ESCO or O*NET as a skillgap catalog/1 document"
)]
struct Args {
    /// Which taxonomy the release is.
    taxonomy: Taxonomy,
    /// The unpacked release: its files here or in subfolders.
    dir: PathBuf,
    /// Write TOML instead of JSON.
    #[arg(long)]
    toml: bool,
    /// A course list to merge (JSON; `-` for stdin).
    #[arg(long, value_name = "FILE")]
    courses: Option<String>,
    /// ESCO: turn skillSkillRelations into related skills with this transfer factor.
    #[arg(long, value_name = "FACTOR")]
    related: Option<f64>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Taxonomy {
    Esco,
    Onet,
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

fn run(args: &Args) -> Result<(), String> {
    let Import { catalog, report } = match args.taxonomy {
        Taxonomy::Esco => EscoImporter::new().related(args.related).import(&args.dir),
        Taxonomy::Onet => OnetImporter::new().import(&args.dir),
    }
    .map_err(|e| e.to_string())?;
    eprint!("{report}");
    eprintln!("shared labels (lints): {}", catalog.lints().len());
    let catalog = match &args.courses {
        Some(path) => merge_courses(catalog, path)?,
        None => catalog,
    };
    let text = if args.toml {
        catalog.to_toml().map_err(|e| e.to_string())?
    } else {
        catalog.to_json()
    };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write: {e}")),
        _ => Ok(()),
    }
}

/// The catalog with the courses of `path`, their skills mapped to the catalog's ids.
fn merge_courses(catalog: Catalog, path: &str) -> Result<Catalog, String> {
    let text = read(path)?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let list = match value {
        serde_json::Value::Object(mut doc) => doc.remove("courses").unwrap_or_default(),
        list => list,
    };
    let courses: Vec<Course> = serde_json::from_value(list).map_err(|e| format!("{path}: {e}"))?;
    let courses = courses
        .iter()
        .map(|c| relabel(&catalog, c))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{path}: {e}"))?;
    eprintln!("courses merged: {}", courses.len());
    Catalog::builder()
        .catalog(catalog)
        .courses(courses)
        .build()
        .map_err(|e| format!("{path}: {e}"))
}

/// `course` with each skill given by label replaced by the id of the one skill it names.
fn relabel(catalog: &Catalog, course: &Course) -> Result<Course, String> {
    let id = |name: &str| match catalog.skill(name) {
        Some(skill) => Ok(skill.id().clone()),
        None => catalog
            .resolve_skill(name)
            .map(|s| s.id().clone())
            .ok_or_else(|| {
                format!(
                    "course `{}`: `{name}` names no one skill of the taxonomy",
                    course.id()
                )
            }),
    };
    let mut out = Course::new(course.id().clone(), course.title())
        .with_provider(course.provider())
        .with_hours(course.hours())
        .with_cost(course.cost());
    if let Some(url) = course.url() {
        out = out.with_url(url);
    }
    for t in course.teaches() {
        out = out.with_teaches(id(t.skill().as_str())?, t.level());
    }
    for r in course.requires() {
        out = out.with_requires(id(r.skill().as_str())?, r.level());
    }
    Ok(out)
}

/// A file's text, or stdin's for `-`.
fn read(path: &str) -> Result<String, String> {
    let mut text = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map(|()| text)
        .map_err(|e| format!("cannot read `{path}`: {e}"))
}
