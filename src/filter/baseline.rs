//! Baselines: a file of known findings, matched on code, path, control, case study and message
//! — never on line numbers, so edits above a finding do not resurrect it.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Suppressed};

/// One baselined finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Entry {
    /// Code.
    pub code: String,
    /// Path, absent for repository-wide findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Control.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<String>,
    /// Case study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_study: Option<String>,
    /// Message.
    pub message: String,
}

/// The baseline file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// Known findings.
    pub findings: Vec<Entry>,
}

impl Entry {
    /// The entry of a finding.
    pub fn of(diag: &Diagnostic) -> Self {
        Entry {
            code: diag.code.clone(),
            path: diag.location.as_ref().map(|l| l.path.clone()),
            control: diag.control.clone(),
            case_study: diag.case_study.clone(),
            message: diag.message.clone(),
        }
    }
}

impl Baseline {
    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read baseline `{}`: {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("baseline `{}` is not valid: {e}", path.display()))
    }

    /// The baseline of the current findings (sorted, so the file diffs well).
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut findings: Vec<Entry> = diagnostics
            .iter()
            .filter(|d| d.suppressed.is_none())
            .map(Entry::of)
            .collect();
        findings.sort();
        Baseline {
            version: 1,
            findings,
        }
    }

    /// Writes the baseline as pretty JSON.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let mut text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(path, text)
            .map_err(|e| format!("cannot write baseline `{}`: {e}", path.display()))
    }

    /// Marks baselined findings; returns (hidden, entries no longer found).
    pub fn apply(&self, diagnostics: &mut [Diagnostic]) -> (usize, usize) {
        let mut remaining: HashMap<&Entry, usize> = HashMap::new();
        for entry in &self.findings {
            *remaining.entry(entry).or_default() += 1;
        }
        let mut hidden = 0;
        for diag in diagnostics.iter_mut().filter(|d| d.suppressed.is_none()) {
            let entry = Entry::of(diag);
            if let Some(count) = remaining.get_mut(&entry).filter(|c| **c > 0) {
                *count -= 1;
                hidden += 1;
                diag.suppressed = Some(Suppressed {
                    kind: "baseline",
                    reason: "in the baseline".into(),
                });
            }
        }
        (hidden, remaining.values().sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceText;

    #[test]
    fn matching_ignores_lines() {
        let src = SourceText::new("a.md", "x\ny\nz\n".into());
        let old = Diagnostic::error("link/broken", "link to `b.md`").at(src.location(0..1));
        let baseline = Baseline::of(&[old]);
        let mut moved = vec![
            Diagnostic::error("link/broken", "link to `b.md`").at(src.location(4..5)),
            Diagnostic::error("link/broken", "link to `c.md`").at(src.location(4..5)),
        ];
        assert_eq!(baseline.apply(&mut moved), (1, 0));
        assert!(moved[0].suppressed.is_some());
        assert!(moved[1].suppressed.is_none());
        assert_eq!(Baseline::of(&[]).apply(&mut []), (0, 0));
        assert_eq!(baseline.apply(&mut []), (0, 1));
    }
}
