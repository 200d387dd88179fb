//! `link/broken`: a relative link to a file that does not exist, or to a `#anchor` that
//! matches no heading of the target document.

use std::collections::BTreeSet;
use std::ops::Bound;

use super::Target;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::document::DocLink;
use crate::model::{Document, Repository};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "link/broken",
    severity: Severity::Error,
    summary: "a relative link points to a missing file or heading",
    explanation: "\
A relative link or image in a Markdown document points to a file that does not exist in the
repository, or to a `#anchor` that matches no heading of the target document (anchors are
GitHub-style: lowercase, punctuation removed, spaces as `-`). A reviewer following the link
from the application finds nothing. Links in code blocks and code spans are not checked, and
external `https://` links are never fetched.

Example that triggers it:

    See the [DR runbook](dr-plan.md#failover) for details.

when `dr-plan.md` does not exist, or has no heading `## Failover`.

Fix: correct the path (relative to the linking file) or the anchor; the help line suggests the
closest existing heading.",
};

/// Reports broken relative links in every document.
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    for doc in &repo.documents {
        for link in &doc.links {
            if let Some(diag) = check_link(repo, doc, link) {
                out.push(diag.at(link.location.clone()));
            }
        }
    }
}

fn check_link(repo: &Repository, doc: &Document, link: &DocLink) -> Option<Diagnostic> {
    match &link.target {
        Target::External | Target::Outside => None,
        Target::SameDocument(anchor) => missing_anchor(doc, anchor),
        Target::Inside { path, anchor } => {
            if repo.files.contains(path) {
                let target = repo.document(path)?;
                anchor.as_deref().and_then(|a| missing_anchor(target, a))
            } else if repo.dirs.contains(path) || exists_inside(repo, path) {
                None
            } else {
                let diag =
                    Diagnostic::error(INFO.code, format!("link to `{path}`, which does not exist"))
                        .label("no such file");
                Some(match similar_file(repo, path) {
                    Some(s) => diag.help(format!(
                        "did you mean `{}`?",
                        with_file_name(&link.dest, &s)
                    )),
                    None => diag.help("fix the path; it is relative to the folder of this file"),
                })
            }
        }
    }
}

fn missing_anchor(target: &Document, anchor: &str) -> Option<Diagnostic> {
    let wanted = anchor.to_lowercase();
    if target.anchors.iter().any(|a| a == anchor || *a == wanted) {
        return None;
    }
    let mut diag = Diagnostic::error(
        INFO.code,
        format!("`{}` has no heading `#{anchor}`", target.path),
    )
    .label("no such heading");
    diag = match crate::checks::suggest::closest(&wanted, target.anchors.iter()) {
        Some(s) => diag.help(format!("did you mean `#{s}`?")),
        None if target.anchors.is_empty() => {
            diag.help(format!("`{}` has no headings", target.path))
        }
        None => diag.note(format!(
            "headings: {}",
            target
                .anchors
                .iter()
                .map(|a| format!("#{a}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    };
    Some(diag)
}

/// An existing file in the same folder whose name is close to the missing one's, as a path
/// relative to that folder (`case-study.md` for `casestudy.md`).
fn similar_file(repo: &Repository, path: &str) -> Option<String> {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let prefix = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    let siblings = folder_files(&repo.files, &prefix);
    crate::checks::suggest::closest(name, siblings).map(str::to_string)
}

/// The names of the files directly in the folder whose paths start with `prefix` (`""` for the
/// root, else `folder/`), in order. Paths are sorted, so the folder's files and its
/// subfolders' are one range; each subfolder is skipped with one seek, so a link at the root
/// of a large repository does not read every path in it.
fn folder_files<'a>(files: &'a BTreeSet<String>, prefix: &str) -> Vec<&'a str> {
    let mut names = Vec::new();
    let mut from = prefix.to_string();
    'seek: loop {
        for path in files.range::<str, _>((Bound::Included(from.as_str()), Bound::Unbounded)) {
            let Some(rest) = path.strip_prefix(prefix) else {
                break 'seek;
            };
            match memchr::memchr(b'/', rest.as_bytes()) {
                None => names.push(rest),
                Some(slash) => {
                    // Every path in subfolder `sub` sorts before `sub0`: `0` follows `/`.
                    from = format!("{prefix}{}0", &rest[..slash]);
                    continue 'seek;
                }
            }
        }
        break;
    }
    names
}

/// `dest` with its last path segment replaced by `name` (anchor kept).
fn with_file_name(dest: &str, name: &str) -> String {
    let (path, anchor) = dest
        .split_once('#')
        .map_or((dest, None), |(p, a)| (p, Some(a)));
    let mut out = match path.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{name}"),
        None => name.to_string(),
    };
    if let Some(anchor) = anchor {
        out.push('#');
        out.push_str(anchor);
    }
    out
}

/// Files the walk skipped (hidden folders) may still exist; look without following symlinks.
fn exists_inside(repo: &Repository, path: &str) -> bool {
    std::fs::symlink_metadata(repo.root.join(path)).is_ok()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn repo(files: &[&str]) -> Repository {
        let files: BTreeSet<String> = files.iter().map(|f| f.to_string()).collect();
        Repository::new(PathBuf::new(), Vec::new(), files, BTreeSet::new())
    }

    /// Only files of the link's own folder are suggested, never one of a subfolder or of a
    /// folder whose name starts like it; at the root, only root files.
    #[test]
    fn similar_files_come_from_the_same_folder() {
        let repo = repo(&[
            "docs/abc.md",
            "docs/sub/abd.md",
            "docs-old/abe.md",
            "docsx.md",
            "root.md",
            "a/root.md",
        ]);
        assert_eq!(
            similar_file(&repo, "docs/abd.md").as_deref(),
            Some("abc.md")
        );
        assert_eq!(
            similar_file(&repo, "docs/sub/abe.md").as_deref(),
            Some("abd.md")
        );
        assert_eq!(
            similar_file(&repo, "docs-old/abc.md").as_deref(),
            Some("abe.md")
        );
        assert_eq!(similar_file(&repo, "rot.md").as_deref(), Some("root.md"));
        assert_eq!(similar_file(&repo, "docs/sub/x/abd.md"), None);
        assert_eq!(similar_file(&repo, "b/root.md"), None);
    }

    /// The files of a folder, read a subfolder-skip at a time, are exactly the paths with
    /// no `/` after the folder's prefix: names sorting around `/` (`.`, `0`, `-`) included.
    #[test]
    fn folder_files_are_the_paths_directly_in_the_folder() {
        let paths = [
            "a",
            "a.md",
            "a-b/x.md",
            "a/b.md",
            "a/b/c.md",
            "a/b.md/d",
            "a/b0.md",
            "a/b-/e",
            "a/b./f",
            "a/c",
            "a/c/g/h.md",
            "a0.md",
            "b/a/x",
            "z",
        ];
        let files: BTreeSet<String> = paths.iter().map(|p| p.to_string()).collect();
        for prefix in ["", "a/", "a/b/", "a/c/", "b/", "b/a/", "q/"] {
            let expected: Vec<&str> = (files.iter())
                .filter_map(|p| p.strip_prefix(prefix))
                .filter(|rest| !rest.contains('/'))
                .collect();
            assert_eq!(folder_files(&files, prefix), expected, "{prefix:?}");
        }
    }
}
