//! Advice people can trust: moves a career adviser would stand behind, and insights that are
//! true sentence by sentence, over every role and level of the dataset.

use crate::support::{run, schema};
use ai_exposure::dataset::{Level, Store};
use ai_exposure::report::{self, Report};
use ai_exposure::scoring::{Profile, assess};

/// Every curated role at every level, as `report` would build it.
fn every_report() -> Vec<Report> {
    let store = Store::bundled();
    let dataset = store.to_dataset().expect("decodes");
    let meta = store.meta().expect("meta");
    let mut reports = Vec::new();
    for role in &dataset.roles {
        for level in Level::ALL {
            let assessment = assess(role, &Profile::typical(role, level));
            reports.push(report::build(&meta, role, &assessment));
        }
    }
    reports
}

fn moves_of(role: &str, level: &str) -> Vec<String> {
    let (json, _) = run(&["report", "-r", role, "-l", level, "--json"], 0);
    schema::report(&json)
        .adjacent_roles
        .into_iter()
        .map(|a| a.id)
        .collect()
}

#[test]
fn moves_stay_within_reach_of_the_persons_education_pay_and_experience() {
    for level in ["junior", "mid", "senior", "lead"] {
        let physician = moves_of("family-physician", level);
        for implausible in [
            "electrician",
            "home-health-aide",
            "janitor",
            "registered-nurse",
        ] {
            assert!(
                !physician.contains(&implausible.to_owned()),
                "a {level} physician is pointed to {implausible}: {physician:?}"
            );
        }
        assert!(
            !moves_of("electrician", level).contains(&"janitor".to_owned()),
            "{level} electrician → janitor"
        );
    }
    for role in [
        "accountant",
        "writer",
        "backend-developer",
        "cashier",
        "data-entry-clerk",
    ] {
        for level in ["junior", "mid"] {
            assert!(
                !moves_of(role, level).contains(&"chief-executive".to_owned()),
                "a {level} {role} is pointed to chief executive"
            );
        }
    }
}

#[test]
fn every_report_has_moves_or_says_why_not_and_never_lists_a_skill_twice() {
    for report in every_report() {
        let who = format!("{} {}", report.role.id, report.level.as_str());
        assert!(
            report.adjacent_roles.is_empty() != report.moves_note.is_none(),
            "{who}: moves or a reason, exactly one"
        );
        for adjacent in &report.adjacent_roles {
            for skill in &adjacent.shared_skills {
                assert!(
                    !adjacent.skills_to_build.contains(skill),
                    "{who} → {}: {skill} is both shared and to build",
                    adjacent.id
                );
            }
            assert!(
                adjacent.central <= report.exposure.central - 0.05 + 1e-9,
                "{who} → {}: a move is less exposed",
                adjacent.id
            );
            if let Some(change) = adjacent.wage_change {
                assert!(
                    change >= -0.15 - 1e-9,
                    "{who} → {}: pay not far below",
                    adjacent.id
                );
            }
            assert!(!adjacent.step.is_empty() && !adjacent.education.is_empty());
        }
    }
}

#[test]
fn insights_never_contradict_themselves_nor_misspell() {
    for report in every_report() {
        let who = format!("{} {}", report.role.id, report.level.as_str());
        for insight in &report.insights {
            let more = insight.contains(" more exposed ");
            let less = insight.contains(" less exposed ");
            assert!(
                !(more && insight.contains("which AI barely reaches")),
                "{who}: more exposed, yet moving to work AI barely reaches: {insight}"
            );
            assert!(
                !(less && insight.contains("which AI reaches")),
                "{who}: less exposed, yet moving to work AI reaches: {insight}"
            );
            for wrong in [
                " 1 points",
                " 1 tasks",
                " 1 roles",
                "(1 people)",
                " ai ",
                " ai.",
            ] {
                assert!(!insight.contains(wrong), "{who}: `{wrong}` in {insight}");
            }
            assert!(
                insight.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()),
                "{who}: {insight}"
            );
        }
        // A task title keeps its capital wherever a sentence quotes it.
        for task in &report.tasks {
            let lowered = {
                let mut chars = task.title.chars();
                chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            };
            if lowered != task.title {
                for text in report
                    .insights
                    .iter()
                    .chain(report.strategies.iter().map(|s| &s.because))
                {
                    assert!(
                        !text.contains(&format!(" {lowered}")),
                        "{who}: `{}` lower-cased in {text}",
                        task.title
                    );
                }
            }
        }
    }
}

#[test]
fn a_comparison_is_measured_from_the_persons_own_figure() {
    for report in every_report() {
        for insight in report.insights.iter().filter(|i| i.starts_with("At ")) {
            // "At mid level the typical mix is 7 points less exposed than the typical
            // junior mix (central 59%)": the difference must be from this report's figure.
            let central = (report.exposure.central * 100.0).round() as i64;
            let theirs: i64 = insight
                .split("(central ")
                .nth(1)
                .and_then(|rest| rest.split('%').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{insight}"));
            let stated: i64 = insight
                .split(" is ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            assert!(
                (stated - (theirs - central).abs()).abs() <= 1,
                "{} {}: {insight} (own central {central})",
                report.role.id,
                report.level.as_str()
            );
        }
    }
}

#[test]
fn exposed_junior_reports_carry_the_early_career_evidence_with_its_sources() {
    let (json, _) = run(&["report", "-r", "backend", "-l", "junior", "--json"], 0);
    let report = schema::report(&json);
    let evidence = report
        .insights
        .iter()
        .find(|i| i.starts_with("Early-career evidence"))
        .expect("a junior backend report carries the early-career evidence");
    for fact in [
        "aged 22 to 25",
        "13%",
        "nearly 20%",
        "2025",
        "Yale Budget Lab",
        "Denmark",
    ] {
        assert!(evidence.contains(fact), "{fact} in {evidence}");
    }
    let sources: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    for id in ["canaries-2025", "yale-budget-lab-2025", "humlum-2025"] {
        assert!(sources.contains(&id), "{id} in {sources:?}");
    }
    let (json, _) = run(
        &["report", "-r", "electrician", "-l", "junior", "--json"],
        0,
    );
    assert!(
        !schema::report(&json)
            .insights
            .iter()
            .any(|i| i.starts_with("Early-career evidence")),
        "not for work AI barely reaches"
    );
}

/// True when some number in the document is a negative zero.
fn has_negative_zero(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Number(n) => {
            n.as_f64().is_some_and(|f| f == 0.0 && f.is_sign_negative())
        }
        serde_json::Value::Array(items) => items.iter().any(has_negative_zero),
        serde_json::Value::Object(fields) => fields.values().any(has_negative_zero),
        _ => false,
    }
}

#[test]
fn no_report_prints_negative_zero() {
    for report in every_report() {
        let json = ai_exposure::render::json::render(&report);
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert!(
            !has_negative_zero(&value),
            "{} {}",
            report.role.id,
            report.level.as_str()
        );
    }
    assert!(
        has_negative_zero(&serde_json::json!({"lower": -0.0})),
        "the check can fail"
    );
}
