//! The `assess` question flow driven by a scripted prompter: every branch, without a terminal.

use crate::support::{run, schema};
use ai_exposure::cli::{AssessArgs, LevelArg};
use ai_exposure::commands::assess::run_with;
use ai_exposure::error::Exit;
use ai_exposure::prompts::scripted::{Answer, ScriptedPrompter};
use std::path::PathBuf;

fn args(role: Option<&str>, level: Option<LevelArg>, save: Option<PathBuf>) -> AssessArgs {
    AssessArgs {
        role: role.map(str::to_owned),
        level,
        save,
        force: false,
        full: true,
    }
}

/// Answers that accept every default and save nothing: tasks, no task of one's own, the
/// week as shown, skills, no other skills, no saving.
fn all_defaults() -> Vec<Answer> {
    vec![
        Answer::Default,
        Answer::No,
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::No,
    ]
}

fn drive(
    answers: Vec<Answer>,
    args: &AssessArgs,
) -> (
    Result<(), ai_exposure::error::CliError>,
    String,
    ScriptedPrompter,
) {
    let mut prompter = ScriptedPrompter::new(answers);
    let mut out = Vec::new();
    let result = run_with(
        &mut prompter,
        args,
        &crate::support::plain_config(),
        &mut out,
    );
    (result, String::from_utf8(out).expect("UTF-8"), prompter)
}

#[test]
fn keeping_every_default_gives_exactly_the_typical_report() {
    let (result, out, prompter) = drive(
        all_defaults(),
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("the flow completes");
    assert!(prompter.finished(), "every scripted answer was used");
    let (typical, _) = run(
        &[
            "report", "-r", "backend", "-l", "junior", "--color", "never",
        ],
        0,
    );
    let headline = |text: &str| text.lines().take(2).collect::<Vec<_>>().join("\n");
    assert_eq!(headline(&out), headline(&typical), "same band and range");
    assert!(
        out.contains("Your mix is as exposed as the typical junior mix for this role"),
        "{out}"
    );
    assert!(
        prompter
            .transcript
            .iter()
            .any(|line| line.contains("30%  Write production code")),
        "the week shown is the level's typical split: {:?}",
        prompter.transcript
    );
}

#[test]
fn role_and_level_are_asked_when_not_given() {
    let mut answers = vec![
        Answer::Text("electrician".into()),
        Answer::Pick("senior".into()),
    ];
    answers.extend(all_defaults());
    let (result, out, prompter) = drive(answers, &args(None, None, None));
    result.expect("completes");
    assert!(out.contains("Electrician · Master (senior)"), "{out}");
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("Your job title"))
    );
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l == "Using: Electrician")
    );
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("Which level"))
    );
}

#[test]
fn esc_goes_back_one_question_and_keeps_the_answers() {
    let answers = vec![
        Answer::Default,
        Answer::No,
        Answer::Back,
        Answer::No,
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::No,
    ];
    let (result, out, prompter) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("completes after going back");
    let asked = prompter
        .transcript
        .iter()
        .filter(|l| l.contains("task that is not listed"))
        .count();
    assert_eq!(
        asked, 2,
        "Esc at the week went back to the previous question"
    );
    assert!(
        out.contains("as exposed as the typical junior mix"),
        "{out}"
    );
}

#[test]
fn esc_on_the_level_goes_back_to_the_job_title() {
    let mut answers = vec![
        Answer::Text("electrician".into()),
        Answer::Back,
        Answer::Text("plumber".into()),
        Answer::Pick("mid".into()),
    ];
    answers.extend(all_defaults());
    let (result, out, _) = drive(answers, &args(None, None, None));
    result.expect("completes");
    assert!(out.starts_with("Plumber"), "{out}");
}

#[test]
fn a_task_of_ones_own_is_rated_and_marked_lower_confidence() {
    let answers = vec![
        Answer::Default,
        Answer::Yes,
        Answer::Text("Maintain the CI pipeline".into()),
        Answer::Pick("medium".into()),
        Answer::Pick("with me".into()),
        Answer::Pick("about 10%".into()),
        Answer::No,
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::No,
    ];
    let (result, out, prompter) = drive(answers, &args(Some("backend"), Some(LevelArg::Mid), None));
    result.expect("completes");
    assert!(prompter.finished());
    assert!(out.contains("Maintain the CI pipeline (yours)"), "{out}");
    assert!(out.contains("rated by you: lower confidence"), "{out}");
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("10%  Maintain the CI pipeline (yours)")),
        "its share is exactly what was chosen: {:?}",
        prompter.transcript
    );
}

#[test]
fn changing_a_share_sets_it_exactly_and_keeps_the_rest_in_proportion() {
    let answers = vec![
        Answer::Default,
        Answer::No,
        Answer::Pick("change".into()),
        Answer::Pick("Run services in production".into()),
        Answer::Pick("half".into()),
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::No,
    ];
    let (result, out, prompter) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("completes");
    let shown: Vec<&String> = prompter
        .transcript
        .iter()
        .filter(|l| l.contains("Run services in production"))
        .collect();
    assert!(
        shown.iter().any(|l| l.contains(" 3%  Run services"))
            && shown.iter().any(|l| l.contains("50%  Run services")),
        "the split is shown before and after, with the share chosen: {shown:?}"
    );
    // The other tasks keep their proportions: 30% of the rest was production code.
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("15%  Write production code")),
        "{:?}",
        prompter.transcript
    );
    assert!(
        out.contains("less exposed than the typical junior mix"),
        "more on-call time lowers exposure: {out}"
    );
}

#[test]
fn picking_no_task_asks_again() {
    let mut answers = vec![Answer::Check(vec![])];
    answers.extend(all_defaults());
    let (result, _, prompter) = drive(answers, &args(Some("backend"), Some(LevelArg::Lead), None));
    result.expect("completes");
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("Pick at least one task"))
    );
}

#[test]
fn extra_skills_can_be_found_in_the_catalogue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("answers.toml");
    let answers = vec![
        Answer::Default,
        Answer::No,
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::Yes,
        Answer::Pick("Negotiation".into()),
        Answer::Pick("(done)".into()),
    ];
    let (result, _, _) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), Some(path.clone())),
    );
    result.expect("completes");
    let saved = std::fs::read_to_string(&path).expect("saved");
    assert!(saved.contains("\"negotiation\""), "{saved}");
}

#[test]
fn saved_answers_replay_to_the_same_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.toml");
    let answers = vec![
        Answer::Check(vec![
            "Write production code".into(),
            "Debug".into(),
            "Run services".into(),
        ]),
        Answer::No,
        Answer::Pick("change".into()),
        Answer::Pick("Debug".into()),
        Answer::Pick("about 30%".into()),
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::Yes,
        Answer::Text(path.display().to_string()),
    ];
    let (result, out, prompter) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("completes");
    assert!(
        prompter
            .transcript
            .last()
            .expect("a note")
            .starts_with("Saved to "),
        "{:?}",
        prompter.transcript.last()
    );
    let (replayed, _) = run(
        &[
            "report",
            "--answers",
            path.to_str().expect("path"),
            "--color",
            "never",
        ],
        0,
    );
    assert_eq!(
        replayed, out,
        "the replay prints exactly the full report of the session"
    );
    let (json, _) = run(
        &[
            "report",
            "--answers",
            path.to_str().expect("path"),
            "--json",
        ],
        0,
    );
    let report = schema::report(&json);
    assert!(report.personalized);
    assert_eq!(report.tasks.len(), 3);
    assert!((report.tasks.iter().map(|t| t.time_share).sum::<f64>() - 1.0).abs() < 1e-3);
}

#[test]
fn the_summary_fits_one_screen_and_says_where_the_rest_is() {
    let mut summary_args = args(Some("backend"), Some(LevelArg::Junior), None);
    summary_args.full = false;
    let (result, out, _) = drive(all_defaults(), &summary_args);
    result.expect("completes");
    assert!(
        out.lines().count() <= 60,
        "{} lines:\n{out}",
        out.lines().count()
    );
    assert!(out.contains("What to do about it"), "{out}");
    assert!(
        out.contains("report --answers FILE") && out.contains("--full"),
        "{out}"
    );
    assert!(
        !out.contains("Sources"),
        "sources belong in the full report: {out}"
    );
}

#[test]
fn an_interrupt_exits_130_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("never.toml");
    let answers = vec![Answer::Default, Answer::No, Answer::Interrupt];
    let (result, out, _) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), Some(path.clone())),
    );
    let error = result.expect_err("interrupted");
    assert_eq!(error.exit, Exit::Interrupted);
    assert_eq!(error.message, "interrupted; nothing was saved");
    assert!(out.is_empty(), "no report was printed");
    assert!(!path.exists(), "no file was written");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "no temporary file left behind"
    );
}

#[test]
fn an_existing_file_is_not_replaced_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("keep.toml");
    std::fs::write(&path, "precious").expect("write");
    let other = dir.path().join("other.toml");
    let mut answers = all_defaults();
    answers.pop();
    answers.extend([
        Answer::Yes,
        Answer::Text(path.display().to_string()),
        Answer::No,
        Answer::Text(other.display().to_string()),
    ]);
    let (result, _, _) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("completes");
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "precious");
    assert!(other.exists());
}

#[test]
fn save_refuses_an_existing_file_before_the_first_question() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("keep.toml");
    std::fs::write(&path, "precious").expect("write");
    let (result, out, prompter) = drive(
        all_defaults(),
        &args(Some("backend"), Some(LevelArg::Junior), Some(path.clone())),
    );
    let error = result.expect_err("refused");
    assert_eq!(error.exit, Exit::Usage);
    assert!(
        error.message.contains("already exists"),
        "{}",
        error.message
    );
    assert!(error.hint.as_deref().unwrap_or("").contains("--force"));
    assert!(prompter.transcript.is_empty(), "nothing was asked");
    assert!(out.is_empty());
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "precious");

    let mut forced = args(Some("backend"), Some(LevelArg::Junior), Some(path.clone()));
    forced.force = true;
    let (result, _, _) = drive(all_defaults(), &forced);
    result.expect("--force replaces it");
    assert!(
        std::fs::read_to_string(&path)
            .expect("saved")
            .contains("format_version")
    );
}

#[test]
fn save_checks_its_folder_before_the_first_question() {
    let (result, _, prompter) = drive(
        all_defaults(),
        &args(
            Some("backend"),
            Some(LevelArg::Junior),
            Some(PathBuf::from("/nonexistent-folder/answers.toml")),
        ),
    );
    let error = result.expect_err("refused");
    assert_eq!(error.exit, Exit::Failure);
    assert!(
        error.message.contains("/nonexistent-folder"),
        "{}",
        error.message
    );
    assert!(prompter.transcript.is_empty(), "nothing was asked");
}
