//! The HTML handout, parsed: self-contained, with a chart that carries the report's data,
//! and readable without colour. The browser test loads it in a real Chromium.

use crate::support::{run, schema};
use scraper::{Html, Selector};

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("valid selector")
}

pub fn handout(args: &[&str]) -> (String, Html) {
    let (text, _) = run(args, 0);
    let document = Html::parse_document(&text);
    (text, document)
}

#[test]
fn the_handout_is_a_single_self_contained_page() {
    let (text, document) = handout(&[
        "report", "-r", "backend", "-l", "junior", "--format", "html",
    ]);
    assert!(text.starts_with("<!doctype html>"));
    for banned in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "@import",
        "url(http",
        "src=\"http",
    ] {
        assert!(
            !text.contains(banned),
            "the handout must not load anything: found {banned}"
        );
    }
    assert!(
        document
            .select(&select("[href]"))
            .all(|e| e.value().name() == "a"),
        "addresses only in links a reader may follow"
    );
    let sources: Vec<_> = document.select(&select("#sources li")).collect();
    assert!(!sources.is_empty());
    for source in sources {
        let link = source
            .select(&select("a"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .unwrap_or_else(|| panic!("a source without its identifier: {}", source.html()));
        assert!(
            link.starts_with("https://"),
            "{link}: sources are found by DOI or address"
        );
    }
    assert_eq!(
        document.select(&select("head > style")).count(),
        1,
        "one inline stylesheet"
    );
    assert!(text.contains("@media print"), "a print stylesheet");
    let title = document
        .select(&select("title"))
        .next()
        .expect("title")
        .text()
        .collect::<String>();
    assert_eq!(title, "Backend developer · Junior: AI exposure");
    assert!(
        document.errors.is_empty() || document.errors.iter().all(|e| !e.contains("Unexpected")),
        "{:?}",
        document.errors
    );
}

#[test]
fn the_chart_carries_every_task_with_its_time_and_points() {
    let (_, document) = handout(&[
        "report", "-r", "backend", "-l", "junior", "--format", "html",
    ]);
    let (json, _) = run(&["report", "-r", "backend", "-l", "junior", "--json"], 0);
    let report = schema::report(&json);
    let rows: Vec<_> = document.select(&select("svg.chart g.task")).collect();
    assert_eq!(rows.len(), report.tasks.len(), "one chart row per task");
    for (row, task) in rows.iter().zip(&report.tasks) {
        let attr = |name: &str| row.value().attr(name).expect("data attribute").to_owned();
        assert_eq!(attr("data-exposure"), task.exposure);
        assert!(
            (attr("data-time-share").parse::<f64>().expect("number") - task.time_share).abs()
                < 1e-4
        );
        assert!(
            (attr("data-contribution").parse::<f64>().expect("number") - task.contribution).abs()
                < 1e-4
        );
        let label = row.text().collect::<String>();
        assert!(
            label.contains(
                &format!(
                    "{} · {}",
                    (task.time_share * 100.0).round() as i64,
                    task.exposure
                )
                .replace(" · ", "% · ")
            ),
            "{label}"
        );
    }
    assert_eq!(
        document.select(&select("svg.chart pattern")).count(),
        2,
        "high and medium are patterns, not colours"
    );
    assert!(
        document
            .select(&select("svg.chart > title"))
            .next()
            .is_some(),
        "the chart has an accessible title"
    );
}

#[test]
fn bands_and_levels_are_words_not_colours() {
    let (_, document) = handout(&[
        "report",
        "-r",
        "translator",
        "-l",
        "junior",
        "--format",
        "html",
    ]);
    let band = document
        .select(&select(".headline .band"))
        .next()
        .expect("band badge");
    assert_eq!(band.text().collect::<String>(), "Very high risk");
    let exposures: Vec<String> = document
        .select(&select("#tasks td.exposure"))
        .map(|e| e.text().collect())
        .collect();
    assert!(
        !exposures.is_empty()
            && exposures
                .iter()
                .all(|e| ["high", "medium", "low"].contains(&e.as_str()))
    );
    for section in [
        "tasks",
        "skills",
        "insights",
        "strategies",
        "moves",
        "sources",
    ] {
        assert!(
            document
                .select(&select(&format!("section#{section} h2")))
                .next()
                .is_some(),
            "section {section}"
        );
    }
    let footer = document
        .select(&select("footer"))
        .next()
        .expect("footer")
        .text()
        .collect::<String>();
    assert!(footer.contains("Exposure is not displacement") && footer.contains("Dataset "));
}

#[test]
fn text_from_answers_is_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    let answers = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/answers-backend-junior.toml"
    ))
    .expect("example")
    .replace(
        "Maintain the build and deployment pipeline",
        "<script>alert(1)</script> & \\\"friends\\\"",
    );
    std::fs::write(&path, answers).expect("write");
    let (text, document) = handout(&[
        "report",
        "--answers",
        path.to_str().expect("path"),
        "--format",
        "html",
    ]);
    assert!(!text.contains("<script>"), "escaped");
    assert!(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"));
    assert_eq!(document.select(&select("script")).count(), 0);
}

#[test]
fn markdown_and_html_handouts_carry_the_same_content() {
    let (markdown, _) = run(
        &[
            "report", "-r", "nurse", "-l", "senior", "--format", "markdown",
        ],
        0,
    );
    let (_, document) = handout(&["report", "-r", "nurse", "-l", "senior", "--format", "html"]);
    let strategies: Vec<String> = document
        .select(&select("ol.strategies li strong"))
        .map(|e| e.text().collect())
        .collect();
    assert!(!strategies.is_empty());
    for title in strategies {
        assert!(markdown.contains(&title), "{title} is in both handouts");
    }
}
