//! The main job on the built-in catalog: rank every role for a sample profile, show the
//! ordered gaps of the best-fitting role and the courses that close them.
//!
//! Run with `cargo run --example quickstart`.

use skillgap::{Catalog, Level, Profile};

mod common;

fn main() -> Result<(), skillgap::Error> {
    let catalog = Catalog::builtin();
    let profile = Profile::new()
        .with_name("Sam, a data analyst")
        .with_skill("Python", Level::INTERMEDIATE)
        .with_skill("SQL", Level::ADVANCED)
        .with_skill("pandas", Level::INTERMEDIATE)
        .with_skill("statistics", Level::INTERMEDIATE)
        .with_skill("Tableau", Level::ADVANCED)
        .with_skill("Communication", Level::ADVANCED)
        .with_skill("git", Level::BEGINNER);

    let assessment = catalog.assess(&profile)?;
    println!("Profile: {}\n", profile.name().unwrap_or("anonymous"));
    println!("{:<28} {:>6}  ready", "role", "score");
    for rs in assessment.roles() {
        let (met, all) = rs.essentials();
        println!(
            "{:<28} {:>5.1}%  {} ({met}/{all} essentials)",
            rs.role().name(),
            rs.score() * 100.0,
            if rs.is_ready() { "yes" } else { "no " },
        );
    }

    let Some(best) = assessment.best() else {
        return Ok(());
    };
    let target = best.role().id().as_str();
    let gaps = assessment.gaps(target)?;
    println!(
        "\nGaps for {} ({} in all), by priority:",
        best.role().name(),
        gaps.len()
    );
    for gap in gaps.by_priority().take(8) {
        println!(
            "  {:<26} have {:.1} need {}  {:<9} priority {:.2}{}",
            gap.skill().name(),
            gap.have(),
            gap.need().get(),
            gap.importance(),
            gap.priority(),
            implied(gap.implied_by().map(|s| s.name())),
        );
    }
    println!("\nLearning order (prerequisites first):");
    let order: Vec<&str> = gaps.in_learning_order().map(|g| g.skill().name()).collect();
    println!("  {}", order.join(" → "));

    let plan = assessment.plan(target)?;
    let schedule = plan.schedule(10.0)?;
    println!("\nCourse plan for {}:", best.role().name());
    common::print_plan(&plan, &schedule);

    println!("\nRoles you can be ready for soonest:");
    for r in assessment.hours_to_ready() {
        match r.hours {
            Some(h) => println!(
                "  {:<28} {:>5.0} h in {} course(s)",
                r.role.name(),
                h,
                r.courses
            ),
            None => println!("  {:<28} not reachable with these courses", r.role.name()),
        }
    }
    Ok(())
}

fn implied<'a>(by: impl Iterator<Item = &'a str>) -> String {
    let by: Vec<&str> = by.collect();
    if by.is_empty() {
        String::new()
    } else {
        format!("  (needed for {})", by.join(", "))
    }
}
