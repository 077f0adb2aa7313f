//! Pages in a real browser: headless Chromium loads them with no console errors, every
//! role's handout prints on at most two A4 or Letter pages with no text under 9.5pt, every
//! worksheet on one page, and the workshop summary reads from the back of a room at
//! 1280×720. Needs the Debian `chromium` package; .ci/run installs it.
//!
//! Printing a PDF takes Chromium about two seconds, too long for 600 handouts. So every page
//! is laid out as printed (its `@media print` rules applied on screen, at the paper's
//! printable width) in one Chromium run and measured; the tallest are then printed for real.

use crate::support::run;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run this check: .ci/run installs chromium"
        );
        eprintln!("chromium is not installed here; skipping the browser check (CI runs it)");
    }
    found
}

/// Flags for a headless run on a machine without network or display.
fn headless(binary: &Path, profile: &Path) -> Command {
    let mut command = Command::new(binary);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .args([
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .args(["--enable-logging=stderr", "--v=0"])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// Console messages and failed loads Chromium logged for a page.
fn console_errors(binary: &Path, page: &Path) -> Vec<String> {
    let profile = tempfile::tempdir().expect("profile dir");
    let output = headless(binary, profile.path())
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(dom.contains("</body>"), "the page loaded");
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| {
            l.contains("CONSOLE") || l.contains("Failed to load resource") || l.contains("net::ERR")
        })
        .map(str::to_owned)
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    fn size(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }

    fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

const PX_PER_MM: f64 = 96.0 / 25.4;

/// The page margin a stylesheet's print rules set, in millimetres.
fn page_margin(html: &str) -> f64 {
    let at = html.find("@page { margin: ").expect("a print margin") + "@page { margin: ".len();
    html[at..]
        .split("mm")
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a margin in mm")
}

/// Real pages when printed to PDF on `paper`.
fn pdf_pages(binary: &Path, html: &str, paper: Paper) -> usize {
    let profile = tempfile::tempdir().expect("profile dir");
    let page = profile.path().join("page.html");
    let sized = html.replacen(
        "@media print {",
        &format!("@media print {{ @page {{ size: {}; }}", paper.css()),
        1,
    );
    std::fs::write(&page, sized).expect("write page");
    let pdf = profile.path().join("out.pdf");
    let output = headless(binary, profile.path())
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&pdf).expect("a PDF was written");
    let text = String::from_utf8_lossy(&bytes);
    ["/Type /Page", "/Type/Page"]
        .iter()
        .map(|marker| {
            text.match_indices(marker)
                .filter(|(i, _)| !text[i + marker.len()..].starts_with('s'))
                .count()
        })
        .sum()
}

/// What the measuring script found in one page.
#[derive(Debug, serde::Deserialize)]
struct Measured {
    name: String,
    /// Laid-out height, CSS px.
    height: f64,
    /// Widest content, CSS px.
    width: f64,
    /// Smallest computed font size of any visible text, CSS px.
    smallest_font: f64,
    /// The heights of the `section` elements, CSS px.
    sections: Vec<(String, f64)>,
}

/// Lays every page out in an iframe `width` × `height` px in one Chromium run and measures
/// it. With `as_printed`, the pages' print rules are applied and their screen rules dropped.
fn measure(
    binary: &Path,
    pages: &[(String, String)],
    width: f64,
    height: f64,
    as_printed: bool,
) -> Vec<Measured> {
    let documents: Vec<(String, String)> = pages
        .iter()
        .map(|(name, html)| {
            let html = if as_printed {
                html.replace("@media print {", "@media all {")
                    .replace("@media screen {", "@media not all {")
                    .replace("@media (max-width: 640px)", "@media not all")
            } else {
                html.clone()
            };
            (name.clone(), html)
        })
        .collect();
    let script = format!(
        r#"<!doctype html><html><body><pre id="out"></pre><script>
const documents = {};
const results = [];
for (const [name, html] of documents) {{
  const frame = document.createElement('iframe');
  frame.style.width = '{width}px';
  frame.style.height = '{height}px';
  frame.style.border = '0';
  document.body.appendChild(frame);
  const doc = frame.contentDocument;
  doc.open(); doc.write(html); doc.close();
  let smallest = 1000;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {{
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest('svg')) continue;
    const rects = element.getClientRects();
    if (!rects.length || element.closest('.visually-hidden')) continue;
    smallest = Math.min(smallest, parseFloat(frame.contentWindow.getComputedStyle(element).fontSize));
  }}
  const sections = [...doc.querySelectorAll('section')].map(s => [s.id, s.offsetHeight]);
  results.push({{name, height: doc.documentElement.scrollHeight, width: doc.documentElement.scrollWidth,
                 smallest_font: smallest, sections}});
  frame.remove();
}}
document.getElementById('out').textContent = JSON.stringify(results);
</script></body></html>"#,
        serde_json::to_string(&documents).expect("json")
    );
    let profile = tempfile::tempdir().expect("profile dir");
    let harness = profile.path().join("measure.html");
    std::fs::write(&harness, script).expect("write harness");
    let output = headless(binary, profile.path())
        .arg("--dump-dom")
        .arg(format!("file://{}", harness.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let json = dom
        .split("<pre id=\"out\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .expect("the measuring script ran");
    let json = json
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let measured: Vec<Measured> = serde_json::from_str(&json).expect("measurements");
    assert_eq!(measured.len(), pages.len(), "every page was measured");
    measured
}

/// Printed pages a measured height fills on `paper` with `margin` mm around.
fn pages_filled(height: f64, paper: Paper, margin: f64) -> f64 {
    height / ((paper.size().1 - 2.0 * margin) * PX_PER_MM)
}

fn printable_width(paper: Paper, margin: f64) -> f64 {
    (paper.size().0 - 2.0 * margin) * PX_PER_MM
}

fn every_role() -> Vec<String> {
    let (json, _) = run(&["roles", "--json"], 0);
    let roles: Vec<serde_json::Value> = serde_json::from_str(&json).expect("roles");
    roles
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Lays out `pages` on both papers and checks each fills at most `most` pages (with room
/// for page breaks) and prints no text under 9.5pt; the tallest `real` are printed for real.
fn check_print(binary: &Path, pages: &[(String, String)], most: usize, real: usize) {
    let margin = page_margin(&pages[0].1);
    for paper in [Paper::A4, Paper::Letter] {
        let mut measured = measure(binary, pages, printable_width(paper, margin), 600.0, true);
        for page in &measured {
            assert!(
                page.smallest_font >= 9.5 / 72.0 * 96.0 - 0.05,
                "{}: text at {:.1}px, under 9.5pt",
                page.name,
                page.smallest_font
            );
            let filled = pages_filled(page.height, paper, margin);
            assert!(
                filled <= most as f64 - 0.04,
                "{} fills {filled:.2} {paper:?} pages, more than {most}",
                page.name
            );
        }
        measured.sort_by(|a, b| b.height.total_cmp(&a.height));
        for tallest in measured.iter().take(real) {
            let html = &pages
                .iter()
                .find(|(n, _)| *n == tallest.name)
                .expect("page")
                .1;
            let printed = pdf_pages(binary, html, paper);
            assert!(
                (1..=most).contains(&printed),
                "{} prints on {printed} {paper:?} pages",
                tallest.name
            );
        }
    }
}

#[test]
fn handouts_load_without_console_errors() {
    let Some(binary) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.html");
    std::fs::write(
        &broken,
        "<!doctype html><title>x</title><body><script>console.error('deliberate')</script></body>",
    )
    .expect("write");
    assert!(
        !console_errors(&binary, &broken).is_empty(),
        "the detector sees a console error when there is one"
    );
    for (role, level) in [
        ("backend", "junior"),
        ("nurse", "lead"),
        ("15-1299.08", "mid"),
    ] {
        let (html, _) = run(&["report", "-r", role, "-l", level, "--format", "html"], 0);
        let page = dir.path().join(format!("{role}-{level}.html"));
        std::fs::write(&page, html).expect("write handout");
        let errors = console_errors(&binary, &page);
        assert!(errors.is_empty(), "{role} {level}: {errors:#?}");
    }
}

/// Every curated role at every level, as `report --format html` prints it (through the
/// library, since 600 processes would take longer than the check).
fn every_handout() -> Vec<(String, String)> {
    use ai_exposure::dataset::{Level, Store};
    use ai_exposure::scoring::{Profile, assess};
    let store = Store::bundled();
    let dataset = store.to_dataset().expect("decodes");
    let mut pages = Vec::new();
    for role in &dataset.roles {
        for level in Level::ALL {
            let assessment = assess(role, &Profile::typical(role, level));
            let report = ai_exposure::report::build(&dataset.meta, role, &assessment);
            pages.push((
                format!("{} {}", role.id, level.as_str()),
                ai_exposure::render::html::render_report(&report),
            ));
        }
    }
    pages
}

#[test]
fn every_role_prints_on_two_pages_at_a_readable_size() {
    let Some(binary) = chromium() else { return };
    let pages = every_handout();
    let (one, _) = run(
        &["report", "-r", "nurse", "-l", "lead", "--format", "html"],
        0,
    );
    assert_eq!(
        pages
            .iter()
            .find(|(name, _)| name == "registered-nurse lead")
            .map(|p| &p.1),
        Some(&one),
        "the pages checked are the ones the command prints"
    );
    let doubled = one.replace(
        "<section id=\"sources\">",
        &one[one.find("<section id=\"tasks\">").expect("tasks")..],
    );
    let margin = page_margin(&one);
    let overflowing = measure(
        &binary,
        &[("doubled".into(), doubled)],
        printable_width(Paper::Letter, margin),
        600.0,
        true,
    );
    assert!(
        pages_filled(overflowing[0].height, Paper::Letter, margin) > 2.0,
        "the measure sees a page that is too long"
    );
    check_print(&binary, &pages, 2, 2);
}

#[test]
fn every_worksheet_prints_on_one_page() {
    let Some(binary) = chromium() else { return };
    let pages: Vec<(String, String)> = every_role()
        .into_iter()
        .map(|role| {
            let (html, _) = run(
                &[
                    "worksheet",
                    "--role",
                    &role,
                    "--level",
                    "mid",
                    "--name",
                    "Maximilian Alexander Oyelaran-Fitzgerald",
                    "--title",
                    "Spring cohort, evening group",
                    "--date",
                    "2026-03-14",
                ],
                0,
            );
            (role, html)
        })
        .collect();
    check_print(&binary, &pages, 1, 2);
}

#[test]
fn the_summary_reads_from_the_back_of_the_room_and_prints_on_two_pages() {
    let Some(binary) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let roster = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/workshop/mixed-room.csv"
    );
    run(
        &[
            "workshop",
            "--roster",
            roster,
            "--out",
            out.to_str().expect("path"),
            "--title",
            "Spring cohort",
            "--date",
            "2026-03-14",
        ],
        0,
    );
    let html = std::fs::read_to_string(out.join("summary.html")).expect("summary.html");
    let page = out.join("summary.html");
    assert!(console_errors(&binary, &page).is_empty());
    let measured = &measure(
        &binary,
        &[("summary".into(), html.clone())],
        1280.0,
        720.0,
        false,
    )[0];
    assert!(
        measured.smallest_font >= 24.0,
        "text at {}px is too small to read from the back",
        measured.smallest_font
    );
    assert!(measured.width <= 1280.0, "nothing runs off the side");
    assert!(measured.sections.len() >= 5, "{:?}", measured.sections);
    for (id, height) in &measured.sections {
        assert!(
            *height <= 721.0,
            "section {id} is {height}px, more than a screen"
        );
    }
    for paper in [Paper::A4, Paper::Letter] {
        let printed = pdf_pages(&binary, &html, paper);
        assert!(
            (1..=2).contains(&printed),
            "the summary prints on {printed} {paper:?} pages"
        );
    }
}
