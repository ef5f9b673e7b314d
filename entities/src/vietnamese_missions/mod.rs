//! Source `vietnamese-missions` (provided by VP): Viet Nam's representative missions abroad.

pub mod vn_mission;
