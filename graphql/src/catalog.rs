//! `catalog`: the catalogue of Decision 3021/QĐ-BNG itself (units, the 23 shared databases, the
//! 9 sharing services, the 8 open datasets), read from the `meta` source. Anyone may read it.
//!
//! One request reads the whole catalogue once (nine small tables) into an [`Index`]; relations
//! between its rows are then lookups in memory, so a nested catalogue query costs nine statements
//! whatever its shape.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::NaiveDate;
use entities::{
    Source, SourceConnections,
    meta::{
        catalog_database, catalog_database_unit, catalog_dataset_frequency, catalog_dataset_source,
        catalog_decision, catalog_open_dataset, catalog_service_source, catalog_sharing_service,
        catalog_unit,
    },
};
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use crate::{error::ApiError, ids::global_id};

#[derive(Default)]
pub struct CatalogQuery;

#[Object]
impl CatalogQuery {
    /// The catalogue of shared databases, data-sharing services and open data (Decision
    /// 3021/QĐ-BNG of 31 October 2023).
    async fn catalog(&self, ctx: &Context<'_>) -> Result<Catalog, ApiError> {
        let sources = ctx.data_unchecked::<SourceConnections>();
        let index = Index::load(sources.get(Source::Meta)).await?;
        Ok(Catalog(Arc::new(index)))
    }
}

/// Every catalogue row, as stored, ordered as in the decision.
struct Index {
    decision: Option<catalog_decision::Model>,
    units: Vec<catalog_unit::Model>,
    databases: Vec<catalog_database::Model>,
    database_units: Vec<catalog_database_unit::Model>,
    services: Vec<catalog_sharing_service::Model>,
    service_sources: Vec<catalog_service_source::Model>,
    datasets: Vec<catalog_open_dataset::Model>,
    frequencies: Vec<catalog_dataset_frequency::Model>,
    dataset_sources: Vec<catalog_dataset_source::Model>,
}

impl Index {
    async fn load(db: &DatabaseConnection) -> Result<Index, ApiError> {
        Ok(Index {
            decision: catalog_decision::Entity::find().one(db).await?,
            units: catalog_unit::Entity::find()
                .order_by_asc(catalog_unit::Column::Position)
                .all(db)
                .await?,
            databases: catalog_database::Entity::find()
                .order_by_asc(catalog_database::Column::Position)
                .all(db)
                .await?,
            database_units: catalog_database_unit::Entity::find()
                .order_by_asc(catalog_database_unit::Column::DatabaseCode)
                .order_by_asc(catalog_database_unit::Column::UnitCode)
                .all(db)
                .await?,
            services: catalog_sharing_service::Entity::find()
                .order_by_asc(catalog_sharing_service::Column::Position)
                .all(db)
                .await?,
            service_sources: catalog_service_source::Entity::find()
                .order_by_asc(catalog_service_source::Column::SourceCode)
                .all(db)
                .await?,
            datasets: catalog_open_dataset::Entity::find()
                .order_by_asc(catalog_open_dataset::Column::Position)
                .all(db)
                .await?,
            frequencies: catalog_dataset_frequency::Entity::find()
                .order_by_asc(catalog_dataset_frequency::Column::EuCode)
                .all(db)
                .await?,
            dataset_sources: catalog_dataset_source::Entity::find()
                .order_by_asc(catalog_dataset_source::Column::SourceCode)
                .all(db)
                .await?,
        })
    }

    fn unit(self: &Arc<Self>, code: &str) -> Option<Unit> {
        self.units
            .iter()
            .position(|u| u.code == code)
            .map(|i| Unit(Row::new(self, i)))
    }

    fn database(self: &Arc<Self>, code: &str) -> Option<Database> {
        self.databases
            .iter()
            .position(|d| d.code == code)
            .map(|i| Database(Row::new(self, i)))
    }

    fn units_of_database(self: &Arc<Self>, database: &str, role: &str) -> Vec<Unit> {
        self.database_units
            .iter()
            .filter(|du| du.database_code == database && du.role == role)
            .filter_map(|du| self.unit(&du.unit_code))
            .collect()
    }

    /// A row that must exist because a foreign key says so; its absence is corruption.
    fn required<T>(row: Option<T>, what: &str, code: &str) -> Result<T, ApiError> {
        row.ok_or_else(|| {
            tracing::error!(what, code, "catalogue row missing behind a foreign key");
            ApiError::Internal
        })
    }
}

/// A row of one of the index's tables.
#[derive(Clone)]
struct Row {
    index: Arc<Index>,
    at: usize,
}

impl Row {
    fn new(index: &Arc<Index>, at: usize) -> Row {
        Row {
            index: Arc::clone(index),
            at,
        }
    }
}

/// The catalogue of Decision 3021/QĐ-BNG.
pub struct Catalog(Arc<Index>);

#[Object]
impl Catalog {
    /// The decision that issues the catalogue.
    async fn decision(&self) -> Option<Decision> {
        self.0.decision.as_ref().map(Decision::from)
    }

    /// The units of the Ministry that own, operate or provide data.
    async fn units(&self) -> Vec<Unit> {
        (0..self.0.units.len())
            .map(|i| Unit(Row::new(&self.0, i)))
            .collect()
    }

    /// Appendix 1: the 23 shared databases.
    async fn databases(&self) -> Vec<Database> {
        (0..self.0.databases.len())
            .map(|i| Database(Row::new(&self.0, i)))
            .collect()
    }

    /// Appendix 2: the 9 data-sharing services for other agencies.
    async fn sharing_services(&self) -> Vec<SharingService> {
        (0..self.0.services.len())
            .map(|i| SharingService(Row::new(&self.0, i)))
            .collect()
    }

    /// Appendix 3: the 8 open datasets and their publication plan.
    async fn open_datasets(&self) -> Vec<OpenDataset> {
        (0..self.0.datasets.len())
            .map(|i| OpenDataset(Row::new(&self.0, i)))
            .collect()
    }
}

/// The decision that issues the catalogue.
#[derive(SimpleObject)]
pub struct Decision {
    pub id: ID,
    /// The decision's number, `3021/QĐ-BNG`.
    pub number: String,
    pub issued_on: NaiveDate,
    pub issuer_vi: String,
    pub issuer_en: String,
    pub title_vi: String,
    pub title_en: String,
    pub signed_by_title_vi: String,
    pub signed_by_title_en: String,
}

impl From<&catalog_decision::Model> for Decision {
    fn from(d: &catalog_decision::Model) -> Self {
        Decision {
            id: global_id("Decision", &d.number),
            number: d.number.clone(),
            issued_on: d.issued_on,
            issuer_vi: d.issuer_vi.clone(),
            issuer_en: d.issuer_en.clone(),
            title_vi: d.title_vi.clone(),
            title_en: d.title_en.clone(),
            signed_by_title_vi: d.signed_by_title_vi.clone(),
            signed_by_title_en: d.signed_by_title_en.clone(),
        }
    }
}

/// A unit of the Ministry (a department, office, committee or the units collectively).
pub struct Unit(Row);

impl Unit {
    fn model(&self) -> &catalog_unit::Model {
        &self.0.index.units[self.0.at]
    }
}

#[Object]
impl Unit {
    async fn id(&self) -> ID {
        global_id("Unit", &self.model().code)
    }

    /// The unit's code (`LPQT`, `TCCB`, …).
    async fn code(&self) -> &str {
        &self.model().code
    }

    async fn name_vi(&self) -> &str {
        &self.model().name_vi
    }

    async fn name_en(&self) -> &str {
        &self.model().name_en
    }

    /// The databases whose data this unit manages.
    async fn owned_databases(&self) -> Vec<Database> {
        let code = &self.model().code;
        let index = &self.0.index;
        let owns = |database: &str| {
            index.database_units.iter().any(|du| {
                du.database_code == database && &du.unit_code == code && du.role == "owner"
            })
        };
        (0..index.databases.len())
            .filter(|&i| owns(&index.databases[i].code))
            .map(|i| Database(Row::new(index, i)))
            .collect()
    }

    /// The sharing services this unit provides.
    async fn provided_services(&self) -> Vec<SharingService> {
        let code = &self.model().code;
        (0..self.0.index.services.len())
            .filter(|&i| &self.0.index.services[i].provider_unit == code)
            .map(|i| SharingService(Row::new(&self.0.index, i)))
            .collect()
    }

    /// The open datasets this unit provides.
    async fn provided_datasets(&self) -> Vec<OpenDataset> {
        let code = &self.model().code;
        (0..self.0.index.datasets.len())
            .filter(|&i| &self.0.index.datasets[i].provider_unit == code)
            .map(|i| OpenDataset(Row::new(&self.0.index, i)))
            .collect()
    }
}

/// The two groups of Appendix 1.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(rename_items = "SCREAMING_SNAKE_CASE")]
pub enum DatabaseGroup {
    /// Group I: direction, administration and building of the sector.
    DirectionAndAdministration,
    /// Group II: professional foreign-affairs work.
    ProfessionalWork,
}

/// A shared database of Appendix 1.
pub struct Database(Row);

impl Database {
    fn model(&self) -> &catalog_database::Model {
        &self.0.index.databases[self.0.at]
    }
}

#[Object]
impl Database {
    async fn id(&self) -> ID {
        global_id("Database", &self.model().code)
    }

    /// The database's code, also the code of its source (`treaties`, `personnel`, …).
    async fn code(&self) -> &str {
        &self.model().code
    }

    /// The row number in Appendix 1.
    async fn number(&self) -> i32 {
        self.model().position
    }

    async fn group(&self) -> Result<DatabaseGroup, ApiError> {
        match self.model().group_code.as_str() {
            "I" => Ok(DatabaseGroup::DirectionAndAdministration),
            "II" => Ok(DatabaseGroup::ProfessionalWork),
            other => {
                tracing::error!(group = other, "unknown database group in the catalogue");
                Err(ApiError::Internal)
            }
        }
    }

    async fn group_name_vi(&self) -> &str {
        &self.model().group_name_vi
    }

    async fn group_name_en(&self) -> &str {
        &self.model().group_name_en
    }

    async fn name_vi(&self) -> &str {
        &self.model().name_vi
    }

    async fn name_en(&self) -> &str {
        &self.model().name_en
    }

    /// Purpose of building the database (one item per line, as in the decision).
    async fn purpose_vi(&self) -> &str {
        &self.model().purpose_vi
    }

    async fn purpose_en(&self) -> &str {
        &self.model().purpose_en
    }

    /// Main content.
    async fn content_vi(&self) -> &str {
        &self.model().content_vi
    }

    async fn content_en(&self) -> &str {
        &self.model().content_en
    }

    /// How data is collected and created.
    async fn collection_vi(&self) -> &str {
        &self.model().collection_vi
    }

    async fn collection_en(&self) -> &str {
        &self.model().collection_en
    }

    /// The services the database offers by default ("Chia sẻ dữ liệu mặc định").
    async fn default_sharing_vi(&self) -> &str {
        &self.model().default_sharing_vi
    }

    async fn default_sharing_en(&self) -> &str {
        &self.model().default_sharing_en
    }

    /// The units that manage the data.
    async fn owner_units(&self) -> Vec<Unit> {
        self.0.index.units_of_database(&self.model().code, "owner")
    }

    /// The units that operate the technical infrastructure.
    async fn operator_units(&self) -> Vec<Unit> {
        self.0
            .index
            .units_of_database(&self.model().code, "operator")
    }

    async fn owner_note_vi(&self) -> &str {
        &self.model().owner_note_vi
    }

    async fn owner_note_en(&self) -> &str {
        &self.model().owner_note_en
    }

    /// Since when the database exists, or when it is planned.
    async fn timeline_vi(&self) -> Option<&str> {
        self.model().timeline_vi.as_deref()
    }

    async fn timeline_en(&self) -> Option<&str> {
        self.model().timeline_en.as_deref()
    }

    async fn notes_vi(&self) -> Option<&str> {
        self.model().notes_vi.as_deref()
    }

    async fn notes_en(&self) -> Option<&str> {
        self.model().notes_en.as_deref()
    }

    /// The sharing services that draw on this database.
    async fn sharing_services(&self) -> Vec<SharingService> {
        let code = &self.model().code;
        let index = &self.0.index;
        let draws_on = |service: &str| {
            index
                .service_sources
                .iter()
                .any(|ss| ss.service_code == service && &ss.source_code == code)
        };
        (0..index.services.len())
            .filter(|&i| draws_on(&index.services[i].code))
            .map(|i| SharingService(Row::new(index, i)))
            .collect()
    }
}

/// Mode of a sharing service ("Mặc định" or "Đặc thù").
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum SharingMode {
    /// Shared by default with connected agencies.
    Default,
    /// Special: shared case by case.
    Special,
}

/// How a sharing service delivers data ("Trực tuyến" or "Đóng gói").
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum SharingMethod {
    /// Online, through the national data platform.
    Online,
    /// As a package on storage media, never online.
    Packaged,
}

/// A data-sharing service of Appendix 2. Its code is the scope a partner token carries.
pub struct SharingService(Row);

impl SharingService {
    fn model(&self) -> &catalog_sharing_service::Model {
        &self.0.index.services[self.0.at]
    }
}

#[Object]
impl SharingService {
    async fn id(&self) -> ID {
        global_id("SharingService", &self.model().code)
    }

    /// The service's code, the scope of partner tokens (`treaty-info`, …).
    async fn code(&self) -> &str {
        &self.model().code
    }

    /// The row number in Appendix 2.
    async fn number(&self) -> i32 {
        self.model().position
    }

    async fn name_vi(&self) -> &str {
        &self.model().name_vi
    }

    async fn name_en(&self) -> &str {
        &self.model().name_en
    }

    /// The unit that provides the service.
    async fn provider(&self) -> Result<Unit, ApiError> {
        let code = &self.model().provider_unit;
        Index::required(self.0.index.unit(code), "unit", code)
    }

    /// Where the service is reached, when the decision gives an address.
    async fn api_address(&self) -> Option<&str> {
        self.model().api_address.as_deref()
    }

    /// What the service shares.
    async fn content_vi(&self) -> &str {
        &self.model().content_vi
    }

    async fn content_en(&self) -> &str {
        &self.model().content_en
    }

    async fn mode(&self) -> Result<SharingMode, ApiError> {
        match self.model().mode.as_str() {
            "default" => Ok(SharingMode::Default),
            "special" => Ok(SharingMode::Special),
            other => {
                tracing::error!(mode = other, "unknown sharing mode in the catalogue");
                Err(ApiError::Internal)
            }
        }
    }

    async fn mode_vi(&self) -> &str {
        &self.model().mode_vi
    }

    /// The data structure standard the service follows.
    async fn data_standard_vi(&self) -> &str {
        &self.model().data_standard_vi
    }

    async fn data_standard_en(&self) -> &str {
        &self.model().data_standard_en
    }

    /// The connection model (`NDXP`, the national data integration and sharing platform), when
    /// the service is online.
    async fn connection_model(&self) -> Option<&str> {
        self.model().connection_model.as_deref()
    }

    async fn method(&self) -> Result<SharingMethod, ApiError> {
        match self.model().method.as_str() {
            "online" => Ok(SharingMethod::Online),
            "packaged" => Ok(SharingMethod::Packaged),
            other => {
                tracing::error!(method = other, "unknown sharing method in the catalogue");
                Err(ApiError::Internal)
            }
        }
    }

    async fn method_vi(&self) -> &str {
        &self.model().method_vi
    }

    /// What the consuming system must satisfy.
    async fn consumer_requirement_vi(&self) -> &str {
        &self.model().consumer_requirement_vi
    }

    async fn consumer_requirement_en(&self) -> &str {
        &self.model().consumer_requirement_en
    }

    /// The databases of Appendix 1 the service draws on.
    async fn databases(&self) -> Vec<Database> {
        let code = &self.model().code;
        let index = &self.0.index;
        index
            .service_sources
            .iter()
            .filter(|ss| &ss.service_code == code)
            .filter_map(|ss| index.database(&ss.source_code))
            .collect()
    }

    /// The codes of every source the service draws on, databases of Appendix 1 or not.
    async fn sources(&self) -> Vec<&str> {
        let code = &self.model().code;
        self.0
            .index
            .service_sources
            .iter()
            .filter(|ss| &ss.service_code == code)
            .map(|ss| ss.source_code.as_str())
            .collect()
    }
}

/// A publication frequency from the EU frequency vocabulary used by DCAT.
#[derive(SimpleObject)]
pub struct Frequency {
    /// The vocabulary code (`DAILY`, `QUARTERLY`, `IRREG`, …).
    pub code: String,
    /// The vocabulary URI of the code.
    pub uri: String,
}

const EU_FREQUENCY_BASE: &str = "http://publications.europa.eu/resource/authority/frequency/";

/// An open dataset of Appendix 3.
pub struct OpenDataset(Row);

impl OpenDataset {
    fn model(&self) -> &catalog_open_dataset::Model {
        &self.0.index.datasets[self.0.at]
    }
}

#[Object]
impl OpenDataset {
    async fn id(&self) -> ID {
        global_id("OpenDataset", &self.model().code)
    }

    /// The dataset's code (`consular-information`, …).
    async fn code(&self) -> &str {
        &self.model().code
    }

    /// The row number in Appendix 3.
    async fn number(&self) -> i32 {
        self.model().position
    }

    async fn name_vi(&self) -> &str {
        &self.model().name_vi
    }

    async fn name_en(&self) -> &str {
        &self.model().name_en
    }

    async fn description_vi(&self) -> &str {
        &self.model().description_vi
    }

    async fn description_en(&self) -> &str {
        &self.model().description_en
    }

    /// The unit that provides the dataset.
    async fn provider(&self) -> Result<Unit, ApiError> {
        let code = &self.model().provider_unit;
        Index::required(self.0.index.unit(code), "unit", code)
    }

    /// When the dataset was first published, as the decision words it (`2024 (dự kiến)`).
    async fn first_published_vi(&self) -> &str {
        &self.model().first_published_vi
    }

    async fn first_published_year(&self) -> i32 {
        self.model().first_published_year
    }

    /// Whether the first publication was still a plan when the decision was issued.
    async fn first_published_planned(&self) -> bool {
        self.model().first_published_planned
    }

    /// The update frequency as the decision words it (`Hàng ngày`, …).
    async fn frequency_vi(&self) -> &str {
        &self.model().frequency_vi
    }

    async fn frequency_en(&self) -> &str {
        &self.model().frequency_en
    }

    /// The update frequency in the EU vocabulary (more than one when the decision names more).
    async fn frequencies(&self) -> Vec<Frequency> {
        let code = &self.model().code;
        self.0
            .index
            .frequencies
            .iter()
            .filter(|f| &f.dataset_code == code)
            .map(|f| Frequency {
                code: f.eu_code.clone(),
                uri: format!("{EU_FREQUENCY_BASE}{}", f.eu_code),
            })
            .collect()
    }

    /// The website where the dataset is already published, if any.
    async fn website(&self) -> Option<&str> {
        self.model().website.as_deref()
    }

    /// The codes of the sources the dataset draws on.
    async fn sources(&self) -> Vec<&str> {
        let code = &self.model().code;
        self.0
            .index
            .dataset_sources
            .iter()
            .filter(|s| &s.dataset_code == code)
            .map(|s| s.source_code.as_str())
            .collect()
    }
}
