//! The Markdown handout: the same content as the terminal report, for printing or sharing.

use super::{
    POINTS_NOTE, adjacent_details, pct, range_text, sentence, straddle_sentence, task_label,
};
use crate::dataset::Outlook;
use crate::report::Report;
use std::fmt::Write;

pub fn render_report(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} · {}\n",
        escape(&report.role.title),
        report.level.as_str()
    );
    let _ = writeln!(
        out,
        "**{} risk** · exposure {}\n",
        report.risk.label,
        range_text(
            report.exposure.lower,
            report.exposure.central,
            report.exposure.upper
        )
    );
    if let Some(straddle) = straddle_sentence(report) {
        let _ = writeln!(out, "{straddle}\n");
    }
    let mix = if report.personalized {
        "your own time mix"
    } else {
        "the typical time mix for this level"
    };
    let _ = writeln!(
        out,
        "O*NET-SOC {} · based on {mix}.\n",
        report.role.soc_code
    );

    let _ = writeln!(out, "## Tasks\n");
    let _ = writeln!(out, "| Task | Exposure | Mode | Time | Points | Why |");
    let _ = writeln!(out, "|---|---|---|---:|---:|---|");
    for task in &report.tasks {
        let title = task_label(task);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.1} | {} |",
            escape(&title),
            task.exposure.as_str(),
            task.mode.as_str(),
            pct(task.time_share),
            task.contribution * 100.0,
            escape(&task.rationale)
        );
    }
    let _ = writeln!(
        out,
        "| **Total** | | | 100% | {:.1} | |\n",
        report.exposure.central * 100.0
    );
    let _ = writeln!(out, "{POINTS_NOTE}\n");

    let _ = writeln!(out, "## Skills\n");
    for (outlook, heading) in [
        (Outlook::Vulnerable, "Under pressure"),
        (Outlook::Resilient, "Holding their value"),
    ] {
        let _ = writeln!(out, "**{heading}**\n");
        for skill in report.skills.iter().filter(|s| s.outlook == outlook) {
            let mark = if skill.held { " ✓" } else { "" };
            let _ = writeln!(
                out,
                "- **{}**{mark}: {}",
                escape(&skill.name),
                escape(&skill.rationale)
            );
        }
        out.push('\n');
    }
    let holder = if report.personalized {
        "you have it"
    } else {
        "typical at this level"
    };
    let _ = writeln!(out, "✓ = {holder}.\n");

    let _ = writeln!(out, "## Insights\n");
    for insight in &report.insights {
        let _ = writeln!(out, "- {}", escape(insight));
    }
    let _ = writeln!(out, "\n## Strategies\n");
    for (n, strategy) in report.strategies.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}**. {}  \n   *Because {}.*",
            n + 1,
            escape(&strategy.title),
            escape(&strategy.detail),
            escape(&strategy.because)
        );
    }
    if !report.adjacent_roles.is_empty() {
        let _ = writeln!(out, "\n## Where to move next\n");
        for adjacent in &report.adjacent_roles {
            let _ = writeln!(
                out,
                "- **{}** {}",
                escape(&adjacent.title),
                escape(&adjacent_details(adjacent))
            );
        }
    }
    let _ = writeln!(out, "\n## Sources\n");
    for source in &report.sources {
        let _ = writeln!(
            out,
            "- {} ({}). *{}*",
            escape(&source.authors),
            source.year,
            escape(&sentence(&source.title))
        );
    }
    let _ = writeln!(
        out,
        "\n---\n\nDataset {} (ratings as of {}). {}",
        report.dataset.version, report.dataset.as_of, report.disclaimer
    );
    out
}

/// Table cells and inline text must not break the Markdown structure.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
