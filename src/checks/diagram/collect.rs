//! Finds each case study's diagrams (linked or embedded from its documents) and reads them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;

use crate::diagnostic::Location;
use crate::diagram::{self, DiagramError, Readable};
use crate::lean_regex::WordBounded;
use crate::model::Repository;
use crate::model::document::DocLink;
use crate::model::repository::CaseStudy;

/// Diagram files larger than this are not read.
const MAX_DIAGRAM_BYTES: u64 = 64 * 1024 * 1024;

/// One reference from a document to a diagram file.
#[derive(Debug, Clone)]
pub struct DiagramRef {
    /// The referencing document.
    pub doc: String,
    /// Where the link or image is written.
    pub location: Location,
    /// The diagram's repository path.
    pub path: String,
    /// Alt text or link text.
    pub text: String,
    /// An embedded image rather than a link.
    pub is_image: bool,
    /// What reading it gave, shared by every reference to the same file.
    pub read: Arc<DiagramReading>,
}

/// What reading a diagram file gave; `None` when the file does not exist.
pub type DiagramReading = Option<Result<Readable, DiagramError>>;

/// A case study's diagrams.
#[derive(Debug, Clone)]
pub struct CaseStudyDiagrams {
    /// The case study id.
    pub id: String,
    /// Where the case study's `kind:` is written.
    pub kind_location: Location,
    /// Every diagram reference, in document order.
    pub refs: Vec<DiagramRef>,
    /// A document of the case study states multi-AZ or multi-Region deployment in prose.
    pub states_multi_az: bool,
}

/// Multi-AZ or multi-Region deployment stated in prose. Every `\b` stands next to an ASCII
/// letter or digit of the pattern (see [`WordBounded`]).
pub(crate) const MULTI_AZ_SRC: &str = r"(?i)\bmulti[\s-]*(?:az|availability[\s-]*zones?|regions?)\b|\b(?:two|three|multiple|several|2|3)\s+(?:availability[\s-]*zones|azs|regions)\b";

static MULTI_AZ: LazyLock<WordBounded> = LazyLock::new(|| WordBounded::new(MULTI_AZ_SRC));

/// Compiles the patterns of the diagram reader and of the prose check now rather than on first
/// use (see [`crate::diagram::prepare`]).
pub fn prepare() {
    prepare_prose();
    diagram::prepare();
}

/// Compiles the prose check's pattern now rather than on first use.
pub fn prepare_prose() {
    LazyLock::force(&MULTI_AZ);
}

/// Collects and reads the diagrams of every case study. Each diagram file is read once, however
/// many documents or case studies link it, and its reading is shared by their references.
pub fn collect(repo: &Repository) -> Vec<CaseStudyDiagrams> {
    let readings = read_linked(repo);
    repo.case_studies
        .values()
        .map(|cs| references(repo, cs, &readings))
        .collect()
}

/// Reads, in parallel, every diagram file a case study's document links or embeds.
fn read_linked(repo: &Repository) -> BTreeMap<&str, Arc<DiagramReading>> {
    let paths: BTreeSet<&str> = repo
        .case_studies
        .keys()
        .flat_map(|id| repo.members(id))
        .flat_map(|doc| doc.links.iter().filter_map(DocLink::diagram_path))
        .collect();
    paths
        .into_par_iter()
        .map(|path| (path, Arc::new(read(repo, path))))
        .collect()
}

/// A case study's diagram references, with their readings, and whether its prose states
/// multi-AZ.
fn references(
    repo: &Repository,
    cs: &CaseStudy,
    readings: &BTreeMap<&str, Arc<DiagramReading>>,
) -> CaseStudyDiagrams {
    let own = &repo.documents[cs.doc];
    let mut refs = Vec::new();
    let mut states_multi_az = false;
    for doc in repo.members(&cs.id) {
        states_multi_az |= doc.mentions_multi_az;
        for link in &doc.links {
            if let Some(path) = link.diagram_path() {
                refs.push(DiagramRef {
                    doc: doc.path.clone(),
                    location: link.location.clone(),
                    path: path.to_string(),
                    text: link.text.clone(),
                    is_image: link.is_image,
                    read: Arc::clone(&readings[path]),
                });
            }
        }
    }
    CaseStudyDiagrams {
        id: cs.id.clone(),
        kind_location: own.kind_location.clone(),
        refs,
        states_multi_az,
    }
}

/// Whether `text` states a multi-AZ or multi-Region deployment.
pub fn mentions_multi_az(text: &str) -> bool {
    MULTI_AZ.is_match(text)
}

fn read(repo: &Repository, path: &str) -> DiagramReading {
    if !repo.files.contains(path) {
        return None;
    }
    let full = repo.root.join(path);
    let size = std::fs::metadata(&full).map(|m| m.len()).unwrap_or(0);
    if size > MAX_DIAGRAM_BYTES {
        return Some(Err(DiagramError::Unreadable(format!(
            "larger than the {} MiB limit",
            MAX_DIAGRAM_BYTES >> 20
        ))));
    }
    Some(match std::fs::read(&full) {
        Ok(bytes) => diagram::read(path, &bytes),
        Err(e) => Err(DiagramError::Unreadable(e.to_string())),
    })
}

impl CaseStudyDiagrams {
    /// The readable diagram contents.
    pub fn contents(&self) -> impl Iterator<Item = (&DiagramRef, &diagram::DiagramContent)> {
        self.refs.iter().filter_map(|r| match &*r.read {
            Some(Ok(Readable::Content(c))) => Some((r, c)),
            _ => None,
        })
    }

    /// References to files that exist and could be opened (readable or opaque).
    pub fn existing(&self) -> impl Iterator<Item = &DiagramRef> {
        self.refs.iter().filter(|r| matches!(*r.read, Some(Ok(_))))
    }
}
