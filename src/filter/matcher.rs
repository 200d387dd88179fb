//! How a suppression, waiver or override names findings: an exact code, a prefix ending in
//! `/` (`link/`), or a control ID (`RDS-009`, covering all its items).

use crate::checks::suggest::closest;
use crate::config::INVALID;
use crate::diagnostic::{Diagnostic, Location};

/// Old spellings kept working (contract: one release at least): (old, current).
pub const ALIASES: &[(&str, &str)] = &[("secret/aws-account-id", "privacy/aws-account-id")];

/// The current spelling of a code.
pub fn canonical(name: &str) -> &str {
    ALIASES
        .iter()
        .find(|(old, _)| *old == name)
        .map_or(name, |(_, new)| new)
}

/// Whether `name` covers `diag`.
pub fn covers(name: &str, diag: &Diagnostic) -> bool {
    let name = canonical(name);
    if name == diag.code {
        return true;
    }
    if name.ends_with('/') {
        return diag.code.starts_with(name);
    }
    let is_control_id = name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains('/');
    is_control_id
        && (diag.control.as_deref() == Some(name) || diag.code.starts_with(&format!("{name}/")))
}

/// How specific a name is, for choosing among overrides: exact code > control > prefix.
pub fn specificity(name: &str, diag: &Diagnostic) -> u8 {
    let name = canonical(name);
    if name == diag.code {
        3
    } else if name.ends_with('/') {
        1
    } else {
        2
    }
}

/// Whether `name` is something a finding can be named by: a known code, a prefix of one, or
/// a control ID.
pub fn is_known(name: &str, codes: &[String], controls: &[&str]) -> bool {
    let name = canonical(name);
    if name.ends_with('/') {
        return codes.iter().any(|c| c.starts_with(name));
    }
    codes.iter().any(|c| c == name) || controls.contains(&name)
}

/// The config error for a name in `where_` (`` `rules:` ``, `a waiver`) that names nothing
/// known, pointing at `location`, with the closest known name.
pub fn unknown_name(
    where_: &str,
    name: &str,
    location: &Location,
    codes: &[String],
    controls: &[&str],
) -> Diagnostic {
    let candidates = codes
        .iter()
        .map(String::as_str)
        .chain(controls.iter().copied());
    let d = Diagnostic::error(
        INVALID.code,
        format!("{where_} names unknown code `{name}`"),
    )
    .at(location.clone());
    match closest(name, candidates) {
        Some(c) => d
            .label(format!("did you mean `{c}`?"))
            .help(format!("rename `{name}` to `{c}`")),
        None => d.label("unknown code").help(
            "use a code (`link/broken`), a prefix ending in `/` (`link/`) or a control ID (`RDS-009`)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_prefixes_and_controls() {
        let d = Diagnostic::error("RDS-009/rto", "x").control("RDS-009");
        assert!(covers("RDS-009/rto", &d));
        assert!(covers("RDS-009", &d));
        assert!(!covers("RDS-00", &d));
        let l = Diagnostic::error("link/broken", "x");
        assert!(covers("link/", &l));
        assert!(!covers("link", &l));
    }
}
