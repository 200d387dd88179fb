//! Rule packs: the checklists as data, embedded in the binary, validated on load.

pub mod format;
