//! Nothing a user can feed the tool makes it panic: arbitrary and mutated files into every
//! parser, arbitrary argument vectors into the CLI, odd environment values. Case counts rise
//! with PROPTEST_CASES for long runs.

use crate::support::{run, write_tree};
use ai_exposure::answers;
use ai_exposure::cli::{Cli, ColorChoice};
use ai_exposure::config::{decide_color, decide_width};
use ai_exposure::dataset::load::read_dir;
use ai_exposure::dataset::validate::check;
use ai_exposure::dataset::{Dataset, Store};
use clap::Parser;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

fn cases(default: u32) -> ProptestConfig {
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(default),
    )
}

fn backend_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(format!("{DATA}/roles/backend-developer.toml")).expect("backend")
    })
}

fn example_answers() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/answers-backend-junior.toml"
        ))
        .expect("answers")
    })
}

/// A valid text with one random edit: a deleted span, an inserted string, or a repeated line.
fn mutated(text: &'static str) -> impl Strategy<Value = String> {
    let len = text.len();
    prop_oneof![
        (0..len, 0usize..200).prop_map(move |(at, n)| {
            let (start, end) = (floor(text, at), floor(text, (at + n).min(len)));
            format!("{}{}", &text[..start], &text[end..])
        }),
        (0..len, "[\\PC\\n\\[\\]={}\"#.,-]{0,12}").prop_map(move |(at, insert)| {
            let at = floor(text, at);
            format!("{}{insert}{}", &text[..at], &text[at..])
        }),
        (0..text.lines().count()).prop_map(move |line| {
            let lines: Vec<&str> = text.lines().collect();
            let mut out: Vec<&str> = lines.clone();
            out.insert(line, lines[line]);
            out.join("\n")
        }),
    ]
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mixed_room() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/workshop/mixed-room.csv"
        ))
        .expect("roster")
    })
}

fn example_roster() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/workshop/roster.csv"
        ))
        .expect("roster")
    })
}

/// Every row of a roster is either read or reported, exactly once, at its own line; nothing
/// spills into another row.
fn check_roster(text: &str) {
    let (rows, problems) = ai_exposure::workshop::roster::parse("roster.csv", text);
    let lines = text.split('\n').count();
    assert!(rows.iter().all(|r| r.line <= lines
        && !r.name.is_empty()
        && !r.role.text.is_empty()
        && !r.name.contains('\n')));
    assert!(
        problems
            .iter()
            .all(|p| p.problem.line <= lines && p.problem.hint.is_some())
    );
    if ai_exposure::workshop::roster::open("roster.csv", text).is_ok() {
        let data_lines = text
            .trim_start_matches('\u{feff}')
            .split('\n')
            .skip(1)
            .filter(|line| {
                !line
                    .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '\t')
                    .is_empty()
            })
            .count();
        let mut seen: Vec<usize> = rows
            .iter()
            .map(|r| r.line)
            .chain(problems.iter().map(|p| p.problem.line))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            rows.len() + problems.len(),
            seen.len(),
            "one outcome per line"
        );
        assert!(seen.len() <= data_lines, "no row invented");
    }
}

fn bundled() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| Store::bundled().to_dataset().expect("decodes"))
}

fn check_dataset_with_role(role: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(dir.path(), &[("roles/backend-developer.toml", role)]);
    let raw = read_dir(dir.path()).expect("reads");
    for problem in check(&raw, bundled()) {
        assert!(
            problem.line <= role.lines().count() + 1,
            "line {} is inside the file",
            problem.line
        );
        assert!(problem.to_string().contains("backend-developer.toml"));
    }
}

/// Reads and checks an answers file; every problem is located inside the file.
fn replay_answers(text: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("answers.toml");
    std::fs::write(&path, text).expect("write");
    let known: BTreeSet<String> = bundled().skills.iter().map(|s| s.id.to_string()).collect();
    let store = Store::bundled();
    let loaded = answers::load(&path, &known, |name| {
        Ok(ai_exposure::finder::subject(&store, name)?.map(|resolved| resolved.subject))
    })
    .expect("the bundled dataset decodes");
    if let Err(problems) = loaded {
        let lines = text.split('\n').count();
        assert!(
            problems.iter().all(|p| p.line <= lines && p.hint.is_some()),
            "{problems:?}"
        );
    }
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn mutated_role_files_are_reported_not_panicked_on(role in mutated(backend_text())) {
        check_dataset_with_role(&role);
    }

    #[test]
    fn arbitrary_bytes_as_a_role_file_are_reported(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("roles")).expect("dir");
        std::fs::write(dir.path().join("roles/x.toml"), &bytes).expect("write");
        std::fs::write(dir.path().join("skills.toml"), &bytes).expect("write");
        let raw = read_dir(dir.path()).expect("reads");
        let _ = check(&raw, bundled());
    }

    #[test]
    fn mutated_answers_files_are_reported_not_panicked_on(text in mutated(example_answers())) {
        replay_answers(&text);
    }

    #[test]
    fn arbitrary_text_as_an_answers_file_is_reported(text in "[\\PC\\n]{0,300}") {
        replay_answers(&text);
    }

    #[test]
    fn mutated_rosters_are_reported_not_panicked_on(text in mutated(example_roster())) {
        check_roster(&text);
    }

    #[test]
    fn arbitrary_text_as_a_roster_is_reported(text in "[\\PC\n,;\"]{0,300}") {
        check_roster(&text);
    }

    #[test]
    fn mutated_worksheet_rosters_are_reported_not_panicked_on(text in mutated(mixed_room())) {
        check_roster(&text);
    }

    #[test]
    fn echoed_text_never_carries_control_characters(text in "\\PC{0,40}[\u{0}-\u{1f}\u{7f}-\u{9f}\u{202e}]{0,6}\\PC{0,40}") {
        let line = ai_exposure::untrusted::one_line(&text);
        prop_assert!(!line.chars().any(|c| c.is_control()));
        let lines = ai_exposure::untrusted::lines(&text);
        prop_assert!(!lines.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    }

    #[test]
    fn escaped_markdown_has_no_live_syntax(text in "[\\PC<>\\[\\]()|*_`&#~\\\\\n]{0,80}") {
        let escaped = ai_exposure::render::markdown::escape(&text);
        prop_assert!(!escaped.contains('\n'));
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                prop_assert!(chars.next().is_some(), "a backslash always escapes something: {escaped}");
            } else {
                prop_assert!(!"`*_[]<>|&~#".contains(c), "unescaped {c} in {escaped}");
            }
        }
    }

    #[test]
    fn arbitrary_argument_vectors_give_a_sensible_exit(args in proptest::collection::vec(prop_oneof![
        Just("report".to_owned()), Just("roles".to_owned()), Just("validate".to_owned()), Just("sources".to_owned()),
        Just("schema".to_owned()), Just("assess".to_owned()), Just("--role".to_owned()), Just("--level".to_owned()),
        Just("--json".to_owned()), Just("--format".to_owned()), Just("--answers".to_owned()), Just("--data".to_owned()),
        Just("--family".to_owned()), Just("--color".to_owned()), Just("backend".to_owned()), Just("junior".to_owned()),
        Just("markdown".to_owned()), Just("/nonexistent".to_owned()), Just("--no-input".to_owned()),
        "[a-z-]{0,12}", "\\PC{0,8}",
    ], 0..6)) {
        let mut argv = vec!["ai-exposure".to_owned()];
        argv.extend(args);
        match Cli::try_parse_from(&argv) {
            Err(error) => prop_assert!([0, 2].contains(&error.exit_code()), "{argv:?}: clap exit {}", error.exit_code()),
            Ok(cli) => {
                let mut out = Vec::new();
                if let Err(error) = ai_exposure::commands::run(&cli, &mut out) {
                    prop_assert!([1, 2].contains(&(error.exit as i32)), "{argv:?}: exit {:?}", error.exit);
                    prop_assert!(!error.message.is_empty());
                }
            }
        }
    }

    #[test]
    fn any_environment_gives_a_usable_width_and_a_colour_decision(
        columns in proptest::option::of("\\PC{0,12}"),
        terminal in proptest::option::of(0u16..=u16::MAX),
        no_color in proptest::option::of("\\PC{0,4}"),
        term in proptest::option::of("\\PC{0,8}"),
    ) {
        let width = decide_width(terminal, columns.as_deref());
        prop_assert!(width >= 40);
        for choice in [ColorChoice::Auto, ColorChoice::Always, ColorChoice::Never] {
            let color = decide_color(choice, true, no_color.as_deref(), term.as_deref());
            if choice == ColorChoice::Never { prop_assert!(!color); }
            if no_color.as_deref().is_some_and(|v| !v.is_empty()) && choice == ColorChoice::Auto { prop_assert!(!color); }
        }
    }
}

#[test]
fn hostile_environment_values_do_not_break_a_report() {
    for (key, value) in [
        ("COLUMNS", "0"),
        ("COLUMNS", "-5"),
        ("COLUMNS", "99999999999"),
        ("COLUMNS", "abc"),
        ("TERM", "dumb"),
        ("NO_COLOR", ""),
    ] {
        let output = crate::support::ai_exposure()
            .args(["report", "--role", "backend", "--level", "junior"])
            .env(key, value)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{key}={value}");
        assert!(
            !String::from_utf8_lossy(&output.stdout).contains('\u{1b}'),
            "{key}={value}: no colour on a pipe"
        );
    }
}

#[test]
fn deeply_nested_toml_is_refused_without_exhausting_the_stack() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nested = format!(
        "format_version = 1\nrole = {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let path = dir.path().join("deep.toml");
    std::fs::write(&path, nested).expect("write");
    let (_, stderr) = run(&["report", "--answers", path.to_str().expect("path")], 1);
    assert!(stderr.contains("deep.toml:2:"), "{stderr}");
    assert!(stderr.contains("recursion"), "{stderr}");
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.toml");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(ai_exposure::dataset::load::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let (_, stderr) = run(&["report", "--answers", path.to_str().expect("path")], 1);
    assert!(stderr.contains("over the 10485760-byte limit"), "{stderr}");
    std::fs::create_dir_all(dir.path().join("data/roles")).expect("dir");
    std::fs::rename(&path, dir.path().join("data/roles/huge.toml")).expect("move");
    let (listing, _) = run(
        &["validate", dir.path().join("data").to_str().expect("path")],
        1,
    );
    assert!(
        listing.contains("over the 10485760-byte limit"),
        "{listing}"
    );
}

#[test]
fn answers_files_that_are_not_text_or_not_there_are_clear_failures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("binary.toml");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).expect("write");
    let (_, stderr) = run(&["report", "--answers", path.to_str().expect("path")], 1);
    assert!(
        stderr.contains("not valid UTF-8") && stderr.contains("hint:"),
        "{stderr}"
    );
    let (_, stderr) = run(&["report", "--answers", "/nonexistent/answers.toml"], 1);
    assert!(
        stderr.contains("/nonexistent/answers.toml") && stderr.contains("cannot read"),
        "{stderr}"
    );
    let (_, stderr) = run(
        &["report", "--answers", dir.path().to_str().expect("path")],
        1,
    );
    assert!(stderr.contains("hint:"), "a directory: {stderr}");
}
