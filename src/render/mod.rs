//! Renderers: pure functions from a report (or listing) to text. Colour and width are decided
//! once at start-up and passed in, so renderers never look at the terminal themselves.

pub mod html;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod table;
pub mod worksheet;

/// How human output may look on this output stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Columns available; tables are fitted to it.
    pub width: u16,
    /// Show task ids beside titles, for `report --shift`.
    pub task_ids: bool,
}

pub use crate::scoring::percent as pct;

/// Who a handout is for, printed above the report in a workshop: twelve printed sheets must
/// be told apart. Notes say how the person's figures were read (a worksheet's hours scaled).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heading {
    pub name: String,
    /// The session's title (`--title "Spring cohort"`).
    pub session: Option<String>,
    /// The session's date, YYYY-MM-DD.
    pub date: Option<String>,
    pub notes: Vec<String>,
}

impl Heading {
    /// "For Ann Lee" and "Spring cohort · 2026-03-14", apart so the name can stand out.
    pub fn parts(&self) -> (String, Option<String>) {
        let rest: Vec<&str> = self
            .session
            .iter()
            .chain(&self.date)
            .map(String::as_str)
            .collect();
        (
            format!("For {}", self.name),
            (!rest.is_empty()).then(|| rest.join(" · ")),
        )
    }
}

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

/// The facts of a move after its title, in one paragraph: exposure, pay, education, how
/// long the step takes, what the person brings and what to build (never the same skill twice).
pub fn adjacent_details(adjacent: &crate::report::AdjacentLine) -> String {
    let mut text = format!("Central {} at this level", pct(adjacent.central));
    match adjacent.wage_change {
        Some(change) if change.abs() < 0.005 => text.push_str("; about the same median pay"),
        Some(change) => text.push_str(&format!(
            "; median pay {} {}",
            pct(change.abs()),
            if change > 0.0 { "higher" } else { "lower" }
        )),
        None => {}
    }
    text.push_str(&format!(
        "; {}. Entry: {}.",
        adjacent.education, adjacent.step
    ));
    if !adjacent.shared_skills.is_empty() {
        text.push_str(&format!(
            " You bring: {}.",
            adjacent.shared_skills.join(", ")
        ));
    }
    if !adjacent.skills_to_build.is_empty() {
        text.push_str(&format!(
            " To build: {}.",
            adjacent.skills_to_build.join(", ")
        ));
    }
    text
}

/// The level as a heading shows it: "Junior", or "Journeyman (mid)" where the role's name
/// for the level differs from its id.
pub fn level_heading(report: &crate::report::Report) -> String {
    let id = report.level.as_str();
    if report.level_name.to_lowercase().starts_with(id) {
        report.level_name.clone()
    } else {
        format!("{} ({id})", report.level_name)
    }
}

/// One row of the "what published indices say" table: label, figure, standing.
pub struct IndexRow {
    pub label: String,
    pub value: String,
    pub standing: String,
}

/// Our figure (for a curated role) and each published index, as rows to print.
pub fn index_rows(report: &crate::report::Report) -> Vec<IndexRow> {
    use crate::report::Tier;
    let mut rows = Vec::new();
    if report.role.tier == Tier::Curated {
        let whose = if report.personalized {
            "your time mix"
        } else {
            "this level's typical mix"
        };
        rows.push(IndexRow {
            label: format!("ai-exposure, {whose} (central)"),
            value: pct(report.exposure.central),
            standing: "task by task, weighted by time".to_owned(),
        });
    }
    for index in &report.indices {
        let value = if index.id.starts_with("eloundou") {
            pct(index.value)
        } else {
            format!("{:.2}", index.value)
        };
        let mut standing = standing(index.percentile);
        if let Some(broader) = &index.published_for {
            standing.push_str(&format!("; published for {broader}"));
        }
        rows.push(IndexRow {
            label: index.title.clone(),
            value,
            standing,
        });
    }
    rows
}

/// Where a figure stands among the occupations an index rates, in words that stay true at
/// the extremes.
pub fn standing(percentile: f64) -> String {
    match percentile {
        p if p >= 99.5 => "among the highest 1% of occupations".to_owned(),
        p if p < 0.5 => "among the lowest 1% of occupations".to_owned(),
        p => format!("higher than {}% of occupations", p.round() as i64),
    }
}

/// What the index figures mean, in one line under the table.
pub const INDEX_NOTE: &str = "β: share of the occupation's tasks an LLM could speed up by half (directly, or half-counted with extra tooling). Microsoft's score: how much of the work people already get AI help with, 0 to about 0.5. Neither measures job losses.";

/// "U.S. jobs (BLS): 1.66 million in 2022, projected +25.7% by 2032; ..." when published.
pub fn labour_sentence(report: &crate::report::Report) -> Option<String> {
    let labour = report.labour_market.as_ref()?;
    let jobs = people(labour.employment_2022);
    let wage = match labour.median_wage {
        Some(wage) if labour.wage_at_least => {
            format!("; median wage at least ${}", thousands(u64::from(wage)))
        }
        Some(wage) => format!("; median wage ${} a year", thousands(u64::from(wage))),
        None => String::new(),
    };
    let group = if report.role.soc_code.starts_with(&labour.code) {
        String::new()
    } else {
        format!(" (figures for {})", labour.title)
    };
    Some(format!(
        "U.S. jobs (BLS){group}: {jobs} in 2022, projected {:+.1}% by 2032{wage}; typical entry: {}.",
        labour.change_percent,
        labour.entry_education.to_lowercase()
    ))
}

/// How the range of a report was obtained, for its header.
pub fn basis_text(report: &crate::report::Report) -> &'static str {
    use crate::report::Basis;
    match report.exposure.basis {
        Basis::TaskMix => "task by task, weighted by time",
        Basis::PublishedRatings => {
            "range from the published GPT-4 and human ratings (Eloundou et al. 2023)"
        }
        Basis::GroupEstimate => "range estimated from rated occupations in the same SOC group",
    }
}

/// Said of every reference occupation, near the top, and where to look instead.
pub fn no_tasks_yet(report: &crate::report::Report) -> String {
    let mut text = "Published figures only: this occupation has no task-by-task view in ai-exposure yet, so there is no personal mix, skills or plan.".to_owned();
    if !report.closest_roles.is_empty() {
        text.push_str(" The curated roles below have one.");
    }
    text
}

/// "1.66 million", "412,300": employment as people read it.
pub fn people(count: u64) -> String {
    if count >= 1_000_000 {
        format!("{:.2} million", count as f64 / 1_000_000.0)
    } else {
        thousands(count)
    }
}

/// 127260 → "127,260".
pub fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
