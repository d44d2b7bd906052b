//! The gaps toward the target in learning order: each with its priority (a bar and the
//! number), its importance, and what needs it.

use std::fmt::Write;

use super::document::Section;
use super::escape::Esc;
use super::requirements::trim_level;
use super::{more_note, Context, MAX_ROWS};
use crate::error::Result;

/// The section: one table, learning order top to bottom.
pub(crate) fn section(ctx: &Context<'_, '_>) -> Result<Section> {
    let role = ctx.target.role();
    let gaps = ctx.assessment.gaps(role.id().as_str())?;
    let mut body = String::new();
    if gaps.is_empty() {
        let _ = writeln!(
            body,
            "<p>No gaps: every requirement of {} is met.</p>",
            Esc(role.name())
        );
    } else {
        let top = gaps.by_priority().next().map_or(0.0, |g| g.priority());
        let _ = writeln!(
            body,
            "<p>{} gap(s) toward {}, in an order to learn them (each after the skills it \
             builds on). Priority = weight × (needed − held) / needed: the longer the bar, \
             the more the gap costs the readiness. Gaps marked <em>prerequisite</em> are not \
             required by the role but by other gaps.</p>",
            gaps.len(),
            Esc(role.name())
        );
        body.push_str(
            "<table>\n<thead><tr><th class=\"n\">#</th><th>Skill</th><th class=\"n\">Held</th>\
             <th class=\"n\">Needed</th><th>Priority</th><th>Importance</th><th>Why</th>\
             </tr></thead>\n<tbody>\n",
        );
        for (i, g) in gaps.in_learning_order().take(MAX_ROWS).enumerate() {
            let share = if top > 0.0 { g.priority() / top } else { 0.0 };
            let why = if g.is_implied() {
                let by: Vec<String> = g.implied_by().map(|s| Esc(s.name()).to_string()).collect();
                format!("prerequisite of {}", by.join(", "))
            } else {
                "required by the role".to_string()
            };
            let _ = writeln!(
                body,
                "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td><span class=\"pbar\" style=\"width:{:.1}em\" \
                 aria-hidden=\"true\"></span>{:.2}</td><td>{}</td><td>{why}</td></tr>",
                i + 1,
                Esc(g.skill().name()),
                trim_level(g.have()),
                g.need().get(),
                share * 6.0,
                g.priority(),
                g.importance(),
            );
        }
        body.push_str("</tbody>\n</table>\n");
        more_note(&mut body, gaps.len(), gaps.len().min(MAX_ROWS), "gap(s)");
    }
    Ok(Section {
        id: "gaps",
        heading: format!("Gaps toward {}", role.name()),
        body,
    })
}
