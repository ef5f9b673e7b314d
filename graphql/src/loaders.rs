//! Per-request DataLoaders: relations inside a source and across sources cost one statement per
//! level of a query, not one per row. Each loader projects and filters through the policy for
//! the request's caller.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use entities::{
    Source, SourceConnections,
    country_profiles::country,
    diplomatic_corps::foreign_mission,
    localities::province,
    treaties::{treaty_action, treaty_party},
    vietnamese_missions::vn_mission,
};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

use crate::{
    corps::ForeignMission,
    countries::Country,
    error::ApiError,
    localities::Province,
    missions::VietnameseMission,
    policy::{Principal, project},
    treaties::{TreatyAction, TreatyParty},
};

/// The loaders of one request.
pub struct Loaders {
    pub parties: DataLoader<PartiesOfTreaty>,
    pub actions: DataLoader<ActionsOfTreaty>,
    pub countries: DataLoader<CountryByCode>,
    pub provinces: DataLoader<CurrentProvinceByCode>,
    /// Viet Nam's missions in a country (by host country code).
    pub missions_in: DataLoader<ManyByCode<vn_mission::Entity, VietnameseMission>>,
    /// A country's missions in Viet Nam (by sending country code).
    pub missions_of: DataLoader<ManyByCode<foreign_mission::Entity, ForeignMission>>,
}

impl Loaders {
    pub fn new(principal: &Principal, sources: &SourceConnections) -> Loaders {
        let base = |source: Source| Base {
            principal: principal.clone(),
            db: sources.get(source).clone(),
        };
        Loaders {
            parties: loader(PartiesOfTreaty(base(Source::Treaties))),
            actions: loader(ActionsOfTreaty(base(Source::Treaties))),
            countries: loader(CountryByCode(base(Source::CountryProfiles))),
            missions_in: loader(ManyByCode {
                base: base(Source::VietnameseMissions),
                type_name: "VietnameseMission",
                column: vn_mission::Column::HostCountryCode,
                key: |row: &vn_mission::Model| row.host_country_code.clone(),
                wrap: VietnameseMission,
            }),
            missions_of: loader(ManyByCode {
                base: base(Source::DiplomaticCorps),
                type_name: "ForeignMission",
                column: foreign_mission::Column::SendingCountryCode,
                key: |row: &foreign_mission::Model| row.sending_country_code.clone(),
                wrap: ForeignMission,
            }),
            provinces: loader(CurrentProvinceByCode(base(Source::Localities))),
        }
    }
}

fn loader<T>(loader: T) -> DataLoader<T> {
    DataLoader::new(loader, after_the_level).delay(std::time::Duration::ZERO)
}

/// How many times a batch lets the request go on before it loads.
const LEVEL_YIELDS: usize = 64;

/// Starts a batch once the level that asks for it has registered all its keys. A list of more
/// than 32 items yields half-way through (futures' `FuturesUnordered` does, to be fair to other
/// tasks), so a batch started on a timer catches only the keys registered before the yield. The
/// request runs on its worker's single-threaded runtime, where each `yield_now` of the batch
/// lets the request resolve one more slice of the level first: the batch waits for rounds, not
/// for time, and holds every key of levels up to `LEVEL_YIELDS × 32` items.
/// The batch runs in the request's span, so its log lines carry the request id.
fn after_the_level(batch: futures_util::future::BoxFuture<'static, ()>) {
    use tracing::Instrument;
    tokio::spawn(
        async move {
            for _ in 0..LEVEL_YIELDS {
                tokio::task::yield_now().await;
            }
            batch.await;
        }
        .in_current_span(),
    );
}

pub struct Base {
    principal: Principal,
    db: sea_orm::DatabaseConnection,
}

pub struct PartiesOfTreaty(Base);

impl Loader<i64> for PartiesOfTreaty {
    type Value = Vec<TreatyParty>;
    type Error = ApiError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let Some(select) =
            project::select::<treaty_party::Entity>(&self.0.principal, "TreatyParty")
        else {
            return Ok(HashMap::new());
        };
        let rows = select
            .filter(treaty_party::Column::TreatyId.is_in(keys.iter().copied()))
            .order_by_asc(treaty_party::Column::Position)
            .all(&self.0.db)
            .await?;
        let mut out: HashMap<i64, Vec<TreatyParty>> = HashMap::new();
        for row in rows {
            out.entry(row.treaty_id).or_default().push(TreatyParty(row));
        }
        Ok(out)
    }
}

pub struct ActionsOfTreaty(Base);

impl Loader<i64> for ActionsOfTreaty {
    type Value = Vec<TreatyAction>;
    type Error = ApiError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let Some(select) =
            project::select::<treaty_action::Entity>(&self.0.principal, "TreatyAction")
        else {
            return Ok(HashMap::new());
        };
        let rows = select
            .filter(treaty_action::Column::TreatyId.is_in(keys.iter().copied()))
            .order_by_asc(treaty_action::Column::Id)
            .all(&self.0.db)
            .await?;
        let mut out: HashMap<i64, Vec<TreatyAction>> = HashMap::new();
        for row in rows {
            out.entry(row.treaty_id)
                .or_default()
                .push(TreatyAction(row));
        }
        Ok(out)
    }
}

pub struct CountryByCode(Base);

impl Loader<String> for CountryByCode {
    type Value = Country;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Self::Value>, Self::Error> {
        let Some(select) = project::select::<country::Entity>(&self.0.principal, "Country") else {
            return Ok(HashMap::new());
        };
        let rows = select
            .filter(country::Column::Code.is_in(keys.iter().cloned()))
            .all(&self.0.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| (row.code.clone(), Country(row)))
            .collect())
    }
}

/// Provinces by code, as they are since the 2025 reorganisation (codes of provinces merged away
/// find nothing).
pub struct CurrentProvinceByCode(Base);

impl Loader<String> for CurrentProvinceByCode {
    type Value = Province;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Self::Value>, Self::Error> {
        let Some(select) = project::select::<province::Entity>(&self.0.principal, "Province")
        else {
            return Ok(HashMap::new());
        };
        let rows = select
            .filter(province::Column::Code.is_in(keys.iter().cloned()))
            .filter(province::Column::ValidTo.is_null())
            .all(&self.0.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| (row.code.clone(), Province(row)))
            .collect())
    }
}

/// Rows of one entity whose code column holds one of the keys, grouped by key in id order:
/// the one-to-many relations keyed by a code (a country's missions).
pub struct ManyByCode<E: sea_orm::EntityTrait, W> {
    base: Base,
    type_name: &'static str,
    column: E::Column,
    key: fn(&E::Model) -> String,
    wrap: fn(E::Model) -> W,
}

impl<E, W> Loader<String> for ManyByCode<E, W>
where
    E: sea_orm::EntityTrait,
    E::Model: Send + Sync,
    W: Clone + Send + Sync + 'static,
{
    type Value = Vec<W>;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Self::Value>, Self::Error> {
        let Some(select) = project::select::<E>(&self.base.principal, self.type_name) else {
            return Ok(HashMap::new());
        };
        let Some(id) = <E::PrimaryKey as sea_orm::Iterable>::iter()
            .next()
            .map(sea_orm::PrimaryKeyToColumn::into_column)
        else {
            return Ok(HashMap::new());
        };
        let rows = select
            .filter(self.column.is_in(keys.iter().cloned()))
            .order_by_asc(id)
            .all(&self.base.db)
            .await?;
        let mut out: HashMap<String, Vec<W>> = HashMap::new();
        for row in rows {
            out.entry((self.key)(&row))
                .or_default()
                .push((self.wrap)(row));
        }
        Ok(out)
    }
}
