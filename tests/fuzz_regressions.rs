//! Inputs the fuzz targets (`fuzz/`) found failing, kept as regression tests, plus the
//! Markdown target's invariants run over its committed seeds and regressions: every range the
//! Markdown parser records lies in the text on character boundaries, every piece of a text
//! block lies inside the block's text, and the RDS recognizer runs without a panic with every
//! hit inside the text.

mod harness;

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use evidencelint::discover::read::decode;
use evidencelint::evaluate::lexicon;
use evidencelint::evaluate::recognize::Lexicon;
use evidencelint::packs::{BUILTIN, Catalog};
use evidencelint::parse::ParsedFile;
use evidencelint::source::SourceText;
use harness::{AS_OF, run_in};

/// The recognizer of the built-in RDS pack, as the markdown fuzz target builds it.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let (name, text) = BUILTIN
        .iter()
        .find(|(name, _)| name.starts_with("rds-"))
        .expect("the RDS pack is built in");
    let mut catalog = Catalog::default();
    let source = SourceText::new(format!("rules/{name}"), (*text).to_string());
    catalog.add(&source, "builtin").expect("the RDS pack loads");
    lexicon::compile(&catalog).expect("the RDS pack compiles")
});

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
    for (_, range) in lexicon::locate(&LEXICON, &file) {
        in_text(text, &range, name);
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

/// Fuzz finding (markdown target, second run): a four-digit number after a multi-byte
/// character that is not alphanumeric (here U+FEFF inside a sentence) made the year test of
/// the count recognizer slice inside that character, and `check` panicked (exit 101).
#[test]
fn a_year_after_a_multi_byte_character_does_not_panic() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/markdown");
    let input = std::fs::read(fuzz.join("year-after-zero-width-no-break-space.md")).unwrap();
    check_markdown("year.md", &input);
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case-studies/harbourline");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(case.join("dr-plan.md"), &input).unwrap();
    let out = run_in(
        Some(dir.path()),
        &["check", ".", "--as-of", AS_OF, "--format", "json"],
    );
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}: {}",
        out.code,
        out.stderr
    );
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
