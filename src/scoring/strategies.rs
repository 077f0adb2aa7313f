//! Choosing strategies for a person: a strategy applies when all its conditions hold, and
//! says *because* with the person's own figures for each of them.

use super::{Assessment, TaskRef, percent};
use crate::dataset::Role;
use crate::dataset::compiled::Conditions;

/// A report shows at most this many strategies: a plan, not a catalogue.
pub const MAX_STRATEGIES: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct ChosenStrategy {
    /// Index into `Role::strategies`.
    pub index: usize,
    pub because: String,
}

/// Strategies whose conditions all hold, most specific first, then in dataset order.
pub fn select_strategies(role: &Role, assessment: &Assessment) -> Vec<ChosenStrategy> {
    let mut chosen: Vec<(usize, ChosenStrategy)> = role
        .strategies
        .iter()
        .enumerate()
        .filter_map(|(index, strategy)| {
            let reasons = reasons(role, assessment, &strategy.when)?;
            let because = if reasons.is_empty() {
                "it helps anyone in this role, whatever their mix".to_owned()
            } else {
                reasons.join("; ")
            };
            Some((strategy.when.count(), ChosenStrategy { index, because }))
        })
        .collect();
    chosen.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.index.cmp(&b.1.index)));
    chosen
        .into_iter()
        .take(MAX_STRATEGIES)
        .map(|(_, c)| c)
        .collect()
}

/// The reason for each condition, or `None` when one does not hold.
fn reasons(role: &Role, a: &Assessment, when: &Conditions) -> Option<Vec<String>> {
    let mut reasons = Vec::new();
    if !when.level.is_empty() {
        if !when.level.contains(&a.level) {
            return None;
        }
        reasons.push(format!("you are at {} level", a.level.as_str()));
    }
    if let Some(limit) = when.high_share_above {
        if !above(a.high_share, limit) {
            return None;
        }
        reasons.push(format!(
            "{} of your time is on high-exposure tasks (above {})",
            percent(a.high_share),
            percent(limit)
        ));
    }
    if let Some(limit) = when.high_share_below {
        if !below(a.high_share, limit) {
            return None;
        }
        reasons.push(format!(
            "only {} of your time is on high-exposure tasks (below {})",
            percent(a.high_share),
            percent(limit)
        ));
    }
    if let Some(limit) = when.central_above {
        if !above(a.range.central, limit) {
            return None;
        }
        reasons.push(format!(
            "your central exposure is {} (above {})",
            percent(a.range.central),
            percent(limit)
        ));
    }
    if let Some(limit) = when.central_below {
        if !below(a.range.central, limit) {
            return None;
        }
        reasons.push(format!(
            "your central exposure is {} (below {})",
            percent(a.range.central),
            percent(limit)
        ));
    }
    if let Some(limit) = when.automation_share_above {
        if !above(a.automation_share, limit) {
            return None;
        }
        reasons.push(format!(
            "{} of your exposure is in tasks AI tends to automate (above {})",
            percent(a.automation_share),
            percent(limit)
        ));
    }
    if !when.lacks_any.is_empty() {
        let missing: Vec<&str> = when
            .lacks_any
            .iter()
            .filter(|s| !a.skills.contains(*s))
            .map(|s| skill_name(role, s))
            .collect();
        if missing.is_empty() {
            return None;
        }
        reasons.push(if a.personalized {
            format!("you did not list {}", join_names(&missing))
        } else {
            format!(
                "{} is not among a typical {}'s skills",
                join_names(&missing),
                a.level.as_str()
            )
        });
    }
    if !when.has_any.is_empty() {
        let held: Vec<&str> = when
            .has_any
            .iter()
            .filter(|s| a.skills.contains(*s))
            .map(|s| skill_name(role, s))
            .collect();
        if held.is_empty() {
            return None;
        }
        reasons.push(format!("you have {}", join_names(&held)));
    }
    for (task_id, limit) in &when.tasks_above {
        let index = role.task_index(task_id)?;
        let share: f64 = a
            .tasks
            .iter()
            .filter(|t| t.task == TaskRef::Role(index))
            .map(|t| t.share)
            .sum();
        if !above(share, *limit) {
            return None;
        }
        reasons.push(format!(
            "{} of your time goes to “{}” (above {})",
            percent(share),
            role.tasks[index].title,
            percent(*limit)
        ));
    }
    Some(reasons)
}

/// Shares are sums of fractions, so 0.2 + 0.1 must not count as above 0.3.
const EPSILON: f64 = 1e-9;

fn above(value: f64, limit: f64) -> bool {
    value > limit + EPSILON
}

fn below(value: f64, limit: f64) -> bool {
    value < limit - EPSILON
}

/// The display name of a skill; catalogue skills outside the role fall back to their id.
fn skill_name<'a>(role: &'a Role, id: &'a str) -> &'a str {
    role.skills
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.name.as_str())
}

/// "A", "A or B", "A, B or C".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {}", rest.join(", "), last),
    }
}
