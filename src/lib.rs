//! ai-exposure: how exposed a job is to AI, task by task, and what to do about it.
//!
//! Data flows one way: the dataset is loaded (`dataset`), a person's answers give a time mix
//! and skills (`answers`), `scoring` turns them into an assessment, and `render` prints it.
//! `cli` and `commands` are the edges that do I/O.

pub mod cli;
pub mod commands;
pub mod dataset;
pub mod error;
pub mod version;
