//! evidencelint: a linter for AWS Service Delivery evidence repositories.
//!
//! Stages: [`discover`] → [`parse`] → [`model`] → [`evaluate`] / [`checks`] → [`filter`] →
//! [`output`].

pub mod diagnostic;
pub mod packs;
pub mod parse;
pub mod secrets;
pub mod source;
