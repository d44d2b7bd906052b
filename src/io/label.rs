//! Labels as taxonomies publish them, made fit for a catalog: whitespace collapsed, each
//! alias once.

use crate::util::text::MAX_LABEL_BYTES;

/// `text` trimmed with inner runs of whitespace collapsed to one space; `None` when that
/// leaves nothing, or a label a catalog rejects (longer than 256 bytes, control
/// characters).
pub(crate) fn clean(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let fit = !out.is_empty() && out.len() <= MAX_LABEL_BYTES && !out.chars().any(char::is_control);
    fit.then_some(out)
}

/// A concept's aliases: each label once (ignoring case), none equal to its name.
#[cfg_attr(not(feature = "esco"), allow(dead_code))] // only ESCO concepts have aliases
#[derive(Debug, Default, Clone)]
pub(crate) struct Aliases {
    /// The name, lowercased.
    name: String,
    list: Vec<String>,
    /// Lowercased labels kept so far, the name first.
    seen: crate::util::hash::StrMap<()>,
}

#[cfg_attr(not(feature = "esco"), allow(dead_code))]
impl Aliases {
    /// No aliases yet for a concept called `name`.
    pub fn new(name: &str) -> Aliases {
        let mut seen = crate::util::hash::StrMap::default();
        seen.insert(name.to_lowercase().into(), ());
        Aliases {
            name: name.to_lowercase(),
            list: Vec::new(),
            seen,
        }
    }

    /// Adds each label of `cell` (split by `separator`) after [`clean`]; returns how many
    /// were dropped as unfit (empty ones aside).
    pub fn add_cell(&mut self, cell: &str, separator: &str) -> usize {
        let mut dropped = 0;
        for part in cell.split(separator) {
            if part.trim().is_empty() {
                continue;
            }
            match clean(part) {
                Some(label) => self.add(label),
                None => dropped += 1,
            }
        }
        dropped
    }

    /// Adds one clean label, unless it is the name or already there.
    pub fn add(&mut self, label: String) {
        let key = label.to_lowercase();
        if key != self.name && self.seen.insert(key.into(), ()).is_none() {
            self.list.push(label);
        }
    }

    /// The aliases in the order first given.
    pub fn into_vec(self) -> Vec<String> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_collapsed_and_kept_once() {
        assert_eq!(
            clean("  wiredrawing  machine\ttender ").unwrap(),
            "wiredrawing machine tender"
        );
        assert_eq!(clean(" \n "), None);
        assert_eq!(clean(&"x".repeat(300)), None);
        let mut a = Aliases::new("Manage musical staff");
        let dropped = a.add_cell("manage staff of music\nmanage musical staff\n\nMANAGE STAFF  OF MUSIC\ndirect\u{7}staff", "\n");
        assert_eq!(dropped, 1);
        assert_eq!(a.into_vec(), ["manage staff of music"]);
    }
}
