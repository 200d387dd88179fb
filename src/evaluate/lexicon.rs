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
    compile_for(catalog, None)
}

/// Compiles the topics that the packs of `programs` recognize (every atom when `None`), and
/// every fact; the other topics are compiled to no phrase, so no document states them, and
/// atom `i` of the catalog is still atom `i` of the lexicon. Only the programs in force read a
/// document's atoms, so a run whose programs are known up front looks for no topic they do
/// not need. Facts are all kept: a number belongs to the nearest name of any fact, so the
/// names of one pack's facts decide which numbers another pack's facts get.
pub fn compile_for(catalog: &Catalog, programs: Option<&[String]>) -> Result<Lexicon, String> {
    let wanted = programs.map(|programs| atoms_of(catalog, programs));
    let specs: Vec<AtomSpec> = (catalog.atoms.atoms.iter().enumerate())
        .map(|(i, atom)| match (&wanted, atom) {
            (Some(wanted), Atom::Topic(_) | Atom::Mention(_)) if !wanted[i] => {
                AtomSpec::Topic(Vec::new())
            }
            _ => spec(atom),
        })
        .collect();
    Lexicon::compile(&specs).map_err(|e| format!("{e:?}"))
}

/// For each atom of the catalog, whether a pack of `programs` recognizes it.
fn atoms_of(catalog: &Catalog, programs: &[String]) -> Vec<bool> {
    let mut wanted = vec![false; catalog.atoms.atoms.len()];
    let mut atoms = Vec::new();
    let packs = catalog
        .packs
        .iter()
        .filter(|p| programs.contains(&p.program));
    for item in packs.flat_map(|p| &p.controls).flat_map(|c| &c.items) {
        item.recognizer.atoms(&mut atoms);
    }
    atoms.into_iter().for_each(|a| wanted[a] = true);
    wanted
}

/// A lexicon compiled on one thread while others go on without it: the stages that need it
/// take it when it is [`ready`](Pending::ready), or [`wait`](Pending::wait) for it.
#[derive(Debug, Default)]
pub struct Pending(OnceLock<Result<Lexicon, String>>);

impl Pending {
    /// Compiles into this slot the lexicon of `programs` (see [`compile_for`]). Should the
    /// compilation panic, the slot holds an error before the panic goes on, so that no waiter
    /// waits forever.
    pub fn compile(&self, catalog: &Catalog, programs: Option<&[String]>) {
        let fill_on_panic = FillOnDrop(&self.0);
        let _ = self.0.set(compile_for(catalog, programs));
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
        Atom::Mention(phrases) => AtomSpec::Mention(phrases.clone()),
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
            scope.spawn(|| pending.compile(&catalog, None));
            assert!(source.wait().is_some());
        });
        assert!(source.now().is_some());
        assert!(pending.wait().is_ok());
    }

    /// The first atom of `kind` that the Aurora pack recognizes and the RDS pack does not,
    /// with a phrase of it written in plain words.
    fn aurora_only(catalog: &Catalog, topic: bool) -> (usize, String) {
        let rds = atoms_of(catalog, &["rds-sd-2025-08".to_string()]);
        let aurora = atoms_of(catalog, &["aurora-sd-2019-12".to_string()]);
        let plain = |p: &&String| p.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
        (catalog.atoms.atoms.iter().enumerate())
            .filter(|&(i, _)| aurora[i] && !rds[i])
            .find_map(|(i, atom)| match atom {
                Atom::Topic(phrases) if topic => phrases.iter().find(plain).map(|p| (i, p.clone())),
                Atom::Fact { names, .. } if !topic => {
                    names.iter().find(plain).map(|p| (i, p.clone()))
                }
                _ => None,
            })
            .expect("the Aurora pack has atoms of its own")
    }

    fn stated(lexicon: &Lexicon, text: &str) -> AtomSet {
        atoms(lexicon, &ParsedFile::parse("doc.md", text.to_string()))
    }

    #[test]
    fn a_lexicon_for_some_programs_finds_no_topic_only_other_packs_recognize() {
        let catalog = Catalog::builtin();
        let (atom, phrase) = aurora_only(&catalog, true);
        let text = format!("# Evidence\n\nOur team wrote down the {phrase} for this customer.\n");
        let every = compile(&catalog).unwrap();
        let rds = compile_for(&catalog, Some(&["rds-sd-2025-08".to_string()])).unwrap();
        let aurora = compile_for(&catalog, Some(&["aurora-sd-2019-12".to_string()])).unwrap();
        assert!(stated(&every, &text).contains(atom), "{phrase}");
        assert!(stated(&aurora, &text).contains(atom), "{phrase}");
        assert!(!stated(&rds, &text).contains(atom), "{phrase}");
    }

    #[test]
    fn a_lexicon_for_some_programs_keeps_every_fact() {
        let catalog = Catalog::builtin();
        let (atom, name) = aurora_only(&catalog, false);
        let rds = compile_for(&catalog, Some(&["rds-sd-2025-08".to_string()])).unwrap();
        let every = compile(&catalog).unwrap();
        let mut found = 0;
        for value in [
            "4 hours",
            "500 GB",
            "99.95%",
            "12",
            "20% per year",
            "300 per second",
        ] {
            let text = format!("# Evidence\n\nThe {name} is {value} for this customer.\n");
            let by_rds = stated(&rds, &text).contains(atom);
            assert_eq!(
                by_rds,
                stated(&every, &text).contains(atom),
                "{name}: {value}"
            );
            found += usize::from(by_rds);
        }
        assert!(found > 0, "no value of {name} was recognized");
    }
}
