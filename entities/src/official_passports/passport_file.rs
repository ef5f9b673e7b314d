//! Table `passport_file`: an issuance or renewal file of a diplomatic or official passport.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "passport_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// File number.
    pub file_number: String,
    /// `diplomatic` (HCNG) or `official` (HCCV).
    pub passport_kind: String,
    /// `issue`, `renew`, `extend`.
    pub action: String,
    /// The holder.
    #[sea_orm(column_type = "Text")]
    pub holder_name: String,
    /// The holder's agency.
    #[sea_orm(column_type = "Text")]
    pub holder_agency: Option<String>,
    /// The holder's position.
    #[sea_orm(column_type = "Text")]
    pub holder_position: Option<String>,
    /// The holder's date of birth.
    pub holder_date_of_birth: Option<Date>,
    /// Passport number.
    pub passport_number: Option<String>,
    /// Date the file was received.
    pub received_on: Date,
    /// Date of issue.
    pub issued_on: Option<Date>,
    /// Date of expiry.
    pub expires_on: Option<Date>,
    /// The sending decision.
    pub decision_ref: Option<String>,
    /// The diplomatic note.
    pub note_ref: Option<String>,
    /// `received`, `approved`, `issued`, `returned`, `refused`.
    pub status: String,
    /// Always empty: a check constraint refuses any secrecy mark.
    pub secrecy_level: Option<String>,
    /// When the record was deleted (soft); deleted records are invisible to reads.
    pub deleted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
