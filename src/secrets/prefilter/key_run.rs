//! The secret-key detector's candidate: a run of exactly 40 key characters, found by probing
//! every 40th byte instead of reading them all.

/// The length of an AWS secret access key.
const KEY_LEN: usize = 40;

/// A key character of an AWS secret access key (`[A-Za-z0-9/+]`, see `aws_secret_key.rs`).
fn is_key_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+')
}

/// Whether `text` holds a candidate of the secret-key detector: a run of exactly 40 key
/// characters, or of 41 after a backslash when its first is the letter of a string escape
/// (`\n`, `\t`, `\r`); that is, where `(?:\A|[^K]|\\[ntr])K{40}(?:[^K]|\z)` matches (`K` a
/// key character).
///
/// Every run of 40 or more covers one byte of any 40 in a row, so only every 40th byte after
/// the last run is probed; a key character there is widened to its whole run.
pub(super) fn has_key_candidate(text: &[u8]) -> bool {
    let mut probe = KEY_LEN - 1;
    while probe < text.len() {
        if !is_key_char(text[probe]) {
            probe += KEY_LEN;
            continue;
        }
        let start = text[..probe]
            .iter()
            .rposition(|&b| !is_key_char(b))
            .map_or(0, |before| before + 1);
        let end = text[probe..]
            .iter()
            .position(|&b| !is_key_char(b))
            .map_or(text.len(), |after| probe + after);
        if is_candidate_run(text, start, end) {
            return true;
        }
        // The byte at `end` is no key character: a later run of 40 covers `end + 40k`.
        probe = end + KEY_LEN;
    }
    false
}

/// Whether the whole run of key characters at `start..end` is a candidate.
fn is_candidate_run(text: &[u8], start: usize, end: usize) -> bool {
    let escaped =
        || start > 0 && text[start - 1] == b'\\' && matches!(text[start], b'n' | b't' | b'r');
    end - start == KEY_LEN || (end - start == KEY_LEN + 1 && escaped())
}
