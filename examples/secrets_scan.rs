//! Prints every secret and account-ID hit under a directory, for reviewing false positives
//! (`cargo run --release --example secrets_scan -- DIR [EXT...]`). With `ACCOUNTS=1` in the
//! environment, prints account-ID hits instead.

use evidencelint::secrets::Scanner;
use evidencelint::source::clamp_to_boundary;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: secrets_scan DIR [EXT...]");
    let exts: Vec<String> = args.collect();
    let scanner = Scanner::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let wanted = exts.is_empty()
            || path
                .extension()
                .is_some_and(|e| exts.iter().any(|x| e == x.as_str()));
        if !entry.file_type().is_file() || !wanted {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        if std::env::var_os("ACCOUNTS").is_some() {
            for span in evidencelint::secrets::find_account_ids(&text) {
                let from = clamp_to_boundary(&text, span.start.saturating_sub(40));
                let to = clamp_to_boundary(&text, span.end + 30);
                let context = text[from..to].replace('\n', " ");
                println!("{} {} | {}", path.display(), &text[span], context.trim());
            }
            continue;
        }
        for hit in scanner.scan(&text) {
            let line_start = text[..hit.span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[hit.span.end..]
                .find('\n')
                .map_or(text.len(), |i| hit.span.end + i);
            let line: String = text[line_start..line_end].chars().take(160).collect();
            println!(
                "{} {} {:?} | {}",
                path.display(),
                hit.kind.code(),
                &text[hit.span],
                line.trim()
            );
        }
    }
}
