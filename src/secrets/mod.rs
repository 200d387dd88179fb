//! Secret and privacy scanner: finds credentials pasted into evidence files, with exact byte
//! spans of the secret *value* and a masked form safe to print.
//!
//! One detector per file; [`Scanner::scan`] first reads the text once for every detector's
//! triggers (`prefilter.rs`), then runs, in priority order, only the detectors that could find
//! something, and drops any hit that overlaps a hit from an earlier (more specific) detector.
//! Every regex is compiled once, in a `LazyLock` static, so a [`Scanner`] is free to create
//! and cheap to share across threads.
//!
//! Policy shared by every detector (see [`is_documented_example`]): a value containing
//! `EXAMPLE` (any case) is a *documented example credential* — AWS documentation uses
//! `AKIAIOSFODNN7EXAMPLE` and `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` — and is not reported.
//! Obvious placeholders (`${DB_PASSWORD}`, `<password>`, `****`, `changeme`, …) are not
//! reported either.

mod account_id;
mod aws_access_key;
mod aws_secret_key;
mod connection_string;
mod heuristics;
mod mask;
mod prefilter;
mod private_key;
mod token;

use std::ops::Range;

pub use account_id::find_account_ids;
pub use heuristics::{is_documented_example, is_placeholder};
pub use mask::{PASSWORD_MASK, mask, mask_in, redact};

/// What kind of secret a [`SecretHit`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SecretKind {
    /// An AWS access key ID (`AKIA…`, `ASIA…`) or another IAM unique identifier.
    AwsAccessKey,
    /// A 40-character AWS secret access key, found next to AWS context.
    AwsSecretKey,
    /// The body of a PEM/OpenSSH/PGP private key block.
    PrivateKey,
    /// A password inside a database or service connection string or URL.
    ConnectionString,
    /// A vendor token (GitHub, Slack, JWT) or a high-entropy value assigned to a secret key.
    Token,
}

impl SecretKind {
    /// The diagnostic code, `secret/<kebab-name>`.
    pub fn code(&self) -> &'static str {
        match self {
            SecretKind::AwsAccessKey => "secret/aws-access-key",
            SecretKind::AwsSecretKey => "secret/aws-secret-key",
            SecretKind::PrivateKey => "secret/private-key",
            SecretKind::ConnectionString => "secret/connection-string",
            SecretKind::Token => "secret/token",
        }
    }

    /// A short human description, usable as a diagnostic message.
    pub fn describe(&self) -> &'static str {
        match self {
            SecretKind::AwsAccessKey => "AWS access key ID",
            SecretKind::AwsSecretKey => "AWS secret access key",
            SecretKind::PrivateKey => "private key",
            SecretKind::ConnectionString => "password in a connection string",
            SecretKind::Token => "access token or secret value",
        }
    }

    /// Every kind, in code order.
    pub const ALL: [SecretKind; 5] = [
        SecretKind::AwsAccessKey,
        SecretKind::AwsSecretKey,
        SecretKind::PrivateKey,
        SecretKind::ConnectionString,
        SecretKind::Token,
    ];
}

/// One secret found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecretHit {
    /// What was found.
    pub kind: SecretKind,
    /// Byte range of the secret value only (not its key, quotes or URL around it).
    pub span: Range<usize>,
    /// The value masked for display: never more than 8 characters of the original.
    pub masked: String,
}

impl SecretHit {
    /// A hit whose masked form is [`mask`] of the value at `span`.
    pub(crate) fn masked_from(kind: SecretKind, text: &str, span: Range<usize>) -> Self {
        let masked = mask(&text[span.clone()]);
        Self { kind, span, masked }
    }

    /// A hit for a password, masked as [`PASSWORD_MASK`].
    pub(crate) fn password(kind: SecretKind, span: Range<usize>) -> Self {
        Self {
            kind,
            span,
            masked: PASSWORD_MASK.to_string(),
        }
    }
}

/// Runs every detector over a text. Holds no state: regexes live in process-wide statics.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scanner;

/// Detectors in priority order: on overlap, the earlier detector's hit wins. `prefilter.rs`
/// names them by their index here.
const DETECTORS: [fn(&str, &mut Vec<SecretHit>); 6] = [
    private_key::find,
    aws_access_key::find,
    aws_secret_key::find,
    connection_string::find,
    token::find_known,
    token::find_assigned,
];

impl Scanner {
    /// Creates a scanner. Regexes are compiled once per process, on first use.
    pub fn new() -> Self {
        Scanner
    }

    /// Every secret in `text`, sorted by span, with no two spans overlapping.
    pub fn scan(&self, text: &str) -> Vec<SecretHit> {
        let possible = prefilter::possible(text);
        if possible.is_empty() {
            return Vec::new();
        }
        run_detectors(text, |index| possible.has(index))
    }

    /// What [`Scanner::scan`] returns, computed by running every detector over the whole text
    /// without the prefilter: the reference that tests compare `scan` with.
    pub fn scan_unfiltered(&self, text: &str) -> Vec<SecretHit> {
        run_detectors(text, |_| true)
    }
}

/// Runs the detectors that `wanted` selects (by index), in priority order, and keeps the hits
/// that overlap no earlier one, sorted by span.
fn run_detectors(text: &str, wanted: impl Fn(usize) -> bool) -> Vec<SecretHit> {
    let mut accepted: Vec<SecretHit> = Vec::new();
    let mut found = Vec::new();
    for (index, detect) in DETECTORS.iter().enumerate() {
        if !wanted(index) {
            continue;
        }
        found.clear();
        detect(text, &mut found);
        for hit in found.drain(..) {
            let overlaps = accepted
                .iter()
                .any(|a| a.span.start < hit.span.end && hit.span.start < a.span.end);
            if !overlaps && !hit.span.is_empty() {
                accepted.push(hit);
            }
        }
    }
    accepted.sort_by_key(|h| (h.span.start, h.span.end));
    accepted
}

#[cfg(test)]
mod tests;
