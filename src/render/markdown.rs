//! The Markdown handout: the same content as the terminal report, for printing or sharing.

use super::{
    Heading, INDEX_NOTE, POINTS_NOTE, adjacent_details, basis_text, index_rows, labour_sentence,
    level_heading, no_tasks_yet, pct, range_text, sentence, straddle_sentence, task_label,
};
use crate::dataset::Outlook;
use crate::report::{Report, Tier};
use std::borrow::Cow;
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
    let mut out = String::with_capacity(16 * 1024);
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
            .map_or(String::new(), |address| format!(" {}", link(address)));
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
        escape(&report.dataset.version),
        escape(&report.dataset.as_of),
        report.disclaimer
    );
}

/// A workshop handout: a rendered report with who it is for and the session under its title.
/// A document rendered once serves everyone with the same report.
pub fn with_heading(document: &str, heading: &Heading) -> String {
    let (name, rest) = heading.parts();
    let mut block = format!("**{}**", escape(&name));
    if let Some(rest) = rest {
        block.push_str(" · ");
        block.push_str(&escape(&rest));
    }
    block.push_str("\n\n");
    for note in &heading.notes {
        block.push_str(&escape(note));
        block.push_str("\n\n");
    }
    let at = document.find("\n\n").map_or(0, |at| at + 2);
    let mut out = String::with_capacity(document.len() + block.len());
    out.push_str(&document[..at]);
    out.push_str(&block);
    out.push_str(&document[at..]);
    out
}

/// Text from the dataset, an overlay or a person, written so Markdown shows it as it is: the
/// characters Markdown gives meaning to are backslash-escaped (`<img ...>` stays text,
/// `[x](javascript:...)` is no link, `|` does not split a table cell), line breaks become
/// spaces and control characters go.
pub fn escape(text: &str) -> Cow<'_, str> {
    const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '&', '~', '#'];
    let text = text.trim();
    // Bytes that may start something to change: a special or control ASCII character, or the
    // lead byte of a C1 control (0xC2) or a bidirectional override (0xE2). Most text has none.
    let suspect =
        |b: u8| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2 || SPECIAL.contains(&char::from(b));
    if !text.bytes().any(suspect) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c if crate::untrusted::is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A source's address as an autolink, or as escaped text when it holds characters that
/// could end the link early.
fn link(address: &str) -> String {
    let plain = address
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '`' | '\\'));
    if plain {
        format!("<{address}>")
    } else {
        escape(address).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_changes_only_what_markdown_or_a_terminal_would_read_differently() {
        assert!(matches!(escape("Plain text, café 50%"), Cow::Borrowed(_)));
        assert_eq!(escape("a|b [x](y) <img>"), r"a\|b \[x\](y) \<img\>");
        assert_eq!(
            escape("C1\u{9b}31m and\u{202e} bidi\u{1b}"),
            "C131m and bidi"
        );
        assert_eq!(escape(" line\nbreak "), "line break");
        assert_eq!(escape("€ and — stay"), "€ and — stay");
    }
}
