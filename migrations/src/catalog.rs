//! The catalogue of Decision 3021/QĐ-BNG as transcribed in `catalog/catalog-3021.json`
//! (bilingual, coded), parsed into types before anything is written.

use serde::Deserialize;

/// The decision's catalogue file, kept in this crate so that a clone of the project alone holds
/// what it loads.
pub const CATALOG_3021_JSON: &str = include_str!("../catalog/catalog-3021.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub decision: Decision,
    pub units: Vec<Unit>,
    pub databases: Vec<Database>,
    pub sharing_services: Vec<SharingService>,
    pub open_datasets: Vec<OpenDataset>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub number: String,
    pub date: chrono::NaiveDate,
    pub issuer_vi: String,
    pub issuer_en: String,
    pub title_vi: String,
    pub title_en: String,
    pub signed_by_title_vi: String,
    pub signed_by_title_en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Database {
    pub no: i32,
    pub code: String,
    pub group: String,
    pub group_name_vi: String,
    pub group_name_en: String,
    pub name_vi: String,
    pub name_en: String,
    pub purpose_vi: String,
    pub purpose_en: String,
    pub content_vi: String,
    pub content_en: String,
    pub collection_vi: String,
    pub collection_en: String,
    pub default_sharing_vi: String,
    pub default_sharing_en: String,
    pub owner_units: Vec<String>,
    pub owner_note_vi: String,
    pub owner_note_en: String,
    pub operator_units: Vec<String>,
    pub timeline_vi: Option<String>,
    pub timeline_en: Option<String>,
    pub notes_vi: Option<String>,
    pub notes_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharingService {
    pub no: i32,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub provider_unit: String,
    pub api_address: Option<String>,
    pub content_vi: String,
    pub content_en: String,
    pub mode: String,
    pub mode_vi: String,
    pub data_standard_vi: String,
    pub data_standard_en: String,
    pub connection_model: Option<String>,
    pub method: String,
    pub method_vi: String,
    pub consumer_requirement_vi: String,
    pub consumer_requirement_en: String,
    pub draws_on_databases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenDataset {
    pub no: i32,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub description_vi: String,
    pub description_en: String,
    pub provider_unit: String,
    pub first_published_vi: String,
    pub first_published_year: i32,
    pub first_published_planned: bool,
    pub frequency_vi: String,
    pub frequency_en: String,
    pub frequency_eu: Vec<String>,
    pub website: Option<String>,
    pub draws_on_sources: Vec<String>,
}

impl Catalogue {
    /// The catalogue of Decision 3021/QĐ-BNG.
    pub fn decision_3021() -> Result<Catalogue, serde_json::Error> {
        serde_json::from_str(CATALOG_3021_JSON)
    }
}

#[cfg(test)]
mod tests {
    use entities::Source;

    use super::*;

    #[test]
    fn decision_3021_has_every_row_of_the_three_appendices() -> Result<(), serde_json::Error> {
        let catalogue = Catalogue::decision_3021()?;
        assert_eq!(catalogue.units.len(), 16);
        assert_eq!(catalogue.databases.len(), 23);
        assert_eq!(catalogue.sharing_services.len(), 9);
        assert_eq!(catalogue.open_datasets.len(), 8);
        Ok(())
    }

    #[test]
    fn every_database_and_dataset_source_is_a_known_source() -> Result<(), serde_json::Error> {
        let catalogue = Catalogue::decision_3021()?;
        for database in &catalogue.databases {
            let source: Result<Source, _> = database.code.parse();
            assert!(
                source.is_ok_and(Source::is_catalogue_database),
                "{}",
                database.code
            );
        }
        for dataset in &catalogue.open_datasets {
            for code in &dataset.draws_on_sources {
                assert!(code.parse::<Source>().is_ok(), "{code}");
            }
        }
        Ok(())
    }
}
