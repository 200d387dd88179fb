//! What each case study's architecture diagrams were found to show (issue 8): one
//! [`DiagramView`] per diagram reference, built from the diagram checks' reading of the files,
//! for every report format to render.

use crate::checks::diagram::CaseStudyDiagrams;
use crate::checks::diagram::collect::DiagramRef;
use crate::diagram::{DiagramError, Features, Readable, describe_text};

/// How a diagram could be looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Its contents were read (draw.io, SVG, `.drawio.svg`, `.drawio.png`).
    Read,
    /// A raster or PDF diagram whose alt or link text names the VPC, the AZs and the subnets:
    /// what it shows is taken from that description.
    Described,
    /// A raster or PDF diagram without such a description: what it shows cannot be verified.
    Unverifiable,
    /// Corrupt, or over a safety limit (the reason).
    Unreadable(String),
    /// Its bytes contradict its extension (the reason).
    NotAnImage(String),
    /// The linked file does not exist.
    Missing,
}

impl Reading {
    /// `read`, `described`, `unverifiable`, `unreadable`, `not-an-image` or `missing`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Reading::Read => "read",
            Reading::Described => "described",
            Reading::Unverifiable => "unverifiable",
            Reading::Unreadable(_) => "unreadable",
            Reading::NotAnImage(_) => "not-an-image",
            Reading::Missing => "missing",
        }
    }

    /// Whether what the diagram shows is known (read, or taken from its description).
    pub fn shows(&self) -> bool {
        matches!(
            self,
            Reading::Read | Reading::Described | Reading::Unverifiable
        )
    }

    /// The reason a diagram could not be read, if any.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Reading::Unreadable(r) | Reading::NotAnImage(r) => Some(r),
            _ => None,
        }
    }
}

/// One diagram of a case study and what it was found to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagramView {
    /// The diagram file's repository path.
    pub path: String,
    /// The document that links or embeds it.
    pub from: String,
    /// The line of the link or image in that document.
    pub line: usize,
    /// The format found (`draw.io`, `SVG`, `PNG`…), when the file could be opened.
    pub format: Option<&'static str>,
    /// How it could be looked at.
    pub reading: Reading,
    /// What it shows (from its contents, or from its description when raster/PDF); empty
    /// when it could not be read.
    pub features: Features,
}

/// A case study's diagrams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseStudyDiagramsView {
    /// The case study id.
    pub id: String,
    /// Its diagrams, in document order.
    pub diagrams: Vec<DiagramView>,
}

/// The views of the case studies `ids` (in that order), from what the diagram checks read.
pub fn views(all: &[CaseStudyDiagrams], ids: &[&str]) -> Vec<CaseStudyDiagramsView> {
    ids.iter()
        .map(|id| CaseStudyDiagramsView {
            id: id.to_string(),
            diagrams: all
                .iter()
                .find(|cs| cs.id == *id)
                .map(|cs| cs.refs.iter().map(view).collect())
                .unwrap_or_default(),
        })
        .collect()
}

fn view(r: &DiagramRef) -> DiagramView {
    let (format, reading, features) = match &*r.read {
        None => (None, Reading::Missing, Features::default()),
        Some(Ok(Readable::Content(c))) => {
            (Some(c.format.as_str()), Reading::Read, c.features.clone())
        }
        Some(Ok(Readable::Opaque(format))) => {
            let described = describe_text(&r.text);
            let reading = if is_described(&described) {
                Reading::Described
            } else {
                Reading::Unverifiable
            };
            (Some(format.as_str()), reading, described)
        }
        Some(Err(DiagramError::Unreadable(m))) => {
            (None, Reading::Unreadable(m.clone()), Features::default())
        }
        Some(Err(DiagramError::NotAnImage(m))) => {
            (None, Reading::NotAnImage(m.clone()), Features::default())
        }
    };
    DiagramView {
        path: r.path.clone(),
        from: r.doc.clone(),
        line: r.location.start.line,
        format,
        reading,
        features,
    }
}

/// The rule of `diagram/unverifiable`: a description naming the VPC, the AZs and the subnets.
fn is_described(f: &Features) -> bool {
    f.vpc && (f.availability_zones > 0 || f.multi_az_statement) && f.subnets
}

/// `2 (AZ A, AZ B)`, `1`, `none`; `none, Multi-AZ stated` when only a statement.
pub fn zones_text(f: &Features) -> String {
    let count = match (f.availability_zones, f.zone_names.is_empty()) {
        (0, _) => "none".to_string(),
        (n, true) => n.to_string(),
        (n, false) => format!("{n} ({})", f.zone_names.join(", ")),
    };
    if f.multi_az_statement {
        format!("{count}, Multi-AZ stated")
    } else {
        count
    }
}

/// `yes` or `no`.
pub fn yes_no(shown: bool) -> &'static str {
    if shown { "yes" } else { "no" }
}

/// One line of what a diagram shows, for text formats: `VPC yes · AZs 2 (AZ A, AZ B) ·
/// subnets yes · database yes · Multi-AZ yes`; or how it could not be read.
pub fn shows_text(d: &DiagramView) -> String {
    match &d.reading {
        Reading::Missing => "nothing shown: the linked file does not exist".to_string(),
        Reading::Unreadable(r) | Reading::NotAnImage(r) => format!("nothing shown: {r}"),
        Reading::Read | Reading::Described | Reading::Unverifiable => {
            let f = &d.features;
            format!(
                "VPC {} · AZs {} · subnets {} · database {} · Multi-AZ {}",
                yes_no(f.vpc),
                zones_text(f),
                yes_no(f.subnets),
                database_text(f),
                yes_no(f.multi_az())
            )
        }
    }
}

/// How the diagram was looked at, for text formats: `draw.io`, `PNG, from its description`,
/// `PNG, unverifiable (no description of the VPC, AZs and subnets)`.
pub fn reading_text(d: &DiagramView) -> String {
    let format = d.format.unwrap_or("?");
    match &d.reading {
        Reading::Read => format.to_string(),
        Reading::Described => format!("{format}, judged from its description"),
        Reading::Unverifiable => {
            format!(
                "{format}, unverifiable: its description does not name the VPC, AZs and subnets"
            )
        }
        Reading::Unreadable(_) => "unreadable".to_string(),
        Reading::NotAnImage(_) => "not an image".to_string(),
        Reading::Missing => "file not found".to_string(),
    }
}

/// `yes (Amazon RDS, Amazon RDS Proxy; PostgreSQL)`: whether the database is shown, the
/// RDS/Aurora services that name it, and the engines named.
pub fn database_text(f: &Features) -> String {
    let services: Vec<&str> = f
        .services
        .iter()
        .map(String::as_str)
        .filter(|s| s.contains("RDS") || s.contains("Aurora"))
        .collect();
    let details: Vec<String> = [services.join(", "), f.engines.join(", ")]
        .into_iter()
        .filter(|d| !d.is_empty())
        .collect();
    if details.is_empty() {
        yes_no(f.database).to_string()
    } else {
        format!("{} ({})", yes_no(f.database), details.join("; "))
    }
}

/// Column titles of the tabular formats (markdown, HTML, xlsx).
pub const COLUMNS: [&str; 9] = [
    "Diagram",
    "Linked from",
    "Read as",
    "VPC",
    "Availability Zones",
    "Subnets",
    "Database",
    "Multi-AZ",
    "Services",
];

/// The [`COLUMNS`] of one diagram, as plain text; what it shows is `—` when it could not be
/// read.
pub fn fields(d: &DiagramView) -> [String; 9] {
    let f = &d.features;
    let shown = d.reading.shows();
    let or_dash = |text: String| if shown { text } else { "—".to_string() };
    let read_as = match d.reading.reason() {
        Some(reason) => format!("{}: {reason}", reading_text(d)),
        None => reading_text(d),
    };
    [
        d.path.clone(),
        format!("{}:{}", d.from, d.line),
        read_as,
        or_dash(yes_no(f.vpc).to_string()),
        or_dash(zones_text(f)),
        or_dash(yes_no(f.subnets).to_string()),
        or_dash(database_text(f)),
        or_dash(yes_no(f.multi_az()).to_string()),
        or_dash(f.services.join(", ")),
    ]
}
