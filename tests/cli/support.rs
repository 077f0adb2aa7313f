//! A fluent way to run the real binary with a clean, predictable environment.

use assert_cmd::Command;
use std::path::Path;

/// The binary under test, with the environment scrubbed: no colour overrides from the
/// developer's shell, a fixed width, and a plain terminal type.
pub fn ai_exposure() -> Command {
    let mut command = Command::cargo_bin("ai-exposure").expect("binary is built");
    command
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100")
        .env("TERM", "xterm")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs with `args`, expects exit code `code`, returns (stdout, stderr).
pub fn run(args: &[&str], code: i32) -> (String, String) {
    let output = ai_exposure().args(args).output().expect("binary runs");
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert_eq!(
        output.status.code(),
        Some(code),
        "`ai-exposure {}` exited {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        args.join(" "),
        output.status.code()
    );
    (stdout, stderr)
}

/// Writes `files` (relative path → content) under `dir`.
pub fn write_tree(dir: &Path, files: &[(&str, &str)]) {
    for (path, content) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dirs");
        std::fs::write(path, content).expect("write file");
    }
}

/// The JSON document of `report --json`, mirrored field by field: a renamed, removed or
/// unexpected field fails deserialization, so the contract cannot drift silently.
pub mod schema {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Report {
        pub schema_version: u32,
        pub dataset: Dataset,
        pub role: Role,
        pub level: String,
        pub level_name: String,
        pub personalized: bool,
        pub exposure: Exposure,
        pub risk: Risk,
        pub tasks: Vec<Task>,
        pub skills: Vec<Skill>,
        pub insights: Vec<String>,
        pub strategies: Vec<Strategy>,
        pub sources: Vec<Source>,
        pub indices: Vec<Index>,
        pub labour_market: Option<Labour>,
        pub closest_roles: Vec<RoleLink>,
        pub adjacent_roles: Vec<Adjacent>,
        pub moves_note: Option<String>,
        pub what_if: Option<WhatIf>,
        pub disclaimer: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Index {
        pub id: String,
        pub title: String,
        pub value: f64,
        pub percentile: f64,
        pub source: String,
        pub published_for: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Labour {
        pub code: String,
        pub title: String,
        pub employment_2022: u64,
        pub employment_2032: u64,
        pub change_percent: f64,
        pub openings_per_year: u64,
        pub median_wage: Option<u32>,
        pub wage_at_least: bool,
        pub entry_education: String,
        pub source: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RoleLink {
        pub id: String,
        pub title: String,
        pub reason: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Adjacent {
        pub id: String,
        pub title: String,
        pub central: f64,
        pub shared_skills: Vec<String>,
        pub skills_to_build: Vec<String>,
        pub median_wage: Option<u32>,
        pub wage_change: Option<f64>,
        pub entry_education: String,
        pub education: String,
        pub step: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct WhatIf {
        pub changes: Vec<Shift>,
        pub before: Snapshot,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Shift {
        pub task: String,
        pub points: f64,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Snapshot {
        pub lower: f64,
        pub central: f64,
        pub upper: f64,
        pub band: String,
        pub label: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Dataset {
        pub version: String,
        pub as_of: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Role {
        pub id: String,
        pub title: String,
        pub family: String,
        pub soc_code: String,
        pub tier: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Exposure {
        pub lower: f64,
        pub central: f64,
        pub upper: f64,
        pub high_share: Option<f64>,
        pub automation_share: Option<f64>,
        pub basis: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Risk {
        pub band: String,
        pub label: String,
        pub score: f64,
        pub lower_band: String,
        pub upper_band: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Task {
        pub id: Option<String>,
        pub title: String,
        pub exposure: String,
        pub mode: String,
        pub time_share: f64,
        pub contribution: f64,
        pub rationale: String,
        pub sources: Vec<String>,
        pub custom: bool,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Skill {
        pub id: String,
        pub name: String,
        pub outlook: String,
        pub rationale: String,
        pub held: bool,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Strategy {
        pub id: String,
        pub title: String,
        pub detail: String,
        pub because: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Source {
        pub id: String,
        pub title: String,
        pub authors: String,
        pub year: u16,
        pub link: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RoleEntry {
        pub id: String,
        pub title: String,
        pub family: String,
        pub soc_code: String,
        pub aliases: Vec<String>,
        pub levels: Vec<String>,
        pub tier: String,
    }

    pub fn report(json: &str) -> Report {
        serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("report JSON does not match the contract: {e}\n{json}"))
    }
}

/// The bundled dataset, plain output at 100 columns: what `assess` is driven with in-process.
pub fn plain_config() -> ai_exposure::config::Config {
    ai_exposure::config::Config {
        store: ai_exposure::dataset::Store::bundled(),
        style: ai_exposure::render::Style {
            color: false,
            width: 100,
            task_ids: false,
        },
        no_input: false,
    }
}
