//! The config loader: `evidencelint.yaml` bytes, decoded and validated (no file is read).
//!
//! Invariant: every config error points inside the file, on character boundaries.
#![no_main]

use evidencelint::config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = std::str::from_utf8(data).ok();
    if let Err(errors) = config::parse_bytes("evidencelint.yaml", data.to_vec()) {
        assert!(!errors.is_empty(), "a rejected config names a reason");
        let Some(text) = text else { return };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for error in errors {
            if let Some(location) = error.location {
                let span = location.span;
                assert!(span.start <= span.end && span.end <= text.len());
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
});
