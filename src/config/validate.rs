//! Turns the located YAML of `evidencelint.yaml` into a `Config`, collecting every problem.

use glob::Pattern;
use jiff::civil::Date;

use super::{Config, INVALID, RuleOverride, Waiver};
use crate::checks::suggest::closest;
use crate::diagnostic::{Diagnostic, Location};
use crate::parse::yaml::{self, Located, Node};
use crate::source::SourceText;

/// The keys of `evidencelint.yaml`.
const KEYS: &[&str] = &[
    "programs", "as-of", "include", "exclude", "rules", "packs", "waivers",
];
/// The keys of one waiver.
const WAIVER_KEYS: &[&str] = &["code", "case-study", "path", "reason", "owner", "expires"];

/// A severity set in `rules:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Do not report.
    Off,
}

struct Ctx<'a> {
    source: &'a SourceText,
    errors: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn loc<T>(&self, node: &Located<T>) -> Location {
        let start = self.source.offset_of(node.line, node.column);
        let line_end = self.source.line_range(node.line).end.max(start);
        let end = self.source.text[start..line_end]
            .char_indices()
            .nth(node.len.max(1))
            .map_or(line_end, |(i, _)| start + i);
        self.source.location(start..end)
    }

    fn error<T>(&mut self, node: &Located<T>, message: String, label: &str) -> &mut Diagnostic {
        let diag = Diagnostic::error(INVALID.code, message)
            .at(self.loc(node))
            .label(label);
        self.errors.push(diag);
        self.errors.last_mut().expect("just pushed")
    }
}

/// Parses and validates the config text.
pub fn parse(source: &SourceText) -> Result<Config, Vec<Diagnostic>> {
    let tree = yaml::parse(&source.text).map_err(|e| {
        let at = source.offset_of(e.line.max(1), e.column.max(1));
        vec![
            Diagnostic::error(
                INVALID.code,
                format!("evidencelint.yaml is not valid YAML: {}", e.message),
            )
            .at(source.location(at..at + 1))
            .label(e.message),
        ]
    })?;
    let mut ctx = Ctx {
        source,
        errors: Vec::new(),
    };
    let mut config = Config::default();
    match &tree.value {
        Node::Map(entries) => {
            for (key, value) in entries {
                apply_key(&mut ctx, &mut config, key, value);
            }
        }
        Node::Null => {}
        other => {
            let message = format!(
                "evidencelint.yaml must be a mapping of keys, not {}",
                other.type_name()
            );
            ctx.error(&tree, message, "expected `key: value` lines");
        }
    }
    if ctx.errors.is_empty() {
        Ok(config)
    } else {
        Err(ctx.errors)
    }
}

fn apply_key(ctx: &mut Ctx<'_>, config: &mut Config, key: &Located<String>, value: &Located<Node>) {
    match key.value.as_str() {
        "programs" => config.programs = strings(ctx, "programs", value),
        "as-of" => config.as_of = date(ctx, "as-of", value),
        "include" => config.include = globs(ctx, "include", value),
        "exclude" => config.exclude = globs(ctx, "exclude", value),
        "packs" => config.packs = strings(ctx, "packs", value),
        "rules" => config.rules = rules(ctx, value),
        "waivers" => config.waivers = waivers(ctx, value),
        other => unknown_key(ctx, key, other, KEYS, "evidencelint.yaml"),
    }
}

fn unknown_key(ctx: &mut Ctx<'_>, key: &Located<String>, name: &str, keys: &[&str], what: &str) {
    let suggestion = closest(name, keys.iter().copied());
    let label = suggestion.map_or("unknown key".to_string(), |s| {
        format!("did you mean `{s}`?")
    });
    let diag = ctx.error(key, format!("unknown key `{name}` in {what}"), &label);
    diag.help.push(match suggestion {
        Some(s) => format!("rename `{name}` to `{s}`"),
        None => format!("valid keys: {}", keys.join(", ")),
    });
}

fn strings(ctx: &mut Ctx<'_>, key: &str, value: &Located<Node>) -> Vec<(String, Location)> {
    let items: Vec<&Located<Node>> = match &value.value {
        Node::Seq(items) => items.iter().collect(),
        Node::Str(_) => vec![value],
        _ => {
            ctx.error(
                value,
                format!("`{key}:` must be a list of strings"),
                "expected a list",
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Node::Str(s) => out.push((s.clone(), ctx.loc(item))),
            _ => {
                ctx.error(
                    item,
                    format!("`{key}:` entries must be strings"),
                    "expected a string",
                );
            }
        }
    }
    out
}

fn globs(ctx: &mut Ctx<'_>, key: &str, value: &Located<Node>) -> Vec<Pattern> {
    let mut out = Vec::new();
    for (text, location) in strings(ctx, key, value) {
        match Pattern::new(&text) {
            Ok(p) => out.push(p),
            Err(e) => ctx.errors.push(
                Diagnostic::error(
                    INVALID.code,
                    format!("`{text}` is not a valid glob: {}", e.msg),
                )
                .at(location)
                .label("invalid glob"),
            ),
        }
    }
    out
}

fn date(ctx: &mut Ctx<'_>, key: &str, value: &Located<Node>) -> Option<Date> {
    let text = value.value.as_scalar_text().unwrap_or_default();
    match text.trim().parse::<Date>() {
        Ok(d) if text.trim().len() == 10 => Some(d),
        _ => {
            let diag = ctx.error(
                value,
                format!("`{key}:` is not a valid date: `{text}`"),
                "expected YYYY-MM-DD",
            );
            diag.help.push(format!("write `{key}: 2026-01-15`"));
            None
        }
    }
}

fn level(ctx: &mut Ctx<'_>, value: &Located<Node>) -> Option<RuleLevel> {
    match value.value.as_scalar_text().as_deref() {
        Some("error") => Some(RuleLevel::Error),
        Some("warning") => Some(RuleLevel::Warning),
        Some("off") | Some("false") => Some(RuleLevel::Off),
        other => {
            let shown = other.unwrap_or("?").to_string();
            let diag = ctx.error(
                value,
                format!("`{shown}` is not a severity"),
                "expected error, warning or off",
            );
            diag.help.push("use `error`, `warning` or `off`".into());
            None
        }
    }
}

fn rules(ctx: &mut Ctx<'_>, value: &Located<Node>) -> Vec<RuleOverride> {
    let Node::Map(entries) = &value.value else {
        ctx.error(
            value,
            "`rules:` must map codes to severities".into(),
            "expected `code: error|warning|off`",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, level_node) in entries {
        if let Some(level) = level(ctx, level_node) {
            out.push(RuleOverride {
                name: name.value.clone(),
                level,
                location: ctx.loc(name),
            });
        }
    }
    out
}

fn waivers(ctx: &mut Ctx<'_>, value: &Located<Node>) -> Vec<Waiver> {
    let Node::Seq(items) = &value.value else {
        ctx.error(
            value,
            "`waivers:` must be a list".into(),
            "expected a list of waivers",
        );
        return Vec::new();
    };
    items.iter().filter_map(|item| waiver(ctx, item)).collect()
}

fn waiver(ctx: &mut Ctx<'_>, item: &Located<Node>) -> Option<Waiver> {
    let Node::Map(entries) = &item.value else {
        ctx.error(
            item,
            "a waiver must be a mapping".into(),
            "expected `code:`, `reason:`, `owner:`, `expires:`",
        );
        return None;
    };
    let get = |name: &str| entries.iter().find(|(k, _)| k.value == name);
    for (key, _) in entries {
        if !WAIVER_KEYS.contains(&key.value.as_str()) {
            unknown_key(ctx, key, &key.value.clone(), WAIVER_KEYS, "a waiver");
        }
    }
    let mut missing = Vec::new();
    for required in ["code", "reason", "owner", "expires"] {
        if get(required).is_none() {
            missing.push(required);
        }
    }
    if !missing.is_empty() {
        let list = missing
            .iter()
            .map(|m| format!("`{m}:`"))
            .collect::<Vec<_>>()
            .join(", ");
        let diag = ctx.error(
            item,
            format!("waiver is missing {list}"),
            "incomplete waiver",
        );
        diag.help
            .push("every waiver needs `code`, `reason`, `owner` and `expires` (YYYY-MM-DD)".into());
        return None;
    }
    let text = |name: &str| get(name).and_then(|(_, v)| v.value.as_scalar_text());
    let (_, expires_node) = get("expires")?;
    let expires = date(ctx, "expires", expires_node)?;
    let path = match text("path") {
        Some(p) => Some(Pattern::new(&p).ok()?),
        None => None,
    };
    let (code_key, _) = get("code")?;
    Some(Waiver {
        code: text("code")?,
        case_study: text("case-study"),
        path,
        reason: text("reason")?,
        owner: text("owner")?,
        expires,
        location: ctx.loc(code_key),
        expires_location: ctx.loc(expires_node),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<Diagnostic> {
        parse(&SourceText::new("evidencelint.yaml", text.to_string())).unwrap_err()
    }

    #[test]
    fn valid_config_parses() {
        let src = SourceText::new(
            "evidencelint.yaml",
            "programs: [rds-sd-2025-08]\nas-of: 2026-01-15\nexclude: [\"drafts/**\"]\nrules:\n  link/: warning\n".into(),
        );
        let config = parse(&src).unwrap();
        assert_eq!(config.programs[0].0, "rds-sd-2025-08");
        assert_eq!(config.rules[0].level, RuleLevel::Warning);
        assert_eq!(config.exclude.len(), 1);
    }

    #[test]
    fn every_problem_is_collected_with_its_position() {
        let errs = errors("exlude: [x]\nas-of: soon\nrules:\n  link/: loud\n");
        assert_eq!(errs.len(), 3);
        assert_eq!(errs[0].location.as_ref().unwrap().start.line, 1);
        assert_eq!(errs[0].label.as_deref(), Some("did you mean `exclude`?"));
        assert_eq!(errs[1].location.as_ref().unwrap().start.line, 2);
        assert_eq!(errs[2].location.as_ref().unwrap().start.line, 4);
    }

    #[test]
    fn waivers_need_reason_owner_and_expiry() {
        let errs = errors("waivers:\n  - code: RDS-009\n    reason: later\n");
        assert!(errs[0].message.contains("`owner:`"), "{:?}", errs[0]);
        assert!(errs[0].message.contains("`expires:`"));
    }
}
