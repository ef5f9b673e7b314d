//! Source `foreign-ngos` (owned by NV): foreign non-governmental organisations registered to
//! operate in Viet Nam.

pub mod foreign_ngo;
