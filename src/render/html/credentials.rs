//! The target's credentials and facts: gates met and missing with the programme that
//! confers each, preferred credentials, and pay and demand with their sources. Shown only
//! for a role that has any of them.

use std::fmt::Write;

use super::document::Section;
use super::escape::Esc;
use super::Context;
use crate::error::Result;
use crate::model::{Demand, Pay};

/// The section, or `None` when the target has no credentials and no facts.
pub(crate) fn section(ctx: &Context<'_, '_>) -> Result<Option<Section>> {
    let role = ctx.target.role();
    let checks = ctx.assessment.credentials(role.id().as_str())?;
    if checks.is_empty() && role.pay().is_empty() && role.demand().is_empty() {
        return Ok(None);
    }
    let mut body = String::new();
    if !checks.is_empty() {
        body.push_str(
            "<p>A required credential is a gate: the role is not ready without it, whatever \
             the skills. A preferred one counts in the readiness like an optional \
             requirement.</p>\n<table>\n<thead><tr><th>Credential</th><th>Need</th>\
             <th>Status</th></tr></thead>\n<tbody>\n",
        );
        for c in &checks {
            let status = match (&c.met_by, c.requirement.is_gate()) {
                (Some(held), _) => format!("met by {}", Esc(&held.to_string())),
                (None, true) => "<strong>missing</strong>: not ready without it".to_string(),
                (None, false) => "not held".to_string(),
            };
            let need = if c.requirement.is_gate() {
                "required"
            } else {
                "preferred"
            };
            let _ = writeln!(
                body,
                "<tr><td>{}</td><td>{need}</td><td>{status}</td></tr>",
                Esc(&c.requirement.to_string())
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    for g in ctx.plan.gates() {
        let _ = writeln!(body, "<p>{}</p>", Esc(&g.to_string()));
    }
    pay_table(&mut body, role.pay());
    demand_list(&mut body, role.demand());
    Ok(Some(Section {
        id: "credentials",
        heading: format!("Credentials and facts of {}", role.name()),
        body,
    }))
}

/// Pay figures, as given, with their sources.
fn pay_table(body: &mut String, pay: &[Pay]) {
    if pay.is_empty() {
        return;
    }
    body.push_str(
        "<table>\n<thead><tr><th>Pay in</th><th>Employer</th><th>Seniority</th>\
         <th class=\"n\">Amount</th><th>Source</th></tr></thead>\n<tbody>\n",
    );
    for p in pay {
        let amount = match p.bounds() {
            Some([low, high]) => format!("{low:.0}–{high:.0}"),
            None => format!("{:.0}", p.typical()),
        };
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{:?}</td><td class=\"n\">{amount} {} a {}</td>\
             <td>{}, {}</td></tr>",
            Esc(p.region()),
            Esc(p.employer().unwrap_or("")),
            p.seniority(),
            Esc(p.currency()),
            p.period().name(),
            Esc(p.source()),
            p.year()
        );
    }
    body.push_str("</tbody>\n</table>\n");
}

/// Demand figures, each with its source.
fn demand_list(body: &mut String, demand: &[Demand]) {
    if demand.is_empty() {
        return;
    }
    body.push_str("<ul>\n");
    for d in demand {
        let _ = writeln!(
            body,
            "<li>Demand: {} ({}, {})</li>",
            Esc(d.text()),
            Esc(d.source()),
            d.year()
        );
    }
    body.push_str("</ul>\n");
}
