//! The paper worksheet: for people who will not run a command line. One printed page with
//! the role's tasks and a box for the time on each, room for two tasks of their own, and the
//! skills to tick. Every box names the roster column it goes in, so the coach can type the
//! sheets into a roster and give each person their own handout.

use super::html::{STYLE, escape};
use super::markdown::escape as md;
use super::pct;
use crate::answers::MAX_CUSTOM_TASKS;
use crate::dataset::{Level, Role};
use std::fmt::Write;

/// What a worksheet is for.
#[derive(Debug, Clone, Copy)]
pub struct Sheet<'a> {
    pub role: &'a Role,
    /// With a level, each task shows the level's typical share beside its box.
    pub level: Option<Level>,
    pub name: Option<&'a str>,
    pub session: Option<&'a str>,
    pub date: Option<&'a str>,
}

const INSTRUCTIONS: &str = "How is your working week spent? Beside each task, write the time it takes: a percentage of your week or hours a week, whichever is easier (they are scaled to 100% for you). Leave a task empty if you do not do it.";
const OWN_INSTRUCTIONS: &str = "Up to two tasks the list does not cover. Tick how much of it AI could do today (high: most of it, or in half the time; medium: parts of it; low: little), and whether AI would do it for you or help you do it.";

fn title(sheet: &Sheet<'_>) -> String {
    format!("Worksheet: {}", sheet.role.title)
}

/// "Typical: Junior · Spring cohort · 2026-03-14", what is known of the session.
fn subtitle(sheet: &Sheet<'_>) -> String {
    sheet
        .level
        .map(|level| format!("Typical: {}", sheet.role.level(level).name))
        .into_iter()
        .chain(sheet.session.map(str::to_owned))
        .chain(sheet.date.map(str::to_owned))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// For the coach: how the sheet becomes a roster row.
fn coach_note(sheet: &Sheet<'_>) -> String {
    let level = sheet.level.map_or("LEVEL", Level::as_str);
    format!(
        "For the coach: enter this sheet as a roster row: name, role = {}, level = {level}, the time columns above, skills (names separated by ;), own1:title, own1:time, own1:exposure, own1:mode (own2:... for a second task); then run `ai-exposure workshop --roster roster.csv --out DIR`.",
        sheet.role.id
    )
}

/// The typical share at the sheet's level, or nothing.
fn typical(sheet: &Sheet<'_>, index: usize) -> String {
    sheet
        .level
        .map(|level| sheet.role.level(level).shares[index])
        .filter(|share| *share > 0.0)
        .map_or_else(String::new, pct)
}

const WORKSHEET_STYLE: &str = r#"
.sheet h1 { margin-bottom: 0; }
.sheet .who { font-size: 1.15rem; margin: .8rem 0 .4rem; }
.sheet .line { display: inline-block; min-width: 60%; border-bottom: 1.5px solid var(--ink); }
.sheet .box { width: 6.5rem; border: 1.5px solid var(--ink); }
.sheet td, .sheet th { padding: .45rem .45rem; }
.sheet code { font-size: .82em; color: var(--muted); white-space: nowrap; }
.sheet .blank { border-bottom: 1.5px solid var(--ink); }
.sheet .ticks { columns: 3; padding-left: 0; list-style: none; margin: .3rem 0; }
.sheet .ticks li { break-inside: avoid; margin-bottom: .2rem; }
.sheet .tick { display: inline-block; width: .9em; height: .9em; border: 1.5px solid var(--ink); vertical-align: -.1em; margin-right: .35em; }
.sheet .choices { white-space: nowrap; }
@media print {
  @page { margin: 8mm; }
  body.sheet { font: 10pt/1.16 Arial, "Liberation Sans", Helvetica, sans-serif; }
  .sheet h1 { font-size: 15pt; } .sheet h2 { font-size: 11.5pt; margin: .5rem 0 .15rem; }
  .sheet table, .sheet .note, .sheet footer, .sheet .ticks, .sheet .meta { font-size: 10pt; }
  .sheet code { font-size: 9.5pt; }
  .sheet td, .sheet th { padding: .06rem .3rem; vertical-align: middle; }
  .sheet .who { margin: .4rem 0 .2rem; }
  .sheet .box { height: 1.6rem; }
  .sheet .ticks { columns: 3; }
  .sheet p { margin: .15rem 0; }
  .sheet footer { margin-top: .4rem; }
}
"#;

pub fn render_html(sheet: &Sheet<'_>) -> String {
    let role = sheet.role;
    let mut out = String::new();
    let page_title = match sheet.name {
        Some(name) => format!("{name} · {}", title(sheet)),
        None => title(sheet),
    };
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}{WORKSHEET_STYLE}</style>\n</head>\n<body class=\"sheet\">\n",
        escape(&page_title)
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>",
        escape(&title(sheet)),
        escape(&subtitle(sheet))
    );
    let _ = writeln!(
        out,
        "<p class=\"who\">Name: <span class=\"line\" data-field=\"name\">{}</span></p>\n<p>{}</p>\n</header>",
        escape(sheet.name.unwrap_or("\u{a0}")),
        escape(INSTRUCTIONS)
    );
    let typical_heading = if sheet.level.is_some() { "Typical" } else { "" };
    let _ = writeln!(
        out,
        "<section id=\"sheet-tasks\">\n<table>\n<thead><tr><th>Task</th><th>Roster column</th><th class=\"num\">{}</th><th>Your time</th></tr></thead>\n<tbody>",
        typical_heading
    );
    for (index, task) in role.tasks.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr data-task=\"{}\"><td>{}</td><td><code>time:{}</code></td><td class=\"num\">{}</td><td class=\"box\"></td></tr>",
            escape(&task.id),
            escape(&task.title),
            escape(&task.id),
            typical(sheet, index)
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");

    let _ = writeln!(
        out,
        "<section id=\"sheet-own\">\n<h2>Tasks of your own</h2>\n<p class=\"note\">{}</p>\n<table>\n<thead><tr><th>Task</th><th>Your time</th><th>How much AI could do</th><th>AI would</th></tr></thead>\n<tbody>",
        escape(OWN_INSTRUCTIONS)
    );
    let tick = "<span class=\"tick\"></span>";
    for slot in 1..=MAX_CUSTOM_TASKS {
        let _ = writeln!(
            out,
            "<tr data-own=\"{slot}\"><td class=\"blank\"><code>own{slot}:title</code></td><td class=\"box\"></td><td class=\"choices\">{tick}high {tick}medium {tick}low</td><td class=\"choices\">{tick}do it {tick}help me</td></tr>"
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");

    let _ = writeln!(
        out,
        "<section id=\"sheet-skills\">\n<h2>Skills you have</h2>\n<p class=\"note\">Tick each one you have.</p>\n<ul class=\"ticks\">"
    );
    for skill in &role.skills {
        let _ = writeln!(
            out,
            "<li data-skill=\"{}\">{tick}{}</li>",
            escape(&skill.id),
            escape(&skill.name)
        );
    }
    let _ = writeln!(out, "</ul>\n</section>");
    let _ = write!(
        out,
        "<footer>{}<br>Made with ai-exposure, offline. Nothing written here leaves the room unless you hand it in.</footer>\n</body>\n</html>\n",
        escape(&coach_note(sheet))
    );
    out
}

pub fn render_markdown(sheet: &Sheet<'_>) -> String {
    let role = sheet.role;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&title(sheet)));
    let subtitle = subtitle(sheet);
    if !subtitle.is_empty() {
        let _ = writeln!(out, "{}\n", md(&subtitle));
    }
    let name = sheet.name.map_or_else(|| "\\_".repeat(30).into(), md);
    let _ = writeln!(out, "Name: {name}\n\n{}\n", md(INSTRUCTIONS));
    let _ = writeln!(
        out,
        "| Task | Roster column | Typical | Your time |\n|---|---|---:|---|"
    );
    for (index, task) in role.tasks.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | `time:{}` | {} | |",
            md(&task.title),
            task.id,
            typical(sheet, index)
        );
    }
    let _ = writeln!(
        out,
        "\n## Tasks of your own\n\n{}\n\n| Task | Your time | How much AI could do (high, medium, low) | AI would do it, or help me |\n|---|---|---|---|",
        md(OWN_INSTRUCTIONS)
    );
    for _ in 0..MAX_CUSTOM_TASKS {
        let _ = writeln!(out, "| | | | |");
    }
    let _ = writeln!(out, "\n## Skills you have\n\nTick each one you have.\n");
    for skill in &role.skills {
        let _ = writeln!(out, "- [ ] {} (`{}`)", md(&skill.name), skill.id);
    }
    let _ = writeln!(out, "\n---\n\n{}", md(&coach_note(sheet)));
    out
}
