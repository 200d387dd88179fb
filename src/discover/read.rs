//! Reads a discovered Markdown file into text, or a diagnostic saying why it cannot be read.

use std::io::Read;

use super::FoundFile;
use crate::checks::file::{not_utf8, unreadable};
use crate::diagnostic::Diagnostic;

/// Files larger than this are not read (`file/unreadable`).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads and decodes a file: UTF-8, with a leading BOM removed.
pub fn read_text(file: &FoundFile) -> Result<String, Diagnostic> {
    let bytes = read_bytes(file)?;
    decode(&file.rel, bytes)
}

fn read_bytes(file: &FoundFile) -> Result<Vec<u8>, Diagnostic> {
    let handle = std::fs::File::open(&file.abs)
        .map_err(|e| unreadable::diagnostic(&file.rel, &io_reason(&e)))?;
    // Sized from the file's length up front, so reading does not grow the buffer step by step.
    let expected_len = handle
        .metadata()
        .map_or(0, |m| m.len())
        .min(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected_len).unwrap_or(0));
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable::diagnostic(&file.rel, &io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(unreadable::diagnostic(
            &file.rel,
            &format!("larger than the {} MiB limit", MAX_FILE_BYTES / 1024 / 1024),
        ));
    }
    Ok(bytes)
}

/// Decodes UTF-8 bytes, removing a BOM.
pub fn decode(path: &str, mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        not_utf8::diagnostic(path, e.as_bytes(), valid)
    })
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => {
            "the file disappeared while the repository was read".to_string()
        }
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_invalid_utf8_is_a_diagnostic() {
        assert_eq!(decode("a.md", b"\xEF\xBB\xBF# x".to_vec()).unwrap(), "# x");
        let diag = decode("a.md", b"ok\n\xE9t\xE9".to_vec()).unwrap_err();
        assert_eq!(diag.code, "file/not-utf8");
        assert_eq!(diag.location.unwrap().start.line, 2);
        let diag = decode("a.md", b"\xFF\xFEa\x00".to_vec()).unwrap_err();
        assert!(diag.message.contains("UTF-16"));
    }
}
