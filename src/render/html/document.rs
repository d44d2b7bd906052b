//! The document skeleton: the head with its inline style sheet and a content security
//! policy that forbids every request and script, the title block, a table of contents,
//! the sections, and the footer.

use std::fmt::Write;

use super::escape::Esc;

/// The style sheet, inlined into every report (no request for a font or a file).
const STYLE: &str = include_str!("style.css");

/// Forbids every fetch (scripts, styles, images, fonts, frames) except the inline style
/// sheet: the report opens offline, and text that escaped escaping could still not run.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// One section of a report: its anchor, heading and HTML body. Reports are lists of
/// sections, so a new kind of report (or a new section) adds entries, not a new skeleton.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    /// The `id` of the section (ASCII, fixed by the renderer, never user text).
    pub id: &'static str,
    /// The heading, as plain text (escaped when written).
    pub heading: String,
    /// The body, as HTML built by the renderer with user text escaped.
    pub body: String,
}

/// The whole document: `title` and `lead` (plain text), the `summary` figures as
/// `(label, value)` pairs (plain text), then the sections in order.
pub(crate) fn document(
    title: &str,
    lead: &str,
    summary: &[(String, String)],
    sections: &[Section],
) -> String {
    let body: usize = sections.iter().map(|s| s.body.len() + 64).sum();
    let mut out = String::with_capacity(STYLE.len() + body + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"skillgap {}\">\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"muted\">{}</p>\n",
        env!("CARGO_PKG_VERSION"),
        Esc(title),
        Esc(title),
        Esc(lead)
    );
    if !summary.is_empty() {
        out.push_str("<ul class=\"summary\">\n");
        for (label, value) in summary {
            let _ = writeln!(out, "<li>{}<b>{}</b></li>", Esc(label), Esc(value));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n<nav aria-label=\"Contents\"><ol>\n");
    for s in sections {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            s.id,
            Esc(&s.heading)
        );
    }
    out.push_str("</ol></nav>\n<main>\n");
    for s in sections {
        let _ = write!(
            out,
            "<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>\n{}</section>\n",
            Esc(&s.heading),
            s.body,
            id = s.id
        );
    }
    let _ = write!(
        out,
        "</main>\n<footer>Made by skillgap {} from the catalog and the profile given; \
         everything on this page is in this one file.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}
