//! Validation of what roles say beyond skills (credential requirements, pay and demand)
//! and of the programmes that confer credentials: every problem, with its place and a fix.

use super::validate::{check_number, index_ids, label_problem};
use crate::error::{ItemKind, Location, Problem};
use crate::model::{Credential, CredentialRequirement, Demand, Pay, Programme, Role};
use crate::util::text::clip;

/// The years a source may be dated.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Validates the roles' credentials and facts, and the programmes, appending every
/// problem to `problems`.
pub(crate) fn validate(roles: &[Role], programmes: &[Programme], problems: &mut Vec<Problem>) {
    for (index, role) in roles.iter().enumerate() {
        let at = |field: String| Location::new(ItemKind::Role, index, role.id().as_str(), field);
        for (i, c) in role.credentials().iter().enumerate() {
            check_requirement(c, |f| at(format!("credentials[{i}].{f}")), problems);
        }
        for (i, pay) in role.pay().iter().enumerate() {
            check_pay(pay, |f| at(format!("pay[{i}].{f}")), problems);
        }
        for (i, demand) in role.demand().iter().enumerate() {
            check_demand(demand, |f| at(format!("demand[{i}].{f}")), problems);
        }
    }
    index_ids(
        ItemKind::Programme,
        programmes.iter().map(|p| p.id().as_str()),
        problems,
    );
    for (index, p) in programmes.iter().enumerate() {
        check_programme(
            p,
            |f| Location::new(ItemKind::Programme, index, p.id().as_str(), f),
            problems,
        );
    }
}

/// Checks the labels of a credential: a degree's fields, a certification's name.
fn check_credential(c: &Credential, at: impl Fn(&str) -> Location, problems: &mut Vec<Problem>) {
    for (field, text) in c.labels() {
        label(text, || at(&field), problems);
    }
}

/// Reports a label (a name, a field) that is empty, too long or has control characters.
fn label(text: &str, at: impl FnOnce() -> Location, problems: &mut Vec<Problem>) {
    if let Some(reason) = label_problem(text) {
        problems.push(Problem::InvalidLabel {
            at: at(),
            label: clip(text, 64),
            reason,
        });
    }
}

/// Reports text (a source, a note) that is empty.
fn text(
    value: &str,
    at: impl FnOnce() -> Location,
    expected: &'static str,
    problems: &mut Vec<Problem>,
) {
    if value.trim().is_empty() {
        problems.push(Problem::Empty { at: at(), expected });
    }
}

/// Reports a year out of [`YEARS`].
fn year(value: i32, at: impl FnOnce() -> Location, problems: &mut Vec<Problem>) {
    if !YEARS.contains(&value) {
        problems.push(Problem::InvalidValue {
            at: at(),
            value: value.to_string(),
            expected: "a year in 1900..=2200: the year the source states or was published",
        });
    }
}

fn check_requirement(
    c: &CredentialRequirement,
    at: impl Fn(&str) -> Location,
    problems: &mut Vec<Problem>,
) {
    if c.any_of().is_empty() {
        problems.push(Problem::Empty {
            at: at("any_of"),
            expected:
                "a credential requirement lists at least one credential; any one satisfies it",
        });
    }
    for (j, alt) in c.any_of().iter().enumerate() {
        check_credential(alt, |f| at(&format!("any_of[{j}].{f}")), problems);
    }
    for (k, field) in c.related_fields().iter().enumerate() {
        label(field, || at(&format!("related_fields[{k}]")), problems);
    }
    let lists_fields = c
        .any_of()
        .iter()
        .any(|a| matches!(a, Credential::Degree { fields, .. } if !fields.is_empty()));
    if !c.related_fields().is_empty() && !lists_fields {
        problems.push(Problem::InvalidValue {
            at: at("related_fields"),
            value: c.related_fields().join(", "),
            expected: "related fields only beside a degree alternative that lists its fields; \
                       list the fields or remove the related ones",
        });
    }
    match (c.is_gate(), c.weight()) {
        (true, Some(w)) => problems.push(Problem::InvalidValue {
            at: at("weight"),
            value: w.to_string(),
            expected: "no weight on a required credential (a gate does not count in the \
                       score): remove the weight, or make the credential preferred",
        }),
        (false, Some(w)) => check_number(|| at("weight"), w, None, problems),
        _ => {}
    }
    if let Some(y) = c.year() {
        year(y, || at("year"), problems);
    }
}

fn check_pay(pay: &Pay, at: impl Fn(&str) -> Location, problems: &mut Vec<Problem>) {
    label(pay.region(), || at("region"), problems);
    let code = pay.currency();
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        problems.push(Problem::InvalidValue {
            at: at("currency"),
            value: clip(code, 16),
            expected: "an ISO 4217 currency code: three capital letters, e.g. USD or INR",
        });
    }
    if let Some(employer) = pay.employer() {
        label(employer, || at("employer"), problems);
    }
    match (pay.single(), pay.bounds()) {
        (Some(a), None) => check_number(|| at("amount"), a, None, problems),
        (None, Some([low, high])) => {
            check_number(|| at("range[0]"), low, None, problems);
            check_number(|| at("range[1]"), high, None, problems);
            if low > high {
                problems.push(Problem::InvalidValue {
                    at: at("range"),
                    value: format!("[{low}, {high}]"),
                    expected: "a range [low, high] with low ≤ high: swap the bounds",
                });
            }
        }
        _ => problems.push(Problem::InvalidValue {
            at: at("amount"),
            value: "amount and range".to_string(),
            expected: "either an `amount` or a `range` [low, high], one of the two",
        }),
    }
    text(
        pay.source(),
        || at("source"),
        "a pay figure names its source",
        problems,
    );
    year(pay.year(), || at("year"), problems);
}

fn check_demand(demand: &Demand, at: impl Fn(&str) -> Location, problems: &mut Vec<Problem>) {
    text(
        demand.text(),
        || at("text"),
        "a demand figure says what the source says",
        problems,
    );
    if let Some(f) = demand.factor() {
        if !(f.is_finite() && f > 0.0 && f <= crate::model::MAX_QUANTITY) {
            problems.push(Problem::InvalidNumber {
                at: at("factor"),
                value: f,
                expected: "a factor above 0 (end over start: 10 for ten-fold, 1.11 for +11%)",
            });
        }
    }
    text(
        demand.source(),
        || at("source"),
        "a demand figure names its source",
        problems,
    );
    year(demand.year(), || at("year"), problems);
}

fn check_programme(p: &Programme, at: impl Fn(&str) -> Location, problems: &mut Vec<Problem>) {
    label(p.title(), || at("title"), problems);
    text(
        p.provider(),
        || at("provider"),
        "a programme needs a provider (`Programme::with_provider`)",
        problems,
    );
    check_number(|| at("hours"), p.hours(), None, problems);
    if !(p.months().is_finite() && p.months() > 0.0 && p.months() <= 1200.0) {
        problems.push(Problem::InvalidNumber {
            at: at("months"),
            value: p.months(),
            expected: "a duration in months above 0 and at most 1200 (`Programme::with_duration`)",
        });
    }
    if let Some(cost) = p.cost() {
        check_number(|| at("cost"), cost, None, problems);
    }
    if p.confers().is_empty() {
        problems.push(Problem::Empty {
            at: at("confers"),
            expected: "a programme confers at least one credential (`Programme::with_confers`)",
        });
    }
    for (i, c) in p.confers().iter().enumerate() {
        check_credential(c, |f| at(&format!("confers[{i}].{f}")), problems);
    }
}
