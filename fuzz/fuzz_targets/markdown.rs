//! The Markdown fact extractor: a decoded file is parsed (front matter, Markdown blocks,
//! headings, links, comments) and its text blocks are run through the recognizer compiled
//! from the built-in RDS pack.
//!
//! Invariants: every range the parser records, and every recognizer hit mapped back into the
//! file, lies in the text on character boundaries.
#![no_main]

use std::ops::Range;
use std::sync::LazyLock;

use evidencelint::discover::read::decode;
use evidencelint::evaluate::lexicon;
use evidencelint::evaluate::recognize::Lexicon;
use evidencelint::packs::{BUILTIN, Catalog};
use evidencelint::parse::ParsedFile;
use evidencelint::source::SourceText;
use libfuzzer_sys::fuzz_target;

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

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode("fuzz.md", data.to_vec()) else {
        return;
    };
    let file = ParsedFile::parse("fuzz.md", text);
    let text = file.source.text.as_str();
    let md = &file.markdown;
    let spans = md
        .headings
        .iter()
        .map(|h| &h.span)
        .chain(md.links.iter().map(|l| &l.span))
        .chain(md.comments.iter().map(|c| &c.span))
        .chain(md.code_blocks.iter())
        .chain(md.blocks.iter().map(|b| &b.span));
    for span in spans {
        in_text(text, span);
    }
    for block in &md.blocks {
        for &(t, s, len) in &block.pieces {
            assert!(t + len <= block.text.len(), "piece outside the block text");
            in_text(text, &(s..s + len));
        }
    }
    for (_, span) in lexicon::locate(&LEXICON, &file) {
        in_text(text, &span);
        let location = file.source.location(span);
        assert!(location.start <= location.end);
    }
    // What the linter keeps agrees with what it locates.
    let atoms = lexicon::atoms(&LEXICON, &file);
    for (atom, _) in lexicon::locate(&LEXICON, &file) {
        assert!(atoms.contains(atom), "located atom {atom} not in the document's set");
    }
});

fn in_text(text: &str, span: &Range<usize>) {
    assert!(span.start <= span.end, "reversed span {span:?}");
    assert!(
        span.end <= text.len(),
        "span {span:?} beyond {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "span {span:?} not on character boundaries"
    );
}
