//! The report as a document: what every renderer prints and what `--json` emits.
//!
//! Field names are the stable JSON contract (`schema_version` 1, listed in PRODUCT.md and the
//! README). Adding a field is fine; renaming or removing one bumps the version.

use crate::dataset::{Exposure, Level, Meta, Mode, Outlook, Role, RoleSummary};
use crate::scoring::{Assessment, TaskRef};
use schemars::JsonSchema;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

/// The dataset's enums are shared with `build.rs`, which does not depend on schemars, so
/// their schemas are written here: each is a string with a fixed set of values.
macro_rules! string_enum_schema {
    ($($type:ty: $name:literal = [$($value:literal),+];)+) => {
        $(impl JsonSchema for $type {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($value),+] })
            }
        })+
    };
}

string_enum_schema! {
    Exposure: "Exposure" = ["high", "medium", "low"];
    Mode: "Mode" = ["automation", "augmentation"];
    Level: "Level" = ["junior", "mid", "senior", "lead"];
    Outlook: "Outlook" = ["vulnerable", "resilient"];
}

/// Printed with every report, in every format.
pub const DISCLAIMER: &str = "Exposure is not displacement: it measures how much of the work AI can reach today, not whether the job will disappear.";

/// The document `report --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    pub schema_version: u32,
    pub dataset: DatasetInfo,
    pub role: RoleInfo,
    pub level: Level,
    pub personalized: bool,
    pub exposure: ExposureInfo,
    pub risk: RiskInfo,
    pub tasks: Vec<TaskLine>,
    pub skills: Vec<SkillLine>,
    pub insights: Vec<String>,
    pub strategies: Vec<StrategyLine>,
    pub sources: Vec<SourceLine>,
    /// Where to move next: up to three less exposed roles that share skills with this one.
    pub adjacent_roles: Vec<AdjacentLine>,
    /// Set by `--shift`: the time moved and the figures before it; the rest of the report
    /// describes the mix after it.
    pub what_if: Option<WhatIf>,
    pub disclaimer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WhatIf {
    pub changes: Vec<ShiftLine>,
    pub before: Snapshot,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ShiftLine {
    pub task: String,
    /// Points of time share moved to (+) or from (-) the task.
    pub points: f64,
}

/// The headline figures of a mix.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Snapshot {
    pub lower: f64,
    pub central: f64,
    pub upper: f64,
    #[schemars(schema_with = "band_schema")]
    pub band: String,
    pub label: String,
}

impl WhatIf {
    pub fn new(before: &Assessment, changes: &[(String, f64)]) -> Self {
        WhatIf {
            changes: changes
                .iter()
                .map(|(task, points)| ShiftLine {
                    task: task.clone(),
                    points: *points,
                })
                .collect(),
            before: Snapshot {
                lower: round(before.range.lower),
                central: round(before.range.central),
                upper: round(before.range.upper),
                band: before.risk.band.id().to_owned(),
                label: before.risk.band.label().to_owned(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AdjacentLine {
    pub id: String,
    pub title: String,
    /// The role's typical central exposure at the same level.
    pub central: f64,
    /// Names of the skills both roles list.
    pub shared_skills: Vec<String>,
    /// Names of that role's skills the person does not have yet, resilient ones first.
    pub skills_to_build: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DatasetInfo {
    pub version: String,
    pub as_of: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoleInfo {
    pub id: String,
    pub title: String,
    pub family: String,
    pub soc_code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ExposureInfo {
    pub lower: f64,
    pub central: f64,
    pub upper: f64,
    /// Share of time on high-exposure tasks.
    pub high_share: f64,
    /// Part of the central figure that comes from automation-mode tasks.
    pub automation_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RiskInfo {
    /// One of `low`, `moderate`, `elevated`, `high`, `very_high`.
    #[schemars(schema_with = "band_schema")]
    pub band: String,
    pub label: String,
    /// The weighted score the band comes from.
    pub score: f64,
    /// Bands at the two ends of the range; they differ when the range straddles a threshold.
    #[schemars(schema_with = "band_schema")]
    pub lower_band: String,
    #[schemars(schema_with = "band_schema")]
    pub upper_band: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TaskLine {
    /// The dataset's task id; `null` for a task the person added.
    pub id: Option<String>,
    pub title: String,
    pub exposure: Exposure,
    pub mode: Mode,
    pub time_share: f64,
    pub contribution: f64,
    pub rationale: String,
    pub sources: Vec<String>,
    /// True for a task the person added and rated themselves: lower confidence.
    pub custom: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SkillLine {
    pub id: String,
    pub name: String,
    pub outlook: Outlook,
    pub rationale: String,
    /// Whether the person has it (for a default report: whether it is typical at the level).
    pub held: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StrategyLine {
    pub id: String,
    pub title: String,
    pub detail: String,
    pub because: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SourceLine {
    pub id: String,
    pub title: String,
    pub authors: String,
    pub year: u16,
}

/// Rationale shown for a task the person added: we have no research on it.
const CUSTOM_RATIONALE: &str =
    "Your own task, rated by you: lower confidence than the researched tasks.";

pub fn build(meta: &Meta, role: &Role, assessment: &Assessment) -> Report {
    let tasks = assessment
        .tasks
        .iter()
        .map(|scored| match &scored.task {
            TaskRef::Role(i) => {
                let task = &role.tasks[*i];
                TaskLine {
                    id: Some(task.id.to_string()),
                    title: task.title.to_string(),
                    exposure: task.exposure,
                    mode: task.mode,
                    time_share: scored.share,
                    contribution: scored.contribution,
                    rationale: task.rationale.to_string(),
                    sources: task.sources.iter().map(ToString::to_string).collect(),
                    custom: false,
                }
            }
            TaskRef::Custom(custom) => TaskLine {
                id: None,
                title: custom.title.clone(),
                exposure: custom.exposure,
                mode: custom.mode,
                time_share: scored.share,
                contribution: scored.contribution,
                rationale: CUSTOM_RATIONALE.to_owned(),
                sources: Vec::new(),
                custom: true,
            },
        })
        .collect::<Vec<_>>();
    let cited: Vec<String> = tasks
        .iter()
        .flat_map(|t| t.sources.iter().cloned())
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        dataset: DatasetInfo {
            version: meta.version.clone(),
            as_of: meta.as_of.clone(),
        },
        role: RoleInfo {
            id: role.id.clone(),
            title: role.title.clone(),
            family: role.family.id.clone(),
            soc_code: role.soc_code.clone(),
        },
        level: assessment.level,
        personalized: assessment.personalized,
        exposure: ExposureInfo {
            lower: round(assessment.range.lower),
            central: round(assessment.range.central),
            upper: round(assessment.range.upper),
            high_share: round(assessment.high_share),
            automation_share: round(assessment.automation_share),
        },
        risk: RiskInfo {
            band: assessment.risk.band.id().to_owned(),
            label: assessment.risk.band.label().to_owned(),
            score: round(assessment.risk.score),
            lower_band: assessment.risk.lower_band.id().to_owned(),
            upper_band: assessment.risk.upper_band.id().to_owned(),
        },
        tasks: tasks
            .into_iter()
            .map(|t| TaskLine {
                time_share: round(t.time_share),
                contribution: round(t.contribution),
                ..t
            })
            .collect(),
        skills: role
            .skills
            .iter()
            .map(|s| SkillLine {
                id: s.id.to_string(),
                name: s.name.to_string(),
                outlook: s.outlook,
                rationale: s.rationale.to_string(),
                held: assessment.skills.contains(s.id.as_str()),
            })
            .collect(),
        insights: assessment.insights.clone(),
        strategies: assessment
            .strategies
            .iter()
            .map(|chosen| {
                let strategy = &role.strategies[chosen.index];
                StrategyLine {
                    id: strategy.id.to_string(),
                    title: strategy.title.to_string(),
                    detail: strategy.detail.to_string(),
                    because: chosen.because.clone(),
                }
            })
            .collect(),
        sources: role
            .sources
            .iter()
            .filter(|s| cited.iter().any(|c| s.id == *c))
            .map(|s| SourceLine {
                id: s.id.to_string(),
                title: s.title.to_string(),
                authors: s.authors.to_string(),
                year: s.year,
            })
            .collect(),
        adjacent_roles: assessment
            .moves
            .iter()
            .map(|m| {
                let n = &role.neighbours[m.neighbour];
                AdjacentLine {
                    id: n.id.to_string(),
                    title: n.title.to_string(),
                    central: round(n.centrals[assessment.level.index()]),
                    shared_skills: n
                        .shared_skills
                        .iter()
                        .map(|id| {
                            role.skills
                                .iter()
                                .find(|s| s.id == **id)
                                .map_or_else(|| id.to_string(), |s| s.name.to_string())
                        })
                        .collect(),
                    skills_to_build: m.skills_to_build.clone(),
                }
            })
            .collect(),
        what_if: None,
        disclaimer: DISCLAIMER.to_owned(),
    }
}

/// Four decimals: enough for any share a person can enter, and stable JSON across platforms.
pub fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

pub fn band_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "enum": ["low", "moderate", "elevated", "high", "very_high"] })
}

/// One entry of `roles --json`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoleEntry {
    pub id: String,
    pub title: String,
    /// Family id, e.g. `software`.
    pub family: String,
    /// O*NET-SOC 2019 code.
    pub soc_code: String,
    pub aliases: Vec<String>,
    pub levels: Vec<Level>,
}

impl From<RoleSummary> for RoleEntry {
    fn from(role: RoleSummary) -> Self {
        RoleEntry {
            id: role.id,
            title: role.title,
            family: role.family,
            soc_code: role.soc_code,
            aliases: role.aliases,
            levels: role.levels,
        }
    }
}

/// The JSON Schema of a document this tool prints, pretty-printed with a trailing newline.
pub fn schema_of<T: JsonSchema>() -> String {
    crate::render::json::render(&schemars::schema_for!(T))
}
