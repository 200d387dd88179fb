//! `report --format xlsx`: the self-assessment workbook (rust_xlsxwriter). A `Summary` sheet
//! (per control and column: status; per column: met / applicable) and one sheet per case study
//! listing every evidence item (practice items with the practice status) and, below, what each
//! architecture diagram of the case study shows, with the checklist
//! text of each control as a note on its first row. Header rows are frozen, status cells
//! coloured (met green, missing red, waived amber, suppressed lavender, n/a grey).

use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Note, Workbook, Worksheet, XlsxError};

use super::diagrams::{COLUMNS, CaseStudyDiagramsView, fields};
use super::text::one_line;
use super::{Matrix, PRACTICE, Row, RowScope};
use crate::evaluate::cells::{SilenceKind, Status};

/// The name of the summary sheet.
pub const SUMMARY: &str = "Summary";
/// Excel's limit on sheet name length.
const MAX_SHEET_NAME: usize = 31;
/// Excel's limit on the text of one cell.
const MAX_CELL: usize = 32_767;
/// Widest column, in characters.
const MAX_WIDTH: usize = 60;

/// Writes the workbook to `path`.
pub fn write(matrix: &Matrix, path: &Path) -> Result<(), String> {
    let mut workbook = build(matrix).map_err(|e| e.to_string())?;
    workbook.save(path).map_err(|e| e.to_string())
}

/// Builds the workbook in memory.
pub fn build(matrix: &Matrix) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let names = sheet_names(matrix.case_studies.iter().map(|c| c.id.as_str()));
    summary(workbook.add_worksheet(), matrix, &names, &formats)?;
    for (column, name) in names.iter().enumerate() {
        case_study_sheet(workbook.add_worksheet(), matrix, column, name, &formats)?;
    }
    Ok(workbook)
}

/// Sheet names for case study ids: characters Excel forbids (`[]:*?/\`) replaced by `_`, cut
/// to 31 characters, leading/trailing apostrophes dropped, and made unique (ignoring case, and
/// distinct from `Summary` and the reserved `History`) with a `~2`, `~3`… suffix.
pub fn sheet_names<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut taken: Vec<String> = vec![SUMMARY.to_lowercase(), "history".to_string()];
    let mut names = Vec::new();
    for id in ids {
        let base = sanitize(id);
        let mut name = base.clone();
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            let suffix = format!("~{n}");
            let keep = MAX_SHEET_NAME - suffix.chars().count();
            name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
            n += 1;
        }
        taken.push(name.to_lowercase());
        names.push(name);
    }
    names
}

fn sanitize(id: &str) -> String {
    let clean: String = one_line(id)
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let cut: String = clean.chars().take(MAX_SHEET_NAME).collect();
    let cut = cut.trim_end_matches('\'').to_string();
    if cut.is_empty() {
        "case study".to_string()
    } else {
        cut
    }
}

/// The cell formats.
struct Formats {
    title: Format,
    header: Format,
    wrap: Format,
    met: Format,
    missing: Format,
    waived: Format,
    suppressed: Format,
    na: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        let status = |bg: u32, fg: u32| {
            cell.clone()
                .set_background_color(Color::RGB(bg))
                .set_font_color(Color::RGB(fg))
                .set_bold()
        };
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_text_wrap(),
            wrap: cell.clone(),
            met: status(0xC6EFCE, 0x006100),
            missing: status(0xFFC7CE, 0x9C0006),
            waived: status(0xFFEB9C, 0x9C5700),
            suppressed: status(0xE4DCF2, 0x5B3A8C),
            na: status(0xD9D9D9, 0x595959),
        }
    }

    fn status(&self, status: &Status) -> &Format {
        match status {
            Status::Met(_) => &self.met,
            Status::Missing => &self.missing,
            Status::Waived(_) => &self.waived,
            Status::Silenced(s) if s.kind == SilenceKind::Waiver => &self.waived,
            Status::Silenced(_) => &self.suppressed,
            Status::NotApplicable => &self.na,
        }
    }
}

/// Tracks the widest text per column, to size the columns afterwards.
struct Widths(Vec<usize>);

impl Widths {
    fn see(&mut self, column: u16, text: &str) {
        let column = usize::from(column);
        if self.0.len() <= column {
            self.0.resize(column + 1, 8);
        }
        let longest = text.lines().map(super::text::width).max().unwrap_or(0);
        self.0[column] = self.0[column].max(longest + 2).min(MAX_WIDTH);
    }

    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (column, width) in self.0.iter().enumerate() {
            sheet.set_column_width(column as u16, *width as f64)?;
        }
        Ok(())
    }
}

fn put(
    sheet: &mut Worksheet,
    widths: &mut Widths,
    at: (u32, u16),
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let text: String = text.chars().take(MAX_CELL).collect();
    widths.see(at.1, &text);
    sheet.write_string_with_format(at.0, at.1, text, format)?;
    Ok(())
}

fn summary(
    sheet: &mut Worksheet,
    matrix: &Matrix,
    names: &[String],
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SUMMARY)?;
    let mut widths = Widths(Vec::new());
    let programs = if matrix.programs.is_empty() {
        "no program".to_string()
    } else {
        matrix.programs.join(", ")
    };
    sheet.write_string_with_format(
        0,
        0,
        format!("Self-assessment: {programs}, as of {}", matrix.as_of),
        &f.title,
    )?;
    let keys = matrix.column_keys();
    let mut header = vec![
        "Program".to_string(),
        "Control".to_string(),
        "Title".to_string(),
    ];
    header.extend(keys.iter().map(|k| k.to_string()));
    for (c, text) in header.iter().enumerate() {
        put(sheet, &mut widths, (1, c as u16), text, &f.header)?;
    }
    let mut r = 2;
    for (control, title, rows) in matrix.controls() {
        put(
            sheet,
            &mut widths,
            (r, 0),
            &matrix.rows[rows[0]].program,
            &f.wrap,
        )?;
        put(sheet, &mut widths, (r, 1), control, &f.wrap)?;
        put(sheet, &mut widths, (r, 2), &one_line(title), &f.wrap)?;
        for column in 0..keys.len() {
            match matrix.control_status(&rows, column) {
                Some(s) => put(
                    sheet,
                    &mut widths,
                    (r, 3 + column as u16),
                    s.as_str(),
                    f.status(&s),
                )?,
                None => put(sheet, &mut widths, (r, 3 + column as u16), "—", &f.wrap)?,
            }
        }
        r += 1;
    }
    totals(sheet, &mut widths, matrix, r + 1, f)?;
    sheets_legend(sheet, &mut widths, matrix, names, r + 7, f)?;
    sheet.set_freeze_panes(2, 3)?;
    widths.apply(sheet)
}

fn totals(
    sheet: &mut Worksheet,
    widths: &mut Widths,
    matrix: &Matrix,
    r: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    let labels = [
        "Items met / applicable",
        "Items met",
        "Items waived",
        "Items missing",
        "Items suppressed",
    ];
    for (i, label) in labels.iter().enumerate() {
        put(sheet, widths, (r + i as u32, 2), label, &f.header)?;
    }
    for (column, total) in matrix.totals().iter().enumerate() {
        let c = 3 + column as u16;
        put(sheet, widths, (r, c), &total.ratio(), &f.header)?;
        for (i, n) in [total.met, total.waived, total.missing, total.suppressed]
            .iter()
            .enumerate()
        {
            sheet.write_number_with_format(r + 1 + i as u32, c, *n as f64, &f.wrap)?;
        }
    }
    Ok(())
}

fn sheets_legend(
    sheet: &mut Worksheet,
    widths: &mut Widths,
    matrix: &Matrix,
    names: &[String],
    r: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, text) in ["Case study", "Customer", "Sheet"].iter().enumerate() {
        put(sheet, widths, (r, c as u16), text, &f.header)?;
    }
    for (i, (cs, name)) in matrix.case_studies.iter().zip(names).enumerate() {
        let row = r + 1 + i as u32;
        put(sheet, widths, (row, 0), &cs.id, &f.wrap)?;
        put(
            sheet,
            widths,
            (row, 1),
            cs.customer.as_deref().unwrap_or(""),
            &f.wrap,
        )?;
        put(sheet, widths, (row, 2), name, &f.wrap)?;
    }
    Ok(())
}

/// Header of a case study sheet.
pub const CASE_STUDY_HEADER: [&str; 6] = [
    "Control",
    "Item",
    "Requirement",
    "Status",
    "Evidence",
    "Notes",
];

fn case_study_sheet(
    sheet: &mut Worksheet,
    matrix: &Matrix,
    column: usize,
    name: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let cs = &matrix.case_studies[column];
    let mut widths = Widths(Vec::new());
    let customer = cs
        .customer
        .as_deref()
        .map(|c| format!(" ({})", one_line(c)))
        .unwrap_or_default();
    let total = matrix.totals()[column];
    let title = format!(
        "Case study {}{customer}: {} items met of {} applicable",
        one_line(&cs.id),
        total.met,
        total.applicable()
    );
    sheet.write_string_with_format(
        0,
        0,
        title.chars().take(MAX_CELL).collect::<String>(),
        &f.title,
    )?;
    for (c, text) in CASE_STUDY_HEADER.iter().enumerate() {
        put(sheet, &mut widths, (1, c as u16), text, &f.header)?;
    }
    let mut r = 2;
    let mut last_control = None;
    for row in &matrix.rows {
        let cell = match row.scope {
            RowScope::CaseStudy => row.cells[column].as_ref(),
            RowScope::Practice => row.practice(),
        };
        let Some(status) = cell else { continue };
        let first = last_control != Some((&row.program, &row.control));
        last_control = Some((&row.program, &row.control));
        item_row(sheet, &mut widths, r, row, status, f)?;
        if first {
            let note = format!(
                "{} {}\n\n{}",
                row.control,
                one_line(&row.title),
                row.control_text
            );
            sheet.insert_note(
                r,
                0,
                &Note::new(note.chars().take(MAX_CELL).collect::<String>())
                    .set_width(480)
                    .set_height(300),
            )?;
        }
        r += 1;
    }
    if let Some(cs) = matrix.diagrams.get(column) {
        diagrams_block(sheet, &mut widths, r + 1, cs, f)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    widths.apply(sheet)
}

/// Title of the block of diagrams below a case study's items.
pub const DIAGRAMS_TITLE: &str = "Architecture diagrams: what each one was found to show";

/// Below the items, from row `r`: a title, a header, and one row per diagram.
fn diagrams_block(
    sheet: &mut Worksheet,
    widths: &mut Widths,
    r: u32,
    cs: &CaseStudyDiagramsView,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(r, 0, DIAGRAMS_TITLE, &f.title)?;
    for (c, text) in COLUMNS.iter().enumerate() {
        put(sheet, widths, (r + 1, c as u16), text, &f.header)?;
    }
    if cs.diagrams.is_empty() {
        put(
            sheet,
            widths,
            (r + 2, 0),
            "no diagram linked or embedded",
            &f.wrap,
        )?;
    }
    for (i, d) in cs.diagrams.iter().enumerate() {
        for (c, text) in fields(d).iter().enumerate() {
            put(sheet, widths, (r + 2 + i as u32, c as u16), text, &f.wrap)?;
        }
    }
    Ok(())
}

fn item_row(
    sheet: &mut Worksheet,
    widths: &mut Widths,
    r: u32,
    row: &Row,
    status: &Status,
    f: &Formats,
) -> Result<(), XlsxError> {
    put(
        sheet,
        widths,
        (r, 0),
        &format!("{} {}", row.control, one_line(&row.title)),
        &f.wrap,
    )?;
    put(sheet, widths, (r, 1), &row.code(), &f.wrap)?;
    put(sheet, widths, (r, 2), &one_line(&row.what), &f.wrap)?;
    put(sheet, widths, (r, 3), status.as_str(), f.status(status))?;
    let evidence = match status {
        Status::Met(paths) => paths.join("\n"),
        _ => String::new(),
    };
    put(sheet, widths, (r, 4), &evidence, &f.wrap)?;
    put(sheet, widths, (r, 5), &notes(row, status), &f.wrap)?;
    Ok(())
}

/// The Notes column: what to write for a missing item, the reason of a waiver, and whether
/// the evidence is the practice's.
fn notes(row: &Row, status: &Status) -> String {
    let mut parts = Vec::new();
    if row.scope == RowScope::Practice {
        parts.push(format!("Practice-level evidence (the {PRACTICE} column)."));
    }
    match status {
        Status::Missing => parts.push(format!("To do: {}.", one_line(&row.help))),
        Status::Waived(reason) => parts.push(one_line(reason)),
        Status::Silenced(s) if s.kind == SilenceKind::Waiver => parts.push(format!(
            "Waived in evidencelint.yaml: {}. To do: {}.",
            one_line(&s.reason),
            one_line(&row.help)
        )),
        Status::Silenced(s) => parts.push(format!(
            "Suppressed inline: {}. To do: {}.",
            if s.reason.is_empty() {
                "no reason given".to_string()
            } else {
                one_line(&s.reason)
            },
            one_line(&row.help)
        )),
        _ => {}
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let ids = [
            "a/b:c",
            "summary",
            "x".repeat(40).as_str(),
            &"x".repeat(35),
            "'quoted'",
            "[]",
            "A/B:C",
        ]
        .map(str::to_string);
        let names = sheet_names(ids.iter().map(String::as_str));
        assert_eq!(names[0], "a_b_c");
        assert_eq!(names[1], "summary~2");
        assert_eq!(names[2], "x".repeat(31));
        assert_eq!(names[3], format!("{}~2", "x".repeat(29)));
        assert_eq!(names[4], "quoted");
        assert_eq!(names[5], "__");
        assert_eq!(names[6], "A_B_C~2");
        for name in &names {
            assert!(
                name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            );
        }
    }
}
