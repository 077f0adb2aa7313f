//! The dataset as written in TOML, before validation.
//!
//! These types mirror the files under `data/` one to one (see `docs/data-format.md`) and are
//! shared with `build.rs`, which is why this module depends on nothing but serde.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much of a task today's AI can take on (rubric in `docs/methodology.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    High,
    Medium,
    Low,
}

impl Exposure {
    pub const ALL: [Exposure; 3] = [Exposure::High, Exposure::Medium, Exposure::Low];

    /// The share of a task's time that counts towards the central exposure figure.
    pub fn weight(self) -> f64 {
        match self {
            Exposure::High => 1.0,
            Exposure::Medium => 0.5,
            Exposure::Low => 0.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Exposure::High => "high",
            Exposure::Medium => "medium",
            Exposure::Low => "low",
        }
    }
}

/// Whether AI tends to do the task in place of the person or alongside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Automation,
    Augmentation,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Automation => "automation",
            Mode::Augmentation => "augmentation",
        }
    }
}

/// Seniority. The order matters: it is the order reports and prompts list levels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Junior,
    Mid,
    Senior,
    Lead,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Junior, Level::Mid, Level::Senior, Level::Lead];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
            Level::Lead => "lead",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn parse(text: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == text)
    }
}

/// Whether a skill is under pressure from AI or holds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    Vulnerable,
    Resilient,
}

impl Outlook {
    pub fn as_str(self) -> &'static str {
        match self {
            Outlook::Vulnerable => "vulnerable",
            Outlook::Resilient => "resilient",
        }
    }
}

/// `data/dataset.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub version: String,
    pub as_of: String,
    #[serde(default)]
    pub families: Vec<RawFamily>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFamily {
    pub id: String,
    pub title: String,
    /// SOC code prefixes (`"47"`, `"13-2"`, `"11-3021"`) whose reference occupations belong
    /// to this family; the longest matching prefix across families wins.
    #[serde(default)]
    pub soc_prefixes: Vec<String>,
    /// Display names of the four levels for the family's roles, keyed by level id.
    #[serde(default)]
    pub levels: BTreeMap<String, RawLevelName>,
}

/// What people in a family call a level, and one line on what it means there.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevelName {
    pub name: String,
    pub description: String,
}

/// `data/skills.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSkillCatalog {
    #[serde(default)]
    pub skills: Vec<RawSkill>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSkill {
    pub id: String,
    pub name: String,
    pub outlook: Outlook,
    pub rationale: String,
}

/// `data/sources.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSourceCatalog {
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    pub authors: String,
    pub year: u16,
    pub contribution: String,
    /// A DOI (`10.xxxx/...`), preferred where the work has one.
    pub doi: Option<String>,
    /// A stable web address, for works without a DOI.
    pub url: Option<String>,
}

/// `data/names.toml`: names people type for occupations that have no curated role, each
/// decided by which occupation it names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNames {
    #[serde(default)]
    pub names: Vec<RawName>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawName {
    pub name: String,
    /// The O*NET-SOC code of the occupation it names.
    pub soc_code: String,
}

/// `data/roles/ROLE.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub id: String,
    pub title: String,
    pub family: String,
    pub soc_code: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub tasks: Vec<RawTask>,
    #[serde(default)]
    pub levels: BTreeMap<String, RawLevel>,
    #[serde(default)]
    pub skills: Vec<RawRoleSkill>,
    #[serde(default)]
    pub strategies: Vec<RawStrategy>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    pub id: String,
    pub title: String,
    pub exposure: Exposure,
    pub mode: Mode,
    pub rationale: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// O*NET task IDs this task covers (Eloundou et al.'s `full_labelset.tsv`).
    #[serde(default)]
    pub onet_tasks: Vec<u32>,
    /// Why the task has no O*NET counterpart, when `onet_tasks` is empty.
    pub onet_none: Option<String>,
    /// Why our rating departs from both published labels of the linked tasks.
    pub departure: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    /// What people in this role call the level, overriding the family's name.
    pub name: Option<String>,
    /// One line on what the level means in this role, overriding the family's.
    pub description: Option<String>,
    pub note: String,
    #[serde(default)]
    pub typical_skills: Vec<String>,
    #[serde(default)]
    pub shares: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoleSkill {
    pub id: String,
    pub outlook: Option<Outlook>,
    pub rationale: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStrategy {
    pub id: String,
    pub title: String,
    pub detail: String,
    #[serde(default)]
    pub when: RawConditions,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConditions {
    #[serde(default)]
    pub level: Vec<Level>,
    pub high_share_above: Option<f64>,
    pub high_share_below: Option<f64>,
    pub central_above: Option<f64>,
    pub central_below: Option<f64>,
    pub automation_share_above: Option<f64>,
    #[serde(default)]
    pub lacks_any: Vec<String>,
    #[serde(default)]
    pub has_any: Vec<String>,
    #[serde(default)]
    pub tasks_above: BTreeMap<String, f64>,
}
