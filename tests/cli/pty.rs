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
const UP: &str = "\x1b[A";
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

/// The text of a session, back to the bytes the program wrote (rexpect hands each byte back
/// as a char).
fn bytes_of(text: &str) -> Vec<u8> {
    text.chars().map(|c| c as u32 as u8).collect()
}

/// Accepts every default: the task list (whose last task is `last_task`), no task of one's
/// own, the week as shown, the skills, no other skills. Returns what was shown up to the save.
fn accept_defaults(session: &mut PtySession, last_task: &str) -> String {
    session.exp_string(last_task).expect("the task list");
    keys(session, ENTER);
    session
        .exp_string("not listed?")
        .expect("own-task question");
    keys(session, "n");
    session
        .exp_string("Change the time on a task")
        .expect("the week");
    keys(session, ENTER);
    session
        .exp_string("AI tool fluency (resilient)")
        .expect("the skill list");
    keys(session, ENTER);
    session
        .exp_string("search the full list")
        .expect("other skills question");
    keys(session, "n");
    session
        .exp_string("Saved to")
        .expect("the summary, then the save")
}

#[test]
fn accepting_every_default_reproduces_the_typical_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("answers.toml");
    let mut session = spawn_assess(&save);
    let shown = accept_defaults(&mut session, "Set technical direction, plan and hire");
    session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(0));
    let (json, _) = run(&["report", "-r", "backend", "-l", "junior", "--json"], 0);
    let typical = schema::report(&json);
    let whole = |f: f64| (f * 100.0).round() as i64;
    let (band, figures) = figures(&shown);
    assert_eq!(band, typical.risk.label);
    assert_eq!(
        figures,
        (
            whole(typical.exposure.lower),
            whole(typical.exposure.central),
            whole(typical.exposure.upper)
        ),
        "Enter through every question gives the level's typical figures"
    );
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
    session
        .exp_string("Change the time on a task")
        .expect("the week");
    keys(&mut session, DOWN);
    keys(&mut session, ENTER);
    session.exp_string("Which task?").expect("which task");
    session
        .exp_string("Set technical direction, plan and hire (")
        .expect("the last task");
    keys(&mut session, UP);
    keys(&mut session, ENTER);
    session
        .exp_string("type a percentage")
        .expect("the share choices");
    // The task starts at about 5% (a task the level does not usually do); two steps up
    // wrap round to the last choice.
    keys(&mut session, &UP.repeat(2));
    keys(&mut session, ENTER);
    session
        .exp_string("Percentage of your week")
        .expect("a typed percentage");
    keys(&mut session, "25\r");
    session
        .exp_string("Change the time on a task")
        .expect("the week again");
    keys(&mut session, ENTER);
    session
        .exp_string("AI tool fluency (resilient)")
        .expect("the skill list");
    keys(&mut session, ENTER);
    session
        .exp_string("search the full list")
        .expect("other skills question");
    keys(&mut session, "n");
    let shown = session
        .exp_string("Saved to")
        .expect("the summary, then the save");
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
    let (band, (lower, central, upper)) = figures(&shown);
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
    let direction = report
        .tasks
        .iter()
        .find(|t| t.id.as_deref() == Some("set-technical-direction"))
        .expect("the task checked with Space is in the mix");
    assert!(
        (direction.time_share - 0.25).abs() < 1e-9,
        "the typed 25% is kept exactly"
    );
}

#[test]
fn esc_goes_back_one_question() {
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
        .exp_string("Change the time on a task")
        .expect("the week");
    keys(&mut session, "\x1b");
    session
        .exp_string("not listed?")
        .expect("Esc went back to the own-task question");
    session.send_control('c').expect("ctrl-c");
    session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(130));
}

#[test]
fn ctrl_c_mid_flow_exits_130_says_so_restores_the_cursor_and_writes_nothing() {
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
        .exp_string("Change the time on a task")
        .expect("the week");
    session.send_control('c').expect("ctrl-c");
    let rest = session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(130));
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    assert!(rest.contains("nothing was saved"), "{rest:?}");
    assert!(!save.exists(), "no answers file");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "no temporary file either"
    );
}

/// A session whose every byte of output is kept, to be rendered as a screen at the end.
struct Recorded {
    session: PtySession,
    output: Vec<u8>,
}

impl Recorded {
    fn expect(&mut self, text: &str) {
        let before = self
            .session
            .exp_string(text)
            .unwrap_or_else(|e| panic!("`{text}`: {e}"));
        self.output.extend(bytes_of(&before));
        self.output.extend(text.as_bytes());
    }

    fn finish(&mut self) {
        let rest = self.session.exp_eof().expect("exits");
        self.output.extend(bytes_of(&rest));
    }
}

/// A whole session at a given terminal width (set with stty on the pseudo-terminal), with
/// a long search and a typo; every question must be on screen once at the end.
fn redraws_leave_no_copies_at(columns: u16) {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("a.toml");
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "stty cols {columns} rows 24 && exec \"$0\" assess --save \"$1\""
        ))
        .arg(assert_cmd::cargo::cargo_bin("ai-exposure"))
        .arg(&save)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut run = Recorded {
        session: spawn_command(command, Some(15_000)).expect("spawns in a pty"),
        output: Vec::new(),
    };
    run.expect("Your job title");
    keys(
        &mut run.session,
        "a very long job title that somebody might type without thinking about the width\r",
    );
    run.expect("Nothing matches");
    run.expect("Your job title");
    keys(&mut run.session, "electrican\r");
    run.expect("None of these: search again");
    keys(&mut run.session, &format!("{DOWN}{UP}{ENTER}"));
    run.expect("Foreman (lead)");
    keys(&mut run.session, ENTER);
    run.expect("Run crews and supervise apprentices");
    keys(&mut run.session, &format!("{DOWN}{DOWN}{UP}{UP}{ENTER}"));
    run.expect("not listed?");
    keys(&mut run.session, "n");
    run.expect("Change the time on a task");
    keys(&mut run.session, &format!("{DOWN}{UP}{ENTER}"));
    run.expect("Which skills do you have?");
    run.expect("AI tool fluency (resilient)");
    keys(&mut run.session, ENTER);
    run.expect("search the full list");
    keys(&mut run.session, "n");
    run.expect("Saved to");
    run.finish();
    assert_eq!(exit_code(&run.session), Some(0));
    let mut parser = vt100::Parser::new(400, columns, 0);
    parser.process(&run.output);
    let screen = parser.screen().contents();
    for question in [
        "Which is closest to your job?",
        "Which level describes you best?",
        "Which tasks do you really",
        "Does this look like your week?",
        "Which skills do you have?",
    ] {
        assert_eq!(
            screen.matches(question).count(),
            1,
            "`{question}` is on screen once at {columns} columns:\n{screen}"
        );
    }
}

#[test]
fn at_80_columns_redraws_leave_no_copies_behind() {
    redraws_leave_no_copies_at(80);
}

#[test]
fn at_60_columns_redraws_leave_no_copies_behind() {
    redraws_leave_no_copies_at(60);
}

#[test]
fn save_refuses_to_overwrite_before_asking_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().join("answers.toml");
    std::fs::write(&save, "precious").expect("write");
    let mut session = spawn_assess(&save);
    let text = session.exp_eof().expect("exits at once");
    assert_eq!(exit_code(&session), Some(2));
    assert!(
        text.contains("already exists") && text.contains("--force"),
        "{text}"
    );
    assert!(!text.contains("Which tasks"), "no question was asked");
    assert_eq!(std::fs::read_to_string(&save).expect("kept"), "precious");
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
fn the_job_question_uses_the_role_finder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"));
    command
        .args(["assess", "--save"])
        .arg(dir.path().join("a.toml"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = spawn_command(command, Some(15_000)).expect("spawns in a pty");
    session
        .exp_string("Your job title")
        .expect("the job question");
    keys(&mut session, "teacher\r");
    session
        .exp_string("Secondary school teacher")
        .expect("an ambiguous name is a pick list");
    session
        .exp_string("None of these: search again")
        .expect("the last item");
    keys(&mut session, UP);
    keys(&mut session, ENTER);
    session.exp_string("Your job title").expect("asked again");
    keys(&mut session, "electrician\r");
    session
        .exp_string("Using: Electrician")
        .expect("an exact name is taken");
    session
        .exp_string("Foreman (lead)")
        .expect("the electrician's levels");
    keys(&mut session, &DOWN.repeat(2));
    keys(&mut session, ENTER);
    session
        .exp_string("Run crews and supervise apprentices")
        .expect("the electrician's tasks");
    session.send_control('c').expect("ctrl-c");
    session.exp_eof().expect("exits");
    assert_eq!(exit_code(&session), Some(130));
}
