//! Finds YAML front matter between `---` lines at the very top of a Markdown file.

use std::ops::Range;

/// Where the front matter is, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMatterSplit {
    /// The file does not start with a `---` line: an ordinary document.
    None,
    /// The opening `---` is never closed; the range is the opening line.
    Unclosed(Range<usize>),
    /// Front matter found.
    Found {
        /// Byte range of the YAML text (between the fences).
        yaml: Range<usize>,
        /// 1-based file line of the first YAML line.
        first_line: usize,
        /// Byte offset where the Markdown body starts (after the closing fence line).
        body_start: usize,
    },
}

/// Splits `text` (BOM already removed) into front matter and body. Accepts `\n`, `\r\n` and
/// `\r` line endings; the closing fence is `---` or `...` alone on a line (trailing spaces ok).
pub fn split(text: &str) -> FrontMatterSplit {
    let mut lines = LineIter::new(text);
    let Some((first, first_end)) = lines.next() else {
        return FrontMatterSplit::None;
    };
    if first.trim_end() != "---" {
        return FrontMatterSplit::None;
    }
    let yaml_start = first_end;
    let mut line_start = first_end;
    for (line, end) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return FrontMatterSplit::Found {
                yaml: yaml_start..line_start,
                first_line: 2,
                body_start: end,
            };
        }
        line_start = end;
    }
    FrontMatterSplit::Unclosed(0..first.len())
}

/// Iterates lines as `(line without ending, offset after the ending)`.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LineIter<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, pos: 0 }
    }
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (line_len, ending_len) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let line = &rest[..line_len];
        self.pos += line_len + ending_len;
        Some((line, self.pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_front_matter_with_lf_and_crlf() {
        for text in ["---\nkind: x\n---\nbody", "---\r\nkind: x\r\n---\r\nbody"] {
            let FrontMatterSplit::Found {
                yaml, body_start, ..
            } = split(text)
            else {
                panic!("{text:?}")
            };
            assert_eq!(text[yaml].trim_end(), "kind: x");
            assert_eq!(&text[body_start..], "body");
        }
    }

    #[test]
    fn ordinary_documents_have_none() {
        assert_eq!(split("# Title\n---\n"), FrontMatterSplit::None);
        assert_eq!(split(""), FrontMatterSplit::None);
        assert_eq!(split("--- not a fence\n"), FrontMatterSplit::None);
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        assert_eq!(split("---\nkind: x\n"), FrontMatterSplit::Unclosed(0..3));
    }

    #[test]
    fn empty_front_matter_and_dots_fence() {
        let FrontMatterSplit::Found { yaml, .. } = split("---\n---\n") else {
            panic!()
        };
        assert!(yaml.is_empty());
        assert!(matches!(
            split("---\na: 1\n...\n"),
            FrontMatterSplit::Found { .. }
        ));
    }
}
