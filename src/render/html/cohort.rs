//! A cohort report: readiness for every role and the most common gaps toward a target as
//! charts, and the team training plan, over the same skeleton as the personal report.

use std::fmt::Write;

use super::document::{document, Section};
use super::escape::Esc;
use super::svg::{self, num, percent};
use super::{more_note, MAX_ROWS};
use crate::assess::{Cohort, CohortReadiness, CommonGap};
use crate::error::Result;

/// Label column and bar length of the cohort charts, in SVG units.
const LABEL: f64 = 250.0;
const BAR: f64 = 300.0;
const ROW: f64 = 22.0;
const TOP: f64 = 24.0;

/// How many common gaps the report shows.
const GAPS: usize = 15;

/// An HTML report of a [`Cohort`]: how many members are ready for each role, the gaps
/// toward a target role most members share (with how many each blocks from readiness),
/// and the team training plan with the course that makes the most members ready.
///
/// ```
/// use skillgap::assess::Assessor;
/// use skillgap::render::CohortReport;
/// use skillgap::{Catalog, Level, Profile};
///
/// let catalog = Catalog::builtin();
/// let profiles = vec![
///     Profile::new().with_name("ana").with_skill("SQL", Level::EXPERT),
///     Profile::new().with_name("bo").with_skill("Python", Level::ADVANCED),
/// ];
/// let cohort = Assessor::new(catalog).cohort(&profiles)?;
/// let html = CohortReport::new(&cohort, "data-scientist").render()?;
/// assert!(html.contains("id=\"cohort-readiness\"") && html.contains("id=\"common-gaps\""));
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct CohortReport<'a, 'c> {
    cohort: &'a Cohort<'c>,
    target: String,
    title: Option<String>,
}

impl<'a, 'c> CohortReport<'a, 'c> {
    /// A report of `cohort` toward `target` (a role's id, name or alias).
    pub fn new(cohort: &'a Cohort<'c>, target: impl Into<String>) -> Self {
        CohortReport {
            cohort,
            target: target.into(),
            title: None,
        }
    }

    /// The document's title (default "Cohort report").
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The HTML document.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) for a target
    /// the catalog lacks.
    pub fn render(&self) -> Result<String> {
        let cohort = self.cohort;
        let catalog = cohort.catalog();
        let role = catalog
            .resolve_role(&self.target)
            .map_or(self.target.as_str(), |r| r.id().as_str());
        let target = cohort.readiness(role)?;
        let sections = vec![
            readiness(&cohort.readiness_all(), &target),
            common_gaps(&cohort.common_gaps(role, GAPS)?, cohort.len(), &target),
            training(cohort, role)?,
        ];
        let name = target.role.name();
        let lead = format!("{} member(s), toward {name}.", cohort.len());
        let summary = vec![
            ("Members".to_string(), cohort.len().to_string()),
            (format!("Ready for {name}"), target.ready.to_string()),
            (
                "Median readiness".to_string(),
                percent(target.scores.median),
            ),
        ];
        let title = self.title.as_deref().unwrap_or("Cohort report");
        Ok(document(title, &lead, &summary, &sections))
    }
}

/// One bar of a cohort chart: its label, its length in 0..=1 and the words beside it.
fn bar(out: &mut String, row: usize, label: &str, share: f64, words: &str, marked: bool) {
    let y = TOP + ROW * row as f64;
    let _ = writeln!(
        out,
        "<g><title>{}: {}</title><text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>\
         <rect class=\"track\" x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" height=\"14\"/>\
         <rect class=\"score\" x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"14\"/>\
         <text x=\"{}\" y=\"{}\">{}</text></g>",
        Esc(label),
        Esc(words),
        if marked { "target-text" } else { "label" },
        num(LABEL - 6.0),
        num(y + 11.0),
        if marked { "▶ " } else { "" },
        Esc(&super::escape::clip(label, 34)),
        num(y),
        num(y),
        num(BAR * share.clamp(0.0, 1.0)),
        num(LABEL + BAR + 8.0),
        num(y + 11.0),
        Esc(words),
    );
}

fn readiness(all: &[CohortReadiness<'_>], target: &CohortReadiness<'_>) -> Section {
    let shown = &all[..all.len().min(MAX_ROWS)];
    let mut body = String::from(
        "<p>For each role, the share of members ready for it (every essential requirement \
         met), and the median readiness.</p>\n<figure>\n",
    );
    let height = TOP + ROW * shown.len() as f64 + 8.0;
    svg::open(
        &mut body,
        "cohort-readiness-chart",
        height,
        "Members ready for each role",
        &format!(
            "Bar chart of {} role(s): the share of members ready for each.",
            shown.len()
        ),
    );
    for (row, r) in shown.iter().enumerate() {
        let share = r.ready as f64 / r.members.max(1) as f64;
        let words = format!(
            "{} of {} ready · median {}",
            r.ready,
            r.members,
            percent(r.scores.median)
        );
        bar(
            &mut body,
            row,
            r.role.name(),
            share,
            &words,
            r.role.id() == target.role.id(),
        );
    }
    svg::close(&mut body);
    body.push_str("<figcaption>▶: the target role. The same in words beside each bar.</figcaption>\n</figure>\n");
    body.push_str(
        "<table>\n<thead><tr><th>Role</th><th class=\"n\">Ready</th><th class=\"n\">Members</th>\
        <th class=\"n\">Median</th><th class=\"n\">Mean</th></tr></thead>\n<tbody>\n",
    );
    for r in shown {
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            Esc(r.role.name()), r.ready, r.members, percent(r.scores.median), percent(r.scores.mean)
        );
    }
    body.push_str("</tbody>\n</table>\n");
    more_note(&mut body, all.len(), shown.len(), "role(s)");
    Section {
        id: "cohort-readiness",
        heading: "Readiness by role".to_string(),
        body,
    }
}

fn common_gaps(gaps: &[CommonGap<'_>], members: usize, target: &CohortReadiness<'_>) -> Section {
    let mut body = String::new();
    let name = target.role.name();
    if gaps.is_empty() {
        let _ = writeln!(body, "<p>No member has a gap toward {}.</p>", Esc(name));
    } else {
        let _ = writeln!(
            body,
            "<p>The gaps toward {} that weigh most across the cohort (the sum of their \
             priority over the members who have them), with how many members each keeps \
             from being ready.</p>\n<figure>",
            Esc(name)
        );
        let most = gaps[0].weight.max(f64::MIN_POSITIVE);
        let height = TOP + ROW * gaps.len() as f64 + 8.0;
        svg::open(
            &mut body,
            "common-gaps-chart",
            height,
            "The most common gaps",
            &format!(
                "Bar chart of the {} gaps toward {name} that weigh most across the cohort.",
                gaps.len()
            ),
        );
        for (row, g) in gaps.iter().enumerate() {
            let words = format!("{} of {members} members · blocks {}", g.members, g.blocks);
            bar(
                &mut body,
                row,
                g.skill.name(),
                g.weight / most,
                &words,
                false,
            );
        }
        svg::close(&mut body);
        body.push_str("<figcaption>Bar length: summed priority, relative to the first.</figcaption>\n</figure>\n");
        body.push_str("<table>\n<thead><tr><th>Skill</th><th class=\"n\">Members</th>\
            <th class=\"n\">Summed priority</th><th class=\"n\">Blocks</th></tr></thead>\n<tbody>\n");
        for g in gaps {
            let _ = writeln!(
                body,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2}</td><td class=\"n\">{}</td></tr>",
                Esc(g.skill.name()), g.members, g.weight, g.blocks
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    Section {
        id: "common-gaps",
        heading: format!("Common gaps toward {name}"),
        body,
    }
}

fn training(cohort: &Cohort<'_>, role: &str) -> Result<Section> {
    let plan = cohort.training_plan(role)?;
    let mut body = String::new();
    if let Some(next) = cohort.next_course_for_most(role)? {
        let _ = writeln!(
            body,
            "<p>Taken alone, <b>{}</b> would make {} member(s) ready.</p>",
            Esc(next.course.title()),
            next.members.len()
        );
    }
    let _ =
        writeln!(
        body,
        "<p>A team plan: courses in an order valid for everyone who takes them, each chosen for \
         the most cohort gaps it closes per hour. {} of {} member gap(s) stay open; {:.0} study \
         hours in all, summed over the members.</p>",
        plan.open_gaps, plan.gaps, plan.member_hours()
    );
    body.push_str(
        "<table>\n<thead><tr><th class=\"n\">#</th><th>Course</th><th class=\"n\">Hours</th>\
        <th class=\"n\">Members</th><th class=\"n\">Gaps closed</th></tr></thead>\n<tbody>\n",
    );
    for (i, s) in plan.steps.iter().take(MAX_ROWS).enumerate() {
        let _ = writeln!(
            body,
            "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            i + 1, Esc(s.course.title()), num(s.course.hours()), s.takers.len(), s.gaps_closed
        );
    }
    body.push_str("</tbody>\n</table>\n");
    more_note(
        &mut body,
        plan.steps.len(),
        plan.steps.len().min(MAX_ROWS),
        "course(s)",
    );
    Ok(Section {
        id: "team-plan",
        heading: "Team training plan".to_string(),
        body,
    })
}
