//! `report`: the human views, role resolution, exit codes and output conventions.

use crate::support::{ai_exposure, run, schema};
use std::io::Read;
use std::process::Stdio;

fn central(role: &str, level: &str) -> f64 {
    let (stdout, _) = run(&["report", "--role", role, "--level", level, "--json"], 0);
    schema::report(&stdout).exposure.central
}

#[test]
fn table_report_for_a_junior_backend_developer() {
    let (stdout, stderr) = run(&["report", "--role", "backend", "--level", "junior"], 0);
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
    insta::assert_snapshot!("report_backend_junior_table", stdout);
}

#[test]
fn markdown_report_for_a_senior_translator() {
    let (stdout, _) = run(
        &[
            "report",
            "-r",
            "translator",
            "-l",
            "senior",
            "--format",
            "markdown",
        ],
        0,
    );
    insta::assert_snapshot!("report_translator_senior_markdown", stdout);
}

#[test]
fn seniority_lowers_backend_exposure_step_by_step() {
    let figures: Vec<f64> = ["junior", "mid", "senior", "lead"]
        .iter()
        .map(|l| central("backend", l))
        .collect();
    assert!(
        figures.windows(2).all(|w| w[0] > w[1]),
        "junior > mid > senior > lead: {figures:?}"
    );
}

#[test]
fn translator_is_more_exposed_than_backend_and_electrician_less_than_both() {
    for level in ["junior", "mid", "senior", "lead"] {
        let (translator, backend, electrician) = (
            central("interpreter-translator", level),
            central("backend", level),
            central("electrician", level),
        );
        assert!(
            translator > backend,
            "{level}: translator {translator} > backend {backend}"
        );
        assert!(
            electrician < backend && electrician < translator,
            "{level}: electrician {electrician} lowest"
        );
    }
}

#[test]
fn an_unknown_level_is_a_usage_error() {
    let (_, stderr) = run(&["report", "--role", "backend", "--level", "principal"], 2);
    assert!(stderr.contains("principal"), "{stderr}");
    assert!(
        stderr.contains("junior") && stderr.contains("lead"),
        "lists the levels: {stderr}"
    );
}

#[test]
fn piped_output_has_no_escape_codes_but_color_always_forces_them() {
    let (plain, _) = run(&["report", "-r", "backend", "-l", "junior"], 0);
    assert!(!plain.contains('\u{1b}'));
    let (coloured, _) = run(
        &[
            "report", "-r", "backend", "-l", "junior", "--color", "always",
        ],
        0,
    );
    assert!(
        coloured.contains("\u{1b}["),
        "--color always colours a pipe"
    );
    let output = ai_exposure()
        .args([
            "report", "-r", "backend", "-l", "junior", "--color", "never",
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}

#[test]
fn tables_fit_the_width_they_are_given() {
    for width in ["60", "100", "160"] {
        let output = ai_exposure()
            .args(["report", "-r", "backend", "-l", "senior"])
            .env("COLUMNS", width)
            .output()
            .expect("runs");
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        let widest = text
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '└']))
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        assert!(
            widest <= width.parse::<usize>().unwrap(),
            "COLUMNS={width}: widest table line {widest}"
        );
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"))
        .args(["report", "-r", "backend", "-l", "junior"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("reads the start");
    let status = child.wait().expect("exits");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("reads stderr");
    assert!(status.success(), "exit {status:?}, stderr: {stderr}");
    assert!(stderr.is_empty(), "no error message: {stderr}");
}

#[test]
fn help_documents_examples_and_exit_codes() {
    let (stdout, _) = run(&["report", "--help"], 0);
    assert!(stdout.contains("Examples:"));
    assert!(stdout.contains("Exit codes:") && stdout.contains("130"));
}

#[test]
fn version_names_the_dataset() {
    let (stdout, _) = run(&["--version"], 0);
    assert!(stdout.starts_with("ai-exposure "), "{stdout}");
    assert!(
        stdout.contains("dataset ") && stdout.contains("as of "),
        "{stdout}"
    );
}

#[test]
fn the_example_answers_files_replay() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut replayed = 0;
    for entry in std::fs::read_dir(examples).expect("examples/") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("answers-"))
        {
            let (stdout, _) = run(
                &[
                    "report",
                    "--answers",
                    path.to_str().expect("path"),
                    "--json",
                ],
                0,
            );
            assert!(schema::report(&stdout).personalized, "{}", path.display());
            replayed += 1;
        }
    }
    assert!(replayed >= 2, "two annotated answers files");
}

#[test]
fn ids_show_what_shift_takes_and_shift_takes_starts_of_ids_and_percentages() {
    let (table, _) = run(&["report", "-r", "backend", "-l", "junior", "--ids"], 0);
    assert!(table.contains("id: write-production-code"), "{table}");
    let (plain, _) = run(&["report", "-r", "backend", "-l", "junior"], 0);
    assert!(!plain.contains("id: write-production-code"));
    assert!(
        plain.contains("`--ids` shows the task ids"),
        "the plain report says how"
    );

    let (short, _) = run(
        &[
            "report",
            "-r",
            "backend",
            "-l",
            "junior",
            "--json",
            "--shift",
            "write-prod:-10%,design:+10%",
        ],
        0,
    );
    let (long, _) = run(
        &[
            "report",
            "-r",
            "backend",
            "-l",
            "junior",
            "--json",
            "--shift",
            "write-production-code:-10,design-systems:+10",
        ],
        0,
    );
    assert_eq!(
        short, long,
        "a unique start of an id and a trailing % mean the same"
    );
    let (_, stderr) = run(
        &[
            "report",
            "-r",
            "backend",
            "-l",
            "junior",
            "--shift",
            "write:-10,design-systems:+10",
        ],
        2,
    );
    assert!(
        stderr.contains("`write` could be"),
        "an ambiguous start lists the ids: {stderr}"
    );
}

#[test]
fn sources_show_where_to_find_every_work() {
    let (stdout, _) = run(&["sources"], 0);
    let (json, _) = run(&["sources", "--json"], 0);
    let sources: Vec<serde_json::Value> = serde_json::from_str(&json).expect("array");
    assert_eq!(
        stdout.matches("  Find it: https://").count(),
        sources.len(),
        "every source has a DOI link or an address"
    );
    assert!(
        sources
            .iter()
            .all(|s| s["doi"].is_string() || s["url"].is_string())
    );
    assert!(
        stdout.contains("O*NET Database by the U.S. Department of Labor"),
        "attribution"
    );
}
