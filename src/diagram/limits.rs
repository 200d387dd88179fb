//! Safety limits that bound the work and memory spent on one diagram file, and the running
//! [`Budget`] that enforces them.

use super::DiagramError;

/// Largest diagram file accepted at all (64 MiB).
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// Largest total output of all decompression in one file (16 MiB): compressed draw.io pages and
/// compressed PNG text chunks share this budget.
pub const MAX_INFLATED_BYTES: usize = 16 << 20;

/// Largest total of label and style text kept from one file (4 MiB).
pub const MAX_TEXT_BYTES: usize = 4 << 20;

/// Deepest element nesting accepted in XML (256 levels).
pub const MAX_DEPTH: usize = 256;

/// What is left of the limits while one file is read.
#[derive(Debug)]
pub(crate) struct Budget {
    inflated: usize,
    text: usize,
}

impl Budget {
    /// A fresh budget for one file.
    pub(crate) fn new() -> Self {
        Self {
            inflated: MAX_INFLATED_BYTES,
            text: MAX_TEXT_BYTES,
        }
    }

    /// How many more bytes decompression may produce.
    pub(crate) fn inflate_room(&self) -> usize {
        self.inflated
    }

    /// Records `bytes` of decompressed output; fails once the total passes the limit.
    pub(crate) fn spend_inflated(&mut self, bytes: usize, what: &str) -> Result<(), DiagramError> {
        match self.inflated.checked_sub(bytes) {
            Some(rest) => {
                self.inflated = rest;
                Ok(())
            }
            None => Err(inflate_limit_error(what)),
        }
    }

    /// Records `bytes` of kept text; fails once the total passes the limit.
    pub(crate) fn spend_text(&mut self, bytes: usize) -> Result<(), DiagramError> {
        match self.text.checked_sub(bytes) {
            Some(rest) => {
                self.text = rest;
                Ok(())
            }
            None => Err(DiagramError::Unreadable(format!(
                "diagram text passes the {} MiB limit",
                MAX_TEXT_BYTES >> 20
            ))),
        }
    }
}

/// The error for decompressed data that passes [`MAX_INFLATED_BYTES`].
pub(crate) fn inflate_limit_error(what: &str) -> DiagramError {
    DiagramError::Unreadable(format!(
        "{what} inflates past the {} MiB limit",
        MAX_INFLATED_BYTES >> 20
    ))
}

/// The error for XML nested deeper than [`MAX_DEPTH`].
pub(crate) fn depth_error() -> DiagramError {
    DiagramError::Unreadable(format!(
        "XML elements nest deeper than the {MAX_DEPTH}-level limit"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflated_budget_is_shared_and_bounded() {
        let mut budget = Budget::new();
        assert!(
            budget
                .spend_inflated(MAX_INFLATED_BYTES - 1, "page")
                .is_ok()
        );
        assert_eq!(budget.inflate_room(), 1);
        let err = budget
            .spend_inflated(2, "compressed diagram page")
            .unwrap_err();
        assert_eq!(
            err.message(),
            "compressed diagram page inflates past the 16 MiB limit"
        );
    }

    #[test]
    fn text_budget_is_bounded() {
        let mut budget = Budget::new();
        assert!(budget.spend_text(MAX_TEXT_BYTES).is_ok());
        assert!(budget.spend_text(1).is_err());
    }
}
