//! Inputs the fuzz targets (`fuzz/`) found failing, kept as regression tests, plus the
//! Markdown target's invariants run over its committed seeds and regressions: every range the
//! Markdown parser records lies in the text on character boundaries, and every piece of a text
//! block lies inside the block's text.

use std::ops::Range;
use std::path::Path;

use evidencelint::discover::read::decode;
use evidencelint::parse::ParsedFile;

fn in_text(text: &str, span: &Range<usize>, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} beyond {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} splits a character"
    );
}

/// The invariants of `fuzz/fuzz_targets/markdown.rs` (without the recognizer).
fn check_markdown(name: &str, bytes: &[u8]) {
    let Ok(text) = decode(name, bytes.to_vec()) else {
        return;
    };
    let file = ParsedFile::parse(name, text);
    let text = file.source.text.as_str();
    let md = &file.markdown;
    for h in &md.headings {
        in_text(text, &h.span, name);
    }
    for l in &md.links {
        in_text(text, &l.span, name);
    }
    for c in &md.comments {
        in_text(text, &c.span, name);
    }
    for r in &md.code_blocks {
        in_text(text, r, name);
    }
    for block in &md.blocks {
        in_text(text, &block.span, name);
        for &(t, s, len) in &block.pieces {
            assert!(
                t + len <= block.text.len(),
                "{name}: piece {:?} outside the block text {:?}",
                (t, s, len),
                block.text
            );
            in_text(text, &(s..s + len), name);
        }
    }
}

/// Fuzz finding (markdown target, first minutes): a paragraph ending in a space then inline
/// HTML kept the space's piece after the block text was trimmed, so the piece pointed past
/// the end of the text.
#[test]
fn trailing_inline_html_leaves_no_piece_past_the_text() {
    check_markdown("a.md", b"[a](x) ![d](y) <img src=\"z.png\">\n");
    check_markdown("b.md", b"Text \t <span>x</span>\n\nMore <br>   \n");
    let file = ParsedFile::parse("c.md", "RTO is *one hour* <br>\n".to_string());
    let block = &file.markdown.blocks[0];
    assert_eq!(block.text, "RTO is one hour");
    let (t, _, len) = *block.pieces.last().unwrap();
    assert_eq!(t + len, block.text.len());
}

#[test]
fn fuzz_seeds_and_regressions_keep_the_markdown_invariants() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut seen = 0;
    for dir in ["seeds/markdown", "regressions/markdown"] {
        for entry in std::fs::read_dir(fuzz.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            check_markdown(&path.display().to_string(), &std::fs::read(&path).unwrap());
            seen += 1;
        }
    }
    assert!(seen > 20, "the seed corpus is missing ({seen} files)");
}
