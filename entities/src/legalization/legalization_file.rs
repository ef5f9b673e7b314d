//! Table `legalization_file`: a file of consular certification or legalisation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legalization_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// File number.
    pub file_number: String,
    /// `certification` (chứng nhận) or `legalisation` (hợp pháp hóa).
    pub procedure: String,
    /// The applicant.
    #[sea_orm(column_type = "Text")]
    pub applicant_name: String,
    /// `individual` or `organisation`.
    pub applicant_kind: String,
    /// The applicant's identity document number.
    pub applicant_id_number: Option<String>,
    /// Kind of document certified.
    pub document_kind: String,
    /// ISO code of the country that issued the document.
    pub document_country_code: Option<String>,
    /// ISO code of the country where it will be used.
    pub destination_country_code: Option<String>,
    /// Number of copies.
    pub copies: i32,
    /// Date received.
    pub received_on: Date,
    /// Date completed.
    pub completed_on: Option<Date>,
    /// `received`, `processing`, `completed`, `refused`.
    pub status: String,
    /// Fee charged, in đồng.
    pub fee_vnd: Option<i64>,
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
