//! Source `country-profiles` (owned by the foreign-affairs units, DVDN): countries and their
//! relations with Viet Nam.

pub mod country;
