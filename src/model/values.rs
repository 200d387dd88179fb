//! The closed vocabularies of front matter values (kind, engine, status, …).

/// Defines a string-backed enum with its spellings, a parser and the list of allowed values.
macro_rules! str_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every allowed spelling, in declaration order.
            pub const ALL: &'static [&'static str] = &[$($text),+];

            /// Parses a spelling; `None` when it is not allowed.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The spelling with its article, for messages ("an `evidence`").
            pub fn with_article(self) -> String {
                let text = self.as_str();
                let article = if text.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                format!("{article} `{text}`")
            }

            /// The spelling used in front matter.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }
    };
}

str_enum!(
    /// What a document is.
    DocKind {
        /// One customer engagement.
        CaseStudy => "case-study",
        /// Evidence for a case study.
        Evidence => "evidence",
        /// Practice-level evidence (SOPs, policies).
        Practice => "practice",
        /// A Well-Architected review export.
        Wafr => "wafr",
    }
);

str_enum!(
    /// Database engine of a case study.
    Engine {
        /// Amazon RDS for MySQL.
        RdsMysql => "rds-mysql",
        /// Amazon RDS for PostgreSQL.
        RdsPostgresql => "rds-postgresql",
        /// Amazon RDS for MariaDB.
        RdsMariadb => "rds-mariadb",
        /// Amazon RDS for Oracle.
        RdsOracle => "rds-oracle",
        /// Amazon RDS for SQL Server.
        RdsSqlserver => "rds-sqlserver",
        /// Amazon Aurora MySQL-Compatible.
        AuroraMysql => "aurora-mysql",
        /// Amazon Aurora PostgreSQL-Compatible.
        AuroraPostgresql => "aurora-postgresql",
    }
);

str_enum!(
    /// Stage of the customer project.
    Status {
        /// In production.
        Production => "production",
        /// Pilot.
        Pilot => "pilot",
        /// Proof of concept.
        Poc => "poc",
        /// Still in development.
        Development => "development",
    }
);

str_enum!(
    /// Who runs the database.
    Management {
        /// The customer manages the database.
        CustomerManaged => "customer-managed",
        /// The partner manages the database.
        PartnerManaged => "partner-managed",
    }
);

str_enum!(
    /// Kind of project.
    Project {
        /// Migration from another database.
        Migration => "migration",
        /// Re-architecture of an existing system.
        ExistingArchitecture => "existing-architecture",
        /// A new application.
        NewApplication => "new-application",
    }
);

str_enum!(
    /// Whether the case study may be shown publicly.
    Visibility {
        /// Public, customer named.
        Public => "public",
        /// Private, shared with AWS only.
        Private => "private",
        /// Public, customer name withheld.
        Anonymized => "anonymized",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for text in Engine::ALL {
            assert_eq!(Engine::parse(text).unwrap().as_str(), *text);
        }
        assert_eq!(DocKind::parse("case-study"), Some(DocKind::CaseStudy));
        assert_eq!(Status::parse("Production"), None);
    }
}
