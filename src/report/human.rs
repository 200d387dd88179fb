//! `report --format human`: a terminal table that fits 100 columns, case studies numbered
//! `[1]`, `[2]`, … with a legend above, per-column totals below, then the evidence of met cells.

use std::fmt::Write;

use super::diagrams::{reading_text, shows_text};
use super::text::{one_line, pad_left, pad_right, truncate};
use super::{Matrix, Row};
use crate::evaluate::cells::{SilenceKind, Status};

/// Total width the table aims to fit.
pub const WIDTH: usize = 100;
/// Width of one status column.
const CELL: usize = 7;
/// Narrowest label column, even when many case studies make the table wider than [`WIDTH`].
const MIN_LABEL: usize = 36;
/// Widest item id shown before the item's description.
const MAX_ITEM: usize = 22;

/// Renders the matrix; `color` adds ANSI colours.
pub fn render(matrix: &Matrix, color: bool) -> String {
    let mut out = String::new();
    let p = Painter(color);
    header(&mut out, matrix, &p);
    if matrix.rows.is_empty() {
        out.push_str("\nno evidence items: no program is in force (use --program or `programs:` in evidencelint.yaml)\n");
        return out;
    }
    table(&mut out, matrix, &p);
    evidence(&mut out, matrix, &p);
    diagrams(&mut out, matrix, &p);
    out
}

/// What each case study's diagrams show.
fn diagrams(out: &mut String, matrix: &Matrix, p: &Painter) {
    if matrix.diagrams.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", p.bold("Architecture diagrams"));
    for (i, cs) in matrix.diagrams.iter().enumerate() {
        let _ = writeln!(out, "  [{}] {}", i + 1, one_line(&cs.id));
        if cs.diagrams.is_empty() {
            let _ = writeln!(out, "    no diagram linked or embedded");
        }
        for d in &cs.diagrams {
            let _ = writeln!(
                out,
                "    {} ({}; from {}:{})",
                one_line(&d.path),
                one_line(&reading_text(d)),
                one_line(&d.from),
                d.line
            );
            let _ = writeln!(out, "      {}", one_line(&shows_text(d)));
            if !d.features.services.is_empty() {
                let _ = writeln!(out, "      services: {}", d.features.services.join(", "));
            }
        }
    }
}

/// The width of the label column.
fn label_width(matrix: &Matrix) -> usize {
    WIDTH
        .saturating_sub(CELL * (matrix.case_studies.len() + 1))
        .max(MIN_LABEL)
}

fn header(out: &mut String, matrix: &Matrix, p: &Painter) {
    let programs = if matrix.programs.is_empty() {
        "no program".to_string()
    } else {
        matrix.programs.join(", ")
    };
    let _ = writeln!(
        out,
        "{} {programs}, as of {}",
        p.bold("Readiness matrix:"),
        matrix.as_of
    );
    for (i, cs) in matrix.case_studies.iter().enumerate() {
        let customer = cs
            .customer
            .as_deref()
            .map(|c| format!(" ({})", one_line(c)))
            .unwrap_or_default();
        let line = format!("  [{}] {}{customer}", i + 1, one_line(&cs.id));
        let _ = writeln!(out, "{}", truncate(&line, WIDTH));
    }
    let _ = writeln!(out, "  [P] practice documents");
    let _ = writeln!(
        out,
        "  {} met  {} missing  {} waived  {} suppressed  {} n/a  {} not assessed in this column",
        p.met("✓"),
        p.missing("✗"),
        p.waived("W"),
        p.suppressed("S"),
        p.na("–"),
        p.na("·")
    );
}

fn table(out: &mut String, matrix: &Matrix, p: &Painter) {
    let label = label_width(matrix);
    let mut head = pad_right("Control / item", label);
    for i in 0..matrix.case_studies.len() {
        head.push_str(&pad_left(&format!("[{}]", i + 1), CELL));
    }
    head.push_str(&pad_left("[P]", CELL));
    let _ = writeln!(out, "\n{}", p.bold(head.trim_end()));
    let item_width = matrix
        .rows
        .iter()
        .map(|r| r.item.chars().count())
        .max()
        .unwrap_or(0)
        .min(MAX_ITEM);
    let mut last: Option<(&str, &str)> = None;
    for row in &matrix.rows {
        if matrix.programs.len() > 1 && last.is_none_or(|(prog, _)| prog != row.program) {
            let _ = writeln!(out, "{}", p.bold(&format!("── {} ──", row.program)));
        }
        if last.is_none_or(|(_, control)| control != row.control) {
            let title = truncate(
                &format!("{}  {}", row.control, one_line(&row.title)),
                label + CELL * matrix.case_studies.len(),
            );
            let _ = writeln!(out, "{}", p.bold(&title));
        }
        last = Some((&row.program, &row.control));
        let _ = writeln!(out, "{}", item_line(row, label, item_width, p).trim_end());
    }
    totals(out, matrix, label, p);
}

fn item_line(row: &Row, label: usize, item_width: usize, p: &Painter) -> String {
    let text = format!(
        "  {} {}",
        pad_right(&row.item, item_width),
        one_line(&row.what)
    );
    let mut line = pad_right(&text, label);
    for cell in &row.cells {
        let (symbol, painted) = symbol(cell.as_ref(), p);
        line.push_str(&" ".repeat(CELL - 1 - symbol.chars().count()));
        line.push_str(&painted);
        line.push(' ');
    }
    line
}

fn symbol(cell: Option<&Status>, p: &Painter) -> (&'static str, String) {
    match cell {
        None => ("·", p.na("·")),
        Some(Status::Met(_)) => ("✓", p.met("✓")),
        Some(Status::Missing) => ("✗", p.missing("✗")),
        Some(Status::Waived(_)) => ("W", p.waived("W")),
        Some(Status::Silenced(s)) if s.kind == SilenceKind::Waiver => ("W", p.waived("W")),
        Some(Status::Silenced(_)) => ("S", p.suppressed("S")),
        Some(Status::NotApplicable) => ("–", p.na("–")),
    }
}

fn totals(out: &mut String, matrix: &Matrix, label: usize, p: &Painter) {
    let totals = matrix.totals();
    let mut met = pad_right("Met / applicable", label);
    let mut waived = pad_right("Waived", label);
    let mut suppressed = pad_right("Suppressed", label);
    for total in &totals {
        met.push_str(&pad_left(&total.ratio(), CELL));
        waived.push_str(&pad_left(&total.waived.to_string(), CELL));
        suppressed.push_str(&pad_left(&total.suppressed.to_string(), CELL));
    }
    let _ = writeln!(out, "{}", p.bold(met.trim_end()));
    if totals.iter().any(|t| t.waived > 0) {
        let _ = writeln!(out, "{}", waived.trim_end());
    }
    if totals.iter().any(|t| t.suppressed > 0) {
        let _ = writeln!(out, "{}", suppressed.trim_end());
    }
}

fn evidence(out: &mut String, matrix: &Matrix, p: &Painter) {
    let keys = matrix.column_keys();
    let mut met = Vec::new();
    let mut waived = Tally::default();
    let mut suppressed = Tally::default();
    for row in &matrix.rows {
        for (column, cell) in row.cells.iter().enumerate() {
            let tag = column_tag(matrix, column, keys[column]);
            match cell {
                Some(Status::Met(paths)) => met.push(format!(
                    "  {} {} {tag}: {}",
                    p.met("✓"),
                    row.code(),
                    one_line(&paths.join(", "))
                )),
                Some(Status::Waived(reason)) => {
                    waived.add(format!("  {} {tag}: {}", p.waived("W"), one_line(reason)));
                }
                Some(Status::Silenced(s)) if s.kind == SilenceKind::Waiver => {
                    let reason = format!("waiver in evidencelint.yaml: {}", s.reason);
                    waived.add(format!("  {} {tag}: {}", p.waived("W"), one_line(&reason)));
                }
                Some(Status::Silenced(s)) => {
                    let reason = if s.reason.is_empty() {
                        "no reason given"
                    } else {
                        &s.reason
                    };
                    let line = format!("  {} {tag}: {}", p.suppressed("S"), one_line(reason));
                    suppressed.add(line);
                }
                _ => {}
            }
        }
    }
    if !met.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Evidence"));
        met.iter().for_each(|line| {
            let _ = writeln!(out, "{line}");
        });
    }
    waived.write(out, &p.bold("Waived"));
    suppressed.write(out, &p.bold("Suppressed inline (evidence missing)"));
}

/// Lines counted by how many items share them, in first-seen order.
#[derive(Default)]
struct Tally(Vec<(String, usize)>);

impl Tally {
    fn add(&mut self, line: String) {
        match self.0.iter_mut().find(|(l, _)| *l == line) {
            Some((_, n)) => *n += 1,
            None => self.0.push((line, 1)),
        }
    }

    fn write(&self, out: &mut String, title: &str) {
        if self.0.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n{title}");
        for (line, n) in &self.0 {
            let items = if *n == 1 { "item" } else { "items" };
            let _ = writeln!(out, "{line} ({n} {items})");
        }
    }
}

fn column_tag(matrix: &Matrix, column: usize, key: &str) -> String {
    if column == matrix.case_studies.len() {
        "[P] practice".to_string()
    } else {
        format!("[{}] {}", column + 1, one_line(key))
    }
}

/// ANSI colouring, or none.
struct Painter(bool);

impl Painter {
    fn paint(&self, text: &str, code: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, text: &str) -> String {
        self.paint(text, "1")
    }
    fn met(&self, text: &str) -> String {
        self.paint(text, "32")
    }
    fn missing(&self, text: &str) -> String {
        self.paint(text, "31")
    }
    fn waived(&self, text: &str) -> String {
        self.paint(text, "33")
    }
    fn suppressed(&self, text: &str) -> String {
        self.paint(text, "35")
    }
    fn na(&self, text: &str) -> String {
        self.paint(text, "2")
    }
}
