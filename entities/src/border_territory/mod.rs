//! Source `border-territory` (provided by UBBG): policies of the Party and State on borders and
//! territory, the border lines and their legal instruments.

pub mod border_document;
