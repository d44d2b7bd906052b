//! A cohort's training plan: the courses that close the most of the members' gaps per
//! hour, who takes each, and the one course that makes the most members ready.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::assess::{Cohort, Gap};
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

/// One member's open gap toward the role, filed under its skill.
#[derive(Clone, Copy)]
struct GapRecord {
    member: u32,
    need: f64,
    priority: f64,
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

/// The greedy's state: the cohort's open gaps filed by skill, and the members' levels (by
/// their profile or the courses taken so far) on the skills that courses require.
///
/// Gaps are filed by skill in one vector each, a closed gap leaving it, and the levels
/// courses require are kept as one column per skill, so valuing an offer reads its taught
/// skills' open gaps in sequence and checks each member's requirements with a load or
/// two. Against following each gap to its member's list and looking the member's levels
/// up in its profile's table every time, the cohort analysis of 10,000 members went from
/// 8.6 s to 0.78 s (`cargo bench --bench batch --features parallel -- cohort/analysis`).
///
/// Memory: one `f64` per member for each skill some course teaching a gap requires.
struct Board<'c> {
    offers: Vec<Offer<'c>>,
    /// By skill position: the members' open gaps on it, in member order.
    gaps: Vec<Vec<GapRecord>>,
    /// By skill position: its column in `levels`, if some relevant course requires it.
    column: Vec<Option<usize>>,
    /// Per column: each member's level on the skill, raised by the courses they took.
    levels: Vec<Vec<f64>>,
}

impl<'c> Board<'c> {
    fn new(cohort: &Cohort<'c>, r: RoleAt) -> Board<'c> {
        let catalog = cohort.catalog();
        let lists = cohort.map_gaps(r, 0..cohort.len(), |m, gaps| {
            let record = |g: Gap<'_, 'c>| {
                let (need, priority) = (g.need().as_f64(), g.priority());
                (
                    g.index(),
                    GapRecord {
                        member: m as u32,
                        need,
                        priority,
                    },
                )
            };
            gaps.by_priority().map(record).collect::<Vec<_>>()
        });
        let mut gaps = vec![Vec::new(); catalog.skills().len()];
        for (skill, record) in lists.into_iter().flatten() {
            gaps[skill.get()].push(record);
        }
        let mut board = Board {
            offers: offers(catalog),
            column: vec![None; gaps.len()],
            gaps,
            levels: Vec::new(),
        };
        board.add_columns(cohort);
        board
    }

    /// A level column for every skill required by an offer teaching a gap, filled in one
    /// walk over the members' levels.
    fn add_columns(&mut self, cohort: &Cohort<'c>) {
        for offer in &self.offers {
            let teaches_gap = offer
                .teaches
                .iter()
                .any(|&(s, _)| !self.gaps[s.get()].is_empty());
            for &(s, _) in offer.requires.iter().filter(|_| teaches_gap) {
                if self.column[s.get()].is_none() {
                    self.column[s.get()] = Some(self.levels.len());
                    self.levels.push(vec![0.0; cohort.len()]);
                }
            }
        }
        for m in 0..cohort.len() {
            let (skills, values) = cohort.levels_of(m);
            for (s, &level) in skills.iter().zip(values) {
                if let Some(c) = self.column[s.get()] {
                    self.levels[c][m] = level;
                }
            }
        }
    }

    /// The gaps still open.
    fn open(&self) -> usize {
        self.gaps.iter().map(Vec::len).sum()
    }

    /// The priority offer `i` would close: the open gaps it teaches high enough, of the
    /// members who meet what it requires.
    fn value(&self, i: usize) -> f64 {
        let mut value = 0.0;
        self.closes(i, |_, priority| value += priority);
        value
    }

    /// Who would take offer `i`: the members with a gap it closes, ascending.
    fn takers(&self, i: usize) -> Vec<usize> {
        let mut takers = Vec::new();
        self.closes(i, |m, _| takers.push(m));
        takers.sort_unstable();
        takers.dedup();
        takers
    }

    /// Calls `f(member, priority)` for every open gap offer `i` closes for a member who
    /// meets what it requires.
    fn closes(&self, i: usize, mut f: impl FnMut(usize, f64)) {
        let offer = &self.offers[i];
        let meets = |m: usize| {
            offer.requires.iter().all(|&(s, need)| {
                let column = self.column[s.get()].map(|c| &self.levels[c]);
                column.is_some_and(|levels| levels[m] >= need)
            })
        };
        for &(skill, level) in &offer.teaches {
            for g in &self.gaps[skill.get()] {
                let m = g.member as usize;
                if g.need <= level && meets(m) {
                    f(m, g.priority);
                }
            }
        }
    }

    /// Takes offer `i` for `takers`: closes the gaps it closes for them and raises their
    /// levels.
    fn take(&mut self, i: usize, takers: Vec<usize>) -> TeamStep<'c> {
        let offer = &self.offers[i];
        let (mut value, mut gaps_closed) = (0.0, 0);
        for &(skill, level) in &offer.teaches {
            // A closed gap leaves its list (the order of the rest kept), so later walks
            // read only open ones.
            self.gaps[skill.get()].retain(|g| {
                let closes = g.need <= level && takers.binary_search(&(g.member as usize)).is_ok();
                if closes {
                    value += g.priority;
                    gaps_closed += 1;
                }
                !closes
            });
            if let Some(c) = self.column[skill.get()] {
                for &m in &takers {
                    self.levels[c][m] = self.levels[c][m].max(level);
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
    /// once (walking its taught skills' gaps), and again only when it reaches the top of
    /// the heap or a level it requires rises. No more rounds than courses. Memory: 24 bytes
    /// per member's gap, and 8 bytes per member for each skill required by a course that
    /// teaches a gap (about 3 KB a member on an ESCO-sized catalog); plan for a sample of
    /// a very large cohort, as the `cohort` example's `--plan-members` does.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRole`](crate::Error::UnknownRole) (with did-you-mean).
    pub fn training_plan(&self, role: impl AsRef<str>) -> Result<TeamPlan<'c>> {
        let catalog = self.catalog();
        let r = catalog.find_role_or_err(role.as_ref())?;
        let mut board = Board::new(self, r);
        let gaps = board.open();
        let steps = choose(&mut board);
        Ok(TeamPlan {
            role: catalog.role_at(r),
            steps,
            open_gaps: board.open(),
            gaps,
        })
    }

    /// Whether member `m` meets `requires` with the levels of its profile.
    fn meets(&self, m: usize, requires: &[(SkillAt, f64)]) -> bool {
        let levels = &self.members()[m].levels;
        requires.iter().all(|&(s, need)| levels.of_skill(s) >= need)
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
                if teaches_all && self.meets(m, &offer.requires) {
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
fn choose<'c>(board: &mut Board<'c>) -> Vec<TeamStep<'c>> {
    let hours: Vec<f64> = board.offers.iter().map(|o| o.course.hours()).collect();
    let key = |i: usize, value: f64| {
        let per_hour = value / hours[i].max(1e-9);
        (OrdF64(per_hour), OrdF64(value), Reverse(i))
    };
    let mut requiring = vec![Vec::new(); board.gaps.len()];
    for (i, offer) in board.offers.iter().enumerate() {
        for &(s, _) in &offer.requires {
            requiring[s.get()].push(i);
        }
    }
    let mut heap = BinaryHeap::new();
    for i in 0..board.offers.len() {
        let value = board.value(i);
        if value > 0.0 {
            heap.push(key(i, value));
        }
    }
    let mut taken = vec![false; board.offers.len()];
    let mut steps = Vec::new();
    while let Some((_, _, Reverse(i))) = heap.pop() {
        if taken[i] {
            continue;
        }
        let value = board.value(i);
        if value <= 0.0 {
            continue;
        }
        let fresh = key(i, value);
        if heap.peek().is_some_and(|next| *next > fresh) {
            heap.push(fresh);
            continue;
        }
        taken[i] = true;
        let takers = board.takers(i);
        steps.push(board.take(i, takers));
        for &(s, _) in &board.offers[i].teaches {
            for &j in &requiring[s.get()] {
                let value = if taken[j] { 0.0 } else { board.value(j) };
                if value > 0.0 {
                    heap.push(key(j, value));
                }
            }
        }
    }
    steps
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
                        && cohort.meets(*m, &offer.requires)
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

    /// 300 random profiles on the built-in catalog.
    fn random_profiles(catalog: &Catalog) -> Vec<Profile> {
        let skills = catalog.skills();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        (0..300)
            .map(|_| {
                let mut p = Profile::new();
                for _ in 0..next(25) {
                    let level = Level::new(1 + next(5) as u8).expect("1..=5");
                    p = p.with_skill(skills[next(skills.len())].id().as_str(), level);
                }
                p
            })
            .collect()
    }

    /// An offer's rank: per hour, value, then the smaller position.
    type Key = (OrdF64, OrdF64, Reverse<usize>);

    /// The greedy without an index or a heap: every round, every offer not yet taken
    /// valued against every member, from each member's own gap list and levels. Sums in
    /// the same order as [`Board`] (by taught skill, then member), so values are equal.
    fn naive<'c>(cohort: &Cohort<'c>, r: RoleAt) -> Vec<(&'c str, Vec<usize>, usize, f64)> {
        let offers = offers(cohort.catalog());
        let n = cohort.len();
        let mut open: Vec<Vec<(SkillAt, f64, f64)>> =
            cohort.map_gaps(r, 0..cohort.len(), |_, gaps| {
                let gaps = gaps.by_priority();
                gaps.map(|g| (g.index(), g.need().as_f64(), g.priority()))
                    .collect()
            });
        let mut raised: Vec<Vec<(SkillAt, f64)>> = vec![Vec::new(); n];
        let level = |m: usize, s: SkillAt, raised: &[Vec<(SkillAt, f64)>]| {
            let own = cohort.members()[m].levels.of_skill(s);
            raised[m]
                .iter()
                .filter(|r| r.0 == s)
                .fold(own, |a, r| a.max(r.1))
        };
        let mut taken = vec![false; offers.len()];
        let mut steps = Vec::new();
        loop {
            let mut best: Option<(Key, Vec<usize>)> = None;
            for (i, offer) in offers.iter().enumerate().filter(|(i, _)| !taken[*i]) {
                let (mut value, mut takers) = (0.0, Vec::new());
                for &(t, l) in &offer.teaches {
                    for (m, gaps) in open.iter().enumerate() {
                        let able = offer
                            .requires
                            .iter()
                            .all(|&(s, need)| level(m, s, &raised) >= need);
                        for g in gaps.iter().filter(|g| g.0 == t && g.1 <= l && able) {
                            value += g.2;
                            takers.push(m);
                        }
                    }
                }
                let key = (
                    OrdF64(value / offer.course.hours().max(1e-9)),
                    OrdF64(value),
                    Reverse(i),
                );
                if value > 0.0 && best.as_ref().is_none_or(|b| key > b.0) {
                    best = Some((key, takers));
                }
            }
            let Some(((_, OrdF64(value), Reverse(i)), mut takers)) = best else {
                return steps;
            };
            taken[i] = true;
            takers.sort_unstable();
            takers.dedup();
            let mut closed = 0;
            for &m in &takers {
                for &(t, l) in &offers[i].teaches {
                    let before = open[m].len();
                    open[m].retain(|g| !(g.0 == t && g.1 <= l));
                    closed += before - open[m].len();
                    raised[m].push((t, l));
                }
            }
            steps.push((offers[i].course.id().as_str(), takers, closed, value));
        }
    }

    #[test]
    fn training_plan_equals_the_greedy_without_index_or_heap() {
        let catalog = Catalog::builtin();
        let profiles = random_profiles(catalog);
        let cohort = Assessor::new(catalog).cohort(&profiles).expect("valid");
        let mut steps = 0;
        for (r, role) in catalog.roles().iter().enumerate() {
            let plan = cohort.training_plan(role.id()).expect("known role");
            let fast: Vec<_> = plan
                .steps
                .iter()
                .map(|s| {
                    (
                        s.course.id().as_str(),
                        s.takers.clone(),
                        s.gaps_closed,
                        s.value,
                    )
                })
                .collect();
            steps += fast.len();
            assert_eq!(fast, naive(&cohort, RoleAt::at(r)), "role {}", role.id());
        }
        assert!(steps > catalog.roles().len(), "plans have several steps");
    }

    #[test]
    fn next_course_for_most_equals_every_offer_against_every_member() {
        let catalog = Catalog::builtin();
        let profiles = random_profiles(catalog);
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
