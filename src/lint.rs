//! The `check` pipeline: discover → parse → model → evaluate → (filter) → sorted findings.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::checks::{self, KnownIds};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, append_exact, concat_exact, sort_diagnostics};
use crate::discover::{self, FoundFile, Selection, read::read_text};
use crate::evaluate::pool::is_diagram_path;
use crate::evaluate::{self, Evaluation, lexicon};
use crate::model::anchors::Anchors;
use crate::model::{Document, Repository};
use crate::packs::Catalog;
use crate::parse::ParsedFile;
use crate::secrets::Scanner;

pub(crate) mod warm_up;

/// What a run needs besides the repository.
pub struct LintInput<'a> {
    /// The repository root.
    pub root: &'a Path,
    /// The configuration.
    pub config: &'a Config,
    /// Loaded packs.
    pub catalog: &'a Catalog,
    /// Compiled recognizers of the packs (possibly still being compiled on another thread).
    pub lexicon: lexicon::Source<'a>,
    /// `--program` flags.
    pub programs: &'a [String],
    /// The date rules are judged against.
    pub as_of: Date,
}

/// The result of a run.
#[derive(Debug)]
pub struct LintOutcome {
    /// Findings in contract order.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of Markdown files checked.
    pub files: usize,
    /// The repository model.
    pub repo: Repository,
    /// The pack evaluation (readiness cells).
    pub evaluation: Evaluation,
    /// What each case study's diagrams were found to show.
    pub diagrams: Vec<checks::diagram::CaseStudyDiagrams>,
}

/// Lints the repository, keeping what the readiness report needs.
pub fn lint(input: &LintInput<'_>) -> LintOutcome {
    lint_with(input, true)
}

/// Lints the repository; the readiness cells and the diagrams' readings are kept only when
/// `keep_readiness` (they grow with case studies × items, and `check` needs the cells only for
/// the job summary, the diagrams never).
pub fn lint_with(input: &LintInput<'_>, keep_readiness: bool) -> LintOutcome {
    let selection = selection(input.config);
    let found = discover::discover(input.root, &selection);
    let control_ids: Vec<&str> = input.catalog.control_ids().collect();
    let program_ids: Vec<&str> = input.catalog.program_ids().collect();
    let known = KnownIds {
        controls: &control_ids,
        programs: &program_ids,
    };
    let mut processed: Vec<Processed> = found
        .markdown
        .par_iter()
        .map(|file| process_file(file, known, input.lexicon))
        .collect();
    find_late_atoms(&mut processed, input.lexicon);
    let (documents, per_file): (Vec<Option<Document>>, Vec<Vec<Diagnostic>>) = processed
        .into_iter()
        .map(|file| (file.doc, file.diagnostics))
        .unzip();
    let files = per_file.len();
    drop(found.markdown);
    let mut diagnostics = concat_exact(per_file);
    let documents: Vec<Document> = documents.into_iter().flatten().collect();
    let mut repo = Repository::new(
        PathBuf::from(input.root),
        documents,
        found.files,
        found.dirs,
    );
    checks::check_repository(&repo, &mut diagnostics);
    drop_checked_facts(&mut repo);
    let programs = evaluate::programs::in_force(input.programs, input.config, &repo, input.catalog);
    let mut evaluation =
        evaluate::evaluate_cells(&repo, input.catalog, &programs, input.as_of, keep_readiness);
    // Diagrams are a checklist requirement (PRE-2.2, DOC-001): checked when a program is in force.
    let diagrams = if programs.is_empty() {
        Vec::new()
    } else {
        let diagrams = checks::diagram::check(&repo, &mut diagnostics);
        supersede_broken_diagram_links(&mut diagnostics);
        if keep_readiness { diagrams } else { Vec::new() }
    };
    // The evaluation's findings outnumber the others: the list is grown from theirs.
    let mut diagnostics = append_exact(diagnostics, std::mem::take(&mut evaluation.diagnostics));
    // Messages may quote what a file says (an invalid value, a customer name): never a secret.
    diagnostics.par_iter_mut().for_each(|d| {
        d.mask_secrets();
        d.shrink();
    });
    sort_diagnostics(&mut diagnostics);
    LintOutcome {
        diagnostics,
        files,
        repo,
        evaluation,
        diagrams,
    }
}

/// Once the repository checks ran, drops the facts only they read: anchors, account IDs and
/// every link but those to diagrams (which the diagram check and the packs still read).
fn drop_checked_facts(repo: &mut Repository) {
    for doc in &mut repo.documents {
        doc.links
            .retain(|link| is_diagram_path(&link.dest) || link.diagram_path().is_some());
        doc.links.shrink_to_fit();
        doc.anchors = Anchors::default();
        doc.account_ids = Vec::new();
    }
}

/// A missing diagram is reported once, as `diagram/broken-link`, not also as `link/broken`.
fn supersede_broken_diagram_links(diagnostics: &mut Vec<Diagnostic>) {
    let diagram_links: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code == "diagram/broken-link")
        .filter_map(|d| d.location.clone())
        .collect();
    diagnostics.retain(|d| {
        d.code != "link/broken"
            || d.location
                .as_ref()
                .is_none_or(|l| !diagram_links.contains(l))
    });
}

fn selection(config: &Config) -> Selection {
    let mut selection = Selection::default();
    if !config.include.is_empty() {
        selection.include = config.include.clone();
    }
    selection.exclude = config.exclude.clone();
    selection
}

/// What processing one file gave.
struct Processed {
    /// Its model (`None` when it could not be read).
    doc: Option<Document>,
    /// Its findings.
    diagnostics: Vec<Diagnostic>,
    /// The parsed file, kept when its atoms are still to be found (it was processed before
    /// the lexicon was compiled).
    late: Option<ParsedFile>,
}

/// Reads, parses, checks and models one file; its text is dropped afterwards, unless the
/// lexicon is not compiled yet: then the parsed file is kept for [`find_late_atoms`].
fn process_file(file: &FoundFile, known: KnownIds<'_>, lexicon: lexicon::Source<'_>) -> Processed {
    let text = match read_text(file) {
        Ok(text) => text,
        Err(diag) => {
            return Processed {
                doc: None,
                diagnostics: vec![diag],
                late: None,
            };
        }
    };
    let parsed = ParsedFile::parse(&file.rel, text);
    let mut doc = Document::build(&parsed);
    let mut diagnostics = Vec::new();
    checks::check_file(&parsed, &doc, known, &mut diagnostics);
    checks::secret::check_text(&parsed.source, &Scanner::new(), &mut diagnostics);
    diagnostics.shrink_to_fit();
    let mut late = None;
    if doc.has_front_matter {
        match lexicon.now() {
            Some(lexicon) => doc.atoms = lexicon::atoms(lexicon, &parsed),
            None => late = Some(parsed),
        }
    }
    Processed {
        doc: Some(doc),
        diagnostics,
        late,
    }
}

/// Finds the atoms of the files processed before the lexicon was compiled, once it is. When
/// its compilation failed they have none: the caller reports that error instead of findings.
fn find_late_atoms(processed: &mut [Processed], lexicon: lexicon::Source<'_>) {
    if lexicon.now().is_none() && processed.iter().any(|file| file.late.is_some()) {
        warm_up::while_waiting(|| lexicon.now().is_some());
    }
    processed.par_iter_mut().for_each(|file| {
        if let (Some(doc), Some(parsed)) = (&mut file.doc, file.late.take())
            && let Some(lexicon) = lexicon.wait()
        {
            doc.atoms = lexicon::atoms(lexicon, &parsed);
        }
    });
}
