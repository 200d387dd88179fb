//! Pools evidence over documents and decides whether a recognizer is satisfied.

use crate::model::document::DocLink;
use crate::model::{Document, Repository};
use crate::packs::Recognizer;

/// File extensions accepted as architecture diagrams.
pub const DIAGRAM_EXTENSIONS: &[&str] = &[
    ".drawio",
    ".drawio.xml",
    ".xml",
    ".svg",
    ".png",
    ".jpg",
    ".jpeg",
    ".pdf",
];

/// The documents whose text satisfies `recognizer`, or `None` when it is not satisfied by the
/// pool. An empty `Some` never happens for atoms; `All([])` is satisfied with no evidence.
pub fn satisfied<'a>(
    recognizer: &Recognizer,
    pool: &[&'a Document],
    repo: &Repository,
) -> Option<Vec<&'a Document>> {
    match recognizer {
        Recognizer::Atom(atom) => {
            let docs: Vec<&Document> = pool
                .iter()
                .copied()
                .filter(|d| d.atoms.contains(*atom))
                .collect();
            (!docs.is_empty()).then_some(docs)
        }
        Recognizer::All(children) => {
            let mut all = Vec::new();
            for child in children {
                all.extend(satisfied(child, pool, repo)?);
            }
            Some(dedup(all))
        }
        Recognizer::Any(children) => {
            let mut any = Vec::new();
            for child in children {
                if let Some(docs) = satisfied(child, pool, repo) {
                    any.extend(docs);
                }
            }
            (!any.is_empty()).then(|| dedup(any))
        }
        Recognizer::Diagram => {
            let docs: Vec<&Document> = pool
                .iter()
                .copied()
                .filter(|d| !diagrams(d, repo).is_empty())
                .collect();
            (!docs.is_empty()).then_some(docs)
        }
    }
}

fn dedup(mut docs: Vec<&Document>) -> Vec<&Document> {
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    docs.dedup_by(|a, b| a.path == b.path);
    docs
}

/// Whether a path looks like a diagram file (its extension, in any case).
pub fn is_diagram_path(path: &str) -> bool {
    let path = path.as_bytes();
    DIAGRAM_EXTENSIONS.iter().any(|ext| {
        path.len() >= ext.len()
            && path[path.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
    })
}

/// Repository paths of the existing diagram files a document links or embeds.
pub fn diagrams<'d>(doc: &'d Document, repo: &Repository) -> Vec<&'d str> {
    doc.links
        .iter()
        .filter_map(DocLink::diagram_path)
        .filter(|path| repo.files.contains(*path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagram_paths_are_known_by_their_extension_in_any_case() {
        for path in [
            "a/b.drawio",
            "arch.DrawIO.xml",
            "x.SVG",
            "é/plan.png",
            "d.JPG",
        ] {
            assert!(is_diagram_path(path), "{path}");
        }
        for path in ["notes.md", "svg", "drawio", "a.svg.md", "é", ""] {
            assert!(!is_diagram_path(path), "{path}");
        }
    }
}
