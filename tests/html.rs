//! The HTML report: every section present, user text escaped, nothing loaded from
//! elsewhere, plain course links, a golden document for a small catalog, and its size
//! for the built-in catalog and an ESCO-sized one.
//!
//! Regenerate the golden document after an intended change with
//! `SKILLGAP_BLESS=1 cargo test --test html` and read the diff.

mod support;

use std::path::PathBuf;

use skillgap::render::HtmlReport;
use skillgap::{Catalog, Course, Error, Importance, Level, Profile, Role, Skill};

fn fixture() -> Catalog {
    Catalog::from_json(include_str!("fixtures/small.json")).unwrap()
}

/// The sample profile of the examples.
fn sample() -> Profile {
    Profile::from_json(include_str!("../examples/data/data-scientist.json")).unwrap()
}

fn builtin_report() -> String {
    let catalog = Catalog::builtin();
    let assessment = catalog.assess(&sample()).unwrap();
    HtmlReport::new(&assessment)
        .target("machine-learning-engineer")
        .render()
        .unwrap()
}

/// The sections of every report, by anchor.
const SECTIONS: [&str; 5] = ["fit", "requirements", "gaps", "timeline", "next"];

#[test]
fn every_section_is_present_and_listed() {
    let html = builtin_report();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.ends_with("</html>\n"));
    for id in SECTIONS {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
        assert!(
            html.contains(&format!("<a href=\"#{id}\">")),
            "{id} in the contents"
        );
    }
    // Fit to every role: one bar per role, the target named in words.
    for role in Catalog::builtin().roles() {
        assert!(
            html.contains(&format!("{}</text>", role.name())),
            "{}",
            role.id()
        );
    }
    assert!(html.contains("▶ Machine Learning Engineer</text>"));
    assert!(html.contains("27% · target</text>"));
    assert!(html.contains("85% · ready</text>"));
    // Held against needed, transfer shown as such in words.
    assert!(html.contains("Skills against Machine Learning Engineer</h2>"));
    assert!(html.contains("held (credited from a related skill)"));
    assert!(html.contains(" · credited</text>"));
    assert!(html.contains("credited from "));
    // Gaps in learning order with priority and what implies each.
    assert!(html.contains("Gaps toward Machine Learning Engineer</h2>"));
    assert!(html.contains("prerequisite of Neural Networks"));
    // The timeline by stage, with hours, cost and what each course closes.
    assert!(html.contains(">Stage 1</text>") && html.contains(">Stage 3</text>"));
    assert!(html.contains("<th class=\"n\">Hours</th><th class=\"n\">Cost</th><th>Closes</th>"));
    assert!(html.contains("476 hours, 1045 USD; 48 week(s) at 10 hours a week"));
    assert!(html.contains("Every gap of the plan is closed by a course."));
    // What to learn next and hours to ready.
    assert!(html.contains("What to learn next</h2>"));
    assert!(html.contains("<h3>Hours to ready</h3>"));
    assert!(html.contains("ready now"));
}

#[test]
fn every_chart_is_an_image_with_a_name_and_a_description() {
    let html = builtin_report();
    let charts = html.matches("<svg ").count();
    assert_eq!(charts, 4, "fit, requirements, timeline, hours to ready");
    assert_eq!(
        html.matches("role=\"img\" aria-labelledby=\"").count(),
        charts
    );
    for id in ["fit-chart", "req-chart", "timeline-chart", "ready-chart"] {
        assert!(html.contains(&format!("<title id=\"{id}-t\">")), "{id}");
        assert!(html.contains(&format!("<desc id=\"{id}-d\">")), "{id}");
    }
    // Every mark has a title: one per role, requirement, course and nearest role.
    let marks = html.matches("<g><title>").count();
    assert!(marks >= 7 + 20 + 16, "{marks}");
}

#[test]
fn user_text_is_escaped_not_run() {
    let skills = vec![
        Skill::new("xss", "<script>alert(1)</script>"),
        Skill::new("amp", "R&D \"quotes\" 'single'"),
    ];
    let roles = vec![Role::new("evil", "<img src=x onerror=alert(1)>")
        .with_requirement("xss", Level::INTERMEDIATE, Importance::Essential)
        .with_requirement("amp", Level::BEGINNER, Importance::Important)];
    let courses = vec![
        Course::new("c1", "<b>bold</b> course")
            .with_provider("</td><script>")
            .with_hours(5.0)
            .with_teaches("xss", Level::INTERMEDIATE)
            .with_url("javascript:alert(1)"),
        Course::new("c2", "Quotes \"course\"")
            .with_provider("P")
            .with_hours(5.0)
            .with_teaches("amp", Level::BEGINNER)
            .with_url("https://example.org/a?b=1&c=\"2\""),
    ];
    let catalog = Catalog::new(skills, roles, courses).unwrap();
    let assessment = catalog.assess(&Profile::new()).unwrap();
    let html = HtmlReport::new(&assessment)
        .target("evil")
        .title("<title>")
        .render()
        .unwrap();
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(!lower.contains("<img"));
    assert!(!lower.contains("<b>bold"));
    assert!(
        !lower.contains("javascript:alert(1)\""),
        "a javascript: URL is no link"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("R&amp;D &quot;quotes&quot; &#39;single&#39;"));
    assert!(html.contains("<title>&lt;title&gt;</title>"));
    assert!(html.contains("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\">"));
    assert!(html.contains("&lt;b&gt;bold&lt;/b&gt; course"));
}

/// Every place the document could load something from elsewhere.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for needle in [
        "src=", "<link", "@import", "<script", "<iframe", "<object", "<embed",
    ] {
        // A skill named "src=" would be escaped text, not an attribute: look for markup.
        assert!(
            !lower.contains(&format!(" {needle}")) && !lower.contains(&format!("<{needle}")),
            "found {needle}"
        );
    }
    assert!(!lower.contains("<link"));
    assert!(!lower.contains("<script"));
    for (i, _) in lower.match_indices("url(") {
        assert!(
            lower[i + 4..].starts_with('#'),
            "url( pointing off the document at {i}"
        );
    }
    // Every address is a link the reader follows, the SVG namespace, or none.
    for (i, _) in lower.match_indices("://") {
        let i = lower[..i]
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |j| j + 1);
        let before = &lower[..i];
        let ok = before.ends_with("<a href=\"") || before.ends_with("xmlns=\"");
        assert!(
            ok,
            "an address outside a link: {}",
            &html[i.saturating_sub(30)..i + 30]
        );
    }
    assert!(
        html.contains("default-src 'none'"),
        "the content security policy"
    );
}

#[test]
fn nothing_is_loaded_from_elsewhere() {
    assert_self_contained(&builtin_report());
    let catalog = fixture();
    let assessment = catalog.assess(&Profile::new()).unwrap();
    assert_self_contained(&HtmlReport::new(&assessment).render().unwrap());
}

#[test]
fn course_links_are_plain_anchors() {
    let html = builtin_report();
    let links: Vec<&str> = html.match_indices("<a ").map(|(i, _)| &html[i..]).collect();
    let external = links
        .iter()
        .filter(|l| l.starts_with("<a href=\"https://"))
        .count();
    assert!(
        external >= 16,
        "every planned course of the built-in catalog has a URL"
    );
    for link in links {
        let tag = &link[..link.find('>').unwrap()];
        assert_eq!(tag.matches('=').count(), 1, "only href: {tag}");
        assert!(tag.starts_with("<a href=\"https://") || tag.starts_with("<a href=\"#"));
    }
}

#[test]
fn golden_report_for_the_small_catalog() {
    let catalog = fixture();
    let profile = Profile::new()
        .with_skill("python", Level::INTERMEDIATE)
        .with_skill("tensorflow", Level::ADVANCED);
    let assessment = catalog.assess(&profile).unwrap();
    let html = HtmlReport::new(&assessment)
        .target("ML Engineer")
        .hours_per_week(5.0)
        .render()
        .unwrap();
    let html = html.replace(
        &format!("skillgap {}", env!("CARGO_PKG_VERSION")),
        "skillgap VERSION",
    );
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "golden", "report.html"]
        .iter()
        .collect();
    if std::env::var_os("SKILLGAP_BLESS").is_some() {
        std::fs::write(&path, &html).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with SKILLGAP_BLESS=1)", path.display()));
    assert!(
        html == expected,
        "the report differs from {}:\n{html}",
        path.display()
    );
}

#[test]
fn same_input_same_document() {
    assert_eq!(builtin_report(), builtin_report());
}

#[test]
fn a_plan_given_is_the_plan_shown() {
    let catalog = Catalog::builtin();
    let assessment = catalog.assess(&sample()).unwrap();
    let plan = skillgap::Planner::new(&assessment)
        .scope(skillgap::plan::Scope::Ready)
        .for_role("data-scientist")
        .unwrap();
    let html = HtmlReport::new(&assessment).plan(&plan).render().unwrap();
    assert!(
        html.contains("Skills against Data Scientist</h2>"),
        "the plan's target"
    );
    assert!(html.contains(&format!("{} course(s) in", plan.courses().len())));
}

#[test]
fn bad_arguments_are_errors() {
    let catalog = Catalog::builtin();
    let assessment = catalog.assess(&sample()).unwrap();
    let err = HtmlReport::new(&assessment).target("no-such-role").render();
    assert!(matches!(err, Err(Error::UnknownRole { .. })), "{err:?}");
    for hours in [0.0, -1.0, f64::NAN, 200.0] {
        let err = HtmlReport::new(&assessment).hours_per_week(hours).render();
        assert!(matches!(err, Err(Error::InvalidArgument { .. })), "{hours}");
    }
}

/// A role with `n` requirements on skills nobody has, half of them credited by transfer.
fn wide(n: usize) -> Catalog {
    let mut skills = vec![Skill::new("base", "Base")];
    let mut role = Role::new("wide", "Wide");
    for i in 0..n {
        let mut s = Skill::new(format!("s{i:03}"), format!("Skill number {i}"));
        if i % 2 == 0 {
            s = s.with_related("base", 0.5);
        }
        skills.push(s);
        role = role.with_requirement(format!("s{i:03}"), Level::ADVANCED, Importance::Important);
    }
    Catalog::new(skills, vec![role], vec![]).unwrap()
}

#[test]
fn sixty_requirements_are_all_drawn_and_more_than_the_limit_are_counted() {
    let catalog = wide(60);
    let profile = Profile::new().with_skill("base", Level::EXPERT);
    let assessment = catalog.assess(&profile).unwrap();
    let html = HtmlReport::new(&assessment).render().unwrap();
    let start = html.find("id=\"req-chart-t\"").unwrap();
    let end = start + html[start..].find("</svg>").unwrap();
    let chart = &html[start..end];
    assert_eq!(chart.matches("<g><title>").count(), 60);
    assert_eq!(
        chart.matches("class=\"transfer\"").count(),
        30 + 1,
        "and the legend"
    );
    assert!(html.contains("Skill number 59"));

    let catalog = wide(HtmlReport::MAX_ROWS + 20);
    let assessment = catalog.assess(&Profile::new()).unwrap();
    let html = HtmlReport::new(&assessment).render().unwrap();
    assert!(html.contains("20 more requirement(s) not shown"));
    assert!(html.contains("Every gap of the plan is closed") || html.contains("Not covered"));
}

#[test]
fn built_in_catalog_report_is_under_200_kb() {
    let html = builtin_report();
    println!("built-in catalog report: {} bytes", html.len());
    assert!(html.len() < 200_000, "{} bytes", html.len());
}

#[test]
fn esco_sized_report_of_the_top_roles_is_under_1_mb() {
    let catalog = support::Synthetic::esco().into_catalog();
    let profile = support::profile(catalog.skills(), 40, support::SEED);
    let assessment = catalog.assess(&profile).unwrap();
    let html = HtmlReport::new(&assessment).render().unwrap();
    println!("ESCO-sized catalog report: {} bytes", html.len());
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    assert_eq!(
        html.matches("role(s) not shown").count(),
        1,
        "the roles beyond the top are counted"
    );
    assert_self_contained(&html);
}

#[test]
fn the_target_is_shown_even_below_the_top() {
    let catalog = Catalog::builtin();
    let assessment = catalog.assess(&sample()).unwrap();
    let html = HtmlReport::new(&assessment)
        .top(2)
        .target("Software Engineer")
        .render()
        .unwrap();
    let start = html.find("id=\"fit-chart-t\"").unwrap();
    let chart = &html[start..start + html[start..].find("</svg>").unwrap()];
    assert_eq!(
        chart.matches("<g><title>").count(),
        3,
        "the best two and the target"
    );
    let title = chart
        .split("<g><title>")
        .nth(3)
        .and_then(|t| t.split("</title>").next())
        .unwrap();
    assert!(
        title.starts_with("7. Software Engineer: fit ") && title.ends_with(" · target"),
        "{title}"
    );
    assert!(html.contains("4 more role(s) not shown (the report shows 3)"));
}

#[test]
fn cohort_report_has_its_sections_and_escapes_names() {
    use skillgap::assess::Assessor;
    use skillgap::render::CohortReport;
    let catalog = Catalog::builtin();
    let profiles = vec![
        Profile::new()
            .with_name("<b>ana</b>")
            .with_skill("SQL", Level::EXPERT),
        Profile::new()
            .with_skill("Python", Level::ADVANCED)
            .with_skill("statistics", Level::ADVANCED),
        Profile::new(),
    ];
    let cohort = Assessor::new(catalog).cohort(&profiles).unwrap();
    let html = CohortReport::new(&cohort, "Data Scientist")
        .render()
        .unwrap();
    for id in ["cohort-readiness", "common-gaps", "team-plan"] {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("3 member(s), toward Data Scientist."));
    // One bar per role, each with its words.
    let start = html.find("id=\"cohort-readiness-chart-t\"").unwrap();
    let chart = &html[start..start + html[start..].find("</svg>").unwrap()];
    assert_eq!(chart.matches("<g><title>").count(), catalog.roles().len());
    assert!(chart.contains("▶ Data Scientist"));
    assert_self_contained(&html);
    assert!(CohortReport::new(&cohort, "astronaut").render().is_err());
}
