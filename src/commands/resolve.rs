//! Turning a role name from the command line into a role, or a usage error that helps.

use crate::dataset::{Role, Store};
use crate::error::CliError;

pub fn role(store: &Store, name: &str) -> Result<Role, CliError> {
    match store.find_role(name)? {
        Ok(role) => Ok(role),
        Err(unknown) => {
            let hint = if unknown.ambiguous {
                "give more of the name, or the full id".to_owned()
            } else if unknown.suggestions.is_empty() {
                "`ai-exposure roles` lists every role; `ai-exposure roles TEXT` searches them"
                    .to_owned()
            } else {
                format!(
                    "check the spelling; `ai-exposure roles {}` lists related roles",
                    first_word(&unknown.suggestions[0])
                )
            };
            Err(CliError::usage(unknown.to_string()).with_hint(hint))
        }
    }
}

fn first_word(name: &str) -> &str {
    name.split(['-', ' '])
        .find(|w| !w.is_empty())
        .unwrap_or(name)
}
