//! Source `privileges-immunities` (owned by LT): the rules on privileges and immunities and the
//! international organisations in Viet Nam they cover.

pub mod privilege_rule;
