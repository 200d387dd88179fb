//! Source text with a line index, to turn byte offsets into lines and character columns.

use std::ops::Range;

use crate::diagnostic::{LineCol, Location};

/// A file's decoded text and the byte offset where each line starts.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Repository-relative, `/`-separated path.
    pub path: String,
    /// The text, BOM removed; line endings as in the file.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    /// Indexes `text`, which belongs to `path`.
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let line_starts = line_starts(&text);
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The 1-based line and character column of a byte offset (clamped to the text and to a
    /// character boundary).
    pub fn line_col(&self, offset: usize) -> LineCol {
        line_col_in(&self.text, &self.line_starts, offset)
    }

    /// A location for a byte span of this file.
    pub fn location(&self, span: Range<usize>) -> Location {
        let start = clamp_to_boundary(&self.text, span.start);
        let end = clamp_to_boundary(&self.text, span.end.max(start));
        Location {
            path: self.path.clone(),
            span: start..end,
            start: self.line_col(start),
            end: self.line_col(end),
        }
    }

    /// The byte offset of a 1-based line and character column (clamped).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(&line_start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let line_end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let line_text = &self.text[line_start..line_end];
        let byte_in_line = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or(line_text.len());
        line_start + byte_in_line
    }

    /// The byte range of a 1-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let body = &self.text[start..end];
        let trimmed = body.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }
}

/// Byte offsets where each line starts (`\n`, `\r\n` and lone `\r` end a line).
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
    starts.push(0);
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

/// Line and character column of `offset` given precomputed line starts.
pub fn line_col_in(text: &str, line_starts: &[usize], offset: usize) -> LineCol {
    let offset = clamp_to_boundary(text, offset);
    let line_index = match line_starts.binary_search(&offset) {
        Ok(i) => i,
        Err(i) => i - 1,
    };
    let line_start = line_starts[line_index];
    let column = text[line_start..offset].chars().count() + 1;
    LineCol {
        line: line_index + 1,
        column,
    }
}

/// Moves `offset` back to the nearest character boundary within `text`.
pub fn clamp_to_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = SourceText::new("a.md", "é = x\nsecond".to_string());
        assert_eq!(src.line_col(3), LineCol { line: 1, column: 3 });
        assert_eq!(src.line_col(7), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let src = SourceText::new("a.md", "a\r\nb\rc".to_string());
        assert_eq!(src.line_col(3).line, 2);
        assert_eq!(src.line_col(5).line, 3);
        assert_eq!(src.line_range(1), 0..1);
    }

    #[test]
    fn line_starts_follow_every_line_ending() {
        assert_eq!(line_starts(""), [0]);
        assert_eq!(line_starts("a\nb"), [0, 2]);
        assert_eq!(line_starts("a\r\nb\r\n"), [0, 3, 6]);
        assert_eq!(line_starts("a\rb\r"), [0, 2, 4]);
        assert_eq!(line_starts("\r\r\n\n"), [0, 1, 3, 4]);
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let src = SourceText::new("a.md", "éa".to_string());
        let loc = src.location(1..3);
        assert_eq!(loc.span, 0..3);
    }

    #[test]
    fn offset_of_inverts_line_col() {
        let src = SourceText::new("a.md", "ab\nçd\n".to_string());
        assert_eq!(src.offset_of(2, 2), 5);
    }
}
