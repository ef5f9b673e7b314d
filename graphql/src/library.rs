//! Source `digital-library` (owned by HVNG): digitised research material of the Diplomatic Academy
//! and the Ministry. Roots: `libraryItems`, `libraryItem(id)`.

use entities::digital_library::library_item;

use crate::record::record_api;

record_api! {
    /// A document, research project, thesis, dissertation, article or journal issue of the digital
    /// library.
    LibraryItem(LibraryItemConnection, LibraryItemEdge) = library_item in DigitalLibrary, open;
    query LibraryItemQuery {
        /// The digital library: open items for everyone, internal items for staff.
        library_items,
        /// One library item by its id, if the caller may see it.
        library_item,
    }
    filter LibraryItemFilter {
        /// `document`, `research_project`, `thesis`, `dissertation`, `article`, `journal`.
        kind: String => eq(Kind),
        /// Year of publication.
        year: i32 => eq(Year),
        /// Subject heading.
        subject: String => eq(Subject),
        /// Words of the English title.
        search: String => contains(TitleEn),
    }
    fields {
        /// `document`, `research_project`, `thesis`, `dissertation`, `article`, `journal`.
        kind: String,
        /// The title, in Vietnamese.
        title_vi: Option<String>,
        /// The title, in English.
        title_en: Option<String>,
        /// Authors, `;`-separated.
        authors: Option<String>,
        /// Year of publication or defence.
        year: Option<i32>,
        /// Subject heading.
        subject: Option<String>,
        /// Abstract, in Vietnamese.
        abstract_vi: Option<String>,
        /// Abstract, in English.
        abstract_en: Option<String>,
        /// `open` or `internal`.
        access_level: String,
        /// Where the digitised item is.
        url: Option<String>,
        /// Where the facts of this record come from.
        source_note: Option<String>,
        /// `high`, `medium` or `low`: how sure the source is.
        confidence: Option<String>,
    }
    computed {

    }
}
