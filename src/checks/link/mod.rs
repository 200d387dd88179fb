//! Relative link checks, and the resolution of a link against the repository.

pub mod broken;
pub mod outside_repo;

use percent_decode::decode;

/// A link destination resolved against the repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Not checked: external URL, mail, absolute path, or empty.
    External,
    /// An anchor in the same document.
    SameDocument(String),
    /// A path inside the repository, with an optional anchor.
    Inside {
        /// Repository-relative path ("" for the root).
        path: String,
        /// The `#anchor`, if any.
        anchor: Option<String>,
    },
    /// The path climbs above the repository root.
    Outside,
}

/// Resolves `dest` written in a document in `folder`.
pub fn resolve(folder: &str, dest: &str) -> Target {
    let dest = dest.trim();
    if dest.is_empty() || is_external(dest) {
        return Target::External;
    }
    let (path_part, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    let path_part = path_part.split('?').next().unwrap_or_default();
    if path_part.is_empty() {
        return anchor.map_or(Target::External, Target::SameDocument);
    }
    if path_part.starts_with('/') {
        return Target::External;
    }
    let decoded = decode(path_part);
    let mut parts: Vec<&str> = if folder.is_empty() {
        Vec::new()
    } else {
        folder.split('/').collect()
    };
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::Outside;
                }
            }
            s => parts.push(s),
        }
    }
    Target::Inside {
        path: parts.join("/"),
        anchor,
    }
}

fn is_external(dest: &str) -> bool {
    let Some(colon) = dest.find(':') else {
        return dest.starts_with("//");
    };
    let scheme = &dest[..colon];
    !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !dest[..colon].contains('/')
}

mod percent_decode {
    /// Decodes `%XX` escapes (invalid escapes are kept as written).
    pub fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%'
                && i + 2 < bytes.len()
                && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
            {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
            out.push(bytes[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(
            resolve("cs/a", "../b/dr.md#rto"),
            Target::Inside {
                path: "cs/b/dr.md".into(),
                anchor: Some("rto".into())
            }
        );
        assert_eq!(resolve("cs", "#plan"), Target::SameDocument("plan".into()));
        assert_eq!(resolve("", "../x.md"), Target::Outside);
        assert_eq!(resolve("", "https://aws.amazon.com"), Target::External);
        assert_eq!(resolve("", "mailto:x@y"), Target::External);
        assert_eq!(
            resolve("", "my%20file.md"),
            Target::Inside {
                path: "my file.md".into(),
                anchor: None
            }
        );
    }
}
