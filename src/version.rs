//! `--version` names the dataset too: a report is only as current as its data.

/// The tool version, with the bundled dataset's version and review date.
pub const LONG: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (dataset ",
    env!("AI_EXPOSURE_DATASET_VERSION"),
    ", as of ",
    env!("AI_EXPOSURE_DATASET_AS_OF"),
    ")"
);
