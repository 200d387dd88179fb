//! Undoes draw.io's page compression (base64 → raw deflate → URL encoding) and URL-decodes
//! embedded mxfile text, never producing more than the [`Budget`] allows.

use std::io::Read;

use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use flate2::read::DeflateDecoder;
use percent_encoding::percent_decode_str;

use super::DiagramError;
use super::limits::{Budget, inflate_limit_error};

/// Standard base64 that accepts missing padding, as browsers' `atob` does.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// What the messages call a compressed `<diagram>` body.
const PAGE: &str = "compressed diagram page";

/// Decodes the text content of a compressed draw.io `<diagram>` element into mxGraphModel XML.
pub(crate) fn decompress_page(encoded: &str, budget: &mut Budget) -> Result<String, DiagramError> {
    let compact: String = encoded.chars().filter(|c| !c.is_whitespace()).collect();
    let deflated = BASE64
        .decode(compact.as_bytes())
        .map_err(|e| DiagramError::Unreadable(format!("{PAGE} is not valid base64: {e}")))?;
    let inflated = inflate_raw(&deflated, budget, PAGE)?;
    Ok(url_decode_if_needed(&String::from_utf8_lossy(&inflated)))
}

/// Inflates raw deflate data, failing as soon as the output would pass the budget.
pub(crate) fn inflate_raw(
    deflated: &[u8],
    budget: &mut Budget,
    what: &str,
) -> Result<Vec<u8>, DiagramError> {
    let room = budget.inflate_room();
    let mut out = Vec::new();
    DeflateDecoder::new(deflated)
        .take(room as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DiagramError::Unreadable(format!("{what} is not valid deflate data: {e}")))?;
    if out.len() > room {
        return Err(inflate_limit_error(what));
    }
    budget.spend_inflated(out.len(), what)?;
    Ok(out)
}

/// URL-decodes text unless it is already XML (draw.io URL-encodes before compressing and when
/// embedding in PNG, but older files and other tools do not).
pub(crate) fn url_decode_if_needed(text: &str) -> String {
    if text.trim_start().starts_with('<') {
        return text.to_string();
    }
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::DeflateEncoder;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn round_trips_a_drawio_page() {
        let xml =
            "<mxGraphModel><root><mxCell id=\"0\" value=\"A &amp; B\"/></root></mxGraphModel>";
        let encoded =
            percent_encoding::utf8_percent_encode(xml, percent_encoding::NON_ALPHANUMERIC)
                .to_string();
        let page = BASE64.encode(deflate(encoded.as_bytes()));
        let mut budget = Budget::new();
        assert_eq!(decompress_page(&page, &mut budget).unwrap(), xml);
    }

    #[test]
    fn accepts_unencoded_xml_and_whitespace_in_base64() {
        let page = BASE64.encode(deflate(b"<mxGraphModel/>"));
        let wrapped = format!("\n  {}\n  {}\n", &page[..4], &page[4..]);
        let mut budget = Budget::new();
        assert_eq!(
            decompress_page(&wrapped, &mut budget).unwrap(),
            "<mxGraphModel/>"
        );
    }

    #[test]
    fn rejects_bad_base64_and_bad_deflate() {
        let mut budget = Budget::new();
        let err = decompress_page("not base64 !!!", &mut budget).unwrap_err();
        assert!(err.message().contains("not valid base64"), "{err}");
        let err = decompress_page(&BASE64.encode(b"\xff\xff\xff"), &mut budget).unwrap_err();
        assert!(err.message().contains("not valid deflate"), "{err}");
    }

    #[test]
    fn stops_a_bomb_at_the_limit() {
        let bomb = deflate(&vec![b'A'; crate::diagram::MAX_INFLATED_BYTES + 10]);
        assert!(bomb.len() < 32 * 1024, "bomb is {} bytes", bomb.len());
        let mut budget = Budget::new();
        let err = decompress_page(&BASE64.encode(bomb), &mut budget).unwrap_err();
        assert_eq!(
            err.message(),
            "compressed diagram page inflates past the 16 MiB limit"
        );
    }
}
