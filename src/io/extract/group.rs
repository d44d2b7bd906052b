//! One result per skill: its mentions, and what they say together.

use crate::model::SkillId;
use crate::util::hash::IndexMap;

use super::result::{ExtractedSkill, Mention};

/// Groups mentions (in text order) by skill, in the order of each skill's first mention;
/// see [`ExtractedSkill`] for how the level, importance and negation are chosen.
pub(super) fn group(mentions: Vec<(SkillId, Mention)>) -> Vec<ExtractedSkill> {
    let mut at: IndexMap<SkillId, usize> = IndexMap::default();
    let mut skills: Vec<ExtractedSkill> = Vec::new();
    for (skill, mention) in mentions {
        let i = *at.entry(skill.clone()).or_insert_with(|| {
            skills.push(ExtractedSkill {
                skill,
                confidence: 0.0,
                level: None,
                importance: None,
                negated: false,
                level_from: None,
                importance_from: None,
                mentions: Vec::new(),
            });
            skills.len() - 1
        });
        if let Some(s) = skills.get_mut(i) {
            s.mentions.push(mention);
        }
    }
    skills.iter_mut().for_each(decide);
    skills
}

/// The level, importance, negation and confidence of a skill from its mentions: the
/// highest level and importance of the mentions that are not negated; negated when every
/// mention that is not an offer to teach it is negated. Ties go to the first mention.
fn decide(skill: &mut ExtractedSkill) {
    let held = |m: &&Mention| !m.negated;
    let mut level_from = None;
    let mut importance_from = None;
    for (i, m) in skill.mentions.iter().enumerate() {
        if !held(&m) {
            continue;
        }
        if m.level.is_some() && level_from.is_none_or(|j: usize| m.level > skill.mentions[j].level)
        {
            level_from = Some(i);
        }
        if m.importance.is_some()
            && importance_from.is_none_or(|j: usize| m.importance > skill.mentions[j].importance)
        {
            importance_from = Some(i);
        }
    }
    let mut claims = skill.mentions.iter().filter(|m| !m.to_learn).peekable();
    let any_claim = claims.peek().is_some();
    skill.negated = any_claim && claims.all(|m| m.negated);
    skill.confidence = skill
        .mentions
        .iter()
        .map(|m| m.confidence)
        .fold(0.0, f64::max);
    if skill.negated {
        return;
    }
    skill.level_from = level_from;
    skill.importance_from = importance_from;
    skill.level = level_from
        .and_then(|i| skill.mentions.get(i))
        .and_then(|m| m.level);
    skill.importance = importance_from
        .and_then(|i| skill.mentions.get(i))
        .and_then(|m| m.importance);
}
