//! Escaping: every piece of user text (names from catalogs and profiles, course titles,
//! URLs) passes through here before it enters the document.

use std::fmt::{self, Display};

/// Text made safe for HTML and SVG element content and quoted attribute values: `&`, `<`,
/// `>`, `"` and `'` become character references, and control characters other than tab
/// and newline are dropped (they are not allowed in HTML text).
///
/// A wrapper that escapes while it is written, so no intermediate string is built.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Esc<'a>(pub(crate) &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(|c: char| needs_escape(c)) {
            f.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().unwrap_or(' ');
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                _ => {}
            }
            rest = &rest[i + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

fn needs_escape(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"' | '\'') || (c.is_control() && c != '\n' && c != '\t')
}

/// `text` cut to `max` characters, with `…` when cut (labels inside charts; the full text
/// is in the chart's `<title>` and its table).
pub(crate) fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((end, _)) if text.chars().count() > max => {
            let mut out = text[..end].to_string();
            out.push('…');
            out
        }
        _ => text.to_string(),
    }
}

/// A course URL fit for a plain `<a href>`: only `http://` and `https://` URLs are
/// linked (a `javascript:` or `data:` URL in a catalog must not become a link).
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (scheme.starts_with("https://") || scheme.starts_with("http://")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            Esc("<script>alert('x & \"y\"')</script>").to_string(),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(Esc("a\u{0}b\u{7f}c\nd").to_string(), "abc\nd");
        assert_eq!(Esc("plain ünïcode").to_string(), "plain ünïcode");
    }

    #[test]
    fn clips_by_characters() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abcd", 4), "abcd");
        assert_eq!(clip("ééééé", 3), "éé…");
        assert_eq!(clip("", 0), "");
    }

    #[test]
    fn links_only_web_urls() {
        assert_eq!(safe_url(" https://x.org/a "), Some("https://x.org/a"));
        assert_eq!(safe_url("HTTP://x.org"), Some("HTTP://x.org"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("http"), None);
    }
}
