//! Re-reads files to render snippets (the pipeline keeps facts, not texts).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

    /// Another cache of the same files and texts, empty of any file read (for another thread).
    pub fn fork(&self) -> Self {
        Self {
            root: self.root.clone(),
            extra: self.extra.clone(),
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

    fn read(&self, path: &str) -> Option<String> {
        let bytes = std::fs::read(self.root.join(path)).ok()?;
        let text = crate::discover::read::decode(path, bytes).ok()?;
        Some(super::redact::redact(&text))
    }
}
