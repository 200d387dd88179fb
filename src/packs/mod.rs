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

/// The built-in packs converted to JSON by `build.rs`, in [`BUILTIN`] order.
pub const BUILTIN_JSON: &[&str] = &[
    include_str!(concat!(env!("OUT_DIR"), "/rds-sd-2025-08.json")),
    include_str!(concat!(env!("OUT_DIR"), "/aurora-sd-2019-12.json")),
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
    /// The built-in packs, from their JSON form ([`BUILTIN_JSON`]). They are validated by the
    /// test suite (from the YAML, with located errors), so a failure here is a bug.
    pub fn builtin() -> Self {
        let mut catalog = Catalog::default();
        for ((name, _), json) in BUILTIN.iter().zip(BUILTIN_JSON) {
            let raw = serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("built-in pack {name} is invalid: {e}"));
            // The JSON has no spans: errors (a bug) would point at the start of the file.
            let source = SourceText::new(format!("rules/{name}"), String::new());
            let origin = format!("builtin:{name}");
            if let Err(errors) = catalog.add_raw(raw, &source, &origin) {
                panic!("built-in pack {name} is invalid: {errors:?}");
            }
        }
        catalog
    }

    /// The built-in packs loaded from their YAML text, as a user's pack is (for tests).
    pub fn builtin_from_yaml() -> Self {
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
        self.push(pack, source)
    }

    /// Adds a deserialized pack; errors point into `source`.
    fn add_raw(
        &mut self,
        raw: format::RawPack,
        source: &SourceText,
        origin: &str,
    ) -> Result<(), Vec<Diagnostic>> {
        let taken: BTreeSet<String> = self.control_ids().map(str::to_string).collect();
        let pack = load::validate(raw, source, origin, &taken, &mut self.atoms)?;
        self.push(pack, source)
    }

    /// Adds a validated pack, unless its program is already defined.
    fn push(&mut self, pack: Pack, source: &SourceText) -> Result<(), Vec<Diagnostic>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON that `build.rs` derives from the YAML loads into the very same catalog.
    #[test]
    fn builtin_json_matches_the_yaml() {
        assert_eq!(BUILTIN.len(), BUILTIN_JSON.len());
        let (json, yaml) = (Catalog::builtin(), Catalog::builtin_from_yaml());
        assert_eq!(format!("{:?}", json.packs), format!("{:?}", yaml.packs));
        assert_eq!(
            format!("{:?}", json.atoms.atoms),
            format!("{:?}", yaml.atoms.atoms)
        );
    }
}
