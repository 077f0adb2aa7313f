//! The HTML handout: one self-contained file (no external fonts, scripts or images) with an
//! inline SVG chart, a print stylesheet for one or two A4/Letter pages, and nothing that
//! relies on colour alone: bands are words, exposure levels are patterns and labels.

use super::{
    Heading, INDEX_NOTE, POINTS_NOTE, adjacent_details, basis_text, index_rows, labour_sentence,
    level_heading, no_tasks_yet, pct, range_text, sentence, straddle_sentence, task_label,
};
use crate::dataset::{Exposure, Outlook};
use crate::report::{Report, TaskLine, Tier};
use std::borrow::Cow;
use std::fmt::Write;

/// Shared by every page this tool writes (handouts and workshop summaries).
pub const STYLE: &str = r#"
:root { --ink: #1b1b1b; --muted: #555; --line: #c9c9c9; --soft: #f3f3f3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); max-width: 56rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .15rem; }
p { margin: .35rem 0; }
.meta, .note { color: var(--muted); font-size: .9em; }
.headline { font-size: 1.15rem; margin: .4rem 0; }
.for { font-size: 1.05rem; margin: .1rem 0 .3rem; }
.band { display: inline-block; border: 2px solid var(--ink); border-radius: 3px; padding: 0 .45rem;
        font-weight: 700; letter-spacing: .02em; }
.band.high, .band.very_high { background: var(--ink); color: #fff; }
.band.elevated { border-style: double; border-width: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--line); }
th { border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; white-space: nowrap; }
.exposure { font-weight: 700; text-transform: uppercase; font-size: .85em; white-space: nowrap; }
.skills { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
.skills h3 { font-size: 1rem; margin: .2rem 0; }
.skills ul { margin: 0; padding-left: 1.1rem; }
ol.strategies li { margin-bottom: .5rem; }
.because { font-style: italic; color: var(--muted); }
figure { margin: .5rem 0; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--line); font-size: .85em; color: var(--muted); }
@media (max-width: 640px) {
  body { margin: 1rem auto; padding: 0 .75rem; font-size: 14px; }
  .skills { grid-template-columns: 1fr; }
  #tasks thead { display: none; }
  #tasks tr { display: block; padding: .45rem 0; border-bottom: 1px solid var(--line); }
  #tasks td, #tasks th { display: inline; border: 0; padding: 0 .4rem 0 0; }
  #tasks td:first-child { display: block; font-weight: 600; }
  #tasks td:last-child { display: block; padding-top: .2rem; }
  #tasks td:nth-child(4)::after { content: " of the time,"; }
  #tasks td:nth-child(5)::after { content: " points"; }
}
@media print {
  /* Every text at 9.5pt or more, every role on two A4 or Letter pages: the task table
     stacks each rationale under its task at full width, the chart (whose data the table
     holds) and the long titles of sources give way, and a narrower face is preferred. */
  @page { margin: 8mm; }
  body { max-width: none; margin: 0; padding: 0;
         font: 9.5pt/1.14 Arial, "Liberation Sans", Helvetica, sans-serif; }
  h1 { font-size: 15pt; } h2 { font-size: 11pt; margin: .4rem 0 .12rem; padding-bottom: 0; border-bottom-width: 1px; }
  .headline { font-size: 11pt; margin: .1rem 0; }
  .meta, .note, .exposure, table, .skills, footer, #sources ul, #moves ul { font-size: 9.5pt; }
  th, td { padding: .02rem .2rem; }
  figure { display: none; }
  #tasks thead { display: none; }
  #tasks table, #tasks tbody { display: block; }
  #tasks tr { display: block; padding: .06rem 0; border-bottom: 1px solid var(--line); }
  #tasks td, #tasks th { display: inline; border: 0; padding: 0 .35rem 0 0; }
  #tasks td:first-child { font-weight: 700; }
  #tasks td:last-child { display: block; padding: 0; }
  #tasks td:nth-child(4)::after { content: " of the time,"; }
  #tasks td:nth-child(5)::after { content: " points"; }
  .skills { display: block; }
  .skills h3 { display: inline; font-size: 9.5pt; }
  .skills h3::after { content: ": "; }
  .skills ul, .skills li { display: inline; padding: 0; }
  .skills li + li::before { content: ", "; }
  .skills .why { display: none; }
  ol.strategies br { display: none; }
  ol.strategies .because::before { content: " "; }
  #sources ul { padding: 0; margin: 0; }
  #sources li { display: inline; }
  #sources li + li::before { content: " · "; }
  #sources .title { display: none; }
  #sources a { color: inherit; text-decoration: none; }
  ul, ol { margin: .08rem 0; padding-left: 1rem; } p { margin: .08rem 0; } li { margin: 0; }
  figure, tr, li { break-inside: avoid; }
  .band.high, .band.very_high { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { margin-top: .3rem; padding-top: .2rem; }
}
"#;

/// Rows of the chart, label column and bar area, in SVG units.
const ROW: usize = 22;
const LABEL: usize = 270;
const BARS: usize = 330;

/// Opens the page and writes the title, band and range.
fn headline(out: &mut String, report: &Report) {
    let title = format!("{} · {}", report.role.title, level_heading(report));
    page_start(out, &format!("{title}: AI exposure"));
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"headline\"><span class=\"band {}\">{} risk</span> exposure {}</p>",
        escape(&report.risk.band),
        escape(&report.risk.label),
        escape(&range_text(
            report.exposure.lower,
            report.exposure.central,
            report.exposure.upper
        ))
    );
    if let Some(straddle) = straddle_sentence(report) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&straddle));
    }
}

pub fn render_report(report: &Report) -> String {
    if report.role.tier == Tier::Reference {
        return render_reference(report);
    }
    let mut out = String::with_capacity(32 * 1024);
    headline(&mut out, report);
    let mix = if report.personalized {
        "your own time mix"
    } else {
        "the typical time mix for this level"
    };
    let _ = writeln!(
        out,
        "<p class=\"meta\">O*NET-SOC {} · based on {mix}</p>",
        escape(&report.role.soc_code)
    );
    if let Some(what_if) = &report.what_if {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong></p>",
            escape(&super::table::what_if_sentence(report, what_if))
        );
    }
    let _ = writeln!(out, "</header>");

    let _ = writeln!(
        out,
        "<section id=\"tasks\">\n<h2>Where your time goes, and what AI reaches</h2>"
    );
    out.push_str(&chart(&report.tasks));
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th>Task</th><th>Exposure</th><th>Mode</th><th class=\"num\">Time</th><th class=\"num\">Points</th><th>Why</th></tr></thead>\n<tbody>"
    );
    for task in &report.tasks {
        let title = task_label(task);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"exposure\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}</td><td>{}</td></tr>",
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
        "<tr><th>Total</th><td></td><td></td><td class=\"num\">100%</td><td class=\"num\">{:.1}</td><td></td></tr>\n</tbody>\n</table>",
        report.exposure.central * 100.0
    );
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>\n</section>",
        escape(POINTS_NOTE)
    );

    let holder = if report.personalized {
        "you have it"
    } else {
        "typical at this level"
    };
    let _ = writeln!(
        out,
        "<section id=\"skills\">\n<h2>Skills</h2>\n<div class=\"skills\">"
    );
    for (outlook, heading) in [
        (Outlook::Vulnerable, "Under pressure"),
        (Outlook::Resilient, "Holding their value"),
    ] {
        let _ = writeln!(out, "<div><h3>{heading}</h3><ul>");
        for skill in report.skills.iter().filter(|s| s.outlook == outlook) {
            let mark = if skill.held { " ✓" } else { "" };
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>{mark}<span class=\"why\">: {}</span></li>",
                escape(&skill.name),
                escape(&skill.rationale)
            );
        }
        let _ = writeln!(out, "</ul></div>");
    }
    let _ = writeln!(
        out,
        "</div>\n<p class=\"note\">✓ = {holder}.</p>\n</section>"
    );

    let _ = writeln!(out, "<section id=\"insights\">\n<h2>Insights</h2>\n<ul>");
    for insight in &report.insights {
        let _ = writeln!(out, "<li>{}</li>", escape(insight));
    }
    let _ = writeln!(out, "</ul>\n</section>");

    let _ = writeln!(
        out,
        "<section id=\"strategies\">\n<h2>What to do about it</h2>\n<ol class=\"strategies\">"
    );
    for strategy in &report.strategies {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>. {}<br><span class=\"because\">Because {}.</span></li>",
            escape(&strategy.title),
            escape(&strategy.detail),
            escape(&strategy.because)
        );
    }
    let _ = writeln!(out, "</ol>\n</section>");

    let _ = writeln!(out, "<section id=\"moves\">\n<h2>Where to move next</h2>");
    if let Some(note) = &report.moves_note {
        let _ = writeln!(out, "<p>{}</p>", escape(note));
    }
    let _ = writeln!(out, "<ul>");
    for adjacent in &report.adjacent_roles {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            escape(&adjacent.title),
            escape(&adjacent_details(adjacent))
        );
    }
    let _ = writeln!(out, "</ul>\n</section>");

    published_section(&mut out, report);
    sources_section(&mut out, report);
    out
}

fn render_reference(report: &Report) -> String {
    let mut out = String::new();
    headline(&mut out, report);
    let _ = writeln!(
        out,
        "<p class=\"meta\">O*NET-SOC {} · {}</p>\n<p>{}</p>\n</header>",
        escape(&report.role.soc_code),
        escape(basis_text(report)),
        escape(&no_tasks_yet(report))
    );
    published_section(&mut out, report);
    let _ = writeln!(out, "<section id=\"insights\">\n<h2>Insights</h2>\n<ul>");
    for insight in &report.insights {
        let _ = writeln!(out, "<li>{}</li>", escape(insight));
    }
    let _ = writeln!(
        out,
        "</ul>\n</section>\n<section id=\"closest\">\n<h2>For a task-by-task view and a plan</h2>\n<ul>"
    );
    if report.closest_roles.is_empty() {
        let _ = writeln!(
            out,
            "<li>No curated role is close to this occupation yet.</li>"
        );
    }
    for link in &report.closest_roles {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> (<code>{}</code>): {}.</li>",
            escape(&link.title),
            escape(&link.id),
            escape(&link.reason)
        );
    }
    let _ = writeln!(out, "</ul>\n</section>");
    sources_section(&mut out, report);
    out
}

fn published_section(out: &mut String, report: &Report) {
    let labour = labour_sentence(report);
    if report.indices.is_empty() && labour.is_none() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"indices\">\n<h2>What published indices say</h2>"
    );
    if !report.indices.is_empty() {
        let _ = writeln!(
            out,
            "<table>\n<thead><tr><th>Figure</th><th class=\"num\">Value</th><th>Standing</th></tr></thead>\n<tbody>"
        );
        for row in index_rows(report) {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&row.label),
                escape(&row.value),
                escape(&row.standing)
            );
        }
        let _ = writeln!(
            out,
            "</tbody>\n</table>\n<p class=\"note\">{}</p>",
            escape(INDEX_NOTE)
        );
    }
    if let Some(labour) = labour {
        let _ = writeln!(out, "<p>{}</p>", escape(&labour));
    }
    let _ = writeln!(out, "</section>");
}

fn sources_section(out: &mut String, report: &Report) {
    let _ = writeln!(out, "<section id=\"sources\">\n<h2>Sources</h2>\n<ul>");
    for source in &report.sources {
        // A link the reader may follow on screen; printed, the address itself is the reference.
        let link = source.link.as_ref().map_or(String::new(), |link| {
            format!(
                " <a href=\"{}\">{}</a>",
                escape(link),
                escape(link.trim_start_matches("https://"))
            )
        });
        let _ = writeln!(
            out,
            "<li>{} ({}). <em class=\"title\">{}</em>{link}</li>",
            escape(&source.authors),
            source.year,
            escape(&sentence(&source.title))
        );
    }
    let _ = writeln!(out, "</ul>\n</section>");
    page_end(
        out,
        &format!(
            "Dataset {} (ratings as of {}). {}",
            report.dataset.version, report.dataset.as_of, report.disclaimer
        ),
    );
}

/// A workshop handout: a rendered report with who it is for and the session under its title.
/// A page rendered once serves everyone with the same report.
pub fn with_heading(page: &str, heading: &Heading) -> String {
    let (name, rest) = heading.parts();
    let mut block = format!("<p class=\"for\"><strong>{}</strong>", escape(&name));
    if let Some(rest) = rest {
        let _ = write!(block, " · {}", escape(&rest));
    }
    block.push_str("</p>\n");
    for note in &heading.notes {
        let _ = writeln!(block, "<p class=\"note\">{}</p>", escape(note));
    }
    // The name leads the page title too: a browser's tabs and a print's header line tell
    // twelve handouts apart by it.
    let title = page.find("<title>").map_or(0, |at| at + "<title>".len());
    let at = page.find("</h1>\n").map_or(0, |at| at + "</h1>\n".len());
    let mut out = String::with_capacity(page.len() + block.len() + heading.name.len() + 4);
    out.push_str(&page[..title]);
    if !heading.name.is_empty() && title > 0 {
        let _ = write!(out, "{} · ", escape(&heading.name));
    }
    out.push_str(&page[title..at]);
    out.push_str(&block);
    out.push_str(&page[at..]);
    out
}

/// Opens a self-contained page with the shared style.
pub fn page_start(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
}

/// Closes a page with its footer line.
pub fn page_end(out: &mut String, footer: &str) {
    let _ = write!(
        out,
        "<footer>{}<br>Made with ai-exposure, offline.</footer>\n</body>\n</html>\n",
        escape(footer)
    );
}

/// One row per task: an outlined bar for its share of time, filled with its exposure's
/// pattern as far as its points reach. Readable in black and white.
fn chart(tasks: &[TaskLine]) -> String {
    let longest = tasks
        .iter()
        .map(|t| t.time_share)
        .fold(0.0_f64, f64::max)
        .max(0.01);
    let scale = |share: f64| share / longest * (BARS - 70) as f64;
    let height = ROW * (tasks.len() + 1) + 6;
    let width = LABEL + BARS;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {width} {height}\" width=\"100%\" class=\"chart\">\n<title id=\"chart-title\">Time share and exposed share of each task</title>"
    );
    let _ = writeln!(
        svg,
        "<defs>\n<pattern id=\"p-high\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"#fff\"/><rect width=\"3\" height=\"5\" fill=\"#1b1b1b\"/></pattern>\n<pattern id=\"p-medium\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" fill=\"#fff\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.2\" fill=\"#1b1b1b\"/></pattern>\n</defs>"
    );
    let legend = [
        ("p-high", "high: AI can do most of it"),
        ("p-medium", "medium: AI helps with parts"),
    ];
    let mut x = 0;
    for (pattern, text) in legend {
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"12\" fill=\"url(#{pattern})\" stroke=\"#1b1b1b\"/><text x=\"{}\" y=\"14\">{text}</text>",
            x + 18
        );
        x += 200;
    }
    let _ = writeln!(
        svg,
        "<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"12\" fill=\"#fff\" stroke=\"#1b1b1b\"/><text x=\"{}\" y=\"14\">low or unexposed time</text>",
        x + 18
    );
    for (i, task) in tasks.iter().enumerate() {
        let y = ROW * (i + 1) + 6;
        let title = task_label(task);
        let label: String = if title.chars().count() > 42 {
            format!("{}…", title.chars().take(41).collect::<String>())
        } else {
            title.clone()
        };
        let (bar, filled) = (scale(task.time_share), scale(task.contribution));
        let fill = match task.exposure {
            Exposure::High => "url(#p-high)",
            Exposure::Medium => "url(#p-medium)",
            Exposure::Low => "#fff",
        };
        let _ = writeln!(
            svg,
            "<g class=\"task\" data-exposure=\"{}\" data-time-share=\"{:.4}\" data-contribution=\"{:.4}\"><title>{}: {} of your time, {} exposure</title>\n<text x=\"0\" y=\"{}\">{}</text>\n<rect x=\"{LABEL}\" y=\"{}\" width=\"{bar:.1}\" height=\"14\" fill=\"#fff\" stroke=\"#1b1b1b\"/>\n<rect x=\"{LABEL}\" y=\"{}\" width=\"{filled:.1}\" height=\"14\" fill=\"{fill}\" stroke=\"#1b1b1b\"/>\n<text x=\"{:.1}\" y=\"{}\">{} · {}</text></g>",
            task.exposure.as_str(),
            task.time_share,
            task.contribution,
            escape(&title),
            pct(task.time_share),
            task.exposure.as_str(),
            y + 11,
            escape(&label),
            y,
            y,
            LABEL as f64 + bar + 6.0,
            y + 11,
            pct(task.time_share),
            task.exposure.as_str()
        );
    }
    let _ = writeln!(
        svg,
        "</svg>\n<figcaption class=\"note\">Outline: share of your time. Filled part: the points it adds (all of a high task, half of a medium one).</figcaption>\n</figure>"
    );
    svg
}

/// Text and attribute values: the five characters HTML gives meaning to.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}
