//! Personnel records (source `personnel`): staff only; the personal and sensitive parts for
//! TCCB staff only.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use entities::{Source, personnel::personnel_record};

use crate::{
    connection::{by_id, connection, listing},
    error::ApiError,
    ids::global_id,
};

#[derive(Default)]
pub struct PersonnelQuery;

#[Object]
impl PersonnelQuery {
    #[graphql(complexity = "crate::connection::complexity(first, child_complexity)")]
    async fn personnel_records(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Option<PersonnelRecordConnection>, ApiError> {
        let (db, select, page) = listing::<personnel_record::Entity>(
            ctx,
            Source::Personnel,
            "PersonnelRecord",
            first,
            after,
        )?;
        PersonnelRecordConnection::fetch(db, select, personnel_record::Column::Id, page)
            .await
            .map(Some)
    }

    async fn personnel_record(
        &self,
        ctx: &Context<'_>,
        id: i64,
    ) -> Result<Option<PersonnelRecord>, ApiError> {
        by_id::<personnel_record::Entity, _>(
            ctx,
            Source::Personnel,
            "PersonnelRecord",
            personnel_record::Column::Id,
            id,
            PersonnelRecord,
        )
        .await
    }
}

connection!(
    PersonnelRecordConnection,
    PersonnelRecordEdge,
    PersonnelRecord,
    personnel_record::Entity
);

/// The record of a cadre, civil servant or public employee.
#[derive(Clone)]
pub struct PersonnelRecord(pub personnel_record::Model);

#[Object]
impl PersonnelRecord {
    pub async fn id(&self) -> ID {
        global_id("PersonnelRecord", &self.0.id.to_string())
    }
    async fn staff_number(&self) -> Option<&str> {
        Some(&self.0.staff_number)
    }
    async fn full_name(&self) -> Option<&str> {
        self.0.full_name.as_deref()
    }
    /// The unit the person works in.
    async fn unit(&self) -> Option<&str> {
        self.0.unit_code.as_deref()
    }
    async fn position_title(&self) -> Option<&str> {
        self.0.position_title.as_deref()
    }
    /// Civil-service rank (ngạch).
    async fn civil_service_rank(&self) -> Option<&str> {
        self.0.civil_service_rank.as_deref()
    }
    async fn work_email(&self) -> Option<&str> {
        self.0.work_email.as_deref()
    }
    /// Salary grade (bậc).
    async fn salary_grade(&self) -> Option<i32> {
        self.0.salary_grade
    }
    async fn date_of_birth(&self) -> Option<NaiveDate> {
        self.0.date_of_birth
    }
    async fn gender(&self) -> Option<&str> {
        self.0.gender.as_deref()
    }
    async fn home_address(&self) -> Option<&str> {
        self.0.home_address.as_deref()
    }
    async fn ethnicity(&self) -> Option<&str> {
        self.0.ethnicity.as_deref()
    }
    async fn religion(&self) -> Option<&str> {
        self.0.religion.as_deref()
    }
    async fn party_member_since(&self) -> Option<NaiveDate> {
        self.0.party_member_since
    }
    async fn health_status(&self) -> Option<&str> {
        self.0.health_status.as_deref()
    }
    async fn created_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        Some(self.0.created_at)
    }
    async fn updated_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        Some(self.0.updated_at)
    }
    async fn version(&self) -> Option<i32> {
        Some(self.0.version)
    }
}
