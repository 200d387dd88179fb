//! `frontmatter/invalid-date`: a date key whose value is not a `YYYY-MM-DD` date.

use jiff::civil::Date;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::schema::{ValueType, key_spec};
use crate::model::values::DocKind;
use crate::parse::ParsedFile;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/invalid-date",
    severity: Severity::Error,
    summary: "a date in the front matter is not a valid YYYY-MM-DD date",
    explanation: "\
`start:` and `end:` of a case study must be calendar dates written `YYYY-MM-DD`: the 18-month
(RDS) and 24-month (Aurora) recency rules are judged on them. A date that does not exist
(`2025-02-30`), another format (`03/02/2025`, `Feb 2025`) or free text cannot be judged.

Example that triggers it:

    ---
    kind: case-study
    end: 2025-13-01
    ---

Fix: write the date as `YYYY-MM-DD`, e.g. `end: 2025-08-29`.",
};

/// Reports date keys that do not hold a valid date.
pub fn check(file: &ParsedFile, kind: DocKind, out: &mut Vec<Diagnostic>) {
    let Some(entries) = file.front_entries() else {
        return;
    };
    for (key, value) in entries {
        if key_spec(kind, &key.value).is_none_or(|s| s.value != ValueType::Date) {
            continue;
        }
        let text = value.value.as_scalar_text().unwrap_or_default();
        if text.trim().parse::<Date>().is_ok() && is_iso_shape(text.trim()) {
            continue;
        }
        let key = key.value.as_str();
        let text = text.trim();
        let mut diag =
            Diagnostic::error(INFO.code, format!("`{key}:` is not a valid date: `{text}`"))
                .at(file.node_location(value));
        diag = if let Some((year, month, day)) = iso_parts(text) {
            if !(1..=12).contains(&month) {
                let diag = diag.label(format!("there is no month {month}"));
                match Date::new(year, day, month) {
                    Ok(swapped) => diag.help(format!(
                        "dates are YYYY-MM-DD; did you mean `{key}: {swapped}`?"
                    )),
                    Err(_) => diag.help(format!("write the date as `{key}: YYYY-MM-DD`")),
                }
            } else {
                diag.label(format!("{year:04}-{month:02} has no day {day}"))
                    .help(format!("write an existing date as `{key}: YYYY-MM-DD`"))
            }
        } else if let Some((a, b, year)) = slashed(text) {
            let readings: Vec<String> = [(b, a), (a, b)]
                .into_iter()
                .filter(|&(m, d)| Date::new(year, m, d).is_ok())
                .map(|(m, d)| format!("`{key}: {year:04}-{m:02}-{d:02}`"))
                .collect();
            let label = "expected YYYY-MM-DD";
            match readings.as_slice() {
                [one] => diag.label(label).help(format!("write {one}")),
                [first, second] if first != second => diag
                    .label("ambiguous: day/month or month/day?")
                    .help(format!(
                        "write {first} (day first) or {second} (month first)"
                    )),
                _ => diag
                    .label(label)
                    .help(format!("write the date as `{key}: YYYY-MM-DD`")),
            }
        } else {
            diag.label("expected YYYY-MM-DD").help(format!(
                "write the date as `{key}: YYYY-MM-DD`, e.g. `{key}: 2025-08-29`"
            ))
        };
        out.push(diag);
    }
}

/// `a/b/yyyy` (or with `.` or `-`): the two numbers and the year.
fn slashed(text: &str) -> Option<(i8, i8, i16)> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?))
}

/// Year, month and day of a `YYYY-MM-DD`-shaped text.
fn iso_parts(text: &str) -> Option<(i16, i8, i8)> {
    if !is_iso_shape(text) {
        return None;
    }
    Some((
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    ))
}

fn is_iso_shape(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}
