//! Tests of draw.io document parsing.

use super::*;
use crate::diagram::MAX_INFLATED_BYTES;
use base64::Engine;
use flate2::Compression;
use flate2::write::DeflateEncoder;
use std::io::Write;

fn compress(xml: &str) -> String {
    let encoded =
        percent_encoding::utf8_percent_encode(xml, percent_encoding::NON_ALPHANUMERIC).to_string();
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(encoded.as_bytes()).unwrap();
    base64::engine::general_purpose::STANDARD.encode(encoder.finish().unwrap())
}

const MODEL: &str = r#"<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="v" value="&lt;b&gt;Prod&lt;/b&gt;&lt;br&gt;VPC" style="shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;" vertex="1" parent="1"/>
<UserObject label="Amazon&amp;nbsp;Aurora" tooltip="writer" id="db"><mxCell style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.aurora;" vertex="1" parent="v"/></UserObject>
<object label="Orphan note" id="o"/>
</root></mxGraphModel>"#;

#[test]
fn reads_plain_pages() {
    let doc = format!("<mxfile><diagram id=\"a\">{MODEL}</diagram></mxfile>");
    let content = read(&doc).unwrap();
    assert_eq!(content.pages, 1);
    assert_eq!(
        content.labels,
        ["Prod VPC", "writer", "Amazon Aurora", "Orphan note"]
    );
    assert_eq!(content.styles.len(), 2);
    assert!(content.features.vpc && content.features.database);
}

#[test]
fn reads_compressed_pages() {
    let doc = format!(
        "<mxfile><diagram id=\"a\">{}</diagram><diagram id=\"b\">\n  {}\n</diagram></mxfile>",
        compress(MODEL),
        compress("<mxGraphModel><root><mxCell value=\"AZ 1\"/></root></mxGraphModel>")
    );
    let content = read(&doc).unwrap();
    assert_eq!(content.pages, 2);
    assert!(content.labels.contains(&"Prod VPC".to_string()));
    assert_eq!(content.features.availability_zones, 1);
}

#[test]
fn a_bare_model_is_one_page() {
    assert_eq!(read(MODEL).unwrap().pages, 1);
    assert_eq!(read("<mxfile/>").unwrap().pages, 0);
}

#[test]
fn compressed_pages_never_expand_twice() {
    let inner = format!(
        "<mxGraphModel><diagram>{}</diagram></mxGraphModel>",
        compress(MODEL)
    );
    let doc = format!("<mxfile><diagram>{}</diagram></mxfile>", compress(&inner));
    assert!(read(&doc).unwrap().labels.is_empty());
}

#[test]
fn a_bomb_page_is_unreadable_quickly() {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..(MAX_INFLATED_BYTES >> 20) + 1 {
        encoder.write_all(&zeros).unwrap();
    }
    let page = base64::engine::general_purpose::STANDARD.encode(encoder.finish().unwrap());
    let doc = format!("<mxfile><diagram>{page}</diagram></mxfile>");
    let started = std::time::Instant::now();
    let err = read(&doc).unwrap_err();
    assert_eq!(
        err.message(),
        "compressed diagram page inflates past the 16 MiB limit"
    );
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn many_pages_share_one_inflate_budget() {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(b"<mxGraphModel>").unwrap();
    encoder.write_all(&vec![b' '; 6 << 20]).unwrap();
    encoder.write_all(b"</mxGraphModel>").unwrap();
    let page = base64::engine::general_purpose::STANDARD.encode(encoder.finish().unwrap());
    let doc = format!(
        "<mxfile>{}</mxfile>",
        format!("<diagram>{page}</diagram>").repeat(3)
    );
    assert!(read(&doc).unwrap_err().message().contains("16 MiB"));
}

#[test]
fn corrupt_pages_are_unreadable() {
    for doc in [
        "<mxfile><diagram>@@@@</diagram></mxfile>",
        "<mxfile><diagram>AAAA</diagram></mxfile>",
        "<mxfile><diagram><mxGraphModel>",
    ] {
        assert!(
            matches!(read(doc), Err(DiagramError::Unreadable(_))),
            "{doc}"
        );
    }
}
