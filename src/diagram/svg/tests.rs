//! Tests of SVG text extraction.

use super::*;

fn labels(svg: &str) -> Vec<String> {
    read(svg).unwrap().labels
}

#[test]
fn reads_text_titles_and_aria_labels() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><title>Arch</title><desc>Multi-AZ</desc>
<g aria-label="VPC"><text><tspan>Private</tspan><tspan>subnet</tspan></text></g>
<style>.a { content: "AZ 9" }</style><script>"Availability Zone 8"</script></svg>"#;
    assert_eq!(labels(svg), ["Arch", "Multi-AZ", "VPC", "Private subnet"]);
}

#[test]
fn reads_foreign_object_html() {
    let svg = r#"<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><div>Amazon<br/>Aurora&#160;writer</div></div></foreignObject></svg>"#;
    assert_eq!(labels(svg), ["Amazon Aurora writer"]);
}

#[test]
fn a_switch_shows_only_its_first_child() {
    let svg = r#"<svg><switch><foreignObject><div>AZ 1</div></foreignObject><text>AZ 1</text></switch>
<switch><g requiredFeatures="x"/><a><text>Text is not SVG - cannot display</text></a></switch></svg>"#;
    assert_eq!(labels(svg), ["AZ 1"]);
}

#[test]
fn prefers_the_embedded_drawio_document() {
    let mxfile = r#"<mxfile><diagram><mxGraphModel><root><mxCell value="AZ a" style="x=1"/></root></mxGraphModel></diagram></mxfile>"#;
    let escaped = mxfile
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    let svg = format!(r#"<svg content="{escaped}"><text>ignored</text></svg>"#);
    let content = read(&svg).unwrap();
    assert_eq!(content.format, DiagramFormat::DrawioSvg);
    assert_eq!(content.labels, ["AZ a"]);
    assert_eq!(content.styles, ["x=1"]);
}

#[test]
fn ignores_content_that_is_not_a_diagram() {
    let content = read(r#"<svg content="some metadata"><text>VPC</text></svg>"#).unwrap();
    assert_eq!(content.format, DiagramFormat::Svg);
    assert_eq!(content.labels, ["VPC"]);
}

#[test]
fn broken_svg_is_unreadable() {
    assert!(matches!(
        read("<svg><text>VPC</svg>"),
        Err(DiagramError::Unreadable(_))
    ));
    assert!(matches!(
        read("<svg><text>"),
        Err(DiagramError::Unreadable(_))
    ));
}
