//! What each course teaches and requires, and which courses teach each skill: the index
//! the planner works on.

use super::position::{CourseAt, SkillAt};
use crate::model::{Course, Level, SkillLevel};
use crate::util::table::Table;

/// A skill at a level, the skill as a position: what a course teaches or requires, or a
/// level a plan must reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Need {
    pub skill: SkillAt,
    pub level: Level,
}

/// The courses as the planner sees them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Courses {
    /// Per course, the skills it teaches (by skill, each once at the highest level given).
    teaches: Table<Need>,
    /// Per course, the skills it requires (likewise).
    requires: Table<Need>,
    /// Per skill, the courses teaching it with the level taught, by course.
    teachers: Table<(CourseAt, Level)>,
}

impl Courses {
    /// The index of `courses`, skills found by `skill_at` (unknown ones are left out:
    /// validation reported them).
    pub fn build(
        courses: &[Course],
        skills: usize,
        skill_at: impl Fn(&str) -> Option<SkillAt>,
    ) -> Courses {
        let needs = |list: &[SkillLevel]| {
            let mut v: Vec<Need> = list
                .iter()
                .filter_map(|sl| {
                    skill_at(sl.skill().as_str()).map(|skill| Need {
                        skill,
                        level: sl.level(),
                    })
                })
                .collect();
            v.sort_by(|a, b| a.skill.cmp(&b.skill).then(b.level.cmp(&a.level)));
            v.dedup_by_key(|n| n.skill);
            v
        };
        let teaches = Table::from_rows(courses.iter().map(|c| needs(c.teaches())));
        let requires = Table::from_rows(courses.iter().map(|c| needs(c.requires())));
        let mut by_skill: Vec<Vec<(CourseAt, Level)>> = vec![Vec::new(); skills];
        for (c, row) in teaches.rows().enumerate() {
            for n in row {
                by_skill[n.skill.get()].push((CourseAt::at(c), n.level));
            }
        }
        Courses {
            teaches,
            requires,
            teachers: Table::from_rows(by_skill),
        }
    }

    /// What a course teaches, by skill.
    pub fn teaches(&self, course: CourseAt) -> &[Need] {
        self.teaches.row(course.get())
    }

    /// What a course requires, by skill.
    pub fn requires(&self, course: CourseAt) -> &[Need] {
        self.requires.row(course.get())
    }

    /// The courses teaching a skill, with the level each teaches, by course.
    pub fn teachers(&self, skill: SkillAt) -> &[(CourseAt, Level)] {
        self.teachers.row(skill.get())
    }

    /// The highest level any course teaches a skill to (0 when none teaches it).
    pub fn best_level(&self, skill: SkillAt) -> Level {
        self.teachers(skill)
            .iter()
            .map(|&(_, l)| l)
            .max()
            .unwrap_or(Level::NONE)
    }
}
