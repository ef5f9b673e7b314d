//! Source `diplomatic-corps` (provided by LT): the foreign diplomatic missions in Viet Nam.

pub mod foreign_mission;
