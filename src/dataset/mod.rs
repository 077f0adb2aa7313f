//! The dataset: its model as written (`model`), reading (`load`), checking (`validate`,
//! `content`), the resolved form commands use (`compiled`), the bundled binary form
//! (`bundle`) and run-time access to either (`store`).
//!
//! `model`, `problem`, `published`, `reference`, `names`, `load`, `validate`, `compiled` and
//! `bundle` are also compiled into
//! `build.rs`, so they refer to each other through `super::` and use no other crate module.

pub mod bundle;
pub mod compiled;
pub mod content;
pub mod load;
pub mod model;
pub mod names;
pub mod problem;
pub mod published;
pub mod reference;
pub mod store;
pub mod validate;

/// Shared with the build script, which compiles this module's files on their own.
use crate::untrusted;
pub use compiled::{Dataset, Meta, Role, RoleSummary, Skill, Source, Strategy, Task};
pub use model::{Exposure, Level, Mode, Outlook};
pub use problem::Problem;
pub use store::{DataError, Store};
