//! The real prompts: dialoguer on stderr, so the report on stdout stays clean.

use super::{PromptError, PromptResult, Prompter};
use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, FuzzySelect, Input, MultiSelect, Select};

pub struct TerminalPrompter {
    term: Term,
    theme: Box<dyn Theme>,
}

impl TerminalPrompter {
    pub fn new(color: bool) -> Self {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        TerminalPrompter {
            term: Term::stderr(),
            theme,
        }
    }
}

/// Esc (`None`) and Ctrl-C (an interrupted read) both mean "stop".
fn outcome<T>(result: dialoguer::Result<Option<T>>) -> PromptResult<T> {
    match result {
        Ok(Some(value)) => Ok(value),
        Ok(None) => Err(PromptError::Interrupted),
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            Err(PromptError::Interrupted)
        }
        Err(e) => Err(PromptError::Failed(e.to_string())),
    }
}

impl Prompter for TerminalPrompter {
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
        searchable: bool,
    ) -> PromptResult<usize> {
        if searchable {
            outcome(
                FuzzySelect::with_theme(&*self.theme)
                    .with_prompt(prompt)
                    .items(items)
                    .default(default)
                    .interact_on_opt(&self.term),
            )
        } else {
            outcome(
                Select::with_theme(&*self.theme)
                    .with_prompt(prompt)
                    .items(items)
                    .default(default)
                    .interact_on_opt(&self.term),
            )
        }
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> PromptResult<Vec<usize>> {
        outcome(
            MultiSelect::with_theme(&*self.theme)
                .with_prompt(prompt)
                .items(items)
                .defaults(checked)
                .interact_on_opt(&self.term),
        )
    }

    fn input(&mut self, prompt: &str, default: Option<&str>) -> PromptResult<String> {
        let mut input = Input::<String>::with_theme(&*self.theme)
            .with_prompt(prompt)
            .allow_empty(default.is_some());
        if let Some(default) = default {
            input = input.default(default.to_owned());
        }
        outcome(input.interact_text_on(&self.term).map(Some))
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> PromptResult<bool> {
        outcome(
            Confirm::with_theme(&*self.theme)
                .with_prompt(prompt)
                .default(default)
                .interact_on_opt(&self.term),
        )
    }

    fn note(&mut self, text: &str) {
        let _ = self.term.write_line(text);
    }
}
