//! Source `economic-diplomacy` (owned by THKT): Party and Government direction on economic
//! diplomacy, socio-economic information, leaders' speeches.

pub mod economic_item;
