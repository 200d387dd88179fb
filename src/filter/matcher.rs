//! How a suppression, waiver or override names findings: an exact code, a prefix ending in
//! `/` (`link/`), or a control ID (`RDS-009`, covering all its items).

use crate::diagnostic::Diagnostic;

/// Whether `name` covers `diag`.
pub fn covers(name: &str, diag: &Diagnostic) -> bool {
    if name == diag.code {
        return true;
    }
    if name.ends_with('/') {
        return diag.code.starts_with(name);
    }
    diag.control.as_deref() == Some(name) || diag.code.starts_with(&format!("{name}/"))
}

/// How specific a name is, for choosing among overrides: exact code > control > prefix.
pub fn specificity(name: &str, diag: &Diagnostic) -> u8 {
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
    if name.ends_with('/') {
        return codes.iter().any(|c| c.starts_with(name));
    }
    codes.iter().any(|c| c == name) || controls.contains(&name)
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
