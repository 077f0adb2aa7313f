//! The interactive questions of `assess`, behind a small trait so the flow can be driven by
//! a script in tests and by dialoguer on a real terminal.

pub mod flow;
pub mod scripted;
pub mod terminal;

use std::fmt;

/// Why a question got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptError {
    /// Ctrl-C: the person wants out.
    Interrupted,
    /// Esc: back to the previous question.
    Back,
    /// The terminal failed, or a scripted answer did not fit the question.
    Failed(String),
}

impl fmt::Display for PromptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PromptError::Interrupted => write!(f, "interrupted"),
            PromptError::Back => write!(f, "back"),
            PromptError::Failed(why) => write!(f, "{why}"),
        }
    }
}

pub type PromptResult<T> = Result<T, PromptError>;

/// The four kinds of question `assess` asks, plus a note that needs no answer.
pub trait Prompter {
    /// One item of `items`; `searchable` lets the person type to filter a long list.
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
        searchable: bool,
    ) -> PromptResult<usize>;
    /// Any subset of `items`, starting from `checked`.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> PromptResult<Vec<usize>>;
    /// A line of text.
    fn input(&mut self, prompt: &str, default: Option<&str>) -> PromptResult<String>;
    fn confirm(&mut self, prompt: &str, default: bool) -> PromptResult<bool>;
    /// Information shown between questions (on the prompt stream, not in the report).
    fn note(&mut self, text: &str);
}
