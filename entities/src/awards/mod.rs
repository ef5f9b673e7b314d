//! Source `awards` (owned by VP): emulation and commendation of the sector, and the State awards
//! conferred on foreigners and overseas Vietnamese on MOFA's proposal.

pub mod award;
