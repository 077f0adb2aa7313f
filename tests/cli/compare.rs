//! `compare`: roles side by side, as a table and as JSON.

use crate::support::run;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Comparison {
    schema_version: u32,
    dataset: serde_json::Value,
    roles: Vec<Compared>,
    shared_skills: Vec<Shared>,
    disclaimer: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Compared {
    id: String,
    title: String,
    tier: String,
    level: String,
    lower: f64,
    central: f64,
    upper: f64,
    band: String,
    label: String,
    high_share: Option<f64>,
    automation_share: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shared {
    id: String,
    name: String,
    roles: Vec<String>,
}

fn compare_json(args: &[&str]) -> Comparison {
    let mut all = vec!["compare", "--json"];
    all.extend_from_slice(args);
    let (stdout, _) = run(&all, 0);
    serde_json::from_str(&stdout).expect("comparison JSON")
}

#[test]
fn roles_are_compared_with_the_figures_of_their_own_reports() {
    let comparison = compare_json(&["backend:junior", "frontend:junior", "electrician"]);
    assert_eq!(comparison.schema_version, 2);
    assert!(
        comparison.dataset["version"].is_string()
            && comparison
                .disclaimer
                .starts_with("Exposure is not displacement")
    );
    let ids: Vec<(&str, &str)> = comparison
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.level.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("backend-developer", "junior"),
            ("frontend-developer", "junior"),
            ("electrician", "mid")
        ]
    );
    let (report, _) = run(&["report", "-r", "electrician", "-l", "mid", "--json"], 0);
    let report = crate::support::schema::report(&report);
    let electrician = &comparison.roles[2];
    assert_eq!(
        (electrician.lower, electrician.central, electrician.upper),
        (
            report.exposure.lower,
            report.exposure.central,
            report.exposure.upper
        )
    );
    assert_eq!(
        (electrician.band.as_str(), electrician.label.as_str()),
        (report.risk.band.as_str(), report.risk.label.as_str())
    );
    assert_eq!(
        (electrician.high_share, electrician.automation_share),
        (report.exposure.high_share, report.exposure.automation_share)
    );
    assert!(!electrician.title.is_empty());
    assert_eq!(electrician.tier, "curated");
}

#[test]
fn shared_skills_name_the_roles_that_list_them() {
    let comparison = compare_json(&["backend", "frontend", "--level", "senior"]);
    assert!(comparison.roles.iter().all(|r| r.level == "senior"));
    let review = comparison
        .shared_skills
        .iter()
        .find(|s| s.id == "code-review")
        .expect("both list code review");
    assert_eq!(review.roles, ["backend-developer", "frontend-developer"]);
    assert!(!review.name.is_empty());
    assert!(comparison.shared_skills.iter().all(|s| s.roles.len() >= 2));
}

#[test]
fn the_table_shows_every_role_and_the_shared_skills() {
    let (stdout, _) = run(
        &["compare", "nurse:junior", "nurse:lead", "home-health-aide"],
        0,
    );
    assert!(
        stdout.contains("Registered nurse") && stdout.contains("Home health aide"),
        "{stdout}"
    );
    assert!(stdout.contains("junior") && stdout.contains("lead"));
    assert!(stdout.contains("Skills they share"));
}

#[test]
fn bad_specs_are_usage_errors() {
    let (_, stderr) = run(&["compare", "backend:principal", "frontend"], 2);
    assert!(
        stderr.contains("unknown level `principal`") && stderr.contains("hint:"),
        "{stderr}"
    );
    let (_, stderr) = run(&["compare", "teacher", "frontend"], 2);
    assert!(
        stderr.contains("`teacher` could be several jobs")
            && stderr.contains("elementary-school-teacher"),
        "{stderr}"
    );
    let (_, stderr) = run(&["compare", "backend"], 2);
    assert!(
        stderr.contains("2 values required") || stderr.contains("at least"),
        "{stderr}"
    );
}

#[test]
fn the_comparison_table_is_stable() {
    let (stdout, _) = run(
        &[
            "compare",
            "backend:junior",
            "translator:junior",
            "electrician:junior",
        ],
        0,
    );
    insta::assert_snapshot!("compare_table", stdout);
}
