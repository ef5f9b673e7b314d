//! Source `assets` (owned by QTTV): the public assets of the units at home and abroad. Roots:
//! `publicAssets`, `publicAsset(id)`.

use chrono::NaiveDate;
use entities::assets::public_asset;

use crate::record::record_api;

record_api! {
    /// A public asset held by a unit.
    PublicAsset(PublicAssetConnection, PublicAssetEdge) = public_asset in Assets, guarded;
    query PublicAssetQuery {
        /// Public assets of the units at home and abroad (staff).
        public_assets,
        /// One public asset by its id, if the caller may see it.
        public_asset,
    }
    filter PublicAssetFilter {
        /// Unit holding it.
        unit: String => code(UnitCode),
        /// `building`, `vehicle`, `equipment`, `it`, `other`.
        kind: String => eq(Kind),
        /// `in_use`, `idle`, `to_dispose`, `disposed`.
        condition: String => eq(Condition),
    }
    fields {
        /// Date of acquisition.
        acquired_on: Option<NaiveDate>,
        /// Original value, in the currency's minor unit.
        original_value_minor: Option<i64>,
        /// ISO 4217 currency code.
        currency: Option<String>,
        /// Where it is.
        location: Option<String>,
        /// `in_use`, `idle`, `to_dispose`, `disposed`.
        condition: Option<String>,
    }
    guarded {
        /// Unit or mission holding the asset.
        unit_code: String,
        /// Inventory number.
        asset_number: String,
        /// `building`, `vehicle`, `equipment`, `it`, `other`.
        kind: String,
        /// Description.
        description: String,
    }
    computed {

    }
}
