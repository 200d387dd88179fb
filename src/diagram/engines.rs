//! The database engines a diagram names, by draw.io's RDS engine icons (`rds_mysql_instance`,
//! `rds_postgresql_instance`, `rds_oracle_instance`, `rds_sql_server_instance`,
//! `rds_mariadb_instance`, confirmed in draw.io's AWS sidebars; see [`super::services`]) or by
//! label. A source database of a migration counts too: the report shows what is drawn.

use std::sync::LazyLock;

use regex::RegexSet;

use super::services::icon_matches;
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

/// The label patterns, compiled once, as one set (pattern `i` is engine `i`'s).
static LABELS: LazyLock<RegexSet> =
    LazyLock::new(|| super::pattern::compile_set(ENGINES.iter().map(|(_, _, label)| *label)));

/// The engines named, in [`ENGINES`] order.
pub(crate) fn named(shapes: &[Shape], icons: &[Vec<String>]) -> Vec<String> {
    let named: Vec<usize> = shapes
        .iter()
        .flat_map(|s| LABELS.matches(&s.label).into_iter())
        .collect();
    ENGINES
        .iter()
        .enumerate()
        .filter(|(i, (_, icon, _))| {
            let by_icon = icons.iter().flatten().any(|x| icon_matches(icon, x));
            by_icon || named.contains(i)
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
