//! Source `consular-information` (provided by LS): the consular information published for
//! citizens, foreigners and businesses; here, the visa exemptions.

pub mod visa_exemption;
