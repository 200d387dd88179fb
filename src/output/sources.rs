//! Re-reads files to render snippets (the pipeline keeps facts, not texts).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A cache of file texts keyed by repository-relative path.
pub struct Sources {
    root: PathBuf,
    extra: HashMap<String, String>,
    cache: HashMap<String, Option<String>>,
}

impl Sources {
    /// Files are read from `root`.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            extra: HashMap::new(),
            cache: HashMap::new(),
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
        let root = &self.root;
        self.cache
            .entry(path.to_string())
            .or_insert_with(|| {
                let bytes = std::fs::read(root.join(path)).ok()?;
                let text = crate::discover::read::decode(path, bytes).ok()?;
                Some(super::redact::redact(&text))
            })
            .as_deref()
    }
}
