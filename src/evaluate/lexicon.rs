//! Compiles every pack atom once into the recognizer lexicon, and finds a document's atoms.
//!
//! `check` compiles the lexicon while the files are read and parsed ([`Pending`]): nothing
//! before the recognizer needs it, and the compilation is a good part of a small run.

use std::sync::OnceLock;

use super::recognize::{AtomSpec, Lexicon};
use crate::model::document::AtomSet;
use crate::packs::{Atom, Catalog};
use crate::parse::ParsedFile;

/// Compiles the catalog's atoms (atom `i` of the catalog is atom `i` of the lexicon).
pub fn compile(catalog: &Catalog) -> Result<Lexicon, String> {
    let specs: Vec<AtomSpec> = catalog.atoms.atoms.iter().map(spec).collect();
    Lexicon::compile(&specs).map_err(|e| format!("{e:?}"))
}

/// A lexicon compiled on one thread while others go on without it: the stages that need it
/// take it when it is [`ready`](Pending::ready), or [`wait`](Pending::wait) for it.
#[derive(Debug, Default)]
pub struct Pending(OnceLock<Result<Lexicon, String>>);

impl Pending {
    /// Compiles the catalog's lexicon into this slot. Should the compilation panic, the slot
    /// holds an error before the panic goes on, so that no waiter waits forever.
    pub fn compile(&self, catalog: &Catalog) {
        let fill_on_panic = FillOnDrop(&self.0);
        let _ = self.0.set(compile(catalog));
        drop(fill_on_panic);
    }

    /// The lexicon, if it is compiled by now.
    pub fn ready(&self) -> Option<&Lexicon> {
        self.0.get().and_then(|result| result.as_ref().ok())
    }

    /// The lexicon once it is compiled, or the compilation's error.
    pub fn wait(&self) -> Result<&Lexicon, &str> {
        self.0.wait().as_ref().map_err(String::as_str)
    }
}

/// Fills the slot with an error when dropped before [`Pending::compile`] filled it (that is,
/// during a panic's unwinding).
struct FillOnDrop<'a>(&'a OnceLock<Result<Lexicon, String>>);

impl Drop for FillOnDrop<'_> {
    fn drop(&mut self) {
        if self.0.get().is_none() {
            let _ = self
                .0
                .set(Err("the lexicon could not be compiled".to_string()));
        }
    }
}

/// Where the linter takes the lexicon from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// A lexicon compiled already.
    Ready(&'a Lexicon),
    /// A lexicon being compiled on another thread.
    Pending(&'a Pending),
}

impl<'a> Source<'a> {
    /// The lexicon, if it is compiled by now.
    pub fn now(self) -> Option<&'a Lexicon> {
        match self {
            Source::Ready(lexicon) => Some(lexicon),
            Source::Pending(pending) => pending.ready(),
        }
    }

    /// The lexicon once it is compiled; `None` when its compilation failed (the caller
    /// reports that error, see [`Pending::wait`]).
    pub fn wait(self) -> Option<&'a Lexicon> {
        match self {
            Source::Ready(lexicon) => Some(lexicon),
            Source::Pending(pending) => pending.wait().ok(),
        }
    }
}

impl<'a> From<&'a Lexicon> for Source<'a> {
    fn from(lexicon: &'a Lexicon) -> Self {
        Source::Ready(lexicon)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_lexicon_is_there_once_compiled() {
        let catalog = Catalog::builtin();
        let pending = Pending::default();
        let source = Source::Pending(&pending);
        assert!(source.now().is_none());
        std::thread::scope(|scope| {
            scope.spawn(|| pending.compile(&catalog));
            assert!(source.wait().is_some());
        });
        assert!(source.now().is_some());
        assert!(pending.wait().is_ok());
    }
}
