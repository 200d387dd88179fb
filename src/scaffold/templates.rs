//! The texts `init` writes, generated from the pack. Instructions and examples live in HTML
//! comments and `> TODO:` blockquotes, which are placeholders, never evidence.

use std::fmt::Write;

use jiff::ToSpan;
use jiff::civil::Date;

use super::{EXAMPLE_DIR, File};
use crate::packs::{Control, Item, Pack, Scope};

/// The customer of the example case study.
pub const EXAMPLE_CUSTOMER: &str = "Example Customer (replace)";

/// `evidencelint.yaml`.
pub fn config(pack: &Pack) -> String {
    format!(
        "# evidencelint configuration (all keys optional). See `evidencelint --help`.\n\
         # The checklist program(s) this repository is evidence for:\n\
         programs: [{}]\n\
         # Judge recency and validity against a fixed date instead of today:\n\
         # as-of: 2026-01-15\n\
         # Leave folders out:\n\
         # exclude: [\"drafts/**\"]\n",
        pack.program
    )
}

/// A YAML double-quoted scalar.
fn quoted(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "\"{}\"",
        one_line.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

/// Text made safe inside an HTML comment (no `--`, no `>` right after a dash).
fn comment_safe(text: &str) -> String {
    let mut out = text.split_whitespace().collect::<Vec<_>>().join(" ");
    while out.contains("--") {
        out = out.replace("--", "- -");
    }
    out.replace("->", "- >")
}

/// The example case study's own file: every key filled with a valid placeholder value.
pub fn case_study(pack: &Pack, today: Date) -> String {
    let start = today.checked_sub(6.months()).unwrap_or(today);
    let end = today.checked_sub(1.month()).unwrap_or(today);
    let engine = pack
        .case_studies
        .engines
        .first()
        .map_or("rds-postgresql", |e| e.as_str());
    let status = pack
        .case_studies
        .statuses
        .first()
        .map_or("production", String::as_str);
    format!(
        "---\n\
         kind: case-study\n\
         # The folder name is the id (`example`); rename the folder, or set `id:`.\n\
         customer: {EXAMPLE_CUSTOMER}\n\
         engine: {engine}  # one of: {}\n\
         status: {status}\n\
         start: {start}\n\
         end: {end}    # go-live or completion\n\
         management: customer-managed  # or partner-managed\n\
         project: migration  # or existing-architecture, new-application\n\
         visibility: private  # or public, anonymized\n\
         affiliate: false\n\
         programs: [{}]\n\
         ---\n\
         # Example case study\n\n\
         <!-- Replace the values above with one real customer engagement, and copy this folder\n\
         for each further case study. {} needs {} case studies per engine. -->\n\n\
         > TODO: describe the customer, their problem and the solution in a few paragraphs.\n\n\
         Each control of the checklist has its own page in this folder; see the README.\n",
        pack.case_studies
            .engines
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        pack.program,
        pack.program,
        pack.case_studies.per_engine_minimum,
    )
}

fn is_case_study_item(item: &Item) -> bool {
    matches!(
        item.scope,
        Scope::EachCaseStudy | Scope::AtLeastOneCaseStudy
    )
}

/// The evidence page of a control for the example case study, when it has case-study items.
pub fn case_study_page(pack: &Pack, control: &Control) -> Option<String> {
    let items: Vec<&Item> = control
        .items
        .iter()
        .filter(|i| is_case_study_item(i))
        .collect();
    if items.is_empty() {
        return None;
    }
    let intro = "Evidence of this control for the example case study. Replace each TODO blockquote \
                 with this customer's own evidence, in your words; the examples in comments show \
                 what is accepted. Placeholders are not evidence: `evidencelint check` reports each \
                 item as missing until it is written.";
    Some(page("evidence", pack, control, &items, intro))
}

/// The practice SOP page of a control, when it has practice items.
pub fn practice_page(pack: &Pack, control: &Control) -> Option<String> {
    let items: Vec<&Item> = control
        .items
        .iter()
        .filter(|i| i.scope == Scope::Practice)
        .collect();
    if items.is_empty() {
        return None;
    }
    let intro = "The partner's standard operating procedure for this control, valid for every \
                 customer. Replace each TODO blockquote with your own procedure; the examples in \
                 comments show what is accepted. Placeholders are not evidence: `evidencelint \
                 check` reports each item as missing until it is written.";
    Some(page("practice", pack, control, &items, intro))
}

fn page(kind: &str, pack: &Pack, control: &Control, items: &[&Item], intro: &str) -> String {
    let mut out = format!(
        "---\nkind: {kind}\ntitle: {}\ncontrols: [{}]\n---\n# {}\n\n<!-- {} `evidencelint explain {}` prints the checklist text of {} ({}). -->\n",
        quoted(&format!("{}: {}", control.id, control.title)),
        control.id,
        control.id,
        comment_safe(intro),
        control.id,
        control.id,
        comment_safe(&pack.title),
    );
    for item in items {
        item_section(&mut out, control, item);
    }
    out
}

fn item_section(out: &mut String, control: &Control, item: &Item) {
    let _ = write!(
        out,
        "\n## {}\n\n> TODO: {}\n\n<!-- {}: {}.",
        item.code,
        comment_safe(&item.help),
        item.code,
        comment_safe(&item.what)
    );
    let condition = if item.applies_when.is_empty() {
        &control.applies_when
    } else {
        &item.applies_when
    };
    if !condition.is_empty() {
        let _ = write!(
            out,
            " Applies only to case studies with {}.",
            comment_safe(&condition.describe())
        );
    }
    if item.scope == Scope::AtLeastOneCaseStudy {
        out.push_str(" One case study of the application is enough.");
    }
    let _ = writeln!(
        out,
        "\nExample of acceptable evidence:\n{}\n-->",
        comment_safe(&item.example)
    );
}

/// `README.md`: the layout, and what to do next.
pub fn readme(pack: &Pack, files: &[File]) -> String {
    let mut out = format!(
        "# Evidence repository: {}\n\n\
         Evidence for the {} ({}), checked by `evidencelint`.\n\n\
         ## Layout\n\n\
         - `evidencelint.yaml`: the configuration (the program in force).\n\
         - `{EXAMPLE_DIR}/`: one case study. `case-study.md` holds its front matter (customer,\n  \
         engine, status, dates, management, project); every other page is the evidence of one\n  \
         control for that case study. Copy the folder for each customer engagement.\n\
         - `practice/`: the partner's SOPs, one page per practice-level control.\n\n\
         Every template states what to write in place of its `> TODO:` placeholders, with an\n\
         example in an HTML comment. Placeholders are not evidence.\n\n\
         ## Next steps\n\n\
         ```sh\n\
         evidencelint check      # what is still missing, and where\n\
         evidencelint report     # the readiness matrix: controls x case studies\n\
         evidencelint explain {} # the checklist text of a control\n\
         ```\n\n\
         Right after `init`, `check` reports the evidence items as missing, plus\n\
         `case-study/too-few`: the checklist needs {} case studies per engine and the\n\
         example is one.\n\n\
         ## Pages\n\n",
        pack.program,
        pack.title,
        pack.version,
        pack.controls.first().map_or("CONTROL", |c| c.id.as_str()),
        pack.case_studies.per_engine_minimum,
    );
    for file in files.iter().filter(|f| f.path.ends_with(".md")) {
        let _ = writeln!(out, "- [{}]({})", file.path, file.path);
    }
    out
}
