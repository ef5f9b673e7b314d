//! Table `partner_grant`: a client's right to one sharing service (as in X-Road access rights).
//! A token's scope counts only while a matching grant is active.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_grant")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub client_id: String,
    /// A sharing-service code of Appendix 2.
    pub service_code: String,
    /// The legal basis of the sharing (agreement, decree article, …).
    pub legal_basis: String,
    pub granted_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    /// Requests per minute the client may send under this grant; `None`: the partner
    /// audience's default.
    pub requests_per_minute: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
