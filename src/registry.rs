//! Every diagnostic code evidencelint can emit, from every stage, in one list.

use crate::checks::registry::CodeInfo;

/// All codes: built-in checks, evaluation, config and packs. A test fails on duplicates and
/// on codes without an explanation or a triggering fixture.
pub fn all_codes() -> Vec<&'static CodeInfo> {
    let mut codes = crate::checks::builtin_codes();
    codes.extend(crate::evaluate::prerequisites::CODES.iter());
    codes.extend(crate::evaluate::lifecycle::CODES.iter());
    codes.push(&crate::evaluate::wafr::NOT_CLEAN);
    codes.push(&crate::config::INVALID);
    codes.push(&crate::packs::load::INVALID_PACK);
    codes.extend(crate::filter::suppressions::CODES.iter());
    codes.extend(crate::filter::waivers::CODES.iter());
    codes
}

/// Every code a finding can carry: the registry's and every pack item's code.
pub fn known_codes(catalog: &crate::packs::Catalog) -> Vec<String> {
    let mut codes: Vec<String> = all_codes().iter().map(|c| c.code.to_string()).collect();
    for pack in &catalog.packs {
        for control in &pack.controls {
            codes.extend(control.items.iter().map(|i| i.code.clone()));
        }
    }
    codes.sort();
    codes.dedup();
    codes
}
