//! Turns draw.io's HTML labels into plain text: tags dropped (line breaks and block ends become
//! spaces), HTML character references decoded, whitespace collapsed.

/// Tags whose boundaries separate words when rendered.
const BREAKING_TAGS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "blockquote",
];

/// The named character references draw.io's editor writes, plus common typography.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("rarr", '→'),
    ("larr", '←'),
    ("harr", '↔'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
];

/// Longest entity name looked for after `&`.
const MAX_ENTITY_LEN: usize = 10;

/// Converts an HTML (or plain) label to collapsed plain text.
pub(crate) fn html_to_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        rest = match c {
            '<' => match skip_tag(rest) {
                Some((after, breaks)) => {
                    if breaks {
                        out.push(' ');
                    }
                    after
                }
                None => push_char(&mut out, rest, c),
            },
            '&' => match decode_entity(rest) {
                Some((decoded, after)) => {
                    out.push(decoded);
                    after
                }
                None => push_char(&mut out, rest, c),
            },
            _ => push_char(&mut out, rest, c),
        };
    }
    collapse_whitespace(&out)
}

/// Appends `c` (the first char of `rest`) and returns what follows it.
fn push_char<'a>(out: &mut String, rest: &'a str, c: char) -> &'a str {
    out.push(c);
    &rest[c.len_utf8()..]
}

/// If `rest` starts with a tag (`<b>`, `</div>`, `<br/>`, `<!-- -->`), returns the text after
/// it and whether it separates words.
fn skip_tag(rest: &str) -> Option<(&str, bool)> {
    let after_lt = &rest[1..];
    let first = after_lt.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!' || first == '?') {
        return None;
    }
    if let Some(comment) = after_lt.strip_prefix("!--") {
        let end = comment.find("-->")?;
        return Some((&comment[end + 3..], false));
    }
    let end = after_lt.find('>')?;
    let name: String = after_lt[..end]
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Some((&after_lt[end + 1..], BREAKING_TAGS.contains(&name.as_str())))
}

/// If `rest` starts with a character reference, returns the character and the text after it.
fn decode_entity(rest: &str) -> Option<(char, &str)> {
    let body = &rest[1..];
    let semi = body
        .char_indices()
        .take(MAX_ENTITY_LEN + 1)
        .find(|&(_, c)| c == ';')?
        .0;
    let name = &body[..semi];
    let decoded = match name.strip_prefix('#') {
        Some(number) => decode_numeric(number)?,
        None => NAMED_ENTITIES.iter().find(|(n, _)| *n == name)?.1,
    };
    Some((decoded, &body[semi + 1..]))
}

/// Decodes the digits of `&#123;` or `&#x7B;`.
fn decode_numeric(number: &str) -> Option<char> {
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code).filter(|&c| c != '\0')
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims the ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_breaks_lines() {
        assert_eq!(
            html_to_text("<div><b>Amazon Aurora</b><br>Writer</div><div>us-east-1a</div>"),
            "Amazon Aurora Writer us-east-1a"
        );
        assert_eq!(html_to_text("Private<br/>subnet"), "Private subnet");
        assert_eq!(html_to_text("<span style=\"x\">VPC</span>"), "VPC");
        assert_eq!(html_to_text("a<!-- hidden -->b"), "ab");
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(html_to_text("AT&amp;T&nbsp;DC"), "AT&T DC");
        assert_eq!(html_to_text("&#65;&#x42;&lt;"), "AB<");
        assert_eq!(html_to_text("&unknown; &#0; &"), "&unknown; &#0; &");
    }

    #[test]
    fn keeps_text_that_only_looks_like_markup() {
        assert_eq!(html_to_text("a < b > c"), "a < b > c");
        assert_eq!(html_to_text("<b"), "<b");
        assert_eq!(html_to_text("  many \n\t spaces  "), "many spaces");
    }

    #[test]
    fn survives_multibyte_text() {
        assert_eq!(html_to_text("é<br>ü&amp;"), "é ü&");
        assert_eq!(html_to_text("&é;"), "&é;");
    }
}
