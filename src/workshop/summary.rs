//! The group summary: what a coach shows the room. Anonymised by construction: it never
//! holds a name, and every breakdown with fewer than `min_group` people is merged into
//! "other" or left out, with a note saying so.

use super::Participant;
use crate::dataset::{Meta, Outlook};
use crate::report::{DISCLAIMER, DatasetInfo, SCHEMA_VERSION, round};
use crate::scoring::{Assessment, Band, TaskRef};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many entries the "most" lists keep.
pub const TOP: usize = 5;

/// The document `workshop --json` prints and `summary.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WorkshopSummary {
    pub schema_version: u32,
    pub dataset: DatasetInfo,
    /// Participants included in the summary.
    pub participants: usize,
    /// Participants whose file or roster row could not be used.
    pub failed: usize,
    /// Smallest group shown on its own.
    pub min_group: usize,
    pub bands: Vec<GroupCount>,
    pub roles: Vec<GroupCount>,
    pub levels: Vec<GroupCount>,
    /// Spread of central exposure; absent when the group is smaller than `min_group`.
    pub central: Option<Spread>,
    /// Tasks where the group's exposed time sits, most points first.
    pub exposed_tasks: Vec<TaskStat>,
    /// Resilient skills of their own role that the most people lack.
    pub missing_skills: Vec<CountStat>,
    /// Strategies that apply to the most people.
    pub strategies: Vec<CountStat>,
    /// What was merged or left out to keep people anonymous.
    pub notes: Vec<String>,
    pub disclaimer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GroupCount {
    pub group: String,
    pub people: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Spread {
    pub min: f64,
    pub median: f64,
    pub mean: f64,
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TaskStat {
    pub task: String,
    pub role: String,
    /// People who spend time on it.
    pub people: usize,
    /// Their mean share of time on it.
    pub mean_time_share: f64,
    /// Exposure points it adds across the group, in people-equivalents (Σ contributions).
    pub group_points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CountStat {
    pub name: String,
    pub people: usize,
}

/// A task's totals across the group while they are added up.
#[derive(Default)]
struct Tally {
    task: String,
    role: String,
    people: usize,
    time: f64,
    points: f64,
}

/// Summarises assessed participants. `failed` counts those that could not be read.
pub fn summarize(
    meta: &Meta,
    group: &[(&Participant, &Assessment)],
    failed: usize,
    min_group: usize,
) -> WorkshopSummary {
    let mut notes = Vec::new();
    let min_group = min_group.max(1);
    let size = group.len();
    let shown = size >= min_group;
    if !shown && size > 0 {
        notes.push(format!(
            "The group has fewer than {min_group} people, so no breakdown or spread is shown."
        ));
    }

    let bands = Band::ALL
        .iter()
        .map(|band| {
            (
                band.label().to_owned(),
                group.iter().filter(|(_, a)| a.risk.band == *band).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut roles: BTreeMap<String, usize> = BTreeMap::new();
    let mut levels: BTreeMap<usize, usize> = BTreeMap::new();
    for (participant, assessment) in group {
        *roles.entry(participant.role.title.clone()).or_default() += 1;
        *levels.entry(assessment.level.index()).or_default() += 1;
    }
    let levels = levels
        .into_iter()
        .map(|(i, n)| (crate::dataset::Level::ALL[i].as_str().to_owned(), n))
        .collect();
    let mut roles: Vec<(String, usize)> = roles.into_iter().collect();
    roles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    let central = shown.then(|| {
        let mut figures: Vec<f64> = group.iter().map(|(_, a)| a.range.central).collect();
        figures.sort_by(f64::total_cmp);
        let middle = figures.len() / 2;
        let median = if figures.len().is_multiple_of(2) {
            (figures[middle - 1] + figures[middle]) / 2.0
        } else {
            figures[middle]
        };
        Spread {
            min: round(figures[0]),
            median: round(median),
            mean: round(figures.iter().sum::<f64>() / figures.len() as f64),
            max: round(figures[figures.len() - 1]),
        }
    });

    let mut tasks: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut missing: BTreeMap<String, usize> = BTreeMap::new();
    let mut strategies: BTreeMap<String, usize> = BTreeMap::new();
    for (participant, assessment) in group {
        let role = &participant.role;
        for scored in &assessment.tasks {
            if let TaskRef::Role(index) = scored.task {
                let tally = tasks
                    .entry((role.id.clone(), role.tasks[index].id.to_string()))
                    .or_insert_with(|| Tally {
                        task: role.tasks[index].title.to_string(),
                        role: role.title.clone(),
                        ..Tally::default()
                    });
                tally.people += 1;
                tally.time += scored.share;
                tally.points += scored.contribution;
            }
        }
        for skill in role.skills.iter().filter(|s| {
            s.outlook == Outlook::Resilient && !assessment.skills.contains(s.id.as_str())
        }) {
            *missing.entry(skill.name.to_string()).or_default() += 1;
        }
        for chosen in &assessment.strategies {
            *strategies
                .entry(role.strategies[chosen.index].title.to_string())
                .or_default() += 1;
        }
    }
    let mut exposed_tasks: Vec<TaskStat> = tasks
        .into_values()
        .filter(|t| shown && t.people >= min_group && t.points > 0.0)
        .map(|t| TaskStat {
            mean_time_share: round(t.time / t.people as f64),
            group_points: round(t.points),
            task: t.task,
            role: t.role,
            people: t.people,
        })
        .collect();
    exposed_tasks.sort_by(|a, b| {
        b.group_points
            .total_cmp(&a.group_points)
            .then_with(|| a.task.cmp(&b.task))
    });
    exposed_tasks.truncate(TOP);

    WorkshopSummary {
        schema_version: SCHEMA_VERSION,
        dataset: DatasetInfo {
            version: meta.version.clone(),
            as_of: meta.as_of.clone(),
        },
        participants: size,
        failed,
        min_group,
        bands: breakdown(bands, min_group, shown, "bands", &mut notes),
        roles: breakdown(roles, min_group, shown, "roles", &mut notes),
        levels: breakdown(levels, min_group, shown, "levels", &mut notes),
        central,
        exposed_tasks,
        missing_skills: top_counts(missing, min_group, shown),
        strategies: top_counts(strategies, min_group, shown),
        notes,
        disclaimer: DISCLAIMER.to_owned(),
    }
}

/// Groups of at least `min_group` people as they are; the rest merged into "other" when
/// that makes a large enough group, and otherwise left out. Either way, a note says so.
fn breakdown(
    counts: Vec<(String, usize)>,
    min_group: usize,
    shown: bool,
    what: &str,
    notes: &mut Vec<String>,
) -> Vec<GroupCount> {
    if !shown {
        return Vec::new();
    }
    let (large, small): (Vec<_>, Vec<_>) = counts
        .into_iter()
        .partition(|(_, people)| *people >= min_group);
    let mut groups: Vec<GroupCount> = large
        .into_iter()
        .map(|(group, people)| GroupCount { group, people })
        .collect();
    let merged: usize = small.iter().map(|(_, people)| people).sum();
    if merged >= min_group {
        groups.push(GroupCount {
            group: "other".to_owned(),
            people: merged,
        });
        notes.push(format!(
            "{} {what} with fewer than {min_group} people each are merged into \"other\".",
            small.len()
        ));
    } else if merged > 0 {
        notes.push(format!(
            "Some {what} have fewer than {min_group} people and are not shown."
        ));
    }
    groups
}

/// The [`TOP`] most common names, counting only those shared by at least `min_group` people.
fn top_counts(counts: BTreeMap<String, usize>, min_group: usize, shown: bool) -> Vec<CountStat> {
    let mut stats: Vec<CountStat> = counts
        .into_iter()
        .filter(|(_, people)| shown && *people >= min_group)
        .map(|(name, people)| CountStat { name, people })
        .collect();
    stats.sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.name.cmp(&b.name)));
    stats.truncate(TOP);
    stats
}
