//! Inline suppressions in Markdown HTML comments:
//! `<!-- evidencelint-disable-next-line CODE[, CODE] -- reason -->` silences the next line;
//! `<!-- evidencelint-disable CODE -- reason -->` silences from its line to the end of the file
//! or to `<!-- evidencelint-enable CODE -->`. A `disable` placed before any other content of
//! the body also covers the front matter (findings about `controls:` point there).

use crate::checks::registry::CodeInfo;
use crate::checks::suggest::closest;
use crate::diagnostic::{Diagnostic, Location, Severity, Suppressed};
use crate::model::Repository;

use super::matcher::{covers, is_known};

/// Registry entries.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "suppression/missing-reason",
        severity: Severity::Warning,
        summary: "an inline suppression gives no reason",
        explanation: "\
Every inline suppression must say why the finding is accepted, after `--`, so that reviewers
and the next maintainer can judge it. The suppression still applies.

Example that triggers it:

    <!-- evidencelint-disable-next-line link/broken -->

Fix: add the reason: `<!-- evidencelint-disable-next-line link/broken -- target is generated at release -->`.",
    },
    CodeInfo {
        code: "suppression/unused",
        severity: Severity::Warning,
        summary: "an inline suppression silences nothing",
        explanation: "\
The suppression names codes that produce no finding in its range: the problem was fixed, or
the code is misspelt, or the comment is on the wrong line. Unused suppressions hide future
problems; remove them.

Example that triggers it:

    <!-- evidencelint-disable-next-line link/broken -- moved -->
    A line without any link.

Fix: delete the comment (or move it to the line before the finding).",
    },
    CodeInfo {
        code: "suppression/unknown-code",
        severity: Severity::Warning,
        summary: "an inline suppression names an unknown code",
        explanation: "\
A suppression names something that is not a diagnostic code, a prefix ending in `/`, or a
control ID, so it can never match.

Example that triggers it:

    <!-- evidencelint-disable-next-line link/brokn -- legacy page -->

Fix: use the code suggested (`link/broken`); `evidencelint explain CODE` lists what a code means.",
    },
];

/// One parsed suppression comment.
#[derive(Debug, Clone)]
struct Suppression {
    path: String,
    codes: Vec<String>,
    reason: Option<String>,
    /// First line covered.
    first: usize,
    /// Last line covered (inclusive), per code: an `enable` may end some codes only.
    last: Vec<usize>,
    location: Location,
    used: Vec<bool>,
}

impl Suppression {
    /// The index of the code that silences `diag` on `line`, if any.
    fn silencing(&self, diag: &Diagnostic, line: usize) -> Option<usize> {
        (0..self.codes.len())
            .find(|&i| (self.first..=self.last[i]).contains(&line) && covers(&self.codes[i], diag))
    }
}

/// Applies inline suppressions; returns the diagnostics about the suppressions themselves.
pub fn apply(
    repo: &Repository,
    diagnostics: &mut [Diagnostic],
    codes: &[String],
    controls: &[&str],
) -> Vec<Diagnostic> {
    let mut suppressions = collect(repo);
    for diag in diagnostics.iter_mut().filter(|d| d.suppressed.is_none()) {
        let Some(loc) = &diag.location else { continue };
        for s in suppressions.iter_mut().filter(|s| s.path == loc.path) {
            if let Some(i) = s.silencing(diag, loc.start.line) {
                s.used[i] = true;
                diag.suppressed = Some(Suppressed {
                    kind: "inline",
                    reason: s.reason.clone().unwrap_or_default(),
                });
                break;
            }
        }
    }
    report(&suppressions, codes, controls)
}

fn report(suppressions: &[Suppression], codes: &[String], controls: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in suppressions {
        if s.reason.is_none() {
            out.push(
                Diagnostic::warning("suppression/missing-reason", "inline suppression without a reason")
                    .at(s.location.clone())
                    .label("no `-- reason`")
                    .help("say why after `--`, e.g. `<!-- evidencelint-disable-next-line link/broken -- target is published later -->`"),
            );
        }
        for (code, used) in s.codes.iter().zip(&s.used) {
            if !is_known(code, codes, controls) {
                let mut d = Diagnostic::warning(
                    "suppression/unknown-code",
                    format!("suppression names unknown code `{code}`"),
                )
                .at(s.location.clone());
                let candidates = codes
                    .iter()
                    .map(String::as_str)
                    .chain(controls.iter().copied());
                d = match closest(code, candidates) {
                    Some(c) => d
                        .label(format!("did you mean `{c}`?"))
                        .help(format!("replace `{code}` with `{c}`")),
                    None => d
                        .label("unknown code")
                        .help("run `evidencelint explain CODE` to check a code"),
                };
                out.push(d);
            } else if !used {
                out.push(
                    Diagnostic::warning(
                        "suppression/unused",
                        format!("suppression of `{code}` silences nothing"),
                    )
                    .at(s.location.clone())
                    .label("nothing to silence here")
                    .help("remove the suppression, or move it to the line before the finding"),
                );
            }
        }
    }
    out
}

fn collect(repo: &Repository) -> Vec<Suppression> {
    let mut out = Vec::new();
    for doc in &repo.documents {
        let mut open: Vec<Suppression> = Vec::new();
        for (index, (text, location)) in doc.comments.iter().enumerate() {
            let Some((directive, rest)) = parse_directive(text) else {
                continue;
            };
            let (codes, reason) = split_codes(rest);
            let line = location.start.line;
            match directive {
                "disable-next-line" => out.push(new(
                    doc.path.clone(),
                    codes,
                    reason,
                    (line + 1, line + 1),
                    location,
                )),
                "disable" => {
                    let first = if index == 0 && doc.body_starts_with_comment {
                        1
                    } else {
                        line
                    };
                    open.push(new(
                        doc.path.clone(),
                        codes,
                        reason,
                        (first, usize::MAX),
                        location,
                    ));
                }
                "enable" => close(&mut open, &codes, line, &mut out),
                _ => {}
            }
        }
        out.append(&mut open);
    }
    out
}

fn new(
    path: String,
    codes: Vec<String>,
    reason: Option<String>,
    lines: (usize, usize),
    location: &Location,
) -> Suppression {
    let used = vec![false; codes.len()];
    Suppression {
        path,
        first: lines.0,
        last: vec![lines.1; codes.len()],
        codes,
        reason,
        location: location.clone(),
        used,
    }
}

/// Ends the named codes (all, when none is named) of the open `disable`s at `line`; a
/// `disable` whose codes have all ended is done.
fn close(open: &mut Vec<Suppression>, codes: &[String], line: usize, out: &mut Vec<Suppression>) {
    for s in open.iter_mut() {
        for (code, last) in s.codes.iter().zip(s.last.iter_mut()) {
            if *last == usize::MAX && (codes.is_empty() || codes.contains(code)) {
                *last = line;
            }
        }
    }
    let (done, still_open): (Vec<_>, Vec<_>) = std::mem::take(open)
        .into_iter()
        .partition(|s| s.last.iter().all(|&l| l != usize::MAX));
    out.extend(done);
    *open = still_open;
}

/// `evidencelint-disable-next-line …` → ("disable-next-line", "…").
fn parse_directive(comment: &str) -> Option<(&str, &str)> {
    let rest = comment.trim().strip_prefix("evidencelint-")?;
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((&rest[..end], rest[end..].trim()))
}

/// `A, B -- reason` → ([A, B], Some(reason)).
fn split_codes(text: &str) -> (Vec<String>, Option<String>) {
    let (codes, reason) = match text.split_once("--") {
        Some((c, r)) => (c, Some(r.trim().to_string()).filter(|r| !r.is_empty())),
        None => (text, None),
    };
    let codes = codes
        .split([',', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    (codes, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_codes_and_reasons_parse() {
        assert_eq!(
            parse_directive("evidencelint-disable-next-line link/broken -- why"),
            Some(("disable-next-line", "link/broken -- why"))
        );
        assert_eq!(
            split_codes("link/, RDS-009 -- moved later"),
            (
                vec!["link/".into(), "RDS-009".into()],
                Some("moved later".into())
            )
        );
        assert_eq!(
            split_codes("link/broken"),
            (vec!["link/broken".into()], None)
        );
        assert_eq!(parse_directive("a normal comment"), None);
    }

    #[test]
    fn enable_ends_only_the_codes_it_names() {
        let src = crate::source::SourceText::new("a.md", "x\n".into());
        let codes = vec!["link/broken".to_string(), "link/outside-repo".to_string()];
        let mut open = vec![new(
            "a.md".into(),
            codes,
            None,
            (3, usize::MAX),
            &src.location(0..1),
        )];
        let mut out = Vec::new();
        close(&mut open, &["link/broken".to_string()], 5, &mut out);
        assert!(out.is_empty());
        assert_eq!(open[0].last, [5, usize::MAX]);
        close(&mut open, &[], 9, &mut out);
        assert!(open.is_empty());
        assert_eq!(out[0].last, [5, 9]);
        let broken = Diagnostic::error("link/broken", "x");
        let outside = Diagnostic::error("link/outside-repo", "x");
        assert_eq!(out[0].silencing(&broken, 5), Some(0));
        assert_eq!(out[0].silencing(&broken, 6), None);
        assert_eq!(out[0].silencing(&outside, 8), Some(1));
        assert_eq!(out[0].silencing(&outside, 2), None);
    }
}
