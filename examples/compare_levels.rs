//! How one role's exposure changes with seniority, for every role in the dataset: the
//! level mixes are data, so the figures differ by role, not by a fixed discount.
//!
//!     cargo run --example compare_levels

use ai_exposure::dataset::{Level, Store};
use ai_exposure::error::write_result;
use std::fmt::Write as _;
use std::io::Write as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dataset = Store::bundled().to_dataset()?;
    let mut table = format!(
        "{:<46} {:>7} {:>7} {:>7} {:>7}\n",
        "role", "junior", "mid", "senior", "lead"
    );
    for role in &dataset.roles {
        let centrals =
            Level::ALL.map(|level| format!("{:.0}%", role.typical_central(level) * 100.0));
        writeln!(
            table,
            "{:<46} {:>7} {:>7} {:>7} {:>7}",
            role.title, centrals[0], centrals[1], centrals[2], centrals[3]
        )?;
    }
    // Like the CLI, a closed pipe (`| head`) is not an error.
    write_result(std::io::stdout().write_all(table.as_bytes()))?;
    Ok(())
}
