//! `report --diff-base` (in progress).

use std::path::Path;

use super::Matrix;
use crate::cli::setup::UsageError;

/// Cells that changed.
pub struct Diff;

impl Diff {
    /// Compares.
    pub fn between(_base: &Matrix, _head: &Matrix) -> Diff {
        Diff
    }
}

/// Builds the matrix of a revision.
pub fn with_revision(
    _root: &Path,
    _rev: &str,
    _build: impl Fn(&Path) -> Result<Matrix, UsageError>,
) -> Result<Matrix, UsageError> {
    Err(UsageError::message("--diff-base is not implemented yet"))
}

/// Human.
pub fn render_human(_diff: &Diff, _rev: &str, _color: bool) -> String {
    String::new()
}

/// Markdown.
pub fn render_markdown(_diff: &Diff, _rev: &str) -> String {
    String::new()
}
