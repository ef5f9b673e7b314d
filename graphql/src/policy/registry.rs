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
        keys: &[],
        fields: &[
            r("catalog", Open),
            r("viewer", Open),
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
            r("auditEntries", Admin),
        ],
    },
    // The catalogue of Decision 3021: open to everyone.
    TypePolicy {
        name: "Catalog",
        source: Some(Source::Meta),
        rows: all_rows,
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
        keys: &[],
        fields: open_fields!["code", "uri"],
    },
    TypePolicy {
        name: "OpenDataset",
        source: Some(Source::Meta),
        rows: all_rows,
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
    // What the caller may read, told to the caller.
    TypePolicy {
        name: "Viewer",
        source: None,
        rows: all_rows,
        keys: &[],
        fields: open_fields!["audience", "subject", "unit", "roles", "scopes", "readable"],
    },
    TypePolicy {
        name: "ReadableType",
        source: None,
        rows: all_rows,
        keys: &[],
        fields: open_fields!["type", "fields"],
    },
    TypePolicy {
        name: "PageInfo",
        source: None,
        rows: all_rows,
        keys: &[],
        fields: open_fields!["hasNextPage", "endCursor"],
    },
    // Treaties (LPQT).
    TypePolicy {
        name: "Treaty",
        source: Some(Source::Treaties),
        rows: treaty_rows,
        keys: &["id"],
        fields: &[
            f("id", Open, &["id"]),
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
            f("createdAt", Open, &["created_at"]),
            f("updatedAt", Open, &["updated_at"]),
            f("version", Open, &["version"]),
        ],
    },
    TypePolicy {
        name: "TreatyParty",
        source: Some(Source::Treaties),
        rows: all_rows,
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
        keys: &["id"],
        fields: &[
            f("id", Open, &["id"]),
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
            f("createdAt", Open, &["created_at"]),
            f("updatedAt", Open, &["updated_at"]),
            f("version", Open, &["version"]),
        ],
    },
    // Countries (country-profiles, DVDN).
    TypePolicy {
        name: "Country",
        source: Some(Source::CountryProfiles),
        rows: country_rows,
        keys: &["id"],
        fields: &[
            f("id", Open, &["id"]),
            f("code", Open, &["code"]),
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
            f("createdAt", Open, &["created_at"]),
            f("updatedAt", Open, &["updated_at"]),
            f("version", Open, &["version"]),
        ],
    },
    // Personnel (TCCB): internal; personal and sensitive parts for TCCB only.
    TypePolicy {
        name: "PersonnelRecord",
        source: Some(Source::Personnel),
        rows: personnel_rows,
        keys: &["id"],
        fields: &[
            f("id", Internal, &["id"]),
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
            f("createdAt", Internal, &["created_at"]),
            f("updatedAt", Internal, &["updated_at"]),
            f("version", Internal, &["version"]),
        ],
    },
    // Viet Nam's missions abroad (VP): open; low-confidence records for staff only.
    TypePolicy {
        name: "VietnameseMission",
        source: Some(Source::VietnameseMissions),
        rows: mission_rows,
        keys: &["id"],
        fields: &[
            f("id", Open, &["id"]),
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
            f("createdAt", Open, &["created_at"]),
            f("updatedAt", Open, &["updated_at"]),
            f("version", Open, &["version"]),
        ],
    },
    // The diplomatic corps in Viet Nam (LT): open; staff lists for `diplomatic-corps-info`.
    TypePolicy {
        name: "ForeignMission",
        source: Some(Source::DiplomaticCorps),
        rows: foreign_mission_rows,
        keys: &["id"],
        fields: &[
            f("id", Open, &["id"]),
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
            f("createdAt", Open, &["created_at"]),
            f("updatedAt", Open, &["updated_at"]),
            f("version", Open, &["version"]),
        ],
    },
    // Consular information (LS): visa exemptions, open; low-confidence records for staff only.
    TypePolicy {
        name: "VisaExemption",
        source: Some(Source::ConsularInformation),
        rows: visa_exemption_rows,
        keys: &["id"],
        fields: &[
            f("id", Open, &["id"]),
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
            f("createdAt", Open, &["created_at"]),
            f("updatedAt", Open, &["updated_at"]),
            f("version", Open, &["version"]),
        ],
    },
    // Cultural diplomacy (NGVH): UNESCO heritage and titles, open.
    TypePolicy {
        name: "UnescoTitle",
        source: Some(Source::CulturalDiplomacy),
        rows: unesco_rows,
        keys: &["id"],
        fields: &[
            f("id", Open, &["id"]),
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
            f("createdAt", Open, &["created_at"]),
            f("updatedAt", Open, &["updated_at"]),
            f("version", Open, &["version"]),
        ],
    },
    // The data-access audit log: admins only.
    TypePolicy {
        name: "AuditEntry",
        source: Some(Source::Meta),
        rows: audit_rows,
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
