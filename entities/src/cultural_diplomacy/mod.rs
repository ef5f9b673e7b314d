//! Source `cultural-diplomacy` (owned by NGVH): cultural diplomacy and cooperation with UNESCO;
//! here, Viet Nam's UNESCO heritage and titles.

pub mod unesco_title;
