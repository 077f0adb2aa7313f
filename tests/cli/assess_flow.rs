//! The `assess` question flow driven by a scripted prompter: every branch, without a terminal.

use crate::support::{run, schema};
use ai_exposure::cli::{AssessArgs, LevelArg};
use ai_exposure::commands::assess::run_with;
use ai_exposure::config::Config;
use ai_exposure::dataset::{Level, Store};
use ai_exposure::error::Exit;
use ai_exposure::prompts::scripted::{Answer, ScriptedPrompter};
use ai_exposure::render::Style;
use std::path::PathBuf;

fn config() -> Config {
    Config {
        store: Store::bundled(),
        style: Style {
            color: false,
            width: 100,
        },
        no_input: false,
    }
}

fn args(role: Option<&str>, level: Option<LevelArg>, save: Option<PathBuf>) -> AssessArgs {
    AssessArgs {
        role: role.map(str::to_owned),
        level,
        save,
    }
}

/// How many tasks a level's default mix has: one time question each when defaults are kept.
fn default_task_count(role: &str, level: Level) -> usize {
    let role = ai_exposure::finder::curated_role(&Store::bundled(), role)
        .expect("decodes")
        .expect("role exists");
    role.level(level)
        .shares
        .iter()
        .filter(|s| **s > 0.0)
        .count()
}

/// Answers that accept every default for `tasks` tasks and save nothing.
fn all_defaults(tasks: usize) -> Vec<Answer> {
    let mut answers = vec![Answer::Default, Answer::No];
    answers.extend(std::iter::repeat_n(Answer::Default, tasks));
    answers.extend([
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::No,
    ]);
    answers
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
    let result = run_with(&mut prompter, args, &config(), &mut out);
    (result, String::from_utf8(out).expect("UTF-8"), prompter)
}

#[test]
fn keeping_every_default_gives_the_typical_numbers_with_a_comparison_line() {
    let tasks = default_task_count("backend", Level::Junior);
    let (result, out, prompter) = drive(
        all_defaults(tasks),
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("the flow completes");
    assert!(prompter.finished(), "every scripted answer was used");
    assert!(
        out.contains("Backend developer · junior") && out.contains("your own time mix"),
        "{out}"
    );
    assert!(
        out.contains("exposed than a typical junior backend developer")
            || out.contains("as exposed as a typical junior"),
        "{out}"
    );
    assert!(
        prompter
            .transcript
            .iter()
            .any(|line| line.contains("Your week, as shares of working time"))
    );
}

#[test]
fn role_and_level_are_asked_when_not_given() {
    let tasks = default_task_count("electrician", Level::Senior);
    let mut answers = vec![
        Answer::Pick("Electrician".into()),
        Answer::Pick("senior".into()),
    ];
    answers.extend(all_defaults(tasks));
    let (result, out, prompter) = drive(answers, &args(None, None, None));
    result.expect("completes");
    assert!(out.contains("Electrician · senior"), "{out}");
    assert!(prompter.transcript[0].contains("Which role"));
    assert!(prompter.transcript[1].contains("Which level"));
}

#[test]
fn a_task_of_ones_own_is_rated_and_marked_lower_confidence() {
    let tasks = default_task_count("backend", Level::Mid);
    let mut answers = vec![
        Answer::Default,
        Answer::Yes,
        Answer::Text("Maintain the CI pipeline".into()),
        Answer::Pick("medium".into()),
        Answer::Pick("with me".into()),
        Answer::No,
    ];
    answers.extend(std::iter::repeat_n(Answer::Default, tasks + 1));
    answers.extend([
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::No,
    ]);
    let (result, out, prompter) = drive(answers, &args(Some("backend"), Some(LevelArg::Mid), None));
    result.expect("completes");
    assert!(prompter.finished());
    assert!(out.contains("Maintain the CI pipeline (yours)"), "{out}");
    assert!(out.contains("rated by you: lower confidence"), "{out}");
}

#[test]
fn adjusting_a_share_changes_the_split_shown_and_the_report() {
    let tasks = default_task_count("backend", Level::Junior);
    let mut answers = vec![Answer::Default, Answer::No];
    answers.extend(std::iter::repeat_n(Answer::Default, tasks));
    answers.extend([
        Answer::Pick("adjust".into()),
        Answer::Pick("Run services in production".into()),
        Answer::Pick("most of my time".into()),
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::No,
    ]);
    let (result, out, prompter) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("completes");
    let splits: Vec<&String> = prompter
        .transcript
        .iter()
        .filter(|l| l.contains("Run services in production"))
        .collect();
    assert!(
        splits.len() >= 2,
        "the split is shown before and after: {splits:?}"
    );
    assert!(
        out.contains("less exposed than a typical junior"),
        "more on-call time lowers exposure: {out}"
    );
}

#[test]
fn picking_no_task_asks_again() {
    let tasks = default_task_count("backend", Level::Lead);
    let mut answers = vec![Answer::Check(vec![])];
    answers.extend(all_defaults(tasks));
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
    let tasks = default_task_count("backend", Level::Junior);
    let mut answers = vec![Answer::Default, Answer::No];
    answers.extend(std::iter::repeat_n(Answer::Default, tasks));
    answers.extend([
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::Yes,
        Answer::Pick("Negotiation".into()),
        Answer::Pick("(done)".into()),
    ]);
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
    let tasks = default_task_count("backend", Level::Junior);
    let mut answers = vec![
        Answer::Check(vec![
            "Write production code".into(),
            "Debug".into(),
            "Run services".into(),
        ]),
        Answer::No,
    ];
    answers.extend([
        Answer::Pick("a lot".into()),
        Answer::Pick("some".into()),
        Answer::Pick("a little".into()),
    ]);
    answers.extend([
        Answer::Pick("looks right".into()),
        Answer::Default,
        Answer::No,
        Answer::Yes,
        Answer::Text(path.display().to_string()),
    ]);
    let (result, out, prompter) = drive(
        answers,
        &args(Some("backend"), Some(LevelArg::Junior), None),
    );
    result.expect("completes");
    assert!(tasks > 3);
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
        "the replay prints exactly the report the person saw"
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
    let tasks = default_task_count("backend", Level::Junior);
    let mut answers = all_defaults(tasks);
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
