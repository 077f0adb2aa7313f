//! Renderers: pure functions from a report (or listing) to text. Colour and width are decided
//! once at start-up and passed in, so renderers never look at the terminal themselves.

pub mod html;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod table;

/// How human output may look on this output stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Columns available; tables are fitted to it.
    pub width: u16,
}

pub use crate::scoring::percent as pct;

/// The range as people read it: "47–82% (central 65%)".
pub fn range_text(lower: f64, central: f64, upper: f64) -> String {
    let whole = |f: f64| (f * 100.0).round() as i64;
    format!(
        "{}–{}% (central {}%)",
        whole(lower),
        whole(upper),
        whole(central)
    )
}

/// "Title." without doubling the punctuation of a title that ends in "?" or "!".
pub fn sentence(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// The label of a band id from the report document ("very_high" → "Very high").
pub fn band_label(id: &str) -> &'static str {
    crate::scoring::Band::ALL
        .into_iter()
        .find(|b| b.id() == id)
        .map_or("", |b| b.label())
}

/// How a task is named in every view: the person's own tasks are marked.
pub fn task_label(task: &crate::report::TaskLine) -> String {
    if task.custom {
        format!("{} (yours)", task.title)
    } else {
        task.title.clone()
    }
}

/// Says when the two ends of the range fall in different bands.
pub fn straddle_sentence(report: &crate::report::Report) -> Option<String> {
    (report.risk.lower_band != report.risk.upper_band).then(|| {
        format!(
            "The range straddles a band threshold: from {} at its low end to {} at its high end.",
            band_label(&report.risk.lower_band),
            band_label(&report.risk.upper_band)
        )
    })
}

/// Explains the points column, in every view that has one.
pub const POINTS_NOTE: &str = "Points: time share × exposure weight (high 1, medium ½, low 0); they add up to the central figure.";

/// "… (central 52% at this level). Shares: …. To build: …." after the role's title.
pub fn adjacent_details(adjacent: &crate::report::AdjacentLine) -> String {
    let mut text = format!(
        "(central {} at this level). Shares: {}.",
        pct(adjacent.central),
        adjacent.shared_skills.join(", ")
    );
    if !adjacent.skills_to_build.is_empty() {
        text.push_str(&format!(
            " To build: {}.",
            adjacent.skills_to_build.join(", ")
        ));
    }
    text
}
