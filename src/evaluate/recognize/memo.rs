//! What the recognizer computes once per text (a sentence or a block) and reuses for every
//! atom that looks at it: its numbers, its values of each kind, whether it is a placeholder, whether it may deny.

use std::cell::OnceCell;
use std::ops::Range;

use super::numbers::{Number, find_numbers};
use super::values::{self, ValueKind};
use super::{negation, text};

/// Lazily computed facts about one text; every method must be given that same text.
#[derive(Debug, Default)]
pub(crate) struct TextMemo {
    numbers: OnceCell<Vec<Number>>,
    values: [OnceCell<Vec<Range<usize>>>; ValueKind::ALL.len()],
    unit_hints: [OnceCell<bool>; ValueKind::ALL.len()],
    bare_numbers: [OnceCell<bool>; ValueKind::ALL.len()],
    placeholder: OnceCell<bool>,
    denial_cue: OnceCell<bool>,
}

impl TextMemo {
    fn numbers(&self, text: &str) -> &[Number] {
        self.numbers.get_or_init(|| find_numbers(text))
    }

    /// The ranges of the values of `kind` in the text.
    pub fn values(&self, kind: ValueKind, text: &str) -> &[Range<usize>] {
        self.values[kind as usize].get_or_init(|| {
            values::find_in(kind, text, self.numbers(text))
                .into_iter()
                .map(|v| v.range)
                .collect()
        })
    }

    /// Whether the text names a unit of `kind` ("RTO (hours)").
    pub fn unit_hint(&self, kind: ValueKind, text: &str) -> bool {
        *self.unit_hints[kind as usize].get_or_init(|| values::unit_hint(kind, text))
    }

    /// Whether the text holds bare numbers that a unit named elsewhere makes values of `kind`.
    pub fn has_bare_numbers(&self, kind: ValueKind, text: &str) -> bool {
        *self.bare_numbers[kind as usize]
            .get_or_init(|| !values::bare_numbers(kind, text, self.numbers(text)).is_empty())
    }

    /// Whether the text is a placeholder rather than content.
    pub fn is_placeholder(&self, text: &str) -> bool {
        *self.placeholder.get_or_init(|| text::is_placeholder(text))
    }

    /// Whether the text may deny something: it holds a negator's letters ("no", "n't",
    /// "without"…). Without them no phrase of the text is denied.
    pub fn has_denial_cue(&self, text: &str) -> bool {
        *self.denial_cue.get_or_init(|| negation::has_cue(text))
    }
}
