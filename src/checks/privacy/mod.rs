//! Privacy checks for case studies that may be published: AWS account IDs in `public` or
//! `anonymized` case studies, and the customer's name in `anonymized` ones.

pub mod account_id;
pub mod customer_named;
