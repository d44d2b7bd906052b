//! Small text helpers shared by error messages and name resolution.

/// The longest label (id, name, alias or profile skill name) accepted, in bytes.
pub(crate) const MAX_LABEL_BYTES: usize = 256;

/// Cuts `s` to at most `max` characters for display in a message, marking the cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}...", &s[..i]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_keeps_short_and_cuts_long_on_char_boundaries() {
        assert_eq!(clip("abc", 5), "abc");
        assert_eq!(clip("ééééé", 2), "éé...");
    }
}
