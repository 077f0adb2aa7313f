//! Insights: short sentences computed from the person's numbers, in the order a reader
//! needs them: what is exposed, where it comes from, what is safe, how the mix compares.
//!
//! Each sentence states facts a test can check against the assessment: a comparison says
//! "more" or "less" from the person's own central figure, and names a task whose change
//! points the same way, so no sentence can contradict itself.

use super::count;
use super::{Assessment, TaskScore, percent};
use crate::dataset::{Exposure, Level, Outlook, Role};

/// From this central figure a junior's work counts as exposed for the early-career evidence.
pub const EARLY_CAREER_CENTRAL: f64 = 0.4;

pub fn insights(role: &Role, a: &Assessment) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(high_tasks(a));
    if let Some(top) = a.tasks.iter().find(|t| t.contribution > 0.0) {
        lines.push(format!(
            "{} adds the most to your exposure: {:.1} of your {:.1} points.",
            top.title,
            top.contribution * 100.0,
            a.range.central * 100.0
        ));
    }
    if let Some(line) = low_time(a) {
        lines.push(line);
    }
    if a.range.central > 0.0 {
        let share = (a.automation_share * 100.0).round() as i64;
        lines.push(if share == 100 {
            "All of your exposure is in tasks AI tends to do in your place, which raises the risk band.".to_owned()
        } else if share == 0 {
            "All of your exposure is in tasks where AI works with you rather than instead of you, which lowers the risk band.".to_owned()
        } else if a.automation_share >= 0.5 {
            format!(
                "{} of your exposure is in tasks AI tends to do in your place, which raises the risk band.",
                percent(a.automation_share)
            )
        } else {
            format!(
                "Most of your exposure ({}) is in tasks where AI works with you rather than instead of you, which lowers the risk band.",
                percent(1.0 - a.automation_share)
            )
        });
    }
    lines.extend(skill_lines(role, a));
    if a.personalized {
        lines.push(versus_typical(a));
    }
    if let Some(next) = Level::ALL.get(a.level.index() + 1) {
        lines.push(level_shift(role, a, *next));
    }
    if a.level == Level::Junior && a.range.central >= EARLY_CAREER_CENTRAL {
        lines.push(EARLY_CAREER.to_owned());
    }
    lines
}

/// The early-career evidence, with its age band, data and date, and the counter-evidence.
pub const EARLY_CAREER: &str = "Early-career evidence: in U.S. payroll data (ADP) through mid-2025, workers aged 22 to 25 in the most AI-exposed occupations saw a 13% relative fall in employment since late 2022, and software developers of that age nearly 20% from their late-2022 peak, concentrated where AI automates rather than augments (Brynjolfsson, Chandar and Chen, 2025). Other studies find no broad effect yet: the Yale Budget Lab (2025) sees no discernible disruption of the overall U.S. labour market, and Humlum and Vestergaard (2025) rule out effects on earnings or hours above 1% in Denmark.";

fn high_tasks(a: &Assessment) -> String {
    let high: Vec<&str> = a
        .tasks
        .iter()
        .filter(|t| t.exposure == Exposure::High)
        .map(|t| t.title.as_str())
        .collect();
    let total = a.tasks.len();
    match high.len() {
        0 if total == 1 => "Your one task does not face high AI exposure.".to_owned(),
        0 => format!("None of your {total} tasks faces high AI exposure."),
        n => format!(
            "{n} of {} {} high AI exposure: {}.",
            count(total, "task", "tasks"),
            if n == 1 { "faces" } else { "face" },
            high.join(", ")
        ),
    }
}

fn low_time(a: &Assessment) -> Option<String> {
    let low: Vec<&TaskScore> = a
        .tasks
        .iter()
        .filter(|t| t.exposure == Exposure::Low)
        .collect();
    let largest = low.iter().max_by(|x, y| x.share.total_cmp(&y.share))?;
    let time: f64 = low.iter().map(|t| t.share).sum();
    Some(if low.len() == 1 {
        format!(
            "{} of your time is on work AI barely reaches: “{}”.",
            percent(time),
            largest.title
        )
    } else {
        format!(
            "{} of your time is on work AI barely reaches; the largest part is “{}” ({}).",
            percent(time),
            largest.title,
            percent(largest.share)
        )
    })
}

fn skill_lines(role: &Role, a: &Assessment) -> Vec<String> {
    let held = |outlook: Outlook| -> Vec<&str> {
        role.skills
            .iter()
            .filter(|s| s.outlook == outlook && a.skills.contains(s.id.as_str()))
            .map(|s| s.name.as_str())
            .collect()
    };
    let mut lines = Vec::new();
    let vulnerable = held(Outlook::Vulnerable);
    if !vulnerable.is_empty() {
        let verb = if vulnerable.len() == 1 {
            "faces"
        } else {
            "face"
        };
        lines.push(format!(
            "{} {verb} increasing automation pressure.",
            join_and(&vulnerable)
        ));
    }
    let resilient = held(Outlook::Resilient);
    if !resilient.is_empty() {
        let verb = if resilient.len() == 1 {
            "holds its"
        } else {
            "hold their"
        };
        lines.push(format!(
            "{} {verb} value as AI spreads.",
            join_and(&resilient)
        ));
    }
    lines
}

/// The person's own mix against the typical one for their level.
fn versus_typical(a: &Assessment) -> String {
    let typical = a.level_centrals[a.level.index()];
    let difference = a.range.central - typical;
    if points(difference) == 0 {
        format!(
            "Your mix is as exposed as the typical {} mix for this role (central {}).",
            a.level.as_str(),
            percent(typical)
        )
    } else {
        format!(
            "Your mix is {} {} exposed than the typical {} mix for this role (central {}).",
            count(
                points(difference).unsigned_abs() as usize,
                "point",
                "points"
            ),
            if difference < 0.0 { "less" } else { "more" },
            a.level.as_str(),
            percent(typical)
        )
    }
}

/// How the next level's typical mix compares with the person's own, and the task whose
/// change in time moves the figure the same way.
fn level_shift(role: &Role, a: &Assessment, next: Level) -> String {
    let theirs = a.level_centrals[next.index()];
    let difference = theirs - a.range.central;
    let whose = if a.personalized {
        "yours".to_owned()
    } else {
        format!("the typical {} mix", a.level.as_str())
    };
    let mut sentence = if points(difference) == 0 {
        format!(
            "At {} level the typical mix is about as exposed as {whose} (central {})",
            next.as_str(),
            percent(theirs)
        )
    } else {
        format!(
            "At {} level the typical mix is {} {} exposed than {whose} (central {})",
            next.as_str(),
            count(
                points(difference).unsigned_abs() as usize,
                "point",
                "points"
            ),
            if difference < 0.0 { "less" } else { "more" },
            percent(theirs)
        )
    };
    let (before, after) = (&role.level(a.level).shares, &role.level(next).shares);
    let weight = |i: usize| role.tasks[i].exposure.weight();
    // The task whose change in points pushes the figure the way it goes.
    let driver = (0..role.tasks.len())
        .map(|i| (i, (after[i] - before[i]) * weight(i)))
        .filter(|(_, change)| change.abs() > 1e-9 && (change > &0.0) == (difference > 0.0))
        .max_by(|x, y| x.1.abs().total_cmp(&y.1.abs()));
    let toward_low = (0..role.tasks.len())
        .filter(|&i| role.tasks[i].exposure == Exposure::Low)
        .map(|i| (i, after[i] - before[i]))
        .filter(|(_, gain)| *gain > 1e-9)
        .max_by(|x, y| x.1.total_cmp(&y.1));
    match (points(difference) == 0, driver, toward_low) {
        (true, _, _) => {}
        (false, Some((i, _)), _) if difference > 0.0 => sentence.push_str(&format!(
            ", as more time goes to “{}”, which AI reaches",
            role.tasks[i].title
        )),
        (false, _, Some((i, _))) if difference < 0.0 => sentence.push_str(&format!(
            ", as more time goes to “{}”, which AI barely reaches",
            role.tasks[i].title
        )),
        (false, Some((i, _)), _) => {
            sentence.push_str(&format!(", as less time goes to “{}”", role.tasks[i].title))
        }
        (false, None, _) => {}
    }
    sentence.push('.');
    sentence
}

/// A difference of central figures in whole points, as the reports round them.
fn points(difference: f64) -> i64 {
    (difference * 100.0).round() as i64
}

/// "A", "A and B", "A, B and C".
fn join_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}
