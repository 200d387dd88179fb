//! Converts the built-in rule packs (`rules/*.yaml`) to JSON at build time: the binary embeds
//! both, and loads the JSON (several times cheaper to deserialize than YAML) at start-up. The
//! YAML stays the source; errors in it are reported against it by the test suite.

use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/packs/format.rs"]
mod format;

/// The built-in packs, as in `src/packs/mod.rs`.
const PACKS: &[&str] = &["rds-sd-2025-08", "aurora-sd-2019-12"];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=src/packs/format.rs");
    for name in PACKS {
        let path = format!("rules/{name}.yaml");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).expect("built-in packs are readable");
        let raw: format::RawPack = serde_saphyr::from_str(&text)
            .unwrap_or_else(|e| panic!("built-in pack {path} is not a valid pack: {e}"));
        let json = serde_json::to_string(&raw).expect("a pack serializes to JSON");
        std::fs::write(out.join(format!("{name}.json")), json).expect("OUT_DIR is writable");
    }
}
