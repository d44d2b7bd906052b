//! Helpers shared by the examples: flags, files, the catalog, the exit status.

use std::process::ExitCode;
use std::str::FromStr;

use skillgap::Catalog;

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
    #[allow(dead_code)] // not every example takes a number
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
    #[allow(dead_code)] // not every example has one
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
