//! TEMPORARY STUB — replaced by the recognizer engine (branch wt-recognize).

use std::ops::Range;

use crate::parse::blocks::TextBlock;

/// Value kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Duration.
    Duration,
    /// Size.
    Size,
    /// Percent.
    Percent,
    /// Count.
    Count,
    /// Rate.
    Rate,
    /// Availability.
    Availability,
}

/// An atom.
#[derive(Debug, Clone)]
pub enum AtomSpec {
    /// Topic.
    Topic(Vec<String>),
    /// Fact.
    Fact {
        /// Names.
        names: Vec<String>,
        /// Value.
        value: ValueKind,
    },
}

/// Compile error.
#[derive(Debug)]
pub struct CompileError(pub String);

/// A hit.
#[derive(Debug, Clone)]
pub struct AtomHit {
    /// Atom.
    pub atom: usize,
    /// Block.
    pub block: usize,
    /// Range in block text.
    pub range: Range<usize>,
}

/// Lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    atoms: Vec<AtomSpec>,
}

impl Lexicon {
    /// Compile.
    pub fn compile(atoms: &[AtomSpec]) -> Result<Lexicon, CompileError> {
        Ok(Lexicon {
            atoms: atoms.to_vec(),
        })
    }

    /// Extract.
    pub fn extract(&self, blocks: &[TextBlock]) -> Vec<AtomHit> {
        let mut hits = Vec::new();
        for (i, atom) in self.atoms.iter().enumerate() {
            let AtomSpec::Topic(phrases) = atom else {
                continue;
            };
            for (b, block) in blocks.iter().enumerate() {
                let lower = block.text.to_lowercase();
                if let Some(p) = phrases
                    .iter()
                    .find_map(|p| lower.find(&p.to_lowercase()).map(|s| s..s + p.len()))
                {
                    hits.push(AtomHit {
                        atom: i,
                        block: b,
                        range: p,
                    });
                    break;
                }
            }
        }
        hits
    }
}
