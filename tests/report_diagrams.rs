//! `evidencelint report` shows, per case study, what each architecture diagram was found to
//! show (issue 8): a case study linking the diagrams of `fixtures/diagrams` — draw.io plain
//! and compressed, SVG exported and hand-drawn, `.drawio.png`, raster with and without a
//! description, PDF, corrupt, a text file named `.png`, a missing file — and one with none.

mod common;

use common::{Repo, case_study, project_root};

/// (file in fixtures/diagrams, how the case study links it)
const LINKS: &[(&str, &str)] = &[
    (
        "aurora-multi-az.drawio",
        "[draw.io](diagrams/aurora-multi-az.drawio)",
    ),
    (
        "aurora-multi-az-compressed.drawio",
        "[compressed](diagrams/aurora-multi-az-compressed.drawio)",
    ),
    (
        "aurora-multi-az.drawio.png",
        "![draw.io PNG](diagrams/aurora-multi-az.drawio.png)",
    ),
    (
        "hand-drawn-single-az.svg",
        "![single AZ](diagrams/hand-drawn-single-az.svg)",
    ),
    ("no-az.drawio.svg", "![no AZ](diagrams/no-az.drawio.svg)"),
    (
        "plain.png",
        "![Architecture: VPC over Availability Zones A and B, private DB subnets, RDS Multi-AZ](diagrams/plain.png)",
    ),
    ("photo.jpg", "![Whiteboard photo](diagrams/photo.jpg)"),
    ("export.pdf", "[PDF export](diagrams/export.pdf)"),
    ("corrupt.drawio", "[corrupt](diagrams/corrupt.drawio)"),
    ("text-as.png", "![LFS pointer](diagrams/text-as.png)"),
];

fn repo() -> Repo {
    let repo = Repo::new();
    let mut body = String::from("\n## Architecture\n\n");
    for (file, link) in LINKS {
        let bytes = std::fs::read(project_root().join("fixtures/diagrams").join(file)).unwrap();
        let path = repo.path().join("case-studies/acme/diagrams").join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        body.push_str(&format!("{link}\n\n"));
    }
    body.push_str("[gone](diagrams/gone.drawio)\n");
    repo.write(
        "case-studies/acme/case-study.md",
        &(case_study("Acme Payments Ltd.", "PRE-2.2", "") + &body),
    )
    .write(
        "case-studies/globex/case-study.md",
        &case_study("Globex Inc.", "PRE-2.1", ""),
    );
    repo
}

fn report(repo: &Repo, format: &str) -> String {
    let out = repo.run(&[
        "report",
        ".",
        "--format",
        format,
        "--as-of",
        "2026-01-15",
        "--color",
        "never",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn human_lists_what_each_diagram_shows() {
    let text = report(&repo(), "human");
    let (_, diagrams) = text.split_once("\nArchitecture diagrams\n").unwrap();
    insta::assert_snapshot!("diagrams__human", diagrams);
}

#[test]
fn markdown_lists_what_each_diagram_shows() {
    let text = report(&repo(), "markdown");
    let (_, diagrams) = text.split_once("### Architecture diagrams").unwrap();
    insta::assert_snapshot!("diagrams__markdown", diagrams);
}

#[test]
fn json_lists_what_each_diagram_shows() {
    let json: serde_json::Value = serde_json::from_str(&report(&repo(), "json")).unwrap();
    let acme = json["diagrams"]["acme"].as_array().unwrap();
    let summary: Vec<String> = acme
        .iter()
        .map(|d| {
            let shows = &d["shows"];
            format!(
                "{} {} vpc={} azs={} {} subnets={} db={} multi_az={}",
                d["path"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("case-studies/acme/diagrams/"),
                d["status"].as_str().unwrap(),
                shows["vpc"],
                shows["availability_zones"],
                shows["zone_names"],
                shows["subnets"],
                shows["database"],
                shows["multi_az"],
            )
        })
        .collect();
    insta::assert_snapshot!("diagrams__json", summary.join("\n"));
    assert_eq!(json["diagrams"]["globex"], serde_json::json!([]));
    let corrupt = acme.iter().find(|d| d["status"] == "unreadable").unwrap();
    assert!(corrupt["reason"].is_string() && corrupt.get("shows").is_none());
    let first = &acme[0];
    assert_eq!(first["referenced_from"], "case-studies/acme/case-study.md");
    assert_eq!(first["format"], "draw.io");
}

#[test]
fn html_lists_what_each_diagram_shows() {
    let text = report(&repo(), "html");
    let page = scraper::Html::parse_document(&text);
    let rows = scraper::Selector::parse("#diagrams tbody tr").unwrap();
    let classes: Vec<&str> = page
        .select(&rows)
        .map(|r| r.value().attr("class").unwrap_or("none"))
        .collect();
    assert_eq!(
        classes,
        [
            "read",
            "read",
            "read",
            "read",
            "read",
            "described",
            "unverifiable",
            "unverifiable",
            "unreadable",
            "not-an-image",
            "missing",
            "none"
        ]
    );
    let cells = scraper::Selector::parse("td").unwrap();
    let first: Vec<String> = page
        .select(&rows)
        .next()
        .unwrap()
        .select(&cells)
        .map(|td| td.text().collect())
        .collect();
    assert_eq!(first[4], "yes");
    assert_eq!(first[5], "2 (us-east-1a, us-east-1b), Multi-AZ stated");
}
