//! The parse floor (issue 10): the least any correct linter of an evidence repository must do.
//! It walks the tree, reads every Markdown file, parses its YAML front matter and makes one
//! full pulldown-cmark pass over it, with the same options as `evidencelint`. Nothing else.
//!
//! `cargo run --release --example parse_floor -- ROOT [--threads N]`; `bench/run.sh` times it.

use std::path::{Path, PathBuf};

use evidencelint::parse::frontmatter::{self, FrontMatterSplit};
use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("usage: parse_floor ROOT [--threads N]"));
    let threads = match (args.next().as_deref(), args.next()) {
        (Some("--threads" | "-j"), Some(n)) => n.parse().expect("a thread count"),
        _ => 0,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let files = markdown_files(&root);
    let (events, yaml_keys) = pool.install(|| {
        files
            .par_iter()
            .map(|path| parse_one(path))
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    println!(
        "{} files, {events} Markdown events, {yaml_keys} front matter keys",
        files.len()
    );
}

/// Every `.md` file under `root`, outside `.git`, in a stable order.
fn markdown_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Reads, splits and parses one file: (Markdown events, front matter keys).
fn parse_one(path: &Path) -> (usize, usize) {
    let Ok(bytes) = std::fs::read(path) else {
        return (0, 0);
    };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (keys, body) = match frontmatter::split(text) {
        FrontMatterSplit::Found {
            yaml, body_start, ..
        } => {
            let value: Result<serde_json::Value, _> = serde_saphyr::from_str(&text[yaml]);
            let keys = value.ok().and_then(|v| v.as_object().map(|o| o.len()));
            (keys.unwrap_or(0), &text[body_start..])
        }
        _ => (0, text),
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST;
    let events = Parser::new_ext(body, options).into_offset_iter().count();
    (events, keys)
}
