//! Source `diplomatic-visas` (owned by LS): visa files of the categories to whom the Ministry
//! issues visas. Personal data: shared with `consular-info`, identity documents and dates of birth
//! kept to LS.

pub mod visa_file;
