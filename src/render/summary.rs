//! The workshop summary in the three human formats: terminal, Markdown and HTML. The JSON
//! form is the document itself.

use super::html::{escape, page_end, page_start};
use super::table::wrap;
use super::{Style, pct};
use crate::workshop::summary::{CountStat, GroupCount, WorkshopSummary};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use std::fmt::Write;

fn headline(summary: &WorkshopSummary) -> String {
    let mut line = format!("Workshop summary · {} participants", summary.participants);
    if summary.failed > 0 {
        let _ = write!(line, " ({} could not be read)", summary.failed);
    }
    line
}

fn spread(summary: &WorkshopSummary) -> Option<String> {
    summary.central.as_ref().map(|s| {
        format!(
            "Central exposure: lowest {} · median {} · mean {} · highest {}",
            pct(s.min),
            pct(s.median),
            pct(s.mean),
            pct(s.max)
        )
    })
}

fn footer(summary: &WorkshopSummary) -> String {
    format!(
        "No names appear in this summary; groups smaller than {} are merged or left out. Dataset {} (ratings as of {}). {}",
        summary.min_group, summary.dataset.version, summary.dataset.as_of, summary.disclaimer
    )
}

pub fn render_table(summary: &WorkshopSummary, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", headline(summary));
    if let Some(spread) = spread(summary) {
        let _ = writeln!(out, "{spread}");
    }
    out.push('\n');
    let mut groups = Table::new();
    groups
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width)
        .force_no_tty();
    groups.set_header(vec![
        "Risk band",
        "People",
        "Role",
        "People",
        "Level",
        "People",
    ]);
    let rows = summary
        .bands
        .len()
        .max(summary.roles.len())
        .max(summary.levels.len());
    let cell = |list: &[GroupCount], i: usize| -> (Cell, Cell) {
        list.get(i).map_or((Cell::new(""), Cell::new("")), |g| {
            (
                Cell::new(&g.group),
                Cell::new(g.people).set_alignment(CellAlignment::Right),
            )
        })
    };
    for i in 0..rows {
        let (band, band_n) = cell(&summary.bands, i);
        let (role, role_n) = cell(&summary.roles, i);
        let (level, level_n) = cell(&summary.levels, i);
        groups.add_row(vec![band, band_n, role, role_n, level, level_n]);
    }
    if rows > 0 {
        let _ = writeln!(out, "{groups}\n");
    }
    if !summary.exposed_tasks.is_empty() {
        let mut tasks = Table::new();
        tasks
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(style.width)
            .force_no_tty();
        tasks.set_header(vec![
            "Most exposed task",
            "Role",
            "People",
            "Mean time",
            "Group points",
        ]);
        for task in &summary.exposed_tasks {
            tasks.add_row(vec![
                Cell::new(&task.task),
                Cell::new(&task.role),
                Cell::new(task.people).set_alignment(CellAlignment::Right),
                Cell::new(pct(task.mean_time_share)).set_alignment(CellAlignment::Right),
                Cell::new(format!("{:.1}", task.group_points * 100.0))
                    .set_alignment(CellAlignment::Right),
            ]);
        }
        let _ = writeln!(out, "{tasks}\n");
    }
    for (heading, stats) in [
        (
            "Resilient skills most often missing",
            &summary.missing_skills,
        ),
        ("Strategies that fit the most people", &summary.strategies),
    ] {
        if !stats.is_empty() {
            let _ = writeln!(out, "{heading}");
            for stat in stats {
                let _ = writeln!(
                    out,
                    "{}",
                    wrap(
                        &format!("{} ({} people)", stat.name, stat.people),
                        "  • ",
                        "    ",
                        style.width
                    )
                );
            }
            out.push('\n');
        }
    }
    for note in &summary.notes {
        let _ = writeln!(out, "{}", wrap(note, "Note: ", "      ", style.width));
    }
    let _ = writeln!(out, "{}", footer(summary));
    out
}

pub fn render_markdown(summary: &WorkshopSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", headline(summary));
    if let Some(spread) = spread(summary) {
        let _ = writeln!(out, "{spread}\n");
    }
    for (heading, list) in [
        ("Risk bands", &summary.bands),
        ("Roles", &summary.roles),
        ("Levels", &summary.levels),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "## {heading}\n\n| Group | People |\n|---|---:|");
            for group in list.iter() {
                let _ = writeln!(
                    out,
                    "| {} | {} |",
                    group.group.replace('|', "\\|"),
                    group.people
                );
            }
            out.push('\n');
        }
    }
    if !summary.exposed_tasks.is_empty() {
        let _ = writeln!(
            out,
            "## Most exposed tasks\n\n| Task | Role | People | Mean time | Group points |\n|---|---|---:|---:|---:|"
        );
        for task in &summary.exposed_tasks {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {:.1} |",
                task.task,
                task.role,
                task.people,
                pct(task.mean_time_share),
                task.group_points * 100.0
            );
        }
        out.push('\n');
    }
    for (heading, stats) in [
        (
            "Resilient skills most often missing",
            &summary.missing_skills,
        ),
        ("Strategies that fit the most people", &summary.strategies),
    ] {
        if !stats.is_empty() {
            let _ = writeln!(out, "## {heading}\n");
            for stat in stats.iter() {
                let _ = writeln!(out, "- {} ({} people)", stat.name, stat.people);
            }
            out.push('\n');
        }
    }
    for note in &summary.notes {
        let _ = writeln!(out, "> {note}\n");
    }
    let _ = writeln!(out, "---\n\n{}", footer(summary));
    out
}

pub fn render_html(summary: &WorkshopSummary) -> String {
    let mut out = String::new();
    page_start(&mut out, "Workshop summary: AI exposure");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&headline(summary)));
    if let Some(spread) = spread(summary) {
        let _ = writeln!(out, "<p class=\"headline\">{}</p>", escape(&spread));
    }
    let _ = writeln!(out, "</header>");
    for (id, heading, list) in [
        ("bands", "Risk bands", &summary.bands),
        ("roles", "Roles", &summary.roles),
        ("levels", "Levels", &summary.levels),
    ] {
        if !list.is_empty() {
            let _ = writeln!(
                out,
                "<section id=\"{id}\">\n<h2>{heading}</h2>\n<table><thead><tr><th>Group</th><th class=\"num\">People</th></tr></thead><tbody>"
            );
            for group in list.iter() {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                    escape(&group.group),
                    group.people
                );
            }
            let _ = writeln!(out, "</tbody></table>\n</section>");
        }
    }
    if !summary.exposed_tasks.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"tasks\">\n<h2>Most exposed tasks</h2>\n<table><thead><tr><th>Task</th><th>Role</th><th class=\"num\">People</th><th class=\"num\">Mean time</th><th class=\"num\">Group points</th></tr></thead><tbody>"
        );
        for task in &summary.exposed_tasks {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}</td></tr>",
                escape(&task.task),
                escape(&task.role),
                task.people,
                pct(task.mean_time_share),
                task.group_points * 100.0
            );
        }
        let _ = writeln!(out, "</tbody></table>\n</section>");
    }
    let lists: [(&str, &str, &Vec<CountStat>); 2] = [
        (
            "skills",
            "Resilient skills most often missing",
            &summary.missing_skills,
        ),
        (
            "strategies",
            "Strategies that fit the most people",
            &summary.strategies,
        ),
    ];
    for (id, heading, stats) in lists {
        if !stats.is_empty() {
            let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{heading}</h2>\n<ul>");
            for stat in stats {
                let _ = writeln!(
                    out,
                    "<li>{} ({} people)</li>",
                    escape(&stat.name),
                    stat.people
                );
            }
            let _ = writeln!(out, "</ul>\n</section>");
        }
    }
    for note in &summary.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    page_end(&mut out, &footer(summary));
    out
}
