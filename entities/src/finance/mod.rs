//! Source `finance` (owned by QTTV): accounting figures and financial documents of the units at
//! home and abroad.

pub mod ledger_entry;
