//! `report --format xlsx` (in progress).

use std::path::Path;

use super::Matrix;

/// Writes the workbook.
pub fn write(_matrix: &Matrix, _path: &Path) -> Result<(), String> {
    Err("not implemented yet".into())
}
