//! Source `party-members` (owned by DUDT): records of the Party members of the Ministry's Party
//! Committee. Political affiliation is sensitive personal data: the identity stays with DUDT.

pub mod party_member;
