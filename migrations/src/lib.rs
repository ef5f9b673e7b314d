//! Schema migrations, one migrator per source, and the seeds.
//!
//! Every source keeps its own migration log (`mofa_migrations_<code>`), so sources that share one
//! database (the embedded SQLite default) migrate independently, and a source moved to its own
//! PostgreSQL database takes its history with it. Migrations are named
//! `mYYYYMMDD_NNNNNN_verb_noun` and never edited once released.

mod agreements;
mod assets;
mod awards;
mod border_territory;
pub mod catalog;
mod chronicle;
mod columns;
mod conferences;
mod consular_information;
mod country_profiles;
mod cultural_diplomacy;
mod digital_library;
mod diplomatic_corps;
mod diplomatic_visas;
mod direction;
mod economic_diplomacy;
mod finance;
mod foreign_ngos;
mod legalization;
mod localities;
mod meta;
mod news;
mod official_passports;
mod overseas_vietnamese;
mod party_members;
mod personnel;
mod premises;
mod privileges_immunities;
pub mod rows;
pub mod scale;
pub mod seed;
mod treaties;
mod vietnamese_missions;

use entities::Source;
use sea_orm_migration::{
    MigrationStatus, MigrationTrait, MigratorTrait,
    sea_orm::{DatabaseConnection, DbErr},
    sea_query::{DynIden, IntoIden},
};

/// The name of a source's migration log table.
pub fn migration_table(source: Source) -> String {
    format!("mofa_migrations_{}", source.code().replace('-', "_"))
}

/// The migrations of one source, in order.
pub fn migrations_of(source: Source) -> Vec<Box<dyn MigrationTrait>> {
    match source {
        Source::Meta => meta::migrations(),
        Source::Treaties => treaties::migrations(),
        Source::Agreements => agreements::migrations(),
        Source::CountryProfiles => country_profiles::migrations(),
        Source::Personnel => personnel::migrations(),
        Source::VietnameseMissions => vietnamese_missions::migrations(),
        Source::DiplomaticCorps => diplomatic_corps::migrations(),
        Source::ConsularInformation => consular_information::migrations(),
        Source::CulturalDiplomacy => cultural_diplomacy::migrations(),
        Source::Assets => assets::migrations(),
        Source::Awards => awards::migrations(),
        Source::BorderTerritory => border_territory::migrations(),
        Source::Chronicle => chronicle::migrations(),
        Source::Conferences => conferences::migrations(),
        Source::DigitalLibrary => digital_library::migrations(),
        Source::DiplomaticVisas => diplomatic_visas::migrations(),
        Source::Direction => direction::migrations(),
        Source::EconomicDiplomacy => economic_diplomacy::migrations(),
        Source::Finance => finance::migrations(),
        Source::ForeignNgos => foreign_ngos::migrations(),
        Source::Legalization => legalization::migrations(),
        Source::Localities => localities::migrations(),
        Source::News => news::migrations(),
        Source::OfficialPassports => official_passports::migrations(),
        Source::OverseasVietnamese => overseas_vietnamese::migrations(),
        Source::PartyMembers => party_members::migrations(),
        Source::Premises => premises::migrations(),
        Source::PrivilegesImmunities => privileges_immunities::migrations(),
    }
}

macro_rules! source_migrators {
    ($($source:ident => $migrator:ident),* $(,)?) => {
        $(
            #[doc = concat!("The migrator of source `", stringify!($source), "`.")]
            pub struct $migrator;

            #[sea_orm_migration::async_trait::async_trait]
            impl MigratorTrait for $migrator {
                fn migrations() -> Vec<Box<dyn MigrationTrait>> {
                    migrations_of(Source::$source)
                }

                fn migration_table_name() -> DynIden {
                    migration_table(Source::$source).into_iden()
                }
            }
        )*

        /// Applies the pending migrations of `source`.
        pub async fn migrate(source: Source, db: &DatabaseConnection) -> Result<(), DbErr> {
            match source {
                $(Source::$source => $migrator::up(db, None).await,)*
            }
        }

        /// Names of the migrations of `source` not yet applied.
        pub async fn pending(source: Source, db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {
            let migrations = match source {
                $(Source::$source => $migrator::get_pending_migrations(db).await?,)*
            };
            Ok(migrations
                .iter()
                .filter(|m| m.status() == MigrationStatus::Pending)
                .map(|m| m.name().to_owned())
                .collect())
        }
    };
}

source_migrators! {
    Personnel => PersonnelMigrator,
    Direction => DirectionMigrator,
    Awards => AwardsMigrator,
    Localities => LocalitiesMigrator,
    Finance => FinanceMigrator,
    Assets => AssetsMigrator,
    Premises => PremisesMigrator,
    PartyMembers => PartyMembersMigrator,
    CountryProfiles => CountryProfilesMigrator,
    Chronicle => ChronicleMigrator,
    News => NewsMigrator,
    Treaties => TreatiesMigrator,
    Agreements => AgreementsMigrator,
    OverseasVietnamese => OverseasVietnameseMigrator,
    ForeignNgos => ForeignNgosMigrator,
    Conferences => ConferencesMigrator,
    OfficialPassports => OfficialPassportsMigrator,
    Legalization => LegalizationMigrator,
    DiplomaticVisas => DiplomaticVisasMigrator,
    PrivilegesImmunities => PrivilegesImmunitiesMigrator,
    DigitalLibrary => DigitalLibraryMigrator,
    EconomicDiplomacy => EconomicDiplomacyMigrator,
    CulturalDiplomacy => CulturalDiplomacyMigrator,
    ConsularInformation => ConsularInformationMigrator,
    BorderTerritory => BorderTerritoryMigrator,
    DiplomaticCorps => DiplomaticCorpsMigrator,
    VietnameseMissions => VietnameseMissionsMigrator,
    Meta => MetaMigrator,
}
