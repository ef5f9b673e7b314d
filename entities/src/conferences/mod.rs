//! Source `conferences` (owned by NV): international conferences and seminars that the Ministry
//! and its units hosted or co-organised.

pub mod conference;
