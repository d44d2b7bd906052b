//! Where a taxonomy release's files are: in a directory, or in its subdirectories (zips
//! unpacked side by side).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The most subdirectories searched for a release's files.
pub const MAX_RELEASE_FOLDERS: usize = 64;

/// `dir`, then its subdirectories in name order (at most [`MAX_RELEASE_FOLDERS`]).
///
/// # Errors
///
/// [`Error::ImportFile`] when `dir` cannot be read.
pub(crate) fn folders(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::ImportFile {
        file: dir.display().to_string(),
        reason: format!("cannot read the directory: {e}"),
    })?;
    let mut below: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    below.sort();
    below.truncate(MAX_RELEASE_FOLDERS);
    Ok(std::iter::once(dir.to_path_buf()).chain(below).collect())
}

/// The first of `names` found in `folders`, folder by folder.
pub(crate) fn find(folders: &[PathBuf], names: &[&str]) -> Option<PathBuf> {
    folders
        .iter()
        .find_map(|f| names.iter().map(|n| f.join(n)).find(|p| p.is_file()))
}
