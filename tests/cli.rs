//! The examples behave like command-line tools: `--help` on stdout with status 0, unknown
//! flags are usage errors (status 2), bad input is status 1 with the message on stderr,
//! `-` reads stdin, TOML documents are read, a closed pipe ends the run quietly, and the
//! JSON documents keep the shape the README documents.
//!
//! The tests run the example binaries `cargo test` builds (into `target/<profile>/examples`);
//! when they are missing (a filtered run such as `cargo test --test cli`), they are built
//! first.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

const EXAMPLES: [&str; 6] = [
    "quickstart",
    "assess",
    "plan",
    "resolve",
    "growth",
    "cohort",
];

/// The path of an example binary, building the examples once if one is missing.
fn example(name: &str) -> PathBuf {
    static BUILT: OnceLock<()> = OnceLock::new();
    let dir = examples_dir();
    if EXAMPLES.iter().any(|e| !dir.join(e).exists()) {
        BUILT.get_or_init(|| {
            let status = Command::new(env!("CARGO"))
                .args(["build", "--examples", "--all-features", "--quiet"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building the examples failed");
        });
    }
    dir.join(name)
}

/// `target/<profile>/examples`, next to this test's own `deps` directory.
fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    exe.parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps")
        .join("examples")
}

fn data(file: &str) -> String {
    format!("{}/examples/data/{file}", env!("CARGO_MANIFEST_DIR"))
}

/// Starts an example with `args`, its three streams piped.
fn spawn<S: AsRef<std::ffi::OsStr>>(name: &str, args: &[S]) -> std::process::Child {
    Command::new(example(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts")
}

/// Runs an example with `args`, feeding `stdin`.
fn run(name: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = spawn(name, args);
    let mut input = child.stdin.take().expect("stdin");
    // The example may exit before reading everything: a failed write is fine.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    child.wait_with_output().expect("the example ends")
}

/// Asserts that a run exited with status 0, showing its stderr otherwise.
#[track_caller]
fn succeeded(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_is_on_stdout_with_every_flag_and_status_0() {
    let flags: [(&str, &[&str]); 6] = [
        (
            "cohort",
            &[
                "--catalog",
                "--target",
                "--top",
                "--gaps",
                "--threads",
                "--summary",
            ],
        ),
        ("quickstart", &["--hours-per-week", "--gaps", "--html"]),
        (
            "assess",
            &[
                "--profile",
                "--profile-text",
                "--catalog",
                "--target",
                "--top",
                "--hours-per-week",
                "--json",
                "--html",
                "--strict",
                "--rank",
            ],
        ),
        (
            "plan",
            &[
                "--profile",
                "--profile-text",
                "--target",
                "--catalog",
                "--objective",
                "--scope",
                "--hours-per-week",
                "--format",
            ],
        ),
        ("resolve", &["--catalog", "--stats"]),
        (
            "growth",
            &["--sizes", "--only", "--timeout", "--memory-limit"],
        ),
    ];
    for (name, expected) in flags {
        let out = run(name, &["--help"], "");
        assert_eq!(out.status.code(), Some(0), "{name} --help");
        let help = text(&out.stdout);
        for flag in expected {
            assert!(help.contains(flag), "{name} --help lacks {flag}:\n{help}");
        }
        assert!(out.stderr.is_empty(), "{name} --help wrote to stderr");
        let version = run(name, &["--version"], "");
        assert_eq!(version.status.code(), Some(0), "{name} --version");
        assert!(text(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn unknown_flags_and_bad_values_are_usage_errors() {
    for name in EXAMPLES {
        let out = run(name, &["--no-such-flag"], "");
        assert_eq!(out.status.code(), Some(2), "{name} --no-such-flag");
        assert!(
            out.stdout.is_empty(),
            "{name}: usage errors print nothing on stdout"
        );
        assert!(text(&out.stderr).contains("--no-such-flag"), "{name}");
    }
    let profile = data("newcomer.json");
    let cases: [&[&str]; 4] = [
        &[
            "--profile",
            &profile,
            "--target",
            "data-scientist",
            "--objective",
            "fastest",
        ],
        &[
            "--profile",
            &profile,
            "--target",
            "data-scientist",
            "--format",
            "pdf",
        ],
        &["--target", "data-scientist"],
        &[
            "--profile",
            &profile,
            "--profile-text",
            &profile,
            "--target",
            "x",
        ],
    ];
    for args in cases {
        let out = run("plan", args, "");
        assert_eq!(out.status.code(), Some(2), "plan {args:?}");
    }
}

#[test]
fn bad_input_is_status_1_with_the_message_on_stderr() {
    let profile = data("newcomer.json");
    let cases: [(&str, &[&str], &str); 5] = [
        (
            "assess",
            &["--profile", "does-not-exist.json"],
            "does-not-exist.json",
        ),
        (
            "plan",
            &["--profile", &profile, "--target", "no-such-role"],
            "no-such-role",
        ),
        (
            "plan",
            &[
                "--profile",
                &profile,
                "--target",
                "data-scientist",
                "--hours-per-week",
                "0",
            ],
            "hours_per_week",
        ),
        ("assess", &["--profile", "-"], "stdin"),
        ("resolve", &["--catalog", "-"], "stdin"),
    ];
    for (name, args, mentions) in cases {
        let out = run(name, args, "{ not json");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name} {args:?}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(
            err.contains("error: ") && err.contains(mentions),
            "{name} {args:?}: {err}"
        );
    }
}

#[test]
#[cfg(feature = "toml")]
fn stdin_and_toml_documents_are_read() {
    let json = std::fs::read_to_string(data("data-scientist.json")).expect("sample profile");
    let from_file = run(
        "assess",
        &["--profile", &data("data-scientist.json"), "--json"],
        "",
    );
    let from_stdin = run("assess", &["--profile", "-", "--json"], &json);
    succeeded(&from_stdin);
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let profile = skillgap::Profile::from_json(&json).expect("sample profile");
    let toml = profile.to_toml().expect("TOML");
    let dir = std::env::temp_dir().join(format!("skillgap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("profile.toml");
    std::fs::write(&path, &toml).unwrap();
    let from_toml = run(
        "assess",
        &["--profile", path.to_str().unwrap(), "--json"],
        "",
    );
    // TOML by extension, and by content on stdin.
    let toml_stdin = run("assess", &["--profile", "-", "--json"], &toml);
    std::fs::remove_dir_all(&dir).ok();
    succeeded(&from_toml);
    assert_eq!(from_toml.stdout, from_file.stdout);
    assert_eq!(toml_stdin.stdout, from_file.stdout);

    let catalog = skillgap::Catalog::builtin()
        .to_toml()
        .expect("TOML catalog");
    let out = run(
        "plan",
        &[
            "--catalog",
            "-",
            "--profile",
            &data("newcomer.json"),
            "--target",
            "data-scientist",
        ],
        &catalog,
    );
    succeeded(&out);
    assert!(text(&out.stdout).starts_with("Plan for Data Scientist"));

    let text_profile = run(
        "plan",
        &[
            "--profile-text",
            "-",
            "--target",
            "Data Scientist",
            "--format",
            "json",
        ],
        "Python (advanced), SQL: 3, statistics",
    );
    succeeded(&text_profile);
    let doc: serde_json::Value = serde_json::from_slice(&text_profile.stdout).unwrap();
    assert_eq!(doc["plan"]["target"], "data-scientist");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for (name, args) in [
        ("quickstart", vec![]),
        (
            "assess",
            vec!["--profile".to_string(), data("newcomer.json")],
        ),
        ("resolve", vec![]),
    ] {
        let mut child = spawn(name, &args);
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        // Read one byte, then close our end, as `| head -c 1` would.
        let mut first = [0u8; 1];
        let feeder = std::thread::spawn(move || {
            for _ in 0..20_000 {
                if stdin.write_all(b"python\n").is_err() {
                    break;
                }
            }
        });
        stdout.read_exact(&mut first).expect("some output");
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(!err.contains("Broken pipe"), "{name}: {err}");
        assert_eq!(out.status.code(), Some(0), "{name}: {err}");
    }
}

#[test]
fn json_documents_keep_their_documented_shape() {
    let out = run(
        "assess",
        &[
            "--profile",
            &data("newcomer.json"),
            "--target",
            "machine-learning-engineer",
            "--json",
        ],
        "",
    );
    succeeded(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let role = &doc["roles"][0];
    for field in ["id", "name", "score", "ready", "gaps"] {
        assert!(role.get(field).is_some(), "roles[0] lacks {field}");
    }
    let gap = &role["gaps"][0];
    for field in [
        "skill",
        "name",
        "have",
        "need",
        "importance",
        "priority",
        "implied_by",
    ] {
        assert!(gap.get(field).is_some(), "gaps[0] lacks {field}");
    }
    let plan = &doc["plan"];
    for field in [
        "target",
        "courses",
        "stages",
        "stage_count",
        "weeks",
        "hours_per_week",
        "total_hours",
        "total_cost",
        "optimal",
        "uncovered",
        "uncovered_reasons",
    ] {
        assert!(plan.get(field).is_some(), "plan lacks {field}");
    }
    assert_eq!(plan["stages"], plan["stage_count"]);
    assert!(plan["courses"][0].get("stage").is_some());
    assert!(doc["warnings"].is_array());
    // Both rankings' numbers are in each role; --rank readiness orders by score.
    assert!(role.get("fit").is_some() && role.get("usage").is_some());
    let by_readiness = run(
        "assess",
        &[
            "--profile",
            &data("newcomer.json"),
            "--rank",
            "readiness",
            "--json",
        ],
        "",
    );
    let doc: serde_json::Value = serde_json::from_slice(&by_readiness.stdout).unwrap();
    let scores: Vec<f64> = doc["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    let out = run(
        "plan",
        &[
            "--profile",
            &data("newcomer.json"),
            "--target",
            "core-ml-engineer",
            "--format",
            "json",
        ],
        "",
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    for field in ["plan", "weeks", "hours_per_week", "schedule", "warnings"] {
        assert!(doc.get(field).is_some(), "plan document lacks {field}");
    }
    assert!(doc["schedule"][0].get("id").is_some());
}

#[test]
fn text_output_speaks_to_a_person() {
    let out = run("quickstart", &[], "");
    assert_eq!(out.status.code(), Some(0));
    let text = text(&out.stdout);
    // Names, not ids; truncation said; credit from a related skill said; currency shown.
    assert!(
        text.contains("Data Scientist") && !text.contains("data-scientist"),
        "{text}"
    );
    assert!(text.contains("gaps, showing the first 8"), "{text}");
    assert!(text.contains("credit from your"), "{text}");
    assert!(text.contains(" USD"), "{text}");
    assert!(text.contains("for the essential skills"), "{text}");
}

#[test]
fn cohort_reports_malformed_lines_and_keeps_going() {
    let input = std::fs::read_to_string(data("cohort.jsonl")).expect("sample cohort");
    let out = run(
        "cohort",
        &["-", "--target", "Data Scientist", "--top", "2"],
        &input,
    );
    succeeded(&out);
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document a line"))
        .collect();
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["malformed_lines"], 1);
    assert_eq!(summary["members"], lines.len() - 1);
    assert!(text(&out.stderr).contains("line 5: skipped"));
    // Lines in input order, each with its line number and at most two roles.
    let numbers: Vec<u64> = lines[..lines.len() - 1]
        .iter()
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]) && !numbers.contains(&5));
    assert!(lines[0]["roles"].as_array().unwrap().len() == 2);
    assert_eq!(summary["target"]["role"], "data-scientist");
    assert!(!summary["target"]["training_plan"]["courses"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn html_reports_from_every_example() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("cli-report.html");
    let _ = std::fs::remove_file(&file);
    let path = file.to_str().expect("a UTF-8 path");
    let out = run(
        "assess",
        &[
            "--profile",
            "examples/data/data-scientist.json",
            "--target",
            "machine-learning-engineer",
            "--html",
            path,
        ],
        "",
    );
    succeeded(&out);
    let html = std::fs::read_to_string(&file).expect("the report was written");
    for id in ["fit", "requirements", "gaps", "timeline", "next"] {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("Skills against Machine Learning Engineer"));

    let out = run(
        "plan",
        &[
            "--profile",
            "-",
            "--target",
            "data-scientist",
            "--format",
            "html",
        ],
        r#"{"format": "skillgap.profile/1", "skills": [{"skill": "python", "level": 3}]}"#,
    );
    succeeded(&out);
    let html = text(&out.stdout);
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("Skills against Data Scientist"));

    let out = run("quickstart", &[], "");
    succeeded(&out);
    assert!(text(&out.stdout).contains("cargo run --example quickstart -- --html report.html"));

    let out = run(
        "assess",
        &["--profile", "examples/data/newcomer.json", "--html", "/"],
        "",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unwritable file is bad input"
    );
    assert!(text(&out.stderr).contains("cannot write `/`"));
}
