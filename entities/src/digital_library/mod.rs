//! Source `digital-library` (owned by HVNG): digitised research material of the Diplomatic Academy
//! and the Ministry.

pub mod library_item;
