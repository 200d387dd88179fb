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
    /// For each part, its words for the word matcher (`None`: matched by its regex only).
    pub words: Vec<Option<Vec<Word>>>,
}

/// The literal a part's matches start with: up to four letters of its first word.
pub fn literal(part: &str) -> String {
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
    let count = phrase.split('~').count();
    let mut compiled = Phrase {
        parts: Vec::with_capacity(count),
        literals: Vec::with_capacity(count),
        words: Vec::with_capacity(count),
    };
    for part in parts(phrase) {
        let part = compile_part(part).ok_or_else(|| empty_part(phrase))?;
        compiled.parts.push(part.source);
        compiled.literals.push(part.literal);
        compiled.words.push(part.words);
    }
    Ok(compiled)
}

/// The parts of a phrase (`A ~ B`), trimmed.
pub fn parts(phrase: &str) -> impl Iterator<Item = &str> {
    phrase.split('~').map(str::trim)
}

/// The error of a phrase with an empty part.
pub fn empty_part(phrase: &str) -> String {
    format!("phrase `{phrase}`: empty part")
}

/// One compiled part of a phrase (see [`Phrase`] for what each field is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The regex source.
    pub source: String,
    /// The lowercase literal every match starts with.
    pub literal: String,
    /// The words for the word matcher (`None`: matched by its regex only).
    pub words: Option<Vec<Word>>,
}

/// Compiles one (trimmed) part of a phrase; `None` when it has no words.
pub fn compile_part(part: &str) -> Option<Part> {
    let words = split_words(part);
    if words.is_empty() {
        return None;
    }
    Some(Part {
        source: part_regex(&words),
        literal: literal(part),
        words: words.into_iter().map(word_forms).collect(),
    })
}

/// Words may be joined by spaces, hyphens (any dash), slashes, underscores or nothing.
const SEPARATOR: &str = r"[ \t\n\u{A0}\-‐‑‒–—_/]*";

/// The regex source of a part's (non-empty) words.
fn part_regex(words: &[&str]) -> String {
    let regexes: Vec<String> = words.iter().map(|word| word_regex(word)).collect();
    part_source(regexes.iter().map(String::as_str))
}

/// The regex source of a part from the regexes of its words ([`word_regex`]), in order.
pub fn part_source<'r>(word_regexes: impl IntoIterator<Item = &'r str>) -> String {
    let mut source = String::with_capacity(128);
    source.push_str(r"(?i)(?-u:\b)");
    for (i, regex) in word_regexes.into_iter().enumerate() {
        if i > 0 {
            source.push_str(SEPARATOR);
        }
        source.push_str(regex);
    }
    source.push_str(r"(?-u:\b)");
    source
}

/// The regex of one word of a part, with its plural and spelling variants.
pub fn word_regex(word: &str) -> String {
    let mut regex = String::new();
    push_word_regex(&mut regex, word);
    regex
}

/// One word: a prefix (`rotat*`), or a word with plural and spelling variants.
fn push_word_regex(out: &mut String, word: &str) {
    if let Some(prefix) = word.strip_suffix('*') {
        let lower = prefix.to_lowercase();
        let escaped = escape(&lower);
        out.push_str(&prefix_spelling(&spelling(&escaped)));
        out.push_str("[a-z0-9_]*");
        return;
    }
    let lower = word.to_lowercase();
    if lower.chars().any(|c| !c.is_alphanumeric()) {
        out.push_str(&regex::escape(&lower));
        return;
    }
    // `lower` is alphanumeric from here on: escaping leaves it as it is.
    if lower.len() <= 3 || lower.chars().any(|c| c.is_ascii_digit()) {
        // Acronyms and short words (RTO, KMS, IAM, AZ): plural only.
        out.push_str(&lower);
        out.push_str("s?");
        return;
    }
    let (stem, plural) = if let Some(stem) = lower
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        (stem, "(?:y|ies)")
    } else if lower.ends_with(['s', 'x', 'z']) || lower.ends_with("ch") || lower.ends_with("sh") {
        (lower.as_str(), "(?:es)?")
    } else {
        (lower.as_str(), "s?")
    };
    out.push_str(&spelling(stem));
    out.push_str(plural);
}

/// `regex::escape`, without a copy when there is nothing to escape (letters and digits never
/// are).
fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(char::is_alphanumeric) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(regex::escape(text))
    }
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
            return [stem, to].concat();
        }
    }
    prefix.to_string()
}

/// British/American spelling pairs: the first `from` a word contains gives its other spelling.
const SPELLINGS: &[(&str, &str)] = &[
    ("isation", "ization"),
    ("ization", "isation"),
    ("yse", "yze"),
    ("yze", "yse"),
    ("ise", "ize"),
    ("ize", "ise"),
    ("ising", "izing"),
    ("izing", "ising"),
    ("centre", "center"),
    ("center", "centre"),
    ("licence", "license"),
    ("license", "licence"),
    ("defence", "defense"),
    ("defense", "defence"),
    ("catalogue", "catalog"),
    ("catalog", "catalogue"),
    ("modelling", "modeling"),
    ("modeling", "modelling"),
    ("labelled", "labeled"),
    ("labeled", "labelled"),
    ("travelled", "traveled"),
    ("behaviour", "behavior"),
    ("behavior", "behaviour"),
    ("favour", "favor"),
    ("favor", "favour"),
    ("programme", "program"),
];

/// The first spelling pair (in [`SPELLINGS`] order) whose first spelling `word` contains.
fn spelling_pair(word: &str) -> Option<(&'static str, &'static str)> {
    let bytes = word.as_bytes();
    SPELLINGS
        .iter()
        .copied()
        .find(|(from, _)| contains(bytes, from.as_bytes()))
}

/// Whether `needle` (not empty) occurs in `haystack`; words are short, so a plain scan is
/// cheaper than setting up a substring searcher.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len()
        && (haystack.windows(needle.len())).any(|w| w[0] == needle[0] && w == needle)
}

/// British/American spelling variants, applied to a word's regex source.
fn spelling(word: &str) -> String {
    match spelling_pair(word) {
        Some((from, other)) => word.replacen(from, &["(?:", from, "|", other, ")"].concat(), 1),
        None => word.to_string(),
    }
}

/// A word and its other spelling, if it has one.
fn spelling_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if let Some((from, other)) = spelling_pair(word) {
        forms.push(word.replacen(from, other, 1));
    }
    forms
}

/// One word of a part, as the word matcher sees it: the exact (lowercase ASCII) forms a token
/// may take, or the prefixes it may start with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Word {
    /// The token is one of these forms.
    Forms(Vec<String>),
    /// The token starts with one of these prefixes.
    Prefix(Vec<String>),
}

/// The words of a part with every form the part's regex accepts for each, or `None` when a
/// word holds anything but ASCII letters and digits (such parts are matched by their regex).
pub fn part_words(part: &str) -> Option<Vec<Word>> {
    split_words(part).into_iter().map(word_forms).collect()
}

fn split_words(part: &str) -> Vec<&str> {
    words(part).collect()
}

/// The words of a part, as written.
pub fn words(part: &str) -> impl Iterator<Item = &str> {
    part.split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '/')
        .filter(|w| !w.is_empty())
}

/// One word of a part with every form its regex accepts, or `None` when it holds anything but
/// ASCII letters and digits.
pub fn word_forms(word: &str) -> Option<Word> {
    let (body, is_prefix) = match word.strip_suffix('*') {
        Some(prefix) => (prefix, true),
        None => (word, false),
    };
    let lower = body.to_ascii_lowercase();
    if lower.is_empty() || !lower.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    if is_prefix {
        let forms = spelling_forms(&lower)
            .into_iter()
            .flat_map(|p| prefix_spelling_forms(&p))
            .collect();
        return Some(Word::Prefix(forms));
    }
    if lower.len() <= 3 || lower.bytes().any(|b| b.is_ascii_digit()) {
        let plural = [lower.as_str(), "s"].concat();
        return Some(Word::Forms(vec![lower, plural]));
    }
    let (stem, endings): (&str, &[&str]) = match lower
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        Some(stem) => (stem, &["y", "ies"]),
        None if lower.ends_with(['s', 'x', 'z'])
            || lower.ends_with("ch")
            || lower.ends_with("sh") =>
        {
            (&lower, &["", "es"])
        }
        None => (&lower, &["", "s"]),
    };
    let forms = spelling_forms(stem)
        .iter()
        .flat_map(|s| endings.iter().map(move |e| [s.as_str(), e].concat()))
        .collect();
    Some(Word::Forms(forms))
}

/// A prefix ending in `is`/`iz`/`ys`/`yz` in both spellings.
fn prefix_spelling_forms(prefix: &str) -> Vec<String> {
    for (from, other) in [("iz", "is"), ("is", "iz"), ("yz", "ys"), ("ys", "yz")] {
        if let Some(stem) = prefix.strip_suffix(from) {
            return vec![prefix.to_string(), [stem, other].concat()];
        }
    }
    vec![prefix.to_string()]
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
