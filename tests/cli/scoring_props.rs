//! Properties of the scoring that must hold for any time mix of any role.

use ai_exposure::dataset::{Exposure, Level, Role, Store};
use ai_exposure::scoring::{Band, MixEntry, Profile, TaskRef, assess};
use proptest::prelude::*;
use std::sync::OnceLock;

fn roles() -> &'static [Role] {
    static ROLES: OnceLock<Vec<Role>> = OnceLock::new();
    ROLES.get_or_init(|| {
        Store::bundled()
            .to_dataset()
            .expect("bundled dataset decodes")
            .roles
    })
}

/// A role and a normalised time mix over all its tasks (some may get zero).
fn role_and_mix() -> impl Strategy<Value = (usize, Vec<f64>)> {
    (0..roles().len()).prop_flat_map(|r| {
        let tasks = roles()[r].tasks.len();
        (Just(r), proptest::collection::vec(0u32..100, tasks)).prop_filter_map(
            "some time",
            |(r, weights)| {
                let total: u32 = weights.iter().sum();
                (total > 0).then(|| {
                    (
                        r,
                        weights
                            .iter()
                            .map(|&w| f64::from(w) / f64::from(total))
                            .collect(),
                    )
                })
            },
        )
    })
}

fn profile(shares: &[f64], level: Level) -> Profile {
    Profile {
        level,
        mix: shares
            .iter()
            .enumerate()
            .map(|(i, &share)| MixEntry {
                task: TaskRef::Role(i),
                share,
            })
            .collect(),
        skills: Default::default(),
        personalized: true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn the_range_is_ordered_and_within_unit((r, shares) in role_and_mix(), level in 0usize..4) {
        let a = assess(&roles()[r], &profile(&shares, Level::ALL[level]));
        prop_assert!(0.0 <= a.range.lower);
        prop_assert!(a.range.lower <= a.range.central + 1e-12);
        prop_assert!(a.range.central <= a.range.upper + 1e-12);
        prop_assert!(a.range.upper <= 1.0);
        prop_assert!((0.0..=1.0).contains(&a.automation_share));
        prop_assert!((0.0..=1.0).contains(&a.risk.score));
        prop_assert!(a.risk.lower_band <= a.risk.band && a.risk.band <= a.risk.upper_band);
    }

    #[test]
    fn contributions_add_up_to_the_central_figure((r, shares) in role_and_mix()) {
        let a = assess(&roles()[r], &profile(&shares, Level::Mid));
        let total: f64 = a.tasks.iter().map(|t| t.contribution).sum();
        prop_assert!((total - a.range.central).abs() < 1e-9);
    }

    #[test]
    fn moving_time_from_a_low_to_a_high_task_never_lowers_the_central_figure(
        (r, shares) in role_and_mix(),
        fraction in 0.0f64..=1.0,
    ) {
        let role = &roles()[r];
        let low = role.tasks.iter().position(|t| t.exposure == Exposure::Low);
        let high = role.tasks.iter().position(|t| t.exposure == Exposure::High);
        if let (Some(low), Some(high)) = (low, high) {
            let before = assess(role, &profile(&shares, Level::Junior)).range.central;
            let mut moved = shares.clone();
            let amount = moved[low] * fraction;
            moved[low] -= amount;
            moved[high] += amount;
            let after = assess(role, &profile(&moved, Level::Junior)).range.central;
            prop_assert!(after >= before - 1e-12, "{before} -> {after}");
        }
    }

    #[test]
    fn the_same_answers_always_give_the_same_assessment((r, shares) in role_and_mix(), level in 0usize..4) {
        let p = profile(&shares, Level::ALL[level]);
        prop_assert_eq!(assess(&roles()[r], &p), assess(&roles()[r], &p));
    }

    #[test]
    fn a_higher_score_never_gets_a_lower_band(a in 0.0f64..=1.0, b in 0.0f64..=1.0) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(Band::of(low) <= Band::of(high));
    }
}

#[test]
fn band_thresholds_are_where_the_methodology_puts_them() {
    let expected = [
        (0.0, Band::Low),
        (0.1999, Band::Low),
        (0.20, Band::Moderate),
        (0.35, Band::Elevated),
        (0.50, Band::High),
        (0.65, Band::VeryHigh),
        (1.0, Band::VeryHigh),
    ];
    for (score, band) in expected {
        assert_eq!(Band::of(score), band, "score {score}");
    }
}

#[test]
fn automation_raises_the_band_score_and_augmentation_lowers_it() {
    use ai_exposure::scoring::{Range, risk};
    let range = Range {
        lower: 0.4,
        central: 0.5,
        upper: 0.6,
    };
    assert!(
        (risk(range, 0.0).score - 0.4).abs() < 1e-12,
        "fully augmented: 0.8 × central"
    );
    assert!(
        (risk(range, 1.0).score - 0.6).abs() < 1e-12,
        "fully automated: 1.2 × central"
    );
    assert_eq!(risk(range, 0.0).band, Band::Elevated);
    assert_eq!(risk(range, 1.0).band, Band::High);
}

/// The answers that describe a role's typical person at a level.
fn typical_answers(role: &Role, level: Level) -> ai_exposure::answers::Answers {
    ai_exposure::answers::Answers::from_profile(role, &Profile::typical(role, level))
}

fn catalogue() -> std::collections::BTreeSet<String> {
    Store::bundled()
        .skills()
        .expect("skills")
        .into_iter()
        .map(|s| s.id.to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn answers_matching_the_level_defaults_give_exactly_the_default_report(r in 0..roles().len(), level in 0usize..4) {
        let role = &roles()[r];
        let level = Level::ALL[level];
        let answers = typical_answers(role, level);
        let personal = ai_exposure::answers::to_profile(&answers, role, &catalogue()).expect("typical answers are valid");
        let (mine, typical) = (assess(role, &personal), assess(role, &Profile::typical(role, level)));
        prop_assert_eq!(mine.range, typical.range);
        prop_assert_eq!(mine.risk, typical.risk);
        prop_assert_eq!(mine.tasks, typical.tasks);
        prop_assert_eq!(mine.strategies.iter().map(|s| s.index).collect::<Vec<_>>(), typical.strategies.iter().map(|s| s.index).collect::<Vec<_>>());
        prop_assert!(mine.insights.iter().any(|i| i.contains("as exposed as the typical")));
    }

    #[test]
    fn saved_answers_read_back_to_the_same_assessment((r, shares) in role_and_mix(), level in 0usize..4) {
        let role = &roles()[r];
        let original = profile(&shares, Level::ALL[level]);
        let answers = ai_exposure::answers::Answers::from_profile(role, &original);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("answers.toml");
        ai_exposure::answers::save(&path, &answers).expect("saves");
        let (read, _) = ai_exposure::answers::read(&path).expect("reads back");
        prop_assert_eq!(&read, &answers);
        let replayed = ai_exposure::answers::to_profile(&read, role, &catalogue()).expect("valid");
        prop_assert_eq!(assess(role, &replayed), assess(role, &original));
    }
}

#[test]
fn a_threshold_met_exactly_by_a_sum_of_shares_is_not_above_it() {
    let role = Store::bundled()
        .role_by_id("backend-developer")
        .expect("decodes")
        .expect("exists");
    let index = |id: &str| role.task_index(id).expect("task exists");
    let mix = [
        ("write-production-code", 0.2),
        ("write-tests", 0.1),
        ("design-systems", 0.7),
    ];
    let profile = Profile {
        level: Level::Mid,
        mix: mix
            .iter()
            .map(|&(id, share)| MixEntry {
                task: TaskRef::Role(index(id)),
                share,
            })
            .collect(),
        skills: Default::default(),
        personalized: true,
    };
    let a = assess(&role, &profile);
    assert!(
        a.high_share > 0.3,
        "0.2 + 0.1 lands a hair above 0.3 in floating point"
    );
    let chosen: Vec<&str> = a
        .strategies
        .iter()
        .map(|s| role.strategies[s.index].id.as_str())
        .collect();
    assert!(
        !chosen.contains(&"own-the-review"),
        "30% is not above 30%: {chosen:?}"
    );
}
