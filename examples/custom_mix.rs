//! Scores a time mix of your own through the library, without the CLI: the bundled
//! dataset, a profile, an assessment, and the same report document `report --json` prints.
//!
//!     cargo run --example custom_mix

use ai_exposure::dataset::{Level, Store};
use ai_exposure::error::write_result;
use ai_exposure::report;
use ai_exposure::scoring::{MixEntry, Profile, TaskRef, assess};
use std::fmt::Write as _;
use std::io::Write as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::bundled();
    let role = ai_exposure::finder::curated_role(&store, "backend")?
        .map_err(|not_found| not_found.to_string())?;

    // A junior who spends half the week on call and on incidents.
    let mix = [
        ("operate-production", 0.5),
        ("write-production-code", 0.3),
        ("fix-bugs", 0.2),
    ];
    let profile = Profile {
        level: Level::Junior,
        mix: mix
            .iter()
            .map(|&(id, share)| {
                let index = role.task_index(id).ok_or(format!("no task {id}"))?;
                Ok(MixEntry {
                    task: TaskRef::Role(index),
                    share,
                })
            })
            .collect::<Result<_, String>>()?,
        skills: ["debugging", "cloud-infrastructure"]
            .map(str::to_owned)
            .into(),
        personalized: true,
    };

    let assessment = assess(&role, &profile);
    let mut text = format!(
        "{}: central {:.0}%, {} risk (the typical junior: {:.0}%)\n",
        role.title,
        assessment.range.central * 100.0,
        assessment.risk.band.label(),
        assessment.level_centrals[Level::Junior.index()] * 100.0
    );
    let document = report::build(&store.meta()?, &role, &assessment);
    for strategy in &document.strategies {
        writeln!(text, "- {}. Because {}.", strategy.title, strategy.because)?;
    }
    // Like the CLI, a closed pipe (`| head`) is not an error.
    write_result(std::io::stdout().write_all(text.as_bytes()))?;
    Ok(())
}
