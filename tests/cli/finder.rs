//! The one role finder: names as people type them, and the same answer at every entry point.

use crate::support::{run, schema, write_tree};
use ai_exposure::dataset::names::Target;
use ai_exposure::answers::Answers;
use ai_exposure::dataset::{Level, Store};
use ai_exposure::scoring::Profile;
use ai_exposure::finder::{Found, find};
use ai_exposure::prompts::flow::choose_role;
use ai_exposure::prompts::scripted::{Answer, ScriptedPrompter};

/// The SOC code a target stands for: a curated role's or an occupation's own.
fn soc_of(store: &Store, target: Target) -> String {
    match target {
        Target::Role(i) => store.role_at(i).expect("decodes").soc_code,
        Target::Occupation(i) => store.occupation_at(i).expect("decodes").code,
    }
}

fn id_of(store: &Store, target: Target) -> String {
    match target {
        Target::Role(i) => store.role_at(i).expect("decodes").id,
        Target::Occupation(i) => store.occupation_at(i).expect("decodes").code,
    }
}

fn resolved(found: &Found) -> Option<Target> {
    match found {
        Found::Exact { target, .. }
        | Found::Closest(target)
        | Found::Commonest { target, .. } => Some(*target),
        Found::Ambiguous(_) | Found::Unknown(_) => None,
    }
}

/// `tests/fixtures/typed_names.csv`: job names as people type them, with the SOC codes
/// each may rightly resolve to (empty: too vague to resolve at all).
fn typed_names() -> Vec<(String, Vec<String>)> {
    let text = include_str!("../fixtures/typed_names.csv");
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (name, socs) = line.rsplit_once(',').expect("name,soc");
            (
                name.to_owned(),
                socs.split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn typed_names_find_their_occupation_and_never_a_wrong_one() {
    let store = Store::bundled();
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    let names = typed_names();
    for (name, allowed) in &names {
        let found = find(&store, name).expect("finds");
        match (resolved(&found), allowed.is_empty()) {
            (Some(target), true) => wrong.push(format!(
                "{name}: too vague to resolve, but resolved to {}",
                id_of(&store, target)
            )),
            (Some(target), false) => {
                let soc = soc_of(&store, target);
                if !allowed.iter().any(|a| soc.starts_with(a.as_str())) {
                    wrong.push(format!("{name}: resolved to {soc}, expected {allowed:?}"));
                }
            }
            (None, true) => {}
            (None, false) => missed.push(format!("{name}: {found:?}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "names resolved to a different occupation:\n{}",
        wrong.join("\n")
    );
    let found_share = 1.0 - missed.len() as f64 / names.len() as f64;
    assert!(
        found_share >= 0.95,
        "only {:.0}% of typed names resolve; missed:\n{}",
        found_share * 100.0,
        missed.join("\n")
    );
}

#[test]
fn names_resolve_by_kind_as_documented() {
    let store = Store::bundled();
    let expect = |name: &str, id: &str| {
        let found = find(&store, name).expect("finds");
        let target = resolved(&found).unwrap_or_else(|| panic!("{name}: {found:?}"));
        assert_eq!(id_of(&store, target), id, "{name}");
    };
    // Exact id, alias and title, whatever the case, spacing, hyphens and plurals.
    expect("backend-developer", "backend-developer");
    expect("BACKEND", "backend-developer");
    expect("attorney", "lawyer");
    expect("Registered Nurses", "registered-nurse");
    expect("registered-nurse", "registered-nurse");
    expect("  registered   nurse ", "registered-nurse");
    // SOC codes, 8- and 6-digit; a code with one curated role opens that role.
    expect("29-1141.00", "registered-nurse");
    expect("47-2111", "electrician");
    expect("17-2051", "17-2051.00");
    // Typos inside a word are corrected; level words are not part of the job.
    expect("electrcian", "electrician");
    expect("senior accountant", "accountant");
}

#[test]
fn a_prefix_that_ends_inside_a_word_never_resolves() {
    let store = Store::bundled();
    for name in ["back", "electric", "nurs", "develop", "accoun"] {
        let found = find(&store, name).expect("finds");
        assert!(resolved(&found).is_none(), "{name} resolved: {found:?}");
    }
}

#[test]
fn vague_names_list_the_candidates_and_nonsense_finds_nothing() {
    let store = Store::bundled();
    let Found::Ambiguous(teachers) = find(&store, "teacher").expect("finds") else {
        panic!("teacher is ambiguous");
    };
    let ids: Vec<String> = teachers.iter().map(|&t| id_of(&store, t)).collect();
    assert!(
        ids.contains(&"elementary-school-teacher".to_owned())
            && ids.contains(&"secondary-school-teacher".to_owned()),
        "{ids:?}"
    );
    assert!(matches!(
        find(&store, "xyzzy").expect("finds"),
        Found::Unknown(ref none) if none.is_empty()
    ));

    let (stdout, stderr) = run(&["report", "--role", "teacher", "--level", "mid"], 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("could be several jobs"), "{stderr}");
    assert!(stderr.contains("elementary-school-teacher"), "{stderr}");
    let (_, stderr) = run(&["report", "--role", "xyzzy", "--level", "mid"], 2);
    assert!(stderr.contains("no job matches `xyzzy`"), "{stderr}");
}

#[test]
fn a_non_exact_match_says_what_it_matched_on_stderr() {
    let (stdout, stderr) = run(
        &["report", "--role", "electrcian", "--level", "mid", "--json"],
        0,
    );
    assert_eq!(schema::report(&stdout).role.id, "electrician");
    assert!(
        stderr.contains("note: `electrcian` matched Electrician (electrician)"),
        "{stderr}"
    );
    let (_, stderr) = run(
        &["report", "--role", "electrician", "--level", "mid", "--json"],
        0,
    );
    assert!(stderr.is_empty(), "an exact name needs no note: {stderr}");
}

/// Names whose answer every entry point must agree on.
const SHARED_NAMES: &[&str] = &[
    "Registered Nurses",
    "attorney",
    "electrcian",
    "47-2111",
    "senior accountant",
    "civil engineer",
    "bartenders",
];

#[test]
fn the_same_name_gives_the_same_answer_everywhere() {
    let store = Store::bundled();
    let dir = tempfile::tempdir().expect("temp dir");
    for name in SHARED_NAMES {
        let expected = id_of(
            &store,
            resolved(&find(&store, name).expect("finds")).expect("resolves"),
        );

        let (stdout, _) = run(&["report", "--role", name, "--level", "mid", "--json"], 0);
        assert_eq!(schema::report(&stdout).role.id, expected, "report: {name}");

        let (stdout, _) = run(&["compare", name, "waiter", "--json"], 0);
        let compared: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
        assert_eq!(compared["roles"][0]["id"], expected.as_str(), "compare: {name}");

        let (stdout, _) = run(&["roles", name, "--json"], 0);
        let listed: Vec<schema::RoleEntry> = serde_json::from_str(&stdout).expect("JSON");
        assert_eq!(listed[0].id, expected, "roles: {name}");

        if let Some(role) = store.role_by_id(&expected).expect("decodes") {
            let mut answers =
                Answers::from_profile(&role, &Profile::typical(&role, Level::Mid));
            answers.role = (*name).to_owned();
            write_tree(dir.path(), &[("answers.toml", &answers.to_toml())]);
            let answers = dir.path().join("answers.toml");
            let (stdout, _) = run(
                &["report", "--answers", answers.to_str().expect("UTF-8"), "--json"],
                0,
            );
            assert_eq!(schema::report(&stdout).role.id, expected, "answers: {name}");

            let mut prompter = ScriptedPrompter::new([Answer::Text((*name).to_owned())]);
            let role = choose_role(&mut prompter, &store).unwrap_or_else(|e| {
                panic!("assess: {name}: {e}: {:?}", prompter.transcript)
            });
            assert_eq!(role.id, expected, "assess: {name}");
        }
    }
}
