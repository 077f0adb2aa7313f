//! Reliability at the edges: special files as input, a stderr that cannot be written, many
//! problems in one file, text that tries to be Markdown or terminal commands, numbers too
//! long to print, dangling links, and `assess --save` into a folder that is not there.

use crate::support::{run, write_tree};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the binary under a 2 GB address-space cap and a 20 s deadline: a hang or a runaway
/// read fails the test instead of the machine.
fn run_bounded(args: &[&str]) -> (Option<i32>, String) {
    let binary = assert_cmd::cargo::cargo_bin("ai-exposure");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" \"$@\"")
        .arg(&binary)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("`ai-exposure {}` did not finish in 20 s", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (status.code(), reader.join().expect("stderr read"))
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A FIFO and `/dev/zero` as every kind of input: answers files (named and in a folder),
/// rosters, and the files of a `--data` folder. Each is refused at once, naming the kind.
#[test]
fn special_files_are_refused_as_every_kind_of_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |p: &str| dir.path().join(p).display().to_string();
    std::fs::create_dir_all(dir.path().join("answers")).expect("dir");
    std::fs::create_dir_all(dir.path().join("data/roles")).expect("dir");
    std::fs::create_dir_all(dir.path().join("zero-data/roles")).expect("dir");
    mkfifo(&dir.path().join("fifo.toml"));
    mkfifo(&dir.path().join("answers/fifo.toml"));
    mkfifo(&dir.path().join("data/dataset.toml"));
    mkfifo(&dir.path().join("data/roles/fifo.toml"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("answers/zero.toml")).expect("link");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero-data/roles/zero.toml"))
        .expect("link");

    let fifo = "a named pipe (FIFO), not a regular file";
    let device = "a character device, not a regular file";
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["report".into(), "--answers".into(), path("fifo.toml")],
            fifo,
        ),
        (
            vec!["report".into(), "--answers".into(), "/dev/zero".into()],
            device,
        ),
        (
            vec!["workshop".into(), "--roster".into(), path("fifo.toml")],
            fifo,
        ),
        (
            vec!["workshop".into(), "--roster".into(), "/dev/zero".into()],
            device,
        ),
        (vec!["workshop".into(), path("fifo.toml")], fifo),
        (vec!["workshop".into(), path("answers")], fifo),
        (vec!["workshop".into(), path("answers")], device),
        (
            vec![
                "--data".into(),
                path("data"),
                "report".into(),
                "-r".into(),
                "nurse".into(),
                "-l".into(),
                "mid".into(),
            ],
            fifo,
        ),
        (vec!["validate".into(), path("data")], fifo),
        (
            vec!["--data".into(), path("zero-data"), "roles".into()],
            device,
        ),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stderr) = run_bounded(&args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        let listing = if args[0] == "validate" {
            let (stdout, _) = run(&args, 1);
            stdout
        } else {
            stderr.clone()
        };
        assert!(listing.contains(expected), "{args:?}: {listing}");
    }
}

/// `2>/dev/full` (ENOSPC) and a stderr pipe closed by its reader (EPIPE) change nothing but
/// what is seen: the exit code is the documented one, never an abort.
#[test]
fn a_stderr_that_cannot_be_written_keeps_the_documented_exit_code() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
    };
    let roster = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/workshop/roster.csv");
    let answers = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/workshop/answers");
    for (args, code) in [
        (
            vec![
                "report",
                "--role",
                "nosuch-role-at-all",
                "--level",
                "junior",
            ],
            2,
        ),
        (
            vec!["report", "--role", "backnd developer", "--level", "junior"],
            0,
        ),
        (vec!["workshop", answers, "--roster", roster], 1),
        (vec!["report", "--answers", "/nonexistent.toml"], 1),
    ] {
        let status = Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::null())
            .stderr(full())
            .status()
            .expect("runs");
        assert_eq!(
            status.code(),
            Some(code),
            "{args:?} with stderr on /dev/full"
        );
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let mut bad = String::from("name,role,level\n");
    for i in 0..2000 {
        bad.push_str(&format!("Person {i},astronaut,junior\n"));
    }
    bad.push_str("Ana,backend,junior\n");
    write_tree(dir.path(), &[("bad.csv", &bad)]);
    let script = "\"$0\" \"$@\" 2>&1 | head -1 >/dev/null; echo \"status ${PIPESTATUS[0]}\"";
    let output = Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(assert_cmd::cargo::cargo_bin("ai-exposure"))
        .args([
            "workshop",
            "--roster",
            dir.path().join("bad.csv").to_str().expect("path"),
        ])
        .output()
        .expect("bash runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "status 1",
        "a closed pipe on stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// 20,000 unknown skills in one answers file: every problem is reported, each at its own
/// line. (How long it takes is a benchmark figure: `scripts/bench.sh`.)
#[test]
fn twenty_thousand_problems_are_each_located_at_their_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut answers =
        String::from("format_version = 1\nrole = \"backend\"\nlevel = \"junior\"\nskills = [\n");
    for i in 0..20_000 {
        answers.push_str(&format!("  \"unknown-{i}\",\n"));
    }
    answers.push_str("]\n[shares]\nwrite-production-code = 1.0\n");
    write_tree(dir.path(), &[("many.toml", &answers)]);
    let path = dir.path().join("many.toml");
    let (_, stderr) = run(&["report", "--answers", path.to_str().expect("path")], 1);
    assert!(
        stderr.contains("20000 problems"),
        "{}",
        &stderr[..200.min(stderr.len())]
    );
    for i in [0, 1, 9_999, 19_999] {
        let line = i + 5;
        let expected =
            format!("many.toml:{line}:3: field `skills[{i}]`: unknown skill `unknown-{i}`");
        assert!(stderr.contains(&expected), "{expected}");
    }
}

/// The example overlay's role, without its aliases (which the bundled roles may come to use):
/// these tests are about other fields.
fn example_role() -> String {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/custom-dataset");
    std::fs::read_to_string(format!("{example}/roles/claims-handler.toml"))
        .expect("role")
        .lines()
        .filter(|l| !l.starts_with("aliases"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Text from people and overlays cannot become Markdown links, HTML or extra table cells.
#[test]
fn markdown_from_people_and_overlays_is_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/custom-dataset");
    let role = example_role().replacen(
        "title = \"Insurance claims handler\"",
        "title = \"Claims | handler <b>x</b>\"",
        1,
    );
    let skills = std::fs::read_to_string(format!("{example}/skills.toml")).expect("skills");
    write_tree(
        dir.path(),
        &[
            ("data/roles/claims-handler.toml", &role),
            ("data/skills.toml", &skills),
            (
                "roster.csv",
                "name,role,level,time:register-claims,own1:title,own1:time,own1:exposure,own1:mode\n\
                 \"<img src=x onerror=alert(1)>\",claims-handler,junior,10,[x](javascript:alert(1)),5,high,automation\n\
                 Bo | Lee,claims-handler,junior,,,,,\n\
                 Cy,claims-handler,junior,,,,,\n",
            ),
        ],
    );
    let out = dir.path().join("out");
    run(
        &[
            "--data",
            dir.path().join("data").to_str().expect("path"),
            "workshop",
            "--roster",
            dir.path().join("roster.csv").to_str().expect("path"),
            "--out",
            out.to_str().expect("path"),
        ],
        0,
    );
    let unescaped = |text: &str, needle: &str| {
        text.match_indices(needle)
            .filter(|(at, _)| !text[..*at].ends_with('\\'))
            .count()
    };
    let handout = std::fs::read_to_string(out.join("handouts/img-src-x-onerror-alert-1.md"))
        .expect("handout");
    assert_eq!(unescaped(&handout, "<img"), 0, "{handout}");
    assert_eq!(unescaped(&handout, "](javascript"), 0, "{handout}");
    assert!(handout.contains("\\<img src=x onerror=alert(1)\\>"));
    assert!(handout.contains("\\[x\\](javascript:alert(1)) (yours)"));
    let html =
        std::fs::read_to_string(out.join("handouts/img-src-x-onerror-alert-1.html")).expect("html");
    assert!(!html.contains("<img") && !html.contains("<b>x"));
    let bo = std::fs::read_to_string(out.join("handouts/bo-lee.md")).expect("bo");
    assert!(bo.contains("**For Bo \\| Lee**"));
    let tasks = &bo[bo.find("## Tasks").expect("tasks")..bo.find("## Skills").expect("skills")];
    for line in tasks.lines().filter(|l| l.starts_with("| ")) {
        assert_eq!(
            unescaped(line, "|"),
            7,
            "a task row keeps its 6 cells: {line}"
        );
    }
    let summary = std::fs::read_to_string(out.join("summary.md")).expect("summary");
    let row = summary
        .lines()
        .find(|l| l.contains("Claims"))
        .expect("the role's row");
    assert_eq!(row, "| Claims \\| handler \\<b\\>x\\</b\\> | 3 |");
}

/// A roster cell holding terminal escape sequences cannot retitle or clear the coach's
/// terminal when its error is printed; nor can a role name typed on the command line.
#[test]
fn escape_sequences_in_input_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(
        dir.path(),
        &[(
            "roster.csv",
            "name,role,level\n\"Ann\u{1b}]0;OWNED\u{7}\u{1b}[2J\",nurse,boss\u{1b}[31m\nBo,nurse,junior\n",
        )],
    );
    let out = dir.path().join("out");
    let (stdout, stderr) = run(
        &[
            "workshop",
            "--roster",
            dir.path().join("roster.csv").to_str().expect("path"),
            "--out",
            out.to_str().expect("path"),
        ],
        1,
    );
    assert!(
        stderr.contains("Ann]0;OWNED[2J: unknown level `boss[31m`"),
        "{stderr}"
    );
    for text in [&stdout, &stderr] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
    }
    let (_, stderr) = run(
        &["report", "--role", "\u{1b}[2Jnurse\u{9b}", "--level", "mid"],
        2,
    );
    assert!(stderr.contains("no job matches `[2Jnurse`"), "{stderr}");
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{9b}'));
}

#[test]
fn numbers_too_long_to_print_are_shortened() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(
        dir.path(),
        &[(
            "huge.toml",
            "format_version = 1\nrole = \"backend\"\nlevel = \"junior\"\n[shares]\nwrite-production-code = 1e308\nwrite-tests = 0.123456789012345678\n",
        )],
    );
    let (_, stderr) = run(
        &[
            "report",
            "--answers",
            dir.path().join("huge.toml").to_str().expect("path"),
        ],
        1,
    );
    assert!(
        stderr.contains("share 1.000e308 is outside 0..1"),
        "{stderr}"
    );
    assert!(stderr.lines().all(|l| l.len() < 300), "{stderr}");
}

#[test]
fn dangling_links_and_overlay_catalogue_problems_are_reported_where_they_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/custom-dataset");
    let role = example_role();
    let skills = std::fs::read_to_string(format!("{example}/skills.toml")).expect("skills");
    let unused = "\n[[skills]]\nid = \"unused-overlay-skill\"\nname = \"Unused\"\noutlook = \"resilient\"\nrationale = \"Nobody lists this skill, which validate must point at in this very file.\"\n";
    write_tree(
        dir.path(),
        &[
            ("data/roles/claims-handler.toml", &role),
            ("data/skills.toml", &format!("{skills}{unused}")),
        ],
    );
    let skill_line = format!("{skills}{unused}")
        .lines()
        .position(|l| l == "id = \"unused-overlay-skill\"")
        .expect("line")
        + 1;
    let position = format!("{skills}{unused}").matches("[[skills]]").count() - 1;
    let data = dir.path().join("data");
    let (listing, _) = run(&["validate", data.to_str().expect("path")], 1);
    let expected = format!(
        "skills.toml:{skill_line}:1: field `skills[{position}].id`: skill `unused-overlay-skill` is used by no role"
    );
    assert!(listing.contains(&expected), "{expected}\n{listing}");

    std::os::unix::fs::symlink("/nonexistent/ghost.toml", data.join("roles/ghost.toml"))
        .expect("link");
    let (listing, _) = run(&["validate", data.to_str().expect("path")], 1);
    assert!(
        listing.contains(
            "ghost.toml: a symbolic link to /nonexistent/ghost.toml, which does not exist"
        ),
        "{listing}"
    );
}

/// `assess --save` into a folder that does not exist fails before the first question.
#[test]
fn assess_checks_where_it_will_save_before_asking_anything() {
    use ai_exposure::cli::AssessArgs;
    use ai_exposure::commands::assess::run_with;
    use ai_exposure::prompts::scripted::ScriptedPrompter;
    let config = crate::support::plain_config();
    let dir = tempfile::tempdir().expect("temp dir");
    for target in [
        dir.path().join("missing/answers.toml"),
        dir.path().to_owned(),
    ] {
        let mut prompter = ScriptedPrompter::new([]);
        let args = AssessArgs {
            role: None,
            level: None,
            save: Some(target.clone()),
            force: false,
            full: false,
        };
        let error = run_with(&mut prompter, &args, &config, &mut Vec::new()).expect_err("refused");
        assert!(
            error.message.starts_with("cannot save answers to"),
            "{}",
            error.message
        );
        assert!(prompter.transcript.is_empty(), "nothing was asked");
    }
}
