//! The real prompts: dialoguer on stderr, so the report on stdout stays clean.

use super::{PromptError, PromptResult, Prompter};
use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, FuzzySelect, MultiSelect, Select};

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

/// Columns a menu line may take: dialoguer redraws a menu by erasing as many lines as it
/// drew, so a line that wraps would leave a copy of itself behind.
const MENU_MARGIN: usize = 14;

impl TerminalPrompter {
    fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(30)
    }

    /// A prompt that fits one line: whatever does not fit is printed above it, once.
    fn fit_prompt(&self, prompt: &str) -> String {
        let width = self.columns().saturating_sub(MENU_MARGIN);
        let lines = wrap_words(prompt, width);
        let (last, before) = lines.split_last().expect("wrap_words returns a line");
        for line in before {
            let _ = self.term.write_line(line);
        }
        last.clone()
    }

    /// Menu items cut to one line each.
    fn fit_items(&self, items: &[String]) -> Vec<String> {
        let width = self.columns().saturating_sub(MENU_MARGIN);
        items.iter().map(|item| truncate(item, width)).collect()
    }
}

/// Words of `text` in lines of at most `width` characters (a longer word gets a line alone).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// `text` cut to `width` characters, with an ellipsis when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Esc (`None`) goes back a question; Ctrl-C (an interrupted read) stops.
fn outcome<T>(result: dialoguer::Result<Option<T>>) -> PromptResult<T> {
    match result {
        Ok(Some(value)) => Ok(value),
        Ok(None) => Err(PromptError::Back),
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
        let prompt = &self.fit_prompt(prompt);
        let items = &self.fit_items(items);
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
        let prompt = &self.fit_prompt(prompt);
        let items = &self.fit_items(items);
        outcome(
            MultiSelect::with_theme(&*self.theme)
                .with_prompt(prompt)
                .items(items)
                .defaults(checked)
                .interact_on_opt(&self.term),
        )
    }

    /// A plain line read in the terminal's own line mode: it wraps and redraws long text
    /// itself, where a raw-mode editor would leave copies of the line behind.
    fn input(&mut self, prompt: &str, default: Option<&str>) -> PromptResult<String> {
        let prompt = self.fit_prompt(prompt);
        let shown = match default {
            Some(default) => format!("{prompt} [{default}]: "),
            None => format!("{prompt}: "),
        };
        self.term
            .write_str(&shown)
            .map_err(|e| PromptError::Failed(e.to_string()))?;
        let line = self.term.read_line().map_err(|e| match e.kind() {
            std::io::ErrorKind::Interrupted => PromptError::Interrupted,
            _ => PromptError::Failed(e.to_string()),
        })?;
        Ok(match (line.trim().is_empty(), default) {
            (true, Some(default)) => default.to_owned(),
            _ => line,
        })
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> PromptResult<bool> {
        let prompt = &self.fit_prompt(prompt);
        outcome(
            Confirm::with_theme(&*self.theme)
                .with_prompt(prompt)
                .default(default)
                .interact_on_opt(&self.term),
        )
    }

    fn note(&mut self, text: &str) {
        let width = self.columns().saturating_sub(2);
        if text.chars().count() <= width {
            let _ = self.term.write_line(text);
        } else {
            for line in wrap_words(text, width) {
                let _ = self.term.write_line(&line);
            }
        }
    }
}
