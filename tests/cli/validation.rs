//! The validation shared by `build.rs` and `--data`: every kind of broken file is reported
//! with its file, line and field. The build fails with exactly these messages.

use ai_exposure::dataset::load::read_dir;
use ai_exposure::dataset::reference::read_reference;
use ai_exposure::dataset::validate::compile_checked;
use ai_exposure::dataset::{Dataset, Problem};
use std::path::Path;

const ROLE: &str = "roles/backend-developer.toml";

/// A copy of the real catalogues and the backend role, with `edit` applied to the role file.
/// Returns the problems and the edited text.
fn problems_after(edit: impl Fn(&str) -> String) -> (Vec<Problem>, String) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let dir = tempfile::tempdir().expect("temp dir");
    let read = |name: &str| std::fs::read_to_string(data.join(name)).expect("dataset file");
    let role = edit(&read(ROLE));
    crate::support::write_tree(
        dir.path(),
        &[
            ("dataset.toml", &read("dataset.toml")),
            ("skills.toml", &read("skills.toml")),
            ("sources.toml", &read("sources.toml")),
            (ROLE, &role),
        ],
    );
    let raw = read_dir(dir.path()).expect("directory reads");
    let base = Dataset {
        reference: read_reference(&data).expect("the reference data reads"),
        ..Dataset::empty()
    };
    let problems = compile_checked(&raw, base).err().unwrap_or_default();
    (problems, role)
}

/// 1-based line of the first line containing `marker`.
fn line_of(text: &str, marker: &str) -> usize {
    text.lines()
        .position(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("`{marker}` in the edited file"))
        + 1
}

fn only(problems: &[Problem]) -> &Problem {
    assert_eq!(problems.len(), 1, "exactly one problem: {problems:#?}");
    &problems[0]
}

#[test]
fn the_unedited_files_are_valid() {
    let (problems, _) = problems_after(str::to_owned);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn an_unknown_exposure_value_names_file_line_and_field() {
    let (problems, text) =
        problems_after(|t| t.replacen("exposure = \"high\"", "exposure = \"hgh\"", 1));
    let problem = only(&problems);
    assert!(problem.file.ends_with(ROLE), "{}", problem.file);
    assert_eq!(problem.line, line_of(&text, "\"hgh\""));
    assert_eq!(problem.field, "tasks[0].exposure");
    assert!(
        problem.message.contains("hgh") && problem.message.contains("high"),
        "{}",
        problem.message
    );
    assert!(
        problem
            .to_string()
            .starts_with(&format!("{}:{}:", problem.file, problem.line))
    );
}

#[test]
fn an_unknown_mode_value_is_reported() {
    let (problems, text) =
        problems_after(|t| t.replacen("mode = \"automation\"", "mode = \"robots\"", 1));
    let problem = only(&problems);
    assert_eq!(problem.line, line_of(&text, "\"robots\""));
    assert_eq!(problem.field, "tasks[1].mode");
}

#[test]
fn an_unknown_level_and_the_missing_one_are_both_reported() {
    let (problems, text) = problems_after(|t| t.replace("levels.lead", "levels.principal"));
    let unknown = problems
        .iter()
        .find(|p| p.message.contains("unknown level `principal`"))
        .expect("unknown level");
    assert_eq!(unknown.field, "levels.principal");
    assert_eq!(unknown.line, line_of(&text, "[levels.principal]"));
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("level `lead` is missing")),
        "{problems:#?}"
    );
}

#[test]
fn shares_that_do_not_sum_to_one_are_reported_with_the_total() {
    let (problems, text) = problems_after(|t| {
        t.replacen(
            "write-production-code = 0.30",
            "write-production-code = 0.35",
            1,
        )
    });
    let problem = only(&problems);
    assert_eq!(problem.field, "levels.junior.shares");
    assert_eq!(problem.line, line_of(&text, "[levels.junior.shares]"));
    assert!(problem.message.contains("1.050"), "{}", problem.message);
}

#[test]
fn shares_within_the_tolerance_pass() {
    let (problems, _) = problems_after(|t| {
        t.replacen(
            "write-production-code = 0.30",
            "write-production-code = 0.3005",
            1,
        )
    });
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn references_to_unknown_tasks_skills_and_sources_are_reported() {
    let (problems, text) = problems_after(|t| t.replacen("fix-bugs = 0.16", "fix-bugz = 0.16", 1));
    let problem = problems
        .iter()
        .find(|p| p.field == "levels.junior.shares.fix-bugz")
        .expect("unknown task");
    assert_eq!(problem.line, line_of(&text, "fix-bugz"));

    let (problems, text) = problems_after(|t| t.replacen("id = \"python\"", "id = \"cobol\"", 1));
    let problem = problems
        .iter()
        .find(|p| p.message.contains("unknown skill `cobol`"))
        .expect("unknown skill");
    assert_eq!(problem.line, line_of(&text, "\"cobol\""));

    let (problems, text) = problems_after(|t| t.replacen("\"peng-2023\"", "\"nobody-2031\"", 1));
    let problem = only(&problems);
    assert!(problem.message.contains("unknown source `nobody-2031`"));
    assert_eq!(problem.field, "tasks[0].sources[1]");
    assert_eq!(problem.line, line_of(&text, "nobody-2031"));
}

#[test]
fn duplicate_ids_are_reported() {
    let (problems, text) =
        problems_after(|t| t.replacen("id = \"write-tests\"", "id = \"write-production-code\"", 1));
    let problem = problems
        .iter()
        .find(|p| p.message.contains("duplicate task id"))
        .expect("duplicate");
    assert_eq!(problem.field, "tasks[1].id");
    assert_eq!(
        problem.line,
        text.lines()
            .enumerate()
            .filter(|(_, l)| l.contains("id = \"write-production-code\""))
            .nth(1)
            .expect("second")
            .0
            + 1
    );
}

#[test]
fn an_empty_rationale_is_reported() {
    let (problems, _) = problems_after(|t| {
        let start = t.find("rationale = \"Turning").expect("first rationale");
        let end = start + t[start..].find('\n').expect("line end");
        format!("{}rationale = \"  \"{}", &t[..start], &t[end..])
    });
    let problem = only(&problems);
    assert_eq!(problem.field, "tasks[0].rationale");
    assert!(problem.message.contains("empty"));
}

#[test]
fn broken_toml_syntax_is_located() {
    let (problems, text) = problems_after(|t| {
        t.replacen(
            "title = \"Write automated tests\"",
            "title = \"Write automated tests",
            1,
        )
    });
    let problem = only(&problems);
    assert!(problem.file.ends_with(ROLE));
    assert_eq!(
        problem.line,
        line_of(&text, "title = \"Write automated tests")
    );
    assert!(problem.hint.is_some());
}

#[test]
fn an_unknown_field_is_named() {
    let (problems, text) = problems_after(|t| {
        t.replacen(
            "mode = \"augmentation\"",
            "mode = \"augmentation\"\nexposure_note = \"x\"",
            1,
        )
    });
    let problem = only(&problems);
    assert!(
        problem.message.contains("unknown field `exposure_note`"),
        "{}",
        problem.message
    );
    assert_eq!(problem.line, line_of(&text, "exposure_note"));
}

/// The `[[tasks]]` block of a task id, for edits that must land in one task.
fn edit_task(text: &str, id: &str, edit: impl Fn(&str) -> String) -> String {
    let start = text
        .find(&format!("id = \"{id}\""))
        .unwrap_or_else(|| panic!("task {id}"));
    let end = text[start..]
        .find("\n[[")
        .map_or(text.len(), |offset| start + offset);
    format!(
        "{}{}{}",
        &text[..start],
        edit(&text[start..end]),
        &text[end..]
    )
}

#[test]
fn a_low_task_cannot_be_automation() {
    let (problems, text) = problems_after(|t| {
        edit_task(t, "collaborate-in-team", |task| {
            task.replace("mode = \"augmentation\"", "mode = \"automation\"")
        })
    });
    let problem = only(&problems);
    assert_eq!(problem.field, "tasks[7].mode");
    assert!(
        problem
            .message
            .contains("low-exposure task cannot be automation")
    );
    assert!(
        problem
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("augmentation")
    );
    assert!(problem.line > 0 && problem.line <= text.lines().count());
}

#[test]
fn a_rating_against_both_published_labels_needs_a_departure_and_only_then() {
    // O*NET task 21663 (coordinating with the team) is E0 for human raters and E2 for
    // GPT-4: rating it high departs from both.
    let (problems, _) = problems_after(|t| {
        edit_task(t, "collaborate-in-team", |task| {
            task.replace("exposure = \"low\"", "exposure = \"high\"")
        })
    });
    let problem = only(&problems);
    assert_eq!(problem.field, "tasks[7].exposure");
    assert!(
        problem.message.contains("human raters"),
        "{}",
        problem.message
    );
    assert!(problem.hint.as_deref().unwrap_or("").contains("departure"));

    let (problems, _) = problems_after(|t| {
        edit_task(t, "collaborate-in-team", |task| {
            format!("{task}departure = \"A test of the rule.\"\n")
        })
    });
    let problem = only(&problems);
    assert_eq!(problem.field, "tasks[7].departure");
    assert!(problem.message.contains("no departure to explain"));
}

#[test]
fn an_unknown_or_doubled_onet_task_is_reported() {
    let (problems, _) = problems_after(|t| {
        edit_task(t, "write-production-code", |task| {
            task.replace(
                "onet_tasks = [21667]",
                "onet_tasks = [21667, 21667, 99999999]",
            )
        })
    });
    assert!(
        problems
            .iter()
            .any(|p| p.field == "tasks[0].onet_tasks[2]" && p.message.contains("99999999")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.field == "tasks[0].onet_tasks[1]" && p.message.contains("listed twice")),
        "{problems:#?}"
    );
}

#[test]
fn a_task_linked_nowhere_without_a_reason_fails_the_content_check() {
    use ai_exposure::dataset::content::{self, Scope};
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let dir = tempfile::tempdir().expect("temp dir");
    let read = |name: &str| std::fs::read_to_string(data.join(name)).expect("dataset file");
    let role = edit_task(&read(ROLE), "write-production-code", |task| {
        task.replace("onet_tasks = [21667]\n", "")
    });
    crate::support::write_tree(
        dir.path(),
        &[
            ("dataset.toml", &read("dataset.toml")),
            ("skills.toml", &read("skills.toml")),
            ("sources.toml", &read("sources.toml")),
            (ROLE, &role),
        ],
    );
    let raw = read_dir(dir.path()).expect("directory reads");
    let base = Dataset {
        reference: read_reference(&data).expect("the reference data reads"),
        ..Dataset::empty()
    };
    let dataset = compile_checked(&raw, base).expect("structurally valid");
    let findings = content::check(
        &dataset,
        &Scope {
            only: None,
            family_sizes: false,
        },
    );
    assert!(
        findings
            .iter()
            .any(|f| f.field.to_string() == "tasks[0].onet_tasks"
                && f.message.contains("linked to no O*NET task")),
        "{findings:#?}"
    );
}
