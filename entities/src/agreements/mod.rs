//! Source `agreements` (owned by LPQT): international agreements (thỏa thuận quốc tế, Law on
//! International Agreements 70/2020/QH14) concluded by Vietnamese parties below the State and
//! Government (ministries, provinces, National Assembly bodies…).

pub mod agreement;
