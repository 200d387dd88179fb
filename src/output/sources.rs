//! Re-reads files to render snippets (the pipeline keeps facts, not texts).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// File texts read for several threads at once (see [`Sources::load`]): `None` for a file
/// that could not be read as UTF-8.
#[derive(Default)]
pub struct Files(HashMap<String, Option<String>>);

/// File texts for snippets. Findings come sorted by path, so only the last file read is kept:
/// memory stays at one file whatever the size of the repository.
pub struct Sources {
    root: PathBuf,
    extra: HashMap<String, String>,
    last: Option<(String, Option<String>)>,
}

impl Sources {
    /// Files are read from `root`.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            extra: HashMap::new(),
            last: None,
        }
    }

    /// Registers a text that is not under the root (the config file, a pack).
    pub fn insert(&mut self, path: &str, text: String) {
        self.extra.insert(path.to_string(), text);
    }

    /// The text of `path` (BOM removed, secrets masked), if it can be read as UTF-8.
    pub fn get(&mut self, path: &str) -> Option<&str> {
        if let Some(text) = self.extra.get(path) {
            return Some(text.as_str());
        }
        if self.last.as_ref().is_none_or(|(last, _)| last != path) {
            self.last = Some((path.to_string(), self.read(path)));
        }
        self.last.as_ref().and_then(|(_, text)| text.as_deref())
    }

    /// Keeps in `files` the texts of `paths` and no other: those it lacks are read, in
    /// parallel on the current thread pool (texts registered with [`Self::insert`] are not).
    pub fn load<'p>(&self, paths: impl Iterator<Item = &'p str>, files: &mut Files) {
        let mut wanted: Vec<&str> = paths.filter(|p| !self.extra.contains_key(*p)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        files
            .0
            .retain(|path, _| wanted.binary_search(&path.as_str()).is_ok());
        let missing: Vec<&str> = (wanted.into_iter())
            .filter(|path| !files.0.contains_key(*path))
            .collect();
        let read: Vec<(String, Option<String>)> = (missing.par_iter())
            .map(|path| (path.to_string(), self.read(path)))
            .collect();
        files.0.extend(read);
    }

    /// The text of `path`: a registered one, else its text in `files` (see [`Self::load`]).
    pub fn text<'a>(&'a self, files: &'a Files, path: &str) -> Option<&'a str> {
        match self.extra.get(path) {
            Some(text) => Some(text.as_str()),
            None => files.0.get(path).and_then(|text| text.as_deref()),
        }
    }

    fn read(&self, path: &str) -> Option<String> {
        let bytes = std::fs::read(self.root.join(path)).ok()?;
        let text = crate::discover::read::decode(path, bytes).ok()?;
        Some(super::redact::redact(&text))
    }
}
