//! Per-request DataLoaders: relations inside a source and across sources cost one statement per
//! level of a query, not one per row. Each loader projects and filters through the policy for
//! the request's caller.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use entities::{
    Source, SourceConnections,
    country_profiles::country,
    localities::province,
    treaties::{treaty_action, treaty_party},
};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

use crate::{
    countries::Country,
    error::ApiError,
    localities::Province,
    policy::{Principal, project},
    treaties::{TreatyAction, TreatyParty},
};

/// The loaders of one request.
pub struct Loaders {
    pub parties: DataLoader<PartiesOfTreaty>,
    pub actions: DataLoader<ActionsOfTreaty>,
    pub countries: DataLoader<CountryByCode>,
    pub provinces: DataLoader<CurrentProvinceByCode>,
}

impl Loaders {
    pub fn new(principal: &Principal, sources: &SourceConnections) -> Loaders {
        let base = |source: Source| Base {
            principal: principal.clone(),
            db: sources.get(source).clone(),
        };
        Loaders {
            parties: DataLoader::new(PartiesOfTreaty(base(Source::Treaties)), tokio::spawn)
                .delay(std::time::Duration::ZERO),
            actions: DataLoader::new(ActionsOfTreaty(base(Source::Treaties)), tokio::spawn)
                .delay(std::time::Duration::ZERO),
            countries: DataLoader::new(CountryByCode(base(Source::CountryProfiles)), tokio::spawn)
                .delay(std::time::Duration::ZERO),
            provinces: DataLoader::new(
                CurrentProvinceByCode(base(Source::Localities)),
                tokio::spawn,
            )
            .delay(std::time::Duration::ZERO),
        }
    }
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
