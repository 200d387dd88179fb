//! "Did you mean" suggestions.

/// The candidate closest to `input`, when it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lower = input.to_ascii_lowercase();
    let input_chars = input.chars().count();
    candidates
        .into_iter()
        // The length difference is a lower bound of the distance: most candidates stop here.
        .filter(|c| {
            let chars = c.chars().count();
            input_chars.abs_diff(chars) <= threshold(input.len().max(c.len()))
        })
        .map(|c| {
            (
                c,
                strsim::damerau_levenshtein(&input_lower, &c.to_ascii_lowercase()),
            )
        })
        .filter(|(c, d)| *d <= threshold(input.len().max(c.len())))
        .min_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)))
        .map(|(c, _)| c)
}

fn threshold(len: usize) -> usize {
    match len {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos() {
        assert_eq!(closest("contorls", ["controls", "kind"]), Some("controls"));
        assert_eq!(closest("RDS-0099", ["RDS-009", "RDS-001"]), Some("RDS-009"));
        assert_eq!(closest("zzzzzz", ["controls"]), None);
        assert_eq!(closest("résumé.md", ["resume.md"]), Some("resume.md"));
        assert_eq!(closest("a.md", ["a-much-longer-name.md"]), None);
    }
}
