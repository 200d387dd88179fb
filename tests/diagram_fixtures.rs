//! Reads every diagram fixture under `fixtures/diagrams/` through the public API.

use std::path::PathBuf;
use std::time::Instant;

use evidencelint::diagram::{
    DiagramContent, DiagramError, DiagramFormat, Features, MAX_INFLATED_BYTES, Readable, read,
};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/diagrams")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn content(name: &str) -> DiagramContent {
    match read(name, &fixture(name)) {
        Ok(Readable::Content(content)) => content,
        other => panic!("{name}: expected content, got {other:?}"),
    }
}

fn features(name: &str) -> Features {
    content(name).features
}

const MULTI_AZ: &[&str] = &[
    "aurora-multi-az.drawio",
    "aurora-multi-az-compressed.drawio",
    "aurora-multi-az.drawio.svg",
    "aurora-multi-az.drawio.png",
];

const NO_AZ: &[&str] = &[
    "no-az.drawio",
    "no-az.drawio.svg",
    "exported-no-content-no-az.svg",
    "hand-drawn-no-az.svg",
];

const ARCHITECTURE_SERVICES: &[&str] = &[
    "Amazon Aurora",
    "Amazon EC2",
    "Amazon Route 53",
    "Amazon CloudWatch",
    "AWS Direct Connect",
    "Elastic Load Balancing",
];

#[test]
fn multi_az_drawio_exports_show_the_whole_architecture() {
    for name in MULTI_AZ {
        let f = features(name);
        assert!(f.vpc, "{name}: vpc");
        assert_eq!(f.availability_zones, 2, "{name}: zones");
        assert!(f.multi_az_statement, "{name}: statement");
        assert!(f.subnets && f.database && f.on_premises, "{name}: {f:?}");
        for service in ARCHITECTURE_SERVICES {
            assert!(
                f.services.iter().any(|s| s == service),
                "{name}: {service} in {:?}",
                f.services
            );
        }
        let mut sorted = f.services.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            sorted, f.services,
            "{name}: services sorted and deduplicated"
        );
    }
}

#[test]
fn formats_and_pages_are_reported() {
    let cases = [
        ("aurora-multi-az.drawio", DiagramFormat::Drawio, 1),
        (
            "aurora-multi-az-compressed.drawio",
            DiagramFormat::Drawio,
            2,
        ),
        ("aurora-multi-az.drawio.svg", DiagramFormat::DrawioSvg, 2),
        ("aurora-multi-az.drawio.png", DiagramFormat::DrawioPng, 2),
        ("hand-drawn.svg", DiagramFormat::Svg, 1),
        ("exported-no-content.svg", DiagramFormat::Svg, 1),
    ];
    for (name, format, pages) in cases {
        let c = content(name);
        assert_eq!((c.format, c.pages), (format, pages), "{name}");
    }
}

#[test]
fn labels_are_decoded_text() {
    let c = content("aurora-multi-az.drawio");
    for label in [
        "Production VPC 10.0.0.0/16",
        "Private subnet 10.0.1.0/24 us-east-1a",
        "Aurora writer",
        "DNS failover routing",
        "Amazon Route 53",
    ] {
        assert!(
            c.labels.iter().any(|l| l == label),
            "{label} in {:?}",
            c.labels
        );
    }
    let clean = |l: &String| !l.contains('<') && !l.contains("&nbsp;");
    assert!(c.labels.iter().all(clean), "{:?}", c.labels);
    assert!(
        c.styles
            .iter()
            .any(|s| s.contains("grIcon=mxgraph.aws4.group_vpc2"))
    );
    let compressed = content("aurora-multi-az-compressed.drawio");
    assert!(compressed.labels.iter().any(|l| l == "DB subnet group"));
}

#[test]
fn svg_exports_without_content_read_the_visible_text() {
    let c = content("exported-no-content.svg");
    let expected = "Private subnet 10.0.2.0/24 us-east-1b";
    assert!(c.labels.iter().any(|l| l == expected), "{:?}", c.labels);
    assert!(!c.labels.iter().any(|l| l.contains("Text is not SVG")));
    let f = c.features;
    assert!(f.vpc && f.subnets && f.database && f.on_premises && f.multi_az_statement);
    assert_eq!(f.availability_zones, 2);
}

#[test]
fn hand_drawn_svg_is_read() {
    let f = features("hand-drawn.svg");
    assert!(
        f.vpc && f.subnets && f.database && f.on_premises && f.multi_az_statement,
        "{f:?}"
    );
    assert_eq!(f.availability_zones, 2);
    assert!(f.services.iter().any(|s| s == "Amazon RDS"));
    assert!(
        !content("hand-drawn.svg")
            .labels
            .iter()
            .any(|l| l.contains("Zone 9"))
    );
}

#[test]
fn single_az_variants_count_one_zone() {
    for name in ["single-az.drawio", "hand-drawn-single-az.svg"] {
        let f = features(name);
        assert_eq!(f.availability_zones, 1, "{name}");
        assert!(!f.multi_az_statement && !f.multi_az(), "{name}");
        assert!(f.database && f.vpc, "{name}");
    }
}

#[test]
fn removing_every_az_label_leaves_no_zones() {
    for name in NO_AZ {
        let f = features(name);
        assert_eq!(f.availability_zones, 0, "{name}");
        assert!(!f.multi_az_statement, "{name}");
        assert!(
            f.vpc && f.subnets && f.database,
            "{name}: the rest is still found"
        );
    }
}

#[test]
fn rasters_without_diagram_data_are_opaque() {
    let opaque = |name: &str| read(name, &fixture(name));
    assert_eq!(
        opaque("plain.png"),
        Ok(Readable::Opaque(DiagramFormat::Png))
    );
    assert_eq!(
        opaque("photo.jpg"),
        Ok(Readable::Opaque(DiagramFormat::Jpeg))
    );
    assert_eq!(
        opaque("export.pdf"),
        Ok(Readable::Opaque(DiagramFormat::Pdf))
    );
}

#[test]
fn lying_extensions_are_not_images() {
    for name in ["text-as.png", "not-xml.svg"] {
        let result = read(name, &fixture(name));
        assert!(
            matches!(result, Err(DiagramError::NotAnImage(_))),
            "{name}: {result:?}"
        );
    }
    let svg_as_png = read("diagram.png", &fixture("hand-drawn.svg"));
    assert!(matches!(svg_as_png, Err(DiagramError::NotAnImage(_))));
}

#[test]
fn corrupt_drawio_is_unreadable() {
    let result = read("corrupt.drawio", &fixture("corrupt.drawio"));
    assert!(
        matches!(result, Err(DiagramError::Unreadable(_))),
        "{result:?}"
    );
}

/// A raw-deflate stream of 256 MiB of zeros (about 256 KiB compressed: deflate cannot pass
/// about 1032:1, so this is as small as such a bomb gets).
fn zero_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..256 {
        encoder.write_all(&zeros).unwrap();
    }
    encoder.finish().unwrap()
}

#[test]
fn a_small_bomb_is_unreadable_quickly() {
    use base64::Engine;
    let deflated = zero_bomb();
    assert!(
        deflated.len() < 300 * 1024,
        "bomb is {} bytes",
        deflated.len()
    );
    let page = base64::engine::general_purpose::STANDARD.encode(&deflated);
    let doc = format!("<mxfile><diagram id=\"bomb\">{page}</diagram></mxfile>");
    let started = Instant::now();
    let err = read("bomb.drawio", doc.as_bytes()).unwrap_err();
    let limit = MAX_INFLATED_BYTES >> 20;
    let expected = format!("compressed diagram page inflates past the {limit} MiB limit");
    assert_eq!(err, DiagramError::Unreadable(expected));
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn truncated_and_garbled_fixtures_never_panic() {
    let names = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".py"));
    for name in names {
        let bytes = fixture(&name);
        let step = (bytes.len() / 200).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            let _ = read(&name, &bytes[..cut]);
            let mut garbled = bytes.clone();
            garbled[cut] = garbled[cut].wrapping_add(0x5A);
            let _ = read(&name, &garbled);
        }
    }
}

/// A tiny deterministic generator, so the garbage test needs no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next_byte(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 56) as u8
    }
}

#[test]
fn random_garbage_behind_every_signature_never_panics() {
    let prefixes: &[&[u8]] = &[
        b"",
        b"\x89PNG\r\n\x1a\n",
        b"\xFF\xD8\xFF",
        b"%PDF-",
        b"<svg>",
        b"<svg content=\"",
        b"<mxfile><diagram>",
        b"<mxfile><diagram>7Vtbc5s4FP41",
        b"<mxGraphModel><root><mxCell value=\"",
        b"\xEF\xBB\xBF<",
        b"\xFF\xFE<\0",
    ];
    let mut rng = Lcg(7);
    for prefix in prefixes {
        for len in [1usize, 7, 64, 500, 4096] {
            let mut bytes = prefix.to_vec();
            bytes.extend((0..len).map(|_| rng.next_byte()));
            for name in [
                "x.drawio",
                "x.svg",
                "x.drawio.svg",
                "x.png",
                "x.drawio.png",
                "x",
            ] {
                let _ = read(name, &bytes);
            }
        }
    }
}
