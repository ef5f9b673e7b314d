//! Source `chronicle` (foreign-affairs units): the chronicle of notable diplomatic events.

pub mod chronicle_event;
