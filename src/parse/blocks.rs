//! Plain-text blocks of a Markdown document: what recognizers read.

use std::ops::Range;

/// What kind of Markdown block a piece of text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph (also a block quote's paragraph).
    Paragraph,
    /// A heading of level 1–6.
    Heading(u8),
    /// The text of one list item (nested items are their own blocks).
    ListItem,
    /// One table cell: which table in the document, its row (0 = header) and column.
    TableCell {
        /// Index of the table in the document.
        table: usize,
        /// Row index; row 0 is the header row.
        row: usize,
        /// Column index.
        column: usize,
    },
    /// The term of a definition list.
    DefinitionTitle,
    /// The definition of a definition list term.
    DefinitionBody,
}

/// A block's plain text and how it maps back to the file.
///
/// `text` is the visible text with Markdown syntax removed (emphasis, link syntax, inline code
/// markers); link URLs, code blocks and HTML comments are not part of it. Inline code *is*
/// kept as text (it is visible), but code blocks are not blocks at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    /// The kind of block.
    pub kind: BlockKind,
    /// The plain text.
    pub text: String,
    /// Byte range of the whole block in the file.
    pub span: Range<usize>,
    /// Pieces of `text` and where they came from: `(offset in text, offset in file, len)`.
    /// Text between pieces (e.g. a space joining soft breaks) maps to the nearest piece.
    pub pieces: Vec<(usize, usize, usize)>,
}

impl TextBlock {
    /// Maps a byte range of `text` back to a byte range in the file.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start, false);
        let end = self.source_offset(range.end, true).max(start);
        start..end
    }

    fn source_offset(&self, text_offset: usize, is_end: bool) -> usize {
        let mut best = self.span.start;
        for &(t, s, len) in &self.pieces {
            let inside = if is_end {
                text_offset > t && text_offset <= t + len
            } else {
                text_offset >= t && text_offset < t + len
            };
            if inside {
                return s + (text_offset - t);
            }
            if t + len <= text_offset {
                best = s + len;
            } else if is_end {
                return best;
            } else {
                return s;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_text_ranges_through_pieces() {
        // "RTO is *one hour*" → text "RTO is one hour"
        let block = TextBlock {
            kind: BlockKind::Paragraph,
            text: "RTO is one hour".into(),
            span: 10..27,
            pieces: vec![(0, 10, 7), (7, 18, 8)],
        };
        assert_eq!(block.source_range(0..3), 10..13);
        assert_eq!(block.source_range(7..15), 18..26);
    }
}
