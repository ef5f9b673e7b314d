//! Source `diplomatic-visas` (owned by LS): visa files of the categories to whom the Ministry
//! issues visas. Personal data: shared with `consular-info`, identity documents and dates of birth
//! kept to LS. Roots: `visaFiles`, `visaFile(id)`.

use chrono::NaiveDate;
use entities::diplomatic_visas::visa_file;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A visa file handled by the Ministry (symbols NG1–NG4 and the other categories it issues).
    VisaFile(VisaFileConnection, VisaFileEdge) = visa_file in DiplomaticVisas, guarded;
    query VisaFileQuery {
        /// Visa files (`consular-info` and staff).
        visa_files,
        /// One visa file by its id, if the caller may see it.
        visa_file,
    }
    filter VisaFileFilter {
        /// `submitted`, `approved`, `refused`, `issued`.
        status: String => eq(Status),
        /// The visa symbol.
        category: String => code(Category),
        /// ISO code of the nationality.
        nationality: String => code(NationalityCode),
        /// Submitted on or after.
        submitted_from: NaiveDate => from(SubmittedOn),
        /// Submitted on or before.
        submitted_to: NaiveDate => to(SubmittedOn),
    }
    fields {
        /// Passport number.
        passport_number: Option<String>,
        /// Date of birth.
        date_of_birth: Option<NaiveDate>,
        /// The mission or agency that invites or hosts.
        inviting_body: Option<String>,
        /// Purpose of the stay.
        purpose: Option<String>,
        /// Date decided.
        decided_on: Option<NaiveDate>,
        /// First day of the visa.
        valid_from: Option<NaiveDate>,
        /// Last day of the visa.
        valid_to: Option<NaiveDate>,
    }
    guarded {
        /// File number.
        file_number: String,
        /// The visa symbol: `NG1`, `NG2`, `NG3`, `NG4`, …
        category: String,
        /// The applicant.
        applicant_name: String,
        /// ISO code of the applicant's nationality.
        nationality_code: String,
        /// `in_person` or `online`.
        channel: String,
        /// Date submitted.
        submitted_on: NaiveDate,
        /// `submitted`, `approved`, `refused`, `issued`.
        status: String,
    }
    computed {
        /// The country of nationality, from `country-profiles`.
        async fn nationality(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, Some(self.0.nationality_code.as_str())).await
        }
    }
}
