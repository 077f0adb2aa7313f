//! `workshop`: many participants, named handouts, an anonymised summary for a mixed room, the
//! paper path (worksheets in, handouts out), and errors a coach can act on.

use crate::support::{ai_exposure, run, write_tree};
use serde::Deserialize;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/workshop");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub schema_version: u32,
    pub dataset: serde_json::Value,
    pub session: Session,
    pub participants: usize,
    pub failed: usize,
    pub failures: Vec<Group>,
    pub reference_only: usize,
    pub min_group: usize,
    pub bands: Vec<Group>,
    pub roles: Vec<RoleGroup>,
    pub levels: Vec<Group>,
    pub central: Option<Spread>,
    pub task_kinds: Vec<KindStat>,
    pub exposed_tasks: Vec<TaskStat>,
    pub missing_skills: Vec<Count>,
    pub strategy_kinds: Vec<Count>,
    pub strategies: Vec<Count>,
    pub prompts: Vec<Prompts>,
    pub notes: Vec<String>,
    pub disclaimer: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub title: Option<String>,
    pub date: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub group: String,
    pub people: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleGroup {
    pub group: String,
    pub kind: String,
    pub people: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spread {
    pub lower_quartile: f64,
    pub median: f64,
    pub upper_quartile: f64,
    pub mean: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindStat {
    pub kind: String,
    pub people: usize,
    pub mean_time_share: f64,
    pub group_points: f64,
    pub exposure: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskStat {
    pub task: String,
    pub role: String,
    pub people: usize,
    pub mean_time_share: f64,
    pub group_points: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub name: String,
    pub people: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompts {
    pub band: String,
    pub prompts: Vec<String>,
}

pub fn parse_summary(json: &str) -> Summary {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("summary JSON: {e}\n{json}"))
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
    let roster = format!("{EXAMPLE}/roster.csv");
    let answers = format!("{EXAMPLE}/answers");
    let out_arg = out.to_str().expect("path").to_owned();
    let mut args = vec![
        "workshop",
        &answers,
        "--roster",
        &roster,
        "--out",
        &out_arg,
        "--json",
        "--date",
        "2026-03-14",
    ];
    args.extend_from_slice(extra);
    let (stdout, stderr) = run(&args, code);
    (parse_summary(&stdout), stderr)
}

/// No group under `min_group`, and every breakdown adds up to the room.
fn check_anonymous_and_whole(summary: &Summary) {
    let small = |people: usize| people < summary.min_group;
    for group in summary.bands.iter().chain(&summary.levels) {
        assert!(!small(group.people), "{group:?} is below --min-group");
    }
    assert!(
        summary.roles.iter().all(|g| !small(g.people)),
        "{:?}",
        summary.roles
    );
    assert!(summary.exposed_tasks.iter().all(|t| !small(t.people)));
    assert!(summary.task_kinds.iter().all(|t| !small(t.people)));
    assert!(
        summary
            .missing_skills
            .iter()
            .chain(&summary.strategies)
            .chain(&summary.strategy_kinds)
            .all(|c| !small(c.people))
    );
    if summary.central.is_some() {
        let total = |counts: Vec<usize>| counts.into_iter().sum::<usize>();
        assert_eq!(
            total(summary.bands.iter().map(|g| g.people).collect()),
            summary.participants
        );
        assert_eq!(
            total(summary.levels.iter().map(|g| g.people).collect()),
            summary.participants
        );
        assert_eq!(
            total(summary.roles.iter().map(|g| g.people).collect()),
            summary.participants
        );
    }
    assert_eq!(
        summary.failures.iter().map(|f| f.people).sum::<usize>(),
        summary.failed
    );
    if let Some(spread) = &summary.central {
        assert!(spread.lower_quartile <= spread.median && spread.median <= spread.upper_quartile);
        assert!((0.0..=1.0).contains(&spread.mean));
    }
    assert!(summary.task_kinds.iter().all(|k| !k.kind.is_empty()));
    assert!(
        summary
            .task_kinds
            .windows(2)
            .all(|w| w[0].group_points >= w[1].group_points)
    );
    assert!(
        summary
            .exposed_tasks
            .iter()
            .all(|t| !t.task.is_empty() && !t.role.is_empty() && t.mean_time_share > 0.0)
    );
    assert!(
        summary
            .missing_skills
            .iter()
            .chain(&summary.strategies)
            .chain(&summary.strategy_kinds)
            .all(|c| !c.name.is_empty())
    );
    let bands: Vec<&str> = summary.bands.iter().map(|b| b.group.as_str()).collect();
    let prompted: Vec<&str> = summary.prompts.iter().map(|p| p.band.as_str()).collect();
    assert_eq!(bands, prompted, "questions for every band shown");
}

#[test]
fn a_workshop_writes_named_handouts_and_a_summary_and_reports_the_broken_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (summary, stderr) = workshop(dir.path(), &["--title", "Spring cohort"], 1);
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
        (16, 1, 3)
    );
    assert_eq!(summary.failures[0].group, "answers do not fit the role");
    assert_eq!(
        (
            summary.session.title.as_deref(),
            summary.session.date.as_str()
        ),
        (Some("Spring cohort"), "2026-03-14")
    );
    assert!(
        summary.dataset["as_of"].is_string()
            && summary
                .disclaimer
                .starts_with("Exposure is not displacement")
    );
    let spread = summary.central.as_ref().expect("a spread for 16 people");
    assert!(spread.lower_quartile <= spread.median && spread.median <= spread.upper_quartile);
    check_anonymous_and_whole(&summary);
    assert!(
        !summary.exposed_tasks.is_empty()
            && !summary.task_kinds.is_empty()
            && !summary.missing_skills.is_empty()
            && !summary.strategy_kinds.is_empty()
            && !summary.prompts.is_empty()
    );
    assert!(
        summary
            .exposed_tasks
            .windows(2)
            .all(|w| w[0].group_points >= w[1].group_points)
    );
    assert!(
        summary
            .task_kinds
            .iter()
            .all(|k| k.mean_time_share > 0.0 && (0.0..=1.0).contains(&k.exposure))
    );

    let handouts = dir.path().join("handouts");
    for name in names() {
        let slug = ai_exposure::workshop::slug(&name);
        let html = std::fs::read_to_string(handouts.join(format!("{slug}.html")))
            .unwrap_or_else(|_| panic!("{slug}.html"));
        let markdown = std::fs::read_to_string(handouts.join(format!("{slug}.md")))
            .unwrap_or_else(|_| panic!("{slug}.md"));
        assert!(html.ends_with("</html>\n") && markdown.contains("## Tasks"));
        let heading = format!("**For {name}** · Spring cohort · 2026-03-14");
        assert!(markdown.contains(&heading), "{slug}.md names its person");
        let document = scraper::Html::parse_document(&html);
        let line: String = document
            .select(&scraper::Selector::parse("header .for").expect("selector"))
            .next()
            .expect("a line for the person")
            .text()
            .collect();
        assert_eq!(line, format!("For {name} · Spring cohort · 2026-03-14"));
        let title: String = document
            .select(&scraper::Selector::parse("title").expect("selector"))
            .next()
            .expect("a title")
            .text()
            .collect();
        assert!(
            title.starts_with(&format!("{name} · ")),
            "{title}: browser tabs and print headers name the person"
        );
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
    let summary_json =
        parse_summary(&std::fs::read_to_string(dir.path().join("summary.json")).expect("json"));
    assert_eq!(summary_json.participants, 16);
}

/// The room: twelve people in twelve roles, one with published figures only.
#[test]
fn a_mixed_room_gets_family_groups_a_chart_and_no_single_person_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let (stdout, stderr) = run(
        &[
            "workshop",
            "--roster",
            &format!("{EXAMPLE}/mixed-room.csv"),
            "--out",
            out.to_str().expect("path"),
            "--json",
        ],
        0,
    );
    let summary = parse_summary(&stdout);
    assert_eq!(
        (summary.participants, summary.failed, summary.reference_only),
        (12, 0, 1)
    );
    check_anonymous_and_whole(&summary);
    let kinds: Vec<&str> = summary.roles.iter().map(|g| g.kind.as_str()).collect();
    assert!(kinds.contains(&"family"), "{:?}", summary.roles);
    assert!(
        summary
            .roles
            .iter()
            .any(|g| g.group == "Healthcare" && g.people == 3)
    );
    assert!(!summary.task_kinds.is_empty() && !summary.strategy_kinds.is_empty());
    assert!(summary.prompts.iter().all(|p| !p.prompts.is_empty()));
    assert_eq!(summary.session.date.len(), 10, "today's date");
    assert!(stderr.contains("Wrote 12 handouts"), "{stderr}");

    let handouts = out.join("handouts");
    for (slug, name) in [
        ("sam-lee", "Sam Lee"),
        ("sam-lee-2", "Sam Lee"),
        ("jon-reyes", "Jon Reyes"),
    ] {
        let markdown = std::fs::read_to_string(handouts.join(format!("{slug}.md"))).expect(slug);
        assert!(markdown.contains(&format!("**For {name}**")), "{slug}");
    }
    let reference = std::fs::read_to_string(handouts.join("jon-reyes.md")).expect("reference");
    assert!(
        reference.starts_with("# Actuaries") && reference.contains("Published figures only"),
        "the actuary gets a reference handout: {reference}"
    );
    let dana = std::fs::read_to_string(handouts.join("dana-kim.md")).expect("dana");
    assert!(
        dana.contains("38 hours in all, shown as shares of your week")
            && dana.contains("Keep the team wiki up to date (yours)"),
        "the worksheet's hours are scaled, and the report says so"
    );

    let html = std::fs::read_to_string(out.join("summary.html")).expect("summary.html");
    let document = scraper::Html::parse_document(&html);
    let select = |s: &str| scraper::Selector::parse(s).expect("selector");
    let bars: Vec<usize> = document
        .select(&select("svg.chart g.band"))
        .map(|g| {
            g.value()
                .attr("data-people")
                .expect("people")
                .parse()
                .expect("n")
        })
        .collect();
    assert_eq!(bars.iter().sum::<usize>(), 12, "the chart shows everyone");
    assert!(
        document.select(&select("svg.chart pattern")).count() >= 3,
        "patterns, not colour"
    );
    for text in [
        &html,
        &std::fs::read_to_string(out.join("summary.md")).expect("md"),
    ] {
        for word in ["lowest", "highest", "Sam", "Dana", "Actuar"] {
            assert!(!text.contains(word), "the summary says `{word}`");
        }
    }
}

#[test]
fn small_groups_are_joined_or_merged_and_the_summary_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (open, _) = workshop(dir.path(), &["--min-group", "1"], 1);
    assert!(open.notes.is_empty(), "{:?}", open.notes);
    assert!(open.roles.len() > 5, "every role on its own");
    assert_eq!(
        open.levels.iter().map(|g| g.people).sum::<usize>(),
        16,
        "every level"
    );

    let (strict, _) = workshop(dir.path(), &["--min-group", "5"], 1);
    check_anonymous_and_whole(&strict);
    assert!(
        strict.notes.iter().any(|n| n.contains("fewer than 5")),
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
fn roster_problems_name_the_row_the_person_and_the_field_in_line_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(
        dir.path(),
        &[(
            "roster.csv",
            "name,role,level,skills\nAna,backend,junior,\nBo,astronaut,mid,\nSam Lee,nurse,senoir,\n,nurse,mid,\nDi,nurse,mid,juggling\nEd,cashier,LEAD,\nFay,electrician,Journeyman,Blueprint reading\nGus,backnd developer,mid,\n",
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
    let expected = [
        "roster.csv:3:4: field `role`: Bo: no job matches `astronaut`",
        "roster.csv:4:15: field `level`: Sam Lee: unknown level `senoir`\n  hint: did you mean `senior`?",
        "roster.csv:5:1: field `name`: the name is empty",
        "roster.csv:6:14: field `skills`: Di: unknown skill `juggling`",
    ];
    let mut last = 0;
    for line in expected {
        let at = stderr
            .find(line)
            .unwrap_or_else(|| panic!("{line}\n---\n{stderr}"));
        assert!(at >= last, "in line order: {line}");
        last = at;
    }
    assert!(
        stderr.contains("note: `backnd developer` matched"),
        "{stderr}"
    );
    let summary = parse_summary(&stdout);
    assert_eq!((summary.participants, summary.failed), (4, 4));
    let reasons: Vec<(&str, usize)> = summary
        .failures
        .iter()
        .map(|f| (f.group.as_str(), f.people))
        .collect();
    for reason in [
        ("role not found", 1),
        ("level not known", 1),
        ("no name", 1),
        ("skill not known", 1),
    ] {
        assert!(reasons.contains(&reason), "{reasons:?}");
    }

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
        stderr.contains("missing column(s): name, role, level")
            && stderr.contains("nobody could be read"),
        "{stderr}"
    );
}

#[test]
fn a_run_with_nobody_in_it_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(
        dir.path(),
        &[
            ("header-only.csv", "name,role,level\n"),
            ("answers/A.TOML/empty.txt", ""),
            ("empty/readme.txt", ""),
        ],
    );
    let (_, stderr) = run(
        &[
            "workshop",
            "--roster",
            dir.path().join("header-only.csv").to_str().expect("path"),
        ],
        1,
    );
    assert!(
        stderr.contains("nobody to run") && stderr.contains("hint:"),
        "{stderr}"
    );
    let (_, stderr) = run(
        &[
            "workshop",
            dir.path().join("answers").to_str().expect("path"),
        ],
        1,
    );
    assert!(
        stderr.contains("A.TOML: a folder, not an answers file"),
        "{stderr}"
    );
    let (_, stderr) = run(
        &["workshop", dir.path().join("empty").to_str().expect("path")],
        1,
    );
    assert!(stderr.contains("nobody to run"), "{stderr}");
    let (_, stderr) = run(&["workshop"], 2);
    assert!(
        stderr.contains("no participants") && stderr.contains("hint:"),
        "{stderr}"
    );
}

#[test]
fn semicolon_and_tab_rosters_and_levels_in_any_case_are_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(
        dir.path(),
        &[
            (
                "semicolons.csv",
                "\u{feff}Name;Role;Level;Skills\r\n\"Lee, Sam\";nurse;Senior;\"Clinical judgment; mentoring\"\r\nAna;backend;JUNIOR;\r\n",
            ),
            (
                "tabs.csv",
                "name\trole\tlevel\nAna\tbackend\tMid\nBo\tnurse\tlead\n",
            ),
        ],
    );
    for file in ["semicolons.csv", "tabs.csv"] {
        let (stdout, stderr) = run(
            &[
                "workshop",
                "--roster",
                dir.path().join(file).to_str().expect("path"),
                "--json",
                "--min-group",
                "1",
            ],
            0,
        );
        assert_eq!(parse_summary(&stdout).participants, 2, "{file}: {stderr}");
    }
    run(&["report", "--role", "nurse", "--level", "Senior"], 0);
    write_tree(
        dir.path(),
        &[(
            "senior.toml",
            "format_version = 1\nrole = \"backend\"\nlevel = \"Senior\"\n[shares]\nwrite-production-code = 1.0\n",
        )],
    );
    run(
        &[
            "report",
            "--answers",
            dir.path().join("senior.toml").to_str().expect("path"),
        ],
        0,
    );
    run(&["compare", "nurse:Lead", "backend", "--level", "MID"], 0);
    run(&["roles", "--family", "Health"], 0);
}

/// A 1,000-row roster with one stray quote: that row is an error at its line, the other 999
/// run, and the message is short.
#[test]
fn a_stray_quote_costs_one_row_not_the_room() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut roster = String::from("name,role,level\n");
    for i in 0..1000 {
        if i == 10 {
            roster.push_str("\"Person 10 (nickname,backend,junior\n");
        } else {
            roster.push_str(&format!("Person {i},backend,junior\n"));
        }
    }
    write_tree(dir.path(), &[("roster.csv", &roster)]);
    let (stdout, stderr) = run(
        &[
            "workshop",
            "--roster",
            dir.path().join("roster.csv").to_str().expect("path"),
            "--json",
        ],
        1,
    );
    let summary = parse_summary(&stdout);
    assert_eq!((summary.participants, summary.failed), (999, 1));
    assert_eq!(summary.failures[0].group, "row with broken quoting");
    assert!(
        stderr.contains("roster.csv:12:1: this row has a quote at column 1 that is never closed"),
        "{stderr}"
    );
    assert!(stderr.lines().count() < 8, "{stderr}");
    assert!(stderr.contains("1 of 1000 participants could not be read"));
}

/// Worksheet → filled roster → handout: the same report `report --answers` prints for the
/// same answers, under the person's name.
#[test]
fn the_worksheet_round_trip_gives_the_report_of_the_same_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (sheet, _) = run(
        &[
            "worksheet",
            "--role",
            "backend",
            "--level",
            "junior",
            "--name",
            "Dana Kim",
        ],
        0,
    );
    let document = scraper::Html::parse_document(&sheet);
    let select = |s: &str| scraper::Selector::parse(s).expect("selector");
    let tasks: Vec<String> = document
        .select(&select("tr[data-task]"))
        .map(|row| row.value().attr("data-task").expect("id").to_owned())
        .collect();
    let skills: Vec<String> = document
        .select(&select("li[data-skill]"))
        .map(|li| li.text().collect::<String>())
        .collect();
    assert!(tasks.len() >= 8 && skills.len() >= 6);
    let name: String = document
        .select(&select("[data-field=name]"))
        .next()
        .expect("a name line")
        .text()
        .collect();
    assert_eq!(name, "Dana Kim");

    // What Dana wrote: hours on the first five tasks, three skills ticked, one task of her own.
    let hours = [12.0, 6.0, 8.0, 4.0, 5.0];
    let own_hours = 5.0;
    let total: f64 = hours.iter().sum::<f64>() + own_hours;
    let mut header = String::from("name,role,level,skills");
    let mut row = format!("Dana Kim,backend,Junior,{}", skills[..3].join("; "));
    for (task, h) in tasks.iter().zip(hours) {
        header.push_str(&format!(",time:{task}"));
        row.push_str(&format!(",{h}h"));
    }
    header.push_str(",own1:title,own1:time,own1:exposure,own1:mode\n");
    row.push_str(&format!(
        ",Run the on-call rota,{own_hours}h,medium,AI helps\n"
    ));
    write_tree(dir.path(), &[("filled.csv", &format!("{header}{row}"))]);

    let skill_ids: Vec<String> = document
        .select(&select("li[data-skill]"))
        .take(3)
        .map(|li| format!("\"{}\"", li.value().attr("data-skill").expect("id")))
        .collect();
    let mut answers = format!(
        "format_version = 1\nrole = \"backend\"\nlevel = \"junior\"\nskills = [{}]\n\n[shares]\n",
        skill_ids.join(", ")
    );
    for (task, h) in tasks.iter().zip(hours) {
        answers.push_str(&format!("{task} = {}\n", h / total));
    }
    answers.push_str(&format!(
        "\n[[custom_tasks]]\ntitle = \"Run the on-call rota\"\nexposure = \"medium\"\nmode = \"augmentation\"\nshare = {}\n",
        own_hours / total
    ));
    write_tree(dir.path(), &[("dana.toml", &answers)]);

    let out = dir.path().join("out");
    run(
        &[
            "workshop",
            "--roster",
            dir.path().join("filled.csv").to_str().expect("path"),
            "--out",
            out.to_str().expect("path"),
            "--date",
            "2026-03-14",
        ],
        0,
    );
    let answers_path = dir.path().join("dana.toml");
    let answers_path = answers_path.to_str().expect("path");
    for (extension, format) in [("md", "markdown"), ("html", "html")] {
        let handout = std::fs::read_to_string(out.join(format!("handouts/dana-kim.{extension}")))
            .expect("handout");
        let (report, _) = run(
            &["report", "--answers", answers_path, "--format", format],
            0,
        );
        let (handout_body, report_body) = match extension {
            "md" => {
                let heading = "**For Dana Kim** · 2026-03-14\n\nTime from your worksheet: 40 hours in all, shown as shares of your week.\n\n";
                assert!(handout.contains(heading), "{handout}");
                (handout.replacen(heading, "", 1), report)
            }
            _ => {
                let body = |page: &str| page[page.find("</header>").expect("header")..].to_owned();
                (body(&handout), body(&report))
            }
        };
        assert_eq!(
            handout_body, report_body,
            "{extension} handout and report --answers"
        );
    }
}

#[test]
fn worksheets_are_written_for_every_roster_row_with_the_name_filled_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("session");
    let (_, stderr) = run(
        &[
            "workshop",
            "--worksheets",
            "--roster",
            &format!("{EXAMPLE}/mixed-room.csv"),
            "--out",
            out.to_str().expect("path"),
            "--title",
            "Spring cohort",
        ],
        1,
    );
    assert!(stderr.contains("Wrote 11 worksheets"), "{stderr}");
    assert!(
        stderr.contains("Jon Reyes: Actuaries has published figures only"),
        "no worksheet without tasks: {stderr}"
    );
    let sheet = std::fs::read_to_string(out.join("worksheets/sam-lee-2.html")).expect("sheet");
    assert!(
        sheet.contains("data-field=\"name\">Sam Lee</span>")
            && sheet.contains("Worksheet: Bartender")
    );
    let markdown = std::fs::read_to_string(out.join("worksheets/ana-souza.md")).expect("md");
    assert!(markdown.contains("Name: Ana Souza") && markdown.contains("| `time:"));
}

#[test]
fn a_reference_occupation_gets_a_reference_handout_from_an_answers_file_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_tree(
        dir.path(),
        &[
            (
                "a/jon.toml",
                "format_version = 1\nname = \"Jon Reyes\"\nrole = \"actuary\"\nlevel = \"senior\"\n",
            ),
            (
                "a/kim.toml",
                "format_version = 1\nname = \"Kim\"\nrole = \"actuary\"\nlevel = \"senior\"\nskills = [\"sql\"]\n",
            ),
        ],
    );
    let out = dir.path().join("out");
    let (stdout, stderr) = run(
        &[
            "workshop",
            dir.path().join("a").to_str().expect("path"),
            "--out",
            out.to_str().expect("path"),
            "--json",
            "--min-group",
            "1",
        ],
        1,
    );
    assert!(
        stderr.contains("kim.toml:5:1: field `skills`: Actuaries (15-2011.00) has published figures but no task-by-task view"),
        "{stderr}"
    );
    let summary = parse_summary(&stdout);
    assert_eq!((summary.participants, summary.reference_only), (1, 1));
    assert_eq!(summary.bands.iter().map(|b| b.people).sum::<usize>(), 1);
    assert!(summary.task_kinds.is_empty() && summary.strategies.is_empty());
    let handout = std::fs::read_to_string(out.join("handouts/jon-reyes.html")).expect("handout");
    assert!(handout.contains("For Jon Reyes") && handout.contains("id=\"indices\""));
}

/// Kills a large workshop while it writes, then checks that every file it left is whole, and
/// that a rerun with a smaller room leaves no temporary files and no stale handouts.
#[test]
fn killing_a_workshop_mid_write_leaves_only_whole_files_and_a_rerun_cleans_up() {
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
    let args = |roster: &str| -> Vec<String> {
        vec![
            "workshop".into(),
            "--roster".into(),
            dir.path().join(roster).display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ]
    };
    ai_exposure().args(args("roster.csv")).assert().success();
    std::fs::write(out.join("handouts/coach-notes.txt"), "mine").expect("a file of the coach's");
    let first = out.join("handouts").join("person-0.html");
    let before = std::fs::metadata(&first)
        .expect("handout")
        .modified()
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ai-exposure"))
        .args(args("roster.csv"))
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
        let name = p.file_name().expect("name").to_string_lossy().into_owned();
        !name.starts_with('.') && name != "coach-notes.txt"
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
    parse_summary(&summary);

    let smaller: String = roster.lines().take(11).map(|l| format!("{l}\n")).collect();
    write_tree(dir.path(), &[("smaller.csv", &smaller)]);
    ai_exposure().args(args("smaller.csv")).assert().success();
    let mut left: Vec<String> = std::fs::read_dir(out.join("handouts"))
        .expect("handouts")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left.len(),
        21,
        "10 people's handouts and the coach's file: {left:?}"
    );
    assert!(
        left.contains(&"coach-notes.txt".to_owned()),
        "never ours to remove"
    );
    assert!(!left.iter().any(|n| n.ends_with(".tmp")));
    let top: Vec<String> = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!top.iter().any(|n| n.ends_with(".tmp")), "{top:?}");
}

/// A second run into a folder another run holds is refused, and writes nothing there.
#[test]
fn a_concurrent_run_into_the_same_folder_refuses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let held = ai_exposure::workshop::folder::OutputFolder::open(&out, &["handouts/"])
        .expect("the first run takes the folder");
    let (_, stderr) = run(
        &[
            "workshop",
            "--roster",
            &format!("{EXAMPLE}/roster.csv"),
            "--out",
            out.to_str().expect("path"),
        ],
        1,
    );
    assert!(
        stderr.contains("another ai-exposure run is writing to") && stderr.contains("hint:"),
        "{stderr}"
    );
    assert!(!out.join("handouts").exists() && !out.join("summary.json").exists());
    drop(held);
    run(
        &[
            "workshop",
            "--roster",
            &format!("{EXAMPLE}/roster.csv"),
            "--out",
            out.to_str().expect("path"),
        ],
        0,
    );
}

#[test]
fn handouts_are_readable_by_their_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    workshop(dir.path(), &[], 1);
    for file in [
        "summary.json",
        "handouts/maya-levi.html",
        "handouts/maya-levi.md",
    ] {
        let mode = std::fs::metadata(dir.path().join(file))
            .expect(file)
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{file}");
    }
}

#[test]
fn the_summary_table_is_stable() {
    let (stdout, _) = run(
        &[
            "workshop",
            &format!("{EXAMPLE}/answers"),
            "--roster",
            &format!("{EXAMPLE}/roster.csv"),
            "--date",
            "2026-03-14",
        ],
        1,
    );
    insta::assert_snapshot!("workshop_summary_table", stdout);
}

#[test]
fn the_mixed_room_summary_table_is_stable() {
    let (stdout, _) = run(
        &[
            "workshop",
            "--roster",
            &format!("{EXAMPLE}/mixed-room.csv"),
            "--date",
            "2026-03-14",
            "--title",
            "Spring cohort",
        ],
        0,
    );
    insta::assert_snapshot!("workshop_mixed_room_table", stdout);
}
