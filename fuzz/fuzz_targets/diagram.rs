//! The diagram decoder: sniffing, then draw.io (plain and compressed), SVG, `.drawio.svg` and
//! `.drawio.png` reading, bounded against decompression bombs.
//!
//! The first byte picks the file name the bytes are read under (the claimed format changes
//! which readers run); the rest are the file's contents.
#![no_main]

use evidencelint::diagram;
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "d.drawio",
    "d.svg",
    "d.drawio.svg",
    "d.png",
    "d.drawio.png",
    "d.jpg",
    "d.pdf",
    "d.xml",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let _ = diagram::read(name, bytes);
});
