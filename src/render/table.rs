//! The terminal report: a header with the band and range, a task table with bars, skills,
//! insights, strategies, sources and the dataset date. Readable without colour: bands and
//! exposure levels are always words.

use super::{POINTS_NOTE, Style, pct, range_text, sentence, straddle_sentence, task_label};
use crate::comparison::Comparison;
use crate::dataset::{Exposure, Outlook};
use crate::report::{Report, WhatIf};
use colored::{ColoredString, Colorize};
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table, presets};
use std::fmt::Write;

/// One bar cell per this many points of contribution.
const POINTS_PER_CELL: f64 = 2.5;

pub fn render_report(report: &Report, style: Style) -> String {
    let mut out = String::new();
    let paint = |text: &str, f: fn(&str) -> ColoredString| {
        if style.color {
            f(text).to_string()
        } else {
            text.to_owned()
        }
    };

    let level = report.level.as_str();
    let _ = writeln!(out, "{} · {level}", paint(&report.role.title, |t| t.bold()));
    let band = format!("{} risk", report.risk.label);
    let _ = writeln!(
        out,
        "{}  ·  exposure {}",
        paint(&band, band_colour(&report.risk.band)),
        range_text(
            report.exposure.lower,
            report.exposure.central,
            report.exposure.upper
        )
    );
    if let Some(straddle) = straddle_sentence(report) {
        let _ = writeln!(out, "{straddle}");
    }
    let mix = if report.personalized {
        "your own time mix".to_owned()
    } else {
        format!("the typical {level} time mix; run `ai-exposure assess` to use your own")
    };
    let _ = writeln!(out, "O*NET-SOC {} · {mix}", report.role.soc_code);
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

    let _ = writeln!(out, "{}", paint("Sources", |t| t.bold()));
    for source in &report.sources {
        let _ = writeln!(
            out,
            "{}",
            wrap(
                &format!(
                    "{} ({}). {}",
                    source.authors,
                    source.year,
                    sentence(&source.title)
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
        "Dataset {} (ratings as of {}). {}",
        report.dataset.version, report.dataset.as_of, report.disclaimer
    );
    out
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
        roles.add_row(vec![
            Cell::new(&role.title),
            Cell::new(role.level.as_str()),
            Cell::new(format!("{}–{}", pct(role.lower), pct(role.upper))),
            Cell::new(pct(role.central)).set_alignment(CellAlignment::Right),
            Cell::new(&role.label),
            Cell::new(pct(role.high_share)).set_alignment(CellAlignment::Right),
            Cell::new(pct(role.automation_share)).set_alignment(CellAlignment::Right),
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
