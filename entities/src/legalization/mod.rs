//! Source `legalization` (owned by LS): files of consular certification and legalisation. Personal
//! data: shared with `consular-info`, identity documents kept to LS.

pub mod legalization_file;
