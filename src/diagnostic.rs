//! The one diagnostic type every stage produces and every emitter consumes.

use std::fmt;
use std::ops::Range;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Informational; never fails a run (e.g. a waived finding).
    Note,
    /// Reported, but the run still exits 0.
    Warning,
    /// Makes `check` exit 1.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON, SARIF and config files.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

/// Where a finding points: a repository-relative path and a byte span in that file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// Path relative to the repository root, `/`-separated.
    pub path: String,
    /// Byte range in the file's text (after BOM removal is *not* applied: offsets are into
    /// the text as decoded from the file, BOM stripped, line endings untouched).
    pub span: Range<usize>,
    /// Start of the span.
    pub start: LineCol,
    /// End of the span (exclusive column).
    pub end: LineCol,
}

/// A finding: what is wrong, where, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// `category/name` for lint codes, or a control ID with an optional `/item`.
    pub code: String,
    /// Severity after the filter stage.
    pub severity: Severity,
    /// One-line message.
    pub message: String,
    /// The place in a file, absent for repository-wide findings.
    pub location: Option<Location>,
    /// Label under the primary span (short).
    pub label: Option<String>,
    /// `note:` lines.
    pub notes: Vec<String>,
    /// `help:` lines: what to write, and where.
    pub help: Vec<String>,
    /// The bare control ID when the finding is about a control.
    pub control: Option<String>,
    /// The case study id when the finding is about one case study.
    pub case_study: Option<String>,
    /// Set by the filter stage when the finding was silenced (kept only on request).
    pub suppressed: Option<Suppressed>,
}

/// How a finding was silenced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppressed {
    /// `inline`, `waiver`, `baseline` or `wafr`.
    pub kind: &'static str,
    /// The reason given.
    pub reason: String,
}

impl Diagnostic {
    /// Starts a diagnostic with a code, severity and message; add the rest with the builders.
    pub fn new(code: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            severity,
            message: message.into(),
            location: None,
            label: None,
            notes: Vec::new(),
            help: Vec::new(),
            control: None,
            case_study: None,
            suppressed: None,
        }
    }

    /// An error-level diagnostic.
    pub fn error(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, message)
    }

    /// A warning-level diagnostic.
    pub fn warning(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, message)
    }

    /// Points the diagnostic at a place in a file.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Points the diagnostic at a place, if there is one.
    pub fn at_opt(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// Sets the label shown under the span.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a `note:` line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Tags the diagnostic with the control it is about.
    pub fn control(mut self, control: impl Into<String>) -> Self {
        self.control = Some(control.into());
        self
    }

    /// Tags the diagnostic with the case study it is about.
    pub fn case_study(mut self, id: impl Into<String>) -> Self {
        self.case_study = Some(id.into());
        self
    }

    /// Masks every secret quoted in the message, label, notes or help (an invalid front
    /// matter value, a customer name, a config value), so that no output format, baseline or
    /// report can print one.
    pub fn mask_secrets(&mut self) {
        fn mask(text: &mut String) {
            if let std::borrow::Cow::Owned(masked) = crate::secrets::mask_in(text) {
                *text = masked;
            }
        }
        mask(&mut self.message);
        if let Some(label) = &mut self.label {
            mask(label);
        }
        self.notes
            .iter_mut()
            .chain(self.help.iter_mut())
            .for_each(mask);
    }

    /// Drops the spare capacity of the texts and lists: a large repository has hundreds of
    /// thousands of findings, all kept until they are printed.
    pub fn shrink(&mut self) {
        self.code.shrink_to_fit();
        self.message.shrink_to_fit();
        let texts = self
            .label
            .iter_mut()
            .chain(&mut self.notes)
            .chain(&mut self.help);
        texts.for_each(String::shrink_to_fit);
        self.notes.shrink_to_fit();
        self.help.shrink_to_fit();
    }

    /// The contract's ordering key: path (repository-wide first), line, column, code.
    pub fn sort_key(&self) -> (Option<&str>, usize, usize, &str, &str) {
        match &self.location {
            Some(loc) => (
                Some(loc.path.as_str()),
                loc.start.line,
                loc.start.column,
                self.code.as_str(),
                self.message.as_str(),
            ),
            None => (None, 0, 0, self.code.as_str(), self.message.as_str()),
        }
    }
}

/// Sorts diagnostics into the contract's deterministic order and removes exact duplicates.
/// The order is found by sorting indices (a stable sort of the findings themselves would
/// need a scratch buffer of half of them), then the findings are moved into place.
pub fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by(|&a, &b| diagnostics[a].sort_key().cmp(&diagnostics[b].sort_key()));
    permute(diagnostics, order);
    diagnostics.dedup();
}

/// Joins lists of findings into one list of exactly their number.
pub fn concat_exact(lists: Vec<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    let mut all = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    lists.into_iter().for_each(|d| all.extend(d));
    all
}

/// `first` then `then`, in one list of exactly their number, grown from the larger of the two
/// so that no third list is made.
pub fn append_exact(mut first: Vec<Diagnostic>, mut then: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if first.len() >= then.len() {
        first.reserve_exact(then.len());
        first.append(&mut then);
        return first;
    }
    then.reserve_exact(first.len());
    then.splice(0..0, first);
    then.shrink_to_fit();
    then
}

/// Reorders `items` so that position `i` holds what was at `order[i]`, following each cycle.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_moves_each_item_to_its_place() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut items, vec![3, 0, 4, 1, 2]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c']);
    }

    #[test]
    fn sorting_is_stable_and_removes_duplicates() {
        let d = |code: &str, help: &str| Diagnostic::error(code, "m").help(help);
        let mut diags = vec![d("b", "1"), d("a", "2"), d("b", "0"), d("a", "2")];
        sort_diagnostics(&mut diags);
        assert_eq!(diags, [d("a", "2"), d("b", "1"), d("b", "0")]);
    }
}
