//! A typed document built from a parsed file, keeping only what later stages need.

use jiff::civil::Date;

use super::anchors::Anchors;
use super::values::{DocKind, Engine, Management, Project, Status, Visibility};
use crate::checks::link::{Target, resolve};
use crate::diagnostic::Location;
use crate::evaluate::pool::is_diagram_path;
use crate::parse::ParsedFile;
use crate::parse::markdown::destination_span;
use crate::parse::yaml::Node;

/// A control named in `controls:` and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlRef {
    /// The control ID as written.
    pub id: String,
    /// The list entry.
    pub location: Location,
}

/// A link or embedded image of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    /// The destination as written.
    pub dest: String,
    /// Where the destination is written.
    pub location: Location,
    /// An image rather than a link.
    pub is_image: bool,
    /// Link text or alt text.
    pub text: String,
    /// The destination resolved against the repository, once, for every later reader.
    pub target: Target,
}

impl DocLink {
    /// The repository path of the diagram file this links or embeds, if it resolves to one.
    pub fn diagram_path(&self) -> Option<&str> {
        match &self.target {
            Target::Inside { path, .. } if is_diagram_path(path) => Some(path),
            _ => None,
        }
    }
}

/// The fields of a case study (valid values only; invalid ones are reported by checks).
#[derive(Debug, Clone, Default)]
pub struct CaseStudyFields {
    /// `id:` or the folder name.
    pub id: String,
    /// Customer name.
    pub customer: Option<String>,
    /// Engine.
    pub engine: Option<Engine>,
    /// Project stage.
    pub status: Option<Status>,
    /// Start date.
    pub start: Option<Date>,
    /// End (go-live) date.
    pub end: Option<Date>,
    /// Who manages the database.
    pub management: Option<Management>,
    /// Kind of project.
    pub project: Option<Project>,
    /// Visibility.
    pub visibility: Option<Visibility>,
    /// Internal or affiliate customer.
    pub affiliate: bool,
    /// Where `status:` is written.
    pub status_location: Option<Location>,
    /// Where `start:` is written.
    pub start_location: Option<Location>,
    /// Where `end:` is written.
    pub end_location: Option<Location>,
    /// Where `customer:` is written.
    pub customer_location: Option<Location>,
    /// Where `engine:` is written.
    pub engine_location: Option<Location>,
    /// Where `affiliate:` is written.
    pub affiliate_location: Option<Location>,
}

/// WAFR high-risk-issue counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HighRiskIssues {
    /// Security pillar.
    pub security: Option<u64>,
    /// Reliability pillar.
    pub reliability: Option<u64>,
    /// Operational excellence pillar.
    pub operational_excellence: Option<u64>,
}

/// The recognizer atoms a document states, as a bit set: a repository holds many documents,
/// so each keeps what was found, not where (the text is re-read only to render snippets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AtomSet {
    bits: Vec<u64>,
}

impl AtomSet {
    /// Adds atom `atom`.
    pub fn insert(&mut self, atom: usize) {
        let (word, bit) = (atom / 64, atom % 64);
        if self.bits.len() <= word {
            self.bits.resize(word + 1, 0);
        }
        self.bits[word] |= 1 << bit;
    }

    /// Whether atom `atom` is in the set.
    pub fn contains(&self, atom: usize) -> bool {
        self.bits
            .get(atom / 64)
            .is_some_and(|w| w & (1 << (atom % 64)) != 0)
    }
}

impl FromIterator<usize> for AtomSet {
    fn from_iter<I: IntoIterator<Item = usize>>(atoms: I) -> Self {
        let mut set = AtomSet::default();
        atoms.into_iter().for_each(|a| set.insert(a));
        set
    }
}

/// One Markdown file of the repository.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the root, `/`-separated.
    pub path: String,
    /// The folder of the file, relative to the root ("" at the root).
    pub folder: String,
    /// The kind, when valid.
    pub kind: Option<DocKind>,
    /// Where `kind:` is written (or the file start).
    pub kind_location: Location,
    /// Whether the file has evidencelint front matter at all.
    pub has_front_matter: bool,
    /// Case study fields for `kind: case-study` (boxed: most documents are not one).
    pub case_study: Option<Box<CaseStudyFields>>,
    /// `case-study:` of an evidence or WAFR document.
    pub case_study_ref: Option<(String, Location)>,
    /// `controls:` entries.
    pub controls: Vec<ControlRef>,
    /// `programs:` entries.
    pub programs: Vec<String>,
    /// WAFR counts for `kind: wafr` (boxed: few documents are one).
    pub high_risk_issues: Option<Box<HighRiskIssues>>,
    /// Heading anchors.
    pub anchors: Anchors,
    /// Links and images.
    pub links: Vec<DocLink>,
    /// HTML comments: inner text and location.
    pub comments: Vec<(String, Location)>,
    /// Whether the first HTML comment is the first thing in the body (it then also covers
    /// the front matter when it is an `evidencelint-disable`).
    pub body_starts_with_comment: bool,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// AWS account IDs in the file.
    pub account_ids: Vec<Location>,
    /// The body states a multi-AZ or multi-Region deployment.
    pub mentions_multi_az: bool,
    /// The recognizer atoms the document states (filled by the evaluate stage).
    pub atoms: AtomSet,
}

impl Document {
    /// Builds the typed document from a parsed file.
    pub fn build(file: &ParsedFile) -> Self {
        let path = file.source.path.clone();
        let folder = path.rsplit_once('/').map_or("", |(f, _)| f).to_string();
        let kind_entry = file.front_value("kind");
        let kind = kind_entry.and_then(|(_, v)| match &v.value {
            Node::Str(s) => DocKind::parse(s),
            _ => None,
        });
        let kind_location = kind_entry
            .map(|(k, v)| span_key_to_value(file, k, v))
            .unwrap_or_else(|| file.source.location(0..0));
        let mut doc = Document {
            folder: folder.clone(),
            path,
            kind,
            kind_location,
            has_front_matter: file.front_entries().is_some_and(|e| {
                e.iter()
                    .any(|(k, _)| super::schema::OWN_KEYS.contains(&k.value.as_str()))
            }),
            case_study: None,
            case_study_ref: None,
            controls: list_entries(file, "controls")
                .into_iter()
                .map(|(id, location)| ControlRef { id, location })
                .collect(),
            programs: list_entries(file, "programs")
                .into_iter()
                .map(|(p, _)| p)
                .collect(),
            high_risk_issues: None,
            anchors: file
                .markdown
                .headings
                .iter()
                .map(|h| h.anchor.as_str())
                .chain(file.markdown.html_anchors.iter().map(String::as_str))
                .collect(),
            links: links(file, &folder),
            comments: file
                .markdown
                .comments
                .iter()
                .map(|c| (c.text.clone(), file.source.location(c.span.clone())))
                .collect(),
            body_starts_with_comment: file.markdown.comments.first().is_some_and(|c| {
                file.source
                    .text
                    .get(file.body_start..c.span.start)
                    .is_some_and(|t| t.trim().is_empty())
            }),
            body_start: file.body_start,
            account_ids: crate::secrets::find_account_ids(&file.source.text)
                .into_iter()
                .map(|r| file.source.location(r))
                .collect(),
            mentions_multi_az: file
                .markdown
                .blocks
                .iter()
                .any(|b| crate::checks::diagram::collect::mentions_multi_az(&b.text)),
            atoms: AtomSet::default(),
        };
        doc.case_study_ref = text_value(file, "case-study");
        match kind {
            Some(DocKind::CaseStudy) => {
                doc.case_study = Some(Box::new(case_study_fields(file, &folder)));
            }
            Some(DocKind::Wafr) => doc.high_risk_issues = Some(Box::new(high_risk_issues(file))),
            _ => {}
        }
        doc
    }

    /// Whether the document lists `control` in `controls:`.
    pub fn claims(&self, control: &str) -> bool {
        self.controls.iter().any(|c| c.id == control)
    }

    /// The `controls:` entry of `control`, if listed.
    pub fn claim_location(&self, control: &str) -> Option<&Location> {
        self.controls
            .iter()
            .find(|c| c.id == control)
            .map(|c| &c.location)
    }
}

fn span_key_to_value(
    file: &ParsedFile,
    key: &crate::parse::yaml::Located<String>,
    value: &crate::parse::yaml::Located<Node>,
) -> Location {
    let start = file.node_location(key);
    let end = file.node_location(value);
    if start.start.line == end.start.line && end.span.end > start.span.start {
        file.source.location(start.span.start..end.span.end)
    } else {
        start
    }
}

fn text_value(file: &ParsedFile, key: &str) -> Option<(String, Location)> {
    let (_, value) = file.front_value(key)?;
    let text = value.value.as_scalar_text()?;
    Some((text, file.node_location(value)))
}

fn list_entries(file: &ParsedFile, key: &str) -> Vec<(String, Location)> {
    let Some((_, value)) = file.front_value(key) else {
        return Vec::new();
    };
    match &value.value {
        Node::Seq(items) => items
            .iter()
            .filter_map(|item| Some((item.value.as_scalar_text()?, file.node_location(item))))
            .collect(),
        Node::Str(s) => vec![(s.clone(), file.node_location(value))],
        _ => Vec::new(),
    }
}

fn parse_date(file: &ParsedFile, key: &str) -> (Option<Date>, Option<Location>) {
    match text_value(file, key) {
        Some((text, loc)) => (text.trim().parse::<Date>().ok(), Some(loc)),
        None => (None, None),
    }
}

fn case_study_fields(file: &ParsedFile, folder: &str) -> CaseStudyFields {
    let text = |key: &str| text_value(file, key);
    let id = text("id")
        .map(|(id, _)| id)
        .unwrap_or_else(|| default_case_study_id(folder, &file.source.path));
    let (start, start_location) = parse_date(file, "start");
    let (end, end_location) = parse_date(file, "end");
    let affiliate = file.front_value("affiliate");
    CaseStudyFields {
        id,
        customer: text("customer").map(|(c, _)| c),
        customer_location: text("customer").map(|(_, l)| l),
        engine: text("engine").and_then(|(e, _)| Engine::parse(&e)),
        engine_location: text("engine").map(|(_, l)| l),
        status: text("status").and_then(|(s, _)| Status::parse(&s)),
        status_location: text("status").map(|(_, l)| l),
        start,
        end,
        start_location,
        end_location,
        management: text("management").and_then(|(m, _)| Management::parse(&m)),
        project: text("project").and_then(|(p, _)| Project::parse(&p)),
        visibility: text("visibility").and_then(|(v, _)| Visibility::parse(&v)),
        affiliate: matches!(affiliate, Some((_, v)) if v.value == Node::Bool(true)),
        affiliate_location: affiliate.map(|(_, v)| file.node_location(v)),
    }
}

/// A case study's default id: its folder name, or the file stem at the root.
pub fn default_case_study_id(folder: &str, path: &str) -> String {
    match folder.rsplit('/').next() {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".md")
            .to_string(),
    }
}

fn high_risk_issues(file: &ParsedFile) -> HighRiskIssues {
    let mut hri = HighRiskIssues::default();
    let Some((_, value)) = file.front_value("high-risk-issues") else {
        return hri;
    };
    let Node::Map(entries) = &value.value else {
        return hri;
    };
    for (key, value) in entries {
        let count = match value.value {
            Node::Int(n) if n >= 0 => Some(n as u64),
            _ => None,
        };
        match key.value.as_str() {
            "security" => hri.security = count,
            "reliability" => hri.reliability = count,
            "operational-excellence" => hri.operational_excellence = count,
            _ => {}
        }
    }
    hri
}

fn links(file: &ParsedFile, folder: &str) -> Vec<DocLink> {
    file.markdown
        .links
        .iter()
        .map(|link| DocLink {
            target: resolve(folder, &link.dest),
            dest: link.dest.clone(),
            location: file
                .source
                .location(destination_span(&file.source.text, link)),
            is_image: link.is_image,
            text: link.text.clone(),
        })
        .collect()
}
