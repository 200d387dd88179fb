//! Stage 3: the typed model of the repository — documents, case studies, practice.

pub mod anchors;
pub mod document;
pub mod repository;
pub mod schema;
pub mod values;

pub use document::Document;
pub use repository::Repository;
