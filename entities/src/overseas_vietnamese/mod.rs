//! Source `overseas-vietnamese` (owned by UBNV): overseas Vietnamese communities and their
//! organisations and associations.

pub mod overseas_organisation;
