//! The `validate` command, on the bundled dataset and on a directory.

use crate::support::{run, write_tree};

#[test]
fn the_bundled_dataset_validates_with_a_summary() {
    let (stdout, _) = run(&["validate"], 0);
    assert!(stdout.starts_with("ok: dataset "), "{stdout}");
    assert!(
        stdout.contains(" roles in ") && stdout.contains("tasks by exposure: high "),
        "{stdout}"
    );
}

#[test]
fn a_broken_directory_lists_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let role = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/roles/electrician.toml"
    ))
    .expect("electrician")
    .replacen("exposure = \"low\"", "exposure = \"lowish\"", 1);
    write_tree(
        dir.path(),
        &[
            ("roles/electrician.toml", &role),
            ("roles/other.toml", "id = \"other\"\n"),
        ],
    );
    let path = dir.path().to_str().expect("UTF-8 path");
    let (stdout, stderr) = run(&["validate", path], 1);
    assert!(
        stdout.contains("electrician.toml:") && stdout.contains("lowish"),
        "{stdout}"
    );
    assert!(
        stdout.contains("other.toml:1:1:") && stdout.contains("missing field"),
        "{stdout}"
    );
    assert!(stdout.contains("hint:"), "{stdout}");
    assert!(stderr.contains("2 problem(s) found"), "{stderr}");
}

#[test]
fn a_missing_directory_is_a_clear_failure() {
    let (_, stderr) = run(&["validate", "/nonexistent/dataset"], 1);
    assert!(stderr.contains("/nonexistent/dataset"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
}
