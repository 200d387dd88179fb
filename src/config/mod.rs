//! `evidencelint.yaml`: found by walking up from the linted path, parsed with positions, and
//! validated in full — every problem is collected and reported into the file, then the run
//! stops with exit 2.

mod validate;

use std::path::{Path, PathBuf};

use glob::Pattern;
use jiff::civil::Date;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::source::SourceText;

pub use validate::RuleLevel;

/// The config file name.
pub const FILE_NAME: &str = "evidencelint.yaml";

/// Registry entry for every config problem.
pub const INVALID: CodeInfo = CodeInfo {
    code: "config/invalid",
    severity: Severity::Error,
    summary: "evidencelint.yaml is invalid",
    explanation: "\
The configuration file could not be used: it is not valid YAML, has a key evidencelint does
not know (usually a typo), or a value of the wrong kind (an unknown program, a date that is not
YYYY-MM-DD, a severity other than error/warning/off, a waiver without `reason`, `owner` or
`expires`). Every problem is reported, each pointing into the file, and the run stops with
exit status 2 because its results would not be trustworthy.

Example that triggers it:

    programs: [rds-sd-2025-08]
    exlude: [\"drafts/**\"]

Fix: as the help line says (here: rename `exlude` to `exclude`). Keys: programs, as-of,
include, exclude, rules, packs, waivers.",
};

/// A severity override from `rules:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOverride {
    /// Code, prefix ending in `/`, or control ID.
    pub name: String,
    /// New level.
    pub level: RuleLevel,
    /// Where the name is written.
    pub location: Location,
}

/// A waiver from `waivers:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    /// Code, prefix ending in `/`, or control ID.
    pub code: String,
    /// Optional case study id.
    pub case_study: Option<String>,
    /// Optional path glob.
    pub path: Option<Pattern>,
    /// Why the finding is accepted.
    pub reason: String,
    /// Who owns the follow-up.
    pub owner: String,
    /// Last day the waiver applies.
    pub expires: Date,
    /// Where the waiver entry starts (`code:`).
    pub location: Location,
    /// Where `expires:` is written.
    pub expires_location: Location,
}

/// The configuration in force.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The config file's text, when there is one.
    pub source: Option<SourceText>,
    /// Absolute path of the config file.
    pub path: Option<PathBuf>,
    /// `programs:`.
    pub programs: Vec<(String, Location)>,
    /// `as-of:`.
    pub as_of: Option<Date>,
    /// `include:` globs.
    pub include: Vec<Pattern>,
    /// `exclude:` globs.
    pub exclude: Vec<Pattern>,
    /// `rules:` overrides.
    pub rules: Vec<RuleOverride>,
    /// `packs:` paths (relative to the config file) and where they are written.
    pub packs: Vec<(String, Location)>,
    /// `waivers:`.
    pub waivers: Vec<Waiver>,
}

impl Config {
    /// The folder holding the config file.
    pub fn dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// Finds `evidencelint.yaml` in `start` or its ancestors.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let dir = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Loads and validates a config file; `display_path` is how the file is named in diagnostics.
pub fn load(path: &Path, display_path: &str) -> Result<Config, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::error(
            INVALID.code,
            format!("cannot read {}: {e}", path.display()),
        )]
    })?;
    let mut config = parse_bytes(display_path, bytes)?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// Decodes and validates the contents of a config file without touching the file system
/// (the fuzz targets and tests drive this); `display_path` names the file in diagnostics.
pub fn parse_bytes(display_path: &str, bytes: Vec<u8>) -> Result<Config, Vec<Diagnostic>> {
    let text = crate::discover::read::decode(display_path, bytes).map_err(|d| vec![d])?;
    let source = SourceText::new(display_path, text);
    let mut config = validate::parse(&source)?;
    config.source = Some(source);
    Ok(config)
}
