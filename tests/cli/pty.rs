//! `assess` in a real pseudo-terminal: arrow keys, Enter, Ctrl-C, Esc, and no terminal at all.
//! Each test waits for the last item of a menu before sending keys, so keys never arrive
//! before dialoguer reads them.

use crate::support::{ai_exposure, run, schema};
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

fn spawn_assess(save: &Path) -> PtySession {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"));
    command
        .args(["assess", "--role", "backend", "--level", "junior", "--save"])
        .arg(save)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("COLUMNS", "100");
    spawn_command(command, Some(15_000)).expect("spawns in a pty")
}

fn keys(session: &mut PtySession, keys: &str) {
    session.send(keys).expect("send");
    session.flush().expect("flush");
}

fn exit_code(session: &PtySession) -> Option<i32> {
    match session.process().wait().expect("waits") {
        WaitStatus::Exited(_, code) => Some(code),
        _ => None,
    }
}

/// The figures of a report line "… exposure 47–82% (central 65%)". rexpect hands back each
/// byte as a char, so the non-ASCII separators are matched around, not on.
fn figures(text: &str) -> (String, (i64, i64, i64)) {
    let line = text
        .lines()
        .find(|l| l.contains(" risk ") && l.contains("exposure "))
        .unwrap_or_else(|| panic!("a risk line in:\n{text}"));
    let band = line.split(" risk").next().expect("band").trim().to_owned();
    let numbers: Vec<i64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("number"))
        .collect();
    (band, (numbers[0], numbers[2], numbers[1]))
}

#[test]
fn a_full_run_with_arrow_keys_matches_the_replayed_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("answers.toml");
    let mut session = spawn_assess(&save);

    session
        .exp_string("Set technical direction, plan and hire")
        .expect("the task list");
    keys(&mut session, &DOWN.repeat(12));
    keys(&mut session, " ");
    keys(&mut session, ENTER);
    session
        .exp_string("not listed?")
        .expect("own-task question");
    keys(&mut session, "n");
    for task in 0..12 {
        session
            .exp_string("most of my time (half or more)")
            .unwrap_or_else(|e| panic!("time question {task}: {e}"));
        if task == 0 {
            keys(&mut session, DOWN);
        }
        keys(&mut session, ENTER);
    }
    session.exp_string("Adjust a task").expect("the split");
    keys(&mut session, ENTER);
    session
        .exp_string("AI tool fluency (resilient)")
        .expect("the skill list");
    keys(&mut session, ENTER);
    session
        .exp_string("search the full list")
        .expect("other skills question");
    keys(&mut session, "n");
    let screen = session
        .exp_string("Saved to")
        .expect("the report, then the save");
    session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(0));

    let (json, _) = run(
        &[
            "report",
            "--answers",
            save.to_str().expect("path"),
            "--json",
        ],
        0,
    );
    let report = schema::report(&json);
    let whole = |f: f64| (f * 100.0).round() as i64;
    let (band, (lower, central, upper)) = figures(&screen);
    assert_eq!(
        band, report.risk.label,
        "the band on screen is the replayed band"
    );
    assert_eq!(
        (lower, central, upper),
        (
            whole(report.exposure.lower),
            whole(report.exposure.central),
            whole(report.exposure.upper)
        )
    );
    assert!(
        report
            .tasks
            .iter()
            .any(|t| t.id.as_deref() == Some("set-technical-direction")),
        "the task checked with Space is in the mix"
    );
}

#[test]
fn ctrl_c_mid_flow_exits_130_restores_the_cursor_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("answers.toml");
    let mut session = spawn_assess(&save);
    session
        .exp_string("Set technical direction, plan and hire")
        .expect("the task list");
    keys(&mut session, ENTER);
    session
        .exp_string("not listed?")
        .expect("own-task question");
    keys(&mut session, "n");
    session
        .exp_string("most of my time (half or more)")
        .expect("first time question");
    session.send_control('c').expect("ctrl-c");
    let rest = session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(130));
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    assert!(!save.exists(), "no answers file");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "no temporary file either"
    );
}

#[test]
fn esc_at_a_menu_exits_130() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("answers.toml");
    let mut session = spawn_assess(&save);
    session
        .exp_string("Set technical direction, plan and hire")
        .expect("the task list");
    keys(&mut session, "\x1b");
    session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(130));
    assert!(!save.exists());
}

#[test]
fn without_a_terminal_assess_exits_2_at_once_with_a_hint() {
    let started = Instant::now();
    let output = ai_exposure()
        .args(["assess"])
        .timeout(Duration::from_secs(5))
        .output()
        .expect("runs");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not a terminal") && stderr.contains("report --answers"),
        "{stderr}"
    );
}

#[test]
fn no_input_refuses_even_on_a_terminal() {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"));
    command.args(["--no-input", "assess"]).env("NO_COLOR", "1");
    let mut session = spawn_command(command, Some(5_000)).expect("spawns");
    let text = session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(2));
    assert!(text.contains("--no-input"), "{text}");
}

#[test]
fn the_role_question_searches_as_you_type() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"));
    command
        .args(["assess", "--save"])
        .arg(dir.path().join("a.toml"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = spawn_command(command, Some(15_000)).expect("spawns in a pty");
    session
        .exp_string("Which role is closest to your job?")
        .expect("the role question");
    keys(&mut session, "electr");
    session
        .exp_string("Electrician (electrician)")
        .expect("the search narrows to the electrician");
    keys(&mut session, ENTER);
    session
        .exp_string("lead:")
        .expect("the level question, last item");
    keys(&mut session, &DOWN.repeat(2));
    keys(&mut session, ENTER);
    session
        .exp_string("Run crews and supervise apprentices")
        .expect("the electrician's tasks");
    session.send_control('c').expect("ctrl-c");
    session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(130));
}
