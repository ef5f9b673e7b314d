//! Relay's global object identification: `node(id:)` finds any record by the global id its
//! `id` field gives, under the same projection and row rules as the type's own `x(id)`.

use async_graphql::{Context, ID, Interface, Object};
use entities::{Source, SourceConnections};

use crate::{
    agreements::Agreement,
    assets::PublicAsset,
    awards::Award,
    border::BorderDocument,
    chronicle::ChronicleEvent,
    conferences::Conference,
    consular::VisaExemption,
    corps::ForeignMission,
    countries::Country,
    direction::DirectionItem,
    economic::EconomicDiplomacyItem,
    error::ApiError,
    finance::LedgerEntry,
    legalization::LegalizationFile,
    library::LibraryItem,
    localities::{LocalityCooperation, Province},
    missions::VietnameseMission,
    news::NewsItem,
    ngos::ForeignNgo,
    overseas::OverseasOrganisation,
    party::PartyMember,
    passports::PassportFile,
    personnel::PersonnelRecord,
    policy::{Principal, project},
    premises::Premise,
    privileges::PrivilegeRule,
    treaties::Treaty,
    unesco::UnescoTitle,
    visas::VisaFile,
};

/// The record types `node(id:)` finds: each with its source and entity module.
macro_rules! nodes {
    ($($node:ident => $source:ident, $($module:ident)::+, $key:ident: $key_ty:ty;)*) => {
        /// A record with a global id.
        #[derive(Interface)]
        #[graphql(field(name = "id", ty = "ID"))]
        pub enum Node {
            $($node($node),)*
        }

        /// The table behind a record type, for the write path.
        pub fn record_table(type_name: &str) -> Option<RecordTable> {
            match type_name {
                $(stringify!($node) => {
                    use entities::$($module)::+ as module;
                    use sea_orm::{ColumnTrait, EntityName, IdenStatic, Iterable};
                    Some(RecordTable {
                        type_name: stringify!($node),
                        source: Source::$source,
                        table: module::Entity.table_name(),
                        key: module::Column::$key.as_str(),
                        columns: module::Column::iter()
                            .map(|c| (c.as_str().to_owned(), c.def()))
                            .collect(),
                    })
                })*
                _ => None,
            }
        }

        /// The record of type `type_name` and key `key`, if the caller may see it.
        async fn find(ctx: &Context<'_>, type_name: &str, key: &str) -> Result<Option<Node>, ApiError> {
            use sea_orm::ColumnTrait;
            let principal = ctx.data_unchecked::<Principal>();
            let sources = ctx.data_unchecked::<SourceConnections>();
            match type_name {
                $(stringify!($node) => {
                    use entities::$($module)::+ as module;
                    let Some(key) = key.parse::<$key_ty>().ok() else {
                        return Ok(None);
                    };
                    Ok(project::find_one::<module::Entity>(
                        sources.get(Source::$source),
                        principal,
                        stringify!($node),
                        module::Column::$key.eq(key),
                    )
                    .await?
                    .map(|row| Node::$node($node(row))))
                })*
                _ => Ok(None),
            }
        }
    };
}

nodes! {
    PersonnelRecord => Personnel, personnel::personnel_record, Id: i64;
    DirectionItem => Direction, direction::direction_item, Id: i64;
    Award => Awards, awards::award, Id: i64;
    Province => Localities, localities::province, Id: i64;
    LocalityCooperation => Localities, localities::locality_cooperation, Id: i64;
    LedgerEntry => Finance, finance::ledger_entry, Id: i64;
    PublicAsset => Assets, assets::public_asset, Id: i64;
    Premise => Premises, premises::premise, Id: i64;
    PartyMember => PartyMembers, party_members::party_member, Id: i64;
    Country => CountryProfiles, country_profiles::country, Code: String;
    ChronicleEvent => Chronicle, chronicle::chronicle_event, Id: i64;
    NewsItem => News, news::news_item, Id: i64;
    Treaty => Treaties, treaties::treaty, Id: i64;
    Agreement => Agreements, agreements::agreement, Id: i64;
    OverseasOrganisation => OverseasVietnamese, overseas_vietnamese::overseas_organisation, Id: i64;
    ForeignNgo => ForeignNgos, foreign_ngos::foreign_ngo, Id: i64;
    Conference => Conferences, conferences::conference, Id: i64;
    PassportFile => OfficialPassports, official_passports::passport_file, Id: i64;
    LegalizationFile => Legalization, legalization::legalization_file, Id: i64;
    VisaFile => DiplomaticVisas, diplomatic_visas::visa_file, Id: i64;
    PrivilegeRule => PrivilegesImmunities, privileges_immunities::privilege_rule, Id: i64;
    LibraryItem => DigitalLibrary, digital_library::library_item, Id: i64;
    EconomicDiplomacyItem => EconomicDiplomacy, economic_diplomacy::economic_item, Id: i64;
    UnescoTitle => CulturalDiplomacy, cultural_diplomacy::unesco_title, Id: i64;
    VisaExemption => ConsularInformation, consular_information::visa_exemption, Id: i64;
    BorderDocument => BorderTerritory, border_territory::border_document, Id: i64;
    ForeignMission => DiplomaticCorps, diplomatic_corps::foreign_mission, Id: i64;
    VietnameseMission => VietnameseMissions, vietnamese_missions::vn_mission, Id: i64;
}

/// A record type's table: its source, name and columns with their definitions.
pub struct RecordTable {
    pub type_name: &'static str,
    pub source: Source,
    pub table: &'static str,
    /// The column its global id names: `id`, or a natural key (`code` for countries).
    pub key: &'static str,
    pub columns: Vec<(String, sea_orm::ColumnDef)>,
}

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// Any record by its global id (`Type:key`, as its `id` field gives it), if the caller may
    /// see it; null for an id of no record, or of one the caller may not see.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Node>, ApiError> {
        let Some((type_name, key)) = id.split_once(':') else {
            return Err(ApiError::BadUserInput(format!(
                "`id`: {:?} is not a global id (`Type:key`)",
                id.as_str()
            )));
        };
        find(ctx, type_name, key).await
    }
}
