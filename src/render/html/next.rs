//! What to learn next (courses the profile can take now, by score gained per hour) and
//! the hours to ready for the nearest roles (a bar each, with weeks in words).

use std::fmt::Write;

use super::document::Section;
use super::escape::{clip, safe_url, Esc};
use super::svg::{self, num, percent, WIDTH};
use super::{Context, NEAREST, NEXT};
use crate::error::Result;
use crate::model::Role;
use crate::plan::{Duration, Planner, Scope};

const LABEL: f64 = 230.0;
const BAR: f64 = 330.0;
const ROW: f64 = 22.0;

/// The section: the next courses as a table, then the hours-to-ready chart and table.
pub(crate) fn section(ctx: &Context<'_, '_>) -> Result<Section> {
    let mut body = String::new();
    next_courses(ctx, &mut body)?;
    hours_to_ready(ctx, &mut body)?;
    Ok(Section {
        id: "next",
        heading: "What to learn next".to_string(),
        body,
    })
}

fn next_courses(ctx: &Context<'_, '_>, out: &mut String) -> Result<()> {
    let role = ctx.target.role();
    let next = ctx.assessment.next_courses(Some(role.id().as_str()))?;
    if next.is_empty() {
        let _ = writeln!(
            out,
            "<p>No course you can take now raises your fit to {}.</p>",
            Esc(role.name())
        );
        return Ok(());
    }
    let _ = writeln!(
        out,
        "<p>Courses you can take now (you meet what they require), by fit to {} gained \
         per study hour:</p>\n<table>\n<thead><tr><th class=\"n\">#</th><th>Course</th>\
         <th class=\"n\">Hours</th><th class=\"n\">Cost</th><th>Fit gained</th></tr></thead>\n<tbody>",
        Esc(role.name())
    );
    let best = next.first().map_or(0.0, |n| n.gain);
    for (i, n) in next.iter().take(NEXT).enumerate() {
        let c = n.course;
        let title = match c.url().and_then(safe_url) {
            Some(url) => format!("<a href=\"{}\">{}</a>", Esc(url), Esc(c.title())),
            None => Esc(c.title()).to_string(),
        };
        let width = if best > 0.0 { 6.0 * n.gain / best } else { 0.0 };
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td>{title}</td><td class=\"n\">{:.0}</td>\
             <td class=\"n\">{}</td><td><span class=\"pbar\" style=\"width:{:.1}em\" \
             aria-hidden=\"true\"></span>+{:.1} points</td></tr>",
            i + 1,
            c.hours(),
            Esc(&ctx.money(c.cost())),
            width.min(6.0),
            n.gain * 100.0
        );
    }
    out.push_str("</tbody>\n</table>\n");
    Ok(())
}

/// One role's way to ready: hours of courses (`None`: cannot be made ready), cost, and
/// what the gates the profile lacks add, in words (empty without).
struct Ready<'c> {
    role: &'c Role,
    score: f64,
    hours: Option<f64>,
    cost: f64,
    gates: String,
}

/// The nearest roles (best scores) and the target, each with the plan that makes it ready.
fn nearest<'c>(ctx: &Context<'_, 'c>) -> Result<Vec<Ready<'c>>> {
    let mut roles = ctx.assessment.top(NEAREST);
    if roles
        .iter()
        .all(|r| r.role().id() != ctx.target.role().id())
    {
        roles.push(ctx.target);
    }
    let planner = Planner::new(ctx.assessment).scope(Scope::Ready);
    let mut out = Vec::with_capacity(roles.len());
    for score in roles {
        let plan = planner.for_role(score.role().id().as_str())?;
        out.push(Ready {
            role: score.role(),
            score: score.score(),
            hours: plan.uncovered().is_empty().then(|| plan.total_hours()),
            cost: plan.total_cost(),
            gates: gate_words(&plan),
        });
    }
    Ok(out)
}

fn hours_to_ready(ctx: &Context<'_, '_>, out: &mut String) -> Result<()> {
    let ready = nearest(ctx)?;
    let per_week = ctx.schedule.hours_per_week;
    let longest = ready.iter().filter_map(|r| r.hours).fold(0.0_f64, f64::max);
    let _ = writeln!(
        out,
        "<h3>Hours to ready</h3>\n<p>For the {} nearest role(s) and the target: the study \
         hours of the courses that meet every essential requirement, at {} hours a week.</p>",
        ready.len(),
        num(per_week)
    );
    let height = ROW * ready.len() as f64 + 6.0;
    out.push_str("<figure>\n");
    svg::open(
        out,
        "ready-chart",
        height,
        "Hours to ready for the nearest roles",
        "One bar per role: the study hours until every essential requirement is met, \
         with the hours and weeks in words.",
    );
    for (row, r) in ready.iter().enumerate() {
        let y = ROW * row as f64 + 4.0;
        let words = words(r, per_week, ctx);
        let width = match r.hours {
            Some(h) if longest > 0.0 => BAR * h / longest,
            _ => 0.0,
        };
        let _ = writeln!(
            out,
            "<g><title>{}: {words}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"hours\" x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"14\"/>\
             <text x=\"{}\" y=\"{}\">{}</text></g>",
            Esc(r.role.name()),
            num(LABEL - 6.0),
            num(y + 11.0),
            Esc(&clip(r.role.name(), 32)),
            num(y),
            num(width),
            num((LABEL + width + 6.0).min(WIDTH - 150.0)),
            num(y + 11.0),
            Esc(&words)
        );
    }
    svg::close(out);
    out.push_str(
        "</figure>\n<details><summary>The figures as a table</summary>\n<table>\n<thead><tr>\
        <th>Role</th><th class=\"n\">Fit now</th><th class=\"n\">Hours to ready</th>\
        <th class=\"n\">Cost</th></tr></thead>\n<tbody>\n",
    );
    for r in &ready {
        let hours = r
            .hours
            .map_or("cannot be made ready".to_string(), |h| format!("{h:.0}"));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{hours}</td><td class=\"n\">{}</td></tr>",
            Esc(r.role.name()),
            percent(r.score),
            Esc(&ctx.money(r.cost))
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
    Ok(())
}

/// What a plan's gates add to the courses, in words: `; and a degree: about 4 years`, or
/// `; and a credential no programme confers`; empty without gates.
fn gate_words(plan: &crate::plan::Plan<'_>) -> String {
    plan.gates()
        .iter()
        .map(|g| {
            let kind = g
                .requirement
                .any_of()
                .first()
                .map_or("credential", |c| c.kind());
            match g.programme {
                Some(p) => format!("; and a {kind}: about {}", Duration(p.months())),
                None => format!("; and a {kind} no programme of the catalog confers"),
            }
        })
        .collect()
}

/// A role's hours to ready in words.
fn words(r: &Ready<'_>, per_week: f64, ctx: &Context<'_, '_>) -> String {
    let target = if r.role.id() == ctx.target.role().id() {
        " (target)"
    } else {
        ""
    };
    let gates = &r.gates;
    match r.hours {
        Some(h) if h <= 0.0 && gates.is_empty() => format!("ready now{target}"),
        Some(h) => format!(
            "{h:.0} h, about {:.0} week(s){gates}{target}",
            (h / per_week).ceil()
        ),
        None => format!("cannot be made ready: a requirement no course teaches{gates}{target}"),
    }
}
