//! `privacy/customer-named`: an `anonymized` case study whose text names the customer.

use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem;
use rayon::prelude::*;
use regex::{Regex, RegexBuilder};

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::evaluate::prerequisites::customer_core;
use crate::model::Repository;
use crate::model::values::Visibility;
use crate::source::SourceText;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "privacy/customer-named",
    severity: Severity::Error,
    summary: "an anonymized case study names its customer",
    explanation: "\
An `anonymized` case study is published without the customer's name, which stays private (in
`customer:` of the front matter). Its text must not name the customer: AWS publishes it as
written. The name is matched without case and legal suffixes (`Acme Payments Ltd.` matches
`ACME Payments`).

Example that triggers it (front matter `customer: Acme Payments Ltd.`, `visibility: anonymized`):

    Acme Payments moved its ledger to Amazon Aurora PostgreSQL.

Fix: write \"the customer\" or a description (\"a European payments provider\") instead.",
};

/// Reports anonymized case studies whose documents name the customer (re-reads those few
/// files). Case studies are checked in parallel, and reported in their order.
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    let anonymized: Vec<(&str, String)> = (repo.case_studies.values())
        .filter_map(|cs| {
            let fields = repo.documents[cs.doc].case_study.as_ref()?;
            if fields.visibility != Some(Visibility::Anonymized) {
                return None;
            }
            let core = customer_core(fields.customer.as_deref()?);
            let long_enough = core.chars().filter(|c| c.is_alphanumeric()).count() >= 3;
            long_enough.then_some((cs.id.as_str(), core))
        })
        .collect();
    let found: Vec<Vec<Diagnostic>> = anonymized
        .par_iter()
        .map(|(id, core)| case_study(repo, id, core))
        .collect();
    out.extend(found.into_iter().flatten());
}

/// The findings of one anonymized case study whose customer's name is `core`.
fn case_study(repo: &Repository, id: &str, core: &str) -> Vec<Diagnostic> {
    let name = CustomerName::new(core);
    let mut found = Vec::new();
    for doc in repo.members(id) {
        let Ok(bytes) = std::fs::read(repo.root.join(&doc.path)) else {
            continue;
        };
        let Ok(text) = crate::discover::read::decode(&doc.path, bytes) else {
            continue;
        };
        let body_start = doc.body_start.min(text.len());
        let Some(range) = name.find_at(&text, body_start) else {
            continue;
        };
        let source = SourceText::new(doc.path.as_str(), text);
        found.push(
            Diagnostic::error(INFO.code, format!("the anonymized case study `{id}` names its customer"))
                .at(source.location(range))
                .label("customer name")
                .help("write \"the customer\" or a description such as \"a European payments provider\" instead")
                .case_study(id.to_string()),
        );
    }
    found
}

/// A customer's name as a text may write it: its words in order, in any case, apart by
/// spaces or punctuation, as whole words.
///
/// The pattern is Unicode-aware, and compiling it costs more than reading most case studies:
/// it is compiled only for a text that holds the name's first word. That test is exact for a
/// first word in ASCII, which only ASCII letters and two other characters (the Kelvin sign
/// and the long s, whose case folds are `k` and `s`) match without case; a text holding
/// either, or a name whose first word is not ASCII, goes to the pattern.
struct CustomerName {
    pattern: String,
    regex: OnceLock<Option<Regex>>,
    /// The first word, when it is ASCII (else the pattern is always asked).
    first_word: Option<String>,
}

impl CustomerName {
    fn new(core: &str) -> Self {
        let words: Vec<String> = core.split_whitespace().map(regex::escape).collect();
        let first_word = (core.split_whitespace().next())
            .filter(|word| word.is_ascii())
            .map(str::to_string);
        CustomerName {
            pattern: format!(r"\b{}\b", words.join(r"[\s\-.,&]+")),
            regex: OnceLock::new(),
            first_word,
        }
    }

    /// Where the name first occurs in `text` at or after byte `start`.
    fn find_at(&self, text: &str, start: usize) -> Option<Range<usize>> {
        let rest = &text.as_bytes()[start..];
        if let Some(first_word) = &self.first_word
            && !FOLDING_TO_ASCII
                .iter()
                .any(|c| memmem::find(rest, c).is_some())
            && !contains_ignoring_ascii_case(rest, first_word.as_bytes())
        {
            return None;
        }
        let regex = self.regex.get_or_init(|| {
            RegexBuilder::new(&self.pattern)
                .case_insensitive(true)
                .build()
                .ok()
        });
        regex.as_ref()?.find_at(text, start).map(|m| m.range())
    }
}

/// The two non-ASCII characters that match ASCII letters without case (the Kelvin sign and
/// the long s), in UTF-8.
const FOLDING_TO_ASCII: [&[u8]; 2] = ["\u{212A}".as_bytes(), "\u{17F}".as_bytes()];

/// Whether `haystack` holds `needle` (ASCII, not empty), ignoring ASCII case: each place its
/// first byte occurs, in either case, is compared.
fn contains_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((first, rest)) = needle.split_first() else {
        return true;
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, haystack).any(|at| {
        (haystack.get(at + 1..at + 1 + rest.len()))
            .is_some_and(|next| next.eq_ignore_ascii_case(rest))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random texts of the name's words in mixed case, separators, near-misses and the two
    /// non-ASCII characters that fold to ASCII letters: the name is found where the pattern
    /// alone finds it, from every start.
    #[test]
    fn finds_what_the_pattern_alone_finds() {
        const PIECES: [&str; 16] = [
            "Acme",
            "ACME",
            "acme",
            "Acmes",
            "Kask",
            "kask",
            "\u{212A}ask",
            "ka\u{17F}k",
            "Ltd",
            " ",
            "-",
            ".",
            "x",
            "é",
            "Überbank",
            "überbank",
        ];
        let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
        let mut named = 0;
        for core in ["Acme Ltd", "Kask", "Überbank", "acme-kask Ltd"] {
            let name = CustomerName::new(core);
            let pattern = RegexBuilder::new(&name.pattern)
                .case_insensitive(true)
                .build()
                .unwrap();
            for _ in 0..3_000 {
                let text: String = (0..1 + rng.below(6)).map(|_| rng.pick(&PIECES)).collect();
                for (start, _) in text.char_indices() {
                    let expected = pattern.find_at(&text, start).map(|m| m.range());
                    assert_eq!(name.find_at(&text, start), expected, "{core:?} in {text:?}");
                    named += usize::from(expected.is_some());
                }
            }
        }
        assert!(named > 1_000, "{named}");
    }

    #[test]
    fn the_first_word_test_applies_only_to_ascii_names() {
        assert!(CustomerName::new("Acme Payments").first_word.is_some());
        assert!(CustomerName::new("Überbank AG").first_word.is_none());
    }
}
