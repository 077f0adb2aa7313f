//! ai-exposure: how exposed a job is to AI, task by task, and what to do about it.
//!
//! Data flows one way: the dataset is loaded (`dataset`), a person's profile gives a time
//! mix and skills, `scoring` turns them into an assessment, `report` shapes it as a document
//! and `render` prints it. `cli`, `config` and `commands` are the edges that do I/O.

pub mod answers;
pub mod atomic;
pub mod cli;
pub mod commands;
pub mod comparison;
pub mod config;
pub mod dataset;
pub mod error;
pub mod finder;
pub mod prompts;
pub mod render;
pub mod report;
pub mod scoring;
pub mod untrusted;
pub mod version;
pub mod workshop;
