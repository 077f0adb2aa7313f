//! `workshop`: many participants, handouts, an anonymised summary, robust to bad input.

use crate::support::{ai_exposure, run, write_tree};
use serde::Deserialize;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/workshop");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    schema_version: u32,
    dataset: serde_json::Value,
    participants: usize,
    failed: usize,
    min_group: usize,
    bands: Vec<Group>,
    roles: Vec<Group>,
    levels: Vec<Group>,
    central: Option<Spread>,
    exposed_tasks: Vec<TaskStat>,
    missing_skills: Vec<Count>,
    strategies: Vec<Count>,
    notes: Vec<String>,
    disclaimer: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    group: String,
    people: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spread {
    min: f64,
    median: f64,
    mean: f64,
    max: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskStat {
    task: String,
    role: String,
    people: usize,
    mean_time_share: f64,
    group_points: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Count {
    name: String,
    people: usize,
}

fn names() -> Vec<String> {
    let roster = std::fs::read_to_string(format!("{EXAMPLE}/roster.csv")).expect("roster");
    let mut names: Vec<String> = roster
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().expect("name").to_owned())
        .collect();
    names.extend(["Maya Levi", "Noah Berg", "Olivia Brown", "Paul Dubois"].map(str::to_owned));
    names
}

fn workshop(out: &Path, extra: &[&str], code: i32) -> (Summary, String) {
    let mut args = vec![
        "workshop",
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/workshop/answers"),
        "--roster",
    ];
    let roster = format!("{EXAMPLE}/roster.csv");
    args.push(&roster);
    let out_arg = out.to_str().expect("path").to_owned();
    args.extend(["--out", &out_arg, "--json"]);
    args.extend_from_slice(extra);
    let (stdout, stderr) = run(&args, code);
    (serde_json::from_str(&stdout).expect("summary JSON"), stderr)
}

fn check_anonymous(summary: &Summary) {
    for group in summary
        .bands
        .iter()
        .chain(&summary.roles)
        .chain(&summary.levels)
    {
        assert!(
            group.people >= summary.min_group,
            "{group:?} is below --min-group {}",
            summary.min_group
        );
    }
    assert!(
        summary
            .exposed_tasks
            .iter()
            .all(|t| t.people >= summary.min_group)
    );
    assert!(
        summary
            .missing_skills
            .iter()
            .chain(&summary.strategies)
            .all(|c| c.people >= summary.min_group)
    );
}

#[test]
fn a_workshop_writes_handouts_and_a_summary_and_reports_the_broken_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (summary, stderr) = workshop(dir.path(), &[], 1);
    assert!(
        stderr.contains("quinn-broken.toml:8:")
            && stderr.contains("field `shares`")
            && stderr.contains("0.900"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 17 participants could not be read"),
        "{stderr}"
    );
    assert_eq!(
        (summary.participants, summary.failed, summary.schema_version),
        (16, 1, 1)
    );
    assert!(
        summary.dataset["as_of"].is_string()
            && summary
                .disclaimer
                .starts_with("Exposure is not displacement")
    );
    let spread = summary.central.as_ref().expect("a spread for 16 people");
    assert!(
        spread.min <= spread.median
            && spread.median <= spread.max
            && spread.min <= spread.mean
            && spread.mean <= spread.max
    );
    assert_eq!(
        summary.bands.iter().map(|g| g.people).sum::<usize>(),
        16,
        "every participant is counted once"
    );
    assert!(
        !summary.exposed_tasks.is_empty()
            && !summary.missing_skills.is_empty()
            && !summary.strategies.is_empty()
    );
    assert!(
        summary
            .exposed_tasks
            .windows(2)
            .all(|w| w[0].group_points >= w[1].group_points)
    );
    assert!(
        summary
            .exposed_tasks
            .iter()
            .all(|t| !t.task.is_empty() && !t.role.is_empty() && t.mean_time_share > 0.0)
    );
    assert!(summary.missing_skills.iter().all(|c| !c.name.is_empty()));
    check_anonymous(&summary);

    let handouts = dir.path().join("handouts");
    for name in names() {
        let slug = ai_exposure::workshop::slug(&name);
        let html = std::fs::read_to_string(handouts.join(format!("{slug}.html")))
            .unwrap_or_else(|_| panic!("{slug}.html"));
        let markdown = std::fs::read_to_string(handouts.join(format!("{slug}.md")))
            .unwrap_or_else(|_| panic!("{slug}.md"));
        assert!(html.ends_with("</html>\n") && markdown.contains("## Tasks"));
    }
    assert!(
        !handouts.join("quinn-example.html").exists(),
        "no handout for the broken file"
    );
    for file in ["summary.md", "summary.html", "summary.json"] {
        let text = std::fs::read_to_string(dir.path().join(file)).expect(file);
        for name in names() {
            for part in name.split(' ') {
                assert!(!text.contains(part), "{file} names {part}");
            }
        }
    }
    let summary_json: Summary = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("summary.json")).expect("json"),
    )
    .expect("parses");
    assert_eq!(summary_json.participants, 16);
}

#[test]
fn small_groups_are_merged_or_left_out_and_the_summary_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (open, _) = workshop(dir.path(), &["--min-group", "1"], 1);
    assert!(open.notes.is_empty(), "{:?}", open.notes);
    assert!(open.roles.len() > 5, "every role on its own");

    let (strict, _) = workshop(dir.path(), &["--min-group", "5"], 1);
    check_anonymous(&strict);
    assert!(
        strict
            .notes
            .iter()
            .any(|n| n.contains("roles") && n.contains("fewer than 5")),
        "{:?}",
        strict.notes
    );
    assert!(strict.roles.iter().any(|g| g.group == "other"));

    let (closed, _) = workshop(dir.path(), &["--min-group", "40"], 1);
    assert!(
        closed.bands.is_empty()
            && closed.roles.is_empty()
            && closed.levels.is_empty()
            && closed.central.is_none()
    );
    assert!(closed.exposed_tasks.is_empty() && closed.strategies.is_empty());
    assert!(closed.notes.iter().any(|n| n.contains("fewer than 40")));
}

#[test]
fn roster_problems_name_the_line_and_field_and_the_rest_still_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(
        dir.path(),
        &[(
            "roster.csv",
            "name,role,level,skills\nAna,backend,junior,\nBo,astronaut,mid,\nCy,nurse,boss,\n,nurse,mid,\nDi,nurse,mid,juggling\nEd,cashier,lead,\n",
        )],
    );
    let roster = dir.path().join("roster.csv");
    let (stdout, stderr) = run(
        &[
            "workshop",
            "--roster",
            roster.to_str().expect("path"),
            "--json",
            "--min-group",
            "1",
        ],
        1,
    );
    for expected in [
        "roster.csv:3:1: field `role`: unknown role `astronaut`",
        "roster.csv:4:1: field `level`: unknown level `boss`",
        "roster.csv:5:1: field `name`",
        "roster.csv:6:1: field `skills`: unknown skill `juggling`",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    let summary: Summary = serde_json::from_str(&stdout).expect("summary");
    assert_eq!((summary.participants, summary.failed), (2, 4));

    write_tree(
        dir.path(),
        &[("bad-header.csv", "person,job\nAna,backend\n")],
    );
    let (_, stderr) = run(
        &[
            "workshop",
            "--roster",
            dir.path().join("bad-header.csv").to_str().expect("path"),
        ],
        1,
    );
    assert!(
        stderr.contains("missing column(s): name, role, level"),
        "{stderr}"
    );
}

#[test]
fn a_workshop_with_no_participants_is_a_usage_error() {
    let (_, stderr) = run(&["workshop"], 2);
    assert!(
        stderr.contains("no participants") && stderr.contains("hint:"),
        "{stderr}"
    );
}

#[test]
fn the_summary_pages_are_anonymous_html_and_markdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    workshop(dir.path(), &[], 1);
    let html = std::fs::read_to_string(dir.path().join("summary.html")).expect("summary.html");
    let document = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("section#bands td").expect("selector");
    assert!(document.select(&rows).count() >= 2, "a band table");
    assert!(!html.contains("<script") && html.contains("@media print"));
    let markdown = std::fs::read_to_string(dir.path().join("summary.md")).expect("summary.md");
    assert!(markdown.starts_with("# Workshop summary · 16 participants (1 could not be read)"));
}

/// Kills a large workshop while it writes, then checks that every file it left is whole.
#[test]
fn killing_a_workshop_mid_write_leaves_only_whole_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roles = [
        "backend",
        "nurse",
        "accountant",
        "electrician",
        "translator",
        "cashier",
    ];
    let mut roster = String::from("name,role,level\n");
    for i in 0..3000 {
        roster.push_str(&format!(
            "Person {i},{},{}\n",
            roles[i % roles.len()],
            ["junior", "mid", "senior", "lead"][i % 4]
        ));
    }
    write_tree(dir.path(), &[("roster.csv", &roster)]);
    let out = dir.path().join("out");
    let args = |out: &Path| -> Vec<String> {
        vec![
            "workshop".into(),
            "--roster".into(),
            dir.path().join("roster.csv").display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ]
    };
    ai_exposure().args(args(&out)).assert().success();
    let first = out.join("handouts").join("person-0.html");
    let before = std::fs::metadata(&first)
        .expect("first handout")
        .modified()
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"))
        .args(args(&out))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawns");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::fs::metadata(&first)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t <= before)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the second run never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().expect("kills");
    let status = child.wait().expect("reaped");
    assert!(
        status.code().is_none(),
        "the second run was still writing when it was killed"
    );
    let files: Vec<PathBuf> = std::fs::read_dir(out.join("handouts"))
        .expect("handouts")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(
        files.len() >= 6000,
        "the first run's handouts are all there"
    );
    for path in files.iter().filter(|p| {
        !p.file_name()
            .expect("name")
            .to_string_lossy()
            .starts_with('.')
    }) {
        let text = std::fs::read_to_string(path).expect("readable");
        if path.extension().is_some_and(|e| e == "html") {
            assert!(text.ends_with("</html>\n"), "{} is whole", path.display());
        } else {
            assert!(
                text.trim_end()
                    .ends_with("not whether the job will disappear."),
                "{} is whole",
                path.display()
            );
        }
    }
    let summary = std::fs::read_to_string(out.join("summary.json")).expect("summary");
    let _: Summary = serde_json::from_str(&summary).expect("the summary is whole JSON");
}

#[test]
fn the_summary_table_is_stable() {
    let roster = format!("{EXAMPLE}/roster.csv");
    let (stdout, _) = run(
        &[
            "workshop",
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples/workshop/answers"),
            "--roster",
            &roster,
        ],
        1,
    );
    insta::assert_snapshot!("workshop_summary_table", stdout);
}
