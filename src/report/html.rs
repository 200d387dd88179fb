//! `report --format html`: one self-contained page (inline CSS and a small inline script, no
//! external assets, works offline) with the matrix sortable by column and filterable by status
//! and text. Every value from the repository is HTML-escaped; links are forced relative (`./`).

use std::fmt::Write;

use super::diagrams::{COLUMNS, fields};
use super::text::one_line;
use super::{Matrix, Row};
use crate::evaluate::cells::{Silence, SilenceKind, Status};

/// The page's only script: sorting on header click, filtering by status and text.
pub const SCRIPT: &str = r#"(function () {
  var table = document.getElementById("matrix");
  var body = table.tBodies[0];
  var status = document.getElementById("status");
  var text = document.getElementById("text");
  var count = document.getElementById("count");
  function filter() {
    var want = status.value, needle = text.value.toLowerCase(), shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!want || row.getAttribute("data-statuses").split(" ").indexOf(want) >= 0) &&
        (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + " of " + body.rows.length + " items";
  }
  function key(row, col) {
    var cell = row.cells[col];
    return col === 0 ? Number(row.getAttribute("data-order")) : cell.getAttribute("data-sort") || cell.textContent;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, col), y = key(b, col);
        return (x < y ? -1 : x > y ? 1 : Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"))) * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  status.addEventListener("change", filter);
  text.addEventListener("input", filter);
  filter();
})();"#;

const STYLE: &str = "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}\
h1{font-size:1.4em}table{border-collapse:collapse;width:100%}\
th,td{border:1px solid #d0d0d5;padding:4px 6px;vertical-align:top;text-align:left}\
thead th{background:#f2f2f5;cursor:pointer;position:sticky;top:0}\
thead th[aria-sort=ascending]::after{content:' \\25B2'}thead th[aria-sort=descending]::after{content:' \\25BC'}\
.title{color:#555;font-size:.9em}code{font-size:.9em}\
td.met{background:#e3f5e1}td.missing{background:#fbe3e1}td.waived{background:#fdf0d5}td.suppressed{background:#ece4f7}\
td.na{background:#eeeeee;color:#666}td.none{color:#aaa}tfoot th,tfoot td{font-weight:bold}\
.filters{margin:1em 0}h2{font-size:1.2em;margin-top:2em}#diagrams tr.missing td,#diagrams tr.unreadable td,#diagrams tr.not-an-image td{background:#fbe3e1}#diagrams tr.unverifiable td{background:#fdf0d5}.filters label{margin-right:1.5em}";

/// Renders the matrix as one HTML page.
pub fn render(matrix: &Matrix) -> String {
    let mut out = String::new();
    let programs = if matrix.programs.is_empty() {
        "no program".to_string()
    } else {
        matrix.programs.join(", ")
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Readiness matrix: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Readiness matrix</h1>\n<p>Programs: {}. As of {}.</p>\n",
        escape(&programs),
        escape(&programs),
        escape(&matrix.as_of)
    );
    filters(&mut out);
    table(&mut out, matrix);
    diagrams(&mut out, matrix);
    let _ = write!(out, "<script>\n{SCRIPT}\n</script>\n</body>\n</html>\n");
    out
}

fn filters(out: &mut String) {
    out.push_str(
        "<div class=\"filters\"><label>Status <select id=\"status\"><option value=\"\">any</option>\
         <option value=\"met\">met</option><option value=\"missing\">missing</option>\
         <option value=\"waived\">waived</option><option value=\"suppressed\">suppressed</option><option value=\"na\">n/a</option></select></label>\
         <label>Text <input id=\"text\" type=\"search\" placeholder=\"control, item, path…\"></label>\
         <span id=\"count\"></span></div>\n",
    );
}

fn table(out: &mut String, matrix: &Matrix) {
    out.push_str("<table id=\"matrix\">\n<thead><tr><th>Control</th><th>Item</th>");
    for cs in &matrix.case_studies {
        let customer = cs
            .customer
            .as_deref()
            .map(|c| format!("<div class=\"title\">{}</div>", escape(c)))
            .unwrap_or_default();
        let _ = write!(out, "<th>{}{customer}</th>", escape(&cs.id));
    }
    out.push_str("<th>practice</th></tr></thead>\n<tbody>\n");
    for (order, row) in matrix.rows.iter().enumerate() {
        row_html(out, row, order);
    }
    out.push_str("</tbody>\n<tfoot><tr><th>Met / applicable</th><th></th>");
    for total in matrix.totals() {
        let extra = super::markdown::total_extra(&total);
        let _ = write!(out, "<td>{}{extra}</td>", total.ratio());
    }
    out.push_str("</tr></tfoot>\n</table>\n");
}

/// What each case study's diagrams show: a second, static table.
fn diagrams(out: &mut String, matrix: &Matrix) {
    if matrix.diagrams.is_empty() {
        return;
    }
    out.push_str(
        "<h2>Architecture diagrams</h2>\n<table id=\"diagrams\">\n<thead><tr><th>Case study</th>",
    );
    for title in COLUMNS {
        let _ = write!(out, "<th>{title}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for cs in &matrix.diagrams {
        if cs.diagrams.is_empty() {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td colspan=\"{}\">no diagram linked or embedded</td></tr>",
                escape(&cs.id),
                COLUMNS.len()
            );
        }
        for d in &cs.diagrams {
            let [path, rest @ ..] = fields(d);
            let _ = write!(
                out,
                "<tr class=\"{}\"><td>{}</td><td><a href=\"./{}\">{}</a></td>",
                d.reading.as_str(),
                escape(&cs.id),
                escape(&encode_path(&path)),
                escape(&path)
            );
            for field in rest {
                let _ = write!(out, "<td>{}</td>", escape(&field));
            }
            out.push_str("</tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn row_html(out: &mut String, row: &Row, order: usize) {
    let mut statuses: Vec<&str> = row.cells.iter().flatten().map(class).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let _ = write!(
        out,
        "<tr data-order=\"{order}\" data-statuses=\"{}\"><td>{}<div class=\"title\">{}</div></td><td><code>{}</code> {}</td>",
        statuses.join(" "),
        escape(&row.control),
        escape(&row.title),
        escape(&row.item),
        escape(&row.what)
    );
    for cell in &row.cells {
        cell_html(out, cell.as_ref());
    }
    out.push_str("</tr>\n");
}

fn class(status: &Status) -> &'static str {
    match status {
        Status::Met(_) => "met",
        Status::Missing => "missing",
        Status::Waived(_) => "waived",
        Status::Silenced(s) if s.kind == SilenceKind::Waiver => "waived",
        Status::Silenced(_) => "suppressed",
        Status::NotApplicable => "na",
    }
}

fn cell_html(out: &mut String, cell: Option<&Status>) {
    let Some(status) = cell else {
        out.push_str("<td class=\"none\" data-sort=\"6\">—</td>");
        return;
    };
    let sort = match status {
        Status::Missing => 1,
        Status::Silenced(s) if s.kind == SilenceKind::Inline => 2,
        Status::Waived(_) | Status::Silenced(_) => 3,
        Status::Met(_) => 4,
        Status::NotApplicable => 5,
    };
    let _ = write!(
        out,
        "<td class=\"{}\" data-sort=\"{sort}\">{}",
        class(status),
        status.as_str()
    );
    match status {
        Status::Met(paths) => {
            for path in paths {
                let name = path.rsplit('/').next().unwrap_or(path);
                let _ = write!(
                    out,
                    "<br><a href=\"./{}\" title=\"{}\">{}</a>",
                    escape(&encode_path(path)),
                    escape(path),
                    escape(name)
                );
            }
        }
        Status::Waived(reason) => {
            let _ = write!(out, "<div class=\"title\">{}</div>", escape(reason));
        }
        Status::Silenced(silence) => {
            let _ = write!(
                out,
                "<div class=\"title\">{}</div>",
                escape(&silence_note(silence))
            );
        }
        _ => {}
    }
    out.push_str("</td>");
}

/// `evidencelint.yaml: reason` for a waiver, `inline: reason` for a suppression.
fn silence_note(silence: &Silence) -> String {
    let by = match silence.kind {
        SilenceKind::Waiver => "waiver in evidencelint.yaml",
        SilenceKind::Inline => "suppressed inline",
    };
    if silence.reason.is_empty() {
        format!("{by}, no reason given")
    } else {
        format!("{by}: {}", silence.reason)
    }
}

/// Percent-encodes a relative path for an `href` (keeps `/`, letters, digits, `-._~`).
fn encode_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn hrefs_are_relative_and_encoded() {
        assert_eq!(
            encode_path("javascript:alert(1).md"),
            "javascript%3Aalert%281%29.md"
        );
        assert_eq!(encode_path("a b/ü.md"), "a%20b/%C3%BC.md");
    }
}
