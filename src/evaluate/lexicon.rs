//! Compiles every pack atom once into the recognizer lexicon, and finds a document's atoms.

use super::recognize::{AtomSpec, Lexicon};
use crate::model::document::AtomSet;
use crate::packs::{Atom, Catalog};
use crate::parse::ParsedFile;

/// Compiles the catalog's atoms (atom `i` of the catalog is atom `i` of the lexicon).
pub fn compile(catalog: &Catalog) -> Result<Lexicon, String> {
    let specs: Vec<AtomSpec> = catalog.atoms.atoms.iter().map(spec).collect();
    Lexicon::compile(&specs).map_err(|e| format!("{e:?}"))
}

fn spec(atom: &Atom) -> AtomSpec {
    match atom {
        Atom::Topic(phrases) => AtomSpec::Topic(phrases.clone()),
        Atom::Fact { names, value } => AtomSpec::Fact {
            names: names.clone(),
            value: *value,
        },
    }
}

/// The atoms a parsed file states.
pub fn atoms(lexicon: &Lexicon, file: &ParsedFile) -> AtomSet {
    (lexicon.extract(&file.markdown.blocks).into_iter())
        .map(|hit| hit.atom)
        .collect()
}

/// Where the file states each atom: (atom, byte range in the file), the first statement in
/// each block. Not kept by the linter (documents keep only their [`AtomSet`]); for tools and
/// tests that point at or edit the evidence.
pub fn locate(lexicon: &Lexicon, file: &ParsedFile) -> Vec<(usize, std::ops::Range<usize>)> {
    let blocks = &file.markdown.blocks;
    (lexicon.extract_every(blocks).into_iter())
        .map(|hit| (hit.atom, blocks[hit.block].source_range(hit.range)))
        .collect()
}
