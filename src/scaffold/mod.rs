//! `evidencelint init` (in progress).
