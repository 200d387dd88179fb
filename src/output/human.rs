//! Human output: rustc-style diagnostics rendered with `annotate-snippets`, then a summary.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use rayon::prelude::*;

use super::Summary;
use super::sources::{Files, Sources};
use crate::diagnostic::{Diagnostic, Severity};

/// Renders every diagnostic and the summary line.
pub fn render(
    diagnostics: &[Diagnostic],
    summary: &Summary,
    sources: &Sources,
    color: bool,
) -> String {
    let mut out = Vec::new();
    write(&mut out, diagnostics, summary, sources, color).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("rendered text is UTF-8")
}

/// Findings rendered at a time before they are written: bounds the memory the rendered text
/// takes, whatever the size of the repository.
const BATCH: usize = 1024;

/// Files a batch shows snippets of, at most: bounds the memory their texts take.
const BATCH_FILES: usize = 16;

/// Writes every diagnostic and the summary line to `out`. Diagnostics are rendered in
/// parallel on the current thread pool, a batch at a time: the files a batch shows are read
/// once (in parallel), shared by the threads, and kept for the next batch when it shows them
/// too; the rendered findings are written in order.
pub fn write(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    summary: &Summary,
    sources: &Sources,
    color: bool,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut files = Files::default();
    for batch in batches(diagnostics) {
        sources.load(batch.iter().filter_map(shown_path), &mut files);
        let rendered: Vec<String> = (batch.par_iter())
            .map(|diag| {
                let text = shown_path(diag).and_then(|path| sources.text(&files, path));
                render_one(diag, text, &renderer)
            })
            .collect();
        for text in rendered {
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n\n")?;
        }
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

/// Consecutive findings to render together: at most [`BATCH`] of them, showing at most
/// [`BATCH_FILES`] files (findings come sorted by path, so a file is rarely in two batches).
fn batches(diagnostics: &[Diagnostic]) -> impl Iterator<Item = &[Diagnostic]> {
    let mut rest = diagnostics;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut paths: Vec<&str> = Vec::new();
        let mut end = 0;
        while end < rest.len().min(BATCH) {
            if let Some(path) = shown_path(&rest[end])
                && !paths.contains(&path)
            {
                if paths.len() == BATCH_FILES {
                    break;
                }
                paths.push(path);
            }
            end += 1;
        }
        let (batch, tail) = rest.split_at(end);
        rest = tail;
        Some(batch)
    })
}

/// The file a finding shows a snippet of: its location's, unless the finding is about the
/// whole file (an empty span: not UTF-8, unreadable, too large), which is shown without one.
fn shown_path(diag: &Diagnostic) -> Option<&str> {
    (diag.location.as_ref())
        .filter(|loc| !loc.span.is_empty())
        .map(|loc| loc.path.as_str())
}

/// Renders a finding; `text` is the text of the file it shows (see [`shown_path`]), if read.
fn render_one(diag: &Diagnostic, text: Option<&str>, renderer: &Renderer) -> String {
    let mut title = level(diag.severity).primary_title(diag.message.as_str());
    if !diag.code.is_empty() {
        title = title.id(diag.code.as_str());
    }
    let mut group = Group::with_title(title);
    if let Some(loc) = &diag.location {
        let window = text.and_then(|text| snippet_window(text, &loc.span));
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
        .map(|d| {
            render_one(
                d,
                shown_path(d).and_then(|path| sources.get(path)),
                &renderer,
            )
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceText;

    /// Findings over more files than a batch shows and more than a batch holds, each with a
    /// snippet: written in parallel on four threads, the text is what rendering them one by
    /// one in order gives.
    #[test]
    fn parallel_batches_write_what_rendering_in_order_gives() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<SourceText> = (0..BATCH_FILES + 4)
            .map(|f| {
                let text: String = (0..40)
                    .map(|l| format!("file {f} line {l}: é the evidence of RDS-00{}\n", l % 9))
                    .collect();
                std::fs::write(dir.path().join(format!("f{f}.md")), &text).unwrap();
                SourceText::new(format!("f{f}.md"), text)
            })
            .collect();
        let diagnostics: Vec<Diagnostic> = (0..2 * BATCH + 77)
            .map(|k| {
                let file = &files[k * (BATCH_FILES + 4) / (2 * BATCH + 77)];
                let at = (k * 37) % (file.text.len() - 10);
                let at = (at..).find(|&i| file.text.is_char_boundary(i)).unwrap();
                Diagnostic::error("test/code", format!("finding {k}"))
                    .at(file.location(at..at + 4))
                    .label("here")
                    .help(format!("help {k}"))
            })
            .collect();
        let sources = Sources::new(dir.path());
        let summary = Summary::new(&diagnostics, files.len());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let parallel = pool.install(|| render(&diagnostics, &summary, &sources, false));
        let renderer = Renderer::plain().decor_style(DecorStyle::Ascii);
        let mut one_by_one = Sources::new(dir.path());
        let mut expected: String = (diagnostics.iter())
            .map(|d| {
                let text = shown_path(d).and_then(|path| one_by_one.get(path));
                format!("{}\n\n", render_one(d, text, &renderer))
            })
            .collect();
        expected.push_str(&format!("{}\n", summary_line(&summary, &renderer)));
        assert_eq!(parallel, expected);
        assert!(parallel.contains("finding 2124") && parallel.contains("| file 6 line"));
    }
}
