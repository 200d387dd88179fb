//! Loads a pack from YAML, validating it and reporting located errors into the pack file.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use serde_saphyr::Spanned;

use super::format::{RawCondition, RawControl, RawItem, RawPack, RawRecognizer, RawScope};
use super::model::{
    Atom, CaseStudyRules, Condition, Control, Item, Pack, Recognizer, Validity, ValueType,
};
use crate::checks::registry::CodeInfo;
use crate::checks::suggest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::values::{Engine, Management, Project};
use crate::source::SourceText;

/// Registry entry for pack problems.
pub const INVALID_PACK: CodeInfo = CodeInfo {
    code: "pack/invalid",
    severity: Severity::Error,
    summary: "a rule pack is invalid",
    explanation: "\
A rule pack (a checklist as YAML, in the format of `rules/pack.schema.json`) could not be
loaded: it is not valid YAML, has an unknown key, a control ID used twice (or already used by a
built-in pack), an item id used twice in a control, an unknown scope, value type, engine or
condition, or an empty recognizer. The run stops with exit status 2.

Example that triggers it (in a pack listed under `packs:` in evidencelint.yaml):

    controls:
      - id: RDS-009
        title: Data classification

Fix: as the help line says; give your own controls their own prefix (e.g. `ACME-001`).",
};

/// Interns atoms so that each distinct atom is compiled once across packs.
#[derive(Debug, Default)]
pub struct AtomTable {
    /// Distinct atoms in first-seen order.
    pub atoms: Vec<Atom>,
    index: HashMap<Atom, usize>,
}

impl AtomTable {
    fn intern(&mut self, atom: Atom) -> usize {
        if let Some(&i) = self.index.get(&atom) {
            return i;
        }
        self.atoms.push(atom.clone());
        self.index.insert(atom, self.atoms.len() - 1);
        self.atoms.len() - 1
    }
}

struct Loader<'a> {
    source: &'a SourceText,
    errors: Vec<Diagnostic>,
    atoms: &'a mut AtomTable,
}

/// Loads the pack in `source`; `taken` holds control IDs already defined by other packs.
pub fn load(
    source: &SourceText,
    origin: &str,
    taken: &BTreeSet<String>,
    atoms: &mut AtomTable,
) -> Result<Pack, Vec<Diagnostic>> {
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    let raw: RawPack = serde_saphyr::from_str_with_options(&source.text, options).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        let at = source.offset_of(line.max(1), column.max(1));
        let message = e.to_string();
        let message = message.lines().next().unwrap_or_default().to_string();
        vec![
            Diagnostic::error(INVALID_PACK.code, format!("invalid rule pack: {message}"))
                .at(source.location(at..at + 1))
                .help("see rules/pack.schema.json for the pack format"),
        ]
    })?;
    validate(raw, source, origin, taken, atoms)
}

/// Validates a deserialized pack (errors point into `source`, where `raw` has spans).
pub fn validate(
    raw: RawPack,
    source: &SourceText,
    origin: &str,
    taken: &BTreeSet<String>,
    atoms: &mut AtomTable,
) -> Result<Pack, Vec<Diagnostic>> {
    let mut loader = Loader {
        source,
        errors: Vec::new(),
        atoms,
    };
    let pack = loader.pack(raw, origin, taken);
    if loader.errors.is_empty() {
        Ok(pack)
    } else {
        Err(loader.errors)
    }
}

impl Loader<'_> {
    fn error_at<T>(&mut self, spanned: &Spanned<T>, message: String, help: Option<String>) {
        let loc = spanned.referenced;
        let at = self
            .source
            .offset_of(loc.line() as usize, loc.column() as usize);
        let len = (loc.span().len() as usize).max(1);
        let mut diag =
            Diagnostic::error(INVALID_PACK.code, message).at(self.source.location(at..at + len));
        if let Some(help) = help {
            diag = diag.help(help);
        }
        self.errors.push(diag);
    }

    fn error_plain(&mut self, message: String) {
        self.errors
            .push(Diagnostic::error(INVALID_PACK.code, message).at(self.source.location(0..0)));
    }

    fn date(&mut self, spanned: &Spanned<String>) -> Option<Date> {
        match spanned.value.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                self.error_at(
                    spanned,
                    format!("`{}` is not a YYYY-MM-DD date", spanned.value),
                    None,
                );
                None
            }
        }
    }

    fn pack(&mut self, raw: RawPack, origin: &str, taken: &BTreeSet<String>) -> Pack {
        let released = self.date(&raw.validity.released).unwrap_or_default();
        let valid_until = raw.validity.valid_until.as_ref().and_then(|d| self.date(d));
        let usable_until = raw
            .validity
            .usable_until
            .as_ref()
            .and_then(|d| self.date(d));
        let case_studies = self.case_study_rules(&raw);
        let mut seen = BTreeSet::new();
        let mut controls = Vec::new();
        for control in raw.controls {
            if taken.contains(&control.id.value) || !seen.insert(control.id.value.clone()) {
                let message = format!("control `{}` is defined twice", control.id.value);
                self.error_at(&control.id, message, Some("give each control its own ID (your own packs: use your own prefix, e.g. `ACME-001`)".into()));
                continue;
            }
            controls.push(self.control(control));
        }
        Pack {
            program: raw.program.value,
            title: raw.title,
            version: raw.version,
            origin: origin.to_string(),
            validity: Validity {
                released,
                valid_until,
                usable_until,
                superseded_by: raw.validity.superseded_by,
                reading: raw.validity.reading,
            },
            case_studies,
            controls,
        }
    }

    fn engines(&mut self, names: &[String]) -> Vec<Engine> {
        names
            .iter()
            .filter_map(|n| {
                let engine = Engine::parse(n);
                if engine.is_none() {
                    self.error_plain(format!(
                        "unknown engine `{n}` (engines: {})",
                        Engine::ALL.join(", ")
                    ));
                }
                engine
            })
            .collect()
    }

    fn case_study_rules(&mut self, raw: &RawPack) -> CaseStudyRules {
        let rules = &raw.case_studies;
        if !matches!(rules.recency.field.as_str(), "start" | "end") {
            self.error_plain(format!(
                "recency field must be `start` or `end`, not `{}`",
                rules.recency.field
            ));
        }
        CaseStudyRules {
            control: rules.control.clone(),
            engines: self.engines(&rules.engines),
            statuses: rules.statuses.clone(),
            recency_field: rules.recency.field.clone(),
            recency_months: rules.recency.months,
            recency_control: rules.recency.control.clone(),
            affiliate_allowed: rules.affiliate_allowed,
            one_per_customer: rules.one_per_customer,
            per_engine_control: rules.per_engine.control.clone(),
            per_engine_minimum: rules.per_engine.minimum,
            one_each_groups: rules
                .per_engine
                .one_each_groups
                .iter()
                .map(|g| self.engines(g))
                .collect(),
        }
    }

    fn condition(&mut self, raw: Option<&RawCondition>) -> Condition {
        let Some(raw) = raw else {
            return Condition::default();
        };
        let mut parse_all =
            |values: &Option<Vec<String>>, allowed: &[&str], field: &str| -> Vec<String> {
                let values = values.clone().unwrap_or_default();
                for v in &values {
                    if !allowed.contains(&v.as_str()) {
                        self.error_plain(format!(
                            "unknown {field} `{v}` in applies-when (allowed: {})",
                            allowed.join(", ")
                        ));
                    }
                }
                values
            };
        let project = parse_all(&raw.project, Project::ALL, "project");
        let management = parse_all(&raw.management, Management::ALL, "management");
        let engine = parse_all(&raw.engine, Engine::ALL, "engine");
        Condition {
            project: project.iter().filter_map(|p| Project::parse(p)).collect(),
            management: management
                .iter()
                .filter_map(|m| Management::parse(m))
                .collect(),
            engine: engine.iter().filter_map(|e| Engine::parse(e)).collect(),
        }
    }

    fn control(&mut self, raw: RawControl) -> Control {
        let applies_when = self.condition(raw.applies_when.as_ref());
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        for item in raw.items {
            if !seen.insert(item.id.value.clone()) {
                let message = format!(
                    "item `{}` is defined twice in `{}`",
                    item.id.value, raw.id.value
                );
                self.error_at(&item.id, message, None);
                continue;
            }
            items.push(self.item(&raw.id.value, raw.scope, item));
        }
        Control {
            id: raw.id.value,
            title: raw.title,
            section: raw.section,
            text: raw.text,
            scope: raw.scope,
            applies_when,
            wafr_waivable: raw.wafr_waivable,
            items,
        }
    }

    fn item(&mut self, control: &str, scope: RawScope, raw: RawItem) -> Item {
        let severity = match raw.severity.as_deref() {
            None | Some("error") => Severity::Error,
            Some("warning") => Severity::Warning,
            Some(other) => {
                let message = format!(
                    "item `{}`: severity must be `error` or `warning`, not `{other}`",
                    raw.id.value
                );
                self.error_at(&raw.id, message, None);
                Severity::Error
            }
        };
        let recognizer = self.recognizer(&raw.id, &raw.recognize);
        Item {
            code: format!("{control}/{}", raw.id.value),
            id: raw.id.value,
            what: raw.what,
            scope: raw.scope.unwrap_or(scope),
            applies_when: self.condition(raw.applies_when.as_ref()),
            severity,
            help: raw.help,
            example: raw.example,
            recognizer,
        }
    }

    fn recognizer(&mut self, id: &Spanned<String>, raw: &RawRecognizer) -> Recognizer {
        let mut set = Vec::new();
        if let Some(topic) = &raw.topic {
            set.push(Recognizer::Atom(
                self.atoms.intern(Atom::Topic(topic.clone())),
            ));
        }
        if let Some(mention) = &raw.mention {
            set.push(Recognizer::Atom(
                self.atoms.intern(Atom::Mention(mention.clone())),
            ));
        }
        if let Some(fact) = &raw.fact {
            match ValueType::from_name(&fact.value) {
                Some(value) => set.push(Recognizer::Atom(self.atoms.intern(Atom::Fact {
                    names: fact.names.clone(),
                    value,
                }))),
                None => {
                    let suggestion = closest(
                        &fact.value,
                        [
                            "duration",
                            "size",
                            "percent",
                            "count",
                            "rate",
                            "availability",
                        ],
                    );
                    let message = format!(
                        "item `{}`: unknown fact value type `{}`",
                        id.value, fact.value
                    );
                    self.error_at(
                        id,
                        message,
                        suggestion.map(|s| format!("did you mean `{s}`?")),
                    );
                }
            }
        }
        if let Some(all) = &raw.all {
            set.push(Recognizer::All(
                all.iter().map(|r| self.recognizer(id, r)).collect(),
            ));
        }
        if let Some(any) = &raw.any {
            set.push(Recognizer::Any(
                any.iter().map(|r| self.recognizer(id, r)).collect(),
            ));
        }
        if raw.diagram == Some(true) {
            set.push(Recognizer::Diagram);
        }
        if set.len() != 1 {
            let message = format!(
                "item `{}`: `recognize` must have exactly one of topic, mention, fact, all, any, diagram (found {})",
                id.value,
                set.len()
            );
            self.error_at(id, message, None);
        }
        set.pop().unwrap_or(Recognizer::All(Vec::new()))
    }
}
