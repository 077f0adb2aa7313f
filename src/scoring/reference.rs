//! Insights for an occupation of the reference tier: sentences built from the published
//! figures alone, each a fact a reader can check against the cited files.

use super::{count, percent};
use crate::dataset::Level;
use crate::dataset::reference::{Occupation, RangeBasis};

/// Human and GPT-4 β figures further apart than this are worth a sentence.
const NOTABLE_DISAGREEMENT: f64 = 0.15;

/// `all_change`: BLS's projected change for all occupations, to set the occupation's own
/// projection against.
pub fn reference_insights(occupation: &Occupation, level: Level, all_change: f64) -> Vec<String> {
    let mut insights = Vec::new();
    let figures = &occupation.figures;
    match occupation.range() {
        Some((_, RangeBasis::Rated)) => insights.push(
            "This occupation has no task-by-task view yet: its range averages the GPT-4 and human \
             ratings of its O*NET tasks in Eloundou et al. (2023), from directly exposed tasks \
             (low end) to tasks exposed with extra tooling (high end)."
                .to_owned(),
        ),
        Some((_, RangeBasis::Estimated)) => insights.push(format!(
            "No index rates this occupation on its own: its range is the average of {} in the \
             same SOC group, so treat it as a rough guide.",
            count(
                occupation.estimated_from.len(),
                "rated occupation",
                "rated occupations"
            )
        )),
        None => {}
    }
    if let Some(scores) = &figures.eloundou {
        let gap = scores.gpt4[1] - scores.human[1];
        if gap.abs() > NOTABLE_DISAGREEMENT {
            let who = if gap > 0.0 {
                "GPT-4 rates the occupation's tasks as more exposed than human raters do"
            } else {
                "Human raters rate the occupation's tasks as more exposed than GPT-4 does"
            };
            insights.push(format!(
                "The raters disagree: {who} (β {} against {}).",
                percent(scores.gpt4[1].max(scores.human[1])),
                percent(scores.gpt4[1].min(scores.human[1]))
            ));
        }
    }
    if let Some(microsoft) = &figures.microsoft {
        insights.push(format!(
            "In Microsoft's study of real Copilot conversations, this work scores {:.2} for how \
             much of it people already get AI help with: {}.",
            microsoft.value,
            crate::render::standing(microsoft.percentile)
        ));
    }
    if let Some(labour) = &figures.labour {
        let direction = if labour.change_percent >= 0.0 {
            "grow"
        } else {
            "shrink"
        };
        insights.push(format!(
            "BLS projects U.S. employment of {} to {direction} by {:.1}% from 2022 to 2032 \
             (all occupations: {all_change:+.1}%).",
            lower_first(&labour.title),
            labour.change_percent.abs()
        ));
    }
    insights.push(format!(
        "Published figures are one number per occupation, so the level ({}) does not change \
         them; a curated role's time mix does.",
        level.as_str()
    ));
    insights
}

/// "Software developers" → "software developers", leaving "EMTs and paramedics" alone.
fn lower_first(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    }
}
