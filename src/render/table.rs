//! The terminal report: a header with the band and range, a task table with bars, skills,
//! insights, strategies, sources and the dataset date. Readable without colour: bands and
//! exposure levels are always words.

use super::{
    INDEX_NOTE, NO_TASKS_YET, POINTS_NOTE, Style, basis_text, index_rows, labour_sentence,
    level_heading, pct, range_text, sentence, straddle_sentence, task_label,
};
use crate::comparison::Comparison;
use crate::dataset::{Exposure, Outlook};
use crate::report::{Report, Tier, WhatIf};
use colored::{ColoredString, Colorize};
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table, presets};
use std::fmt::Write;

/// One bar cell per this many points of contribution.
const POINTS_PER_CELL: f64 = 2.5;

/// Text in bold, when colour is on.
fn paint(style: Style, text: &str, f: fn(&str) -> ColoredString) -> String {
    if style.color {
        f(text).to_string()
    } else {
        text.to_owned()
    }
}

/// Title, band and range: the first lines of every report.
fn headline(out: &mut String, report: &Report, style: Style) {
    let _ = writeln!(
        out,
        "{} · {}",
        paint(style, &report.role.title, |t| t.bold()),
        level_heading(report)
    );
    let band = format!("{} risk", report.risk.label);
    let _ = writeln!(
        out,
        "{}  ·  exposure {}",
        paint(style, &band, band_colour(&report.risk.band)),
        range_text(
            report.exposure.lower,
            report.exposure.central,
            report.exposure.upper
        )
    );
    if let Some(straddle) = straddle_sentence(report) {
        let _ = writeln!(out, "{}", wrap(&straddle, "", "", style.width));
    }
}

pub fn render_report(report: &Report, style: Style) -> String {
    if report.role.tier == Tier::Reference {
        return render_reference(report, style);
    }
    let mut out = String::new();
    let paint = |text: &str, f: fn(&str) -> ColoredString| paint(style, text, f);
    let level = report.level.as_str();
    headline(&mut out, report, style);
    let mix = if report.personalized {
        "your own time mix".to_owned()
    } else {
        format!("the typical {level} time mix; run `ai-exposure assess` to use your own")
    };
    let _ = writeln!(
        out,
        "{}",
        wrap(
            &format!("O*NET-SOC {} · {mix}", report.role.soc_code),
            "",
            "",
            style.width
        )
    );
    if let Some(what_if) = &report.what_if {
        let _ = writeln!(
            out,
            "{}",
            wrap(&what_if_sentence(report, what_if), "", "  ", style.width)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "{}", paint("Tasks", |t| t.bold()));
    let mut tasks = new_table(style);
    tasks.set_header(vec![
        Cell::new("Task"),
        Cell::new("Exposure"),
        Cell::new("Mode"),
        Cell::new("Time").set_alignment(CellAlignment::Right),
        Cell::new("Points"),
    ]);
    for task in &report.tasks {
        let title = task_label(task);
        let exposure = task.exposure.as_str().to_uppercase();
        tasks.add_row(vec![
            Cell::new(title),
            Cell::new(exposure).fg(exposure_colour(task.exposure)),
            Cell::new(task.mode.as_str()),
            Cell::new(pct(task.time_share)).set_alignment(CellAlignment::Right),
            Cell::new(format!(
                "{:>4.1} {}",
                task.contribution * 100.0,
                bar(task.contribution)
            )),
        ]);
    }
    tasks.add_row(vec![
        Cell::new("Total"),
        Cell::new(""),
        Cell::new(""),
        Cell::new(pct(report.tasks.iter().map(|t| t.time_share).sum()))
            .set_alignment(CellAlignment::Right),
        Cell::new(format!("{:>4.1}", report.exposure.central * 100.0)),
    ]);
    let _ = writeln!(out, "{tasks}");
    let _ = writeln!(out, "{POINTS_NOTE}");
    if report.tasks.iter().any(|t| t.custom) {
        let _ = writeln!(
            out,
            "Tasks marked (yours) are rated by you: lower confidence."
        );
    }
    out.push('\n');

    let _ = writeln!(out, "{}", paint("Skills", |t| t.bold()));
    let mut skills = new_table(style);
    let holder = if report.personalized {
        "You"
    } else {
        "Typical"
    };
    skills.set_header(vec!["Skill", "Outlook", holder, "Why"]);
    let mut ordered: Vec<_> = report.skills.iter().collect();
    ordered.sort_by_key(|s| (s.outlook == Outlook::Resilient, !s.held));
    for skill in ordered {
        skills.add_row(vec![
            Cell::new(&skill.name),
            Cell::new(skill.outlook.as_str()),
            Cell::new(if skill.held { "yes" } else { "no" }),
            Cell::new(&skill.rationale),
        ]);
    }
    let _ = writeln!(out, "{skills}");
    out.push('\n');

    let _ = writeln!(out, "{}", paint("Insights", |t| t.bold()));
    for insight in &report.insights {
        let _ = writeln!(out, "{}", wrap(insight, "  • ", "    ", style.width));
    }
    out.push('\n');

    let _ = writeln!(out, "{}", paint("Strategies", |t| t.bold()));
    if report.strategies.is_empty() {
        let _ = writeln!(out, "  No strategy in the dataset matches this profile.");
    }
    for (n, strategy) in report.strategies.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", n + 1, paint(&strategy.title, |t| t.bold()));
        let _ = writeln!(
            out,
            "{}",
            wrap(&strategy.detail, "     ", "     ", style.width)
        );
        let _ = writeln!(
            out,
            "{}",
            wrap(
                &format!("Because {}.", strategy.because),
                "     ",
                "     ",
                style.width
            )
        );
    }
    out.push('\n');

    if !report.adjacent_roles.is_empty() {
        let _ = writeln!(out, "{}", paint("Where to move next", |t| t.bold()));
        for adjacent in &report.adjacent_roles {
            let _ = writeln!(
                out,
                "  • {} (central {} at this level)",
                paint(&adjacent.title, |t| t.bold()),
                pct(adjacent.central)
            );
            let _ = writeln!(
                out,
                "{}",
                wrap(
                    &format!("Shares: {}.", adjacent.shared_skills.join(", ")),
                    "    ",
                    "    ",
                    style.width
                )
            );
            if !adjacent.skills_to_build.is_empty() {
                let _ = writeln!(
                    out,
                    "{}",
                    wrap(
                        &format!("To build: {}.", adjacent.skills_to_build.join(", ")),
                        "    ",
                        "    ",
                        style.width
                    )
                );
            }
        }
        out.push('\n');
    }

    published_section(&mut out, report, style);
    sources_section(&mut out, report, style);
    out
}

/// A reference occupation: published figures side by side, what they mean, and where the
/// task-by-task view is.
fn render_reference(report: &Report, style: Style) -> String {
    let mut out = String::new();
    headline(&mut out, report, style);
    let _ = writeln!(
        out,
        "{}",
        wrap(
            &format!("O*NET-SOC {} · {}", report.role.soc_code, basis_text(report)),
            "",
            "",
            style.width
        )
    );
    let _ = writeln!(out, "{}", wrap(NO_TASKS_YET, "", "", style.width));
    out.push('\n');
    published_section(&mut out, report, style);
    let _ = writeln!(out, "{}", paint(style, "Insights", |t| t.bold()));
    for insight in &report.insights {
        let _ = writeln!(out, "{}", wrap(insight, "  • ", "    ", style.width));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        paint(style, "For a task-by-task view and a plan", |t| t.bold())
    );
    if report.closest_roles.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            wrap(
                "No curated role is close to this occupation yet; `ai-exposure roles` lists those there are.",
                "  ",
                "  ",
                style.width
            )
        );
    }
    for link in &report.closest_roles {
        let _ = writeln!(
            out,
            "{}",
            wrap(
                &format!("{} ({}): {}.", link.title, link.id, link.reason),
                "  • ",
                "    ",
                style.width
            )
        );
    }
    if let Some(first) = report.closest_roles.first() {
        let _ = writeln!(
            out,
            "{}",
            wrap(
                &format!(
                    "Try: ai-exposure report --role {} --level {}, or ai-exposure assess --role {} for your own mix.",
                    first.id,
                    report.level.as_str(),
                    first.id
                ),
                "  ",
                "  ",
                style.width
            )
        );
    }
    out.push('\n');
    sources_section(&mut out, report, style);
    out
}

/// Our figure beside the published indices, and the labour-market figures.
fn published_section(out: &mut String, report: &Report, style: Style) {
    let rows = index_rows(report);
    let labour = labour_sentence(report);
    if report.indices.is_empty() && labour.is_none() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        paint(style, "What published indices say", |t| t.bold())
    );
    if !report.indices.is_empty() {
        let mut table = new_table(style);
        table.set_header(vec![
            Cell::new("Figure"),
            Cell::new("Value").set_alignment(CellAlignment::Right),
            Cell::new("Standing"),
        ]);
        for row in rows {
            table.add_row(vec![
                Cell::new(row.label),
                Cell::new(row.value).set_alignment(CellAlignment::Right),
                Cell::new(row.standing),
            ]);
        }
        let _ = writeln!(out, "{table}");
        let _ = writeln!(out, "{}", wrap(INDEX_NOTE, "", "", style.width));
    }
    if let Some(labour) = labour {
        let _ = writeln!(out, "{}", wrap(&labour, "", "", style.width));
    }
    out.push('\n');
}

fn sources_section(out: &mut String, report: &Report, style: Style) {
    let _ = writeln!(out, "{}", paint(style, "Sources", |t| t.bold()));
    for source in &report.sources {
        let _ = writeln!(
            out,
            "{}",
            wrap(
                &format!(
                    "{} ({}). {}{}",
                    source.authors,
                    source.year,
                    sentence(&source.title),
                    source
                        .link
                        .as_ref()
                        .map_or(String::new(), |link| format!(" {link}"))
                ),
                "  - ",
                "    ",
                style.width
            )
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        wrap(
            &format!(
                "Dataset {} (ratings as of {}). {}",
                report.dataset.version, report.dataset.as_of, report.disclaimer
            ),
            "",
            "",
            style.width
        )
    );
}

/// "What if: ... Before: High, central 65%; after: Elevated, central 60%."
pub fn what_if_sentence(report: &Report, what_if: &WhatIf) -> String {
    let changes: Vec<String> = what_if
        .changes
        .iter()
        .map(|c| format!("{} {:+} points", c.task, c.points))
        .collect();
    format!(
        "What if: {}. Before: {} risk, central {}; after: {} risk, central {}.",
        changes.join(", "),
        what_if.before.label,
        pct(what_if.before.central),
        report.risk.label,
        pct(report.exposure.central)
    )
}

fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// A bar of full and half blocks, one cell per [`POINTS_PER_CELL`] points.
fn bar(contribution: f64) -> String {
    let halves = (contribution * 100.0 / POINTS_PER_CELL * 2.0).round() as usize;
    let mut bar = "█".repeat(halves / 2);
    if halves % 2 == 1 {
        bar.push('▌');
    }
    bar
}

fn band_colour(band: &str) -> fn(&str) -> ColoredString {
    match band {
        "low" => |t| t.green().bold(),
        "moderate" => |t| t.cyan().bold(),
        "elevated" => |t| t.yellow().bold(),
        _ => |t| t.red().bold(),
    }
}

/// Cell colour for an exposure level; comfy-table drops it when styling is off.
fn exposure_colour(exposure: Exposure) -> Color {
    match exposure {
        Exposure::High => Color::Red,
        Exposure::Medium => Color::Yellow,
        Exposure::Low => Color::Green,
    }
}

/// Word-wraps `text` to `width` columns with a first-line and a continuation indent.
pub fn wrap(text: &str, first: &str, rest: &str, width: u16) -> String {
    let width = usize::from(width).max(40);
    let mut out = String::from(first);
    let mut column = first.chars().count();
    let mut line_empty = true;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if !line_empty && column + 1 + length > width {
            out.push('\n');
            out.push_str(rest);
            column = rest.chars().count();
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += length;
        line_empty = false;
    }
    out
}

/// Roles side by side, then the skills they share.
pub fn render_comparison(comparison: &Comparison, style: Style) -> String {
    let mut out = String::new();
    let mut roles = new_table(style);
    roles.set_header(vec![
        "Role",
        "Level",
        "Range",
        "Central",
        "Band",
        "High-exposure time",
        "Automation share",
    ]);
    for role in &comparison.roles {
        let optional = |share: Option<f64>| share.map_or("n/a".to_owned(), pct);
        let title = match role.tier {
            Tier::Curated => role.title.clone(),
            Tier::Reference => format!("{} (published figures)", role.title),
        };
        roles.add_row(vec![
            Cell::new(title),
            Cell::new(role.level.as_str()),
            Cell::new(format!("{}–{}", pct(role.lower), pct(role.upper))),
            Cell::new(pct(role.central)).set_alignment(CellAlignment::Right),
            Cell::new(&role.label),
            Cell::new(optional(role.high_share)).set_alignment(CellAlignment::Right),
            Cell::new(optional(role.automation_share)).set_alignment(CellAlignment::Right),
        ]);
    }
    let _ = writeln!(out, "{roles}");
    out.push('\n');
    if comparison.shared_skills.is_empty() {
        let _ = writeln!(out, "These roles share no skills in the catalogue.");
    } else {
        let _ = writeln!(out, "Skills they share");
        for skill in &comparison.shared_skills {
            let titles: Vec<&str> = skill
                .roles
                .iter()
                .filter_map(|id| {
                    comparison
                        .roles
                        .iter()
                        .find(|r| &r.id == id)
                        .map(|r| r.title.as_str())
                })
                .collect();
            let who = if skill.roles.len() == comparison.roles.len() {
                "all".to_owned()
            } else {
                titles.join(", ")
            };
            let _ = writeln!(
                out,
                "{}",
                wrap(
                    &format!("{} ({who})", skill.name),
                    "  • ",
                    "    ",
                    style.width
                )
            );
        }
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "Typical mix for each role and level. Dataset {} (ratings as of {}). {}",
        comparison.dataset.version,
        comparison.dataset.as_of,
        crate::report::DISCLAIMER
    );
    out
}
