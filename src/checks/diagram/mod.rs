//! Architecture diagram checks (PRE-2.2, DOC-001): each case study's diagrams are found, read
//! (draw.io, SVG, `.drawio.png`) and checked for what DOC-001 says they must show.

pub mod alt_text;
pub mod broken_link;
pub mod collect;
pub mod missing;
pub mod shows;
pub mod single_az;
pub mod unreadable;
pub mod unverifiable;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::Diagnostic;
use crate::model::Repository;
pub use collect::CaseStudyDiagrams;

/// Every diagram code.
pub fn codes() -> Vec<&'static CodeInfo> {
    let mut codes = vec![
        &missing::INFO,
        &broken_link::INFO,
        &single_az::INFO,
        &alt_text::INFO,
        &unverifiable::INFO,
    ];
    codes.extend(unreadable::CODES.iter());
    codes.extend(shows::CODES.iter());
    codes
}

/// Reads every case study's diagrams and runs the diagram checks; returns what was read (the
/// report shows it).
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) -> Vec<CaseStudyDiagrams> {
    let all = collect::collect(repo);
    for cs in &all {
        missing::check(cs, out);
        broken_link::check(cs, out);
        unreadable::check(cs, out);
        shows::check(cs, out);
        single_az::check(cs, out);
        alt_text::check(cs, out);
        unverifiable::check(cs, out);
    }
    all
}
