//! `report --diff-base REF`: readiness of the working tree compared with a Git revision. The
//! revision is extracted with `git archive REF:PREFIX | tar -x` into a temporary directory, evaluated
//! the same way, and the two matrices are compared cell by cell.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use super::text::one_line;
use super::{Matrix, Total};
use crate::cli::setup::UsageError;
use crate::evaluate::cells::{Silence, SilenceKind, Status};

/// One cell whose readiness changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Program id.
    pub program: String,
    /// Item code (`RDS-009/rto`).
    pub code: String,
    /// Column key: case study id or `practice`.
    pub column: String,
    /// Status at the base revision (`None`: the cell did not exist there).
    pub before: Option<Status>,
    /// Status now.
    pub after: Status,
}

/// What changed between the base revision and the working tree.
#[derive(Debug, Clone, Default)]
pub struct Diff {
    /// Cells met now and not met at the base (including cells new since then).
    pub newly_met: Vec<Change>,
    /// Cells missing now (also when their finding is suppressed or waived in the config) that
    /// were not missing at the base (including new cells).
    pub newly_missing: Vec<Change>,
    /// Per column key: totals at the base (when the column existed) and now.
    pub totals: Vec<(String, Option<Total>, Total)>,
}

type CellKey = (String, String, String);

fn cells(matrix: &Matrix) -> BTreeMap<CellKey, Status> {
    let keys = matrix.column_keys();
    let mut out = BTreeMap::new();
    for row in &matrix.rows {
        for (column, cell) in row.cells.iter().enumerate() {
            if let Some(status) = cell {
                out.insert(
                    (row.program.clone(), row.code(), keys[column].to_string()),
                    status.clone(),
                );
            }
        }
    }
    out
}

impl Diff {
    /// Compares the base matrix with the current one.
    pub fn between(base: &Matrix, head: &Matrix) -> Diff {
        let before = cells(base);
        let mut diff = Diff::default();
        let key_order: Vec<CellKey> = head
            .rows
            .iter()
            .flat_map(|row| {
                head.column_keys()
                    .into_iter()
                    .map(move |k| (row.program.clone(), row.code(), k.to_string()))
            })
            .collect();
        let after = cells(head);
        for key in key_order {
            let Some(now) = after.get(&key) else { continue };
            let was = before.get(&key).cloned();
            let change = || Change {
                program: key.0.clone(),
                code: key.1.clone(),
                column: key.2.clone(),
                before: was.clone(),
                after: now.clone(),
            };
            match now {
                Status::Met(_) if !matches!(was, Some(Status::Met(_))) => {
                    diff.newly_met.push(change())
                }
                Status::Missing | Status::Silenced(_) if !was.as_ref().is_some_and(lacks) => {
                    diff.newly_missing.push(change())
                }
                _ => {}
            }
        }
        let base_totals: BTreeMap<&str, Total> =
            base.column_keys().into_iter().zip(base.totals()).collect();
        diff.totals = head
            .column_keys()
            .into_iter()
            .zip(head.totals())
            .map(|(k, t)| (k.to_string(), base_totals.get(k).copied(), t))
            .collect();
        diff
    }
}

/// Extracts `rev` into a temporary directory and calls `build` on the root's counterpart there.
pub fn with_revision<T>(
    root: &Path,
    rev: &str,
    build: impl FnOnce(&Path) -> Result<T, UsageError>,
) -> Result<T, UsageError> {
    let prefix = git(root, &["rev-parse", "--show-prefix"])?;
    let top = git(root, &["rev-parse", "--show-toplevel"])?;
    git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| {
        UsageError::message(format!(
            "--diff-base: `{rev}` is not a revision of the Git repository at `{}`",
            root.display()
        ))
    })?;
    let dir = tempfile::tempdir()
        .map_err(|e| UsageError::message(format!("cannot create a temporary directory: {e}")))?;
    // From the top level: in a subdirectory, git archive would also limit the tree to it.
    extract(
        Path::new(top.trim_end_matches(['\n', '\r'])),
        &format!("{rev}:{}", prefix.trim()),
        dir.path(),
    )?;
    build(dir.path())
}

fn git(root: &Path, args: &[&str]) -> Result<String, UsageError> {
    let out = Command::new("git")
        .current_dir(root)
        .args(args)
        .output()
        .map_err(|e| UsageError::message(format!("--diff-base needs git: {e}")))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(UsageError::message(format!(
            "`git {}` failed: {}",
            args.join(" "),
            stderr.trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `git archive --format=tar REF:PREFIX | tar -x -C dir`: the root's subtree at the revision
/// (`tree` is `REF:PREFIX`, PREFIX the root's path below the Git top level).
fn extract(top: &Path, tree: &str, dir: &Path) -> Result<(), UsageError> {
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        UsageError::message(format!("--diff-base: {what}: {e}"))
    };
    let mut archive = Command::new("git")
        .current_dir(top)
        .args(["archive", "--format=tar", tree])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail("cannot run git archive", &e))?;
    let stdout = archive.stdout.take().expect("piped");
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dir)
        .stdin(stdout)
        .output()
        .map_err(|e| fail("cannot run tar", &e))?;
    let archived = archive
        .wait_with_output()
        .map_err(|e| fail("git archive", &e))?;
    if !archived.status.success() {
        return Err(fail(
            "git archive failed",
            &String::from_utf8_lossy(&archived.stderr).trim(),
        ));
    }
    if !tar.status.success() {
        return Err(fail(
            "tar failed",
            &String::from_utf8_lossy(&tar.stderr).trim(),
        ));
    }
    Ok(())
}

/// Whether the evidence of a cell is missing, silenced or not.
fn lacks(status: &Status) -> bool {
    matches!(status, Status::Missing | Status::Silenced(_))
}

fn was(change: &Change) -> String {
    match &change.before {
        None => "new".to_string(),
        Some(status) => format!("was {}", status.as_str()),
    }
}

fn evidence(change: &Change) -> String {
    match &change.after {
        Status::Met(paths) => one_line(&paths.join(", ")),
        Status::Silenced(s) => one_line(&silence(s)),
        _ => String::new(),
    }
}

/// `suppressed inline: reason` or `waived in evidencelint.yaml: reason`.
fn silence(s: &Silence) -> String {
    let by = match s.kind {
        SilenceKind::Inline => "suppressed inline",
        SilenceKind::Waiver => "waived in evidencelint.yaml",
    };
    format!("{by}: {}", s.reason)
}

/// Renders the comparison for a terminal.
pub fn render_human(diff: &Diff, rev: &str, color: bool) -> String {
    let paint = |text: &str, code: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {rev}: {} newly met, {} newly missing",
        paint("Readiness compared with", "1"),
        diff.newly_met.len(),
        diff.newly_missing.len()
    );
    for (title, list, symbol, code) in [
        ("Newly met", &diff.newly_met, "✓", "32"),
        ("Newly missing", &diff.newly_missing, "✗", "31"),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", paint(title, "1"));
        for c in list {
            let detail = [evidence(c), was(c)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            let _ = writeln!(
                out,
                "  {} {} {}: {detail}",
                paint(symbol, code),
                c.code,
                one_line(&c.column)
            );
        }
    }
    let _ = writeln!(out, "\n{}", paint("Met / applicable", "1"));
    for (key, before, after) in &diff.totals {
        let before = before.map_or("—".to_string(), |t| t.ratio());
        let _ = writeln!(out, "  {}: {before} → {}", one_line(key), after.ratio());
    }
    out
}

/// Renders the comparison as Markdown (job summaries, PR comments).
pub fn render_markdown(diff: &Diff, rev: &str) -> String {
    use super::markdown::{escape, link};
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Readiness compared with `{}`\n",
        rev.replace('`', "'")
    );
    let _ = writeln!(
        out,
        "{} newly met, {} newly missing.\n",
        diff.newly_met.len(),
        diff.newly_missing.len()
    );
    for (title, list, symbol) in [
        ("Newly met", &diff.newly_met, "✅"),
        ("Newly missing", &diff.newly_missing, "❌"),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title}\n");
        for c in list {
            let links: Vec<String> = match &c.after {
                Status::Met(paths) => paths.iter().map(|p| link(p)).collect(),
                _ => Vec::new(),
            };
            let evidence = match &c.after {
                Status::Silenced(s) => format!(" — {}", escape(&silence(s))),
                _ if links.is_empty() => String::new(),
                _ => format!(": {}", links.join(", ")),
            };
            let _ = writeln!(
                out,
                "- {symbol} `{}` {}{evidence} ({})",
                c.code,
                escape(&c.column),
                was(c)
            );
        }
        out.push('\n');
    }
    out.push_str("| Column | Before | Now |\n| --- | --- | --- |\n");
    for (key, before, after) in &diff.totals {
        let before = before.map_or("—".to_string(), |t| t.ratio());
        let _ = writeln!(out, "| {} | {before} | {} |", escape(key), after.ratio());
    }
    out
}
