//! Content sniffing: tells PNG, JPEG, PDF and XML-like text apart by their first bytes, so a
//! file whose extension lies is caught before any parser runs.

use super::{DiagramError, DiagramFormat};

/// The PNG signature.
const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
/// The JPEG start-of-image marker followed by any marker.
const JPEG_MAGIC: &[u8] = b"\xFF\xD8\xFF";
/// How far into a file the `%PDF-` header may start (readers tolerate leading junk).
const PDF_HEADER_WINDOW: usize = 1024;

/// What a file's bytes look like.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// Starts with the PNG signature.
    Png,
    /// Starts with a JPEG marker.
    Jpeg,
    /// Has a `%PDF-` header.
    Pdf,
    /// Text whose first non-blank character is `<`, decoded to UTF-8.
    Markup(String),
    /// Anything else.
    Other,
}

/// Classifies `bytes` by their leading signature.
pub(crate) fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(PNG_MAGIC) {
        return Sniffed::Png;
    }
    if bytes.starts_with(JPEG_MAGIC) {
        return Sniffed::Jpeg;
    }
    if has_pdf_header(bytes) {
        return Sniffed::Pdf;
    }
    match decode_text(bytes) {
        Some(text) if text.trim_start().starts_with('<') => Sniffed::Markup(text),
        _ => Sniffed::Other,
    }
}

/// True when `%PDF-` appears near the start.
fn has_pdf_header(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    window.windows(5).any(|w| w == b"%PDF-")
}

/// Decodes text with an optional UTF-8 or UTF-16 byte-order mark; `None` for binary data.
fn decode_text(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(decode_utf16(rest, u16::from_be_bytes));
    }
    if bytes.contains(&0) {
        return None;
    }
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// Decodes UTF-16 code units with the given byte order, replacing invalid ones.
fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// The error for a file whose contents are not what its extension claims.
pub(crate) fn not_an_image(
    path: &str,
    claimed: Option<DiagramFormat>,
    bytes: &[u8],
) -> DiagramError {
    let start = describe_start(bytes);
    DiagramError::NotAnImage(match claimed {
        Some(format) => format!(
            "{path} has a {} extension but does not contain {} data (it starts with {start})",
            format,
            expected_kind(format)
        ),
        None => format!("{path} is not a recognized diagram format (it starts with {start})"),
    })
}

/// What the contents of a file of `format` should be.
fn expected_kind(format: DiagramFormat) -> &'static str {
    match format {
        DiagramFormat::Drawio | DiagramFormat::Svg | DiagramFormat::DrawioSvg => "XML",
        DiagramFormat::Png | DiagramFormat::DrawioPng => "PNG",
        DiagramFormat::Jpeg => "JPEG",
        DiagramFormat::Pdf => "PDF",
    }
}

/// A short, printable description of the first bytes of a file.
fn describe_start(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "nothing: the file is empty".to_string();
    }
    let head = &bytes[..bytes.len().min(16)];
    match std::str::from_utf8(head) {
        Ok(text) if text.chars().all(|c| !c.is_control() || c.is_whitespace()) => {
            format!("{:?}", text)
        }
        _ => {
            let hex: Vec<String> = head.iter().take(8).map(|b| format!("{b:02X}")).collect();
            format!("bytes {}", hex.join(" "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_signatures() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Sniffed::Png);
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0"), Sniffed::Jpeg);
        assert_eq!(sniff(b"%PDF-1.7\n"), Sniffed::Pdf);
        assert_eq!(sniff(b"  <svg/>"), Sniffed::Markup("  <svg/>".into()));
        assert_eq!(sniff(b"hello"), Sniffed::Other);
        assert_eq!(sniff(b""), Sniffed::Other);
    }

    #[test]
    fn decodes_byte_order_marks() {
        assert_eq!(sniff(b"\xEF\xBB\xBF<a/>"), Sniffed::Markup("<a/>".into()));
        assert_eq!(
            sniff(b"\xFF\xFE<\0a\0/\0>\0"),
            Sniffed::Markup("<a/>".into())
        );
        assert_eq!(
            sniff(b"\xFE\xFF\0<\0a\0/\0>"),
            Sniffed::Markup("<a/>".into())
        );
    }

    #[test]
    fn explains_a_lying_extension() {
        let err = not_an_image("d.png", Some(DiagramFormat::Png), b"just text");
        assert_eq!(
            err.message(),
            "d.png has a PNG extension but does not contain PNG data (it starts with \"just text\")"
        );
        let err = not_an_image("d.svg", Some(DiagramFormat::Svg), b"\x00\x01");
        assert!(err.message().contains("bytes 00 01"), "{}", err.message());
    }
}
