//! Quality rules for the curated dataset in data/, read from disk with the same loader the
//! build uses. These go beyond what the build enforces: depth per role and content checks.

use ai_exposure::dataset::content::{self, Scope};
use ai_exposure::dataset::load::read_dir;
use ai_exposure::dataset::reference::read_reference;
use ai_exposure::dataset::validate::compile_checked;
use ai_exposure::dataset::{Dataset, Exposure, Level};
use std::path::Path;
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let raw = read_dir(&data).expect("data/ reads");
        let base = Dataset {
            reference: read_reference(&data).expect("the reference data reads"),
            ..Dataset::empty()
        };
        compile_checked(&raw, base).unwrap_or_else(|problems| {
            panic!(
                "data/ is invalid:\n{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
    })
}

#[test]
fn the_dataset_covers_at_least_fifty_roles_in_fourteen_families() {
    let d = dataset();
    let families: std::collections::BTreeSet<&str> =
        d.roles.iter().map(|r| r.family.id.as_str()).collect();
    assert!(d.roles.len() >= 50, "{} roles", d.roles.len());
    assert!(families.len() >= 14, "{} families", families.len());
}

#[test]
fn every_role_has_the_depth_we_promise() {
    for role in &dataset().roles {
        let id = &role.id;
        assert!(
            (8..=14).contains(&role.tasks.len()),
            "{id}: {} tasks",
            role.tasks.len()
        );
        assert!(
            (6..=12).contains(&role.skills.len()),
            "{id}: {} skills",
            role.skills.len()
        );
        assert!(
            role.strategies.len() >= 6,
            "{id}: {} strategies",
            role.strategies.len()
        );
        assert!(
            role.summary.split_whitespace().count() >= 30,
            "{id}: the summary is a paragraph"
        );
        assert_eq!(role.levels.len(), 4, "{id}: all four levels");
        assert!(
            role.tasks.iter().all(|t| !t.sources.is_empty()),
            "{id}: every task names a source"
        );
        for profile in &role.levels {
            let total: f64 = profile.shares.iter().sum();
            assert!(
                (total - 1.0).abs() <= 0.001,
                "{id} {:?}: shares sum to {total}",
                profile.level
            );
            assert!(
                !profile.note.is_empty() && !profile.typical_skills.is_empty(),
                "{id} {:?}",
                profile.level
            );
        }
        assert_ne!(
            role.level(Level::Junior).shares,
            role.level(Level::Lead).shares,
            "{id}: junior work is not lead work"
        );
        assert!(
            role.strategies
                .iter()
                .filter(|s| s.when.count() == 0)
                .count()
                <= 1,
            "{id}: at most one unconditional strategy"
        );
    }
}

#[test]
fn every_role_has_a_soc_code_and_a_summary() {
    for role in &dataset().roles {
        let code = role.soc_code.as_bytes();
        assert!(
            code.len() == 10 && code[2] == b'-' && code[7] == b'.',
            "{}: {}",
            role.id,
            role.soc_code
        );
        assert!(!role.summary.trim().is_empty(), "{}", role.id);
    }
}

#[test]
fn no_texts_are_near_copies_no_skill_is_unused_and_no_family_is_thin() {
    let findings = content::check(
        dataset(),
        &Scope {
            only: None,
            family_sizes: true,
        },
    );
    assert!(
        findings.is_empty(),
        "{}",
        findings
            .iter()
            .map(|f| format!("{} {}: {}", f.file, f.field, f.message))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_near_copy_check_catches_a_one_word_variant() {
    let mut d = dataset().clone();
    let original = d.roles[0].tasks[0].rationale.clone();
    let variant = original.replacen(' ', " really ", 1);
    d.roles[1].tasks[0].rationale = variant.into();
    let findings = content::check(
        &d,
        &Scope {
            only: None,
            family_sizes: false,
        },
    );
    assert!(
        findings.iter().any(|f| f.message.contains("near-copy")),
        "a one-word variant of {original:?} is flagged"
    );
}

#[test]
fn the_bundled_binary_carries_the_same_dataset_as_data() {
    let bundled = ai_exposure::dataset::Store::bundled()
        .to_dataset()
        .expect("decodes");
    assert_eq!(
        &bundled,
        dataset(),
        "the build embedded data/ as it is on disk"
    );
}

/// Decimal figures between 0 and 1 in a text ("0.87"), with their printed precision.
fn decimals(text: &str) -> Vec<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (i, window) in bytes.windows(2).enumerate() {
        let starts =
            window == b"0." && (i == 0 || !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b'.');
        if !starts {
            continue;
        }
        let digits: String = text[i + 2..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let is_percent = text[i + 2 + digits.len()..].starts_with('%');
        if !digits.is_empty() && !is_percent {
            found.push((
                format!("0.{digits}").parse().expect("a number"),
                digits.len(),
            ));
        }
    }
    found
}

/// Every index-like figure a summary quotes must be one the bundled files publish for the
/// role's own occupation, to the precision printed: a hand-quoted figure cannot drift.
fn unpublished_figures(role: &ai_exposure::dataset::Role) -> Vec<f64> {
    let figures = &role.figures;
    let mut published: Vec<f64> = Vec::new();
    if let Some(e) = &figures.eloundou {
        published.extend(e.gpt4.iter().chain(&e.human));
    }
    if let Some(m) = &figures.microsoft {
        published.push(m.value);
    }
    decimals(&role.summary)
        .into_iter()
        .filter(|(value, places)| {
            let step = 10f64.powi(-(*places as i32));
            !published
                .iter()
                .any(|p| (p - value).abs() <= step / 2.0 + 1e-9)
        })
        .map(|(value, _)| value)
        .collect()
}

#[test]
fn every_figure_in_a_summary_matches_the_bundled_files() {
    for role in &dataset().roles {
        assert_eq!(
            unpublished_figures(role),
            Vec::<f64>::new(),
            "{}: a figure in the summary is not what the bundled files publish for {}",
            role.id,
            role.soc_code
        );
    }
    // The check can fail: a figure no index publishes for the occupation.
    let mut paralegal = dataset()
        .roles
        .iter()
        .find(|r| r.id == "paralegal")
        .expect("paralegal")
        .clone();
    paralegal.summary = "Microsoft's applicability score is 0.999 for paralegals.".into();
    assert_eq!(unpublished_figures(&paralegal), vec![0.999]);
    let published = paralegal
        .figures
        .microsoft
        .as_ref()
        .expect("published")
        .value;
    paralegal.summary = format!("Microsoft's applicability score is {published:.3}.");
    assert!(
        unpublished_figures(&paralegal).is_empty(),
        "{}",
        paralegal.summary
    );
    assert_eq!(
        decimals("a 0.6% success rate"),
        vec![],
        "study percentages are not index figures"
    );
}

/// Words that name conventional automation, and words that name AI, for the rulebook's
/// "only AI counts" guard: a rationale that raises a rating by pointing at a scanner or a
/// kiosk must also name what AI does there.
const NOT_AI: &[&str] = &[
    "self-checkout",
    "self checkout",
    "card terminal",
    "card reader",
    "conveyor",
    "barcode",
    "kiosk",
    "cash recycler",
    "route optimi",
    "rule-based",
    "fixed-rule",
    "pill dispenser",
    "scanner",
];
const AI: &[&str] = &[
    " ai",
    "model",
    "machine learning",
    "machine-learning",
    "vision",
    "speech",
    "assistant",
    "generat",
    "chatbot",
    "learned",
    "forecast",
    "transcri",
    "language",
    "classifier",
];

fn rests_on_conventional_automation(rationale: &str) -> bool {
    let text = format!(" {}", rationale.to_lowercase());
    NOT_AI.iter().any(|k| text.contains(k)) && !AI.iter().any(|k| text.contains(k))
}

#[test]
fn only_ai_raises_a_rating() {
    for role in &dataset().roles {
        for task in role.tasks.iter().filter(|t| t.exposure != Exposure::Low) {
            assert!(
                !rests_on_conventional_automation(&task.rationale),
                "{}/{} is rated {} on conventional automation alone: {}",
                role.id,
                task.id,
                task.exposure.as_str(),
                task.rationale
            );
        }
    }
    assert!(rests_on_conventional_automation(
        "Self-checkout lanes now take most baskets."
    ));
    assert!(!rests_on_conventional_automation(
        "Camera checkout uses vision models to recognise items."
    ));
}

#[test]
fn curated_roles_cover_most_of_the_largest_occupations() {
    let store = ai_exposure::dataset::Store::bundled();
    let occupations = store.occupations().expect("decodes");
    // The 100 largest occupations by U.S. employment, from the bundled BLS file (codes may
    // be broad groups, such as 31-1120, holding several O*NET occupations).
    let mut largest: Vec<(String, f64)> = Vec::new();
    for occupation in &occupations {
        if let Some(labour) = &occupation.figures.labour
            && !largest.iter().any(|(code, _)| *code == labour.code)
        {
            largest.push((labour.code.clone(), labour.employment_2022));
        }
    }
    largest.sort_by(|a, b| b.1.total_cmp(&a.1));
    largest.truncate(100);
    let covered = |code: &str| {
        occupations.iter().any(|o| {
            o.figures.labour.as_ref().is_some_and(|l| l.code == code) && !o.curated.is_empty()
        })
    };
    let total: f64 = largest.iter().map(|(_, jobs)| jobs).sum();
    let reached: f64 = largest
        .iter()
        .filter(|(code, _)| covered(code))
        .map(|(_, jobs)| jobs)
        .sum();
    assert!(
        reached / total >= 0.75,
        "curated roles cover {:.0}% of the employment of the 100 largest occupations",
        100.0 * reached / total
    );
}
