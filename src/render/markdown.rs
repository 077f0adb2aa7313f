//! The Markdown handout: the same content as the terminal report, for printing or sharing.

use super::{
    INDEX_NOTE, POINTS_NOTE, adjacent_details, basis_text, index_rows, labour_sentence,
    level_heading, no_tasks_yet, pct, range_text, sentence, straddle_sentence, task_label,
};
use crate::dataset::Outlook;
use crate::report::{Report, Tier};
use std::fmt::Write;

fn headline(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "# {} · {}\n",
        escape(&report.role.title),
        escape(&level_heading(report))
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
}

pub fn render_report(report: &Report) -> String {
    if report.role.tier == Tier::Reference {
        return render_reference(report);
    }
    let mut out = String::new();
    headline(&mut out, report);
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
    let _ = writeln!(out, "\n## Where to move next\n");
    if let Some(note) = &report.moves_note {
        let _ = writeln!(out, "{}", escape(note));
    }
    for adjacent in &report.adjacent_roles {
        let _ = writeln!(
            out,
            "- **{}**: {}",
            escape(&adjacent.title),
            escape(&adjacent_details(adjacent))
        );
    }
    out.push('\n');
    published_section(&mut out, report);
    sources_section(&mut out, report);
    out
}

fn render_reference(report: &Report) -> String {
    let mut out = String::new();
    headline(&mut out, report);
    let _ = writeln!(
        out,
        "O*NET-SOC {} · {}.\n\n{}\n",
        report.role.soc_code,
        basis_text(report),
        no_tasks_yet(report)
    );
    published_section(&mut out, report);
    let _ = writeln!(out, "## Insights\n");
    for insight in &report.insights {
        let _ = writeln!(out, "- {}", escape(insight));
    }
    let _ = writeln!(out, "\n## For a task-by-task view and a plan\n");
    if report.closest_roles.is_empty() {
        let _ = writeln!(out, "No curated role is close to this occupation yet.");
    }
    for link in &report.closest_roles {
        let _ = writeln!(
            out,
            "- **{}** (`{}`): {}.",
            escape(&link.title),
            escape(&link.id),
            escape(&link.reason)
        );
    }
    out.push('\n');
    sources_section(&mut out, report);
    out
}

fn published_section(out: &mut String, report: &Report) {
    let labour = labour_sentence(report);
    if report.indices.is_empty() && labour.is_none() {
        return;
    }
    let _ = writeln!(out, "## What published indices say\n");
    if !report.indices.is_empty() {
        let _ = writeln!(out, "| Figure | Value | Standing |\n|---|---:|---|");
        for row in index_rows(report) {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                escape(&row.label),
                escape(&row.value),
                escape(&row.standing)
            );
        }
        let _ = writeln!(out, "\n{INDEX_NOTE}\n");
    }
    if let Some(labour) = labour {
        let _ = writeln!(out, "{}\n", escape(&labour));
    }
}

fn sources_section(out: &mut String, report: &Report) {
    let _ = writeln!(out, "## Sources\n");
    for source in &report.sources {
        let link = source
            .link
            .as_ref()
            .map_or(String::new(), |link| format!(" <{link}>"));
        let _ = writeln!(
            out,
            "- {} ({}). *{}*{link}",
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
}

/// Table cells and inline text must not break the Markdown structure.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
