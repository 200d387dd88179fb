//! evidencelint: a linter for AWS Service Delivery evidence repositories.
//!
//! Stages: [`discover`] → [`parse`] → [`model`] → [`evaluate`] / [`checks`] → [`filter`] →
//! [`output`].

// A diagnostic is the error type of reads and loads; those paths are cold, so its size is fine.
#![allow(clippy::result_large_err)]

pub mod checks;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod diagram;
pub mod discover;
pub mod evaluate;
pub mod filter;
mod lean_regex;
pub mod lint;
pub mod model;
pub mod output;
pub mod packs;
pub mod parse;
pub mod registry;
pub mod report;
pub mod scaffold;
pub mod secrets;
pub mod source;
#[cfg(test)]
mod test_rng;
