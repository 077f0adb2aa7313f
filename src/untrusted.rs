//! Text that came from input (rosters, answers files, overlays, names typed at the command
//! line), made safe to echo. A terminal obeys escape sequences in what it prints: a roster
//! cell holding `ESC]0;...BEL` would retitle the coach's terminal, and `ESC[2J` would clear
//! it. Control characters (C0, DEL, C1) and the bidirectional overrides that can make text
//! read differently from what it is are removed wherever such text is printed.

use std::borrow::Cow;

/// Whether a character must not reach a terminal or a document as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Multi-line text (diagnostics, listings) with its line breaks and tabs kept.
pub fn lines(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t') {
        Cow::Owned(
            text.chars()
                .filter(|&c| !is_unsafe(c) || c == '\n' || c == '\t')
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// A single-line value (a name, a title, a cell): line breaks and tabs become spaces, other
/// control characters go, and surrounding space is trimmed.
pub fn one_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_removed_and_line_breaks_kept_where_asked() {
        let hostile = "Ann\u{1b}]0;OWNED\u{7}\u{1b}[2J Lee\u{9b}31m\u{202e}";
        assert_eq!(lines(hostile), "Ann]0;OWNED[2J Lee31m");
        assert_eq!(lines("a\n\tb"), "a\n\tb");
        assert_eq!(one_line(" Ann\nLee\t\u{0}"), "Ann Lee");
    }
}
