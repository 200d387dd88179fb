//! Tests of PNG text-chunk reading.

use super::*;

/// A 1×1 PNG written with the `png` crate, with optional text chunks.
fn png_with(text: &[(&str, &str)], ztxt: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, 1, 1);
        encoder.set_color(png::ColorType::Rgb);
        for (keyword, value) in text {
            encoder
                .add_text_chunk(keyword.to_string(), value.to_string())
                .unwrap();
        }
        for (keyword, value) in ztxt {
            encoder
                .add_ztxt_chunk(keyword.to_string(), value.to_string())
                .unwrap();
        }
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[255, 255, 255]).unwrap();
    }
    out
}

const MXFILE: &str = r#"<mxfile><diagram><mxGraphModel><root><mxCell value="Amazon RDS" style="shape=mxgraph.aws4.rds_instance;"/></root></mxGraphModel></diagram></mxfile>"#;

#[test]
fn reads_a_url_encoded_text_chunk() {
    let encoded = percent_encoding::utf8_percent_encode(MXFILE, percent_encoding::NON_ALPHANUMERIC)
        .to_string();
    let Readable::Content(content) = read(&png_with(&[("mxfile", &encoded)], &[])).unwrap() else {
        panic!("expected content");
    };
    assert_eq!(content.format, DiagramFormat::DrawioPng);
    assert_eq!(content.labels, ["Amazon RDS"]);
    assert!(content.features.database);
}

#[test]
fn reads_a_compressed_text_chunk() {
    let Readable::Content(content) = read(&png_with(&[], &[("mxfile", MXFILE)])).unwrap() else {
        panic!("expected content");
    };
    assert_eq!(content.pages, 1);
}

#[test]
fn a_png_without_the_chunk_is_opaque() {
    let png = png_with(&[("Software", "an editor")], &[]);
    assert_eq!(read(&png).unwrap(), Readable::Opaque(DiagramFormat::Png));
}

#[test]
fn a_compressed_chunk_bomb_is_unreadable() {
    let bomb = "A".repeat(crate::diagram::MAX_INFLATED_BYTES + 1);
    let err = read(&png_with(&[], &[("mxfile", &bomb)])).unwrap_err();
    assert_eq!(
        err.message(),
        "compressed PNG text chunk inflates past the 16 MiB limit"
    );
}

#[test]
fn a_corrupt_png_is_unreadable() {
    let mut png = png_with(&[], &[]);
    png[20] ^= 0xFF;
    assert!(matches!(read(&png), Err(DiagramError::Unreadable(_))));
    assert!(matches!(
        read(b"\x89PNG\r\n\x1a\n"),
        Err(DiagramError::Unreadable(_))
    ));
}
