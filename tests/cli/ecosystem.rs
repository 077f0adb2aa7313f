//! What the tool offers around its commands: JSON Schemas, completions, the manual, help
//! texts, and the promise that it never touches the network.

use crate::support::run;
use std::path::Path;

const SUBCOMMANDS: [&str; 9] = [
    "assess",
    "report",
    "roles",
    "validate",
    "sources",
    "schema",
    "completions",
    "man",
    "help",
];

#[test]
fn the_published_json_schemas_match_what_the_binary_prints() {
    for document in ["report", "roles", "compare", "workshop"] {
        let (printed, _) = run(&["schema", document], 0);
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("docs/schema/{document}.schema.json"));
        let committed = std::fs::read_to_string(&path).expect("committed schema");
        assert_eq!(
            printed,
            committed,
            "{} is out of date: run `ai-exposure schema {document} > {}`",
            path.display(),
            path.display()
        );
        let schema: serde_json::Value = serde_json::from_str(&printed).expect("the schema is JSON");
        assert!(
            schema["$schema"]
                .as_str()
                .is_some_and(|s| s.contains("json-schema.org"))
        );
    }
}

#[test]
fn the_report_schema_names_every_field_of_the_document() {
    let (schema, _) = run(&["schema", "report"], 0);
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("JSON");
    let properties = schema["properties"].as_object().expect("properties");
    let (report, _) = run(
        &["report", "--role", "backend", "--level", "junior", "--json"],
        0,
    );
    let report: serde_json::Value = serde_json::from_str(&report).expect("JSON");
    for field in report.as_object().expect("object").keys() {
        assert!(
            properties.contains_key(field),
            "the schema describes `{field}`"
        );
    }
    let bands = &schema["$defs"]["RiskInfo"]["properties"]["band"]["enum"];
    assert_eq!(
        bands,
        &serde_json::json!(["low", "moderate", "elevated", "high", "very_high"])
    );
}

#[test]
fn completions_cover_every_subcommand_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (script, _) = run(&["completions", shell], 0);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion mentions `{sub}`");
        }
        assert!(
            script.contains("--role") || script.contains("-l role"),
            "{shell} completes flags"
        );
    }
}

#[test]
fn the_manual_documents_every_subcommand_and_the_exit_codes() {
    let (page, _) = run(&["man"], 0);
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "roff: {}",
        &page[..40.min(page.len())]
    );
    for sub in SUBCOMMANDS.iter().filter(|s| **s != "help") {
        assert!(
            page.contains(&format!("AI-EXPOSURE {}", sub.to_uppercase())),
            "a section for `{sub}`"
        );
    }
    assert!(page.contains("Exit codes") && page.contains("130"));
}

#[test]
fn every_subcommand_help_has_examples() {
    for sub in SUBCOMMANDS.iter().filter(|s| **s != "help") {
        let (help, _) = run(&[sub, "--help"], 0);
        assert!(help.contains("Examples:"), "`{sub} --help` has examples");
        insta::assert_snapshot!(format!("help_{sub}"), help);
    }
}

/// What the tool links and runs, searched for anything that could open a connection. The
/// strace test below checks the behaviour; this one checks the code, and runs everywhere.
#[test]
fn no_code_or_dependency_can_reach_the_network() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![root.join("build.rs")];
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).expect("src/") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                sources.push(path);
            }
        }
    }
    for path in sources {
        let text = std::fs::read_to_string(&path).expect("source");
        for banned in [
            "std::net",
            "TcpStream",
            "UdpSocket",
            "TcpListener",
            "ToSocketAddrs",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    for crate_name in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "h2",
        "tokio",
        "rustls",
        "openssl",
        "native-tls",
        "mio",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{crate_name}\"")),
            "Cargo.lock pulls in `{crate_name}`"
        );
    }
}

#[test]
fn no_command_opens_a_socket_under_strace() {
    let Ok(status) = std::process::Command::new("strace").arg("-V").output() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run this check: .ci/run installs strace"
        );
        eprintln!("strace is not installed here; skipping (CI installs it and runs this check)");
        return;
    };
    assert!(status.status.success());
    let binary = assert_cmd::cargo::cargo_bin("ai-exposure");
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("trace");
    let examples =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/answers-backend-junior.toml");
    for args in [
        vec!["report", "--role", "backend", "--level", "junior"],
        vec![
            "report",
            "--answers",
            examples.to_str().expect("path"),
            "--json",
        ],
        vec!["roles", "--json"],
        vec!["validate"],
        vec!["sources"],
    ] {
        let output = std::process::Command::new("strace")
            .args(["-f", "-e", "trace=socket,connect,sendto,bind", "-o"])
            .arg(&log)
            .arg(&binary)
            .args(&args)
            .output()
            .expect("strace runs");
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let trace = std::fs::read_to_string(&log).expect("trace");
        let calls: Vec<&str> = trace
            .lines()
            .filter(|l| !l.contains("+++ exited"))
            .collect();
        assert!(
            calls.is_empty(),
            "{args:?} made network calls:\n{}",
            calls.join("\n")
        );
    }
}
