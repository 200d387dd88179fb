//! Paths as CI surfaces show them: relative to the checked-out repository (with
//! `--path-prefix` when the evidence root is a sub-folder of it), and percent-encoded for URIs.

/// How repository-relative paths are written in SARIF, annotations and the job summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathStyle {
    /// Prepended to every path: empty, or a relative folder ending in `/`.
    prefix: String,
}

impl PathStyle {
    /// A style with a prefix (`docs/evidence`, `./docs/`, `.`); `None` for an absolute prefix
    /// or one that climbs out with `..`.
    pub fn with_prefix(prefix: &str) -> Option<Self> {
        let prefix = prefix.replace('\\', "/");
        if prefix.starts_with('/') || prefix.contains(':') {
            return None;
        }
        let mut parts = Vec::new();
        for part in prefix.split('/') {
            match part {
                "" | "." => {}
                ".." => return None,
                part => parts.push(part),
            }
        }
        let mut prefix = parts.join("/");
        if !prefix.is_empty() {
            prefix.push('/');
        }
        Some(Self { prefix })
    }

    /// The path as shown: the prefix, then the repository-relative path (never `./`).
    pub fn display(&self, path: &str) -> String {
        let path = path.trim_start_matches("./");
        format!("{}{path}", self.prefix)
    }
}

/// Percent-encodes a relative path for a URI (RFC 3986): unreserved characters, `/`, `@` and
/// the sub-delimiters stay; every other byte of the UTF-8 form (spaces, `%`, `#`, `?`, `:` —
/// which would read as a scheme —, non-ASCII) becomes `%XX`.
pub fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            );
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_normalized() {
        assert_eq!(PathStyle::with_prefix(".").unwrap().display("a.md"), "a.md");
        assert_eq!(
            PathStyle::with_prefix("./docs/ev/")
                .unwrap()
                .display("a.md"),
            "docs/ev/a.md"
        );
        assert_eq!(
            PathStyle::with_prefix("docs//ev")
                .unwrap()
                .display("./a.md"),
            "docs/ev/a.md"
        );
        assert!(PathStyle::with_prefix("/abs").is_none());
        assert!(PathStyle::with_prefix("../up").is_none());
        assert!(PathStyle::with_prefix("C:/x").is_none());
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            percent_encode_path("case studies/odd, name: 50%.md"),
            "case%20studies/odd,%20name%3A%2050%25.md"
        );
        assert_eq!(percent_encode_path("é#?.md"), "%C3%A9%23%3F.md");
        assert_eq!(percent_encode_path("a-b_c~d.md"), "a-b_c~d.md");
    }
}
