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

/// One raw PNG chunk with its CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out
}

#[test]
fn finds_the_chunk_after_the_image_data() {
    let mut png = png_with(&[], &[]);
    let iend = png.len() - 12;
    let text = [b"mxfile\0".as_slice(), MXFILE.as_bytes()].concat();
    png.splice(iend..iend, chunk(b"tEXt", &text));
    let Readable::Content(content) = read(&png).unwrap() else {
        panic!("expected content");
    };
    assert_eq!(content.labels, ["Amazon RDS"]);
}

#[test]
fn a_huge_claimed_image_is_not_decoded() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = 60_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&60_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", b""));
    let started = std::time::Instant::now();
    let _ = read(&png);
    assert!(started.elapsed().as_secs() < 2);
}
