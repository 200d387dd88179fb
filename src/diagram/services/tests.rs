//! Tests of service recognition.

use super::*;

fn icons(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn recognizes_by_icon() {
    assert_eq!(
        recognize(&icons(&["aurora_instance"]), ""),
        ["Amazon Aurora"]
    );
    assert_eq!(
        recognize(&icons(&["application_load_balancer"]), ""),
        ["Elastic Load Balancing"]
    );
    assert_eq!(
        recognize(&icons(&["rds_proxy"]), ""),
        ["Amazon RDS", "Amazon RDS Proxy"]
    );
    assert_eq!(recognize(&icons(&["group_vpc2"]), ""), ["Amazon VPC"]);
}

#[test]
fn recognizes_by_label() {
    assert_eq!(
        recognize(&[], "Application Load Balancer"),
        ["Elastic Load Balancing"]
    );
    assert_eq!(recognize(&[], "Amazon Route 53"), ["Amazon Route 53"]);
    assert_eq!(
        recognize(&[], "AWS KMS key"),
        ["AWS Key Management Service"]
    );
    assert!(recognize(&[], "Lambdas are fun").is_empty());
    assert!(recognize(&[], "Cards").is_empty());
}

#[test]
fn every_service_has_a_label_pattern() {
    assert_eq!(label_sources().count(), SERVICES.len());
}
