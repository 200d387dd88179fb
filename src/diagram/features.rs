//! Derives [`Features`] — VPC, Availability Zones, subnets, database, services, on-premises —
//! from the shapes' labels and draw.io styles.

use std::collections::BTreeSet;

use super::Features;
use super::labels::{LabelMatches, Pattern};
use super::services::{icon_matches, recognize_matched};
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
pub(crate) const SUBNET_SRC: &str = r"\bsubnets?\b";

/// `on-premises`, `on premise`, `on-prem`, `data center`, `corporate network`.
pub(crate) const ON_PREMISES_SRC: &str = r"\bon[\s-]*prem(?:ise|ises)?\b|\bdata[\s-]*cent(?:er|re)s?\b|\b(?:corporate|customer|enterprise) network\b";

/// `DB instance`, `DB cluster`, `database instance`.
pub(crate) const DB_RESOURCE_SRC: &str = r"\b(?:db|database)[\s-]*(?:instance|cluster)s?\b";

/// Replication roles that mean a managed database when said together with
/// [`DB_CONTEXT_SRC`].
pub(crate) const DB_ROLE_SRC: &str =
    r"\b(?:primary|standby|read[\s-]*replicas?|replica|writer|reader)\b";

/// Words that put a role in a database context.
pub(crate) const DB_CONTEXT_SRC: &str =
    r"\b(?:db|database|rds|aurora|mysql|postgres(?:ql)?|mariadb|oracle|sql server)\b";

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

/// Derives the features shown by `shapes`. Each label is read once for every label pattern
/// ([`LabelMatches`]); only zone names are then looked for again, in the labels that have some.
pub(crate) fn derive(shapes: &[Shape]) -> Features {
    let icons: Vec<Vec<String>> = shapes.iter().map(|s| icons(&s.style)).collect();
    let labels: Vec<LabelMatches> = shapes.iter().map(|s| LabelMatches::of(&s.label)).collect();
    let services = recognized_services(&labels, &icons);
    let has = |service: &str| services.iter().any(|s| s == service);
    let (availability_zones, zone_names) = zones::survey(shapes, &labels, &icons);
    let any_label = |pattern: Pattern| labels.iter().any(|l| l.has(pattern));
    Features {
        vpc: has("Amazon VPC"),
        availability_zones,
        zone_names,
        multi_az_statement: any_label(Pattern::Statement),
        subnets: any_icon(&icons, SUBNET_ICONS) || any_label(Pattern::Subnet),
        database: has("Amazon RDS") || has("Amazon Aurora") || labels.iter().any(names_database),
        engines: engines::named_matched(&labels, &icons),
        on_premises: any_icon(&icons, ON_PREMISES_ICONS) || any_label(Pattern::OnPremises),
        services,
    }
}

/// Every recognized service, sorted and deduplicated.
fn recognized_services(labels: &[LabelMatches], icons: &[Vec<String>]) -> Vec<String> {
    let names: BTreeSet<&str> = labels
        .iter()
        .zip(icons)
        .flat_map(|(label, icons)| recognize_matched(icons, label))
        .collect();
    names.into_iter().map(str::to_string).collect()
}

/// True when some shape has one of `patterns` as an icon.
fn any_icon(icons: &[Vec<String>], patterns: &[&str]) -> bool {
    icons
        .iter()
        .flatten()
        .any(|icon| patterns.iter().any(|p| icon_matches(p, icon)))
}

/// True when a label names a database resource or a replication role of a database.
fn names_database(label: &LabelMatches) -> bool {
    label.has(Pattern::DbResource) || (label.has(Pattern::DbRole) && label.has(Pattern::DbContext))
}

#[cfg(test)]
mod tests;
