//! The integration tests: one binary, so the crate links once. Each module covers one
//! concern; `support` holds the command builder and the JSON mirror types.

mod advice;
mod assess_flow;
mod browser;
mod compare;
mod custom_data;
mod dataset_quality;
mod ecosystem;
mod edges;
mod finder;
mod handouts;
mod json_contract;
mod pty;
mod readme;
mod reference;
mod report;
mod robustness;
mod roles;
mod scoring_props;
mod support;
mod validate;
mod validation;
mod workshop;
