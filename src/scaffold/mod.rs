//! `evidencelint init`: the files of a starter evidence repository, generated from a rule pack
//! (no control list is written down here, so a new checklist gives new templates), and a
//! writer that never overwrites an existing file.
//!
//! Placeholders are not evidence: each item gets a `> TODO:` blockquote saying what to write,
//! and its example inside an HTML comment (text in comments is never evidence, whatever the
//! recognizer), so right after `init`, `check` reports the items as missing and nothing else —
//! except `case-study/too-few` (one example case study cannot reach the per-engine minimum)
//! and, when the program is past its validity period, `program/superseded` or `program/expired`.

pub mod templates;

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;

use crate::packs::Pack;

/// One file to write: path relative to the target directory (`/`-separated), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative path.
    pub path: String,
    /// Contents.
    pub text: String,
}

/// What [`write`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Files created.
    pub written: Vec<String>,
    /// Files left alone because they already existed.
    pub skipped: Vec<String>,
}

/// The folder of the example case study.
pub const EXAMPLE_DIR: &str = "case-studies/example";

/// Every file of the starter repository for `pack`; dates are relative to `today`.
pub fn files(pack: &Pack, today: Date) -> Vec<File> {
    let mut out = vec![
        File {
            path: "evidencelint.yaml".into(),
            text: templates::config(pack),
        },
        File {
            path: format!("{EXAMPLE_DIR}/case-study.md"),
            text: templates::case_study(pack, today),
        },
    ];
    for control in &pack.controls {
        if let Some(text) = templates::case_study_page(pack, control) {
            out.push(File {
                path: format!("{EXAMPLE_DIR}/{}.md", file_stem(&control.id)),
                text,
            });
        }
        if let Some(text) = templates::practice_page(pack, control) {
            out.push(File {
                path: format!("practice/{}.md", file_stem(&control.id)),
                text,
            });
        }
    }
    let readme = templates::readme(pack, &out);
    out.insert(
        1,
        File {
            path: "README.md".into(),
            text: readme,
        },
    );
    out
}

/// A control ID as a file name: lower case, anything but letters, digits, `-` and `.` as `-`.
pub fn file_stem(control: &str) -> String {
    control
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Writes `files` under `dir` (created when missing); an existing file is never opened for
/// writing (`create_new`), only listed as skipped.
pub fn write(dir: &Path, files: &[File]) -> std::io::Result<Outcome> {
    let mut outcome = Outcome::default();
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut handle) => {
                handle.write_all(file.text.as_bytes())?;
                outcome.written.push(file.path.clone());
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                outcome.skipped.push(file.path.clone())
            }
            Err(e) => {
                return Err(std::io::Error::new(
                    e.kind(),
                    format!("{}: {e}", path.display()),
                ));
            }
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::Catalog;

    fn today() -> Date {
        "2026-01-15".parse().unwrap()
    }

    #[test]
    fn file_stems_are_lower_case_and_safe() {
        assert_eq!(file_stem("RDS-009"), "rds-009");
        assert_eq!(file_stem("PRE-2.1"), "pre-2.1");
        assert_eq!(file_stem("A/B C"), "a-b-c");
    }

    #[test]
    fn every_control_with_items_gets_a_page() {
        let catalog = Catalog::builtin();
        let pack = catalog.program("rds-sd-2025-08").unwrap();
        let files = files(pack, today());
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.contains(&"case-studies/example/rds-009.md"));
        assert!(paths.contains(&"practice/ope-002.md"));
        // ACCT-001 has practice items and one customer example item.
        assert!(
            paths.contains(&"practice/acct-001.md")
                && paths.contains(&"case-studies/example/acct-001.md")
        );
        // PRE-4.1 is checked by code (no items): no page.
        assert!(!paths.iter().any(|p| p.contains("pre-4.1")));
        let mut unique = paths.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), paths.len());
    }

    #[test]
    fn write_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("README.md"), "mine").unwrap();
        let files = vec![
            File {
                path: "README.md".into(),
                text: "theirs".into(),
            },
            File {
                path: "a/b.md".into(),
                text: "new".into(),
            },
        ];
        let outcome = write(dir.path(), &files).unwrap();
        assert_eq!(outcome.skipped, ["README.md"]);
        assert_eq!(outcome.written, ["a/b.md"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
            "mine"
        );
    }
}
