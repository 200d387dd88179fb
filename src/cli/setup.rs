//! Shared setup of commands: the repository root, config, packs, dates. Failures here are
//! usage errors (exit 2), reported as diagnostics.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::checks::suggest::closest;
use crate::config::{self, Config};
use crate::diagnostic::Diagnostic;
use crate::packs::Catalog;
use crate::source::SourceText;

/// A usage error: diagnostics to print, then exit 2.
#[derive(Debug)]
pub struct UsageError {
    /// What went wrong.
    pub diagnostics: Vec<Diagnostic>,
    /// Texts of files the diagnostics point into (config, packs), by display path.
    pub sources: Vec<(String, String)>,
}

impl UsageError {
    /// A usage error with a message only.
    pub fn message(message: impl Into<String>) -> Self {
        Self {
            diagnostics: vec![Diagnostic::error("", message)],
            sources: Vec::new(),
        }
    }
}

/// The resolved root and the files named on the command line.
pub fn root_and_files(paths: &[PathBuf]) -> Result<(PathBuf, Vec<PathBuf>), UsageError> {
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(UsageError::message(format!(
                "path `{}` does not exist",
                path.display()
            )));
        }
    }
    match paths {
        [] => Ok((PathBuf::from("."), Vec::new())),
        [dir] if dir.is_dir() => Ok((dir.clone(), Vec::new())),
        files => {
            if let Some(dir) = files.iter().find(|p| p.is_dir()) {
                return Err(UsageError::message(format!(
                    "`{}` is a directory: give one repository root, or files of one repository",
                    dir.display()
                )));
            }
            let first = files[0]
                .canonicalize()
                .map_err(|e| UsageError::message(format!("`{}`: {e}", files[0].display())))?;
            let root = config::find(&first)
                .and_then(|c| c.parent().map(Path::to_path_buf))
                .unwrap_or_else(|| PathBuf::from("."));
            Ok((root, files.to_vec()))
        }
    }
}

/// Loads the config: `--config`, else `evidencelint.yaml` found above the root.
pub fn load_config(root: &Path, flag: Option<&Path>) -> Result<Config, UsageError> {
    let path = match flag {
        Some(p) if !p.is_file() => {
            return Err(UsageError::message(format!(
                "config file `{}` does not exist",
                p.display()
            )));
        }
        Some(p) => Some(p.to_path_buf()),
        None => config::find(root),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let display = display_path(root, &path);
    config::load(&path, &display).map_err(|diagnostics| UsageError {
        diagnostics,
        sources: std::fs::read_to_string(&path)
            .map(|t| vec![(display.clone(), t)])
            .unwrap_or_default(),
    })
}

/// A path shown relative to the root when it is inside it.
pub fn display_path(root: &Path, path: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    match abs.strip_prefix(&root) {
        Ok(rel) => crate::discover::relative(Path::new(""), rel),
        Err(_) => path.display().to_string(),
    }
}

/// The built-in packs plus the config's `packs:`.
pub fn load_catalog(root: &Path, config: &Config) -> Result<Catalog, UsageError> {
    let mut catalog = Catalog::builtin();
    let base = config
        .dir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.to_path_buf());
    let mut error = UsageError {
        diagnostics: Vec::new(),
        sources: Vec::new(),
    };
    for (pack, location) in &config.packs {
        let path = base.join(pack);
        let display = display_path(root, &path);
        let Ok(text) = std::fs::read_to_string(&path) else {
            error.diagnostics.push(
                Diagnostic::error(
                    config::INVALID.code,
                    format!("pack `{pack}` cannot be read"),
                )
                .at(location.clone())
                .label("no such file"),
            );
            continue;
        };
        let source = SourceText::new(display.clone(), text.clone());
        if let Err(mut diags) = catalog.add(&source, &display) {
            error.diagnostics.append(&mut diags);
            error.sources.push((display, text));
        }
    }
    if error.diagnostics.is_empty() {
        Ok(catalog)
    } else {
        if let (Some(src), Some(path)) = (&config.source, &config.path) {
            error
                .sources
                .push((display_path(root, path), src.text.clone()));
        }
        Err(error)
    }
}

/// Checks `--program` values against the catalog.
pub fn check_programs(
    programs: &[String],
    catalog: &Catalog,
    config: &Config,
) -> Result<(), UsageError> {
    let known: Vec<&str> = catalog.program_ids().collect();
    let mut diagnostics = Vec::new();
    for program in programs {
        if !known.contains(&program.as_str()) {
            let mut d = Diagnostic::error("", format!("unknown program `{program}`"))
                .note(format!("known programs: {}", known.join(", ")));
            if let Some(s) = closest(program, known.iter().copied()) {
                d = d.help(format!("did you mean `{s}`?"));
            }
            diagnostics.push(d);
        }
    }
    for (program, location) in &config.programs {
        if !known.contains(&program.as_str()) {
            let mut d =
                Diagnostic::error(config::INVALID.code, format!("unknown program `{program}`"))
                    .at(location.clone())
                    .note(format!("known programs: {}", known.join(", ")));
            if let Some(s) = closest(program, known.iter().copied()) {
                d = d.label(format!("did you mean `{s}`?"));
            }
            diagnostics.push(d);
        }
    }
    if diagnostics.is_empty() {
        return Ok(());
    }
    let sources = match (&config.source, &config.path) {
        (Some(src), Some(_)) => vec![(src.path.clone(), src.text.clone())],
        _ => Vec::new(),
    };
    Err(UsageError {
        diagnostics,
        sources,
    })
}

/// The as-of date: the flag, else the config's, else today.
pub fn as_of(flag: Option<&str>, config: &Config) -> Result<Date, UsageError> {
    match flag {
        Some(text) => text
            .parse::<Date>()
            .ok()
            .filter(|_| text.len() == 10)
            .ok_or_else(|| {
                UsageError::message(format!("--as-of `{text}` is not a YYYY-MM-DD date"))
            }),
        None => Ok(config.as_of.unwrap_or_else(today)),
    }
}

fn today() -> Date {
    jiff::Zoned::now().date()
}

/// Rejects `rules:` names and waiver codes that match no known code, prefix or control.
pub fn check_overrides(
    config: &Config,
    codes: &[String],
    controls: &[&str],
) -> Result<(), UsageError> {
    let mut diagnostics = crate::filter::overrides::validate(&config.rules, codes, controls);
    diagnostics.extend(crate::filter::waivers::validate(
        &config.waivers,
        codes,
        controls,
    ));
    if diagnostics.is_empty() {
        return Ok(());
    }
    let sources = config
        .source
        .iter()
        .map(|s| (s.path.clone(), s.text.clone()))
        .collect();
    Err(UsageError {
        diagnostics,
        sources,
    })
}
