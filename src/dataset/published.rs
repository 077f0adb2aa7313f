//! Figures from published research that the build bundles beside our own ratings: for now the
//! task-level exposure labels of Eloundou et al. (2023), which every curated task is linked
//! to. Shared with `build.rs`, so it depends on nothing but serde and its siblings.

use super::model::Exposure;
use serde::{Deserialize, Serialize};

/// The derived label file, relative to the dataset root (see `scripts/bundle-reference.py`).
pub const TASK_LABELS_FILE: &str = "reference/eloundou-2023/task_labels.csv";

/// One O*NET task statement's labels: the rubric's E0/E1/E2 mapped onto our ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskLabel {
    pub id: u32,
    pub human: Exposure,
    pub gpt4: Exposure,
}

/// Every labelled O*NET task, sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskLabels(pub Vec<TaskLabel>);

impl TaskLabels {
    /// Parses `task_labels.csv` (task_id, onet_soc_code, task_type, human, gpt4).
    pub fn parse(text: &str) -> Result<TaskLabels, String> {
        let mut labels = Vec::new();
        for (number, line) in text.lines().enumerate().skip(1) {
            let fields: Vec<&str> = line.split(',').collect();
            let bad = || format!("{TASK_LABELS_FILE}:{}: malformed row", number + 1);
            let [id, _, _, human, gpt4] = fields.as_slice() else {
                return Err(bad());
            };
            labels.push(TaskLabel {
                id: id.parse().map_err(|_| bad())?,
                human: rubric_label(human).ok_or_else(bad)?,
                gpt4: rubric_label(gpt4).ok_or_else(bad)?,
            });
        }
        labels.sort_by_key(|label| label.id);
        Ok(TaskLabels(labels))
    }

    pub fn get(&self, id: u32) -> Option<&TaskLabel> {
        self.0
            .binary_search_by_key(&id, |label| label.id)
            .ok()
            .map(|i| &self.0[i])
    }

    /// The published view of a task that covers several O*NET tasks: each rater's labels,
    /// weighted as the rubric does (E1 = 1, E2 = ½, E0 = 0), averaged and read back on the
    /// rubric. `None` when no id is known.
    pub fn rating_of(&self, ids: &[u32]) -> Option<PublishedRating> {
        let found: Vec<&TaskLabel> = ids.iter().filter_map(|&id| self.get(id)).collect();
        if found.is_empty() {
            return None;
        }
        let mean = |pick: fn(&TaskLabel) -> Exposure| {
            found.iter().map(|label| pick(label).weight()).sum::<f64>() / found.len() as f64
        };
        Some(PublishedRating {
            human: nearest_rating(mean(|l| l.human)),
            gpt4: nearest_rating(mean(|l| l.gpt4)),
        })
    }
}

/// The labels the published raters gave the O*NET tasks a curated task covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedRating {
    pub human: Exposure,
    pub gpt4: Exposure,
}

impl PublishedRating {
    /// Whether our rating agrees with neither rater: the rationale must then say why.
    pub fn departs(&self, ours: Exposure) -> bool {
        ours != self.human && ours != self.gpt4
    }
}

/// E1: an LLM alone halves the time (high); E2: only with software built on it (medium).
fn rubric_label(text: &str) -> Option<Exposure> {
    match text {
        "E0" => Some(Exposure::Low),
        "E1" => Some(Exposure::High),
        "E2" => Some(Exposure::Medium),
        _ => None,
    }
}

/// A mean weight read back on the rubric: below ¼ is low, from ¾ high, medium between.
fn nearest_rating(weight: f64) -> Exposure {
    if weight < 0.25 {
        Exposure::Low
    } else if weight < 0.75 {
        Exposure::Medium
    } else {
        Exposure::High
    }
}
