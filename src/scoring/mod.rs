//! Scoring: from a role and a person's profile (time mix and skills) to a range, a risk band,
//! insights and strategies. Pure functions only; `docs/methodology.md` states the method.

mod insights;
mod moves;
mod reference;
mod strategies;

use crate::dataset::{Exposure, Level, Mode, Role};
use std::collections::BTreeSet;

pub use insights::{EARLY_CAREER, insights};
pub use moves::{MAX_MOVES, MIN_MOVE_GAIN, Move, select_moves, step_time};
pub use reference::reference_insights;
pub use strategies::{ChosenStrategy, MAX_STRATEGIES, select_strategies};

/// Band thresholds on the weighted score: Low below the first, Very high from the last.
pub const BAND_THRESHOLDS: [f64; 4] = [0.20, 0.35, 0.50, 0.65];
/// A fully augmented mix scores this much of its central figure...
pub const AUGMENTATION_FACTOR: f64 = 0.8;
/// ...and a fully automated one this much.
pub const AUTOMATION_FACTOR: f64 = 1.2;

/// A task of the person's own, outside the dataset: rated by them, so lower confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomTask {
    pub title: String,
    pub exposure: Exposure,
    pub mode: Mode,
}

/// A task in a time mix: one of the role's (by index) or the person's own.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskRef {
    Role(usize),
    Custom(CustomTask),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MixEntry {
    pub task: TaskRef,
    pub share: f64,
}

/// Who is being assessed: their level, how their time splits, the skills they have.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub level: Level,
    /// Shares sum to 1; entries with share 0 are tasks not done.
    pub mix: Vec<MixEntry>,
    pub skills: BTreeSet<String>,
    /// False for the level's default profile, true for a person's own answers.
    pub personalized: bool,
}

impl Profile {
    /// The typical person at `level`: the level's time mix and typical skills.
    pub fn typical(role: &Role, level: Level) -> Profile {
        let profile = role.level(level);
        Profile {
            level,
            mix: profile
                .shares
                .iter()
                .enumerate()
                .filter(|(_, share)| **share > 0.0)
                .map(|(i, &share)| MixEntry {
                    task: TaskRef::Role(i),
                    share,
                })
                .collect(),
            skills: profile
                .typical_skills
                .iter()
                .map(|s| s.to_string())
                .collect(),
            personalized: false,
        }
    }
}

/// The exposure range over a time mix, as fractions of working time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub lower: f64,
    pub central: f64,
    pub upper: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    Low,
    Moderate,
    Elevated,
    High,
    VeryHigh,
}

impl Band {
    pub const ALL: [Band; 5] = [
        Band::Low,
        Band::Moderate,
        Band::Elevated,
        Band::High,
        Band::VeryHigh,
    ];

    /// The band a weighted score falls in.
    pub fn of(score: f64) -> Band {
        let passed = BAND_THRESHOLDS.iter().filter(|&&t| score >= t).count();
        Band::ALL[passed]
    }

    /// Stable id, as in the JSON output.
    pub fn id(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Moderate => "moderate",
            Band::Elevated => "elevated",
            Band::High => "high",
            Band::VeryHigh => "very_high",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "Low",
            Band::Moderate => "Moderate",
            Band::Elevated => "Elevated",
            Band::High => "High",
            Band::VeryHigh => "Very high",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Risk {
    pub band: Band,
    /// The central figure weighted by the automation share.
    pub score: f64,
    /// Bands of the lower and upper figures, weighted the same way; they differ when the
    /// range straddles a threshold.
    pub lower_band: Band,
    pub upper_band: Band,
}

/// One task of the mix, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskScore {
    pub task: TaskRef,
    pub title: String,
    pub exposure: Exposure,
    pub mode: Mode,
    pub share: f64,
    /// share × weight: the points this task adds to the central figure.
    pub contribution: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub level: Level,
    pub personalized: bool,
    pub range: Range,
    /// Share of time on high-exposure tasks (equal to `range.lower`, named for conditions).
    pub high_share: f64,
    /// Part of the central figure that comes from automation-mode tasks.
    pub automation_share: f64,
    pub risk: Risk,
    /// Tasks with time on them, most contributing first.
    pub tasks: Vec<TaskScore>,
    pub skills: BTreeSet<String>,
    pub insights: Vec<String>,
    pub strategies: Vec<ChosenStrategy>,
    /// Central figure of each level's default mix, in `Level::ALL` order.
    pub level_centrals: [f64; 4],
    /// Where to move next: less exposed roles a person could move to, or why there are none.
    pub moves: Result<Vec<Move>, String>,
}

/// Scores the tasks of a mix, in the mix's order.
pub fn score_tasks(role: &Role, mix: &[MixEntry]) -> Vec<TaskScore> {
    mix.iter()
        .map(|entry| {
            let (title, exposure, mode) = match &entry.task {
                TaskRef::Role(i) => {
                    let task = &role.tasks[*i];
                    (task.title.to_string(), task.exposure, task.mode)
                }
                TaskRef::Custom(custom) => (custom.title.clone(), custom.exposure, custom.mode),
            };
            TaskScore {
                task: entry.task.clone(),
                title,
                exposure,
                mode,
                share: entry.share,
                contribution: entry.share * exposure.weight(),
            }
        })
        .collect()
}

/// lower = high time; central = Σ contributions; upper = high + medium time.
pub fn range(tasks: &[TaskScore]) -> Range {
    let time_on = |bands: &[Exposure]| {
        tasks
            .iter()
            .filter(|t| bands.contains(&t.exposure))
            .map(|t| t.share)
            .sum::<f64>()
    };
    Range {
        lower: clamp_unit(time_on(&[Exposure::High])),
        central: clamp_unit(tasks.iter().map(|t| t.contribution).sum()),
        upper: clamp_unit(time_on(&[Exposure::High, Exposure::Medium])),
    }
}

/// The part of the central figure that comes from automation-mode tasks.
pub fn automation_share(tasks: &[TaskScore]) -> f64 {
    let central: f64 = tasks.iter().map(|t| t.contribution).sum();
    if central <= 0.0 {
        return 0.0;
    }
    let automated: f64 = tasks
        .iter()
        .filter(|t| t.mode == Mode::Automation)
        .map(|t| t.contribution)
        .sum();
    clamp_unit(automated / central)
}

/// The band weighs exposure by how much of it is automation (see the methodology).
pub fn risk(range: Range, automation_share: f64) -> Risk {
    let factor = AUGMENTATION_FACTOR + (AUTOMATION_FACTOR - AUGMENTATION_FACTOR) * automation_share;
    let weigh = |figure: f64| clamp_unit(figure * factor);
    let score = weigh(range.central);
    Risk {
        band: Band::of(score),
        score,
        lower_band: Band::of(weigh(range.lower)),
        upper_band: Band::of(weigh(range.upper)),
    }
}

/// The whole assessment of `profile` against `role`.
pub fn assess(role: &Role, profile: &Profile) -> Assessment {
    let mut tasks: Vec<TaskScore> = score_tasks(role, &profile.mix)
        .into_iter()
        .filter(|t| t.share > 0.0)
        .collect();
    tasks.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then(b.share.total_cmp(&a.share))
    });
    let range = range(&tasks);
    let automation_share = automation_share(&tasks);
    let risk = risk(range, automation_share);
    let level_centrals = Level::ALL.map(|level| role.typical_central(level));
    let mut assessment = Assessment {
        level: profile.level,
        personalized: profile.personalized,
        range,
        high_share: range.lower,
        automation_share,
        risk,
        tasks,
        skills: profile.skills.clone(),
        insights: Vec::new(),
        strategies: Vec::new(),
        level_centrals,
        moves: select_moves(role, profile.level, range.central, &profile.skills),
    };
    assessment.strategies = select_strategies(role, &assessment);
    assessment.insights = insights(role, &assessment);
    assessment
}

/// Sums of floating-point shares can stray a hair outside 0..1.
fn clamp_unit(value: f64) -> f64 {
    value.clamp(0.0, 1.0)
}

/// A fraction as a whole percentage, rounding halves up so every view of a figure agrees.
pub fn percent(fraction: f64) -> String {
    format!("{}%", (fraction * 100.0).round() as i64)
}

/// "1 role", "3 roles": a count with its noun agreeing.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Why a what-if shift cannot be applied.
#[derive(Debug, Clone, PartialEq)]
pub enum ShiftError {
    UnknownTask(String),
    Unbalanced(f64),
    OutOfRange { task: String, share: f64 },
}

impl std::fmt::Display for ShiftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShiftError::UnknownTask(id) => write!(f, "`{id}` is not a task of this role"),
            ShiftError::Unbalanced(points) => write!(
                f,
                "the shifts add up to {points:+} points; they must add up to 0 so the week still sums to 100%"
            ),
            ShiftError::OutOfRange { task, share } => {
                write!(f, "{task} would take {} of your time", percent(*share))
            }
        }
    }
}

/// Moves time between the role's tasks: each change is (task id, points of time share), and
/// the changes must balance. Pure: the profile passed in is left as it was.
pub fn shift(
    role: &Role,
    profile: &Profile,
    changes: &[(String, f64)],
) -> Result<Profile, ShiftError> {
    let total: f64 = changes.iter().map(|(_, points)| points).sum();
    if total.abs() > 0.05 {
        return Err(ShiftError::Unbalanced((total * 10.0).round() / 10.0));
    }
    let mut shifted = profile.clone();
    for (id, points) in changes {
        let index = role
            .task_index(id)
            .ok_or_else(|| ShiftError::UnknownTask(id.clone()))?;
        let delta = points / 100.0;
        match shifted
            .mix
            .iter_mut()
            .find(|e| e.task == TaskRef::Role(index))
        {
            Some(entry) => entry.share += delta,
            None => shifted.mix.push(MixEntry {
                task: TaskRef::Role(index),
                share: delta,
            }),
        }
    }
    for entry in &mut shifted.mix {
        if let TaskRef::Role(index) = entry.task
            && !(-1e-9..=1.0 + 1e-9).contains(&entry.share)
        {
            return Err(ShiftError::OutOfRange {
                task: role.tasks[index].title.to_string(),
                share: entry.share,
            });
        }
        entry.share = entry.share.clamp(0.0, 1.0);
    }
    shifted.mix.retain(|e| e.share > 0.0);
    shifted.mix.sort_by_key(|e| match e.task {
        TaskRef::Role(index) => index,
        TaskRef::Custom(_) => usize::MAX,
    });
    Ok(shifted)
}
