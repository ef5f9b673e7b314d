//! Cultural diplomacy (source `cultural-diplomacy`): Viet Nam's UNESCO heritage and titles,
//! `unescoTitles`, `unescoTitle(id)`.

use chrono::NaiveDate;
use entities::cultural_diplomacy::unesco_title;

use crate::record::record_api;

record_api! {
    /// A UNESCO inscription of Viet Nam.
    UnescoTitle(UnescoTitleConnection, UnescoTitleEdge) = unesco_title in CulturalDiplomacy, open;
    query UnescoQuery {
        /// Viet Nam's UNESCO heritage and titles.
        unesco_titles,
        /// One UNESCO title by its id, if the caller may see it.
        unesco_title,
    }
    filter UnescoTitleFilter {
        /// `world_heritage`, `intangible_heritage`, `documentary_heritage`, `biosphere_reserve`,
        /// `global_geopark`.
        category: String => eq(Category),
        year: i32 => eq(Year),
    }
    fields {
        /// The register code (`WH01`, …).
        code: String,
        category: String,
        /// The UNESCO list or register.
        list_or_register: String,
        name_vi: String,
        name_en: String,
        year: i32,
        inscribed_on: Option<NaiveDate>,
        /// `cultural`, `natural`, `mixed` (World Heritage only).
        heritage_type: Option<String>,
        /// The provinces (after the 2025 reorganisation), `; `-separated.
        provinces: Option<String>,
        notes: Option<String>,
        publishable: bool,
        source_note: Option<String>,
        confidence: Option<String>,
    }
    computed {}
}
