//! `report --format html` (in progress).

use super::Matrix;

/// Renders the matrix as HTML.
pub fn render(_matrix: &Matrix) -> String {
    String::new()
}
