//! Stage 5: the one place findings are filtered — inline suppressions, waivers, severity
//! overrides, the baseline, and the changed-files restriction. Checks only report.

pub mod baseline;
pub mod changed;
pub mod matcher;
pub mod overrides;
pub mod suppressions;
pub mod waivers;

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, sort_diagnostics};
use crate::model::Repository;
use baseline::Baseline;

/// What the filter needs.
pub struct FilterInput<'a> {
    /// The repository (for inline comments).
    pub repo: &'a Repository,
    /// The config (waivers, overrides).
    pub config: &'a Config,
    /// The as-of date (waiver expiry).
    pub as_of: Date,
    /// Every known code (registry codes and pack item codes).
    pub codes: &'a [String],
    /// Every known control ID.
    pub controls: &'a [&'a str],
    /// The baseline to hide, if any.
    pub baseline: Option<&'a Baseline>,
    /// Report only findings in these files (plus repository-wide ones).
    pub only_paths: Option<&'a BTreeSet<String>>,
    /// Keep silenced findings (marked) instead of dropping them.
    pub keep_suppressed: bool,
}

impl<'a> FilterInput<'a> {
    /// The filter of a whole repository without a baseline, dropping silenced findings; set
    /// the other fields with struct update syntax.
    pub fn new(
        repo: &'a Repository,
        config: &'a Config,
        as_of: Date,
        codes: &'a [String],
        controls: &'a [&'a str],
    ) -> Self {
        Self {
            repo,
            config,
            as_of,
            codes,
            controls,
            baseline: None,
            only_paths: None,
            keep_suppressed: false,
        }
    }
}

/// The filtered findings and baseline counts.
#[derive(Debug, Default)]
pub struct Filtered {
    /// Findings to report, in contract order.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings hidden by the baseline.
    pub baselined: usize,
    /// Baseline entries no longer found.
    pub baseline_fixed: usize,
}

/// Applies every filter, in order.
pub fn apply(input: &FilterInput<'_>, mut diagnostics: Vec<Diagnostic>) -> Filtered {
    let mut own = suppressions::apply(input.repo, &mut diagnostics, input.codes, input.controls);
    own.extend(waivers::apply(
        &input.config.waivers,
        input.as_of,
        &mut diagnostics,
    ));
    diagnostics.extend(own);
    overrides::apply(&input.config.rules, &mut diagnostics);
    let (baselined, baseline_fixed) = input.baseline.map_or((0, 0), |b| b.apply(&mut diagnostics));
    if let Some(paths) = input.only_paths {
        diagnostics.retain(|d| d.location.as_ref().is_none_or(|l| paths.contains(&l.path)));
    }
    if !input.keep_suppressed {
        diagnostics.retain(|d| d.suppressed.is_none());
    }
    sort_diagnostics(&mut diagnostics);
    Filtered {
        diagnostics,
        baselined,
        baseline_fixed,
    }
}
