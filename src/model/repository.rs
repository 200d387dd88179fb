//! The repository: every document, and which documents belong to which case study.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use super::document::Document;
use super::values::DocKind;

/// A case study and the documents that belong to it.
#[derive(Debug, Clone)]
pub struct CaseStudy {
    /// The case study id.
    pub id: String,
    /// Index of the case study's own file in `Repository::documents`.
    pub doc: usize,
    /// Indices of documents that belong to it (its own file first, then by path).
    pub members: Vec<usize>,
}

/// The whole evidence repository.
#[derive(Debug, Clone, Default)]
pub struct Repository {
    /// The root directory.
    pub root: PathBuf,
    /// Markdown documents, sorted by path.
    pub documents: Vec<Document>,
    /// Every file found under the root (relative paths), for link checks.
    pub files: BTreeSet<String>,
    /// Every directory found under the root (relative paths).
    pub dirs: BTreeSet<String>,
    /// Case studies by id (first definition wins; duplicates are reported by a check).
    pub case_studies: BTreeMap<String, CaseStudy>,
    /// Indices of `kind: practice` documents.
    pub practice: Vec<usize>,
    /// The case study owning each non-root case study folder (the greatest id when several
    /// share one), so that finding a document's owner walks its folders, not every case study.
    by_folder: HashMap<String, String>,
}

impl Repository {
    /// Builds the repository from its documents (any order) and the discovered files.
    pub fn new(
        root: PathBuf,
        mut documents: Vec<Document>,
        files: BTreeSet<String>,
        dirs: BTreeSet<String>,
    ) -> Self {
        documents.sort_by(|a, b| a.path.cmp(&b.path));
        let mut repo = Repository {
            root,
            documents,
            files,
            dirs,
            ..Default::default()
        };
        repo.index_case_studies();
        repo.assign_members();
        repo.practice = repo
            .indices_of(DocKind::Practice)
            .filter(|&i| repo.documents[i].has_front_matter)
            .collect();
        repo
    }

    fn indices_of(&self, kind: DocKind) -> impl Iterator<Item = usize> + '_ {
        self.documents
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.kind == Some(kind))
            .map(|(i, _)| i)
    }

    fn index_case_studies(&mut self) {
        let ids: Vec<(usize, String)> = self
            .indices_of(DocKind::CaseStudy)
            .filter_map(|i| Some((i, self.documents[i].case_study.as_ref()?.id.clone())))
            .collect();
        for (i, id) in ids {
            self.case_studies.entry(id.clone()).or_insert(CaseStudy {
                id,
                doc: i,
                members: vec![i],
            });
        }
        for cs in self.case_studies.values() {
            let folder = &self.documents[cs.doc].folder;
            if !folder.is_empty() {
                self.by_folder.insert(folder.clone(), cs.id.clone());
            }
        }
    }

    fn assign_members(&mut self) {
        for i in 0..self.documents.len() {
            let doc = &self.documents[i];
            if !matches!(doc.kind, Some(DocKind::Evidence | DocKind::Wafr)) {
                continue;
            }
            if let Some(id) = self.owner_of(doc)
                && let Some(cs) = self.case_studies.get_mut(&id)
            {
                cs.members.push(i);
            }
        }
    }

    /// The case study a document belongs to: the one named by `case-study:`, else the case
    /// study whose folder contains the document (the deepest one).
    pub fn owner_of(&self, doc: &Document) -> Option<String> {
        if let Some((id, _)) = &doc.case_study_ref {
            return self.case_studies.contains_key(id).then(|| id.clone());
        }
        let mut folder = doc.folder.as_str();
        while !folder.is_empty() {
            if let Some(id) = self.by_folder.get(folder) {
                return Some(id.clone());
            }
            folder = folder.rsplit_once('/').map_or("", |(parent, _)| parent);
        }
        None
    }

    /// The case study's own document.
    pub fn case_study_doc(&self, id: &str) -> Option<&Document> {
        self.case_studies.get(id).map(|cs| &self.documents[cs.doc])
    }

    /// Documents of a case study, own file first.
    pub fn members(&self, id: &str) -> impl Iterator<Item = &Document> {
        self.case_studies
            .get(id)
            .into_iter()
            .flat_map(|cs| cs.members.iter().map(|&i| &self.documents[i]))
    }

    /// A document by path.
    pub fn document(&self, path: &str) -> Option<&Document> {
        self.documents
            .binary_search_by(|d| d.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.documents[i])
    }
}
