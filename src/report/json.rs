//! `report --format json` (contract §6): a versioned DTO, separate from the internal types.
//!
//! `{"version":1,"programs":[…],"case_studies":[…],"rows":[{"control","item","cells":{CASE:
//! {"status","evidence":[…]}}}]}`. Extensions (allowed by the contract): `as_of`, each row's
//! `program`, a waived cell's `reason`, a silenced cell's `suppressed` (`{"kind","reason"}`;
//! status `suppressed` inline, `waived` by a config waiver), `totals` per column and the
//! `diagrams` of each case study. Cells are keyed by case study
//! id and `practice`; a column that does not assess the row has no key. Maps are ordered, so
//! the same input gives byte-identical output.

use std::collections::BTreeMap;

use serde::Serialize;

use super::diagrams::DiagramView;
use super::{Matrix, Total};
use crate::evaluate::cells::{SilenceKind, Status};

/// Version 1 of the report JSON.
#[derive(Debug, Serialize)]
pub struct ReportV1 {
    /// Always 1.
    pub version: u32,
    /// Programs evaluated.
    pub programs: Vec<String>,
    /// The date the evaluation was judged against.
    pub as_of: String,
    /// Case study ids, sorted.
    pub case_studies: Vec<String>,
    /// Rows in pack order.
    pub rows: Vec<RowV1>,
    /// Counts per column key.
    pub totals: BTreeMap<String, TotalV1>,
    /// What each case study's architecture diagrams show, by case study id.
    pub diagrams: BTreeMap<String, Vec<DiagramV1>>,
}

/// One architecture diagram of a case study.
#[derive(Debug, Serialize)]
pub struct DiagramV1 {
    /// The diagram file.
    pub path: String,
    /// The document that links or embeds it.
    pub referenced_from: String,
    /// The line of the link or image.
    pub line: usize,
    /// `read`, `described`, `unverifiable`, `unreadable`, `not-an-image` or `missing`.
    pub status: &'static str,
    /// Why it could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The format found (`draw.io`, `SVG`, `PNG`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// What it shows; absent when it could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shows: Option<ShowsV1>,
}

/// What a diagram shows.
#[derive(Debug, Serialize)]
pub struct ShowsV1 {
    /// A VPC.
    pub vpc: bool,
    /// How many Availability Zones.
    pub availability_zones: usize,
    /// The zones' names, where written.
    pub zone_names: Vec<String>,
    /// A "Multi-AZ" / "multi-Region" statement.
    pub multi_az_statement: bool,
    /// Two or more AZs, or a statement.
    pub multi_az: bool,
    /// Subnets.
    pub subnets: bool,
    /// The RDS or Aurora database.
    pub database: bool,
    /// Database engines named (`PostgreSQL`, `MySQL`…).
    pub engines: Vec<String>,
    /// Something outside AWS (on-premises).
    pub on_premises: bool,
    /// AWS services recognized.
    pub services: Vec<String>,
}

/// One row.
#[derive(Debug, Serialize)]
pub struct RowV1 {
    /// Program id.
    pub program: String,
    /// Control ID.
    pub control: String,
    /// Item id.
    pub item: String,
    /// Cells by column key.
    pub cells: BTreeMap<String, CellV1>,
}

/// One cell.
#[derive(Debug, Serialize)]
pub struct CellV1 {
    /// `met`, `missing`, `waived`, `suppressed` or `n/a`.
    pub status: &'static str,
    /// Documents that satisfy the item (empty unless met).
    pub evidence: Vec<String>,
    /// Why the cell is waived (a clean WAFR, or a waiver in evidencelint.yaml).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// How the user silenced the missing item's finding (`inline` suppression or config
    /// `waiver`), as `check --include-suppressed` shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<SuppressedV1>,
}

/// How a cell's finding was silenced.
#[derive(Debug, Serialize)]
pub struct SuppressedV1 {
    /// `inline` or `waiver`.
    pub kind: &'static str,
    /// The reason given.
    pub reason: String,
}

/// Counts of one column.
#[derive(Debug, Serialize)]
pub struct TotalV1 {
    /// Cells met.
    pub met: usize,
    /// Cells waived.
    pub waived: usize,
    /// Cells missing.
    pub missing: usize,
    /// Cells missing whose finding is suppressed inline.
    pub suppressed: usize,
    /// Cells that apply (met + waived + missing + suppressed).
    pub applicable: usize,
}

impl ReportV1 {
    /// The DTO of a matrix.
    pub fn from_matrix(matrix: &Matrix) -> Self {
        let keys = matrix.column_keys();
        let rows = matrix
            .rows
            .iter()
            .map(|row| RowV1 {
                program: row.program.clone(),
                control: row.control.clone(),
                item: row.item.clone(),
                cells: keys
                    .iter()
                    .zip(&row.cells)
                    .filter_map(|(key, cell)| Some((key.to_string(), cell_v1(cell.as_ref()?))))
                    .collect(),
            })
            .collect();
        let totals = keys
            .iter()
            .zip(matrix.totals())
            .map(|(k, t)| (k.to_string(), total_v1(t)))
            .collect();
        ReportV1 {
            version: 1,
            programs: matrix.programs.clone(),
            as_of: matrix.as_of.clone(),
            case_studies: matrix.case_studies.iter().map(|c| c.id.clone()).collect(),
            rows,
            totals,
            diagrams: matrix
                .diagrams
                .iter()
                .map(|cs| (cs.id.clone(), cs.diagrams.iter().map(diagram_v1).collect()))
                .collect(),
        }
    }
}

fn cell_v1(status: &Status) -> CellV1 {
    CellV1 {
        status: status.as_str(),
        evidence: match status {
            Status::Met(paths) => paths.clone(),
            _ => Vec::new(),
        },
        reason: match status {
            Status::Waived(reason) => Some(reason.clone()),
            Status::Silenced(s) if s.kind == SilenceKind::Waiver => Some(s.reason.clone()),
            _ => None,
        },
        suppressed: match status {
            Status::Silenced(s) => Some(SuppressedV1 {
                kind: s.kind.as_str(),
                reason: s.reason.clone(),
            }),
            _ => None,
        },
    }
}

fn diagram_v1(d: &DiagramView) -> DiagramV1 {
    let f = &d.features;
    let shown = d.reading.shows();
    DiagramV1 {
        path: d.path.clone(),
        referenced_from: d.from.clone(),
        line: d.line,
        status: d.reading.as_str(),
        reason: d.reading.reason().map(str::to_string),
        format: d.format,
        shows: shown.then(|| ShowsV1 {
            vpc: f.vpc,
            availability_zones: f.availability_zones,
            zone_names: f.zone_names.clone(),
            multi_az_statement: f.multi_az_statement,
            multi_az: f.multi_az(),
            subnets: f.subnets,
            database: f.database,
            engines: f.engines.clone(),
            on_premises: f.on_premises,
            services: f.services.clone(),
        }),
    }
}

fn total_v1(total: Total) -> TotalV1 {
    TotalV1 {
        met: total.met,
        waived: total.waived,
        missing: total.missing,
        suppressed: total.suppressed,
        applicable: total.applicable(),
    }
}

/// Renders the matrix as pretty-printed JSON with a final newline.
pub fn render(matrix: &Matrix) -> String {
    let mut text = serde_json::to_string_pretty(&ReportV1::from_matrix(matrix))
        .expect("the report DTO serializes");
    text.push('\n');
    text
}
