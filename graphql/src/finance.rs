//! Source `finance` (owned by QTTV): accounting figures and financial documents of the units at
//! home and abroad. Roots: `ledgerEntries`, `ledgerEntry(id)`.

use chrono::NaiveDate;
use entities::finance::ledger_entry;

use crate::record::record_api;

record_api! {
    /// An accounting entry of a unit.
    LedgerEntry(LedgerEntryConnection, LedgerEntryEdge) = ledger_entry in Finance, guarded;
    query LedgerEntryQuery {
        /// Accounting entries of the units at home and abroad (staff).
        ledger_entries,
        /// One ledger entry by its id, if the caller may see it.
        ledger_entry,
    }
    filter LedgerEntryFilter {
        /// Unit whose books hold it.
        unit: String => code(UnitCode),
        /// Fiscal year.
        fiscal_year: i32 => eq(FiscalYear),
        /// Account number.
        account: String => eq(Account),
        /// Posted on or after.
        posted_from: NaiveDate => from(PostedOn),
        /// Posted on or before.
        posted_to: NaiveDate => to(PostedOn),
    }
    fields {
        /// Reference of the supporting document.
        document_ref: Option<String>,
        /// The payee or payer (personal when a person).
        counterparty: Option<String>,
    }
    guarded {
        /// Unit or mission whose books hold the entry.
        unit_code: String,
        /// Fiscal year.
        fiscal_year: i32,
        /// Date of posting.
        posted_on: NaiveDate,
        /// Account number of the chart of accounts.
        account: String,
        /// What the entry is for.
        description: String,
        /// Amount, in the currency's minor unit.
        amount_minor: i64,
        /// ISO 4217 currency code.
        currency: String,
    }
    computed {

    }
}
