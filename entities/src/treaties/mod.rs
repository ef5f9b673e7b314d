//! Source `treaties` (owned by LPQT): treaties to which Viet Nam is a party (Law on Treaties
//! 108/2016/QH13), their parties and each participant's actions.

pub mod treaty;
pub mod treaty_action;
pub mod treaty_party;
