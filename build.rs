//! Compiles `data/` into the binary at build time: parse, validate, resolve and encode, so that
//! bad data fails the build with file, line and field, and run time never parses TOML for the
//! bundled dataset. `AI_EXPOSURE_DATA_DIR` builds another dataset in (the benchmarks use it).

#[path = "src/dataset/bundle.rs"]
#[allow(dead_code)]
mod bundle;
#[path = "src/dataset/compiled.rs"]
#[allow(dead_code)]
mod compiled;
#[path = "src/dataset/load.rs"]
mod load;
#[path = "src/dataset/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/dataset/names.rs"]
#[allow(dead_code)]
mod names;
#[path = "src/dataset/problem.rs"]
#[allow(dead_code)]
mod problem;
#[path = "src/dataset/published.rs"]
#[allow(dead_code)]
mod published;
#[path = "src/dataset/reference.rs"]
#[allow(dead_code)]
mod reference;
#[path = "src/untrusted.rs"]
#[allow(dead_code)]
mod untrusted;
#[path = "src/dataset/validate.rs"]
mod validate;

use std::path::PathBuf;

fn main() {
    for shared in [
        "bundle",
        "compiled",
        "load",
        "model",
        "names",
        "problem",
        "published",
        "reference",
        "validate",
    ] {
        println!("cargo:rerun-if-changed=src/dataset/{shared}.rs");
    }
    println!("cargo:rerun-if-env-changed=AI_EXPOSURE_DATA_DIR");
    let dir = std::env::var_os("AI_EXPOSURE_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data"));
    println!("cargo:rerun-if-changed={}", dir.display());

    let raw = load::read_dir(&dir).unwrap_or_else(|error| fail(&[error.to_string()]));
    // The published figures always come from the bundled data, also for a benchmark dataset.
    let reference = reference::read_reference(std::path::Path::new("data"))
        .unwrap_or_else(|error| fail(&[error]));
    let base = compiled::Dataset {
        reference,
        ..compiled::Dataset::empty()
    };
    let dataset = validate::compile_checked(&raw, base).unwrap_or_else(|problems| {
        fail(&problems.iter().map(ToString::to_string).collect::<Vec<_>>())
    });
    let bundle = bundle::encode(&dataset)
        .unwrap_or_else(|error| fail(&[format!("cannot encode the dataset: {error}")]));

    println!(
        "cargo:rustc-env=AI_EXPOSURE_DATASET_VERSION={}",
        dataset.meta.version
    );
    println!(
        "cargo:rustc-env=AI_EXPOSURE_DATASET_AS_OF={}",
        dataset.meta.as_of
    );

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, bytes) in bundle.files() {
        std::fs::write(out.join(name), bytes)
            .unwrap_or_else(|e| fail(&[format!("cannot write {name}: {e}")]));
    }
}

fn fail(messages: &[String]) -> ! {
    eprintln!("error: the dataset has {} problem(s):", messages.len());
    for message in messages {
        eprintln!("{message}");
    }
    std::process::exit(1);
}
