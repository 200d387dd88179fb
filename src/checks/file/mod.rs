//! File-level problems: encoding and readability.

pub mod not_utf8;
pub mod unreadable;
