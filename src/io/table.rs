//! Delimited text tables (the ESCO CSV files, the O*NET tab-separated files) read by
//! header name, with the file and line of every error.

use std::path::Path;

use csv::{ReaderBuilder, StringRecord, Trim};

use crate::error::{Error, Result};

/// The largest file an importer reads, in bytes (the biggest ESCO v1.1.1 file,
/// `skills_en.csv`, is about 13 MB).
pub const MAX_IMPORT_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The most rows an importer reads from one file (ESCO v1.1.1's largest file has 123,855).
pub const MAX_IMPORT_ROWS: usize = 5_000_000;

/// How a file delimits its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Comma-separated, RFC 4180 quoting (cells may span lines).
    Csv,
    /// Tab-separated, no quoting.
    Tsv,
}

/// A whole file read into memory, ready to be walked row by row.
#[derive(Debug)]
pub(crate) struct Table {
    /// The file's name, for messages.
    name: String,
    text: Vec<u8>,
    dialect: Dialect,
}

/// A column wanted by name: whether a file without it is an error.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub name: &'static str,
    pub required: bool,
}

impl Column {
    /// A column the file must have.
    pub const fn required(name: &'static str) -> Column {
        Column {
            name,
            required: true,
        }
    }

    /// A column the file may have.
    pub const fn optional(name: &'static str) -> Column {
        Column {
            name,
            required: false,
        }
    }
}

impl Table {
    /// Reads `path` (at most [`MAX_IMPORT_FILE_BYTES`]), a UTF-8 byte-order mark
    /// dropped.
    pub fn read(path: &Path, dialect: Dialect) -> Result<Table> {
        let name = path.display().to_string();
        let fail = |reason: String| Error::ImportFile {
            file: name.clone(),
            reason,
        };
        let size = std::fs::metadata(path)
            .map_err(|e| fail(format!("cannot read it: {e}")))?
            .len();
        if size > MAX_IMPORT_FILE_BYTES {
            return Err(fail(format!(
                "is {size} bytes, more than the {MAX_IMPORT_FILE_BYTES} an importer reads"
            )));
        }
        let mut text = std::fs::read(path).map_err(|e| fail(format!("cannot read it: {e}")))?;
        if text.starts_with(b"\xEF\xBB\xBF") {
            text.drain(..3);
        }
        let name = path
            .file_name()
            .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
        Ok(Table {
            name,
            text,
            dialect,
        })
    }

    /// The table's rows, `columns` found by header name (any order, extra columns
    /// ignored), each row handed to `each` with its line.
    ///
    /// # Errors
    ///
    /// [`Error::ImportRow`] for a required column missing from the header, malformed
    /// quoting or invalid UTF-8, more than [`MAX_IMPORT_ROWS`] rows, or whatever `each`
    /// returns.
    pub fn rows(
        &self,
        columns: &[Column],
        mut each: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut reader = ReaderBuilder::new()
            .delimiter(if self.dialect == Dialect::Tsv {
                b'\t'
            } else {
                b','
            })
            .quoting(self.dialect == Dialect::Csv)
            .flexible(true)
            .trim(Trim::None)
            .from_reader(self.text.as_slice());
        let header = reader.headers().map_err(|e| self.csv_error(&e, 0))?.clone();
        let found = self.find_columns(&header, columns)?;
        let mut record = StringRecord::new();
        let mut count = 0usize;
        loop {
            let byte = reader.position().byte();
            match reader.read_record(&mut record) {
                Ok(false) => return Ok(()),
                Ok(true) => {}
                Err(e) => return Err(self.csv_error(&e, byte)),
            }
            count += 1;
            let byte = record.position().map_or(byte, csv::Position::byte);
            if count > MAX_IMPORT_ROWS {
                let reason = format!("more than {MAX_IMPORT_ROWS} rows");
                return Err(self.error(self.line_at(byte), reason));
            }
            each(&Row {
                table: self,
                record: &record,
                columns: &found,
                byte,
            })?;
        }
    }

    /// The position of each wanted column in `header` (surrounding spaces ignored).
    fn find_columns(
        &self,
        header: &StringRecord,
        columns: &[Column],
    ) -> Result<Vec<Option<usize>>> {
        columns
            .iter()
            .map(|c| {
                let at = header.iter().position(|h| h.trim() == c.name);
                if at.is_none() && c.required {
                    return Err(self.error(
                        1,
                        format!(
                            "no `{}` column in the header (found: {})",
                            c.name,
                            header.iter().collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
                Ok(at)
            })
            .collect()
    }

    /// An error at `line` of this table.
    pub fn error(&self, line: u64, reason: String) -> Error {
        Error::ImportRow {
            file: self.name.clone(),
            line,
            reason,
        }
    }

    /// The line (1-based) of a record starting at byte offset `byte`: counted only for a
    /// message, as the reader's own count is off by one after CRLF (where a record's
    /// offset is that of the LF ending the one before, so that byte counts too).
    fn line_at(&self, byte: u64) -> u64 {
        let end = usize::try_from(byte.saturating_add(1))
            .map_or(self.text.len(), |b| b.min(self.text.len()));
        let newlines = self
            .text
            .get(..end)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        newlines as u64 + 1
    }

    fn csv_error(&self, e: &csv::Error, byte: u64) -> Error {
        let line = self.line_at(e.position().map_or(byte, csv::Position::byte));
        let reason = match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "is not valid UTF-8".to_string(),
            _ => crate::util::text::clip(&e.to_string(), 200),
        };
        self.error(line, reason)
    }
}

/// One row of a [`Table`], its cells by the position of the column asked for.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    table: &'a Table,
    record: &'a StringRecord,
    columns: &'a [Option<usize>],
    /// The byte offset the row starts at.
    byte: u64,
}

impl Row<'_> {
    /// The cell of the `i`-th column asked for, trimmed; empty when the file has no such
    /// column or the row is short.
    pub fn get(&self, i: usize) -> &str {
        self.columns
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| self.record.get(c))
            .map_or("", str::trim)
    }

    /// The cell of the `i`-th column, which must not be empty.
    ///
    /// # Errors
    ///
    /// [`Error::ImportRow`] naming the column when the cell is empty.
    pub fn need(&self, i: usize, name: &str) -> Result<&str> {
        let cell = self.get(i);
        if cell.is_empty() {
            return Err(self.error(format!("empty `{name}`")));
        }
        Ok(cell)
    }

    /// The `Y`/`N` flag of the `i`-th column (`n/a`, empty or missing: not set).
    ///
    /// # Errors
    ///
    /// [`Error::ImportRow`] naming the column for any other value.
    #[cfg_attr(not(feature = "onet"), allow(dead_code))] // ESCO has no flags
    pub fn flag(&self, i: usize, name: &str) -> Result<bool> {
        match self.get(i) {
            "Y" => Ok(true),
            "N" | "n/a" | "" => Ok(false),
            other => Err(self.error(format!(
                "`{name}` is `{}`, not Y, N or n/a",
                crate::util::text::clip(other, 32)
            ))),
        }
    }

    /// An error at this row.
    pub fn error(&self, reason: String) -> Error {
        self.table.error(self.table.line_at(self.byte), reason)
    }
}
