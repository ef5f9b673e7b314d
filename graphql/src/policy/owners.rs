//! Who may write each source: its owner units, read from the catalogue itself (the databases'
//! owners of Appendix 1; for the sources of open datasets, the datasets' providers). With the
//! registry, which says who may read each field, it is the rest of the access policy.

use std::collections::{BTreeMap, BTreeSet};

use entities::Source;
use sea_orm::{DatabaseConnection, DbErr, EntityTrait};

use super::{Audience, Principal, Role, Unit};

/// The owner units of every source, from the catalogue: the databases' owners, and for the
/// sources of open datasets the datasets' providers.
#[derive(Debug, Clone, Default)]
pub struct Owners(BTreeMap<Source, BTreeSet<Unit>>);

impl Owners {
    pub async fn load(meta: &DatabaseConnection) -> Result<Owners, DbErr> {
        use entities::meta::{catalog_database_unit, catalog_dataset_source, catalog_open_dataset};
        let mut owners: BTreeMap<Source, BTreeSet<Unit>> = BTreeMap::new();
        for row in catalog_database_unit::Entity::find().all(meta).await? {
            if row.role == "owner"
                && let (Ok(source), Ok(unit)) = (row.database_code.parse(), row.unit_code.parse())
            {
                owners.entry(source).or_default().insert(unit);
            }
        }
        let providers: BTreeMap<String, String> = catalog_open_dataset::Entity::find()
            .all(meta)
            .await?
            .into_iter()
            .map(|d| (d.code, d.provider_unit))
            .collect();
        for link in catalog_dataset_source::Entity::find().all(meta).await? {
            if let (Ok(source), Some(Ok(unit))) = (
                link.source_code.parse::<Source>(),
                providers.get(&link.dataset_code).map(|u| u.parse::<Unit>()),
            ) && !owners.contains_key(&source)
            {
                owners.entry(source).or_default().insert(unit);
            }
        }
        Ok(Owners(owners))
    }

    /// The units that own `source`.
    pub fn of(&self, source: Source) -> impl Iterator<Item = Unit> + '_ {
        self.0.get(&source).into_iter().flatten().copied()
    }

    /// Whether `principal` holds `role` in a unit that owns `source` (any unit, for sources
    /// owned by all units), or is an admin.
    pub fn may(&self, principal: &Principal, source: Source, role: Role) -> bool {
        if principal.audience != Audience::Staff {
            return false;
        }
        if principal.roles.contains(&Role::Admin) {
            return true;
        }
        let Some(unit) = principal.unit else {
            return false;
        };
        principal.roles.contains(&role)
            && self
                .of(source)
                .any(|owner| owner == Unit::All || owner == unit)
    }
}
