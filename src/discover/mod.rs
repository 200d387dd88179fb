//! Stage 1: find the files of the repository.
//!
//! Walks the root with `walkdir`, never following a symlink out of the root (a symlink is
//! used only when its target resolves inside the root and is a regular file), skipping `.git`,
//! `target`, `node_modules` and hidden folders. Markdown files are selected with the config's
//! `include:`/`exclude:` globs.

pub mod read;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use glob::{MatchOptions, Pattern};
use walkdir::{DirEntry, WalkDir};

/// Folders never entered.
const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

/// A file found under the root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundFile {
    /// Path relative to the root, `/`-separated (lossy for non-UTF-8 names).
    pub rel: String,
    /// The path to read.
    pub abs: PathBuf,
}

/// What the walk found.
#[derive(Debug, Clone, Default)]
pub struct Discovered {
    /// Markdown files to lint, sorted by relative path.
    pub markdown: Vec<FoundFile>,
    /// Every regular file under the root (relative paths).
    pub files: BTreeSet<String>,
    /// Every directory under the root (relative paths, "" for the root).
    pub dirs: BTreeSet<String>,
}

/// Which Markdown files to lint.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Globs a file must match (relative path); default `**/*.md`.
    pub include: Vec<Pattern>,
    /// Globs that exclude a file or a folder.
    pub exclude: Vec<Pattern>,
}

impl Default for Selection {
    fn default() -> Self {
        Self {
            include: vec![Pattern::new("**/*.md").expect("valid glob")],
            exclude: Vec::new(),
        }
    }
}

impl Selection {
    fn includes(&self, rel: &str) -> bool {
        self.include
            .iter()
            .any(|p| p.matches_with(rel, match_options()))
            && !self.excludes(rel)
    }

    fn excludes(&self, rel: &str) -> bool {
        self.exclude.iter().any(|p| {
            p.matches_with(rel, match_options())
                || p.matches_with(&format!("{rel}/"), match_options())
        })
    }
}

/// How every glob of the config matches a repository path: `*` stays within a folder, `**`
/// crosses folders, case-sensitive.
pub fn match_options() -> MatchOptions {
    MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: false,
    }
}

/// Walks `root` and returns the files found. Unreadable entries are skipped silently here;
/// unreadable Markdown files are reported when they are read.
pub fn discover(root: &Path, selection: &Selection) -> Discovered {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut found = Discovered::default();
    found.dirs.insert(String::new());
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_dir(e));
    for entry in walker.flatten() {
        if entry.depth() == 0 {
            continue;
        }
        let rel = relative(root, entry.path());
        let file_type = entry.file_type();
        if file_type.is_dir() {
            if !selection.excludes(&rel) {
                found.dirs.insert(rel);
            }
            continue;
        }
        let is_regular = file_type.is_file()
            || (file_type.is_symlink() && symlink_stays_inside(entry.path(), &canonical_root));
        if !is_regular || selection.excludes(&rel) {
            continue;
        }
        if selection.includes(&rel) {
            found.markdown.push(FoundFile {
                rel: rel.clone(),
                abs: entry.path().to_path_buf(),
            });
        }
        found.files.insert(rel);
    }
    found.markdown.sort();
    found
}

fn is_skipped_dir(entry: &DirEntry) -> bool {
    if !entry.file_type().is_dir() {
        return false;
    }
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || SKIPPED_DIRS.contains(&name.as_ref())
}

/// A symlink is followed only when it resolves to a regular file inside the root.
fn symlink_stays_inside(path: &Path, canonical_root: &Path) -> bool {
    match path.canonicalize() {
        Ok(target) => target.starts_with(canonical_root) && target.is_file(),
        Err(_) => false,
    }
}

/// The `/`-separated path of `path` relative to `root`.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn walks_markdown_and_skips_hidden_and_build_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for p in [
            "a.md",
            "cs/b.md",
            ".git/c.md",
            "target/d.md",
            "node_modules/e.md",
            "x.txt",
        ] {
            let path = root.join(p);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        fs::create_dir_all(root.join("dir.md")).unwrap();
        let found = discover(root, &Selection::default());
        let md: Vec<_> = found.markdown.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(md, ["a.md", "cs/b.md"]);
        assert!(found.files.contains("x.txt"));
        assert!(found.dirs.contains("dir.md"));
    }

    #[test]
    fn exclude_globs_remove_files_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        for p in ["drafts/a.md", "b.md"] {
            let path = dir.path().join(p);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        let selection = Selection {
            exclude: vec![Pattern::new("drafts/**").unwrap()],
            ..Default::default()
        };
        let found = discover(dir.path(), &selection);
        let md: Vec<_> = found.markdown.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(md, ["b.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_root_are_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.md"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("l.md"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("ldir")).unwrap();
        let found = discover(dir.path(), &Selection::default());
        assert!(found.markdown.is_empty());
    }
}
