//! Case study checks that need no checklist.

pub mod dates;
