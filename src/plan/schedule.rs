//! A plan as a calendar: the week each course starts and ends at a weekly study budget.

use serde::Serialize;

use super::Plan;
use crate::error::{Error, Result};
use crate::model::CourseId;

/// When each course of a plan starts and ends at a weekly study budget.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Schedule {
    /// Hours of study per week.
    pub hours_per_week: f64,
    /// Weeks to finish the plan (whole weeks): the week its last course ends, 0 without
    /// courses.
    pub weeks: u32,
    /// Per course, in plan order: the week it starts and the week it ends, from week 1.
    pub courses: Vec<ScheduledCourse>,
}

/// One course of a [`Schedule`].
///
/// Serialized as `{"id", "start_week", "end_week"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ScheduledCourse {
    /// The course.
    #[serde(rename = "id")]
    pub course: CourseId,
    /// The week it starts, from 1.
    pub start_week: u32,
    /// The week it ends (inclusive).
    pub end_week: u32,
}

impl Plan<'_> {
    /// A calendar at `hours_per_week`: courses taken one after another in plan order. A
    /// course of 0 hours is taken in the week the course before it ends (week 1 when it
    /// comes first).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when `hours_per_week` is not above 0 and at most 168 (the
    /// hours of a week), or so small that the plan would take more weeks than a `u32`
    /// counts.
    pub fn schedule(&self, hours_per_week: f64) -> Result<Schedule> {
        let invalid = |expected| Error::InvalidArgument {
            name: "hours_per_week",
            value: hours_per_week.to_string(),
            expected,
        };
        if !(hours_per_week > 0.0 && hours_per_week <= 168.0) {
            return Err(invalid("a number of hours above 0 and at most 168"));
        }
        if self.total_hours() / hours_per_week >= f64::from(u32::MAX) {
            return Err(invalid(
                "enough hours a week to finish in fewer than 2³² weeks",
            ));
        }
        let mut done = 0.0;
        let mut courses = Vec::with_capacity(self.courses.len());
        for c in &self.courses {
            let start = done;
            done += c.course.hours();
            // A course of 0 hours is taken in the week the one before it ends (week 1
            // first), not in a week of its own.
            let start_week = if c.course.hours() > 0.0 {
                started_weeks(start, hours_per_week) + 1
            } else {
                courses.last().map_or(1, |p: &ScheduledCourse| p.end_week)
            };
            courses.push(ScheduledCourse {
                course: c.course.id().clone(),
                start_week,
                end_week: week_of(done, hours_per_week).max(start_week),
            });
        }
        // The plan lasts until its last course ends (a plan of 0-hour courses, week 1).
        let weeks = courses.last().map_or(0, |c| c.end_week);
        Ok(Schedule {
            hours_per_week,
            weeks,
            courses,
        })
    }
}

/// Whole weeks completed after `hours` (a course starting then starts in the next week).
fn started_weeks(hours: f64, per_week: f64) -> u32 {
    (hours / per_week + 1e-9)
        .floor()
        .clamp(0.0, f64::from(u32::MAX - 1)) as u32
}

/// The week in which `hours` of study are done (0 for none).
fn week_of(hours: f64, per_week: f64) -> u32 {
    let w = (hours / per_week - 1e-9).ceil();
    if w <= 0.0 {
        0
    } else {
        w.min(f64::from(u32::MAX)) as u32
    }
}
