//! Prompts answered from a script: for tests of the question flow, and for anyone driving
//! the flow from code. A script that does not fit the questions fails, never panics.

use super::{PromptError, PromptResult, Prompter};
use std::collections::VecDeque;

/// One scripted answer, in the order the questions come.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Pick the item whose text contains this (case-insensitive).
    Pick(String),
    /// Keep the default or the pre-checked items.
    Default,
    /// Exactly the items whose text contains one of these.
    Check(Vec<String>),
    Text(String),
    Yes,
    No,
    /// Behave as if the person pressed Ctrl-C.
    Interrupt,
    /// Behave as if the person pressed Esc.
    Back,
}

#[derive(Debug, Default)]
pub struct ScriptedPrompter {
    answers: VecDeque<Answer>,
    /// Every prompt asked and note shown, in order: what a person would have seen.
    pub transcript: Vec<String>,
}

impl ScriptedPrompter {
    pub fn new(answers: impl IntoIterator<Item = Answer>) -> Self {
        ScriptedPrompter {
            answers: answers.into_iter().collect(),
            transcript: Vec::new(),
        }
    }

    /// True when every scripted answer was used.
    pub fn finished(&self) -> bool {
        self.answers.is_empty()
    }

    fn next(&mut self, prompt: &str) -> PromptResult<Answer> {
        self.transcript.push(prompt.to_owned());
        match self.answers.pop_front() {
            Some(Answer::Interrupt) => Err(PromptError::Interrupted),
            Some(Answer::Back) => Err(PromptError::Back),
            Some(answer) => Ok(answer),
            None => Err(PromptError::Failed(format!(
                "the script has no answer for `{prompt}`"
            ))),
        }
    }
}

fn find(items: &[String], wanted: &str) -> Option<usize> {
    let wanted = wanted.to_lowercase();
    items
        .iter()
        .position(|item| item.to_lowercase().contains(&wanted))
}

fn mismatch(prompt: &str, answer: &Answer) -> PromptError {
    PromptError::Failed(format!(
        "scripted answer {answer:?} does not fit `{prompt}`"
    ))
}

impl Prompter for ScriptedPrompter {
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
        _searchable: bool,
    ) -> PromptResult<usize> {
        match self.next(prompt)? {
            Answer::Default => Ok(default),
            Answer::Pick(wanted) => find(items, &wanted).ok_or_else(|| {
                PromptError::Failed(format!("no item matching `{wanted}` in `{prompt}`"))
            }),
            other => Err(mismatch(prompt, &other)),
        }
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> PromptResult<Vec<usize>> {
        match self.next(prompt)? {
            Answer::Default => Ok(checked
                .iter()
                .enumerate()
                .filter(|(_, c)| **c)
                .map(|(i, _)| i)
                .collect()),
            Answer::Check(wanted) => wanted
                .iter()
                .map(|w| {
                    find(items, w).ok_or_else(|| {
                        PromptError::Failed(format!("no item matching `{w}` in `{prompt}`"))
                    })
                })
                .collect(),
            other => Err(mismatch(prompt, &other)),
        }
    }

    fn input(&mut self, prompt: &str, default: Option<&str>) -> PromptResult<String> {
        match self.next(prompt)? {
            Answer::Text(text) => Ok(text),
            Answer::Default => default
                .map(str::to_owned)
                .ok_or_else(|| mismatch(prompt, &Answer::Default)),
            other => Err(mismatch(prompt, &other)),
        }
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> PromptResult<bool> {
        match self.next(prompt)? {
            Answer::Yes => Ok(true),
            Answer::No => Ok(false),
            Answer::Default => Ok(default),
            other => Err(mismatch(prompt, &other)),
        }
    }

    fn note(&mut self, text: &str) {
        self.transcript.push(text.to_owned());
    }
}
