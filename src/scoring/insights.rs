//! Insights: short sentences computed from the person's numbers, in the order a reader
//! needs them: what is exposed, where it comes from, what is safe, how levels differ.

use super::{Assessment, percent};
use crate::dataset::{Exposure, Level, Outlook, Role};

pub fn insights(role: &Role, a: &Assessment) -> Vec<String> {
    let mut lines = Vec::new();

    let high: Vec<&str> = a
        .tasks
        .iter()
        .filter(|t| t.exposure == Exposure::High)
        .map(|t| t.title.as_str())
        .collect();
    lines.push(match high.len() {
        0 => format!(
            "None of your {} tasks faces high AI exposure.",
            a.tasks.len()
        ),
        n => format!(
            "{n} of {} {} {} high AI exposure: {}.",
            a.tasks.len(),
            if a.tasks.len() == 1 { "task" } else { "tasks" },
            if n == 1 { "faces" } else { "face" },
            high.join(", ")
        ),
    });

    if let Some(top) = a.tasks.iter().find(|t| t.contribution > 0.0) {
        lines.push(format!(
            "{} adds the most to your exposure: {:.1} of your {:.1} points.",
            top.title,
            top.contribution * 100.0,
            a.range.central * 100.0
        ));
    }

    let low_time: f64 = a
        .tasks
        .iter()
        .filter(|t| t.exposure == Exposure::Low)
        .map(|t| t.share)
        .sum();
    let mut low: Vec<&super::TaskScore> = a
        .tasks
        .iter()
        .filter(|t| t.exposure == Exposure::Low)
        .collect();
    low.sort_by(|x, y| y.share.total_cmp(&x.share));
    if !low.is_empty() {
        let names: Vec<&str> = low.iter().take(2).map(|t| t.title.as_str()).collect();
        lines.push(format!(
            "{} of your time is on work AI barely reaches, led by {}.",
            percent(low_time),
            names.join(" and ").to_lowercase()
        ));
    }

    if a.range.central > 0.0 {
        lines.push(if a.automation_share >= 0.5 {
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

    let held = |outlook: Outlook| -> Vec<&str> {
        role.skills
            .iter()
            .filter(|s| s.outlook == outlook && a.skills.contains(s.id.as_str()))
            .map(|s| s.name.as_str())
            .collect()
    };
    let vulnerable = held(Outlook::Vulnerable);
    if !vulnerable.is_empty() {
        let verb = if vulnerable.len() == 1 {
            "faces"
        } else {
            "face"
        };
        lines.push(format!(
            "{} {verb} increasing automation pressure.",
            vulnerable.join(", ")
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
            resilient.join(", ")
        ));
    }

    let own_default = a.level_centrals[a.level.index()];
    if a.personalized {
        let difference = (a.range.central - own_default) * 100.0;
        lines.push(if difference.abs() < 0.5 {
            format!(
                "Your mix is as exposed as a typical {} {}.",
                a.level.as_str(),
                role.title.to_lowercase()
            )
        } else {
            format!(
                "Your mix is {:.0} points {} exposed than a typical {} {}.",
                difference.abs(),
                if difference < 0.0 { "less" } else { "more" },
                a.level.as_str(),
                role.title.to_lowercase()
            )
        });
    }
    if let Some(next) = Level::ALL.get(a.level.index() + 1) {
        lines.push(level_shift(
            role,
            a.level,
            *next,
            own_default,
            a.level_centrals[next.index()],
        ));
    }
    lines
}

/// How the next level's default mix differs: its central figure and where time moves.
fn level_shift(role: &Role, from: Level, to: Level, from_central: f64, to_central: f64) -> String {
    let (before, after) = (&role.level(from).shares, &role.level(to).shares);
    let gains = before.iter().zip(after).map(|(b, a)| a - b);
    let (gainer, gain) = gains
        .enumerate()
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
        .unwrap_or((0, 0.0));
    let difference = (to_central - from_central) * 100.0;
    let direction = if difference.abs() < 0.5 {
        "about as exposed".to_owned()
    } else {
        format!(
            "{:.0} points {} exposed",
            difference.abs(),
            if difference < 0.0 { "less" } else { "more" }
        )
    };
    let mut sentence = format!(
        "At {} level the typical mix is {direction} (central {})",
        to.as_str(),
        percent(to_central)
    );
    if gain > 0.0 {
        let task = &role.tasks[gainer];
        sentence.push_str(&format!(
            ", as time moves to {}{}",
            task.title.to_lowercase(),
            if task.exposure == Exposure::Low {
                ", which AI barely reaches"
            } else {
                ""
            }
        ));
    }
    sentence.push('.');
    sentence
}
