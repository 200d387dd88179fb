//! PNG images: draw.io's PNG export embeds the diagram, URL-encoded, in a `tEXt`, `zTXt` or
//! `iTXt` chunk with the keyword `mxfile`; it is read with the `png` crate and parsed as a
//! draw.io document. A PNG without that chunk is opaque.

use std::io::Cursor;

use png::{Decoder, Info};

use super::inflate::url_decode_if_needed;
use super::limits::{Budget, inflate_limit_error};
use super::shapes::Collector;
use super::{DiagramError, DiagramFormat, Readable, drawio};

/// Chunk keywords under which draw.io stores the diagram (`mxGraphModel` in old versions).
const KEYWORDS: &[&str] = &["mxfile", "mxGraphModel"];

/// What the messages call a compressed text chunk.
const CHUNK: &str = "compressed PNG text chunk";

/// Reads a PNG: its embedded draw.io diagram, or [`Readable::Opaque`] if it has none.
pub(crate) fn read(bytes: &[u8]) -> Result<Readable, DiagramError> {
    let mut collector = Collector::new();
    match embedded_diagram(bytes, &mut collector.budget)? {
        Some(xml) => {
            let pages = drawio::parse(&xml, &mut collector)?;
            Ok(Readable::Content(
                collector.finish(DiagramFormat::DrawioPng, pages),
            ))
        }
        None => Ok(Readable::Opaque(DiagramFormat::Png)),
    }
}

/// The decoded mxfile text from the first matching chunk, before or after the image data.
fn embedded_diagram(bytes: &[u8], budget: &mut Budget) -> Result<Option<String>, DiagramError> {
    let mut reader = Decoder::new(Cursor::new(bytes))
        .read_info()
        .map_err(corrupt)?;
    if let Some(text) = diagram_chunk(reader.info(), budget)? {
        return Ok(Some(text));
    }
    reader.finish().map_err(corrupt)?;
    diagram_chunk(reader.info(), budget)
}

/// Looks for a diagram chunk among the text chunks read so far.
fn diagram_chunk(info: &Info<'_>, budget: &mut Budget) -> Result<Option<String>, DiagramError> {
    let is_diagram = |keyword: &str| KEYWORDS.contains(&keyword);
    if let Some(chunk) = info
        .uncompressed_latin1_text
        .iter()
        .find(|c| is_diagram(&c.keyword))
    {
        return Ok(Some(url_decode_if_needed(&chunk.text)));
    }
    if let Some(chunk) = info
        .compressed_latin1_text
        .iter()
        .find(|c| is_diagram(&c.keyword))
    {
        let mut chunk = chunk.clone();
        chunk
            .decompress_text_with_limit(budget.inflate_room())
            .map_err(too_big)?;
        return spend(chunk.get_text().map_err(corrupt)?, budget).map(Some);
    }
    if let Some(chunk) = info.utf8_text.iter().find(|c| is_diagram(&c.keyword)) {
        let mut chunk = chunk.clone();
        chunk
            .decompress_text_with_limit(budget.inflate_room())
            .map_err(too_big)?;
        return spend(chunk.get_text().map_err(corrupt)?, budget).map(Some);
    }
    Ok(None)
}

/// Charges decompressed chunk text to the budget and URL-decodes it.
fn spend(text: String, budget: &mut Budget) -> Result<String, DiagramError> {
    budget.spend_inflated(text.len(), CHUNK)?;
    Ok(url_decode_if_needed(&text))
}

/// The error for a chunk that would not fit the decompression budget (or is corrupt). The
/// `png` crate tells the two apart only in its message.
fn too_big(error: png::DecodingError) -> DiagramError {
    if error.to_string().contains("decompression space") {
        inflate_limit_error(CHUNK)
    } else {
        corrupt(error)
    }
}

/// The error for a PNG the decoder rejects.
fn corrupt(error: png::DecodingError) -> DiagramError {
    DiagramError::Unreadable(format!("PNG image is corrupt: {error}"))
}

#[cfg(test)]
mod tests;
