//! Source `legalization` (owned by LS): files of consular certification and legalisation. Personal
//! data: shared with `consular-info`, identity documents kept to LS. Roots: `legalizationFiles`,
//! `legalizationFile(id)`.

use chrono::NaiveDate;
use entities::legalization::legalization_file;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A file of consular certification or legalisation.
    LegalizationFile(LegalizationFileConnection, LegalizationFileEdge) = legalization_file in Legalization, guarded;
    query LegalizationFileQuery {
        /// Consular certification and legalisation files (`consular-info` and staff).
        legalization_files,
        /// One legalization file by its id, if the caller may see it.
        legalization_file,
    }
    filter LegalizationFileFilter {
        /// `certification` or `legalisation`.
        procedure: String => eq(Procedure),
        /// `received`, `processing`, `completed`, `refused`.
        status: String => eq(Status),
        /// ISO code of the destination country.
        destination: String => code(DestinationCountryCode),
        /// Received on or after.
        received_from: NaiveDate => from(ReceivedOn),
        /// Received on or before.
        received_to: NaiveDate => to(ReceivedOn),
    }
    fields {
        /// The applicant's identity document number.
        applicant_id_number: Option<String>,
        /// ISO code of the country that issued the document.
        document_country_code: Option<String>,
        /// ISO code of the country where it will be used.
        destination_country_code: Option<String>,
        /// Date completed.
        completed_on: Option<NaiveDate>,
        /// Fee charged, in đồng.
        fee_vnd: Option<i64>,
    }
    guarded {
        /// File number.
        file_number: String,
        /// `certification` (chứng nhận) or `legalisation` (hợp pháp hóa).
        procedure: String,
        /// The applicant.
        applicant_name: String,
        /// `individual` or `organisation`.
        applicant_kind: String,
        /// Kind of document certified.
        document_kind: String,
        /// Number of copies.
        copies: i32,
        /// Date received.
        received_on: NaiveDate,
        /// `received`, `processing`, `completed`, `refused`.
        status: String,
    }
    computed {
        /// The issuing country, from `country-profiles`.
        async fn document_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, self.0.document_country_code.as_deref()).await
        }
        /// The destination country, from `country-profiles`.
        async fn destination_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, self.0.destination_country_code.as_deref()).await
        }
    }
}
