//! Passwords in connection strings, three shapes:
//!
//! * URLs with user info, `scheme://user:password@host` (any scheme: `postgresql`, `mysql`,
//!   `mongodb+srv`, `redis`, `amqp`, `jdbc:sqlserver`, `https`, …). The password is the text
//!   between the first `:` of the user info and the last `@` before the host.
//! * Oracle thin JDBC, `jdbc:oracle:thin:user/password@host`.
//! * Keyword strings (ADO.NET, ODBC, JDBC properties, libpq): `Password=…` or `Pwd=…` with a
//!   host key (`Server=`, `Host=`, `Data Source=`, `Address=`, `Endpoint=`) or a URL on the
//!   same line.
//!
//! In keyword strings a value made only of letters and `_` is taken for a variable name
//! (`Password=authToken`) and skipped. The span is the password only and the mask is always `****`. Placeholders
//! (`${DB_PASSWORD}`, `<password>`, `****`, `changeme`, …; see [`super::is_placeholder`]) are
//! not reported, nor are `postgres://host:5432/db` or `postgres://user@host`, which carry no
//! password.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::heuristics::{entity_quoted, is_placeholder};
use super::{SecretHit, SecretKind};

static URL_USERINFO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b[a-z][a-z0-9+.-]*://([^\s/?#'"<>`\\]*)@[A-Za-z0-9\[]"#)
        .expect("valid regex")
});

static ORACLE_THIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)jdbc:oracle:thin:[^/\s@:'"]+/([^@\s'"]+)@"#).expect("valid regex")
});

static PASSWORD_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:password|pwd)[ \t]*=[ \t]*").expect("valid regex"));

static HOST_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:server|host|hostname|data source|datasource|address|addr|endpoint)\s*=|://)",
    )
    .expect("valid regex")
});

/// Pushes a hit for every connection-string password in `text`.
pub(crate) fn find(text: &str, out: &mut Vec<SecretHit>) {
    let start = out.len();
    find_urls(text, out);
    find_keywords(text, out);
    out[start..].sort_by_key(|h| h.span.start);
    // A keyword match inside a URL query can repeat a URL match; keep the first.
    let mut seen: Vec<Range<usize>> = Vec::new();
    let mut i = start;
    while i < out.len() {
        let span = out[i].span.clone();
        if seen
            .iter()
            .any(|s| s.start < span.end && span.start < s.end)
        {
            out.remove(i);
        } else {
            seen.push(span);
            i += 1;
        }
    }
}

fn push(text: &str, span: Range<usize>, out: &mut Vec<SecretHit>) {
    if !span.is_empty() && !is_placeholder(&text[span.clone()]) {
        out.push(SecretHit::password(SecretKind::ConnectionString, span));
    }
}

fn find_urls(text: &str, out: &mut Vec<SecretHit>) {
    if !text.contains("://") && !text.contains("thin:") {
        return;
    }
    for caps in URL_USERINFO.captures_iter(text) {
        let info = caps.get(1).expect("group 1");
        let Some(colon) = info.as_str().find(':') else {
            continue;
        };
        let user = &info.as_str()[..colon];
        let password = &info.as_str()[colon + 1..];
        // `http://host.example:8080@…` is a host and port, not user info.
        if user.contains('.') && password.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let pstart = info.start() + colon + 1;
        push(text, pstart..pstart + password.len(), out);
    }
    for caps in ORACLE_THIN.captures_iter(text) {
        push(text, caps.get(1).expect("group 1").range(), out);
    }
}

fn find_keywords(text: &str, out: &mut Vec<SecretHit>) {
    for m in PASSWORD_KEY.find_iter(text) {
        // The key must be a whole word: `Password=`, not `storepassword=`.
        let before = text[..m.start()].bytes().last();
        if before.is_some_and(|b| {
            !matches!(
                b,
                b' ' | b'\t' | b'\n' | b';' | b'"' | b'\'' | b'?' | b'&' | b'(' | b',' | b'{'
            )
        }) {
            continue;
        }
        let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[m.end()..]
            .find('\n')
            .map_or(text.len(), |i| m.end() + i);
        if !HOST_KEY.is_match(&text[line_start..line_end]) {
            continue;
        }
        let Some(span) = value_span(text, m.end(), line_end) else {
            continue;
        };
        // `Password=authToken`, `Pwd = adminPassword`: a variable name, not a literal.
        let identifier = text[span.clone()]
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'_');
        if !identifier {
            push(text, span, out);
        }
    }
}

/// The value starting at `start`: quoted (`'…'`, `"…"`, `&quot;…&quot;`), ODBC-braced (`{…}`),
/// or bare up to
/// `;`, `&`, whitespace or a quote.
fn value_span(text: &str, start: usize, line_end: usize) -> Option<Range<usize>> {
    let rest = &text[start..line_end];
    if let Some(inner) = entity_quoted(rest) {
        return Some(start + inner.start..start + inner.end);
    }
    let close = match rest.chars().next()? {
        '\'' => Some('\''),
        '"' => Some('"'),
        '{' => Some('}'),
        _ => None,
    };
    if let Some(close) = close {
        let len = rest[1..].find(close)?;
        return Some(start + 1..start + 1 + len);
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '"' | '\'' | '`' | ')' | ','))
        .unwrap_or(rest.len());
    Some(start..start + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        assert!(out.iter().all(|h| h.masked == "****"));
        out.into_iter().map(|h| &text[h.span]).collect()
    }

    #[test]
    fn positives() {
        let cases: &[(&str, &[&str])] = &[
            (
                "postgres://app:S3cr3tPw@db.internal:5432/app",
                &["S3cr3tPw"],
            ),
            (
                "DATABASE_URL=postgresql://app:Kq7%40zz@db/app",
                &["Kq7%40zz"],
            ),
            ("mysql://root:r00tPw!@10.0.0.5:3306", &["r00tPw!"]),
            (
                "mongodb+srv://svc:p@ss:w0rd@cluster0.abc.mongodb.net/db",
                &["p@ss:w0rd"],
            ),
            ("redis://:Zm9vYmFy1@cache:6379/0", &["Zm9vYmFy1"]),
            ("amqps://guest:Gu3st9x@mq.example.com", &["Gu3st9x"]),
            ("jdbc:sqlserver://sa:Mssql!2024@db:1433", &["Mssql!2024"]),
            (
                "https://deploy:glpat-Ab12Cd34Ef56@git.corp.local/repo.git",
                &["glpat-Ab12Cd34Ef56"],
            ),
            (
                "jdbc:oracle:thin:scott/Tig3r99@//db:1521/ORCL",
                &["Tig3r99"],
            ),
            (
                "Server=tcp:db.corp,1433;Database=app;User ID=sa;Password=Qw3rty!9;Encrypt=True;",
                &["Qw3rty!9"],
            ),
            ("Data Source=orcl;User Id=app;Pwd='a b;c9Z';", &["a b;c9Z"]),
            ("Driver={ODBC};Server=db;Uid=app;PWD={x;Y7z}", &["x;Y7z"]),
            (
                "host=db.internal port=5432 user=app password=Lp9qZt2x",
                &["Lp9qZt2x"],
            ),
            (
                "jdbc:mysql://db:3306/app?user=app&password=M7ysql0k&ssl=true",
                &["M7ysql0k"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(values(text), *want, "{text}");
        }
    }

    #[test]
    fn negatives() {
        let cases = [
            "postgres://db.internal:5432/app",
            "postgres://app@db.internal/app",
            "postgresql://app:${DB_PASSWORD}@db/app",
            "postgresql://app:$PASSWORD@db/app",
            "mysql://admin:<password>@host:3306",
            "mysql://admin:password@host:3306",
            "mysql://admin:****@host:3306",
            "mongodb://user:{{ mongo_pass }}@host",
            "redis://:xxx@cache",
            "postgres://u:changeme@db",
            "http://proxy.corp.local:8080@target",
            "ssh://git@github.com/org/repo.git",
            "Password=Qw3rty!9;",
            "the password=Qw3rty!9 is wrong",
            "Server=db;Password=;",
            "Server=db;Password=%s;",
            "Server=db;Password={pwd};",
            "Server=db;Password=authToken;",
            "jdbc:oracle:thin:scott/<password>@//db:1521/ORCL",
            "mailto:ops@example.com and https://docs.aws.amazon.com/x@y",
        ];
        for text in cases {
            assert_eq!(values(text), Vec::<&str>::new(), "{text}");
        }
    }
}
