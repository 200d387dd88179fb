//! Tests of feature derivation.

use super::*;

fn shape(label: &str, style: &str) -> Shape {
    Shape {
        label: label.to_string(),
        style: style.to_string(),
    }
}

fn features(shapes: &[(&str, &str)]) -> Features {
    derive(&shapes.iter().map(|(l, s)| shape(l, s)).collect::<Vec<_>>())
}

#[test]
fn extracts_icon_names_from_styles() {
    let style = "sketch=0;shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_VPC2;fillColor=none;";
    assert_eq!(icons(style), ["group", "group_vpc2"]);
    assert_eq!(
        icons("shape=mxgraph.aws3.rds;resIcon=mxgraph.aws4.aurora"),
        ["rds", "aurora"]
    );
    assert!(icons("shape=rectangle;html=1;image=mxgraph.aws4.s3").is_empty());
    assert!(icons("shape=mxgraph.aws4.;grIcon=mxgraph.aws").is_empty());
}

#[test]
fn finds_every_feature_by_style() {
    let f = features(&[
        (
            "",
            "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc;",
        ),
        (
            "",
            "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_availability_zone;",
        ),
        (
            "",
            "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_private_subnet;",
        ),
        ("", "shape=mxgraph.aws4.rds_instance;"),
        (
            "",
            "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_corporate_data_center;",
        ),
    ]);
    assert!(f.vpc && f.subnets && f.database && f.on_premises);
    assert_eq!(f.availability_zones, 1);
    assert!(!f.multi_az_statement);
    assert_eq!(f.services, ["Amazon RDS", "Amazon VPC"]);
}

#[test]
fn finds_every_feature_by_label() {
    let f = features(&[
        ("Virtual Private Cloud", ""),
        ("AZ-a", ""),
        ("AZ-b", ""),
        ("DB subnet group", ""),
        ("Multi-AZ", ""),
        ("On-premises Oracle", ""),
    ]);
    assert!(f.vpc && f.subnets && f.multi_az_statement && f.on_premises);
    assert!(!f.database, "a DB subnet group alone is not a database");
    assert_eq!(f.availability_zones, 2);
}

#[test]
fn database_needs_rds_aurora_or_a_db_role() {
    assert!(features(&[("Primary DB", "")]).database);
    assert!(features(&[("read replica (PostgreSQL)", "")]).database);
    assert!(features(&[("DB instance", "")]).database);
    assert!(features(&[("Amazon Aurora", "")]).database);
    assert!(!features(&[("Primary site", "")]).database);
    assert!(!features(&[("Cards service", "")]).database);
}

#[test]
fn nothing_in_an_empty_diagram() {
    assert_eq!(features(&[]), Features::default());
}
