//! The registry: the access class of every field of every type, the columns each field reads,
//! and the row rule of every type, per audience. The only place where access is decided.

use std::{collections::HashMap, sync::LazyLock};

use entities::{Source, agreements::agreement, treaties::treaty};
use sea_orm::{ColumnTrait, Condition};

use super::{
    Access::{self, Admin, Internal, Open, Personal, Restricted, Shared},
    Audience, Principal, Service, Unit,
};

/// One field: its access class and the table columns it reads (none for relations and
/// computed fields).
#[derive(Debug, Clone, Copy)]
pub struct FieldPolicy {
    pub name: &'static str,
    pub access: Access,
    pub columns: &'static [&'static str],
}

/// One GraphQL object type and its fields.
#[derive(Debug)]
pub struct TypePolicy {
    pub name: &'static str,
    /// The source its rows come from (`None` for wrappers and computed types): a response that
    /// read it is invalidated by a write to that source.
    pub source: Option<Source>,
    /// Which rows of the type the caller may see, compiled into the query's `WHERE`.
    pub rows: fn(&Principal) -> RowAccess,
    /// The root connection field that lists the type, if any: the access matrix walks it.
    pub list: Option<&'static str>,
    /// Columns every query of this type selects whoever asks: keys that relations and
    /// pagination need, and record metadata the type does not expose. They carry no
    /// information a reader of the type lacks.
    pub keys: &'static [&'static str],
    pub fields: &'static [FieldPolicy],
}

const fn f(name: &'static str, access: Access, columns: &'static [&'static str]) -> FieldPolicy {
    FieldPolicy {
        name,
        access,
        columns,
    }
}

/// A field that reads no column of its own (a relation, a computed value, a wrapper).
const fn r(name: &'static str, access: Access) -> FieldPolicy {
    FieldPolicy {
        name,
        access,
        columns: &[],
    }
}

/// The fields of a record type: its open global `id`, the fields given, and the record
/// metadata (`createdAt`, `updatedAt`, `version`) under `$meta`.
macro_rules! record_fields {
    ($meta:expr; $($field:expr),* $(,)?) => {
        &[
            f("id", Open, &["id"]),
            $($field,)*
            f("createdAt", $meta, &["created_at"]),
            f("updatedAt", $meta, &["updated_at"]),
            f("version", $meta, &["version"]),
        ]
    };
}

/// Open fields that read no column: catalogue types, wrappers.
macro_rules! open_fields {
    ($($name:literal),* $(,)?) => { &[$(r($name, Open)),*] };
}

const TREATY_INFO: Access = Shared(Service::TreatyInfo);
const AGREEMENT_INFO: Access = Shared(Service::AgreementInfo);
const PERSONAL_TCCB: Access = Personal(Unit::Tccb);
const SENSITIVE_TCCB: Access = Restricted(Unit::Tccb);

pub static TYPES: &[TypePolicy] = &[
    TypePolicy {
        name: "Query",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: &[
            r("catalog", Open),
            r("viewer", Open),
            r("node", Open),
            r("revisions", Internal),
            r("treaties", Open),
            r("treaty", Open),
            r("agreements", Open),
            r("agreement", Open),
            r("countries", Open),
            r("country", Open),
            r("personnelRecords", Internal),
            r("personnelRecord", Internal),
            r("vietnameseMissions", Open),
            r("vietnameseMission", Open),
            r("foreignMissions", Open),
            r("foreignMission", Open),
            r("visaExemptions", Open),
            r("visaExemption", Open),
            r("unescoTitles", Open),
            r("unescoTitle", Open),
            r("borderDocuments", Open),
            r("borderDocument", Open),
            r("privilegeRules", Open),
            r("privilegeRule", Open),
            r("awards", Open),
            r("award", Open),
            r("economicDiplomacyItems", Open),
            r("economicDiplomacyItem", Open),
            r("libraryItems", Open),
            r("libraryItem", Open),
            r("newsItems", Open),
            r("newsItem", Open),
            r("chronicleEvents", Internal),
            r("chronicleEvent", Internal),
            r("directionItems", Internal),
            r("directionItem", Internal),
            r("conferences", Internal),
            r("conference", Internal),
            r("provinces", Open),
            r("province", Open),
            r("localityCooperations", Internal),
            r("localityCooperation", Internal),
            r("ledgerEntries", Internal),
            r("ledgerEntry", Internal),
            r("publicAssets", Internal),
            r("publicAsset", Internal),
            r("premises", Internal),
            r("premise", Internal),
            r("partyMembers", Internal),
            r("partyMember", Internal),
            r("overseasOrganisations", Internal),
            r("overseasOrganisation", Internal),
            r("foreignNgos", Shared(Service::NgoInfo)),
            r("foreignNgo", Shared(Service::NgoInfo)),
            r("passportFiles", Shared(Service::ConsularInfo)),
            r("passportFile", Shared(Service::ConsularInfo)),
            r("legalizationFiles", Shared(Service::ConsularInfo)),
            r("legalizationFile", Shared(Service::ConsularInfo)),
            r("visaFiles", Shared(Service::ConsularInfo)),
            r("visaFile", Shared(Service::ConsularInfo)),
            r("auditEntries", Admin),
        ],
    },
    // The catalogue of Decision 3021: open to everyone.
    TypePolicy {
        name: "Catalog",
        source: Some(Source::Meta),
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields![
            "decision",
            "units",
            "databases",
            "sharingServices",
            "openDatasets"
        ],
    },
    TypePolicy {
        name: "Decision",
        source: Some(Source::Meta),
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields![
            "id",
            "number",
            "issuedOn",
            "issuerVi",
            "issuerEn",
            "titleVi",
            "titleEn",
            "signedByTitleVi",
            "signedByTitleEn",
        ],
    },
    TypePolicy {
        name: "Unit",
        source: Some(Source::Meta),
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields![
            "id",
            "code",
            "nameVi",
            "nameEn",
            "ownedDatabases",
            "providedServices",
            "providedDatasets",
        ],
    },
    TypePolicy {
        name: "Database",
        source: Some(Source::Meta),
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields![
            "id",
            "code",
            "number",
            "group",
            "groupNameVi",
            "groupNameEn",
            "nameVi",
            "nameEn",
            "purposeVi",
            "purposeEn",
            "contentVi",
            "contentEn",
            "collectionVi",
            "collectionEn",
            "defaultSharingVi",
            "defaultSharingEn",
            "ownerUnits",
            "operatorUnits",
            "ownerNoteVi",
            "ownerNoteEn",
            "timelineVi",
            "timelineEn",
            "notesVi",
            "notesEn",
            "sharingServices",
        ],
    },
    TypePolicy {
        name: "SharingService",
        source: Some(Source::Meta),
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields![
            "id",
            "code",
            "number",
            "nameVi",
            "nameEn",
            "provider",
            "apiAddress",
            "contentVi",
            "contentEn",
            "mode",
            "modeVi",
            "dataStandardVi",
            "dataStandardEn",
            "connectionModel",
            "method",
            "methodVi",
            "consumerRequirementVi",
            "consumerRequirementEn",
            "databases",
            "sources",
        ],
    },
    TypePolicy {
        name: "Frequency",
        source: Some(Source::Meta),
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields!["code", "uri"],
    },
    TypePolicy {
        name: "OpenDataset",
        source: Some(Source::Meta),
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields![
            "id",
            "code",
            "number",
            "nameVi",
            "nameEn",
            "descriptionVi",
            "descriptionEn",
            "provider",
            "firstPublishedVi",
            "firstPublishedYear",
            "firstPublishedPlanned",
            "frequencyVi",
            "frequencyEn",
            "frequencies",
            "website",
            "sources",
        ],
    },
    // Writes: staff only here; who may write which source is the catalogue's owners' call.
    TypePolicy {
        name: "Mutation",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: &[
            r("createRecord", Internal),
            r("updateRecord", Internal),
            r("correctRecord", Internal),
            r("deleteRecord", Internal),
            r("restoreRecord", Internal),
            r("revertRecord", Internal),
            r("publishRecord", Internal),
            r("unpublishRecord", Internal),
        ],
    },
    TypePolicy {
        name: "WriteResult",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields!["id", "version", "revision"],
    },
    // Reached through `revisions` (staff); `before` and `after` keep only readable fields.
    TypePolicy {
        name: "Revision",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields![
            "revision", "version", "action", "unit", "subject", "reason", "before", "after", "at"
        ],
    },
    // Relay's interface of records with a global id; the id is open on every record type.
    TypePolicy {
        name: "Node",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields!["id"],
    },
    // What the caller may read, told to the caller.
    TypePolicy {
        name: "Viewer",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields!["audience", "subject", "unit", "roles", "scopes", "readable"],
    },
    TypePolicy {
        name: "ReadableType",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields!["type", "fields"],
    },
    TypePolicy {
        name: "PageInfo",
        source: None,
        rows: all_rows,
        list: None,
        keys: &[],
        fields: open_fields!["hasNextPage", "endCursor"],
    },
    // Treaties (LPQT).
    TypePolicy {
        name: "Treaty",
        source: Some(Source::Treaties),
        rows: treaty_rows,
        list: Some("treaties"),
        keys: &["id"],
        fields: record_fields![Open;
            f("number", Open, &["number"]),
            f("titleVi", Open, &["title_vi"]),
            f("titleEn", Open, &["title_en"]),
            f("shortName", Open, &["short_name"]),
            f("kind", Open, &["kind"]),
            f("level", Open, &["level"]),
            f("bilateral", Open, &["bilateral"]),
            r("parties", Open),
            r("actions", Open),
            f("signedOn", Open, &["signed_on"]),
            f("signedAt", Open, &["signed_at"]),
            f("signatory", Open, &["signatory"]),
            f("signatoryCapacity", Open, &["signatory_capacity"]),
            f("entryIntoForce", Open, &["entry_into_force"]),
            f("entryIntoForceForVn", Open, &["entry_into_force_for_vn"]),
            f("status", Open, &["status"]),
            f("statusNote", Open, &["status_note"]),
            f("depositary", Open, &["depositary"]),
            f("languages", Open, &["languages"]),
            f("unRegistrationNumber", Open, &["un_registration_number"]),
            // Open, and the public row rule admits only treaties in force and publishable.
            f("fullText", Open, &["full_text"]),
            f("publishable", Open, &["publishable"]),
            f(
                "implementingAgencies",
                TREATY_INFO,
                &["implementing_agencies"],
            ),
            f(
                "implementationReports",
                TREATY_INFO,
                &["implementation_reports"],
            ),
            f("negotiationNotes", Internal, &["negotiation_notes"]),
            f("internalAssessment", Internal, &["internal_assessment"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    TypePolicy {
        name: "TreatyParty",
        source: Some(Source::Treaties),
        rows: all_rows,
        list: None,
        keys: &[
            "id",
            "treaty_id",
            "position",
            "created_at",
            "updated_at",
            "version",
        ],
        fields: &[
            f("id", Open, &["id"]),
            f("countryCode", Open, &["country_code"]),
            r("country", Open),
            f("organisation", Open, &["organisation"]),
        ],
    },
    TypePolicy {
        name: "TreatyAction",
        source: Some(Source::Treaties),
        rows: all_rows,
        list: None,
        keys: &["id", "treaty_id", "created_at", "updated_at", "version"],
        fields: &[
            f("id", Open, &["id"]),
            f("participantCode", Open, &["participant_code"]),
            r("participant", Open),
            f("action", Open, &["action"]),
            f("actionOn", Open, &["action_on"]),
            f("note", Open, &["note"]),
        ],
    },
    // International agreements (LPQT).
    TypePolicy {
        name: "Agreement",
        source: Some(Source::Agreements),
        rows: agreement_rows,
        list: Some("agreements"),
        keys: &["id"],
        fields: record_fields![Open;
            f("number", Open, &["number"]),
            f("titleVi", Open, &["title_vi"]),
            f("titleEn", Open, &["title_en"]),
            f("vnParty", Open, &["vn_party"]),
            f("vnPartyLevel", Open, &["vn_party_level"]),
            f("foreignParty", Open, &["foreign_party"]),
            f("foreignPartyKind", Open, &["foreign_party_kind"]),
            f("foreignCountryCode", Open, &["foreign_country_code"]),
            r("foreignCountry", Open),
            f("field", Open, &["field"]),
            f("signedOn", Open, &["signed_on"]),
            f("effectiveOn", Open, &["effective_on"]),
            f("expiresOn", Open, &["expires_on"]),
            f("status", Open, &["status"]),
            f("publishable", Open, &["publishable"]),
            f("fullRecord", AGREEMENT_INFO, &["full_record"]),
            f("copiesReceived", AGREEMENT_INFO, &["copies_received"]),
            f("annualReports", Internal, &["annual_reports"]),
            f("sourceNote", Internal, &["source_note"]),
        ],
    },
    // Countries (country-profiles, DVDN).
    TypePolicy {
        name: "Country",
        source: Some(Source::CountryProfiles),
        rows: country_rows,
        list: Some("countries"),
        keys: &["id"],
        fields: record_fields![Open;
            f("code", Open, &["code"]),
            r("vietnameseMissions", Open),
            r("foreignMissions", Open),
            f("alpha3", Open, &["alpha3"]),
            f("numeric", Open, &["numeric"]),
            f("nameEn", Open, &["name_en"]),
            f("officialNameEn", Open, &["official_name_en"]),
            f("nameVi", Open, &["name_vi"]),
            f(
                "relationsEstablishedOn",
                Open,
                &["relations_established_on"],
            ),
            f("partnershipFramework", Open, &["partnership_framework"]),
            f(
                "partnershipFrameworkVi",
                Open,
                &["partnership_framework_vi"],
            ),
            f("partnershipSince", Open, &["partnership_since"]),
            f("profileAssessment", Internal, &["profile_assessment"]),
            f("sourceNote", Internal, &["source_note"]),
        ],
    },
    // Personnel (TCCB): internal; personal and sensitive parts for TCCB only.
    TypePolicy {
        name: "PersonnelRecord",
        source: Some(Source::Personnel),
        rows: personnel_rows,
        list: Some("personnelRecords"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("staffNumber", Internal, &["staff_number"]),
            f("fullName", Internal, &["full_name"]),
            f("unit", Internal, &["unit_code"]),
            f("positionTitle", Internal, &["position_title"]),
            f("civilServiceRank", Internal, &["civil_service_rank"]),
            f("workEmail", Internal, &["work_email"]),
            f("salaryGrade", PERSONAL_TCCB, &["salary_grade"]),
            f("dateOfBirth", PERSONAL_TCCB, &["date_of_birth"]),
            f("gender", PERSONAL_TCCB, &["gender"]),
            f("homeAddress", PERSONAL_TCCB, &["home_address"]),
            f("ethnicity", SENSITIVE_TCCB, &["ethnicity"]),
            f("religion", SENSITIVE_TCCB, &["religion"]),
            f("partyMemberSince", SENSITIVE_TCCB, &["party_member_since"]),
            f("healthStatus", SENSITIVE_TCCB, &["health_status"]),
        ],
    },
    // Viet Nam's missions abroad (VP): open; low-confidence records for staff only.
    TypePolicy {
        name: "VietnameseMission",
        source: Some(Source::VietnameseMissions),
        rows: mission_rows,
        list: Some("vietnameseMissions"),
        keys: &["id"],
        fields: record_fields![Open;
            f("hostCountryCode", Open, &["host_country_code"]),
            r("hostCountry", Open),
            f("city", Open, &["city"]),
            f("kind", Open, &["kind"]),
            f("nameVi", Open, &["name_vi"]),
            f("nameEn", Open, &["name_en"]),
            f("website", Open, &["website"]),
            f("wikidataId", Open, &["wikidata_id"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    // The diplomatic corps in Viet Nam (LT): open; staff lists for `diplomatic-corps-info`.
    TypePolicy {
        name: "ForeignMission",
        source: Some(Source::DiplomaticCorps),
        rows: foreign_mission_rows,
        list: Some("foreignMissions"),
        keys: &["id"],
        fields: record_fields![Open;
            f("sendingCountryCode", Open, &["sending_country_code"]),
            r("sendingCountry", Open),
            f("kind", Open, &["kind"]),
            f("city", Open, &["city"]),
            f("nameVi", Open, &["name_vi"]),
            f("nameEn", Open, &["name_en"]),
            f("address", Open, &["address"]),
            f("website", Open, &["website"]),
            f("wikidataId", Open, &["wikidata_id"]),
            f("headOfMission", Open, &["head_of_mission"]),
            f(
                "credentialsPresentedOn",
                Open,
                &["credentials_presented_on"],
            ),
            f("publishable", Open, &["publishable"]),
            f(
                "staffList",
                Shared(Service::DiplomaticCorpsInfo),
                &["staff_list"],
            ),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    // Consular information (LS): visa exemptions, open; low-confidence records for staff only.
    TypePolicy {
        name: "VisaExemption",
        source: Some(Source::ConsularInformation),
        rows: visa_exemption_rows,
        list: Some("visaExemptions"),
        keys: &["id"],
        fields: record_fields![Open;
            f("countryCode", Open, &["country_code"]),
            r("country", Open),
            f("exemptionType", Open, &["exemption_type"]),
            f("passportTypes", Open, &["passport_types"]),
            f("maxStay", Open, &["max_stay"]),
            f("maxStayDays", Open, &["max_stay_days"]),
            f("validFrom", Open, &["valid_from"]),
            f("validTo", Open, &["valid_to"]),
            f("legalBasis", Open, &["legal_basis"]),
            f("legalBasisDate", Open, &["legal_basis_date"]),
            f("status", Open, &["status"]),
            f("statusNote", Open, &["status_note"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    // Cultural diplomacy (NGVH): UNESCO heritage and titles, open.
    TypePolicy {
        name: "UnescoTitle",
        source: Some(Source::CulturalDiplomacy),
        rows: unesco_rows,
        list: Some("unescoTitles"),
        keys: &["id"],
        fields: record_fields![Open;
            f("code", Open, &["code"]),
            f("category", Open, &["category"]),
            f("listOrRegister", Open, &["list_or_register"]),
            f("nameVi", Open, &["name_vi"]),
            f("nameEn", Open, &["name_en"]),
            f("year", Open, &["year"]),
            f("inscribedOn", Open, &["inscribed_on"]),
            f("heritageType", Open, &["heritage_type"]),
            f("provinces", Open, &["provinces"]),
            f("notes", Open, &["notes"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    // A policy document, treaty, protocol or border line on Viet Nam's borders and territory.
    TypePolicy {
        name: "BorderDocument",
        source: Some(Source::BorderTerritory),
        rows: border_rows,
        list: Some("borderDocuments"),
        keys: &["id"],
        fields: record_fields![Open;
            f("kind", Open, &["kind"]),
            f("titleVi", Open, &["title_vi"]),
            f("titleEn", Open, &["title_en"]),
            f("neighbourCountryCode", Open, &["neighbour_country_code"]),
            f("signedOn", Open, &["signed_on"]),
            f("effectiveOn", Open, &["effective_on"]),
            f("lengthKm", Open, &["length_km"]),
            f("summaryVi", Open, &["summary_vi"]),
            f("summaryEn", Open, &["summary_en"]),
            f("url", Open, &["url"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
            r("neighbourCountry", Open),
        ],
    },
    // A rule on privileges and immunities and the organisation or mission category it covers.
    TypePolicy {
        name: "PrivilegeRule",
        source: Some(Source::PrivilegesImmunities),
        rows: privilege_rows,
        list: Some("privilegeRules"),
        keys: &["id"],
        fields: record_fields![Open;
            f("coveredKind", Open, &["covered_kind"]),
            f("coveredNameVi", Open, &["covered_name_vi"]),
            f("coveredNameEn", Open, &["covered_name_en"]),
            f("coveredAcronym", Open, &["covered_acronym"]),
            f("legalBasisVi", Open, &["legal_basis_vi"]),
            f("legalBasisEn", Open, &["legal_basis_en"]),
            f("instrumentDate", Open, &["instrument_date"]),
            f("summaryVi", Open, &["summary_vi"]),
            f("summaryEn", Open, &["summary_en"]),
            f("status", Open, &["status"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    // An award: a State award conferred on a foreign or overseas-Vietnamese recipient on MOFA's proposal (`foreign`), or an emulation or commendation title within the sector (`domestic`).
    TypePolicy {
        name: "Award",
        source: Some(Source::Awards),
        rows: award_rows,
        list: Some("awards"),
        keys: &["id"],
        fields: record_fields![Open;
            f("scope", Open, &["scope"]),
            f("recipientName", Open, &["recipient_name"]),
            f("recipientKind", Open, &["recipient_kind"]),
            f("recipientCountryCode", Open, &["recipient_country_code"]),
            f("overseasVietnamese", Open, &["overseas_vietnamese"]),
            f("awardVi", Open, &["award_vi"]),
            f("awardEn", Open, &["award_en"]),
            f("decisionNumber", Open, &["decision_number"]),
            f("decidedOn", Open, &["decided_on"]),
            f("decidedBy", Open, &["decided_by"]),
            f("proposedBy", Internal, &["proposed_by"]),
            f("citationVi", Open, &["citation_vi"]),
            f("internalNotes", Internal, &["internal_notes"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
            r("recipientCountry", Open),
        ],
    },
    // An item of economic-diplomacy information.
    TypePolicy {
        name: "EconomicDiplomacyItem",
        source: Some(Source::EconomicDiplomacy),
        rows: economic_rows,
        list: Some("economicDiplomacyItems"),
        keys: &["id"],
        fields: record_fields![Open;
            f("kind", Open, &["kind"]),
            f("titleVi", Open, &["title_vi"]),
            f("titleEn", Open, &["title_en"]),
            f("summaryVi", Open, &["summary_vi"]),
            f("summaryEn", Open, &["summary_en"]),
            f("publishedOn", Open, &["published_on"]),
            f("countryCodes", Open, &["country_codes"]),
            f("url", Open, &["url"]),
            f("workingNotes", Internal, &["working_notes"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
            r("countries", Open),
        ],
    },
    // A document, research project, thesis, dissertation, article or journal issue of the digital library.
    TypePolicy {
        name: "LibraryItem",
        source: Some(Source::DigitalLibrary),
        rows: library_rows,
        list: Some("libraryItems"),
        keys: &["id"],
        fields: record_fields![Open;
            f("kind", Open, &["kind"]),
            f("titleVi", Open, &["title_vi"]),
            f("titleEn", Open, &["title_en"]),
            f("authors", Open, &["authors"]),
            f("year", Open, &["year"]),
            f("subject", Open, &["subject"]),
            f("abstractVi", Open, &["abstract_vi"]),
            f("abstractEn", Open, &["abstract_en"]),
            f("accessLevel", Open, &["access_level"]),
            f("url", Open, &["url"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    // A news item: the internal daily bulletin, agency news and mission reports, or an item published on the portal or the sector newspaper.
    TypePolicy {
        name: "NewsItem",
        source: Some(Source::News),
        rows: news_rows,
        list: Some("newsItems"),
        keys: &["id"],
        fields: record_fields![Open;
            f("channel", Open, &["channel"]),
            f("publishedOn", Open, &["published_on"]),
            f("titleVi", Open, &["title_vi"]),
            f("titleEn", Open, &["title_en"]),
            f("summaryVi", Open, &["summary_vi"]),
            f("summaryEn", Open, &["summary_en"]),
            f("bodyVi", Open, &["body_vi"]),
            f("countryCodes", Open, &["country_codes"]),
            f("mediaRefs", Open, &["media_refs"]),
            f("url", Open, &["url"]),
            f("unitCode", Internal, &["unit_code"]),
            f("publishable", Open, &["publishable"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
            r("countries", Open),
        ],
    },
    // A notable diplomatic event of the chronicle.
    TypePolicy {
        name: "ChronicleEvent",
        source: Some(Source::Chronicle),
        rows: internal_rows,
        list: Some("chronicleEvents"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("occurredOn", Internal, &["occurred_on"]),
            f("titleVi", Internal, &["title_vi"]),
            f("titleEn", Internal, &["title_en"]),
            f("contentVi", Internal, &["content_vi"]),
            f("issue", Internal, &["issue"]),
            f("countryCodes", Internal, &["country_codes"]),
            f("sourceRef", Internal, &["source_ref"]),
            f("notes", Internal, &["notes"]),
            f("unitCode", Internal, &["unit_code"]),
            r("countries", Internal),
        ],
    },
    // A document, rule, direction or assigned task of the direction and administration database.
    TypePolicy {
        name: "DirectionItem",
        source: Some(Source::Direction),
        rows: internal_rows,
        list: Some("directionItems"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("kind", Internal, &["kind"]),
            f("number", Internal, &["number"]),
            f("titleVi", Internal, &["title_vi"]),
            f("titleEn", Internal, &["title_en"]),
            f("summaryVi", Internal, &["summary_vi"]),
            f("issuedOn", Internal, &["issued_on"]),
            f("issuingUnit", Internal, &["issuing_unit"]),
            f("assignedUnit", Internal, &["assigned_unit"]),
            f("dueOn", Internal, &["due_on"]),
            f("taskStatus", Internal, &["task_status"]),
        ],
    },
    // An international conference or seminar hosted or co-organised by the Ministry.
    TypePolicy {
        name: "Conference",
        source: Some(Source::Conferences),
        rows: internal_rows,
        list: Some("conferences"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("titleVi", Internal, &["title_vi"]),
            f("titleEn", Internal, &["title_en"]),
            f("kind", Internal, &["kind"]),
            f("startsOn", Internal, &["starts_on"]),
            f("endsOn", Internal, &["ends_on"]),
            f("city", Internal, &["city"]),
            f("provinceCode", Internal, &["province_code"]),
            f("hostUnit", Internal, &["host_unit"]),
            f("coOrganisers", Internal, &["co_organisers"]),
            f("participantsCount", Internal, &["participants_count"]),
            f("countryCodes", Internal, &["country_codes"]),
            f("status", Internal, &["status"]),
            f("outcomeSummary", Internal, &["outcome_summary"]),
            r("province", Internal),
            r("countries", Internal),
        ],
    },
    // A province or centrally-run city: the 34 since the reorganisation of 1 July 2025, and the 63 before it, each with its validity.
    TypePolicy {
        name: "Province",
        source: Some(Source::Localities),
        rows: province_rows,
        list: Some("provinces"),
        keys: &["id"],
        fields: record_fields![Open;
            f("code", Open, &["code"]),
            f("nameVi", Open, &["name_vi"]),
            f("nameViFull", Open, &["name_vi_full"]),
            f("nameEn", Open, &["name_en"]),
            f("kindVi", Open, &["kind_vi"]),
            f("kindEn", Open, &["kind_en"]),
            f("iso31662", Open, &["iso_3166_2"]),
            f("validFrom", Open, &["valid_from"]),
            f("validTo", Open, &["valid_to"]),
            f("mergedFromCodes", Open, &["merged_from_codes"]),
            f("mergedIntoCode", Open, &["merged_into_code"]),
            f("wardsCount", Open, &["wards_count"]),
            f("cooperationProfile", Internal, &["cooperation_profile"]),
            f("sourceNote", Internal, &["source_note"]),
            f("confidence", Internal, &["confidence"]),
        ],
    },
    // A plan, commitment or support task of the Ministry with a province.
    TypePolicy {
        name: "LocalityCooperation",
        source: Some(Source::Localities),
        rows: internal_rows,
        list: Some("localityCooperations"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("provinceCode", Internal, &["province_code"]),
            f("kind", Internal, &["kind"]),
            f("titleVi", Internal, &["title_vi"]),
            f("titleEn", Internal, &["title_en"]),
            f("mofaUnit", Internal, &["mofa_unit"]),
            f("committedOn", Internal, &["committed_on"]),
            f("dueOn", Internal, &["due_on"]),
            f("status", Internal, &["status"]),
            f("notes", Internal, &["notes"]),
            r("province", Internal),
        ],
    },
    // An accounting entry of a unit.
    TypePolicy {
        name: "LedgerEntry",
        source: Some(Source::Finance),
        rows: internal_rows,
        list: Some("ledgerEntries"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("unitCode", Internal, &["unit_code"]),
            f("fiscalYear", Internal, &["fiscal_year"]),
            f("postedOn", Internal, &["posted_on"]),
            f("account", Internal, &["account"]),
            f("description", Internal, &["description"]),
            f("amountMinor", Internal, &["amount_minor"]),
            f("currency", Internal, &["currency"]),
            f("documentRef", Internal, &["document_ref"]),
            f("counterparty", Personal(Unit::Qttv), &["counterparty"]),
        ],
    },
    // A public asset held by a unit.
    TypePolicy {
        name: "PublicAsset",
        source: Some(Source::Assets),
        rows: internal_rows,
        list: Some("publicAssets"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("unitCode", Internal, &["unit_code"]),
            f("assetNumber", Internal, &["asset_number"]),
            f("kind", Internal, &["kind"]),
            f("description", Internal, &["description"]),
            f("acquiredOn", Internal, &["acquired_on"]),
            f("originalValueMinor", Internal, &["original_value_minor"]),
            f("currency", Internal, &["currency"]),
            f("location", Internal, &["location"]),
            f("condition", Internal, &["condition"]),
        ],
    },
    // Land, a building or premises used by a unit or mission.
    TypePolicy {
        name: "Premise",
        source: Some(Source::Premises),
        rows: internal_rows,
        list: Some("premises"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("unitCode", Internal, &["unit_code"]),
            f("countryCode", Internal, &["country_code"]),
            f("city", Internal, &["city"]),
            f("useKind", Internal, &["use_kind"]),
            f("tenure", Internal, &["tenure"]),
            f("landAreaM2", Internal, &["land_area_m2"]),
            f("floorAreaM2", Internal, &["floor_area_m2"]),
            f("leaseExpiresOn", Internal, &["lease_expires_on"]),
            f("address", Restricted(Unit::Qttv), &["address"]),
            f("titleDocument", Restricted(Unit::Qttv), &["title_document"]),
            r("country", Internal),
        ],
    },
    // A Party member of the Ministry's Party Committee.
    TypePolicy {
        name: "PartyMember",
        source: Some(Source::PartyMembers),
        rows: internal_rows,
        list: Some("partyMembers"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("memberNumber", Restricted(Unit::Dudt), &["member_number"]),
            f("fullName", Restricted(Unit::Dudt), &["full_name"]),
            f("partyCell", Internal, &["party_cell"]),
            f("unitCode", Internal, &["unit_code"]),
            f("abroad", Internal, &["abroad"]),
            f(
                "residenceCountryCode",
                Internal,
                &["residence_country_code"],
            ),
            f("status", Internal, &["status"]),
            f("admittedOn", Restricted(Unit::Dudt), &["admitted_on"]),
            f("officialOn", Restricted(Unit::Dudt), &["official_on"]),
            f("dateOfBirth", Restricted(Unit::Dudt), &["date_of_birth"]),
            f("ethnicity", Restricted(Unit::Dudt), &["ethnicity"]),
            f("religion", Restricted(Unit::Dudt), &["religion"]),
            r("residenceCountry", Internal),
        ],
    },
    // An organisation or association of overseas Vietnamese.
    TypePolicy {
        name: "OverseasOrganisation",
        source: Some(Source::OverseasVietnamese),
        rows: internal_rows,
        list: Some("overseasOrganisations"),
        keys: &["id"],
        fields: record_fields![Internal;
            f("nameVi", Internal, &["name_vi"]),
            f("nameOriginal", Internal, &["name_original"]),
            f("kind", Internal, &["kind"]),
            f("countryCode", Internal, &["country_code"]),
            f("city", Internal, &["city"]),
            f("foundedYear", Internal, &["founded_year"]),
            f("membersEstimate", Internal, &["members_estimate"]),
            f("leaderName", Personal(Unit::Ubnv), &["leader_name"]),
            f("contactEmail", Personal(Unit::Ubnv), &["contact_email"]),
            f("contactPhone", Personal(Unit::Ubnv), &["contact_phone"]),
            f("notes", Internal, &["notes"]),
            r("country", Internal),
        ],
    },
    // A foreign non-governmental organisation registered to operate in Viet Nam.
    TypePolicy {
        name: "ForeignNgo",
        source: Some(Source::ForeignNgos),
        rows: ngo_rows,
        list: Some("foreignNgos"),
        keys: &["id"],
        fields: record_fields![Shared(Service::NgoInfo);
            f("nameEn", Shared(Service::NgoInfo), &["name_en"]),
            f("nameVi", Shared(Service::NgoInfo), &["name_vi"]),
            f("acronym", Shared(Service::NgoInfo), &["acronym"]),
            f(
                "originCountryCode",
                Shared(Service::NgoInfo),
                &["origin_country_code"],
            ),
            f(
                "registrationKind",
                Shared(Service::NgoInfo),
                &["registration_kind"],
            ),
            f("permitNumber", Shared(Service::NgoInfo), &["permit_number"]),
            f(
                "permitIssuedOn",
                Shared(Service::NgoInfo),
                &["permit_issued_on"],
            ),
            f(
                "permitValidTo",
                Shared(Service::NgoInfo),
                &["permit_valid_to"],
            ),
            f("fields", Shared(Service::NgoInfo), &["fields"]),
            f(
                "provinceCodes",
                Shared(Service::NgoInfo),
                &["province_codes"],
            ),
            f("website", Shared(Service::NgoInfo), &["website"]),
            f("status", Shared(Service::NgoInfo), &["status"]),
            f("contactPerson", Personal(Unit::Nv), &["contact_person"]),
            f("contactEmail", Personal(Unit::Nv), &["contact_email"]),
            f("contactPhone", Personal(Unit::Nv), &["contact_phone"]),
            r("originCountry", Shared(Service::NgoInfo)),
            r("provinces", Shared(Service::NgoInfo)),
        ],
    },
    // An issuance or renewal file of a diplomatic or official passport.
    TypePolicy {
        name: "PassportFile",
        source: Some(Source::OfficialPassports),
        rows: passport_file_rows,
        list: Some("passportFiles"),
        keys: &["id"],
        fields: record_fields![Shared(Service::ConsularInfo);
            f(
                "fileNumber",
                Shared(Service::ConsularInfo),
                &["file_number"],
            ),
            f(
                "passportKind",
                Shared(Service::ConsularInfo),
                &["passport_kind"],
            ),
            f("action", Shared(Service::ConsularInfo), &["action"]),
            f(
                "holderName",
                Shared(Service::ConsularInfo),
                &["holder_name"],
            ),
            f(
                "holderAgency",
                Shared(Service::ConsularInfo),
                &["holder_agency"],
            ),
            f(
                "holderPosition",
                Shared(Service::ConsularInfo),
                &["holder_position"],
            ),
            f(
                "holderDateOfBirth",
                Personal(Unit::Ls),
                &["holder_date_of_birth"],
            ),
            f(
                "passportNumber",
                Shared(Service::ConsularInfo),
                &["passport_number"],
            ),
            f(
                "receivedOn",
                Shared(Service::ConsularInfo),
                &["received_on"],
            ),
            f("issuedOn", Shared(Service::ConsularInfo), &["issued_on"]),
            f("expiresOn", Shared(Service::ConsularInfo), &["expires_on"]),
            f(
                "decisionRef",
                Shared(Service::ConsularInfo),
                &["decision_ref"],
            ),
            f("noteRef", Shared(Service::ConsularInfo), &["note_ref"]),
            f("status", Shared(Service::ConsularInfo), &["status"]),
        ],
    },
    // A file of consular certification or legalisation.
    TypePolicy {
        name: "LegalizationFile",
        source: Some(Source::Legalization),
        rows: legalization_file_rows,
        list: Some("legalizationFiles"),
        keys: &["id"],
        fields: record_fields![Shared(Service::ConsularInfo);
            f(
                "fileNumber",
                Shared(Service::ConsularInfo),
                &["file_number"],
            ),
            f("procedure", Shared(Service::ConsularInfo), &["procedure"]),
            f(
                "applicantName",
                Shared(Service::ConsularInfo),
                &["applicant_name"],
            ),
            f(
                "applicantKind",
                Shared(Service::ConsularInfo),
                &["applicant_kind"],
            ),
            f(
                "applicantIdNumber",
                Personal(Unit::Ls),
                &["applicant_id_number"],
            ),
            f(
                "documentKind",
                Shared(Service::ConsularInfo),
                &["document_kind"],
            ),
            f(
                "documentCountryCode",
                Shared(Service::ConsularInfo),
                &["document_country_code"],
            ),
            f(
                "destinationCountryCode",
                Shared(Service::ConsularInfo),
                &["destination_country_code"],
            ),
            f("copies", Shared(Service::ConsularInfo), &["copies"]),
            f(
                "receivedOn",
                Shared(Service::ConsularInfo),
                &["received_on"],
            ),
            f(
                "completedOn",
                Shared(Service::ConsularInfo),
                &["completed_on"],
            ),
            f("status", Shared(Service::ConsularInfo), &["status"]),
            f("feeVnd", Shared(Service::ConsularInfo), &["fee_vnd"]),
            r("documentCountry", Shared(Service::ConsularInfo)),
            r("destinationCountry", Shared(Service::ConsularInfo)),
        ],
    },
    // A visa file handled by the Ministry (symbols NG1–NG4 and the other categories it issues).
    TypePolicy {
        name: "VisaFile",
        source: Some(Source::DiplomaticVisas),
        rows: visa_file_rows,
        list: Some("visaFiles"),
        keys: &["id"],
        fields: record_fields![Shared(Service::ConsularInfo);
            f(
                "fileNumber",
                Shared(Service::ConsularInfo),
                &["file_number"],
            ),
            f("category", Shared(Service::ConsularInfo), &["category"]),
            f(
                "applicantName",
                Shared(Service::ConsularInfo),
                &["applicant_name"],
            ),
            f(
                "nationalityCode",
                Shared(Service::ConsularInfo),
                &["nationality_code"],
            ),
            f("passportNumber", Personal(Unit::Ls), &["passport_number"]),
            f("dateOfBirth", Personal(Unit::Ls), &["date_of_birth"]),
            f(
                "invitingBody",
                Shared(Service::ConsularInfo),
                &["inviting_body"],
            ),
            f("purpose", Shared(Service::ConsularInfo), &["purpose"]),
            f("channel", Shared(Service::ConsularInfo), &["channel"]),
            f(
                "submittedOn",
                Shared(Service::ConsularInfo),
                &["submitted_on"],
            ),
            f("decidedOn", Shared(Service::ConsularInfo), &["decided_on"]),
            f("status", Shared(Service::ConsularInfo), &["status"]),
            f("validFrom", Shared(Service::ConsularInfo), &["valid_from"]),
            f("validTo", Shared(Service::ConsularInfo), &["valid_to"]),
            r("nationality", Shared(Service::ConsularInfo)),
        ],
    },
    // The data-access audit log: admins only.
    TypePolicy {
        name: "AuditEntry",
        source: Some(Source::Meta),
        rows: audit_rows,
        list: Some("auditEntries"),
        keys: &["id", "prev_hash"],
        fields: &[
            f("id", Admin, &["id"]),
            f("at", Admin, &["at"]),
            f("requestId", Admin, &["request_id"]),
            f("audience", Admin, &["audience"]),
            f("subject", Admin, &["subject"]),
            f("tokenId", Admin, &["token_id"]),
            f("clientOrUnit", Admin, &["client_or_unit"]),
            f("operationHash", Admin, &["operation_hash"]),
            f("disclosed", Admin, &["disclosed"]),
            f("hash", Admin, &["hash"]),
        ],
    },
];

static INDEX: LazyLock<HashMap<(&'static str, &'static str), &'static FieldPolicy>> =
    LazyLock::new(|| {
        TYPES
            .iter()
            .flat_map(|t| t.fields.iter().map(move |f| ((t.name, f.name), f)))
            .collect()
    });

/// The policy of a type.
pub fn type_policy(type_name: &str) -> Option<&'static TypePolicy> {
    TYPES.iter().find(|t| t.name == type_name)
}

/// The policy of `type_name`, or of the node type it wraps (`XConnection`, `XEdge`): what a
/// wrapper's fields tell (`totalCount`) comes from the node type's source.
pub fn source_policy(type_name: &str) -> Option<&'static TypePolicy> {
    type_policy(type_name).or_else(|| {
        type_name
            .strip_suffix("Connection")
            .or_else(|| type_name.strip_suffix("Edge"))
            .and_then(type_policy)
    })
}

/// The access class of `type_name.field`; `None` (readable by nobody) when undeclared.
pub fn access(type_name: &str, field: &str) -> Option<Access> {
    INDEX
        .get(&(type_name, field))
        .map(|f| f.access)
        .or_else(|| wrapper_access(type_name, field))
}

/// The Relay wrappers of a declared type `X`: `XConnection { edges pageInfo totalCount }` and
/// `XEdge { cursor node }` are open; the node's own fields carry the access classes. An
/// undeclared `X` has no readable wrappers either.
fn wrapper_access(type_name: &str, field: &str) -> Option<Access> {
    let (node, fields): (&str, &[&str]) = if let Some(node) = type_name.strip_suffix("Connection") {
        (node, &["edges", "pageInfo", "totalCount"])
    } else if let Some(node) = type_name.strip_suffix("Edge") {
        (node, &["cursor", "node"])
    } else {
        return None;
    };
    (type_policy(node).is_some() && fields.contains(&field)).then_some(Access::Open)
}

/// Which rows of a type a caller may see.
#[derive(Debug, Clone)]
pub enum RowAccess {
    All,
    Only(Condition),
    Nothing,
}

/// Rows with no rule of their own: catalogue rows, wrappers, and rows reached only through a
/// parent whose rule was applied (a treaty's parties).
pub fn all_rows(_principal: &Principal) -> RowAccess {
    RowAccess::All
}

/// Treaties: the public sees those in force, publishable and without a secrecy mark; a partner
/// holding `treaty-info` those in force without a secrecy mark; staff all of them.
pub fn treaty_rows(principal: &Principal) -> RowAccess {
    let in_force = Condition::all()
        .add(treaty::Column::Status.eq("in_force"))
        .add(treaty::Column::SecrecyLevel.is_null());
    match principal.audience {
        Audience::Staff => RowAccess::All,
        Audience::Partner if principal.holds(Service::TreatyInfo) => RowAccess::Only(in_force),
        _ => RowAccess::Only(in_force.add(treaty::Column::Publishable.eq(true))),
    }
}

/// International agreements: as treaties, with `agreement-info`.
pub fn agreement_rows(principal: &Principal) -> RowAccess {
    let in_force = Condition::all()
        .add(agreement::Column::Status.eq("in_force"))
        .add(agreement::Column::SecrecyLevel.is_null());
    match principal.audience {
        Audience::Staff => RowAccess::All,
        Audience::Partner if principal.holds(Service::AgreementInfo) => RowAccess::Only(in_force),
        _ => RowAccess::Only(in_force.add(agreement::Column::Publishable.eq(true))),
    }
}

/// Countries: every row for everyone (the record holds no secret; stored rows carry no mark).
pub fn country_rows(_principal: &Principal) -> RowAccess {
    RowAccess::Only(
        Condition::all().add(entities::country_profiles::country::Column::SecrecyLevel.is_null()),
    )
}

/// Missions abroad: the public and partners see the records whose facts are reliable; staff
/// all of them, with their confidence.
pub fn mission_rows(principal: &Principal) -> RowAccess {
    use entities::vietnamese_missions::vn_mission;
    match principal.audience {
        Audience::Staff => RowAccess::All,
        _ => RowAccess::Only(
            Condition::all()
                .add(vn_mission::Column::Publishable.eq(true))
                .add(vn_mission::Column::SecrecyLevel.is_null()),
        ),
    }
}

/// Foreign missions: the public sees the records whose facts are reliable; partners of
/// `diplomatic-corps-info` and staff all of them.
pub fn foreign_mission_rows(principal: &Principal) -> RowAccess {
    use entities::diplomatic_corps::foreign_mission;
    let unmarked = Condition::all().add(foreign_mission::Column::SecrecyLevel.is_null());
    match principal.audience {
        Audience::Staff => RowAccess::All,
        Audience::Partner if principal.holds(Service::DiplomaticCorpsInfo) => {
            RowAccess::Only(unmarked)
        }
        _ => RowAccess::Only(unmarked.add(foreign_mission::Column::Publishable.eq(true))),
    }
}

/// Visa exemptions: the public and partners see the records whose facts are reliable; staff
/// all of them.
pub fn visa_exemption_rows(principal: &Principal) -> RowAccess {
    use entities::consular_information::visa_exemption;
    match principal.audience {
        Audience::Staff => RowAccess::All,
        _ => RowAccess::Only(
            Condition::all()
                .add(visa_exemption::Column::Publishable.eq(true))
                .add(visa_exemption::Column::SecrecyLevel.is_null()),
        ),
    }
}

/// UNESCO titles: the public sees the records whose facts are reliable; staff all of them.
pub fn unesco_rows(principal: &Principal) -> RowAccess {
    use entities::cultural_diplomacy::unesco_title;
    match principal.audience {
        Audience::Staff => RowAccess::All,
        _ => RowAccess::Only(
            Condition::all()
                .add(unesco_title::Column::Publishable.eq(true))
                .add(unesco_title::Column::SecrecyLevel.is_null()),
        ),
    }
}

/// The audit log: staff with the `admin` role only.
pub fn audit_rows(principal: &Principal) -> RowAccess {
    if principal.can_read(Admin) {
        RowAccess::All
    } else {
        RowAccess::Nothing
    }
}

/// Personnel records: staff only; nothing online for partners, whatever their scopes.
pub fn personnel_rows(principal: &Principal) -> RowAccess {
    match principal.audience {
        Audience::Staff => RowAccess::All,
        _ => RowAccess::Nothing,
    }
}

/// Internal sources: every row for staff, nothing for anyone else.
pub fn internal_rows(principal: &Principal) -> RowAccess {
    personnel_rows(principal)
}

/// Staff see every row; everyone else the published rows without a secrecy mark (and, where
/// given, matching `more`).
fn published(
    principal: &Principal,
    publishable: impl ColumnTrait,
    secrecy: impl ColumnTrait,
    more: Option<Condition>,
) -> RowAccess {
    if principal.audience == Audience::Staff {
        return RowAccess::All;
    }
    let mut condition = Condition::all()
        .add(publishable.eq(true))
        .add(secrecy.is_null());
    if let Some(more) = more {
        condition = condition.add(more);
    }
    RowAccess::Only(condition)
}

/// Rows of a sharing service's data: staff all of them, partners holding `service` those
/// without a secrecy mark, nobody else any.
fn shared_rows(principal: &Principal, service: Service, secrecy: impl ColumnTrait) -> RowAccess {
    match principal.audience {
        Audience::Staff => RowAccess::All,
        Audience::Partner if principal.holds(service) => {
            RowAccess::Only(Condition::all().add(secrecy.is_null()))
        }
        _ => RowAccess::Nothing,
    }
}

/// Border and territory documents: published ones for everyone.
pub fn border_rows(principal: &Principal) -> RowAccess {
    use entities::border_territory::border_document::Column;
    published(principal, Column::Publishable, Column::SecrecyLevel, None)
}

/// Privileges and immunities: published rules for everyone.
pub fn privilege_rows(principal: &Principal) -> RowAccess {
    use entities::privileges_immunities::privilege_rule::Column;
    published(principal, Column::Publishable, Column::SecrecyLevel, None)
}

/// Awards: the published foreign awards (the open dataset `foreign-awards`) for everyone;
/// domestic emulation and commendation for staff.
pub fn award_rows(principal: &Principal) -> RowAccess {
    use entities::awards::award::Column;
    let foreign = Condition::all().add(Column::Scope.eq("foreign"));
    published(
        principal,
        Column::Publishable,
        Column::SecrecyLevel,
        Some(foreign),
    )
}

/// Economic diplomacy: published items for everyone, every unmarked item for partners of
/// `economic-diplomacy-info`.
pub fn economic_rows(principal: &Principal) -> RowAccess {
    use entities::economic_diplomacy::economic_item::Column;
    if principal.holds(Service::EconomicDiplomacyInfo) {
        return shared_rows(
            principal,
            Service::EconomicDiplomacyInfo,
            Column::SecrecyLevel,
        );
    }
    published(principal, Column::Publishable, Column::SecrecyLevel, None)
}

/// The digital library: items of access level `open` for everyone, all of them for staff.
pub fn library_rows(principal: &Principal) -> RowAccess {
    use entities::digital_library::library_item::Column;
    match principal.audience {
        Audience::Staff => RowAccess::All,
        _ => RowAccess::Only(
            Condition::all()
                .add(Column::AccessLevel.eq("open"))
                .add(Column::SecrecyLevel.is_null()),
        ),
    }
}

/// News: what the portal and the newspaper published, for everyone; the daily bulletin,
/// agency news and mission reports for staff.
pub fn news_rows(principal: &Principal) -> RowAccess {
    use entities::news::news_item::Column;
    let published_channels = Condition::all().add(Column::Channel.is_in(["portal", "newspaper"]));
    published(
        principal,
        Column::Publishable,
        Column::SecrecyLevel,
        Some(published_channels),
    )
}

/// Provinces: public reference data, every row for everyone.
pub fn province_rows(_principal: &Principal) -> RowAccess {
    use entities::localities::province::Column;
    RowAccess::Only(Condition::all().add(Column::SecrecyLevel.is_null()))
}

/// Foreign NGOs: staff, and partners of `ngo-info`.
pub fn ngo_rows(principal: &Principal) -> RowAccess {
    use entities::foreign_ngos::foreign_ngo::Column;
    shared_rows(principal, Service::NgoInfo, Column::SecrecyLevel)
}

/// Passport files: staff, and partners of `consular-info`.
pub fn passport_file_rows(principal: &Principal) -> RowAccess {
    use entities::official_passports::passport_file::Column;
    shared_rows(principal, Service::ConsularInfo, Column::SecrecyLevel)
}

/// Legalisation files: staff, and partners of `consular-info`.
pub fn legalization_file_rows(principal: &Principal) -> RowAccess {
    use entities::legalization::legalization_file::Column;
    shared_rows(principal, Service::ConsularInfo, Column::SecrecyLevel)
}

/// Visa files: staff, and partners of `consular-info`.
pub fn visa_file_rows(principal: &Principal) -> RowAccess {
    use entities::diplomatic_visas::visa_file::Column;
    shared_rows(principal, Service::ConsularInfo, Column::SecrecyLevel)
}
