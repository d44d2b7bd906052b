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
    /// Levels raised by the courses taken so far, by skill (a few: a scan beats hashing).
    raised: Vec<(SkillAt, f64)>,
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
                raised: Vec::new(),
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
    /// (`cargo bench --bench batch --features parallel -- cohort/analysis`). Computing an
    /// offer's value without collecting its takers (only the offer taken needs them), and
    /// the raised levels as a short list instead of a hash map per member: 4.8 s to 3.9 s.
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
            let value = self.value(offer, learners, by_skill);
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
            let value = self.value(&offers[i], learners, by_skill);
            if value <= 0.0 {
                continue;
            }
            let fresh = key(i, value);
            if heap.peek().is_some_and(|next| *next > fresh) {
                heap.push(fresh);
                continue;
            }
            taken[i] = true;
            let takers = self.takers(&offers[i], learners, by_skill);
            steps.push(take(&offers[i], takers, learners, by_skill));
            for &(s, _) in &offers[i].teaches {
                for &j in requiring.get(&s).map_or(&[][..], Vec::as_slice) {
                    if taken[j] {
                        continue;
                    }
                    let value = self.value(&offers[j], learners, by_skill);
                    if value > 0.0 {
                        heap.push(key(j, value));
                    }
                }
            }
        }
        steps
    }

    /// The priority an offer would close: the open gaps it teaches high enough, of the
    /// members who meet what it requires.
    fn value(
        &self,
        offer: &Offer<'c>,
        learners: &[Learner],
        by_skill: &HashMap<SkillAt, Vec<(usize, usize)>>,
    ) -> f64 {
        let mut value = 0.0;
        self.closes(offer, learners, by_skill, |_, priority| value += priority);
        value
    }

    /// Who would take an offer: the members with a gap it closes, ascending.
    fn takers(
        &self,
        offer: &Offer<'c>,
        learners: &[Learner],
        by_skill: &HashMap<SkillAt, Vec<(usize, usize)>>,
    ) -> Vec<usize> {
        let mut takers = Vec::new();
        self.closes(offer, learners, by_skill, |m, _| takers.push(m));
        takers.sort_unstable();
        takers.dedup();
        takers
    }

    /// Calls `f(member, priority)` for every open gap an offer closes for a member who
    /// meets what it requires.
    fn closes(
        &self,
        offer: &Offer<'c>,
        learners: &[Learner],
        by_skill: &HashMap<SkillAt, Vec<(usize, usize)>>,
        mut f: impl FnMut(usize, f64),
    ) {
        for &(skill, level) in &offer.teaches {
            for &(m, i) in by_skill.get(&skill).map_or(&[][..], Vec::as_slice) {
                let g = learners[m].gaps[i];
                if g.3 && g.1 <= level && self.meets(m, &learners[m], &offer.requires) {
                    f(m, g.2);
                }
            }
        }
    }

    /// Whether member `m` meets `requires` with the levels reached so far.
    fn meets(&self, m: usize, learner: &Learner, requires: &[(SkillAt, f64)]) -> bool {
        let levels = &self.members()[m].levels;
        requires.iter().all(|&(s, need)| {
            levels.of_skill(s) >= need || learner.raised.iter().any(|&(r, l)| r == s && l >= need)
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
        let offers = offers(catalog);
        let mut teaching: HashMap<SkillAt, Vec<usize>> = HashMap::default();
        for (i, offer) in offers.iter().enumerate() {
            for &(s, _) in &offer.teaches {
                let list = teaching.entry(s).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let teachers = |s: SkillAt| teaching.get(&s).map_or(&[][..], Vec::as_slice);
        // Per offer, the members it makes ready, ascending: an offer can only make a
        // member ready if it teaches their unmet requirement with the fewest teachers, so
        // only those offers are checked (instead of every offer against every member: the
        // cohort analysis bench of 10,000 members, 8.1 s to 4.8 s).
        let mut made: Vec<Vec<usize>> = vec![Vec::new(); offers.len()];
        for (m, unmet) in self.missing_essentials(r) {
            let Some(&(rarest, _)) = unmet.iter().min_by_key(|(s, _)| teachers(*s).len()) else {
                continue;
            };
            if !self.holds_gates(m, r) {
                continue;
            }
            for &i in teachers(rarest) {
                let offer = &offers[i];
                let teaches_all = unmet
                    .iter()
                    .all(|&(s, need)| offer.teaches.iter().any(|&(t, l)| t == s && l >= need));
                if teaches_all && self.meets(m, &Learner::fresh(), &offer.requires) {
                    made[i].push(m);
                }
            }
        }
        // Most members, then fewer hours, then the smaller id.
        let best = (0..offers.len())
            .filter(|&i| !made[i].is_empty())
            .max_by(|&a, &b| {
                let (x, y) = (offers[a].course, offers[b].course);
                made[a]
                    .len()
                    .cmp(&made[b].len())
                    .then(y.hours().total_cmp(&x.hours()))
                    .then_with(|| y.id().cmp(x.id()))
            });
        Ok(best.map(|i| ReadyMaker {
            course: offers[i].course,
            members: std::mem::take(&mut made[i]),
        }))
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
            raised: Vec::new(),
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
            let raised = &mut learners[m].raised;
            match raised.iter_mut().find(|(s, _)| *s == skill) {
                Some((_, l)) => *l = l.max(level),
                None => raised.push((skill, level)),
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::Assessor;
    use crate::model::{Level, Profile};

    /// Every offer against every member: what the index in
    /// [`Cohort::next_course_for_most`] must agree with.
    fn slow<'c>(cohort: &Cohort<'c>, r: RoleAt) -> Option<(&'c str, Vec<usize>)> {
        let missing = cohort.missing_essentials(r);
        let mut best: Option<(&'c Course, Vec<usize>)> = None;
        for offer in offers(cohort.catalog()) {
            let members: Vec<usize> = missing
                .iter()
                .filter(|(m, unmet)| {
                    !unmet.is_empty()
                        && cohort.holds_gates(*m, r)
                        && cohort.meets(*m, &Learner::fresh(), &offer.requires)
                        && unmet.iter().all(|&(s, need)| {
                            offer.teaches.iter().any(|&(t, l)| t == s && l >= need)
                        })
                })
                .map(|(m, _)| *m)
                .collect();
            let better = match &best {
                _ if members.is_empty() => false,
                None => true,
                Some((c, b)) => members
                    .len()
                    .cmp(&b.len())
                    .then(c.hours().total_cmp(&offer.course.hours()))
                    .then_with(|| c.id().cmp(offer.course.id()))
                    .is_gt(),
            };
            if better {
                best = Some((offer.course, members));
            }
        }
        best.map(|(c, m)| (c.id().as_str(), m))
    }

    #[test]
    fn next_course_for_most_equals_every_offer_against_every_member() {
        let catalog = Catalog::builtin();
        let skills = catalog.skills();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let profiles: Vec<Profile> = (0..300)
            .map(|_| {
                let mut p = Profile::new();
                for _ in 0..next(25) {
                    let level = Level::new(1 + next(5) as u8).expect("1..=5");
                    p = p.with_skill(skills[next(skills.len())].id().as_str(), level);
                }
                p
            })
            .collect();
        let cohort = Assessor::new(catalog).cohort(&profiles).expect("valid");
        let mut found = 0;
        for (r, role) in catalog.roles().iter().enumerate() {
            let fast = cohort.next_course_for_most(role.id()).expect("known role");
            let fast = fast.map(|f| (f.course.id().as_str(), f.members));
            found += usize::from(fast.is_some());
            assert_eq!(fast, slow(&cohort, RoleAt::at(r)), "role {}", role.id());
        }
        assert!(found > 0, "some course makes someone ready");
    }
}
