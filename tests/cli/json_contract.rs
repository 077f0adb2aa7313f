//! The JSON contract of `report --json` (schema_version 1): every field, typed.

use crate::support::{run, schema};

#[test]
fn report_json_carries_every_field_of_the_contract() {
    let (stdout, _) = run(
        &["report", "--role", "backend", "--level", "junior", "--json"],
        0,
    );
    let report = schema::report(&stdout);
    assert_eq!(report.schema_version, 1);
    assert!(!report.dataset.version.is_empty() && report.dataset.as_of.len() == 10);
    assert_eq!(report.role.id, "backend-developer");
    assert_eq!(report.role.family, "software");
    assert_eq!(report.role.soc_code, "15-1252.00");
    assert!(!report.role.title.is_empty());
    assert_eq!(report.level, "junior");
    assert!(!report.personalized);
    let e = &report.exposure;
    assert!(
        0.0 <= e.lower && e.lower <= e.central && e.central <= e.upper && e.upper <= 1.0,
        "{e:?}"
    );
    let automation = e.automation_share.expect("a curated role has an automation share");
    let high = e.high_share.expect("a curated role has a high share");
    assert!((0.0..=1.0).contains(&automation) && (high - e.lower).abs() < 1e-9);
    assert_eq!((report.role.tier.as_str(), e.basis.as_str()), ("curated", "task_mix"));
    assert!(
        ["low", "moderate", "elevated", "high", "very_high"].contains(&report.risk.band.as_str())
    );
    assert!(!report.risk.label.is_empty() && (0.0..=1.0).contains(&report.risk.score));
    assert!(!report.risk.lower_band.is_empty() && !report.risk.upper_band.is_empty());
    assert!(!report.tasks.is_empty());
    for task in &report.tasks {
        assert!(task.id.is_some() && !task.custom && !task.title.is_empty());
        assert!(["high", "medium", "low"].contains(&task.exposure.as_str()));
        assert!(["automation", "augmentation"].contains(&task.mode.as_str()));
        assert!(task.time_share > 0.0 && task.contribution <= task.time_share + 1e-9);
        assert!(!task.rationale.is_empty() && !task.sources.is_empty());
    }
    let total: f64 = report.tasks.iter().map(|t| t.contribution).sum();
    assert!(
        (total - e.central).abs() < 0.001,
        "contributions {total} add up to central {}",
        e.central
    );
    let shares: f64 = report.tasks.iter().map(|t| t.time_share).sum();
    assert!((shares - 1.0).abs() < 0.001);
    assert!(report.skills.iter().all(
        |s| ["vulnerable", "resilient"].contains(&s.outlook.as_str())
            && !s.name.is_empty()
            && !s.rationale.is_empty()
            && !s.id.is_empty()
    ));
    assert!(report.skills.iter().any(|s| s.held) && report.skills.iter().any(|s| !s.held));
    assert!(
        report
            .insights
            .iter()
            .any(|i| i.contains("face high AI exposure: Write production code"))
    );
    assert!(!report.strategies.is_empty());
    assert!(report.strategies.iter().all(|s| !s.id.is_empty()
        && !s.title.is_empty()
        && !s.detail.is_empty()
        && !s.because.is_empty()));
    let cited: std::collections::BTreeSet<&str> = report
        .tasks
        .iter()
        .flat_map(|t| t.sources.iter().map(String::as_str))
        .collect();
    let listed: std::collections::BTreeSet<&str> =
        report.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        cited, listed,
        "every cited source is listed, and only those"
    );
    assert!(
        report
            .sources
            .iter()
            .all(|s| !s.title.is_empty() && !s.authors.is_empty() && s.year >= 1900)
    );
    assert!(
        report
            .disclaimer
            .starts_with("Exposure is not displacement")
    );
}

#[test]
fn strategies_cite_the_persons_own_numbers() {
    let (stdout, _) = run(
        &["report", "--role", "backend", "--level", "junior", "--json"],
        0,
    );
    let report = schema::report(&stdout);
    let high_share = report.exposure.high_share.expect("curated");
    let high = format!("{}%", (high_share * 100.0).round() as i64);
    let review = report
        .strategies
        .iter()
        .find(|s| s.id == "own-the-review")
        .expect("junior backend gets own-the-review");
    assert!(
        review.because.contains(&high),
        "because `{}` quotes {high}",
        review.because
    );
}

#[test]
fn every_role_reports_at_every_level_as_valid_json() {
    let (stdout, _) = run(&["roles", "--json"], 0);
    let roles: Vec<schema::RoleEntry> = serde_json::from_str(&stdout).expect("array");
    for role in roles {
        for level in ["junior", "mid", "senior", "lead"] {
            let (json, _) = run(
                &["report", "--role", &role.id, "--level", level, "--json"],
                0,
            );
            let report = schema::report(&json);
            assert_eq!(report.role.id, role.id);
            assert!(
                !report.strategies.is_empty(),
                "{} {level} gets at least one strategy",
                role.id
            );
        }
    }
}

#[test]
fn adjacent_roles_are_less_exposed_and_share_skills() {
    let (stdout, _) = run(
        &["report", "--role", "backend", "--level", "junior", "--json"],
        0,
    );
    let report = schema::report(&stdout);
    assert!(!report.adjacent_roles.is_empty() && report.adjacent_roles.len() <= 3);
    for adjacent in &report.adjacent_roles {
        assert!(
            adjacent.central <= report.exposure.central - 0.05 + 1e-9,
            "{} is less exposed",
            adjacent.id
        );
        assert!(
            adjacent.shared_skills.len() >= 2,
            "{} shares skills",
            adjacent.id
        );
        assert_ne!(adjacent.id, "backend-developer");
        assert!(!adjacent.title.is_empty());
        assert!(adjacent.skills_to_build.len() <= 4);
    }
    assert!(report.what_if.is_none());
}

#[test]
fn a_what_if_shift_reports_before_and_after() {
    let args = [
        "report",
        "-r",
        "backend",
        "-l",
        "junior",
        "--json",
        "--shift",
        "write-production-code:-10,design-systems:+10",
    ];
    let (stdout, _) = run(&args, 0);
    let report = schema::report(&stdout);
    let what_if = report.what_if.as_ref().expect("what_if is set");
    assert_eq!(what_if.changes.len(), 2);
    assert_eq!(
        (what_if.changes[0].task.as_str(), what_if.changes[0].points),
        ("write-production-code", -10.0)
    );
    assert!(
        (what_if.before.central - report.exposure.central - 0.10).abs() < 1e-9,
        "ten points of high time became low time"
    );
    assert!(!what_if.before.label.is_empty() && !what_if.before.band.is_empty());
    assert!(
        what_if.before.lower >= report.exposure.lower
            && what_if.before.upper >= report.exposure.upper
    );
    let design = report
        .tasks
        .iter()
        .find(|t| t.id.as_deref() == Some("design-systems"))
        .expect("design");
    assert!((design.time_share - 0.12).abs() < 1e-9);
}

#[test]
fn invalid_shifts_are_usage_errors_that_say_why() {
    for (spec, expected) in [
        ("write-production-code:-10", "add up to -10 points"),
        (
            "write-production-cod:-10,design-systems:+10",
            "`write-production-cod` is not a task",
        ),
        ("design-systems:-10,write-tests:+10", "would take -8%"),
        ("nonsense", "is not TASK:POINTS"),
        ("write-tests:lots", "is not TASK:POINTS"),
    ] {
        let (_, stderr) = run(
            &["report", "-r", "backend", "-l", "junior", "--shift", spec],
            2,
        );
        assert!(stderr.contains(expected), "{spec}: {stderr}");
        assert!(stderr.contains("hint:"), "{spec}: {stderr}");
    }
}
