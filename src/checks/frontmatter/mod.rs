//! Front matter checks: YAML syntax, keys, values, dates, control and case study references.

pub mod invalid_date;
pub mod invalid_value;
pub mod invalid_yaml;
pub mod missing_key;
pub mod unknown_case_study;
pub mod unknown_control;
pub mod unknown_key;
