//! Source `assets` (owned by QTTV): the public assets of the units at home and abroad.

pub mod public_asset;
