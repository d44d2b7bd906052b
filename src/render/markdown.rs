//! Markdown rendering of a plan: stages, courses, hours, weeks and the gaps each closes.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::error::Result;
use crate::model::Level;
use crate::plan::{Plan, PlannedCourse, Schedule, ScheduledCourse};

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

impl Plan<'_> {
    /// The plan as a Markdown document: a summary, one table per stage (course, provider,
    /// hours, cost, the weeks it takes at `hours_per_week` when given, and the gaps it
    /// closes with the level reached), then the gaps no course can close.
    ///
    /// ```
    /// use skillgap::{Catalog, Profile};
    ///
    /// let catalog = Catalog::builtin();
    /// let assessment = catalog.assess(&Profile::new())?;
    /// let md = assessment.plan("data-scientist")?.to_markdown(Some(10.0))?;
    /// assert!(md.starts_with("# Plan for Data Scientist"));
    /// assert!(md.contains("## Stage 1"));
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) when `hours_per_week` is
    /// not a finite number above 0.
    pub fn to_markdown(&self, hours_per_week: Option<f64>) -> Result<String> {
        let schedule = hours_per_week.map(|h| self.schedule(h)).transpose()?;
        let mut out = String::new();
        self.markdown_summary(schedule.as_ref(), &mut out);
        if !self.gates().is_empty() {
            out.push_str("## Credentials\n\n");
            for g in self.gates() {
                let _ = writeln!(out, "- {}", cell(&g.to_string()));
            }
            out.push('\n');
        }
        if self.courses().is_empty() && self.uncovered().is_empty() {
            out.push_str("Nothing to learn: every gap is closed.\n");
            return Ok(out);
        }
        let needs = self.gaps().need_by_skill();
        let mut position = 0;
        for (stage, courses) in self.stages().into_iter().enumerate() {
            let _ = writeln!(out, "## Stage {}\n", stage + 1);
            out.push_str(if schedule.is_some() {
                "| # | Course | Provider | Hours | Cost | Weeks | Closes |\n|---|---|---|---:|---:|---|---|\n"
            } else {
                "| # | Course | Provider | Hours | Cost | Closes |\n|---|---|---|---:|---:|---|\n"
            });
            for pc in courses {
                let weeks = schedule.as_ref().map(|s| &s.courses[position]);
                markdown_row(position, pc, weeks, &needs, &mut out);
                position += 1;
            }
            out.push('\n');
        }
        if !self.uncovered().is_empty() {
            out.push_str("## Not covered\n\n");
            for u in self.uncovered() {
                let _ = writeln!(
                    out,
                    "- {} to level {}: {}",
                    cell(u.skill.name()),
                    u.need.get(),
                    cell(&u.reason.to_string())
                );
            }
            for (i, cycle) in self.course_cycles().iter().enumerate() {
                let _ = writeln!(
                    out,
                    "- course cycle {}: {}",
                    i + 1,
                    cell(&cycle.join(" → "))
                );
            }
            out.push('\n');
        }
        Ok(out)
    }

    /// The title and the one-line summary.
    fn markdown_summary(&self, schedule: Option<&Schedule>, out: &mut String) {
        let title = match self.target() {
            Some(id) => self
                .catalog()
                .role(id.as_str())
                .map_or(id.as_str(), |r| r.name()),
            None => "the requested skills",
        };
        let _ = writeln!(out, "# Plan for {}\n", cell(title));
        let _ = write!(
            out,
            "{} course(s) in {} stage(s): {:.0} hours, cost {:.0}{}",
            self.courses().len(),
            self.stage_count(),
            self.total_hours(),
            self.total_cost(),
            self.catalog()
                .currency()
                .map_or(String::new(), |c| format!(" {c}"))
        );
        if let Some(s) = schedule {
            let _ = write!(
                out,
                "; {} week(s) at {} hours a week",
                s.weeks, s.hours_per_week
            );
        }
        let optimal = if self.is_optimal() {
            " Proven optimal."
        } else {
            ""
        };
        let _ = writeln!(out, ".{optimal}\n");
    }
}

/// One course's row: position, title (linked when it has a URL), provider, hours, cost,
/// the weeks it takes when scheduled, and the gaps it closes with the level reached.
fn markdown_row(
    position: usize,
    pc: &PlannedCourse<'_>,
    weeks: Option<&ScheduledCourse>,
    needs: &BTreeMap<&str, Level>,
    out: &mut String,
) {
    let c = pc.course();
    let name = match c.url() {
        Some(url) => format!(
            "[{}]({})",
            cell(c.title()),
            url.replace(' ', "%20").replace(')', "%29")
        ),
        None => cell(c.title()),
    };
    let _ = write!(
        out,
        "| {} | {} | {} | {:.0} | {:.0} |",
        position + 1,
        name,
        cell(c.provider()),
        c.hours(),
        c.cost()
    );
    if let Some(w) = weeks {
        if w.start_week == w.end_week {
            let _ = write!(out, " {} |", w.start_week);
        } else {
            let _ = write!(out, " {}–{} |", w.start_week, w.end_week);
        }
    }
    let closes: Vec<String> = pc
        .closes()
        .iter()
        .map(|s| {
            let need = needs.get(s.id().as_str()).map_or(0, |l| l.get());
            format!("{} {}", cell(s.name()), need)
        })
        .collect();
    let closes = if closes.is_empty() {
        "(prerequisite)".to_string()
    } else {
        closes.join(", ")
    };
    let _ = writeln!(out, " {closes} |");
}
