//! `--data DIR`: a dataset directory laid over the bundled one, with the same validation.

use crate::support::{run, schema, write_tree};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/custom-dataset");

#[test]
fn the_example_custom_dataset_validates_and_reports() {
    let (stdout, _) = run(&["validate", EXAMPLE], 0);
    assert!(stdout.starts_with("ok: "), "{stdout}");
    let (json, _) = run(
        &[
            "--data",
            EXAMPLE,
            "report",
            "--role",
            "claims-handler",
            "--level",
            "junior",
            "--json",
        ],
        0,
    );
    let report = schema::report(&json);
    assert_eq!(report.role.id, "claims-handler");
    assert!(
        report.skills.iter().any(|s| s.id == "fraud-awareness"),
        "the overlay's own skill"
    );
    assert!(
        report.skills.iter().any(|s| s.id == "empathy"),
        "a bundled skill"
    );
}

#[test]
fn overlay_roles_join_the_bundled_ones() {
    let (json, _) = run(&["--data", EXAMPLE, "roles", "--json"], 0);
    let roles: Vec<schema::RoleEntry> = serde_json::from_str(&json).expect("array");
    assert!(roles.iter().any(|r| r.id == "claims-handler"));
    assert!(roles.iter().any(|r| r.id == "backend-developer"));
    let (json, _) = run(
        &[
            "--data",
            EXAMPLE,
            "report",
            "--role",
            "motor claims handler",
            "--level",
            "lead",
            "--json",
        ],
        0,
    );
    assert_eq!(
        schema::report(&json).role.id,
        "claims-handler",
        "aliases of overlay roles resolve"
    );
}

#[test]
fn an_overlay_role_with_a_bundled_id_replaces_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/roles/electrician.toml"
    ))
    .expect("electrician");
    // Every task made high; unlinked, so no published label asks for a departure.
    let mut role: toml::Table = toml::from_str(&original).expect("electrician parses");
    for task in role["tasks"].as_array_mut().expect("tasks") {
        let task = task.as_table_mut().expect("a task table");
        task.insert("exposure".into(), "high".into());
        task.insert("mode".into(), "augmentation".into());
        task.remove("onet_tasks");
        task.remove("departure");
        task.insert(
            "onet_none".into(),
            "Not linked in this test overlay.".into(),
        );
    }
    let edited = toml::to_string(&role).expect("serialises");
    write_tree(dir.path(), &[("roles/electrician.toml", &edited)]);
    let path = dir.path().to_str().expect("path");
    let (before, _) = run(
        &[
            "report",
            "--role",
            "electrician",
            "--level",
            "junior",
            "--json",
        ],
        0,
    );
    let (after, _) = run(
        &[
            "--data",
            path,
            "report",
            "--role",
            "electrician",
            "--level",
            "junior",
            "--json",
        ],
        0,
    );
    assert!(
        schema::report(&after).exposure.central > schema::report(&before).exposure.central + 0.5
    );
}

/// A copy of the example overlay (its role and skills) with `edit` applied to the role file.
fn edited_example(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let role =
        std::fs::read_to_string(format!("{EXAMPLE}/roles/claims-handler.toml")).expect("role");
    let skills = std::fs::read_to_string(format!("{EXAMPLE}/skills.toml")).expect("skills");
    write_tree(
        dir.path(),
        &[
            ("roles/claims-handler.toml", &edit(role)),
            ("skills.toml", &skills),
        ],
    );
    dir
}

#[test]
fn a_broken_overlay_is_refused_with_file_line_column_field_and_hint() {
    let dir = edited_example(|role| {
        role.replace("family = \"finance\"", "family = \"insurance\"")
            .replace("\"frey-osborne-2017\"", "\"smith-2099\"")
    });
    let path = dir.path().to_str().expect("path");
    let (stdout, stderr) = run(
        &[
            "--data",
            path,
            "report",
            "--role",
            "claims-handler",
            "--level",
            "junior",
        ],
        1,
    );
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("claims-handler.toml:4:1: field `family`: unknown family `insurance`"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown source `smith-2099`"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
    let (listing, _) = run(&["validate", path], 1);
    assert!(
        listing.contains("unknown family `insurance`") && listing.contains("smith-2099"),
        "{listing}"
    );
}

#[test]
fn an_overlay_rationale_copied_from_the_bundled_data_is_flagged() {
    let bundled = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/roles/backend-developer.toml"
    ))
    .expect("backend");
    let copied = bundled
        .split("rationale = \"")
        .nth(1)
        .expect("a rationale")
        .split('"')
        .next()
        .expect("text")
        .to_owned();
    let dir = edited_example(|role| {
        role.replacen(
            "rationale = \"Reading the claim form, matching it to the policy and confirming cover is the kind of structured extraction that document models now finish without help.\"",
            &format!("rationale = \"{copied}\""),
            1,
        )
    });
    let (listing, _) = run(&["validate", dir.path().to_str().expect("path")], 1);
    assert!(
        listing.contains("near-copy of roles/backend-developer.toml"),
        "{listing}"
    );
}

/// An overlay is input too: a title carrying an escape sequence would retitle or clear the
/// terminal of whoever runs a report, so it is refused, and the message does not echo it.
#[test]
fn an_overlay_title_with_an_escape_sequence_is_refused() {
    let dir = edited_example(|role| {
        role.replacen(
            "title = \"Register new claims and check cover\"",
            "title = \"Register new claims\\u001b]0;OWNED\\u0007\\u001b[2J\"",
            1,
        )
    });
    let path = dir.path().to_str().expect("path");
    let (stdout, stderr) = run(
        &[
            "--data",
            path,
            "report",
            "--role",
            "claims-handler",
            "--level",
            "mid",
        ],
        1,
    );
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("claims-handler.toml:14:")
            && stderr.contains("field `tasks[0].title`: holds the control character U+001B"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
}
