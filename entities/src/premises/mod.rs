//! Source `premises` (owned by QTTV): land, buildings and premises of the units at home and
//! abroad.

pub mod premise;
