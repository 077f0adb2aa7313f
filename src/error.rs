//! Errors as the person at the terminal sees them: one message, a hint, and an exit code
//! that scripts can rely on (documented in `--help` and the README).

use std::fmt;

/// Exit codes. 0 is success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// A data file, answers file or I/O operation failed.
    Failure = 1,
    /// The command line was wrong: unknown flag, role or level.
    Usage = 2,
    /// The person pressed Ctrl-C or Esc.
    Interrupted = 130,
}

#[derive(Debug)]
pub struct CliError {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    pub fn failure(message: impl Into<String>) -> Self {
        CliError {
            exit: Exit::Failure,
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            exit: Exit::Usage,
            message: message.into(),
            hint: None,
        }
    }

    pub fn interrupted() -> Self {
        CliError {
            exit: Exit::Interrupted,
            message: "interrupted; nothing was saved".into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CliError {}

impl From<crate::dataset::DataError> for CliError {
    fn from(error: crate::dataset::DataError) -> Self {
        let hint = match &error {
            crate::dataset::DataError::Invalid(_) => {
                Some("fix the problems above; `ai-exposure validate DIR` re-checks the directory")
            }
            crate::dataset::DataError::Unreadable(_) => {
                Some("--data takes a folder laid out like docs/data-format.md describes")
            }
            crate::dataset::DataError::Corrupt(_) => None,
        };
        CliError {
            exit: Exit::Failure,
            message: error.to_string(),
            hint: hint.map(str::to_owned),
        }
    }
}

/// Output that could not be written. A closed pipe (`| head`) is not an error: the reader
/// has what it wanted.
pub fn write_result(result: std::io::Result<()>) -> Result<(), CliError> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::failure(format!("cannot write output: {e}"))),
    }
}

/// Writes a line to stderr. A closed or full stderr (EPIPE, ENOSPC) is no reason to abort:
/// the exit code still says what happened. Control characters are removed, since messages
/// quote input (see [`crate::untrusted`]).
pub fn diagnostic(text: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}",
        crate::untrusted::lines(text)
    );
}
