//! The words denials are read with: negators, and the words that may stand between a negator
//! and what it denies. Every list is sorted and lowercase (a test checks), for a binary search.

/// Words that deny what follows them.
#[rustfmt::skip]
pub(super) const NEGATORS: &[&str] = &[
    "absence", "cannot", "lack", "lacked", "lacking", "lacks", "neither", "never", "no", "none",
    "nor", "not", "without",
];

/// Words a negator is not one with when followed by them ("not only", "no later than").
#[rustfmt::skip]
pub(super) const PSEUDO_FOLLOWERS: &[&str] = &[
    "doubt", "earlier", "exception", "fewer", "just", "later", "least", "less", "limited",
    "longer", "matter", "more", "necessarily", "only",
];

/// Words that may stand between a negator and the phrase it denies: articles, auxiliaries,
/// and the qualifiers of a document or practice ("no formally documented", "do not have a").
#[rustfmt::skip]
pub(super) const BETWEEN: &[&str] = &[
    "a", "actual", "agreed", "an", "any", "are", "ask", "asked", "automated", "automatic",
    "automatically", "be", "been", "being", "clear", "clearly", "configure", "create",
    "current", "currently", "dedicated", "define", "defined", "detailed", "did", "do",
    "document", "documented", "does", "enable", "ever", "existing", "explicit", "explicitly",
    "form", "formal", "formally", "had", "has", "have", "having", "her", "his", "implement",
    "include", "is", "its", "keep", "kept", "kind", "maintain", "my", "need", "needed", "of",
    "one", "our", "perform", "plan", "prepare", "proper", "properly", "provide", "really",
    "regular", "regularly", "request", "requested", "require", "required", "separate", "single",
    "sort", "specific", "still", "such", "tested", "the", "their", "there", "these", "this",
    "those", "type", "use", "used", "want", "wanted", "was", "were", "write", "written", "yet",
    "your",
];

/// Words that may stand between a phrase and the negator of its predicate: the nouns a topic
/// is often the qualifier of, and auxiliaries ("fallback plan has not been written").
#[rustfmt::skip]
pub(super) const BEFORE_PREDICATE: &[&str] = &[
    "also", "approach", "are", "be", "been", "currently", "design", "details", "did", "do",
    "document", "documentation", "documents", "does", "had", "has", "have", "in", "is",
    "matrix", "mechanism", "mechanisms", "option", "options", "place", "plan", "planning",
    "plans", "policies", "policy", "procedure", "procedures", "process", "processes", "report",
    "reports", "runbook", "runbooks", "section", "step", "steps", "still", "strategies",
    "strategy", "was", "were", "will", "would", "yet",
];

/// Words between a predicate's negator and its verb ("not yet been written").
#[rustfmt::skip]
pub(super) const PREDICATE_ADVERBS: &[&str] = &[
    "be", "been", "being", "clearly", "currently", "even", "ever", "explicitly", "formally",
    "fully", "properly", "really", "yet",
];

/// Verbs that, denied, say the thing does not exist ("not written", "never implemented").
#[rustfmt::skip]
pub(super) const EXISTENCE: &[&str] = &[
    "activated", "addressed", "applicable", "available", "captured", "carried", "conducted",
    "configured", "considered", "covered", "created", "defined", "deployed", "designed",
    "developed", "documented", "done", "drafted", "enabled", "enforced", "established", "exist",
    "existing", "feasible", "implemented", "in", "included", "part", "performed", "planned",
    "possible", "prepared", "present", "produced", "provided", "put", "recorded", "required",
    "set", "specified", "supported", "there", "turned", "written",
];

/// Words that, as the phrase's value or predicate, or as a short answer under it, say the
/// thing is absent ("plan: none", "Missing").
#[rustfmt::skip]
pub(super) const ABSENT: &[&str] = &[
    "absent", "lacking", "missing", "nil", "none", "nonexistent", "nothing", "pending",
];

/// Words that offer the alternative to what was denied.
#[rustfmt::skip]
pub(super) const CONTRASTS: &[&str] = &[
    "but", "instead", "rather",
];

/// Words that, after "only", name the means by which a denied thing still happens.
#[rustfmt::skip]
pub(super) const MEANS: &[&str] = &[
    "by", "from", "in", "over", "through", "using", "via", "with",
];

/// Words that may start a short answer before its denial ("Currently not defined").
#[rustfmt::skip]
pub(super) const ANSWER_LEADS: &[&str] = &[
    "currently", "still",
];
