//! Fit to every role: one bar per role, best first, ready roles and the target named in
//! words beside their bars.

use std::fmt::Write;

use super::document::Section;
use super::escape::{clip, Esc};
use super::svg::{self, num, percent};
use super::{more_note, Context};
use crate::assess::RoleScore;

/// Where the bars start and how long a full bar is, in SVG units.
const LABEL: f64 = 230.0;
const BAR: f64 = 360.0;
const ROW: f64 = 22.0;
const TOP: f64 = 24.0;

/// The section: the chart, then the same figures as a table.
pub(crate) fn section(ctx: &Context<'_, '_>) -> Section {
    let ranked = ctx.assessment.roles();
    let target = ctx.target.role().id();
    let mut shown: Vec<(usize, &RoleScore<'_>)> = ranked.iter().enumerate().take(ctx.top).collect();
    // The target is always shown, after the best roles when it is not among them.
    if let Some(found) = ranked
        .iter()
        .enumerate()
        .find(|(_, r)| r.role().id() == target)
    {
        if found.0 >= ctx.top {
            shown.push(found);
        }
    }
    let mut body = String::new();
    let ready = ranked.iter().filter(|r| r.is_ready()).count();
    let _ = writeln!(
        body,
        "<p>Bars show fit, best first: readiness (how much of the role's requirements the \
         profile meets; 100% = every requirement at the level asked) combined with how much \
         of the profile the role uses. Readiness is in words beside each bar. {ready} of {} \
         role(s) ready: every essential requirement met.</p>",
        ranked.len()
    );
    chart(ctx, &shown, &mut body);
    more_note(&mut body, ranked.len(), shown.len(), "role(s)");
    table(ctx, &shown, &mut body);
    Section {
        id: "fit",
        heading: "Fit to every role".to_string(),
        body,
    }
}

/// The bar chart.
fn chart(ctx: &Context<'_, '_>, shown: &[(usize, &RoleScore<'_>)], out: &mut String) {
    let height = TOP + ROW * shown.len() as f64 + 8.0;
    let desc = format!(
        "Bar chart of {} role(s) by fit, best first; the target role {} fits {} and is {} ready.",
        shown.len(),
        ctx.target.role().name(),
        percent(ctx.target.fit()),
        percent(ctx.target.score())
    );
    out.push_str("<figure>\n");
    svg::open(out, "fit-chart", height, "Fit to every role", &desc);
    for tick in 0..=4 {
        let x = LABEL + BAR * f64::from(tick) / 4.0;
        let label = format!("{}%", tick * 25);
        svg::grid_line(out, x, (TOP - 4.0, height - 4.0), 14.0, &label);
    }
    for (row, (rank, score)) in shown.iter().enumerate() {
        let y = TOP + ROW * row as f64;
        let is_target = score.role().id() == ctx.target.role().id();
        let mut words = vec![
            format!("fit {}", percent(score.fit())),
            format!("ready {}", percent(score.score())),
        ];
        if score.is_ready() {
            words.push("ready".to_string());
        }
        if is_target {
            words.push("target".to_string());
        }
        let words = words.join(" · ");
        let name = score.role().name();
        let _ = write!(
            out,
            "<g><title>{}. {}: {words}</title>\
             <text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>\
             <rect class=\"track\" x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" height=\"14\"/>\
             <rect class=\"score{}\" x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"14\"/>",
            rank + 1,
            Esc(name),
            if is_target { "target-text" } else { "label" },
            num(LABEL - 6.0),
            num(y + 11.0),
            if is_target { "▶ " } else { "" },
            Esc(&clip(name, 32)),
            num(y),
            if score.is_ready() { " ready" } else { "" },
            num(y),
            num(BAR * score.fit().clamp(0.0, 1.0)),
        );
        if is_target {
            let _ = write!(
                out,
                "<rect class=\"target\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\"/>",
                num(LABEL - 2.0),
                num(y - 2.0),
                num(BAR + 4.0)
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{words}</text></g>",
            num(LABEL + BAR + 8.0),
            num(y + 11.0)
        );
    }
    svg::close(out);
    out.push_str(
        "<figcaption>Green bars: ready; ▶ and a red frame: the target. The same in \
         words beside each bar.</figcaption>\n</figure>\n",
    );
}

/// The text equivalent.
fn table(ctx: &Context<'_, '_>, shown: &[(usize, &RoleScore<'_>)], out: &mut String) {
    out.push_str(
        "<details><summary>The figures as a table</summary>\n<table>\n<thead><tr>\
         <th class=\"n\">#</th><th>Role</th><th class=\"n\">Fit</th>\
         <th class=\"n\">Readiness</th><th class=\"n\">Essentials met</th><th>Status</th></tr></thead>\n<tbody>\n",
    );
    for (rank, score) in shown {
        let is_target = score.role().id() == ctx.target.role().id();
        let (met, all) = score.essentials();
        let mut status = String::new();
        if score.is_ready() {
            status.push_str("<span class=\"tag ready\">ready</span> ");
        }
        if is_target {
            status.push_str("<span class=\"tag target\">target</span>");
        }
        let _ = writeln!(
            out,
            "<tr{}><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{met} of {all}</td><td>{status}</td></tr>",
            if is_target { " class=\"target\"" } else { "" },
            rank + 1,
            Esc(score.role().name()),
            percent(score.fit()),
            percent(score.score()),
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
}
