//! Stage 2: parse front matter (YAML) and Markdown into located structures.

pub mod blocks;
