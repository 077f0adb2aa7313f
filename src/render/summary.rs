//! The workshop summary in the three human formats: terminal, Markdown and HTML. The JSON
//! form is the document itself.
//!
//! The HTML page is made for a projector first: at 1280×720 each section fills one screen
//! in type readable from the back of a room (24px and up), one section after another. Printed,
//! it becomes a two-page handout for the coach.

use super::html::{STYLE, escape};
use super::markdown::escape as md;
use super::table::wrap;
use super::{Style, pct};
use crate::scoring::Band;
use crate::scoring::count;
use crate::workshop::summary::{CountStat, GroupCount, WorkshopSummary};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use std::fmt::Write;

fn headline(summary: &WorkshopSummary) -> String {
    let mut line = String::from("Workshop summary");
    if let Some(title) = &summary.session.title {
        let _ = write!(line, " · {title}");
    }
    let _ = write!(
        line,
        " · {} · {}",
        summary.session.date,
        count(summary.participants, "participant", "participants")
    );
    if summary.failed > 0 {
        let _ = write!(line, " ({} could not be read)", summary.failed);
    }
    line
}

/// "2 could not be read: role not found (1), level not known (1)."
fn failures(summary: &WorkshopSummary) -> Option<String> {
    (!summary.failures.is_empty()).then(|| {
        format!(
            "{} could not be read: {}.",
            summary.failed,
            summary
                .failures
                .iter()
                .map(|f| format!("{} ({})", f.group, f.people))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn spread(summary: &WorkshopSummary) -> Option<String> {
    summary.central.as_ref().map(|s| {
        format!(
            "Central exposure: the middle half of the room is between {} and {} (median {}, mean {}).",
            pct(s.lower_quartile),
            pct(s.upper_quartile),
            pct(s.median),
            pct(s.mean)
        )
    })
}

fn footer(summary: &WorkshopSummary) -> String {
    format!(
        "No names appear in this summary, and no figure that belongs to one person; groups smaller than {} are joined to others. Dataset {} (ratings as of {}). {}",
        summary.min_group, summary.dataset.version, summary.dataset.as_of, summary.disclaimer
    )
}

/// The three group breakdowns side by side, as (label, people) lists.
fn breakdowns(summary: &WorkshopSummary) -> [(&'static str, Vec<(String, usize)>); 3] {
    let plain = |list: &[GroupCount]| -> Vec<(String, usize)> {
        list.iter().map(|g| (g.group.clone(), g.people)).collect()
    };
    [
        ("Risk band", plain(&summary.bands)),
        (
            "Role or family",
            summary
                .roles
                .iter()
                .map(|g| (g.group.clone(), g.people))
                .collect(),
        ),
        ("Level", plain(&summary.levels)),
    ]
}

/// The lists of names with counts, with their headings.
fn count_lists(summary: &WorkshopSummary) -> [(&'static str, &'static str, &Vec<CountStat>); 3] {
    [
        (
            "strategy-kinds",
            "Kinds of strategy that fit the most people",
            &summary.strategy_kinds,
        ),
        (
            "strategies",
            "Strategies that fit the most people",
            &summary.strategies,
        ),
        (
            "skills",
            "Resilient skills most often missing",
            &summary.missing_skills,
        ),
    ]
}

fn table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width)
        .force_no_tty();
    table
}

fn right(text: impl ToString) -> Cell {
    Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
}

pub fn render_table(summary: &WorkshopSummary, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", headline(summary));
    for line in [failures(summary), spread(summary)].into_iter().flatten() {
        let _ = writeln!(out, "{}", wrap(&line, "", "", style.width));
    }
    out.push('\n');
    let lists = breakdowns(summary);
    let rows = lists.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
    if rows > 0 {
        let mut groups = table(style);
        groups.set_header(
            lists
                .iter()
                .flat_map(|(heading, _)| [Cell::new(heading), right("People")])
                .collect::<Vec<_>>(),
        );
        for i in 0..rows {
            groups.add_row(
                lists
                    .iter()
                    .flat_map(|(_, list)| {
                        list.get(i)
                            .map_or([Cell::new(""), Cell::new("")], |(g, n)| {
                                [Cell::new(g), right(n)]
                            })
                    })
                    .collect::<Vec<_>>(),
            );
        }
        let _ = writeln!(out, "{groups}\n");
    }
    if !summary.task_kinds.is_empty() {
        let mut kinds = table(style);
        kinds.set_header(vec![
            Cell::new("Kind of task (across roles)"),
            right("People"),
            right("Mean time"),
            right("Exposed"),
            right("Group points"),
        ]);
        for kind in &summary.task_kinds {
            kinds.add_row(vec![
                Cell::new(&kind.kind),
                right(kind.people),
                right(pct(kind.mean_time_share)),
                right(pct(kind.exposure)),
                right(format!("{:.1}", kind.group_points * 100.0)),
            ]);
        }
        let _ = writeln!(out, "{kinds}\n");
    }
    if !summary.exposed_tasks.is_empty() {
        let mut tasks = table(style);
        tasks.set_header(vec![
            Cell::new("Most exposed task"),
            Cell::new("Role"),
            right("People"),
            right("Mean time"),
            right("Group points"),
        ]);
        for task in &summary.exposed_tasks {
            tasks.add_row(vec![
                Cell::new(&task.task),
                Cell::new(&task.role),
                right(task.people),
                right(pct(task.mean_time_share)),
                right(format!("{:.1}", task.group_points * 100.0)),
            ]);
        }
        let _ = writeln!(out, "{tasks}\n");
    }
    for (_, heading, stats) in count_lists(summary) {
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
    if !summary.prompts.is_empty() {
        let _ = writeln!(out, "Questions for the room");
        for group in &summary.prompts {
            let _ = writeln!(out, "  {}", group.band);
            for prompt in &group.prompts {
                let _ = writeln!(out, "{}", wrap(prompt, "    • ", "      ", style.width));
            }
        }
        out.push('\n');
    }
    for note in &summary.notes {
        let _ = writeln!(out, "{}", wrap(note, "Note: ", "      ", style.width));
    }
    let _ = writeln!(out, "{}", wrap(&footer(summary), "", "", style.width));
    out
}

pub fn render_markdown(summary: &WorkshopSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&headline(summary)));
    for line in [failures(summary), spread(summary)].into_iter().flatten() {
        let _ = writeln!(out, "{}\n", md(&line));
    }
    for (heading, list) in breakdowns(summary) {
        if !list.is_empty() {
            let _ = writeln!(out, "## {heading}\n\n| Group | People |\n|---|---:|");
            for (group, people) in list {
                let _ = writeln!(out, "| {} | {people} |", md(&group));
            }
            out.push('\n');
        }
    }
    if !summary.task_kinds.is_empty() {
        let _ = writeln!(
            out,
            "## Where the room's exposure sits\n\n| Kind of task | People | Mean time | Exposed | Group points |\n|---|---:|---:|---:|---:|"
        );
        for kind in &summary.task_kinds {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {:.1} |",
                md(&kind.kind),
                kind.people,
                pct(kind.mean_time_share),
                pct(kind.exposure),
                kind.group_points * 100.0
            );
        }
        out.push('\n');
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
                md(&task.task),
                md(&task.role),
                task.people,
                pct(task.mean_time_share),
                task.group_points * 100.0
            );
        }
        out.push('\n');
    }
    for (_, heading, stats) in count_lists(summary) {
        if !stats.is_empty() {
            let _ = writeln!(out, "## {heading}\n");
            for stat in stats {
                let _ = writeln!(out, "- {} ({} people)", md(&stat.name), stat.people);
            }
            out.push('\n');
        }
    }
    if !summary.prompts.is_empty() {
        let _ = writeln!(out, "## Questions for the room\n");
        for group in &summary.prompts {
            let _ = writeln!(out, "**{}**\n", md(&group.band));
            for prompt in &group.prompts {
                let _ = writeln!(out, "- {}", md(prompt));
            }
            out.push('\n');
        }
    }
    for note in &summary.notes {
        let _ = writeln!(out, "> {}\n", md(note));
    }
    let _ = writeln!(out, "---\n\n{}", md(&footer(summary)));
    out
}

/// For the projector: large type, one section to a screen. For print: the shared print
/// rules at 9.5pt, with the chart kept.
const SUMMARY_STYLE: &str = r#"
@media screen {
  body.summary { max-width: 1180px; font-size: 26px; line-height: 1.3; margin: 0 auto; }
  body.summary h1 { font-size: 42px; }
  body.summary h2 { font-size: 34px; margin-top: 0; }
  body.summary .headline, body.summary .note, body.summary table, body.summary footer,
  body.summary svg text { font-size: 24px; }
  body.summary section { min-height: 100vh; padding: 28px 0; break-inside: avoid; }
  body.summary header { padding-top: 20px; }
  body.summary .columns { columns: 2; column-gap: 48px; }
  body.summary .columns li { break-inside: avoid; }
}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.side { display: grid; grid-template-columns: 3fr 2fr; gap: 32px; align-items: start; }
.summary h3 { margin: .7rem 0 .1rem; font-size: 1em; }
.summary .prompts li { margin-bottom: .5rem; }
@media print {
  body.summary figure { display: block; }
  body.summary figure svg { max-height: 60mm; width: auto; max-width: 100%; }
  body.summary svg text { font-size: 24px; }
  body.summary .columns { columns: 2; }
}
"#;

pub fn render_html(summary: &WorkshopSummary) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}{SUMMARY_STYLE}</style>\n</head>\n<body class=\"summary\">\n",
        escape(&headline(summary))
    );
    let title = match &summary.session.title {
        Some(title) => format!("Workshop summary: {title}"),
        None => "Workshop summary".to_owned(),
    };
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"headline\">{} · {}</p>",
        escape(&title),
        escape(&summary.session.date),
        count(summary.participants, "participant", "participants")
    );
    if let Some(line) = failures(summary) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&line));
    }
    let _ = writeln!(out, "</header>");

    let _ = writeln!(
        out,
        "<section id=\"bands\">\n<h2>How exposed the room is</h2>"
    );
    if summary.bands.is_empty() {
        let _ = writeln!(
            out,
            "<p>The group is smaller than {}, so no breakdown is shown.</p>",
            summary.min_group
        );
    } else {
        out.push_str(&distribution_chart(summary));
        if let Some(spread) = spread(summary) {
            let _ = writeln!(out, "<p>{}</p>", escape(&spread));
        }
        group_table(&mut out, "Risk band", &summary.bands, "visually-hidden");
    }
    let _ = writeln!(out, "</section>");

    if !summary.roles.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"roles\">\n<h2>Who is in the room</h2>\n<div class=\"side\">"
        );
        let roles: Vec<GroupCount> = summary
            .roles
            .iter()
            .map(|g| GroupCount {
                group: g.group.clone(),
                people: g.people,
            })
            .collect();
        group_table(&mut out, "Role or family", &roles, "");
        group_table(&mut out, "Level", &summary.levels, "");
        let _ = writeln!(out, "</div>\n</section>");
    }

    if !summary.task_kinds.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"tasks\">\n<h2>Where the room's exposure sits</h2>\n<table><thead><tr><th>Kind of task</th><th class=\"num\">People</th><th class=\"num\">Mean time</th><th class=\"num\">Exposed</th></tr></thead><tbody>"
        );
        for kind in &summary.task_kinds {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&kind.kind),
                kind.people,
                pct(kind.mean_time_share),
                pct(kind.exposure)
            );
        }
        let _ = writeln!(
            out,
            "</tbody></table>\n<p class=\"note\">Mean time: of the people who do it. Exposed: how much of that time AI reaches (high counts fully, medium half).</p>\n</section>"
        );
    }
    if !summary.exposed_tasks.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"role-tasks\">\n<h2>The most exposed tasks in one role</h2>\n<table><thead><tr><th>Task</th><th>Role</th><th class=\"num\">People</th><th class=\"num\">Mean time</th></tr></thead><tbody>"
        );
        for task in &summary.exposed_tasks {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&task.task),
                escape(&task.role),
                task.people,
                pct(task.mean_time_share)
            );
        }
        let _ = writeln!(out, "</tbody></table>\n</section>");
    }

    let [kinds, strategies, skills] = count_lists(summary);
    if !kinds.2.is_empty() || !strategies.2.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"strategies\">\n<h2>What fits the most people</h2>"
        );
        for (id, heading, stats) in [kinds, strategies] {
            count_list(&mut out, id, heading, stats);
        }
        let _ = writeln!(out, "</section>");
    }
    if !skills.2.is_empty() {
        let _ = writeln!(out, "<section id=\"skills\">\n<h2>Skills to build</h2>");
        count_list(&mut out, skills.0, skills.1, skills.2);
        let _ = writeln!(out, "</section>");
    }

    for (i, group) in summary.prompts.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section id=\"prompts-{}\" class=\"prompts\">\n<h2>Questions for the room: {}</h2>\n<ul>",
            i + 1,
            escape(&group.band)
        );
        for prompt in &group.prompts {
            let _ = writeln!(out, "<li>{}</li>", escape(prompt));
        }
        let _ = writeln!(out, "</ul>\n</section>");
    }
    for note in &summary.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    let _ = write!(
        out,
        "<footer>{}<br>Made with ai-exposure, offline.</footer>\n</body>\n</html>\n",
        escape(&footer(summary))
    );
    out
}

fn count_list(out: &mut String, id: &str, heading: &str, stats: &[CountStat]) {
    if stats.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h3 id=\"{id}\">{heading}</h3>\n<ul class=\"columns\">"
    );
    for stat in stats {
        let _ = writeln!(
            out,
            "<li>{} ({} people)</li>",
            escape(&stat.name),
            stat.people
        );
    }
    let _ = writeln!(out, "</ul>");
}

/// A breakdown as a table; `class` hides the bands' table, whose chart shows the same, from
/// sight but not from screen readers.
fn group_table(out: &mut String, heading: &str, list: &[GroupCount], class: &str) {
    let _ = writeln!(
        out,
        "<table class=\"{class}\"><thead><tr><th>{heading}</th><th class=\"num\">People</th></tr></thead><tbody>"
    );
    for group in list {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
            escape(&group.group),
            group.people
        );
    }
    let _ = writeln!(out, "</tbody></table>");
}

/// Chart geometry, in SVG units.
const CHART_WIDTH: usize = 1000;
const CHART_LABEL: usize = 330;
const CHART_ROW: usize = 58;

/// How a band's bar is filled: patterns that read in black and white, darker as the band
/// rises. A joined group takes its highest band's pattern.
fn band_pattern(band: Band) -> &'static str {
    match band {
        Band::Low => "#fff",
        Band::Moderate => "url(#b-moderate)",
        Band::Elevated => "url(#b-elevated)",
        Band::High => "url(#b-high)",
        Band::VeryHigh => "#1b1b1b",
    }
}

/// People per band as patterned bars, then the middle half of the room on a 0–100% scale.
fn distribution_chart(summary: &WorkshopSummary) -> String {
    let most = summary
        .bands
        .iter()
        .map(|g| g.people)
        .max()
        .unwrap_or(1)
        .max(1);
    let bars = CHART_WIDTH - CHART_LABEL - 150;
    let rows = summary.bands.len();
    let strip = if summary.central.is_some() { 130 } else { 0 };
    let height = CHART_ROW * rows + strip + 10;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<figure class=\"distribution\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"distribution-title\" viewBox=\"0 0 {CHART_WIDTH} {height}\" width=\"100%\" class=\"chart\">\n<title id=\"distribution-title\">People in each risk band, and the middle half of the room's central exposure</title>"
    );
    let _ = writeln!(
        svg,
        "<defs>\n<pattern id=\"b-moderate\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\"><rect width=\"10\" height=\"10\" fill=\"#fff\"/><circle cx=\"5\" cy=\"5\" r=\"1.6\" fill=\"#1b1b1b\"/></pattern>\n<pattern id=\"b-elevated\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#fff\"/><rect width=\"2\" height=\"8\" fill=\"#1b1b1b\"/></pattern>\n<pattern id=\"b-high\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#fff\"/><rect width=\"5\" height=\"8\" fill=\"#1b1b1b\"/></pattern>\n</defs>"
    );
    let total: usize = summary.bands.iter().map(|g| g.people).sum();
    for (i, group) in summary.bands.iter().enumerate() {
        let y = CHART_ROW * i + 6;
        let highest = Band::ALL
            .into_iter()
            .rev()
            .find(|b| {
                group.group == b.label() || group.group.ends_with(&format!("to {}", b.label()))
            })
            .unwrap_or(Band::Low);
        let width = (group.people as f64 / most as f64 * bars as f64).max(4.0);
        let share = group.people as f64 / total.max(1) as f64;
        let _ = writeln!(
            svg,
            "<g class=\"band\" data-band=\"{}\" data-people=\"{}\"><text x=\"0\" y=\"{}\">{}</text>\n<rect x=\"{CHART_LABEL}\" y=\"{y}\" width=\"{width:.1}\" height=\"40\" fill=\"{}\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>\n<text x=\"{:.1}\" y=\"{}\">{} ({})</text></g>",
            escape(&group.group),
            group.people,
            y + 30,
            escape(&group.group),
            band_pattern(highest),
            CHART_LABEL as f64 + width + 12.0,
            y + 30,
            group.people,
            pct(share)
        );
    }
    if let Some(spread) = &summary.central {
        let top = CHART_ROW * rows + 20;
        let (left, span) = (CHART_LABEL as f64, bars as f64);
        let x = |fraction: f64| left + fraction.clamp(0.0, 1.0) * span;
        let _ = writeln!(
            svg,
            "<g class=\"spread\"><text x=\"0\" y=\"{}\">Middle half</text>\n<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>",
            top + 28,
            top + 20,
            left + span,
            top + 20
        );
        for tick in [0.0, 0.5, 1.0] {
            let _ = writeln!(
                svg,
                "<line x1=\"{0:.1}\" y1=\"{1}\" x2=\"{0:.1}\" y2=\"{2}\" stroke=\"#1b1b1b\"/><text x=\"{0:.1}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>",
                x(tick),
                top + 14,
                top + 26,
                top + 100,
                pct(tick)
            );
        }
        let _ = writeln!(
            svg,
            "<rect x=\"{:.1}\" y=\"{}\" width=\"{:.1}\" height=\"36\" fill=\"url(#b-elevated)\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>\n<line x1=\"{:.1}\" y1=\"{}\" x2=\"{:.1}\" y2=\"{}\" stroke=\"#1b1b1b\" stroke-width=\"6\"/>\n<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">median {}</text></g>",
            x(spread.lower_quartile),
            top + 2,
            (x(spread.upper_quartile) - x(spread.lower_quartile)).max(4.0),
            x(spread.median),
            top - 4,
            x(spread.median),
            top + 44,
            x(spread.median),
            top + 72,
            pct(spread.median)
        );
    }
    let _ = writeln!(
        svg,
        "</svg>\n<figcaption class=\"note\">People per risk band; patterns darken as the band rises. Box: the middle half of the room's central exposure.</figcaption>\n</figure>"
    );
    svg
}
