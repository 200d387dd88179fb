//! Rule packs: the checklists as data (`rules/*.yaml`), embedded in the binary, validated on
//! load, plus the user's own packs from `packs:` in the config.

pub mod format;
pub mod load;
pub mod model;

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::source::SourceText;
pub use load::AtomTable;
pub use model::{Atom, Control, Item, Pack, Recognizer, Scope, ValueType};

/// The built-in packs: (file name, YAML text).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rds-sd-2025-08.yaml",
        include_str!("../../rules/rds-sd-2025-08.yaml"),
    ),
    (
        "aurora-sd-2019-12.yaml",
        include_str!("../../rules/aurora-sd-2019-12.yaml"),
    ),
];

/// Every loaded pack and the atoms their recognizers use.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Packs in load order (built-in first).
    pub packs: Vec<Pack>,
    /// Interned atoms of all packs.
    pub atoms: AtomTable,
}

impl Catalog {
    /// The built-in packs. They are validated by the test suite, so a failure here is a bug.
    pub fn builtin() -> Self {
        let mut catalog = Catalog::default();
        for (name, text) in BUILTIN {
            let source = SourceText::new(format!("rules/{name}"), (*text).to_string());
            if let Err(errors) = catalog.add(&source, &format!("builtin:{name}")) {
                panic!("built-in pack {name} is invalid: {errors:?}");
            }
        }
        catalog
    }

    /// Loads one more pack; errors point into `source`.
    pub fn add(&mut self, source: &SourceText, origin: &str) -> Result<(), Vec<Diagnostic>> {
        let taken: BTreeSet<String> = self.control_ids().map(str::to_string).collect();
        let pack = load::load(source, origin, &taken, &mut self.atoms)?;
        if self.program(&pack.program).is_some() {
            return Err(vec![
                Diagnostic::error(
                    load::INVALID_PACK.code,
                    format!("program `{}` is already defined", pack.program),
                )
                .at(source.location(0..0)),
            ]);
        }
        self.packs.push(pack);
        Ok(())
    }

    /// A pack by program id.
    pub fn program(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.program == id)
    }

    /// Every control ID of every pack.
    pub fn control_ids(&self) -> impl Iterator<Item = &str> {
        self.packs
            .iter()
            .flat_map(|p| p.controls.iter().map(|c| c.id.as_str()))
    }

    /// Every program id.
    pub fn program_ids(&self) -> impl Iterator<Item = &str> {
        self.packs.iter().map(|p| p.program.as_str())
    }

    /// The pack and control of a control ID.
    pub fn control(&self, id: &str) -> Option<(&Pack, &Control)> {
        self.packs
            .iter()
            .find_map(|p| p.control(id).map(|c| (p, c)))
    }
}
