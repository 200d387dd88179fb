//! Topic phrases: `cut over` matches "cut over", "cut-over", "cutover"; every word also
//! matches its plural and British/American spellings; `rotat*` is a prefix; `A ~ B` needs
//! both parts in the same sentence, in any order.

/// A compiled phrase: the regex source of each part (all must occur in one sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Regex sources (case-insensitive, ASCII word boundaries).
    pub parts: Vec<String>,
    /// For each part, a lowercase literal every match starts with (the first letters of its
    /// first word, before any spelling or plural variant), for a fast first pass.
    pub literals: Vec<String>,
}

/// The literal a part's matches start with: up to four letters of its first word.
fn literal(part: &str) -> String {
    let first = part
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '/')
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .trim_end_matches('*')
        .to_lowercase();
    first.chars().take(4).collect()
}

/// Compiles a phrase; `Err` names what is wrong.
pub fn compile(phrase: &str) -> Result<Phrase, String> {
    let raw: Vec<&str> = phrase.split('~').map(str::trim).collect();
    let parts: Vec<String> = raw
        .iter()
        .map(|p| part_regex(p))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("phrase `{phrase}`: {e}"))?;
    let literals = raw.iter().map(|p| literal(p)).collect();
    Ok(Phrase { parts, literals })
}

fn part_regex(part: &str) -> Result<String, String> {
    let words: Vec<&str> = part
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err("empty part".to_string());
    }
    let body: Vec<String> = words.iter().map(|w| word_regex(w)).collect();
    // Words may be joined by spaces, hyphens (any dash), slashes, underscores or nothing.
    Ok(format!(
        r"(?i)(?-u:\b){}(?-u:\b)",
        body.join(r"[ \t\n\u{A0}\-‐‑‒–—_/]*")
    ))
}

/// One word: a prefix (`rotat*`), or a word with plural and spelling variants.
fn word_regex(word: &str) -> String {
    if let Some(prefix) = word.strip_suffix('*') {
        return format!(
            r"{}[a-z0-9_]*",
            prefix_spelling(&spelling(&regex::escape(&prefix.to_lowercase())))
        );
    }
    let lower = word.to_lowercase();
    if lower.chars().any(|c| !c.is_alphanumeric()) {
        return regex::escape(&lower);
    }
    if lower.len() <= 3 || lower.chars().any(|c| c.is_ascii_digit()) {
        // Acronyms and short words (RTO, KMS, IAM, AZ): plural only.
        return format!("{}s?", regex::escape(&lower));
    }
    let (stem, plural) = if let Some(stem) = lower
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        (stem.to_string(), "(?:y|ies)".to_string())
    } else if lower.ends_with(['s', 'x', 'z']) || lower.ends_with("ch") || lower.ends_with("sh") {
        (lower.clone(), "(?:es)?".to_string())
    } else {
        (lower.clone(), "s?".to_string())
    };
    format!("{}{plural}", spelling(&regex::escape(&stem)))
}

/// A prefix that ends in `is`/`iz` or `ys`/`yz` (`sanitiz*`, `analys*`) matches both spellings.
fn prefix_spelling(prefix: &str) -> String {
    for (from, to) in [
        ("iz", "i[sz]"),
        ("is", "i[sz]"),
        ("yz", "y[sz]"),
        ("ys", "y[sz]"),
    ] {
        if let Some(stem) = prefix.strip_suffix(from) {
            return format!("{stem}{to}");
        }
    }
    prefix.to_string()
}

/// British/American spelling variants, applied to a word's regex source.
fn spelling(word: &str) -> String {
    let mut out = word.to_string();
    for (from, to) in [
        ("isation", "i[sz]ation"),
        ("ization", "i[sz]ation"),
        ("yse", "y[sz]e"),
        ("yze", "y[sz]e"),
        ("ise", "i[sz]e"),
        ("ize", "i[sz]e"),
        ("ising", "i[sz]ing"),
        ("izing", "i[sz]ing"),
        ("centre", "cent(?:re|er)"),
        ("center", "cent(?:er|re)"),
        ("licence", "licen[cs]e"),
        ("license", "licen[cs]e"),
        ("defence", "defen[cs]e"),
        ("defense", "defen[cs]e"),
        ("catalogue", "catalog(?:ue)?"),
        ("catalog", "catalog(?:ue)?"),
        ("modelling", "model(?:l)?ing"),
        ("modeling", "model(?:l)?ing"),
        ("labelled", "label(?:l)?ed"),
        ("labeled", "label(?:l)?ed"),
        ("travelled", "travel(?:l)?ed"),
        ("behaviour", "behavio(?:u)?r"),
        ("behavior", "behavio(?:u)?r"),
        ("favour", "favo(?:u)?r"),
        ("favor", "favo(?:u)?r"),
        ("programme", "program(?:me)?"),
    ] {
        if out.contains(from) && !out.contains(to) {
            out = out.replacen(from, to, 1);
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn matches(phrase: &str, text: &str) -> bool {
        compile(phrase)
            .unwrap()
            .parts
            .iter()
            .all(|p| Regex::new(p).unwrap().is_match(text))
    }

    #[test]
    fn separators_plurals_and_spellings() {
        for text in [
            "the cut over plan",
            "our cut-over",
            "Cutover runbook",
            "cut‑over",
        ] {
            assert!(matches("cut over", text), "{text}");
        }
        assert!(matches("read replica", "two read replicas"));
        assert!(matches("policy", "KMS key policies"));
        assert!(matches("optimization", "cost optimisation"));
        assert!(matches("analyze", "we analyse logs"));
        assert!(matches("data center", "on-premises data centre"));
        assert!(matches(
            "rotat* ~ password*",
            "Passwords are rotated every 30 days"
        ));
        assert!(!matches("rotat* ~ password*", "Passwords are long"));
        assert!(!matches("RTO", "PROTOCOL"));
        assert!(matches("RTO", "RTOs"));
        assert!(matches("sanitiz*", "no sanitisation of copies"));
        assert!(matches("analys*", "logs are analyzed daily"));
    }
}
