//! JSON output: pretty-printed, one document, a trailing newline.

use serde::Serialize;

pub fn render<T: Serialize>(value: &T) -> String {
    let mut text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
