//! Human output: rustc-style diagnostics rendered with `annotate-snippets`, then a summary.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::Summary;
use super::sources::Sources;
use crate::diagnostic::{Diagnostic, Severity};

/// Renders every diagnostic and the summary line.
pub fn render(
    diagnostics: &[Diagnostic],
    summary: &Summary,
    sources: &mut Sources,
    color: bool,
) -> String {
    let mut out = Vec::new();
    write(&mut out, diagnostics, summary, sources, color).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("rendered text is UTF-8")
}

/// Writes every diagnostic and the summary line to `out`, one diagnostic at a time.
pub fn write(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    summary: &Summary,
    sources: &mut Sources,
    color: bool,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    for diag in diagnostics {
        out.write_all(render_one(diag, sources, &renderer).as_bytes())?;
        out.write_all(b"\n\n")?;
    }
    out.write_all(summary_line(summary, &renderer).as_bytes())?;
    out.write_all(b"\n")
}

/// Renders only the summary line.
pub fn render_summary(summary: &Summary, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    format!("{}\n", summary_line(summary, &renderer))
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

fn render_one(diag: &Diagnostic, sources: &mut Sources, renderer: &Renderer) -> String {
    let mut title = level(diag.severity).primary_title(diag.message.as_str());
    if !diag.code.is_empty() {
        title = title.id(diag.code.as_str());
    }
    let mut group = Group::with_title(title);
    if let Some(loc) = &diag.location {
        // An empty span is a finding about the whole file (not UTF-8, unreadable, too large):
        // it is shown without a snippet, and the file is not read again.
        let window = if loc.span.is_empty() {
            None
        } else {
            sources
                .get(&loc.path)
                .and_then(|text| snippet_window(text, &loc.span))
        };
        group = match window {
            Some((source, span)) => {
                let mut annotation = AnnotationKind::Primary.span(span);
                if let Some(label) = &diag.label {
                    annotation = annotation.label(label.as_str());
                }
                group.element(
                    Snippet::source(source)
                        .line_start(loc.start.line)
                        .path(loc.path.as_str())
                        .annotation(annotation),
                )
            }
            None => group.element(
                Origin::path(loc.path.as_str())
                    .line(loc.start.line)
                    .char_column(loc.start.column),
            ),
        };
    }
    for note in &diag.notes {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    for help in &diag.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

/// The (redacted) lines around a span and the span relative to them; `None` when the span
/// does not fit the file (it changed since it was read) or the file is empty.
fn snippet_window(
    text: &str,
    span: &std::ops::Range<usize>,
) -> Option<(String, std::ops::Range<usize>)> {
    if text.is_empty()
        || span.end > text.len()
        || !text.is_char_boundary(span.start)
        || !text.is_char_boundary(span.end)
    {
        return None;
    }
    let (start, end) = window(text, span.start, span.end);
    let source = text[start..end].to_string();
    Some((source, span.start - start..span.end - start))
}

/// The byte range of the whole lines covering `start..end`.
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| end + i);
    (line_start, line_end)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn summary_line(summary: &Summary, renderer: &Renderer) -> String {
    let counts = format!(
        "{}, {} in {}",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.files, "file")
    );
    let mut extra = String::new();
    if summary.baselined > 0 || summary.baseline_fixed > 0 {
        extra = format!(
            " ({} hidden by the baseline, {} baseline entr{} now fixed)",
            summary.baselined,
            summary.baseline_fixed,
            if summary.baseline_fixed == 1 {
                "y"
            } else {
                "ies"
            }
        );
    }
    let (level, text) = if summary.errors > 0 {
        (Level::ERROR, format!("{counts}{extra}"))
    } else if summary.warnings > 0 {
        (Level::WARNING, format!("{counts}{extra}"))
    } else {
        (Level::NOTE.with_name("ok"), format!("{counts}{extra}"))
    };
    renderer.render(&[Group::with_title(level.primary_title(text))])
}

/// Renders usage errors. Errors located in a file (the config, a pack) are separated by blank
/// lines and followed by a line saying that nothing was checked.
pub fn render_errors(diagnostics: &[Diagnostic], sources: &mut Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let rendered: Vec<String> = diagnostics
        .iter()
        .map(|d| render_one(d, sources, &renderer))
        .collect();
    let mut out = rendered.join("\n\n");
    out.push('\n');
    if diagnostics.iter().any(|d| d.location.is_some()) {
        let text = match diagnostics.len() {
            1 => "nothing was checked; fix the error above first".to_string(),
            n => format!("nothing was checked; fix the {n} errors above first"),
        };
        out.push('\n');
        out.push_str(&renderer.render(&[Group::with_title(Level::ERROR.primary_title(text))]));
        out.push('\n');
    }
    out
}
