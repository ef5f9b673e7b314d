//! The write path: owner-unit stewardship of every record type. One generic set of mutations
//! (`createRecord`, `updateRecord`, `correctRecord`, `deleteRecord`, `restoreRecord`,
//! `publishRecord`, `unpublishRecord`) and `revisions(id)`; which fields a write may set, and who
//! may read them back, come from the registry; who may write a source comes from the catalogue
//! (its owner units, [`Owners`]). Each write is one transaction on the record's source: the change, checked
//! against `expectedVersion`, and its revision (who, unit, when, reason, changed fields before
//! and after). The server then invalidates the cache of the source and appends the audit entry.

use std::collections::{BTreeMap, BTreeSet};

use async_graphql::{Context, ID, Json, Object, SimpleObject};
use chrono::{NaiveDate, Utc};
use entities::{Source, SourceConnections};
use sea_orm::{
    ColumnType, ConnectionTrait, DatabaseConnection, DbErr, QueryResult, TransactionTrait, Value,
    sea_query::{Alias, Expr, ExprTrait, Query},
};
use serde_json::{Map, Value as Json_};
use unicode_normalization::UnicodeNormalization;

pub use crate::node::{RecordTable, record_table};
use crate::{
    error::ApiError,
    ids::global_id,
    policy::{Owners, Principal, Role, registry},
};

/// Columns no write sets: the store and the stewardship mutations own them.
const MANAGED: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "version",
    "deleted_at",
    "secrecy_level",
    "publishable",
];

/// The secrecy levels of the Law on Protection of State Secrets: a record carrying one is
/// refused whole, as the shared databases hold no state secret.
const SECRECY_LEVELS: &[&str] = &["mật", "tối mật", "tuyệt mật"];

/// Longest value of a short string column, and of a text column, in characters.
const MAX_STRING: usize = 1_000;
const MAX_TEXT: usize = 100_000;

/// The values an enumerated column accepts, per record type.
const ENUMERATIONS: &[(&str, &str, &[&str])] = &[
    (
        "Treaty",
        "status",
        &[
            "negotiating",
            "signed",
            "in_force",
            "suspended",
            "terminated",
            "expired",
        ],
    ),
    (
        "Agreement",
        "status",
        &[
            "negotiating",
            "signed",
            "in_force",
            "suspended",
            "terminated",
            "expired",
        ],
    ),
    (
        "VisaExemption",
        "status",
        &["in_force", "superseded", "expired"],
    ),
    (
        "VisaExemption",
        "exemption_type",
        &[
            "unilateral",
            "bilateral_ordinary",
            "bilateral_official",
            "special_zone",
            "special_category",
        ],
    ),
    (
        "BorderDocument",
        "kind",
        &[
            "policy",
            "treaty",
            "protocol",
            "legal_instrument",
            "border_line",
        ],
    ),
    (
        "PrivilegeRule",
        "covered_kind",
        &[
            "diplomatic_mission",
            "consular_post",
            "international_organisation",
            "un_agency",
        ],
    ),
    ("PrivilegeRule", "status", &["in_force", "superseded"]),
    ("Award", "scope", &["foreign", "domestic"]),
    ("Award", "recipient_kind", &["individual", "collective"]),
    (
        "Award",
        "decided_by",
        &["president", "prime_minister", "minister"],
    ),
    (
        "EconomicDiplomacyItem",
        "kind",
        &[
            "direction",
            "socio_economic",
            "digital_economy",
            "green_economy",
            "finance",
            "speech",
        ],
    ),
    (
        "LibraryItem",
        "kind",
        &[
            "document",
            "research_project",
            "thesis",
            "dissertation",
            "article",
            "journal",
        ],
    ),
    ("LibraryItem", "access_level", &["open", "internal"]),
    (
        "NewsItem",
        "channel",
        &["bulletin_a", "vna", "mission_report", "portal", "newspaper"],
    ),
    (
        "DirectionItem",
        "kind",
        &[
            "incoming_document",
            "outgoing_document",
            "legal_document",
            "procedure",
            "direction",
            "task",
        ],
    ),
    (
        "DirectionItem",
        "task_status",
        &["open", "in_progress", "done", "overdue"],
    ),
    (
        "Conference",
        "kind",
        &["conference", "seminar", "workshop", "forum"],
    ),
    ("Conference", "status", &["planned", "held", "cancelled"]),
    (
        "LocalityCooperation",
        "kind",
        &["master_plan", "commitment", "support_task"],
    ),
    (
        "LocalityCooperation",
        "status",
        &["open", "in_progress", "done"],
    ),
    (
        "PublicAsset",
        "kind",
        &["building", "vehicle", "equipment", "it", "other"],
    ),
    (
        "PublicAsset",
        "condition",
        &["in_use", "idle", "to_dispose", "disposed"],
    ),
    (
        "Premise",
        "use_kind",
        &["chancery", "residence", "office", "staff_housing", "land"],
    ),
    ("Premise", "tenure", &["owned", "leased", "allocated"]),
    (
        "PartyMember",
        "status",
        &["active", "transferred_in", "transferred_out"],
    ),
    (
        "OverseasOrganisation",
        "kind",
        &[
            "association",
            "business",
            "students",
            "professional",
            "cultural",
            "religious",
        ],
    ),
    (
        "ForeignNgo",
        "registration_kind",
        &["operation", "project_office", "representative_office"],
    ),
    ("ForeignNgo", "status", &["active", "expired", "revoked"]),
    ("PassportFile", "passport_kind", &["diplomatic", "official"]),
    ("PassportFile", "action", &["issue", "renew", "extend"]),
    (
        "PassportFile",
        "status",
        &["received", "approved", "issued", "returned", "refused"],
    ),
    (
        "LegalizationFile",
        "procedure",
        &["certification", "legalisation"],
    ),
    (
        "LegalizationFile",
        "applicant_kind",
        &["individual", "organisation"],
    ),
    (
        "LegalizationFile",
        "status",
        &["received", "processing", "completed", "refused"],
    ),
    ("VisaFile", "channel", &["in_person", "online"]),
    (
        "VisaFile",
        "status",
        &["submitted", "approved", "refused", "issued"],
    ),
];

/// Pairs of date columns where the first may not come after the second.
const DATE_ORDER: &[(&str, &str)] = &[
    ("signed_on", "entry_into_force"),
    ("signed_on", "entry_into_force_for_vn"),
    ("signed_on", "effective_on"),
    ("effective_on", "expires_on"),
    ("valid_from", "valid_to"),
    ("permit_issued_on", "permit_valid_to"),
    ("starts_on", "ends_on"),
    ("received_on", "completed_on"),
    ("received_on", "issued_on"),
    ("issued_on", "expires_on"),
    ("submitted_on", "decided_on"),
    ("committed_on", "due_on"),
    ("admitted_on", "official_on"),
];

/// One committed write, for the server to act on (cache invalidation, audit).
#[derive(Debug, Clone)]
pub struct Written {
    pub source: Source,
    pub id: String,
    pub version: i32,
    pub action: &'static str,
}

/// What a mutation answers.
#[derive(SimpleObject)]
pub struct WriteResult {
    /// The record's global id.
    pub id: ID,
    /// Its version now: the `expectedVersion` of the next write.
    pub version: i32,
    /// The number of the revision this write recorded.
    pub revision: i64,
}

/// One revision of a record.
#[derive(SimpleObject)]
pub struct Revision {
    pub revision: i64,
    /// The record's version after this write.
    pub version: i32,
    /// `create`, `update`, `correct`, `revert`, `delete`, `restore`, `publish`, `unpublish`,
    /// `import`.
    pub action: String,
    pub unit: Option<String>,
    pub subject: String,
    pub reason: Option<String>,
    /// The changed fields before the write (those the caller may read).
    pub before: Json<Map<String, Json_>>,
    /// The changed fields after the write (those the caller may read).
    pub after: Json<Map<String, Json_>>,
    pub at: chrono::DateTime<Utc>,
}

#[derive(Default)]
pub struct Mutation;

#[Object]
impl Mutation {
    /// Creates a record of `type` (a record type's name) from `fields` (its field names, as
    /// in the schema). For editors of the owning unit.
    async fn create_record(
        &self,
        ctx: &Context<'_>,
        r#type: String,
        fields: Json<Map<String, Json_>>,
    ) -> Result<Option<WriteResult>, ApiError> {
        let table = known_type(&r#type)?;
        let principal = editor(ctx, &table, Role::Editor)?;
        let sources = ctx.data_unchecked::<SourceConnections>();
        let codes = CodeBook::for_fields(sources, &table, &fields.0).await?;
        let values = parse_record(&table, principal, &fields.0, true, &codes, &BTreeMap::new())?;
        let db = db_of(ctx, table.source);
        let txn = db.begin().await?;
        let (ids, revision) =
            insert_records(&txn, &table, &author(ctx), "create", None, &[values]).await?;
        txn.commit().await?;
        let id = ids.first().copied().ok_or(ApiError::Internal)?;
        Ok(Some(done(ctx, &table, id, 1, "create", revision)))
    }

    /// Changes fields of a record; `expectedVersion` is the version read.
    async fn update_record(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        fields: Json<Map<String, Json_>>,
    ) -> Result<Option<WriteResult>, ApiError> {
        change(ctx, &id, expected_version, &fields.0, "update", None).await
    }

    /// A correction (đính chính): an update with its mandatory reason.
    async fn correct_record(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
        fields: Json<Map<String, Json_>>,
    ) -> Result<Option<WriteResult>, ApiError> {
        let reason = required_reason(reason)?;
        change(
            ctx,
            &id,
            expected_version,
            &fields.0,
            "correct",
            Some(reason),
        )
        .await
    }

    /// Deletes a record (softly: it can be restored); the reason is mandatory.
    async fn delete_record(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
    ) -> Result<Option<WriteResult>, ApiError> {
        let reason = required_reason(reason)?;
        let deleted = Value::ChronoDateTimeUtc(Some(Utc::now()));
        set_managed(
            ctx,
            &id,
            expected_version,
            Role::Editor,
            "delete",
            Some(reason),
            ("deleted_at", deleted),
            false,
        )
        .await
    }

    /// Restores a deleted record.
    async fn restore_record(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: Option<String>,
    ) -> Result<Option<WriteResult>, ApiError> {
        let restored = Value::ChronoDateTimeUtc(None);
        set_managed(
            ctx,
            &id,
            expected_version,
            Role::Editor,
            "restore",
            reason,
            ("deleted_at", restored),
            true,
        )
        .await
    }

    /// Puts back the fields a revision changed, as they were before it: a new revision of its
    /// own (`revert`).
    async fn revert_record(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        revision: i64,
        reason: String,
    ) -> Result<Option<WriteResult>, ApiError> {
        let reason = required_reason(reason)?;
        let (table, key) = parse_id(ctx, &id).await?;
        editor(ctx, &table, Role::Editor)?;
        let query = Query::select()
            .columns([Alias::new("action"), Alias::new("before")])
            .from(Alias::new(revision_table(table.source)))
            .and_where(Expr::col(Alias::new("id")).eq(revision))
            .and_where(Expr::col(Alias::new("record_type")).eq(table.type_name))
            .and_where(Expr::col(Alias::new("record_id")).eq(key))
            .to_owned();
        let row = db_of(ctx, table.source)
            .query_one(&query)
            .await?
            .ok_or_else(|| ApiError::NotFound(format!("revision {revision} of {}", id.as_str())))?;
        let action: String = row.try_get("", "action")?;
        if !matches!(action.as_str(), "update" | "correct" | "revert") {
            return Err(ApiError::BadUserInput(format!(
                "`revision`: a `{action}` revision is undone by its own mutation (delete, restore, publish, unpublish), not reverted"
            )));
        }
        let before: Option<String> = row.try_get("", "before")?;
        let before: Map<String, Json_> = before
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        change(ctx, &id, expected_version, &before, "revert", Some(reason)).await
    }

    /// Publishes a record: the public API and the open-data files show it from the next
    /// request. For stewards of the owning unit.
    async fn publish_record(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
    ) -> Result<Option<WriteResult>, ApiError> {
        set_managed(
            ctx,
            &id,
            expected_version,
            Role::Steward,
            "publish",
            None,
            ("publishable", Value::Bool(Some(true))),
            false,
        )
        .await
    }

    /// Withdraws a record from publication.
    async fn unpublish_record(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: Option<String>,
    ) -> Result<Option<WriteResult>, ApiError> {
        set_managed(
            ctx,
            &id,
            expected_version,
            Role::Steward,
            "unpublish",
            reason,
            ("publishable", Value::Bool(Some(false))),
            false,
        )
        .await
    }
}

#[derive(Default)]
pub struct RevisionQuery;

#[Object]
impl RevisionQuery {
    /// The revisions of a record, oldest first (staff), each limited to the fields the caller
    /// may read.
    async fn revisions(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<Vec<Revision>>, ApiError> {
        let (table, key) = parse_id(ctx, &id).await?;
        let principal = ctx.data_unchecked::<Principal>();
        let db = db_of(ctx, table.source);
        let name = revision_table(table.source);
        let query = Query::select()
            .columns(
                [
                    "id",
                    "version",
                    "action",
                    "unit_code",
                    "subject",
                    "reason",
                    "before",
                    "after",
                    "at",
                ]
                .map(Alias::new),
            )
            .from(Alias::new(name))
            .and_where(Expr::col(Alias::new("record_type")).eq(table.type_name))
            .and_where(Expr::col(Alias::new("record_id")).eq(key))
            .order_by(Alias::new("id"), sea_orm::sea_query::Order::Asc)
            .to_owned();
        let readable = |map: Map<String, Json_>| -> Map<String, Json_> {
            map.into_iter()
                .filter(|(field, _)| {
                    registry::access(table.type_name, field).is_some_and(|a| principal.can_read(a))
                })
                .collect()
        };
        let parse = |text: Option<String>| -> Map<String, Json_> {
            text.and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        for row in db.query_all(&query).await? {
            out.push(Revision {
                revision: row.try_get("", "id")?,
                version: row.try_get("", "version")?,
                action: row.try_get("", "action")?,
                unit: row.try_get("", "unit_code")?,
                subject: row.try_get("", "subject")?,
                reason: row.try_get("", "reason")?,
                before: Json(readable(parse(row.try_get("", "before")?))),
                after: Json(readable(parse(row.try_get("", "after")?))),
                at: row.try_get("", "at")?,
            });
        }
        Ok(Some(out))
    }
}

fn db_of<'a>(ctx: &Context<'a>, source: Source) -> &'a DatabaseConnection {
    ctx.data_unchecked::<SourceConnections>().get(source)
}

fn revision_table(source: Source) -> String {
    format!("revisions_{}", source.code().replace('-', "_"))
}

fn known_type(type_name: &str) -> Result<RecordTable, ApiError> {
    record_table(type_name)
        .ok_or_else(|| ApiError::BadUserInput(format!("`type`: no record type {type_name:?}")))
}

/// The record type and surrogate key of a global id (whose key may be a natural one).
async fn parse_id(ctx: &Context<'_>, id: &ID) -> Result<(RecordTable, i64), ApiError> {
    let (type_name, key) = id.split_once(':').ok_or_else(|| {
        ApiError::BadUserInput(format!("`id`: {:?} is not a global id", id.as_str()))
    })?;
    let table = known_type(type_name)?;
    let not_found = || ApiError::NotFound(id.to_string());
    if table.key == "id" {
        return key.parse().map(|key| (table, key)).map_err(|_| not_found());
    }
    // A natural key: find the record's surrogate id.
    let query = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new(table.table))
        .and_where(Expr::col(Alias::new(table.key)).eq(key))
        .to_owned();
    let row = db_of(ctx, table.source)
        .query_one(&query)
        .await?
        .ok_or_else(not_found)?;
    let key: i64 = row.try_get("", "id")?;
    Ok((table, key))
}

/// Takes the record's write lock before reading it: SQLite's whole-database writer lock, so
/// that a concurrent writer waits instead of failing to upgrade its read; PostgreSQL's row
/// lock, so that the version read below is the one the update will see.
async fn lock_row(txn: &impl ConnectionTrait, table: &RecordTable, id: i64) -> Result<(), DbErr> {
    let lock = Query::update()
        .table(Alias::new(table.table))
        .value(Alias::new("version"), Expr::col(Alias::new("version")))
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    txn.execute(&lock).await.map(|_| ())
}

fn required_reason(reason: String) -> Result<String, ApiError> {
    let reason: String = reason.trim().nfc().collect();
    if reason.is_empty() || reason.chars().count() > MAX_STRING {
        return Err(ApiError::BadUserInput(format!(
            "`reason`: required, at most {MAX_STRING} characters"
        )));
    }
    Ok(reason)
}

/// The caller, if it may write `table`'s source as `role`.
fn editor<'a>(
    ctx: &Context<'a>,
    table: &RecordTable,
    role: Role,
) -> Result<&'a Principal, ApiError> {
    let principal = ctx.data_unchecked::<Principal>();
    let owners = ctx.data_unchecked::<Owners>();
    if owners.may(principal, table.source, role) {
        return Ok(principal);
    }
    let units: Vec<&str> = owners.of(table.source).map(|u| u.code()).collect();
    Err(ApiError::Forbidden(format!(
        "writing {} needs the `{}` role in an owning unit of `{}` ({}) or `admin`",
        table.type_name,
        role.code(),
        table.source,
        units.join(", ")
    )))
}

/// What is wrong with one field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: String,
    /// The writer may not write this field at all (rather than: the value is wrong).
    pub forbidden: bool,
}

impl FieldError {
    fn new(field: impl Into<String>, reason: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            reason: reason.into(),
            forbidden: false,
        }
    }
}

impl From<Vec<FieldError>> for ApiError {
    fn from(errors: Vec<FieldError>) -> ApiError {
        let text = errors
            .iter()
            .map(|e| format!("`{}`: {}", e.field, e.reason))
            .collect::<Vec<_>>()
            .join("; ");
        if errors.iter().any(|e| e.forbidden) {
            ApiError::Forbidden(text)
        } else {
            ApiError::BadUserInput(text)
        }
    }
}

/// The codes records may refer to: ISO countries, and provinces as they are since 2025.
#[derive(Debug, Default)]
pub struct CodeBook {
    countries: BTreeSet<String>,
    provinces: BTreeSet<String>,
}

impl CodeBook {
    /// Every code, for checking many records (an import).
    pub async fn load(sources: &SourceConnections) -> Result<CodeBook, DbErr> {
        CodeBook::load_sets(sources, true, true).await
    }

    /// The codes that `fields` of `table` may refer to: none at all for a write that sets no
    /// code, so most writes read nothing more.
    pub async fn for_fields(
        sources: &SourceConnections,
        table: &RecordTable,
        fields: &Map<String, Json_>,
    ) -> Result<CodeBook, DbErr> {
        let columns: Vec<&str> = registry::type_policy(table.type_name)
            .into_iter()
            .flat_map(|t| t.fields.iter())
            .filter(|f| fields.contains_key(f.name))
            .flat_map(|f| f.columns.iter().copied())
            .collect();
        CodeBook::load_sets(
            sources,
            columns.iter().any(|c| names_countries(c)),
            columns.iter().any(|c| names_provinces(c)),
        )
        .await
    }

    async fn load_sets(
        sources: &SourceConnections,
        countries: bool,
        provinces: bool,
    ) -> Result<CodeBook, DbErr> {
        async fn codes(
            db: &DatabaseConnection,
            table: &str,
            current_only: bool,
        ) -> Result<BTreeSet<String>, DbErr> {
            let mut query = Query::select();
            query.column(Alias::new("code")).from(Alias::new(table));
            if current_only {
                query.and_where(Expr::col(Alias::new("valid_to")).is_null());
            }
            db.query_all(&query)
                .await?
                .iter()
                .map(|row| row.try_get::<String>("", "code"))
                .collect()
        }
        let mut book = CodeBook::default();
        if countries {
            book.countries = codes(sources.get(Source::CountryProfiles), "country", false).await?;
        }
        if provinces {
            book.provinces = codes(sources.get(Source::Localities), "province", true).await?;
        }
        Ok(book)
    }
}

/// Columns holding ISO country codes (one, or a `;`-list).
fn names_countries(column: &str) -> bool {
    column.ends_with("country_code") || column == "country_codes"
}

/// Columns holding province codes (one, or a `;`-list).
fn names_provinces(column: &str) -> bool {
    column == "province_code" || column == "province_codes"
}

/// `fields` (schema field names) parsed into column values of `table`: known, writable and
/// readable by the writer, typed by their columns, normalised to NFC, bounded, without secrecy
/// marks, codes that exist, dates in order with the record's `current` ones. Every error is
/// reported, each naming its field.
pub fn parse_record(
    table: &RecordTable,
    principal: &Principal,
    fields: &Map<String, Json_>,
    creating: bool,
    codes: &CodeBook,
    current: &BTreeMap<String, Json_>,
) -> Result<BTreeMap<String, Value>, Vec<FieldError>> {
    let mut errors = Vec::new();
    for marked in ["secrecyLevel", "secrecy_level"] {
        if fields.contains_key(marked) {
            errors.push(FieldError::new(
                marked,
                "shared databases hold no state secrets; a marked record is refused",
            ));
        }
    }
    let Some(policy) = registry::type_policy(table.type_name) else {
        return Err(vec![FieldError::new("type", "not a record type")]);
    };
    let mut values = BTreeMap::new();
    for (name, value) in fields {
        if name == "secrecyLevel" || name == "secrecy_level" {
            continue;
        }
        let Some(field) = policy
            .fields
            .iter()
            .find(|f| f.name == name && f.columns.len() == 1 && !MANAGED.contains(&f.columns[0]))
        else {
            errors.push(FieldError::new(
                name,
                format!("not a writable field of {}", table.type_name),
            ));
            continue;
        };
        if !principal.can_read(field.access) {
            errors.push(FieldError {
                forbidden: true,
                ..FieldError::new(name, "not a field the writer may write")
            });
            continue;
        }
        let column = field.columns[0];
        let Some((_, def)) = table.columns.iter().find(|(c, _)| c == column) else {
            errors.push(FieldError::new(name, "has no column"));
            continue;
        };
        match parse_value(def.get_column_type(), def.is_null(), value)
            .and_then(|parsed| check_code(column, &parsed, codes).map(|()| parsed))
            .and_then(|parsed| check_enumeration(table, column, &parsed).map(|()| parsed))
        {
            Ok(parsed) => {
                values.insert(column.to_owned(), parsed);
            }
            Err(reason) => errors.push(FieldError::new(name, reason)),
        }
    }
    if values.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("fields", "nothing to write"));
    }
    if creating {
        for (column, def) in &table.columns {
            if !def.is_null()
                && !MANAGED.contains(&column.as_str())
                && !values.contains_key(column)
                && def.get_column_default().is_none()
            {
                errors.push(FieldError::new(field_name(table, column), "required"));
            }
        }
    }
    if let Err(error) = check_dates(table, current, &values) {
        errors.push(error);
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(errors)
    }
}

/// The schema name of a column of `table`.
fn field_name(table: &RecordTable, column: &str) -> String {
    registry::type_policy(table.type_name)
        .and_then(|t| t.fields.iter().find(|f| f.columns == [column]))
        .map_or(column.to_owned(), |f| f.name.to_owned())
}

/// An enumerated column takes one of its values.
fn check_enumeration(table: &RecordTable, column: &str, value: &Value) -> Result<(), String> {
    let Value::String(Some(text)) = value else {
        return Ok(());
    };
    match ENUMERATIONS
        .iter()
        .find(|(type_name, c, _)| *type_name == table.type_name && *c == column)
    {
        Some((_, _, allowed)) if !allowed.contains(&text.as_str()) => {
            Err(format!("{text:?} is not one of {}", allowed.join(", ")))
        }
        _ => Ok(()),
    }
}

/// Country and province codes must exist (lists: every item).
fn check_code(column: &str, value: &Value, codes: &CodeBook) -> Result<(), String> {
    let Value::String(Some(text)) = value else {
        return Ok(());
    };
    let (known, what) = if names_countries(column) {
        (&codes.countries, "ISO 3166-1 alpha-2 country")
    } else if names_provinces(column) {
        (&codes.provinces, "current province")
    } else {
        return Ok(());
    };
    for code in text.split(';').map(str::trim) {
        if !known.contains(code) {
            return Err(format!("{code:?} is not a known {what} code"));
        }
    }
    Ok(())
}

/// A JSON value as the value of a column of type `ty`.
fn parse_value(ty: &ColumnType, nullable: bool, value: &Json_) -> Result<Value, String> {
    if value.is_null() {
        if !nullable {
            return Err("is required".to_owned());
        }
        return Ok(match ty {
            ColumnType::Integer => Value::Int(None),
            ColumnType::BigInteger => Value::BigInt(None),
            ColumnType::Double | ColumnType::Float => Value::Double(None),
            ColumnType::Boolean => Value::Bool(None),
            ColumnType::Date => Value::ChronoDate(None),
            _ => Value::String(None),
        });
    }
    match ty {
        ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => {
            let text = value.as_str().ok_or("must be a string")?;
            let text: String = text.trim().nfc().collect();
            let max = if matches!(ty, ColumnType::Text) {
                MAX_TEXT
            } else {
                MAX_STRING
            };
            if text.chars().count() > max {
                return Err(format!("at most {max} characters"));
            }
            if is_secrecy_stamp(&text) {
                return Err(
                    "carries a state-secret mark; shared databases hold no state secrets"
                        .to_owned(),
                );
            }
            if text.is_empty() && !nullable {
                return Err("is required".to_owned());
            }
            Ok(Value::String((!text.is_empty()).then_some(text)))
        }
        ColumnType::Integer => value
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(|n| Value::Int(Some(n)))
            .ok_or_else(|| "must be an integer".to_owned()),
        ColumnType::BigInteger => value
            .as_i64()
            .map(|n| Value::BigInt(Some(n)))
            .ok_or_else(|| "must be an integer".to_owned()),
        ColumnType::Double | ColumnType::Float => value
            .as_f64()
            .filter(|n| n.is_finite())
            .map(|n| Value::Double(Some(n)))
            .ok_or_else(|| "must be a number".to_owned()),
        ColumnType::Boolean => value
            .as_bool()
            .map(|b| Value::Bool(Some(b)))
            .ok_or_else(|| "must be true or false".to_owned()),
        ColumnType::Date => value
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .map(|d| Value::ChronoDate(Some(d)))
            .ok_or_else(|| "must be a date YYYY-MM-DD".to_owned()),
        other => Err(format!("has a type writes cannot set ({other:?})")),
    }
}

/// A value that is, or opens with, a secrecy level: `Mật`, `TỐI MẬT: …`, `[Tuyệt mật] …`.
fn is_secrecy_stamp(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(['[', '(']).trim_start();
    SECRECY_LEVELS.iter().any(|level| {
        lower == *level
            || lower
                .strip_prefix(level)
                .is_some_and(|rest| rest.starts_with([':', ']', ')', '-', '—']))
    })
}

/// The dates of the `current` record merged with `values`, checked for order.
fn check_dates(
    table: &RecordTable,
    current: &BTreeMap<String, Json_>,
    values: &BTreeMap<String, Value>,
) -> Result<(), FieldError> {
    let date_of = |column: &str| -> Option<NaiveDate> {
        match values.get(column) {
            Some(Value::ChronoDate(d)) => *d,
            Some(_) => None,
            None => current
                .get(column)
                .and_then(Json_::as_str)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
        }
    };
    for (first, second) in DATE_ORDER {
        if let (Some(a), Some(b)) = (date_of(first), date_of(second))
            && a > b
        {
            return Err(FieldError::new(
                field_name(table, first),
                format!(
                    "{a} must not come after `{}` ({b})",
                    field_name(table, second)
                ),
            ));
        }
    }
    Ok(())
}

fn to_json(values: &BTreeMap<String, Value>) -> Map<String, Json_> {
    values
        .iter()
        .map(|(column, value)| (column.clone(), value_json(value)))
        .collect()
}

fn value_json(value: &Value) -> Json_ {
    match value {
        Value::String(Some(s)) => Json_::String(s.clone()),
        Value::Int(Some(n)) => Json_::from(*n),
        Value::BigInt(Some(n)) => Json_::from(*n),
        Value::Double(Some(n)) => Json_::from(*n),
        Value::Bool(Some(b)) => Json_::Bool(*b),
        Value::ChronoDate(Some(d)) => Json_::String(d.to_string()),
        Value::ChronoDateTimeUtc(Some(t)) => Json_::String(t.to_rfc3339()),
        _ => Json_::Null,
    }
}

/// The current row of `id`: its columns as JSON, its version and whether it is deleted.
async fn current_row(
    db: &impl ConnectionTrait,
    table: &RecordTable,
    id: i64,
) -> Result<Option<(BTreeMap<String, Json_>, i32, bool)>, ApiError> {
    let query = Query::select()
        .columns(table.columns.iter().map(|(c, _)| Alias::new(c.as_str())))
        .from(Alias::new(table.table))
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    let Some(row) = db.query_one(&query).await? else {
        return Ok(None);
    };
    let mut out = BTreeMap::new();
    for (column, def) in &table.columns {
        out.insert(
            column.clone(),
            column_json(&row, column, def.get_column_type())?,
        );
    }
    let version = out
        .get("version")
        .and_then(Json_::as_i64)
        .unwrap_or_default() as i32;
    let deleted = out.get("deleted_at").is_some_and(|v| !v.is_null());
    Ok(Some((out, version, deleted)))
}

fn column_json(row: &QueryResult, column: &str, ty: &ColumnType) -> Result<Json_, DbErr> {
    Ok(match ty {
        ColumnType::Integer => row
            .try_get::<Option<i32>>("", column)?
            .map_or(Json_::Null, Json_::from),
        ColumnType::BigInteger => row
            .try_get::<Option<i64>>("", column)?
            .map_or(Json_::Null, Json_::from),
        ColumnType::Double | ColumnType::Float => row
            .try_get::<Option<f64>>("", column)?
            .map_or(Json_::Null, Json_::from),
        ColumnType::Boolean => row
            .try_get::<Option<bool>>("", column)?
            .map_or(Json_::Null, Json_::Bool),
        ColumnType::Date => row
            .try_get::<Option<NaiveDate>>("", column)?
            .map_or(Json_::Null, |d| Json_::String(d.to_string())),
        ColumnType::TimestampWithTimeZone | ColumnType::Timestamp => row
            .try_get::<Option<chrono::DateTime<Utc>>>("", column)?
            .map_or(Json_::Null, |t| Json_::String(t.to_rfc3339())),
        _ => row
            .try_get::<Option<String>>("", column)?
            .map_or(Json_::Null, Json_::String),
    })
}

/// An update of `fields` on record `id`, checked against `expected_version`.
async fn change(
    ctx: &Context<'_>,
    id: &ID,
    expected_version: i32,
    fields: &Map<String, Json_>,
    action: &'static str,
    reason: Option<String>,
) -> Result<Option<WriteResult>, ApiError> {
    let (table, key) = parse_id(ctx, id).await?;
    let principal = editor(ctx, &table, Role::Editor)?;
    let sources = ctx.data_unchecked::<SourceConnections>();
    let codes = CodeBook::for_fields(sources, &table, fields).await?;
    let db = db_of(ctx, table.source);
    let txn = db.begin().await?;
    lock_row(&txn, &table, key).await?;
    let (current, version, _) = current_row(&txn, &table, key)
        .await?
        .filter(|(_, _, deleted)| !deleted)
        .ok_or_else(|| ApiError::NotFound(id.to_string()))?;
    let values = parse_record(&table, principal, fields, false, &codes, &current)?;
    let update = Update {
        key,
        expected_version,
        version,
        of_deleted: false,
    };
    commit_update(ctx, txn, &table, update, &current, values, action, reason).await
}

/// A write of one managed column (deletion, restoration, publication).
#[allow(clippy::too_many_arguments)]
async fn set_managed(
    ctx: &Context<'_>,
    id: &ID,
    expected_version: i32,
    role: Role,
    action: &'static str,
    reason: Option<String>,
    (column, value): (&str, Value),
    of_deleted: bool,
) -> Result<Option<WriteResult>, ApiError> {
    let (table, key) = parse_id(ctx, id).await?;
    editor(ctx, &table, role)?;
    if !table.columns.iter().any(|(c, _)| c == column) {
        return Err(ApiError::BadUserInput(format!(
            "{} records cannot be published",
            table.type_name
        )));
    }
    let reason = reason.map(required_reason).transpose()?;
    let db = db_of(ctx, table.source);
    let txn = db.begin().await?;
    lock_row(&txn, &table, key).await?;
    let (current, version, deleted) = current_row(&txn, &table, key)
        .await?
        .ok_or_else(|| ApiError::NotFound(id.to_string()))?;
    if deleted != of_deleted {
        return Err(if of_deleted {
            ApiError::BadUserInput(format!("{id:?} is not deleted"))
        } else {
            ApiError::NotFound(id.to_string())
        });
    }
    let values = BTreeMap::from([(column.to_owned(), value)]);
    let update = Update {
        key,
        expected_version,
        version,
        of_deleted,
    };
    commit_update(ctx, txn, &table, update, &current, values, action, reason).await
}

/// The record an update applies to, and the version it expects.
struct Update {
    key: i64,
    expected_version: i32,
    /// The version read under the row lock.
    version: i32,
    /// Whether the record is deleted (only a restoration writes a deleted record).
    of_deleted: bool,
}

/// The guarded update of `values`, its revision with the changed fields before and after, and
/// the commit.
#[allow(clippy::too_many_arguments)]
async fn commit_update(
    ctx: &Context<'_>,
    txn: sea_orm::DatabaseTransaction,
    table: &RecordTable,
    update: Update,
    current: &BTreeMap<String, Json_>,
    values: BTreeMap<String, Value>,
    action: &'static str,
    reason: Option<String>,
) -> Result<Option<WriteResult>, ApiError> {
    let version = guarded_update(
        &txn,
        table,
        update.key,
        update.expected_version,
        update.version,
        &values,
        update.of_deleted,
    )
    .await?;
    let before = values
        .keys()
        .map(|c| (c.clone(), current.get(c).cloned().unwrap_or(Json_::Null)))
        .collect();
    let revision = record_revision(
        &txn,
        &author(ctx),
        table,
        update.key,
        version,
        action,
        reason,
        before,
        to_json(&values),
    )
    .await?;
    txn.commit().await?;
    Ok(Some(done(
        ctx, table, update.key, version, action, revision,
    )))
}

/// Who writes: recorded in every revision.
#[derive(Debug, Clone)]
pub struct Author {
    pub unit: Option<String>,
    pub subject: String,
    pub request_id: Option<String>,
}

fn author(ctx: &Context<'_>) -> Author {
    let principal = ctx.data_unchecked::<Principal>();
    Author {
        unit: principal.unit.map(|u| u.code().to_owned()),
        subject: principal.subject.clone().unwrap_or_default(),
        request_id: ctx.data_opt::<crate::RequestId>().map(|r| r.0.clone()),
    }
}

/// Inserts parsed records of `table` and their revisions, in the caller's transaction: the ids
/// of the new records, in order, and the last revision number.
pub async fn insert_records(
    txn: &impl ConnectionTrait,
    table: &RecordTable,
    author: &Author,
    action: &str,
    reason: Option<String>,
    rows: &[BTreeMap<String, Value>],
) -> Result<(Vec<i64>, i64), DbErr> {
    let mut ids = Vec::with_capacity(rows.len());
    let mut last_revision = 0;
    for values in rows {
        let mut insert = Query::insert();
        insert
            .into_table(Alias::new(table.table))
            .columns(values.keys().map(|c| Alias::new(c.as_str())))
            .values(values.values().cloned().map(Into::into))
            .map_err(|e| DbErr::Custom(e.to_string()))?
            .returning_col(Alias::new("id"));
        let row = txn
            .query_one(&insert)
            .await?
            .ok_or_else(|| DbErr::Custom("INSERT returned no id".to_owned()))?;
        let id: i64 = row.try_get("", "id")?;
        last_revision = record_revision(
            txn,
            author,
            table,
            id,
            1,
            action,
            reason.clone(),
            Map::new(),
            to_json(values),
        )
        .await
        .map_err(|e| DbErr::Custom(format!("{e:?}")))?;
        ids.push(id);
    }
    Ok((ids, last_revision))
}

/// `UPDATE … SET values, version = version + 1 WHERE id AND version = expected`: the write
/// that loses a race changes nothing and answers `CONFLICT` with the version that won.
async fn guarded_update(
    txn: &impl ConnectionTrait,
    table: &RecordTable,
    id: i64,
    expected: i32,
    current: i32,
    values: &BTreeMap<String, Value>,
    of_deleted: bool,
) -> Result<i32, ApiError> {
    if expected != current {
        return Err(ApiError::Conflict {
            current_version: current,
        });
    }
    let mut update = Query::update();
    update.table(Alias::new(table.table));
    for (column, value) in values {
        update.value(Alias::new(column.as_str()), value.clone());
    }
    update
        .value(
            Alias::new("version"),
            Expr::col(Alias::new("version")).add(1),
        )
        .value(
            Alias::new("updated_at"),
            Value::ChronoDateTimeUtc(Some(Utc::now())),
        )
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .and_where(Expr::col(Alias::new("version")).eq(expected));
    if !of_deleted {
        update.and_where(Expr::col(Alias::new("deleted_at")).is_null());
    }
    let result = txn.execute(&update).await?;
    if result.rows_affected() == 0 {
        let now = current_row(txn, table, id)
            .await?
            .map_or(current, |(_, v, _)| v);
        return Err(ApiError::Conflict {
            current_version: now,
        });
    }
    Ok(expected + 1)
}

#[allow(clippy::too_many_arguments)]
async fn record_revision(
    txn: &impl ConnectionTrait,
    author: &Author,
    table: &RecordTable,
    id: i64,
    version: i32,
    action: &str,
    reason: Option<String>,
    before: Map<String, Json_>,
    after: Map<String, Json_>,
) -> Result<i64, ApiError> {
    // Revisions name fields as the schema does.
    let rename = |map: Map<String, Json_>| -> String {
        let policy = registry::type_policy(table.type_name);
        let renamed: Map<String, Json_> = map
            .into_iter()
            .map(|(column, value)| {
                let name = policy
                    .and_then(|t| t.fields.iter().find(|f| f.columns == [column.as_str()]))
                    .map_or(column, |f| f.name.to_owned());
                (name, value)
            })
            .collect();
        Json_::Object(renamed).to_string()
    };
    let mut insert = Query::insert();
    insert
        .into_table(Alias::new(revision_table(table.source)))
        .columns(
            [
                "record_type",
                "record_id",
                "version",
                "action",
                "unit_code",
                "subject",
                "reason",
                "before",
                "after",
                "request_id",
                "at",
            ]
            .map(Alias::new),
        )
        .values([
            table.type_name.into(),
            id.into(),
            version.into(),
            action.into(),
            author.unit.clone().into(),
            author.subject.clone().into(),
            reason.into(),
            rename(before).into(),
            rename(after).into(),
            author.request_id.clone().into(),
            Value::ChronoDateTimeUtc(Some(Utc::now())).into(),
        ])
        .map_err(|e| ApiError::BadUserInput(e.to_string()))?
        .returning_col(Alias::new("id"));
    let row = txn.query_one(&insert).await?.ok_or(ApiError::Internal)?;
    Ok(row.try_get("", "id")?)
}

fn done(
    ctx: &Context<'_>,
    table: &RecordTable,
    id: i64,
    version: i32,
    action: &'static str,
    revision: i64,
) -> WriteResult {
    let global = global_id(table.type_name, &id.to_string());
    if let Some(trace) = ctx.data_opt::<std::sync::Arc<crate::policy::Disclosures>>() {
        trace.wrote(Written {
            source: table.source,
            id: global.to_string(),
            version,
            action,
        });
    }
    WriteResult {
        id: global,
        version,
        revision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrecy_stamps_are_recognised_and_ordinary_words_are_not() {
        assert!(is_secrecy_stamp("Mật"));
        assert!(is_secrecy_stamp("TỐI MẬT: kế hoạch"));
        assert!(is_secrecy_stamp("[Tuyệt mật] báo cáo"));
        assert!(!is_secrecy_stamp("Mật độ dân số"));
        assert!(!is_secrecy_stamp("Hiệp định thương mại"));
    }

    #[test]
    fn values_parse_by_column_type_and_say_why_not() {
        let date = parse_value(&ColumnType::Date, true, &serde_json::json!("2024-02-30"));
        assert_eq!(date, Err("must be a date YYYY-MM-DD".to_owned()));
        let text = parse_value(
            &ColumnType::Text,
            false,
            &serde_json::json!("  Cafe\u{301} "),
        );
        assert_eq!(text, Ok(Value::String(Some("Café".to_owned()))));
        let required = parse_value(&ColumnType::Text, false, &serde_json::Value::Null);
        assert_eq!(required, Err("is required".to_owned()));
    }
}
