//! The AWS services the reader recognizes, by draw.io icon name or by label.
//!
//! Icon names are the part after `mxgraph.aws4.` in a cell's `shape`, `resIcon`, `grIcon` or
//! `prIcon` style value (see [`super::features::icons`]). Names confirmed in draw.io's own
//! sidebars (`Sidebar-AWS4.js` and `Sidebar-AWS4b.js` in jgraph/drawio):
//! - groups: `group_aws_cloud`, `group_aws_cloud_alt`, `group_region`, `group_vpc`,
//!   `group_availability_zone` (AWS18 palette), `group_subnet` (AWS18), `group_security_group`
//!   (also used, with `grStroke=0`, for the AWS4 "Private subnet" / "Public subnet" groups),
//!   `group_auto_scaling_group`, `group_on_premise`, `group_corporate_data_center`,
//!   `group_elastic_load_balancing` (AWS18);
//! - database: `rds`, `aurora`, `rds_instance`, `rds_instance_alt`, `aurora_instance`,
//!   `aurora_instance_alt`, `rds_mysql_instance`, `rds_postgresql_instance`,
//!   `rds_oracle_instance`, `rds_sql_server_instance`, `rds_mariadb_instance`, `rds_proxy`,
//!   `rds_on_vmware`, `dynamodb`, `elasticache`, `redshift`, `database_migration_service`;
//! - network: `cloudfront`, `route_53`, `vpc`, `elastic_load_balancing`,
//!   `application_load_balancer`, `network_load_balancer`, `classic_load_balancer`,
//!   `direct_connect`, `site_to_site_vpn`, `vpn_connection`, `vpn_gateway`, `transit_gateway`,
//!   `customer_gateway`, `internet_gateway`, `nat_gateway`;
//! - general: `corporate_data_center`, `virtual_private_cloud` (AWS18).
//!
//! Names seen in draw.io's AWS templates and in diagrams made with the current library rather
//! than read in a sidebar: `group_vpc2` (the current VPC group), `group_public_subnet`,
//! `group_private_subnet`, `ec2`, `lambda`, `s3`, `cloudwatch`, `key_management_service`,
//! `secrets_manager`. A trailing `*` below matches any icon name with that prefix.

use super::labels::LabelMatches;

/// One recognizable service: its AWS name, its icons, and a case-insensitive label pattern.
struct Service {
    name: &'static str,
    icons: &'static [&'static str],
    label: &'static str,
}

/// The services table.
const SERVICES: &[Service] = &[
    svc("Amazon Aurora", &["aurora*"], r"\baurora\b"),
    svc(
        "Amazon RDS",
        &["rds*", "relational_database_service"],
        r"\brds\b|relational database service",
    ),
    svc("Amazon RDS Proxy", &["rds_proxy*"], r"\brds proxy\b"),
    svc(
        "Amazon EC2",
        &["ec2*", "group_ec2_instance_contents"],
        r"\bec2\b|elastic compute cloud",
    ),
    svc(
        "Amazon EC2 Auto Scaling",
        &["auto_scaling*", "group_auto_scaling_group"],
        r"\bauto ?scaling\b",
    ),
    svc("AWS Lambda", &["lambda*"], r"\blambda\b"),
    svc(
        "Amazon S3",
        &["s3", "simple_storage_service*", "bucket*"],
        r"\bs3\b|simple storage service",
    ),
    svc(
        "Amazon CloudFront",
        &["cloudfront*", "edge_location"],
        r"\bcloud ?front\b",
    ),
    svc(
        "Elastic Load Balancing",
        &[
            "elastic_load_balancing",
            "application_load_balancer",
            "network_load_balancer",
            "classic_load_balancer",
            "group_elastic_load_balancing",
        ],
        r"\b(?:elb|alb|nlb)\b|load balanc",
    ),
    svc(
        "Amazon Route 53",
        &["route_53*", "hosted_zone"],
        r"\broute ?53\b",
    ),
    svc("Amazon CloudWatch", &["cloudwatch*"], r"\bcloud ?watch\b"),
    svc(
        "AWS Key Management Service",
        &["key_management_service*", "kms*"],
        r"\bkms\b|key management service",
    ),
    svc(
        "AWS Secrets Manager",
        &["secrets_manager*"],
        r"\bsecrets ?manager\b",
    ),
    svc(
        "AWS Database Migration Service",
        &["database_migration_*"],
        r"\bdms\b|database migration service",
    ),
    svc(
        "Amazon VPC",
        &["vpc", "group_vpc*", "virtual_private_cloud", "vpc_*"],
        r"\bvpcs?\b|virtual private cloud",
    ),
    svc("Amazon DynamoDB", &["dynamodb*"], r"\bdynamo ?db\b"),
    svc(
        "Amazon ElastiCache",
        &["elasticache*", "elasti_cache*"],
        r"\belasti ?cache\b",
    ),
    svc("Amazon Redshift", &["redshift*"], r"\bredshift\b"),
    svc("Amazon API Gateway", &["api_gateway*"], r"\bapi gateway\b"),
    svc(
        "Amazon SNS",
        &["sns*", "simple_notification_service*"],
        r"\bsns\b|simple notification service",
    ),
    svc(
        "Amazon SQS",
        &["sqs*", "simple_queue_service*"],
        r"\bsqs\b|simple queue service",
    ),
    svc(
        "Amazon ECS",
        &["ecs*", "elastic_container_service*"],
        r"\becs\b|elastic container service",
    ),
    svc(
        "Amazon EKS",
        &["eks*", "elastic_kubernetes_service*"],
        r"\beks\b|elastic kubernetes service",
    ),
    svc("AWS Fargate", &["fargate*"], r"\bfargate\b"),
    svc(
        "AWS Direct Connect",
        &["direct_connect*"],
        r"\bdirect connect\b",
    ),
    svc(
        "AWS Site-to-Site VPN",
        &["site_to_site_vpn*", "vpn_connection", "vpn_gateway"],
        r"\b(?:site-to-site )?vpn\b",
    ),
    svc(
        "AWS Transit Gateway",
        &["transit_gateway*"],
        r"\btransit gateway\b",
    ),
    svc("AWS WAF", &["waf*"], r"\bwaf\b|web application firewall"),
    svc("AWS Shield", &["shield*"], r"\baws shield\b"),
    svc(
        "AWS Identity and Access Management",
        &["identity_and_access_management*", "iam*"],
        r"\biam\b|identity and access management",
    ),
    svc("AWS CloudTrail", &["cloudtrail*"], r"\bcloud ?trail\b"),
    svc(
        "AWS CloudFormation",
        &["cloudformation*"],
        r"\bcloud ?formation\b",
    ),
    svc("AWS Backup", &["backup*"], r"\baws backup\b"),
    svc(
        "AWS Certificate Manager",
        &["certificate_manager*"],
        r"\bcertificate manager\b|\bacm\b",
    ),
    svc(
        "AWS Systems Manager",
        &["systems_manager*"],
        r"\bsystems manager\b",
    ),
    svc(
        "Amazon EFS",
        &["elastic_file_system*"],
        r"\befs\b|elastic file system",
    ),
    svc(
        "Amazon EBS",
        &["elastic_block_store*"],
        r"\bebs\b|elastic block store",
    ),
    svc("Amazon Cognito", &["cognito*"], r"\bcognito\b"),
    svc(
        "AWS Global Accelerator",
        &["global_accelerator*"],
        r"\bglobal accelerator\b",
    ),
];

/// Builds a table row.
const fn svc(name: &'static str, icons: &'static [&'static str], label: &'static str) -> Service {
    Service { name, icons, label }
}

/// How many services the table has (their label patterns come first in [`super::labels`]).
pub(crate) const LABEL_COUNT: usize = SERVICES.len();

/// The label pattern of each service, in table order.
pub(crate) fn label_sources() -> impl Iterator<Item = &'static str> + Clone {
    SERVICES.iter().map(|s| s.label)
}

/// True when `icon` matches `pattern` (exactly, or by prefix for a trailing `*`).
pub(crate) fn icon_matches(pattern: &str, icon: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => icon.starts_with(prefix),
        None => icon == pattern,
    }
}

/// The names of the services shown by a shape with these `icons` and this `label`.
#[cfg(test)]
pub(crate) fn recognize(icons: &[String], label: &str) -> Vec<&'static str> {
    recognize_matched(icons, &LabelMatches::of(label))
}

/// The names of the services shown by a shape with these `icons` and a label that matched
/// `label`.
pub(crate) fn recognize_matched(icons: &[String], label: &LabelMatches) -> Vec<&'static str> {
    SERVICES
        .iter()
        .enumerate()
        .filter(|(i, service)| {
            let by_icon = icons
                .iter()
                .any(|icon| service.icons.iter().any(|p| icon_matches(p, icon)));
            by_icon || label.service(*i)
        })
        .map(|(_, service)| service.name)
        .collect()
}

#[cfg(test)]
mod tests;
