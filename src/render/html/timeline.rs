//! The plan as a timeline: one bar per course over the weeks it takes at the chosen hours
//! per week, grouped by stage; then the courses as a table (hours, cost, what each
//! closes, a plain link) and the gaps no course closes, with why.

use std::fmt::Write;

use super::document::Section;
use super::escape::{clip, safe_url, Esc};
use super::svg::{self, num, WIDTH};
use super::{more_note, Context, MAX_ROWS};
use crate::plan::{PlannedCourse, ScheduledCourse};

const LABEL: f64 = 250.0;
const ROW: f64 = 20.0;
const TOP: f64 = 24.0;

/// The section: the summary line, the chart, the table, the uncovered gaps.
pub(crate) fn section(ctx: &Context<'_, '_>) -> Section {
    let plan = ctx.plan;
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p>{} course(s) in {} stage(s): {:.0} hours, {}; {} week(s) at {} hours a week. \
         Courses of one stage need nothing from each other; a stage builds on the ones \
         before.{}</p>",
        plan.courses().len(),
        plan.stage_count(),
        plan.total_hours(),
        Esc(&ctx.money(plan.total_cost())),
        ctx.schedule.weeks,
        num(ctx.schedule.hours_per_week),
        if plan.is_optimal() {
            " No set of these courses closes the same gaps for less."
        } else {
            ""
        }
    );
    if plan.courses().is_empty() {
        body.push_str("<p>No course to take.</p>\n");
    } else {
        chart(ctx, &mut body);
        more_note(
            &mut body,
            plan.courses().len(),
            plan.courses().len().min(MAX_ROWS),
            "course(s)",
        );
        table(ctx, &mut body);
    }
    uncovered(ctx, &mut body);
    Section {
        id: "timeline",
        heading: "The plan, week by week".to_string(),
        body,
    }
}

/// The rows of the chart: a stage heading before the first course of each stage.
enum Row<'p, 'c> {
    Stage(usize),
    Course(usize, &'p PlannedCourse<'c>, &'p ScheduledCourse),
}

fn rows<'p, 'c>(ctx: &'p Context<'_, 'c>) -> Vec<Row<'p, 'c>>
where
    'c: 'p,
{
    let mut rows = Vec::new();
    let courses = ctx.plan.courses().iter().zip(&ctx.schedule.courses);
    for (i, (pc, sc)) in courses.enumerate().take(MAX_ROWS) {
        if i == 0 || ctx.plan.courses().get(i - 1).map(PlannedCourse::stage) != Some(pc.stage()) {
            rows.push(Row::Stage(pc.stage()));
        }
        rows.push(Row::Course(i, pc, sc));
    }
    rows
}

fn chart(ctx: &Context<'_, '_>, out: &mut String) {
    let rows = rows(ctx);
    let weeks = ctx.schedule.weeks.max(1);
    let span = WIDTH - LABEL - 10.0;
    let x = |week: f64| LABEL + span * week / f64::from(weeks);
    let height = TOP + ROW * rows.len() as f64 + 4.0;
    let desc = format!(
        "Timeline of {} course(s) over {} week(s) at {} hours a week, grouped in {} stage(s); \
         each bar spans the weeks of one course.",
        ctx.plan.courses().len(),
        ctx.schedule.weeks,
        num(ctx.schedule.hours_per_week),
        ctx.plan.stage_count()
    );
    out.push_str("<figure>\n");
    svg::open(out, "timeline-chart", height, "The plan over weeks", &desc);
    // At most 11 labelled weeks, however long the plan.
    let step = usize::try_from((weeks / 10).max(1)).unwrap_or(usize::MAX);
    for week in (0..=weeks).step_by(step) {
        let label = match week {
            0 => "week 0".to_string(),
            w => w.to_string(),
        };
        svg::grid_line(
            out,
            x(f64::from(week)),
            (TOP - 4.0, height - 2.0),
            14.0,
            &label,
        );
    }
    for (r, row) in rows.iter().enumerate() {
        let y = TOP + ROW * r as f64;
        match row {
            Row::Stage(stage) => {
                let _ = writeln!(
                    out,
                    "<rect class=\"band\" x=\"0\" y=\"{}\" width=\"{WIDTH}\" height=\"{ROW}\"/>\
                     <text x=\"4\" y=\"{}\" font-weight=\"600\">Stage {}</text>",
                    num(y),
                    num(y + 14.0),
                    stage + 1
                );
            }
            Row::Course(i, pc, sc) => course_bar(
                ctx,
                *i,
                pc,
                sc,
                (
                    x(f64::from(sc.start_week.saturating_sub(1))),
                    x(f64::from(sc.end_week)),
                ),
                y,
                out,
            ),
        }
    }
    svg::close(out);
    out.push_str(
        "<figcaption>Grey bars are courses taken only because a later course needs what \
         they teach (marked “prerequisite” in the table).</figcaption>\n</figure>\n",
    );
}

/// One course's bar from `x0` to `x1`, at row `y`.
fn course_bar(
    ctx: &Context<'_, '_>,
    i: usize,
    pc: &PlannedCourse<'_>,
    sc: &ScheduledCourse,
    (x0, x1): (f64, f64),
    y: f64,
    out: &mut String,
) {
    let c = pc.course();
    let weeks = if sc.start_week == sc.end_week {
        format!("week {}", sc.start_week)
    } else {
        format!("weeks {}–{}", sc.start_week, sc.end_week)
    };
    let _ = writeln!(
        out,
        "<g><title>{}. {}: {weeks}, {:.0} h, {}; closes {}</title>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}. {}</text>\
         <rect class=\"course{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"2\"/></g>",
        i + 1,
        Esc(c.title()),
        c.hours(),
        Esc(&ctx.money(c.cost())),
        Esc(&closes(pc)),
        num(LABEL - 6.0),
        num(y + 14.0),
        i + 1,
        Esc(&clip(c.title(), 30)),
        if pc.closes().is_empty() {
            " prereq"
        } else {
            ""
        },
        num(x0),
        num(y + 4.0),
        num((x1 - x0).max(2.0)),
    );
}

/// What a course closes, in words.
fn closes(pc: &PlannedCourse<'_>) -> String {
    if pc.closes().is_empty() {
        return "nothing itself (prerequisite of a later course)".to_string();
    }
    let names: Vec<&str> = pc.closes().iter().map(|s| s.name()).collect();
    names.join(", ")
}

fn table(ctx: &Context<'_, '_>, out: &mut String) {
    out.push_str(
        "<table>\n<thead><tr><th class=\"n\">#</th><th>Course</th><th>Provider</th>\
         <th class=\"n\">Stage</th><th>Weeks</th><th class=\"n\">Hours</th>\
         <th class=\"n\">Cost</th><th>Closes</th></tr></thead>\n<tbody>\n",
    );
    for row in rows(ctx) {
        let Row::Course(i, pc, sc) = row else {
            continue;
        };
        let c = pc.course();
        let title = match c.url().and_then(safe_url) {
            Some(url) => format!("<a href=\"{}\">{}</a>", Esc(url), Esc(c.title())),
            None => Esc(c.title()).to_string(),
        };
        let closes = if pc.closes().is_empty() {
            "<span class=\"tag\">prerequisite</span>".to_string()
        } else {
            Esc(&closes(pc)).to_string()
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td>{title}</td><td>{}</td><td class=\"n\">{}</td>\
             <td>{}–{}</td><td class=\"n\">{:.0}</td><td class=\"n\">{}</td><td>{closes}</td></tr>",
            i + 1,
            Esc(c.provider()),
            pc.stage() + 1,
            sc.start_week,
            sc.end_week,
            c.hours(),
            Esc(&ctx.money(c.cost())),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The gaps no course closes, and why.
fn uncovered(ctx: &Context<'_, '_>, out: &mut String) {
    let plan = ctx.plan;
    if plan.uncovered().is_empty() {
        out.push_str("<p>Every gap of the plan is closed by a course.</p>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<h3>Not covered by any course</h3>\n<p>{} gap(s) the catalog's courses cannot \
         close:</p>\n<ul>",
        plan.uncovered().len()
    );
    for u in plan.uncovered().iter().take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "<li><b>{}</b> to level {}: {}</li>",
            Esc(u.skill.name()),
            u.need.get(),
            Esc(&u.reason.to_string())
        );
    }
    for (i, cycle) in plan.course_cycles().iter().enumerate().take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "<li>Course cycle {}: {}</li>",
            i + 1,
            Esc(&cycle.join(" → "))
        );
    }
    out.push_str("</ul>\n");
    more_note(
        out,
        plan.uncovered().len(),
        plan.uncovered().len().min(MAX_ROWS),
        "gap(s)",
    );
}
