//! Source `official-passports` (owned by LS): issuance and renewal files of diplomatic and
//! official passports. Personal data: shared with `consular-info`, identities beyond its need kept
//! to LS.

pub mod passport_file;
