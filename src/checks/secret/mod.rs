//! `secret/*`: credentials pasted into any text file of the repository (Markdown, YAML, JSON,
//! CSV, `.drawio`, `.tf`, …), code blocks included. The value is never printed: messages show
//! a masked form, and every snippet is redacted before it is rendered.

use rayon::prelude::*;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::secrets::{Scanner, SecretHit, SecretKind};
use crate::source::SourceText;

/// Files larger than this are not scanned.
const MAX_SCAN_BYTES: u64 = 16 * 1024 * 1024;

/// Registry entries, one per secret kind.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "secret/aws-access-key",
        severity: Severity::Error,
        summary: "an AWS access key ID is in the repository",
        explanation: "\
An AWS access key ID (`AKIA…`, `ASIA…`, or another IAM unique identifier with a 16-character
suffix) is in a file of the repository. Evidence repositories are shared with reviewers and
AWS; keys do not belong there. AWS's documented example keys (containing `EXAMPLE`) are not
reported.

Example that triggers it:

    aws_access_key_id = AKIA2OGYBAH6STMMNXNN

Fix: delete the value from the file and from the Git history, and deactivate the key in IAM.",
    },
    CodeInfo {
        code: "secret/aws-secret-key",
        severity: Severity::Error,
        summary: "an AWS secret access key is in the repository",
        explanation: "\
A 40-character AWS secret access key appears near AWS context (`aws_secret_access_key`, an
access key ID within three lines). Git SHAs and other hex strings are not reported.

Example that triggers it:

    aws_secret_access_key = 9drTJvcXLB89EXAMPLELB8923FB892xMFI (a real-looking key)

Fix: delete it from the file and the Git history, and rotate the key in IAM.",
    },
    CodeInfo {
        code: "secret/private-key",
        severity: Severity::Error,
        summary: "a private key is in the repository",
        explanation: "\
A PEM, OpenSSH or PGP private key block is in a file (public keys and certificates are fine).

Example that triggers it:

    -----BEGIN RSA PRIVATE KEY-----
    MIIEowIBAAKCAQEA…

Fix: delete the block from the file and the Git history, and replace the key pair.",
    },
    CodeInfo {
        code: "secret/connection-string",
        severity: Severity::Error,
        summary: "a connection string contains a password",
        explanation: "\
A database or service URL or connection string carries a password
(`postgres://app:s3cr3t@db.example.com/orders`, `Password=…;Server=…`). Placeholders such as
`${DB_PASSWORD}`, `<password>` or `****` are not reported.

Example that triggers it:

    jdbc:postgresql://app_user:Wint3r-2025@orders.cluster-abc.eu-west-1.rds.amazonaws.com/orders

Fix: replace the password with a placeholder (`<password from Secrets Manager>`), remove it
from the Git history, and rotate it.",
    },
    CodeInfo {
        code: "secret/token",
        severity: Severity::Error,
        summary: "an access token or secret value is in the repository",
        explanation: "\
A GitHub or Slack token, a JWT, a Slack webhook secret, or a high-entropy value assigned to a
key named like a secret (`api_key`, `token`, `password`, `--master-user-password`) is in a file.
UUIDs, ARNs, URLs and pagination tokens are not reported.

Example that triggers it:

    api_key: 7f3kQ9zL2mX8vB1nR4tY6wE0

Fix: delete the value from the file and the Git history, and revoke or rotate it.",
    },
];

/// Scans one text and reports its secrets.
pub fn check_text(source: &SourceText, scanner: &Scanner, out: &mut Vec<Diagnostic>) {
    for hit in scanner.scan(&source.text) {
        out.push(diagnostic(source, &hit));
    }
}

fn diagnostic(source: &SourceText, hit: &SecretHit) -> Diagnostic {
    Diagnostic::error(
        hit.kind.code(),
        format!(
            "{} in the repository: `{}`",
            hit.kind.describe(),
            hit.masked
        ),
    )
    .at(source.location(hit.span.clone()))
    .label("secret (masked)")
    .help(help(hit.kind))
    .note("the value is masked here and in every output format")
}

fn help(kind: SecretKind) -> &'static str {
    match kind {
        SecretKind::ConnectionString => {
            "replace the password with a placeholder such as `<from Secrets Manager>`, remove it from the Git history, and rotate it"
        }
        _ => {
            "delete the value from the file and from the Git history, and rotate or revoke it: once pushed, it is compromised"
        }
    }
}

/// Scans the repository's other text files (Markdown is scanned when it is parsed).
pub fn check_files(root: &std::path::Path, files: &[String], out: &mut Vec<Diagnostic>) {
    let scanner = Scanner::new();
    let found: Vec<Vec<Diagnostic>> = files
        .par_iter()
        .filter(|path| !path.ends_with(".md"))
        .filter_map(|path| {
            let text = read_text(&root.join(path))?;
            let source = SourceText::new(path.as_str(), text);
            let mut diags = Vec::new();
            check_text(&source, &scanner, &mut diags);
            Some(diags)
        })
        .collect();
    out.extend(found.into_iter().flatten());
}

/// A file's text when it is a plausible text file (small, no NUL bytes, UTF-8).
fn read_text(path: &std::path::Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_SCAN_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).ok()
}
