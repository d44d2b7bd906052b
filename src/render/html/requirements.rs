//! The target role's requirements: per skill, the level held (own, or credited from a
//! related skill, drawn hatched and named) inside a frame as long as the level needed.

use std::fmt::Write;

use super::document::Section;
use super::escape::{clip, Esc};
use super::svg::{self, num};
use super::{more_note, Context, MAX_ROWS};
use crate::assess::{Contribution, Source};
use crate::error::Result;
use crate::model::Level;

const LABEL: f64 = 230.0;
/// Units per level: level 5 spans 5 × this.
const UNIT: f64 = 62.0;
const ROW: f64 = 20.0;
const TOP: f64 = 46.0;

/// The section: a legend, the chart, and the table.
pub(crate) fn section(ctx: &Context<'_, '_>) -> Result<Section> {
    let role = ctx.target.role();
    let mut parts = ctx.assessment.explain(role.id().as_str())?;
    // Essential requirements first, then by skill id (the explanation's order).
    parts.sort_by_key(|p| std::cmp::Reverse(p.importance));
    let total = parts.len();
    parts.truncate(MAX_ROWS);
    let met = parts.iter().filter(|p| p.have >= p.need.as_f64()).count();
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p>Each of the {total} requirement(s) of {} (its own and those it inherits): the \
         level held against the level needed, on the scale 1 (awareness) to 5 (expert). \
         {met} met.</p>",
        Esc(role.name())
    );
    chart(ctx, &parts, &mut body);
    more_note(&mut body, total, parts.len(), "requirement(s)");
    table(&parts, &mut body);
    Ok(Section {
        id: "requirements",
        heading: format!("Skills against {}", role.name()),
        body,
    })
}

/// Where the level held comes from, in words.
fn source_words(part: &Contribution<'_>) -> String {
    match &part.source {
        Source::Transfer { from, factor } => format!(
            "credited from {} ({:.0}% transfer)",
            from.name(),
            factor * 100.0
        ),
        Source::Profile => "own".to_string(),
        _ => "none".to_string(),
    }
}

fn chart(ctx: &Context<'_, '_>, parts: &[Contribution<'_>], out: &mut String) {
    let height = TOP + ROW * parts.len() as f64 + 6.0;
    let desc = format!(
        "For each of {} requirement(s) of {}: a filled bar for the level held (hatched when \
         credited from a related skill) inside a frame for the level needed.",
        parts.len(),
        ctx.target.role().name()
    );
    out.push_str("<figure>\n");
    svg::open(
        out,
        "req-chart",
        height,
        "Level held against level needed",
        &desc,
    );
    out.push_str(
        "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e9ddfc\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8250df\" stroke-width=\"3\"/>\
         </pattern></defs>\n",
    );
    // The legend, inside the drawing so the pattern is defined where it is used.
    let _ = writeln!(
        out,
        "<g aria-hidden=\"true\"><rect class=\"have\" x=\"{LABEL}\" y=\"2\" width=\"20\" height=\"10\"/>\
         <text x=\"{}\" y=\"11\">held (own)</text>\
         <rect class=\"transfer\" x=\"{}\" y=\"2\" width=\"20\" height=\"10\"/>\
         <text x=\"{}\" y=\"11\">held (credited from a related skill)</text>\
         <rect class=\"need\" x=\"{}\" y=\"2\" width=\"20\" height=\"10\"/>\
         <text x=\"{}\" y=\"11\">needed</text></g>",
        num(LABEL + 24.0),
        num(LABEL + 110.0),
        num(LABEL + 134.0),
        num(LABEL + 360.0),
        num(LABEL + 384.0),
    );
    for level in 0..=Level::MAX.get() {
        let x = LABEL + UNIT * f64::from(level);
        let y = (TOP - 6.0, height - 4.0);
        svg::grid_line(out, x, y, TOP - 10.0, &level.to_string());
    }
    for (row, p) in parts.iter().enumerate() {
        bar(p, TOP + ROW * row as f64, out);
    }
    svg::close(out);
    out.push_str(
        "<figcaption>The bar is what you hold, the frame what the role needs; a bar \
         reaching the frame's end meets the requirement. Hatched bars are credited from a \
         related skill, as the words beside them say.</figcaption>\n</figure>\n",
    );
}

/// One requirement's row.
fn bar(p: &Contribution<'_>, y: f64, out: &mut String) {
    let have = p.have.clamp(0.0, f64::from(Level::MAX.get()));
    let need = p.need.as_f64();
    let transfer = matches!(p.source, Source::Transfer { .. });
    let mut words = format!("{} of {}", trim_level(have), p.need.get());
    if have >= need {
        words.push_str(" · met");
    }
    if transfer {
        words.push_str(" · credited");
    }
    let _ = writeln!(
        out,
        "<g><title>{} ({}): holds {} ({}), needs {}</title>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
         <rect class=\"{}\" x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"10\"/>\
         <rect class=\"need\" x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"14\"/>\
         <text x=\"{}\" y=\"{}\">{words}</text></g>",
        Esc(p.skill.name()),
        p.importance,
        trim_level(have),
        Esc(&source_words(p)),
        p.need.get(),
        num(LABEL - 6.0),
        num(y + 11.0),
        Esc(&clip(p.skill.name(), 32)),
        if transfer { "transfer" } else { "have" },
        num(y + 2.0),
        num(UNIT * have),
        num(y),
        num(UNIT * need),
        num(LABEL + UNIT * 5.0 + 8.0),
        num(y + 11.0),
    );
}

/// A level held, with one decimal when fractional.
pub(crate) fn trim_level(level: f64) -> String {
    if (level - level.round()).abs() < 0.05 {
        format!("{:.0}", level.round())
    } else {
        format!("{level:.1}")
    }
}

fn table(parts: &[Contribution<'_>], out: &mut String) {
    out.push_str(
        "<details><summary>The figures as a table</summary>\n<table>\n<thead><tr>\
         <th>Skill</th><th>Importance</th><th class=\"n\">Held</th><th class=\"n\">Needed</th>\
         <th>Where the level held comes from</th></tr></thead>\n<tbody>\n",
    );
    for p in parts {
        let source = match &p.source {
            Source::Transfer { .. } => format!(
                "<span class=\"tag transfer\">{}</span>",
                Esc(&source_words(p))
            ),
            _ => Esc(&source_words(p)).to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{source}</td></tr>",
            Esc(p.skill.name()),
            p.importance,
            trim_level(p.have),
            p.need.get(),
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
}
