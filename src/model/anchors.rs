//! A document's heading anchors, stored compactly: one text and the end of each anchor.

/// The anchors of a document, in order (a repository holds many documents with about ten
/// anchors each: one string for all of them instead of one allocation per anchor).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Anchors {
    /// The anchors, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.text[start as usize..end as usize])
    }

    /// Whether the document has no anchor.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Anchors {
    fn from_iter<I: IntoIterator<Item = S>>(anchors: I) -> Self {
        let mut text = String::new();
        let mut ends = Vec::new();
        for anchor in anchors {
            text.push_str(anchor.as_ref());
            // Files over 64 MiB are refused when read, so the anchors of one stay far below 4 GiB.
            ends.push(u32::try_from(text.len()).expect("anchors of one file fit in 4 GiB"));
        }
        Self {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_come_back_in_order() {
        let anchors: Anchors = ["intro", "", "état-2"].into_iter().collect();
        assert_eq!(anchors.iter().collect::<Vec<_>>(), ["intro", "", "état-2"]);
        assert!(!anchors.is_empty());
        assert!(Anchors::default().is_empty());
        assert_eq!(Anchors::default().iter().count(), 0);
    }
}
