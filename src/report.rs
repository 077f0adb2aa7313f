//! The report as a document: what every renderer prints and what `--json` emits.
//!
//! Field names are the stable JSON contract (`schema_version` 2, listed in the README).
//! Adding a field is fine; renaming or removing one bumps the version. Version 2 added the
//! reference tier: `role.tier`, `indices`, `labour_market`, `closest_roles`, and made the
//! shares in `exposure` optional (a reference occupation has no task mix).

use crate::dataset::reference::{Figures, Occupation, RangeBasis, RoleLink};
use crate::dataset::{Exposure, Level, Meta, Mode, Outlook, Role};
use crate::scoring::{Assessment, Band, TaskRef};
use schemars::JsonSchema;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 2;

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
    /// What people in this role call the level ("Journeyman").
    pub level_name: String,
    pub personalized: bool,
    pub exposure: ExposureInfo,
    pub risk: RiskInfo,
    pub tasks: Vec<TaskLine>,
    pub skills: Vec<SkillLine>,
    pub insights: Vec<String>,
    pub strategies: Vec<StrategyLine>,
    pub sources: Vec<SourceLine>,
    /// What the published indices say about the occupation, for either tier.
    pub indices: Vec<IndexLine>,
    /// U.S. employment, wage and outlook (BLS), when published.
    pub labour_market: Option<LabourLine>,
    /// For a reference occupation: the curated roles with a task-by-task view of it, or the
    /// closest ones.
    pub closest_roles: Vec<RoleLinkLine>,
    /// Where to move next: up to three less exposed roles a person could move to.
    pub adjacent_roles: Vec<AdjacentLine>,
    /// Why `adjacent_roles` is empty, when it is.
    pub moves_note: Option<String>,
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
    /// Names of that role's skills the person already has.
    pub shared_skills: Vec<String>,
    /// Names of that role's skills the person does not have yet, resilient ones first.
    pub skills_to_build: Vec<String>,
    /// Its U.S. median annual wage (BLS 2022).
    pub median_wage: Option<u32>,
    /// Its median wage against this role's, as a fraction (0.12 = 12% more).
    pub wage_change: Option<f64>,
    /// BLS's typical education needed for entry.
    pub entry_education: String,
    /// How that education compares with this role's, in words.
    pub education: String,
    /// How long the step usually takes, in words.
    pub step: String,
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
    pub tier: Tier,
}

/// A curated role (our task-by-task ratings) or a reference occupation (published figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Curated,
    Reference,
}

/// How the exposure range was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Our task ratings weighed by a time mix.
    TaskMix,
    /// The mean of the GPT-4 and human ratings in Eloundou et al. (2023).
    PublishedRatings,
    /// No index rates the occupation: the mean of the rated occupations in its SOC group.
    GroupEstimate,
}

/// One published figure about the occupation.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct IndexLine {
    /// `eloundou_gpt4_beta`, `eloundou_human_beta` or `microsoft_applicability`.
    pub id: String,
    pub title: String,
    pub value: f64,
    /// Percentile (0-100) among all occupations the index rates.
    pub percentile: f64,
    /// Source id (see `ai-exposure sources`).
    pub source: String,
    /// The occupation the figure is published for, when broader than this one.
    pub published_for: Option<String>,
}

/// BLS Employment Projections 2022-32.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LabourLine {
    /// The BLS occupation the figures are for (may be a broader group).
    pub code: String,
    pub title: String,
    pub employment_2022: u64,
    pub employment_2032: u64,
    pub change_percent: f64,
    pub openings_per_year: u64,
    pub median_wage: Option<u32>,
    /// The median wage is a floor ("at least"), as BLS publishes it.
    pub wage_at_least: bool,
    pub entry_education: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoleLinkLine {
    pub id: String,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ExposureInfo {
    pub lower: f64,
    pub central: f64,
    pub upper: f64,
    /// Share of time on high-exposure tasks; `null` for a reference occupation.
    pub high_share: Option<f64>,
    /// Part of the central figure that comes from automation-mode tasks; `null` for a
    /// reference occupation.
    pub automation_share: Option<f64>,
    pub basis: Basis,
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
    /// A DOI link or web address where the work can be found.
    pub link: Option<String>,
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
            tier: Tier::Curated,
        },
        level: assessment.level,
        level_name: role.level(assessment.level).name.to_string(),
        personalized: assessment.personalized,
        exposure: ExposureInfo {
            lower: round(assessment.range.lower),
            central: round(assessment.range.central),
            upper: round(assessment.range.upper),
            high_share: Some(round(assessment.high_share)),
            automation_share: Some(round(assessment.automation_share)),
            basis: Basis::TaskMix,
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
                link: s.link(),
            })
            .chain(index_sources(meta, &role.figures))
            .chain(evidence_sources(meta, &assessment.insights))
            .fold(Vec::new(), |mut unique: Vec<SourceLine>, source| {
                if !unique.iter().any(|u| u.id == source.id) {
                    unique.push(source);
                }
                unique
            }),
        indices: index_lines(&role.figures, &role.soc_code),
        labour_market: labour_line(&role.figures),
        closest_roles: Vec::new(),
        adjacent_roles: assessment
            .moves
            .as_ref()
            .map(|moves| {
                moves
                    .iter()
                    .map(|m| {
                        let n = &role.neighbours[m.neighbour];
                        AdjacentLine {
                            id: n.id.to_string(),
                            title: n.title.to_string(),
                            central: round(n.centrals[assessment.level.index()]),
                            shared_skills: m.shared.clone(),
                            skills_to_build: m.to_build.clone(),
                            median_wage: n.entry.median_wage,
                            wage_change: m.wage_change.map(round),
                            entry_education: n.entry.education.to_string(),
                            education: m.education.clone(),
                            step: m.step.clone(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        moves_note: assessment.moves.as_ref().err().cloned(),
        what_if: None,
        disclaimer: DISCLAIMER.to_owned(),
    }
}

/// Four decimals: enough for any share a person can enter, and stable JSON across platforms.
/// Never negative zero, which JSON readers print as `-0.0`.
pub fn round(value: f64) -> f64 {
    let rounded = (value * 10_000.0).round() / 10_000.0;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// The report for an occupation of the reference tier: published figures side by side, a
/// range and band derived from them (`docs/methodology.md` §10), and the curated roles to
/// turn to for a task-by-task view. It has no tasks: we never invent them.
pub fn build_reference(meta: &Meta, occupation: &Occupation, level: Level) -> Report {
    let (range, basis) = match occupation.range() {
        Some((range, RangeBasis::Rated)) => (range, Basis::PublishedRatings),
        Some((range, RangeBasis::Estimated)) => (range, Basis::GroupEstimate),
        None => ([0.0; 3], Basis::GroupEstimate),
    };
    let [lower, central, upper] = range;
    let band = Band::of(central);
    let family_levels = meta
        .families
        .iter()
        .find(|f| f.id == occupation.family)
        .map(|f| f.levels[level.index()].name.clone())
        .unwrap_or_else(|| level.as_str().to_owned());
    let mut links: Vec<&RoleLink> = occupation.curated.iter().collect();
    links.extend(&occupation.closest);
    Report {
        schema_version: SCHEMA_VERSION,
        dataset: DatasetInfo {
            version: meta.version.clone(),
            as_of: meta.as_of.clone(),
        },
        role: RoleInfo {
            id: occupation.code.clone(),
            title: occupation.title.clone(),
            family: occupation.family.clone(),
            soc_code: occupation.code.clone(),
            tier: Tier::Reference,
        },
        level,
        level_name: family_levels,
        personalized: false,
        exposure: ExposureInfo {
            lower: round(lower),
            central: round(central),
            upper: round(upper),
            high_share: None,
            automation_share: None,
            basis,
        },
        risk: RiskInfo {
            band: band.id().to_owned(),
            label: band.label().to_owned(),
            score: round(central),
            lower_band: Band::of(lower).id().to_owned(),
            upper_band: Band::of(upper).id().to_owned(),
        },
        tasks: Vec::new(),
        skills: Vec::new(),
        insights: crate::scoring::reference_insights(
            occupation,
            level,
            meta.all_occupations_change,
        ),
        strategies: Vec::new(),
        sources: index_sources(meta, &occupation.figures)
            .chain(
                meta.index_sources
                    .iter()
                    .filter(|s| basis == Basis::GroupEstimate && s.id == "eloundou-2023")
                    .map(source_line),
            )
            .collect(),
        indices: index_lines(&occupation.figures, &occupation.code),
        labour_market: labour_line(&occupation.figures),
        closest_roles: links
            .into_iter()
            .map(|link| RoleLinkLine {
                id: link.id.clone(),
                title: link.title.clone(),
                reason: link.reason.clone(),
            })
            .collect(),
        adjacent_roles: Vec::new(),
        moves_note: None,
        what_if: None,
        disclaimer: DISCLAIMER.to_owned(),
    }
}

/// The published figures for a SOC code, each with its percentile.
fn index_lines(figures: &Figures, code: &str) -> Vec<IndexLine> {
    let mut lines = Vec::new();
    if let Some(scores) = &figures.eloundou {
        lines.push(IndexLine {
            id: "eloundou_gpt4_beta".into(),
            title: "Eloundou et al. (2023), GPT-4 rating, β".into(),
            value: round(scores.gpt4[1]),
            percentile: round(scores.gpt4_beta_percentile),
            source: "eloundou-2023".into(),
            published_for: None,
        });
        lines.push(IndexLine {
            id: "eloundou_human_beta".into(),
            title: "Eloundou et al. (2023), human rating, β".into(),
            value: round(scores.human[1]),
            percentile: round(scores.human_beta_percentile),
            source: "eloundou-2023".into(),
            published_for: None,
        });
    }
    if let Some(microsoft) = &figures.microsoft {
        lines.push(IndexLine {
            id: "microsoft_applicability".into(),
            title: "Microsoft (2025), AI applicability score".into(),
            value: round(microsoft.value),
            percentile: round(microsoft.percentile),
            source: "microsoft-2025".into(),
            published_for: (!code.starts_with(&microsoft.code))
                .then(|| format!("{} ({})", microsoft.title, microsoft.code)),
        });
    }
    lines
}

fn labour_line(figures: &Figures) -> Option<LabourLine> {
    figures.labour.as_ref().map(|l| LabourLine {
        code: l.code.clone(),
        title: l.title.clone(),
        employment_2022: (l.employment_2022 * 1000.0).round() as u64,
        employment_2032: (l.employment_2032 * 1000.0).round() as u64,
        change_percent: round(l.change_percent),
        openings_per_year: (l.openings * 1000.0).round() as u64,
        median_wage: l.median_wage,
        wage_at_least: l.wage_at_least,
        entry_education: l.education.clone(),
        source: "bls-ep-2023".into(),
    })
}

/// The sources of the early-career evidence, when a report quotes it.
fn evidence_sources<'a>(
    meta: &'a Meta,
    insights: &[String],
) -> impl Iterator<Item = SourceLine> + 'a {
    let quoted = insights.iter().any(|i| i == crate::scoring::EARLY_CAREER);
    meta.index_sources
        .iter()
        .filter(move |s| {
            quoted
                && ["canaries-2025", "yale-budget-lab-2025", "humlum-2025"].contains(&s.id.as_str())
        })
        .map(source_line)
}

fn source_line(s: &crate::dataset::compiled::IndexSource) -> SourceLine {
    SourceLine {
        id: s.id.clone(),
        title: s.title.clone(),
        authors: s.authors.clone(),
        year: s.year,
        link: s.link.clone(),
    }
}

/// The sources of whichever published figures a report shows.
fn index_sources<'a>(meta: &'a Meta, figures: &Figures) -> impl Iterator<Item = SourceLine> + 'a {
    let shown = [
        ("eloundou-2023", figures.eloundou.is_some()),
        ("microsoft-2025", figures.microsoft.is_some()),
        ("bls-ep-2023", figures.labour.is_some()),
    ];
    meta.index_sources
        .iter()
        .filter(move |s| shown.iter().any(|(id, on)| *on && s.id == *id))
        .map(source_line)
}

pub fn band_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "enum": ["low", "moderate", "elevated", "high", "very_high"] })
}

/// One entry of `roles --json`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoleEntry {
    /// A curated role's id, or a reference occupation's O*NET-SOC code.
    pub id: String,
    pub title: String,
    /// Family id, e.g. `software`.
    pub family: String,
    /// O*NET-SOC 2019 code (6-digit SOC for the few occupations O*NET does not detail).
    pub soc_code: String,
    pub aliases: Vec<String>,
    pub levels: Vec<Level>,
    pub tier: Tier,
}

/// The JSON Schema of a document this tool prints, pretty-printed with a trailing newline.
pub fn schema_of<T: JsonSchema>() -> String {
    crate::render::json::render(&schemars::schema_for!(T))
}
