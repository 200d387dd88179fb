//! Derives [`Features`] — VPC, Availability Zones, subnets, database, services, on-premises —
//! from the shapes' labels and draw.io styles.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::pattern::compile;

use regex::Regex;

use super::Features;
use super::services::{icon_matches, recognize};
use super::shapes::Shape;
use super::{engines, zones};

/// Style keys whose values name an icon.
const ICON_KEYS: &[&str] = &["shape", "grIcon", "resIcon", "prIcon"];

/// Icons that mean "subnet" (the AWS4 subnet groups reuse `group_security_group`, so those
/// are recognized by label).
const SUBNET_ICONS: &[&str] = &[
    "group_subnet*",
    "group_public_subnet*",
    "group_private_subnet*",
    "subnet*",
];

/// Icons that mean "outside AWS, on the customer's premises".
const ON_PREMISES_ICONS: &[&str] = &[
    "group_corporate_data_center*",
    "corporate_data_center*",
    "group_on_premise*",
];

/// `subnet`, `private subnets`, `DB subnet group`.
static SUBNET: LazyLock<Regex> = LazyLock::new(|| compile(r"\bsubnets?\b"));

/// `on-premises`, `on premise`, `on-prem`, `data center`, `corporate network`.
static ON_PREMISES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\bon[\s-]*prem(?:ise|ises)?\b|\bdata[\s-]*cent(?:er|re)s?\b|\b(?:corporate|customer|enterprise) network\b",
    )
});

/// `DB instance`, `DB cluster`, `database instance`.
static DB_RESOURCE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?:db|database)[\s-]*(?:instance|cluster)s?\b"));

/// Replication roles that mean a managed database when said together with [`DB_CONTEXT`].
static DB_ROLE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?:primary|standby|read[\s-]*replicas?|replica|writer|reader)\b"));

/// Words that put a role in a database context.
static DB_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:db|database|rds|aurora|mysql|postgres(?:ql)?|mariadb|oracle|sql server)\b")
});

/// The icon names in a draw.io style: the part after `mxgraph.awsN.` of each `shape`,
/// `grIcon`, `resIcon` or `prIcon` value, lowercased (`group_vpc2`, `rds_instance`).
pub(crate) fn icons(style: &str) -> Vec<String> {
    style
        .split(';')
        .filter_map(|entry| entry.split_once('='))
        .filter(|(key, _)| ICON_KEYS.contains(&key.trim()))
        .filter_map(|(_, value)| aws_icon_name(value.trim()))
        .collect()
}

/// `rds` from `mxgraph.aws4.rds` (also `mxgraph.aws3.` and `mxgraph.aws3d.`).
fn aws_icon_name(value: &str) -> Option<String> {
    let rest = value.strip_prefix("mxgraph.aws")?;
    let (family, name) = rest.split_once('.')?;
    let known_family = family.chars().all(|c| c.is_ascii_alphanumeric());
    (known_family && !name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// Derives the features shown by `shapes`.
pub(crate) fn derive(shapes: &[Shape]) -> Features {
    let icons: Vec<Vec<String>> = shapes.iter().map(|s| icons(&s.style)).collect();
    let services = recognized_services(shapes, &icons);
    let has = |service: &str| services.iter().any(|s| s == service);
    let (availability_zones, zone_names) = zones::survey(shapes, &icons);
    Features {
        vpc: has("Amazon VPC"),
        availability_zones,
        zone_names,
        multi_az_statement: shapes.iter().any(|s| zones::states_multi_az(&s.label)),
        subnets: any_shape(shapes, &icons, SUBNET_ICONS, &SUBNET),
        database: has("Amazon RDS") || has("Amazon Aurora") || shapes.iter().any(names_database),
        engines: engines::named(shapes, &icons),
        on_premises: any_shape(shapes, &icons, ON_PREMISES_ICONS, &ON_PREMISES),
        services,
    }
}

/// Every recognized service, sorted and deduplicated.
fn recognized_services(shapes: &[Shape], icons: &[Vec<String>]) -> Vec<String> {
    let names: BTreeSet<&str> = shapes
        .iter()
        .zip(icons)
        .flat_map(|(shape, icons)| recognize(icons, &shape.label))
        .collect();
    names.into_iter().map(str::to_string).collect()
}

/// True when some shape has one of `patterns` as an icon or a label matching `label`.
fn any_shape(shapes: &[Shape], icons: &[Vec<String>], patterns: &[&str], label: &Regex) -> bool {
    let by_icon = icons
        .iter()
        .flatten()
        .any(|icon| patterns.iter().any(|p| icon_matches(p, icon)));
    by_icon || shapes.iter().any(|s| label.is_match(&s.label))
}

/// True when a label names a database resource or a replication role of a database.
fn names_database(shape: &Shape) -> bool {
    let label = &shape.label;
    DB_RESOURCE.is_match(label) || (DB_ROLE.is_match(label) && DB_CONTEXT.is_match(label))
}

#[cfg(test)]
mod tests;
