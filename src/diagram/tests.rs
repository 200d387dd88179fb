//! Tests of the public entry points: format detection and dispatch.

use super::*;

#[test]
fn formats_come_from_extensions() {
    let cases = [
        ("a/arch.drawio", Some(DiagramFormat::Drawio)),
        ("arch.DRAWIO.XML", Some(DiagramFormat::Drawio)),
        ("arch.xml", Some(DiagramFormat::Drawio)),
        ("arch.dio", Some(DiagramFormat::Drawio)),
        ("arch.svg", Some(DiagramFormat::Svg)),
        ("arch.drawio.svg", Some(DiagramFormat::DrawioSvg)),
        ("arch.drawio.png", Some(DiagramFormat::DrawioPng)),
        ("arch.png", Some(DiagramFormat::Png)),
        ("arch.jpg", Some(DiagramFormat::Jpeg)),
        ("arch.JPEG", Some(DiagramFormat::Jpeg)),
        ("arch.pdf", Some(DiagramFormat::Pdf)),
        ("arch.md", None),
        ("drawio", None),
    ];
    for (path, expected) in cases {
        assert_eq!(format_from_path(path), expected, "{path}");
    }
}

#[test]
fn rasters_and_pdfs_are_opaque() {
    let jpeg = b"\xFF\xD8\xFF\xE0rest";
    assert_eq!(
        read("a.jpg", jpeg),
        Ok(Readable::Opaque(DiagramFormat::Jpeg))
    );
    assert_eq!(
        read("a.pdf", b"%PDF-1.7\n"),
        Ok(Readable::Opaque(DiagramFormat::Pdf))
    );
}

#[test]
fn lying_extensions_are_not_images() {
    for (path, bytes) in [
        ("a.png", &b"plain text"[..]),
        ("a.png", b"<svg/>"),
        ("a.jpg", b"GIF89a"),
        ("a.pdf", b""),
        ("a.svg", b"not xml at all"),
        ("a.drawio", b"\x00\x01\x02"),
        ("a.xml", b"<html><body/></html>"),
    ] {
        let result = read(path, bytes);
        assert!(
            matches!(result, Err(DiagramError::NotAnImage(_))),
            "{path}: {result:?}"
        );
    }
}

#[test]
fn content_decides_over_extension() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><text>VPC</text></svg>"#;
    let Ok(Readable::Content(content)) = read("diagram.drawio", svg) else {
        panic!("an SVG saved as .drawio is still read");
    };
    assert_eq!(content.format, DiagramFormat::Svg);
    assert!(content.features.vpc);
}

#[test]
fn oversized_input_is_unreadable() {
    let big = vec![b' '; MAX_INPUT_BYTES + 1];
    let err = read("big.svg", &big).unwrap_err();
    assert!(matches!(err, DiagramError::Unreadable(_)), "{err}");
}

#[test]
fn errors_display_their_kind() {
    let err = DiagramError::NotAnImage("x.png is text".into());
    assert_eq!(err.to_string(), "not a diagram image: x.png is text");
    assert_eq!(err.message(), "x.png is text");
    assert_eq!(DiagramFormat::DrawioSvg.to_string(), "draw.io SVG");
}

#[test]
fn multi_az_needs_two_zones_or_a_statement() {
    let mut features = Features {
        availability_zones: 1,
        ..Features::default()
    };
    assert!(!features.multi_az());
    features.multi_az_statement = true;
    assert!(features.multi_az());
    assert!(
        Features {
            availability_zones: 2,
            ..Features::default()
        }
        .multi_az()
    );
}

#[test]
fn deep_nesting_is_unreadable_not_a_stack_overflow() {
    let deep = format!("<mxfile>{}", "<g>".repeat(100_000));
    let err = read("deep.drawio", deep.as_bytes()).unwrap_err();
    assert!(err.message().contains("256-level"), "{err}");
}

#[test]
fn a_bomb_inside_an_svg_content_attribute_is_unreadable() {
    use base64::Engine;
    use flate2::write::DeflateEncoder;
    use std::io::Write;
    let mut encoder = DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&vec![b'0'; MAX_INFLATED_BYTES + 1])
        .unwrap();
    let page = base64::engine::general_purpose::STANDARD.encode(encoder.finish().unwrap());
    let svg = format!(
        r#"<svg content="&lt;mxfile&gt;&lt;diagram&gt;{page}&lt;/diagram&gt;&lt;/mxfile&gt;"/>"#
    );
    let err = read("bomb.drawio.svg", svg.as_bytes()).unwrap_err();
    assert!(err.message().contains("16 MiB"), "{err}");
}
