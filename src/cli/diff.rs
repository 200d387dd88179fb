//! `evidencelint controls --diff OLD NEW`: what changed between two programs' controls, so a
//! partner knows what to add when a checklist is renewed.

use std::fmt::Write;

use crate::packs::{Control, Item, Pack};

/// The difference between two packs as text.
pub fn diff(old: &Pack, new: &Pack) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", old.program, new.program);
    let mut changes = 0;
    for control in &new.controls {
        match old.control(&control.id) {
            None => {
                changes += 1;
                let _ = writeln!(out, "\n+ {} {} (new control)", control.id, control.title);
                for item in &control.items {
                    let _ = writeln!(out, "    + {} — {}", item.code, item.what);
                }
            }
            Some(before) => changes += diff_control(&mut out, before, control),
        }
    }
    for control in old.controls.iter().filter(|c| new.control(&c.id).is_none()) {
        changes += 1;
        let _ = writeln!(out, "\n- {} {} (removed)", control.id, control.title);
    }
    if changes == 0 {
        let _ = writeln!(out, "\nno changes to controls or evidence items");
    }
    out
}

fn diff_control(out: &mut String, old: &Control, new: &Control) -> usize {
    let mut lines = Vec::new();
    if old.title != new.title {
        lines.push(format!(
            "    ~ title: \"{}\" → \"{}\"",
            old.title, new.title
        ));
    }
    if normalize(&old.text) != normalize(&new.text) {
        lines.push("    ~ checklist text changed (see `evidencelint explain`)".to_string());
    }
    if old.applies_when != new.applies_when {
        lines.push(format!(
            "    ~ applies when: \"{}\" → \"{}\"",
            old.applies_when.describe(),
            new.applies_when.describe()
        ));
    }
    for item in &new.items {
        match old.items.iter().find(|i| i.id == item.id) {
            None => lines.push(format!("    + {} — {}", item.code, item.what)),
            Some(before) => lines.extend(diff_item(before, item)),
        }
    }
    for item in old
        .items
        .iter()
        .filter(|i| !new.items.iter().any(|n| n.id == i.id))
    {
        lines.push(format!("    - {} — {}", item.code, item.what));
    }
    if !lines.is_empty() {
        let _ = writeln!(out, "\n~ {} {}", new.id, new.title);
        for line in &lines {
            let _ = writeln!(out, "{line}");
        }
    }
    lines.len()
}

fn diff_item(old: &Item, new: &Item) -> Option<String> {
    let mut what = Vec::new();
    if old.what != new.what {
        what.push(format!("\"{}\" → \"{}\"", old.what, new.what));
    }
    if old.scope != new.scope {
        what.push(format!("scope {:?} → {:?}", old.scope, new.scope));
    }
    if old.applies_when != new.applies_when {
        what.push(format!(
            "applies when \"{}\" → \"{}\"",
            old.applies_when.describe(),
            new.applies_when.describe()
        ));
    }
    if old.severity != new.severity {
        what.push(format!("severity {} → {}", old.severity, new.severity));
    }
    (!what.is_empty()).then(|| format!("    ~ {}: {}", new.code, what.join("; ")))
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
