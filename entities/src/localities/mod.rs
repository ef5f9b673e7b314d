//! Source `localities` (owned by NV): the provinces and centrally-run cities, and the Ministry's
//! cooperation with them.

pub mod locality_cooperation;
pub mod province;
