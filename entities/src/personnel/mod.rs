//! Source `personnel` (owned by TCCB): records of MOFA cadres, civil servants and public
//! employees. Personal data; the sensitive part (ethnicity, religion, political affiliation,
//! health) is readable only by TCCB staff.

pub mod personnel_record;
