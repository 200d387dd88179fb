//! Times the secret scanner over a directory of text files (`cargo run --release --example
//! secrets_bench -- DIR`).

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: secrets_bench DIR");
    let texts: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let scanner = evidencelint::secrets::Scanner::new();
    let start = Instant::now();
    let mut hits = 0;
    for _ in 0..10 {
        for t in &texts {
            hits += scanner.scan(t).len();
            hits += evidencelint::secrets::find_account_ids(t).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{} files, {:.1} MB x10 in {secs:.2}s = {:.0} MB/s ({hits} hits)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 * 10.0 / 1e6 / secs
    );
}
