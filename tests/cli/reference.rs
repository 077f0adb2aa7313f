//! The reference tier: every occupation of the published indices answers, in every format,
//! with its figures side by side and never an invented task.

use crate::support::{run, schema};
use ai_exposure::dataset::Store;
use ai_exposure::finder::{Found, find};

#[test]
fn a_reference_report_in_the_terminal() {
    let (stdout, stderr) = run(&["report", "--role", "economists", "--level", "mid"], 0);
    assert!(
        stderr.is_empty(),
        "an exact published title needs no note: {stderr}"
    );
    insta::assert_snapshot!("reference_economists_table", stdout);
}

#[test]
fn a_reference_report_in_markdown() {
    let (stdout, _) = run(
        &[
            "report", "--role", "19-3011", "--level", "senior", "--format", "markdown",
        ],
        0,
    );
    insta::assert_snapshot!("reference_economists_markdown", stdout);
}

#[test]
fn an_unrated_group_gets_an_estimate_that_says_so() {
    let (stdout, _) = run(&["report", "--role", "11-9039", "--level", "mid"], 0);
    insta::assert_snapshot!("reference_estimated_table", stdout);
}

#[test]
fn a_reference_report_in_json_keeps_the_contract_without_tasks() {
    for level in ["junior", "mid", "senior", "lead"] {
        let (json, _) = run(&["report", "-r", "economists", "-l", level, "--json"], 0);
        let report = schema::report(&json);
        assert_eq!(report.schema_version, 2);
        assert_eq!(report.role.tier, "reference");
        assert_eq!(report.role.id, "19-3011.00");
        assert_eq!(report.level, level, "--level is accepted for either tier");
        assert!(
            report.tasks.is_empty() && report.skills.is_empty() && report.strategies.is_empty()
        );
        assert_eq!(report.exposure.basis, "published_ratings");
        assert!(report.exposure.high_share.is_none() && report.exposure.automation_share.is_none());
        let ids: Vec<&str> = report.indices.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "eloundou_gpt4_beta",
                "eloundou_human_beta",
                "microsoft_applicability"
            ]
        );
        let beta_mean = (report.indices[0].value + report.indices[1].value) / 2.0;
        assert!(
            (report.exposure.central - beta_mean).abs() < 1e-3,
            "the central figure is the mean of the two β figures"
        );
        assert!(
            report
                .indices
                .iter()
                .all(|i| (0.0..=100.0).contains(&i.percentile))
        );
        assert!(report.labour_market.is_some());
        assert!(
            report
                .insights
                .iter()
                .any(|i| i.contains("no task-by-task view")),
            "it says plainly that it has no task table"
        );
    }
}

#[test]
fn a_reference_report_in_html_is_one_page_with_the_figures() {
    let (html, _) = run(
        &[
            "report",
            "-r",
            "economists",
            "-l",
            "mid",
            "--format",
            "html",
        ],
        0,
    );
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("What published indices say"));
    assert!(html.contains("For a task-by-task view and a plan"));
    assert!(!html.contains("id=\"tasks\""), "no task table is invented");
}

#[test]
fn every_occupation_of_the_indices_resolves_by_its_title_and_code() {
    let store = Store::bundled();
    let occupations = store.occupations().expect("decodes");
    assert!(
        occupations.len() >= 923,
        "{} occupations",
        occupations.len()
    );
    let mut failures = Vec::new();
    for (i, occupation) in occupations.iter().enumerate() {
        for name in [occupation.title.as_str(), occupation.code.as_str()] {
            let ok = match find(&store, name).expect("finds") {
                Found::Exact { target, .. } => match target {
                    ai_exposure::dataset::names::Target::Occupation(at) => at as usize == i,
                    // A curated role of the same occupation, or one whose name BLS files
                    // under the same 6-digit code (the alias "barista" for fast food and
                    // counter workers, whose O*NET detail lists Baristas).
                    ai_exposure::dataset::names::Target::Role(at) => {
                        let role = store.role_at(at).expect("decodes");
                        occupation.curated.iter().any(|link| link.id == role.id)
                            || role.soc_code.starts_with(occupation.six_digit())
                    }
                },
                _ => false,
            };
            if !ok {
                failures.push(format!("{name} ({})", occupation.code));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} do not resolve:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn curated_reports_show_the_published_figures_for_their_own_code() {
    let (json, _) = run(&["report", "-r", "paralegal", "-l", "mid", "--json"], 0);
    let report = schema::report(&json);
    assert_eq!(report.role.tier, "curated");
    let microsoft = report
        .indices
        .iter()
        .find(|i| i.id == "microsoft_applicability")
        .expect("Microsoft's score");
    let published = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/reference/microsoft-2025/soc_ai_applicability_scores.csv"
    ))
    .expect("the bundled file");
    let line = published
        .lines()
        .find(|l| l.starts_with("23-2011,"))
        .expect("paralegals in the file");
    let value: f64 = line
        .rsplit(',')
        .next()
        .expect("score")
        .parse()
        .expect("number");
    assert!(
        (microsoft.value - value).abs() < 1e-4,
        "{} vs {value}",
        microsoft.value
    );
}

#[test]
fn roles_all_lists_the_reference_tier_and_roles_text_searches_both() {
    let (json, _) = run(&["roles", "--all", "--json"], 0);
    let entries: Vec<schema::RoleEntry> = serde_json::from_str(&json).expect("array");
    let reference = entries.iter().filter(|e| e.tier == "reference").count();
    let curated = entries.iter().filter(|e| e.tier == "curated").count();
    assert!(
        curated >= 150 && reference >= 700,
        "{curated} curated, {reference} reference"
    );
    let (json, _) = run(&["roles", "--json"], 0);
    let entries: Vec<schema::RoleEntry> = serde_json::from_str(&json).expect("array");
    assert!(
        entries.iter().all(|e| e.tier == "curated"),
        "curated only by default"
    );
}

/// An answers file may name an occupation with published figures only, as a roster row may:
/// `report --answers` and a workshop give the same reference report, and anything that needs
/// a task table is refused at its line.
#[test]
fn an_answers_file_for_a_reference_occupation_replays_its_published_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("actuary.toml");
    std::fs::write(
        &answers,
        "format_version = 1\nname = \"Jon Reyes\"\nrole = \"Actuaries\"\nlevel = \"senior\"\nskills = []\n\n[shares]\n",
    )
    .expect("write");
    let path = answers.to_str().expect("path");
    let (replayed, _) = run(&["report", "--answers", path, "--format", "markdown"], 0);
    let (direct, _) = run(
        &[
            "report",
            "--role",
            "actuaries",
            "--level",
            "senior",
            "--format",
            "markdown",
        ],
        0,
    );
    assert_eq!(replayed, direct);
    let out = dir.path().join("room");
    let (summary, written) = run(
        &[
            "workshop",
            dir.path().to_str().expect("dir"),
            "--out",
            out.to_str().expect("out"),
        ],
        0,
    );
    assert!(summary.contains(" · 1 participant\n"), "{summary}");
    assert!(written.starts_with("Wrote 1 handout ("), "{written}");
    let handout =
        std::fs::read_to_string(out.join("handouts/jon-reyes.md")).expect("a handout for Jon");
    assert!(handout.contains("Actuaries"), "{handout}");
    assert!(handout.contains("For Jon Reyes"), "{handout}");

    std::fs::write(
        &answers,
        "format_version = 1\nrole = \"Actuaries\"\nlevel = \"senior\"\nskills = [\"python\"]\n\n[shares]\n",
    )
    .expect("write");
    let (_, stderr) = run(&["report", "--answers", path], 1);
    assert!(
        stderr.contains("actuary.toml:4:1: field `skills`: Actuaries (15-2011.00) has published figures but no task-by-task view"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: remove shares, custom_tasks and skills"),
        "{stderr}"
    );
}
