//! Source `official-passports` (owned by LS): issuance and renewal files of diplomatic and
//! official passports. Personal data: shared with `consular-info`, identities beyond its need kept
//! to LS. Roots: `passportFiles`, `passportFile(id)`.

use chrono::NaiveDate;
use entities::official_passports::passport_file;

use crate::record::record_api;

record_api! {
    /// An issuance or renewal file of a diplomatic or official passport.
    PassportFile(PassportFileConnection, PassportFileEdge) = passport_file in OfficialPassports, guarded;
    query PassportFileQuery {
        /// Diplomatic and official passport files (`consular-info` and staff).
        passport_files,
        /// One passport file by its id, if the caller may see it.
        passport_file,
    }
    filter PassportFileFilter {
        /// `diplomatic` or `official`.
        passport_kind: String => eq(PassportKind),
        /// `received`, `approved`, `issued`, `returned`, `refused`.
        status: String => eq(Status),
        /// Received on or after.
        received_from: NaiveDate => from(ReceivedOn),
        /// Received on or before.
        received_to: NaiveDate => to(ReceivedOn),
    }
    fields {
        /// The holder's agency.
        holder_agency: Option<String>,
        /// The holder's position.
        holder_position: Option<String>,
        /// The holder's date of birth.
        holder_date_of_birth: Option<NaiveDate>,
        /// Passport number.
        passport_number: Option<String>,
        /// Date of issue.
        issued_on: Option<NaiveDate>,
        /// Date of expiry.
        expires_on: Option<NaiveDate>,
        /// The sending decision.
        decision_ref: Option<String>,
        /// The diplomatic note.
        note_ref: Option<String>,
    }
    guarded {
        /// File number.
        file_number: String,
        /// `diplomatic` (HCNG) or `official` (HCCV).
        passport_kind: String,
        /// `issue`, `renew`, `extend`.
        action: String,
        /// The holder.
        holder_name: String,
        /// Date the file was received.
        received_on: NaiveDate,
        /// `received`, `approved`, `issued`, `returned`, `refused`.
        status: String,
    }
    computed {

    }
}
