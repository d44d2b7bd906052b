//! A self-contained HTML report of an assessment and a plan, with charts.
//!
//! One file that opens in any browser, offline: the style sheet and the charts (SVG) are
//! inline, nothing is fetched (a content security policy in the document forbids it), no
//! script runs, and it prints on A4. Every chart is an image with an accessible name and
//! description, each of its marks has a `<title>`, and a table of the same figures sits
//! beside it; colour never carries meaning alone (ready roles, the target, transferred
//! credit and prerequisite courses are also named in words or marked by a pattern). Every
//! name taken from a catalog or a profile is escaped, so a skill called `<script>` is
//! shown as text.
//!
//! The document is a list of sections over one skeleton (`document.rs`), each chart in a
//! file of its own; the cohort report ([`CohortReport`]) is another list of sections over
//! the same skeleton.

mod cohort;
mod credentials;
mod document;
mod escape;
mod fit;
mod gaps;
mod next;
mod requirements;
mod svg;
mod timeline;

use crate::assess::{Assessment, RoleScore};
use crate::error::Result;
use crate::plan::{Plan, Schedule};
pub use cohort::CohortReport;
use document::document;

/// See [`HtmlReport::MAX_ROWS`].
const MAX_ROWS: usize = HtmlReport::MAX_ROWS;

/// How many of the best-fitting roles the "hours to ready" chart plans for (the target is
/// added when it is not among them).
const NEAREST: usize = 5;

/// How many courses "what to learn next" lists.
const NEXT: usize = 8;

/// An HTML report of an [`Assessment`]: fit to every role, the target role's requirements
/// held against needed, its credentials (gates met and missing) and facts (pay, demand)
/// when it has any, the gaps in learning order, the plan as a timeline over weeks,
/// what to learn next and the hours to ready for the nearest roles.
///
/// The target is the role given to [`target`](Self::target), else the plan's, else the
/// best-fitting role; the plan is the one given to [`plan`](Self::plan), else
/// [`Assessment::plan`] for the target.
///
/// ```
/// use skillgap::render::HtmlReport;
/// use skillgap::{Catalog, Level, Profile};
///
/// let catalog = Catalog::builtin();
/// let profile = Profile::new().with_skill("Python", Level::ADVANCED);
/// let assessment = catalog.assess(&profile)?;
/// let plan = assessment.plan("data-scientist")?;
/// let html = HtmlReport::new(&assessment)
///     .plan(&plan)
///     .hours_per_week(8.0)
///     .render()?;
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("id=\"timeline\""));
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct HtmlReport<'a, 'c> {
    assessment: &'a Assessment<'c>,
    target: Option<String>,
    plan: Option<&'a Plan<'c>>,
    hours_per_week: f64,
    top: usize,
    title: Option<String>,
}

impl<'a, 'c> HtmlReport<'a, 'c> {
    /// The most rows any one chart or table of a report shows (roles, requirements, gaps,
    /// courses); the rest are counted in a note. Keeps the report of a huge catalog or
    /// plan a few megabytes at most.
    pub const MAX_ROWS: usize = 500;

    /// How many roles the fit chart shows unless [`top`](Self::top) says otherwise.
    pub const DEFAULT_TOP: usize = 30;

    /// A report of `assessment` at 10 study hours a week, showing the best
    /// [`DEFAULT_TOP`](Self::DEFAULT_TOP) roles.
    pub fn new(assessment: &'a Assessment<'c>) -> Self {
        HtmlReport {
            assessment,
            target: None,
            plan: None,
            hours_per_week: 10.0,
            top: Self::DEFAULT_TOP,
            title: None,
        }
    }

    /// The role the report is about (its id, name or alias).
    pub fn target(mut self, role: impl Into<String>) -> Self {
        self.target = Some(role.into());
        self
    }

    /// The plan to show (for instance one made by a [`Planner`](crate::Planner) with an
    /// objective or scope of its own); its target becomes the report's unless
    /// [`target`](Self::target) names another.
    pub fn plan(mut self, plan: &'a Plan<'c>) -> Self {
        self.plan = Some(plan);
        self
    }

    /// Study hours per week, for the timeline and the weeks to ready.
    pub fn hours_per_week(mut self, hours: f64) -> Self {
        self.hours_per_week = hours;
        self
    }

    /// How many of the best roles the fit chart shows (the target is always shown), at
    /// most [`MAX_ROWS`](Self::MAX_ROWS).
    pub fn top(mut self, k: usize) -> Self {
        self.top = k;
        self
    }

    /// The document's title (default: "Skill-gap report").
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The report as one HTML document.
    ///
    /// # Complexity
    ///
    /// The ranking, the target's explanation and gaps, one plan for the target (unless
    /// given), one readiness plan for each of the nearest roles, and
    /// [`Assessment::next_courses`]; writing is linear in what is shown.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean) for a target
    /// the catalog lacks (or a catalog without roles),
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for hours per week not
    /// above 0 and at most 168, and the errors of [`Assessment::plan`] when the plan is
    /// made here.
    pub fn render(&self) -> Result<String> {
        let a = self.assessment;
        let target = a.role(self.target_id())?;
        let made;
        let plan = match self.plan {
            Some(p) => p,
            None => {
                made = a.plan(target.role().id().as_str())?;
                &made
            }
        };
        let ctx = Context {
            assessment: a,
            target,
            plan,
            schedule: plan.schedule(self.hours_per_week)?,
            top: self.top.min(MAX_ROWS),
        };
        let mut sections = vec![fit::section(&ctx), requirements::section(&ctx)?];
        sections.extend(credentials::section(&ctx)?);
        sections.extend([
            gaps::section(&ctx)?,
            timeline::section(&ctx),
            next::section(&ctx)?,
        ]);
        let title = self.title.as_deref().unwrap_or("Skill-gap report");
        Ok(document(title, &ctx.lead(), &ctx.summary(), &sections))
    }

    /// The target's id: the one asked for (resolved by id, name or alias), else the
    /// plan's, else the best role's (empty for a catalog without roles).
    fn target_id(&self) -> &str {
        let a = self.assessment;
        match (&self.target, self.plan.and_then(Plan::target)) {
            (Some(t), _) => a
                .catalog()
                .resolve_role(t)
                .map_or(t.as_str(), |r| r.id().as_str()),
            (None, Some(id)) => id.as_str(),
            (None, None) => a.best().map_or("", |b| b.role().id().as_str()),
        }
    }
}

/// What every section reads.
#[derive(Debug)]
pub(crate) struct Context<'p, 'c> {
    pub assessment: &'p Assessment<'c>,
    pub target: RoleScore<'c>,
    pub plan: &'p Plan<'c>,
    pub schedule: Schedule,
    /// How many roles the fit chart shows.
    pub top: usize,
}

impl Context<'_, '_> {
    /// The sentence under the title.
    fn lead(&self) -> String {
        format!(
            "Where this profile stands against the {} role(s) of the catalog, and how to \
             become {} at {} study hours a week.",
            self.assessment.catalog().roles().len(),
            self.target.role().name(),
            svg::num(self.schedule.hours_per_week)
        )
    }

    /// The figures at the top: fit to the target, the best fit, the plan in brief.
    fn summary(&self) -> Vec<(String, String)> {
        let ready = match (self.target.is_ready(), self.target.gates_met()) {
            (true, _) => ", ready",
            (false, false) => ", a required credential missing",
            _ => "",
        };
        let best = self.assessment.best().map_or("none".to_string(), |b| {
            format!("{} (fit {})", b.role().name(), svg::percent(b.fit()))
        });
        vec![
            (
                format!("Fit to {}", self.target.role().name()),
                format!(
                    "fit {} · ready {}{ready}",
                    svg::percent(self.target.fit()),
                    svg::percent(self.target.score())
                ),
            ),
            ("Best fit".to_string(), best),
            (
                "Plan".to_string(),
                format!(
                    "{} course(s), {:.0} h, {} week(s)",
                    self.plan.courses().len(),
                    self.plan.total_hours(),
                    self.schedule.weeks
                ),
            ),
        ]
    }

    /// An amount of money in the catalog's currency.
    pub fn money(&self, amount: f64) -> String {
        match self.assessment.catalog().currency() {
            Some(code) => format!("{amount:.0} {code}"),
            None => format!("{amount:.0}"),
        }
    }
}

/// "N more not shown" when `total` exceeds `shown`.
pub(crate) fn more_note(out: &mut String, total: usize, shown: usize, what: &str) {
    if total > shown {
        use std::fmt::Write;
        let _ = writeln!(
            out,
            "<p class=\"muted\">{} more {what} not shown (the report shows {shown}).</p>",
            total - shown
        );
    }
}
