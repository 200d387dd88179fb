//! The database engines a diagram names, by draw.io's RDS engine icons (`rds_mysql_instance`,
//! `rds_postgresql_instance`, `rds_oracle_instance`, `rds_sql_server_instance`,
//! `rds_mariadb_instance`, confirmed in draw.io's AWS sidebars; see [`super::services`]) or by
//! label. A source database of a migration counts too: the report shows what is drawn.

use super::labels::LabelMatches;
use super::services::icon_matches;
#[cfg(test)]
use super::shapes::Shape;

/// (engine name, icon pattern, case-insensitive label pattern)
const ENGINES: &[(&str, &str, &str)] = &[
    (
        "PostgreSQL",
        "rds_postgresql_instance*",
        r"\bpostgres(?:ql)?\b",
    ),
    ("MySQL", "rds_mysql_instance*", r"\bmysql\b"),
    ("MariaDB", "rds_mariadb_instance*", r"\bmariadb\b"),
    ("Oracle", "rds_oracle_instance*", r"\boracle\b"),
    (
        "SQL Server",
        "rds_sql_server_instance*",
        r"\b(?:sql[\s-]?server|mssql)\b",
    ),
];

/// How many engines the table has (their label patterns follow the services' in
/// [`super::labels`]).
pub(crate) const LABEL_COUNT: usize = ENGINES.len();

/// The label pattern of each engine, in table order.
pub(crate) fn label_sources() -> impl Iterator<Item = &'static str> + Clone {
    ENGINES.iter().map(|(_, _, label)| *label)
}

/// The engines named, in [`ENGINES`] order.
#[cfg(test)]
pub(crate) fn named(shapes: &[Shape], icons: &[Vec<String>]) -> Vec<String> {
    let labels: Vec<LabelMatches> = shapes.iter().map(|s| LabelMatches::of(&s.label)).collect();
    named_matched(&labels, icons)
}

/// The engines named by shapes whose labels matched `labels` and whose icons are `icons`, in
/// [`ENGINES`] order.
pub(crate) fn named_matched(labels: &[LabelMatches], icons: &[Vec<String>]) -> Vec<String> {
    ENGINES
        .iter()
        .enumerate()
        .filter(|(i, (_, icon, _))| {
            let by_icon = icons.iter().flatten().any(|x| icon_matches(icon, x));
            by_icon || labels.iter().any(|l| l.engine(*i))
        })
        .map(|(_, (name, _, _))| name.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(label: &str) -> Shape {
        Shape {
            label: label.to_string(),
            style: String::new(),
        }
    }

    #[test]
    fn names_engines_by_label_and_icon() {
        let shapes = [
            shape("Aurora PostgreSQL writer"),
            shape("Oracle 19c (on-premises)"),
            shape(""),
        ];
        let icons = vec![
            Vec::new(),
            Vec::new(),
            vec!["rds_mysql_instance".to_string()],
        ];
        assert_eq!(named(&shapes, &icons), ["PostgreSQL", "MySQL", "Oracle"]);
        assert!(named(&[shape("mysqldump-like postgresqlx")], &[Vec::new()]).is_empty());
        assert_eq!(
            named(&[shape("Amazon RDS for SQL Server")], &[Vec::new()]),
            ["SQL Server"]
        );
    }
}
