//! Changed files: the files named on the command line, or those Git reports as changed since
//! a revision (committed, staged, unstaged and untracked).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Repository-relative paths of `files` (which exist), relative to `root`.
pub fn from_args(root: &Path, files: &[PathBuf]) -> BTreeSet<String> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    files
        .iter()
        .filter_map(|f| f.canonicalize().ok())
        .filter_map(|f| {
            f.strip_prefix(&root)
                .ok()
                .map(|r| crate::discover::relative(Path::new(""), r))
        })
        .collect()
}

/// Files changed since `rev`, relative to `root`, by asking the `git` binary.
pub fn since(root: &Path, rev: &str) -> Result<BTreeSet<String>, String> {
    let mut paths = BTreeSet::new();
    let diff = git(
        root,
        &[
            "diff",
            "--name-only",
            "--relative",
            "--no-renames",
            rev,
            "--",
        ],
    )?;
    let untracked = git(root, &["ls-files", "--others", "--exclude-standard"])?;
    for line in diff.lines().chain(untracked.lines()) {
        if !line.is_empty() {
            paths.insert(line.to_string());
        }
    }
    Ok(paths)
}

fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("git {} failed: {}", args.join(" "), stderr.trim()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
