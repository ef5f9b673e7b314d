//! Seeds. The catalogue is not a seed: it is the decision itself, loaded by the `meta`
//! migrations, so every deployment has it.
//!
//! The demo seed loads public reference data (ISO 3166 countries, Viet Nam's diplomatic
//! relations, treaties Viet Nam is party to; `seed-data/`, each fact with its source and
//! confidence) and plainly fictional records where the data is internal or personal. A table
//! that already holds rows is left alone, so the seed can run at every start.
//! Facts of `low` confidence are kept for staff, with their confidence, and never published.

use chrono::{NaiveDate, Utc};
use entities::{
    Source, SourceConnections,
    agreements::agreement,
    consular_information::visa_exemption,
    country_profiles::country,
    cultural_diplomacy::unesco_title,
    diplomatic_corps::foreign_mission,
    meta::{catalog_database, catalog_open_dataset, catalog_sharing_service, catalog_unit},
    personnel::personnel_record,
    treaties::{treaty, treaty_action, treaty_party},
    vietnamese_missions::vn_mission,
};
use sea_orm_migration::sea_orm::{
    ActiveModelTrait, ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    TransactionTrait,
};
use serde::Deserialize;

use crate::rows;

const COUNTRIES_CSV: &str = include_str!("../seed-data/countries.csv");
const RELATIONS_CSV: &str = include_str!("../seed-data/vn_diplomatic_relations.csv");
const TREATIES_CSV: &str = include_str!("../seed-data/vn_treaties.csv");
const MISSIONS_CSV: &str = include_str!("../seed-data/vn_missions_abroad.csv");
const UNESCO_CSV: &str = include_str!("../seed-data/vn_unesco.csv");
const FOREIGN_MISSIONS_CSV: &str = include_str!("../seed-data/foreign_missions_in_vn.csv");
const VISA_EXEMPTIONS_CSV: &str = include_str!("../seed-data/vn_visa_exemptions.csv");
const PROVINCES_2025_CSV: &str = include_str!("../seed-data/vn_provinces_2025.csv");
const PROVINCES_63_CSV: &str = include_str!("../seed-data/vn_provinces_63.csv");
const OFFICIAL_EXEMPTIONS_CSV: &str =
    include_str!("../seed-data/vn_visa_exemptions_official_passports.csv");

/// What a seed found or wrote, one line per table.
#[derive(Debug, Default)]
pub struct SeedReport {
    pub lines: Vec<String>,
}

/// Loads the demo data into every source whose tables are empty. Sources must be migrated.
pub async fn demo(sources: &SourceConnections) -> Result<SeedReport, DbErr> {
    let mut report = SeedReport::default();
    let meta = sources.get(Source::Meta);
    report.lines.push(format!(
        "catalogue: {} units, {} databases, {} sharing services, {} open datasets",
        catalog_unit::Entity::find().count(meta).await?,
        catalog_database::Entity::find().count(meta).await?,
        catalog_sharing_service::Entity::find().count(meta).await?,
        catalog_open_dataset::Entity::find().count(meta).await?,
    ));
    report
        .lines
        .push(seed_countries(sources.get(Source::CountryProfiles)).await?);
    report
        .lines
        .push(seed_treaties(sources.get(Source::Treaties)).await?);
    report
        .lines
        .push(seed_agreements(sources.get(Source::Agreements)).await?);
    report
        .lines
        .push(seed_personnel(sources.get(Source::Personnel)).await?);
    report
        .lines
        .push(seed_missions(sources.get(Source::VietnameseMissions)).await?);
    report
        .lines
        .push(seed_foreign_missions(sources.get(Source::DiplomaticCorps)).await?);
    report
        .lines
        .push(seed_visa_exemptions(sources.get(Source::ConsularInformation)).await?);
    report
        .lines
        .push(seed_unesco(sources.get(Source::CulturalDiplomacy)).await?);
    report
        .lines
        .push(seed_provinces(sources.get(Source::Localities)).await?);
    for line in seed_record_files(sources).await? {
        report.lines.push(line);
    }
    Ok(report)
}

/// Loads one record file of `seed-data/demo/` into the empty table of entity `E`.
async fn seed_file<E: EntityTrait>(
    db: &DatabaseConnection,
    source: Source,
    file: &str,
    text: &str,
) -> Result<String, DbErr>
where
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    E::Model: Send + Sync,
{
    let table = E::default().table_name().to_owned();
    if E::find().count(db).await? > 0 {
        return Ok(format!("{source}: {table} already seeded"));
    }
    let models = rows::from_csv::<E>(file, text)?;
    let count = models.len();
    let txn = db.begin().await?;
    E::insert_many(models).exec(&txn).await?;
    txn.commit().await?;
    Ok(format!("{source}: {count} {table} rows from demo/{file}"))
}

/// The record files of the demo seed: each names its source in a `source_note` column, or is
/// plainly fictional ("hư cấu", "fictional", `DEMO-` numbers, `.invalid` addresses).
async fn seed_record_files(sources: &SourceConnections) -> Result<Vec<String>, DbErr> {
    macro_rules! files {
        ($($source:ident: $module:ident::$table:ident),* $(,)?) => {
            Ok(vec![$(
                seed_file::<entities::$module::$table::Entity>(
                    sources.get(Source::$source),
                    Source::$source,
                    concat!(stringify!($table), ".csv"),
                    include_str!(concat!("../seed-data/demo/", stringify!($table), ".csv")),
                )
                .await?,
            )*])
        };
    }
    files![
        Direction: direction::direction_item,
        Awards: awards::award,
        Localities: localities::locality_cooperation,
        Finance: finance::ledger_entry,
        Assets: assets::public_asset,
        Premises: premises::premise,
        PartyMembers: party_members::party_member,
        Chronicle: chronicle::chronicle_event,
        News: news::news_item,
        OverseasVietnamese: overseas_vietnamese::overseas_organisation,
        ForeignNgos: foreign_ngos::foreign_ngo,
        Conferences: conferences::conference,
        OfficialPassports: official_passports::passport_file,
        Legalization: legalization::legalization_file,
        DiplomaticVisas: diplomatic_visas::visa_file,
        PrivilegesImmunities: privileges_immunities::privilege_rule,
        DigitalLibrary: digital_library::library_item,
        EconomicDiplomacy: economic_diplomacy::economic_item,
        BorderTerritory: border_territory::border_document,
    ]
}

#[derive(Deserialize)]
struct Province2025Row {
    code: String,
    name_vi: String,
    name_vi_full: String,
    name_ascii: String,
    type_vi: String,
    type_en: String,
    merged_from_codes: String,
    wards_2025_count: String,
    effective_from: String,
    confidence: String,
}

#[derive(Deserialize)]
struct Province63Row {
    code: String,
    name_vi: String,
    name_vi_full: String,
    name_ascii: String,
    type_vi: String,
    type_en: String,
    iso_3166_2: String,
    merged_into_code_2025: String,
    valid_to: String,
    confidence: String,
}

/// What both province lists give: code, names and kind, and where they come from.
fn province_base(
    [code, name_vi, name_vi_full, name_ascii, type_vi, type_en]: [&String; 6],
    file: &str,
    confidence: &str,
) -> entities::localities::province::ActiveModel {
    entities::localities::province::ActiveModel {
        code: Set(code.clone()),
        name_vi: Set(name_vi.clone()),
        name_vi_full: Set(name_vi_full.clone()),
        name_en: Set(name_ascii.clone()),
        kind_vi: Set(type_vi.clone()),
        kind_en: Set(type_en.clone()),
        source_note: Set(Some(format!("{file} (SOURCES-geo.md)"))),
        confidence: Set(non_empty(confidence)),
        ..Default::default()
    }
}

/// The 34 provinces since 1 July 2025 and the 63 before, from the statistics office's lists.
async fn seed_provinces(db: &DatabaseConnection) -> Result<String, DbErr> {
    use entities::localities::province;
    if province::Entity::find().count(db).await? > 0 {
        return Ok("localities: provinces already seeded".to_owned());
    }
    let current: Vec<Province2025Row> = csv_rows("vn_provinces_2025.csv", PROVINCES_2025_CSV)?;
    let earlier: Vec<Province63Row> = csv_rows("vn_provinces_63.csv", PROVINCES_63_CSV)?;
    let mut models = Vec::new();
    for row in &current {
        models.push(province::ActiveModel {
            valid_from: Set(full_date(&row.effective_from)),
            merged_from_codes: Set(non_empty(&row.merged_from_codes)),
            wards_count: Set(row.wards_2025_count.trim().parse().ok()),
            ..province_base(
                [
                    &row.code,
                    &row.name_vi,
                    &row.name_vi_full,
                    &row.name_ascii,
                    &row.type_vi,
                    &row.type_en,
                ],
                "vn_provinces_2025.csv",
                &row.confidence,
            )
        });
    }
    for row in &earlier {
        models.push(province::ActiveModel {
            iso_3166_2: Set(non_empty(&row.iso_3166_2)),
            valid_to: Set(full_date(&row.valid_to)),
            merged_into_code: Set(non_empty(&row.merged_into_code_2025)),
            ..province_base(
                [
                    &row.code,
                    &row.name_vi,
                    &row.name_vi_full,
                    &row.name_ascii,
                    &row.type_vi,
                    &row.type_en,
                ],
                "vn_provinces_63.csv",
                &row.confidence,
            )
        });
    }
    let txn = db.begin().await?;
    province::Entity::insert_many(models).exec(&txn).await?;
    txn.commit().await?;
    Ok(format!(
        "localities: {} current and {} earlier provinces",
        current.len(),
        earlier.len()
    ))
}

fn csv_rows<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<Vec<T>, DbErr> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| DbErr::Custom(format!("{name}: {e}")))
}

/// A full `YYYY-MM-DD` date; partial dates (`YYYY`, `YYYY-MM`) are not dates.
fn full_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn reliable(confidence: &str) -> bool {
    matches!(confidence, "high" | "medium")
}

#[derive(Deserialize)]
struct CountryRow {
    alpha2: String,
    alpha3: String,
    numeric: String,
    name_en: String,
    official_name_en: String,
    name_vi: String,
    name_vi_source: String,
    confidence: String,
}

#[derive(Deserialize)]
struct RelationRow {
    alpha2: String,
    date_established: String,
    date_confidence: String,
    date_source: String,
    framework: String,
    framework_vi: String,
    framework_year: String,
    framework_date: String,
    framework_confidence: String,
}

async fn seed_countries(db: &DatabaseConnection) -> Result<String, DbErr> {
    if country::Entity::find().count(db).await? > 0 {
        return Ok("country-profiles: already seeded".to_owned());
    }
    let countries: Vec<CountryRow> = csv_rows("countries.csv", COUNTRIES_CSV)?;
    let relations: Vec<RelationRow> = csv_rows("vn_diplomatic_relations.csv", RELATIONS_CSV)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    for c in &countries {
        let relation = relations.iter().find(|r| r.alpha2 == c.alpha2);
        let established = relation
            .filter(|r| reliable(&r.date_confidence))
            .and_then(|r| full_date(&r.date_established));
        let framework =
            relation.filter(|r| reliable(&r.framework_confidence) && !r.framework.is_empty());
        let mut note = format!(
            "ISO 3166-1; Vietnamese name: {} ({} confidence)",
            c.name_vi_source, c.confidence
        );
        if let Some(r) = relation {
            note.push_str(&format!(
                "; relations: {} ({} confidence)",
                r.date_source, r.date_confidence
            ));
        }
        country::ActiveModel {
            code: Set(c.alpha2.clone()),
            alpha3: Set(c.alpha3.clone()),
            numeric: Set(c.numeric.clone()),
            name_en: Set(c.name_en.clone()),
            official_name_en: Set(non_empty(&c.official_name_en)),
            name_vi: Set(c.name_vi.clone()),
            relations_established_on: Set(established),
            partnership_framework: Set(framework.map(|r| r.framework.clone())),
            partnership_framework_vi: Set(framework.and_then(|r| non_empty(&r.framework_vi))),
            partnership_since: Set(framework.and_then(|r| {
                non_empty(&r.framework_date).or_else(|| non_empty(&r.framework_year))
            })),
            profile_assessment: Set(Some(
                "Demo internal assessment (fictional, for access-control demonstrations)."
                    .to_owned(),
            )),
            source_note: Set(Some(note)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!("country-profiles: {} countries", countries.len()))
}

#[derive(Deserialize)]
struct TreatyRow {
    id: String,
    title_en: String,
    title_vi: String,
    short_name: String,
    kind: String,
    bilateral_multilateral: String,
    parties: String,
    date_signed_vn: String,
    vn_consent_action: String,
    date_vn_consent: String,
    date_entry_into_force_for_vn: String,
    depositary: String,
    status: String,
    confidence: String,
    source_ref: String,
    notes: String,
}

/// The status code of a register status as worded in the reference data.
fn treaty_status(worded: &str) -> &'static str {
    if worded.starts_with("in force") {
        "in_force"
    } else if worded.starts_with("terminated") {
        "terminated"
    } else if worded.starts_with("expired") {
        "expired"
    } else if worded.starts_with("suspended") {
        "suspended"
    } else {
        // "not yet in force…", "signed; …"
        "signed"
    }
}

/// The action word a consent description starts with (`ratification (NA)` → `ratification`).
fn consent_action(worded: &str) -> Option<&'static str> {
    let word = worded.split([' ', '(']).next().unwrap_or_default();
    [
        "signature",
        "ratification",
        "approval",
        "acceptance",
        "accession",
        "succession",
        "admission",
    ]
    .into_iter()
    .find(|a| *a == word)
}

async fn seed_treaties(db: &DatabaseConnection) -> Result<String, DbErr> {
    if treaty::Entity::find().count(db).await? > 0 {
        return Ok("treaties: already seeded".to_owned());
    }
    let rows: Vec<TreatyRow> = csv_rows("vn_treaties.csv", TREATIES_CSV)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let (mut parties, mut actions) = (0, 0);
    for row in &rows {
        let status = treaty_status(&row.status);
        let in_force = status == "in_force";
        let saved = treaty::ActiveModel {
            number: Set(row.id.clone()),
            title_vi: Set(row.title_vi.clone()),
            title_en: Set(row.title_en.clone()),
            short_name: Set(non_empty(&row.short_name)),
            kind: Set(row.kind.replace(' ', "_")),
            bilateral: Set(row.bilateral_multilateral == "bilateral"),
            signed_on: Set(full_date(&row.date_signed_vn)),
            entry_into_force_for_vn: Set(full_date(&row.date_entry_into_force_for_vn)),
            status: Set(status.to_owned()),
            status_note: Set((row.status.replace(' ', "_") != status).then(|| row.status.clone())),
            depositary: Set(non_empty(&row.depositary)),
            implementing_agencies: Set(in_force.then(|| {
                "Demo: implementing agencies as reported to LPQT (fictional).".to_owned()
            })),
            implementation_reports: Set(
                in_force.then(|| "Demo: annual implementation report (fictional).".to_owned())
            ),
            negotiation_notes: Set(Some(
                "Demo negotiation notes (fictional, internal).".to_owned(),
            )),
            internal_assessment: Set(Some(
                "Demo internal assessment (fictional, internal).".to_owned(),
            )),
            source_note: Set(Some(format!(
                "reference data {}; source {}; {}",
                row.id, row.source_ref, row.notes
            ))),
            confidence: Set(non_empty(&row.confidence)),
            // A fact not confirmed in any source read is kept for staff, never published.
            publishable: Set(reliable(&row.confidence)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;

        if row.bilateral_multilateral == "bilateral" || row.parties.contains(';') {
            for (position, party) in (1..).zip(row.parties.split(';').map(str::trim)) {
                let is_country = party.len() == 2 && party.bytes().all(|b| b.is_ascii_uppercase());
                treaty_party::ActiveModel {
                    treaty_id: Set(saved.id),
                    position: Set(position),
                    country_code: Set(is_country.then(|| party.to_owned())),
                    organisation: Set((!is_country).then(|| party.to_owned())),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                parties += 1;
            }
        }
        if let Some(action) = consent_action(&row.vn_consent_action) {
            treaty_action::ActiveModel {
                treaty_id: Set(saved.id),
                participant_code: Set("VN".to_owned()),
                action: Set(action.to_owned()),
                action_on: Set(full_date(&row.date_vn_consent)),
                note: Set(non_empty(&row.vn_consent_action)),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            actions += 1;
        }
    }
    // Treaties under negotiation exist only inside the Ministry; these are fictional.
    for (number, title_en, title_vi) in [
        (
            "DEMO-N01",
            "Draft agreement on cooperation in digital transformation (fictional, under negotiation)",
            "Dự thảo hiệp định hợp tác chuyển đổi số (hư cấu, đang đàm phán)",
        ),
        (
            "DEMO-N02",
            "Draft protocol amending a consular agreement (fictional, under negotiation)",
            "Dự thảo nghị định thư sửa đổi hiệp định lãnh sự (hư cấu, đang đàm phán)",
        ),
    ] {
        treaty::ActiveModel {
            number: Set(number.to_owned()),
            title_vi: Set(title_vi.to_owned()),
            title_en: Set(title_en.to_owned()),
            kind: Set("agreement".to_owned()),
            level: Set(Some("government".to_owned())),
            bilateral: Set(true),
            status: Set("negotiating".to_owned()),
            negotiation_notes: Set(Some("Demo negotiation notes (fictional).".to_owned())),
            source_note: Set(Some("fictional demo record".to_owned())),
            publishable: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!(
        "treaties: {} treaties, {parties} parties, {actions} actions",
        rows.len() + 2
    ))
}

async fn seed_agreements(db: &DatabaseConnection) -> Result<String, DbErr> {
    if agreement::Entity::find().count(db).await? > 0 {
        return Ok("agreements: already seeded".to_owned());
    }
    let now = Utc::now();
    // International agreements of ministries and provinces are not in the reference data;
    // these records are fictional and say so.
    let rows = [
        (
            "DEMO-A01",
            "Thỏa thuận hợp tác đào tạo (hư cấu)",
            "Memorandum on training cooperation (fictional)",
            "Học viện Ngoại giao",
            "ministry",
            "Demo Diplomatic Institute",
            "state_agency",
            Some("JP"),
            "education",
            "in_force",
            true,
        ),
        (
            "DEMO-A02",
            "Thỏa thuận hợp tác giữa hai tỉnh (hư cấu)",
            "Agreement on cooperation between two provinces (fictional)",
            "Ủy ban nhân dân tỉnh Demo",
            "province",
            "Demo Province",
            "province",
            Some("LA"),
            "trade",
            "in_force",
            false,
        ),
        (
            "DEMO-A03",
            "Thỏa thuận hợp tác văn hóa (hư cấu, đang đàm phán)",
            "Agreement on cultural cooperation (fictional, under negotiation)",
            "Bộ Văn hóa, Thể thao và Du lịch",
            "ministry",
            "Demo Ministry of Culture",
            "state_agency",
            Some("FR"),
            "culture",
            "negotiating",
            false,
        ),
    ];
    let txn = db.begin().await?;
    for (
        number,
        title_vi,
        title_en,
        vn_party,
        level,
        foreign,
        kind,
        country,
        field,
        status,
        pub_,
    ) in rows
    {
        let in_force = status == "in_force";
        agreement::ActiveModel {
            number: Set(number.to_owned()),
            title_vi: Set(title_vi.to_owned()),
            title_en: Set(title_en.to_owned()),
            vn_party: Set(vn_party.to_owned()),
            vn_party_level: Set(level.to_owned()),
            foreign_party: Set(foreign.to_owned()),
            foreign_party_kind: Set(kind.to_owned()),
            foreign_country_code: Set(country.map(str::to_owned)),
            field: Set(field.to_owned()),
            signed_on: Set(in_force
                .then(|| NaiveDate::from_ymd_opt(2024, 3, 15))
                .flatten()),
            effective_on: Set(in_force
                .then(|| NaiveDate::from_ymd_opt(2024, 4, 1))
                .flatten()),
            status: Set(status.to_owned()),
            full_record: Set(Some("Demo full record (fictional).".to_owned())),
            copies_received: Set(in_force.then(|| "Demo: copy received (fictional).".to_owned())),
            annual_reports: Set(Some("Demo annual report (fictional, internal).".to_owned())),
            source_note: Set(Some("fictional demo record".to_owned())),
            publishable: Set(pub_),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!("agreements: {} fictional agreements", rows.len()))
}

async fn seed_personnel(db: &DatabaseConnection) -> Result<String, DbErr> {
    if personnel_record::Entity::find().count(db).await? > 0 {
        return Ok("personnel: already seeded".to_owned());
    }
    let now = Utc::now();
    // Plainly fictional people.
    let people = [
        (
            "DEMO-0001",
            "Nguyễn Văn Demo",
            "TCCB",
            "Chuyên viên",
            1985,
            "Kinh",
        ),
        (
            "DEMO-0002",
            "Trần Thị Mẫu",
            "LPQT",
            "Chuyên viên chính",
            1979,
            "Tày",
        ),
        ("DEMO-0003", "Lê Hư Cấu", "LS", "Tùy viên", 1992, "Kinh"),
        (
            "DEMO-0004",
            "Phạm Thử Nghiệm",
            "VP",
            "Chánh văn phòng (hư cấu)",
            1970,
            "Kinh",
        ),
    ];
    let txn = db.begin().await?;
    for (number, name, unit, title, year, ethnicity) in people {
        personnel_record::ActiveModel {
            staff_number: Set(number.to_owned()),
            full_name: Set(Some(name.to_owned())),
            unit_code: Set(Some(unit.to_owned())),
            position_title: Set(Some(title.to_owned())),
            civil_service_rank: Set(Some("01.003".to_owned())),
            salary_grade: Set(Some(3)),
            work_email: Set(Some(format!("{}@demo.invalid", number.to_lowercase()))),
            date_of_birth: Set(NaiveDate::from_ymd_opt(year, 1, 1)),
            gender: Set(Some("unspecified".to_owned())),
            home_address: Set(Some("Demo address, Ha Noi (fictional)".to_owned())),
            ethnicity: Set(Some(ethnicity.to_owned())),
            religion: Set(Some("none declared (fictional)".to_owned())),
            party_member_since: Set(NaiveDate::from_ymd_opt(year + 25, 5, 19)),
            health_status: Set(Some("fit (fictional)".to_owned())),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!("personnel: {} fictional records", people.len()))
}

#[derive(Deserialize)]
struct MissionRow {
    host_country_alpha2: String,
    city: String,
    kind: String,
    website: String,
    wikidata_qid: String,
    confidence: String,
    source_ref: String,
    notes: String,
}

/// The official style of a mission's name, in Vietnamese and English.
fn mission_names(kind: &str, country: &CountryRow, city: &str) -> (String, String) {
    match kind {
        "embassy" => (
            format!("Đại sứ quán Việt Nam tại {}", country.name_vi),
            format!("Embassy of Viet Nam in {}", country.name_en),
        ),
        "consulate_general" => (
            format!("Tổng Lãnh sự quán Việt Nam tại {city}"),
            format!("Consulate General of Viet Nam in {city}"),
        ),
        "permanent_mission" => (
            format!("Phái đoàn thường trực Việt Nam tại {city}"),
            format!("Permanent Mission of Viet Nam in {city}"),
        ),
        _ => (
            format!("Văn phòng Kinh tế và Văn hóa Việt Nam tại {city}"),
            format!("Vietnam Economic and Cultural Office in {city}"),
        ),
    }
}

async fn seed_missions(db: &DatabaseConnection) -> Result<String, DbErr> {
    if vn_mission::Entity::find().count(db).await? > 0 {
        return Ok("vietnamese-missions: already seeded".to_owned());
    }
    let countries: Vec<CountryRow> = csv_rows("countries.csv", COUNTRIES_CSV)?;
    let rows: Vec<MissionRow> = csv_rows("vn_missions_abroad.csv", MISSIONS_CSV)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    for row in &rows {
        let country = countries
            .iter()
            .find(|c| c.alpha2 == row.host_country_alpha2)
            .ok_or_else(|| {
                DbErr::Custom(format!(
                    "mission in unknown country {}",
                    row.host_country_alpha2
                ))
            })?;
        let (name_vi, name_en) = mission_names(&row.kind, country, &row.city);
        vn_mission::ActiveModel {
            host_country_code: Set(row.host_country_alpha2.clone()),
            city: Set(row.city.clone()),
            kind: Set(row.kind.clone()),
            name_vi: Set(name_vi),
            name_en: Set(name_en),
            website: Set(non_empty(&row.website)),
            wikidata_id: Set(non_empty(&row.wikidata_qid)),
            source_note: Set(Some(format!("source {}; {}", row.source_ref, row.notes))),
            confidence: Set(non_empty(&row.confidence)),
            publishable: Set(reliable(&row.confidence)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!("vietnamese-missions: {} missions", rows.len()))
}

#[derive(Deserialize)]
struct ForeignMissionRow {
    sending_country_alpha2: String,
    kind: String,
    city: String,
    address: String,
    website: String,
    wikidata_qid: String,
    confidence: String,
    source_ref: String,
    notes: String,
}

/// The city's Vietnamese name, as the three cities with missions are written.
fn city_vi(city: &str) -> &str {
    match city {
        "Hanoi" => "Hà Nội",
        "Ho Chi Minh City" => "Thành phố Hồ Chí Minh",
        "Da Nang" => "Đà Nẵng",
        other => other,
    }
}

async fn seed_foreign_missions(db: &DatabaseConnection) -> Result<String, DbErr> {
    if foreign_mission::Entity::find().count(db).await? > 0 {
        return Ok("diplomatic-corps: already seeded".to_owned());
    }
    let countries: Vec<CountryRow> = csv_rows("countries.csv", COUNTRIES_CSV)?;
    let rows: Vec<ForeignMissionRow> =
        csv_rows("foreign_missions_in_vn.csv", FOREIGN_MISSIONS_CSV)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    for row in &rows {
        let country = countries
            .iter()
            .find(|c| c.alpha2 == row.sending_country_alpha2)
            .ok_or_else(|| {
                DbErr::Custom(format!(
                    "mission of unknown state {}",
                    row.sending_country_alpha2
                ))
            })?;
        let (name_vi, name_en) = match row.kind.as_str() {
            "embassy" => (
                format!("Đại sứ quán {} tại Việt Nam", country.name_vi),
                format!("Embassy of {} in Viet Nam", country.name_en),
            ),
            "consulate_general" => (
                format!(
                    "Tổng Lãnh sự quán {} tại {}",
                    country.name_vi,
                    city_vi(&row.city)
                ),
                format!("Consulate General of {} in {}", country.name_en, row.city),
            ),
            _ => (
                format!(
                    "Văn phòng đại diện {} tại {}",
                    country.name_vi,
                    city_vi(&row.city)
                ),
                format!("{} office in {}", country.name_en, row.city),
            ),
        };
        foreign_mission::ActiveModel {
            sending_country_code: Set(row.sending_country_alpha2.clone()),
            kind: Set(row.kind.clone()),
            city: Set(row.city.clone()),
            name_vi: Set(name_vi),
            name_en: Set(name_en),
            address: Set(non_empty(&row.address)),
            website: Set(non_empty(&row.website)),
            wikidata_id: Set(non_empty(&row.wikidata_qid)),
            staff_list: Set(Some("Demo staff list as notified (fictional).".to_owned())),
            source_note: Set(Some(format!("source {}; {}", row.source_ref, row.notes))),
            confidence: Set(non_empty(&row.confidence)),
            publishable: Set(reliable(&row.confidence)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!("diplomatic-corps: {} foreign missions", rows.len()))
}

#[derive(Deserialize)]
struct VisaExemptionRow {
    id: String,
    country_alpha2: String,
    exemption_type: String,
    passport_types: String,
    max_stay_days: String,
    valid_from: String,
    valid_to: String,
    legal_basis: String,
    legal_basis_date: String,
    status: String,
    confidence: String,
    source_ref: String,
    notes: String,
}

#[derive(Deserialize)]
struct OfficialExemptionRow {
    country_alpha2: String,
    passport_types: String,
    max_stay: String,
    effective_date: String,
    agreement_signed: String,
    confidence: String,
    source_ref: String,
    notes: String,
}

/// The status code of an exemption's status as worded.
fn exemption_status(worded: &str) -> &'static str {
    if worded.starts_with("in force") {
        "in_force"
    } else if worded.starts_with("superseded") {
        "superseded"
    } else {
        "expired"
    }
}

async fn seed_visa_exemptions(db: &DatabaseConnection) -> Result<String, DbErr> {
    if visa_exemption::Entity::find().count(db).await? > 0 {
        return Ok("consular-information: already seeded".to_owned());
    }
    let ordinary: Vec<VisaExemptionRow> = csv_rows("vn_visa_exemptions.csv", VISA_EXEMPTIONS_CSV)?;
    let official: Vec<OfficialExemptionRow> = csv_rows(
        "vn_visa_exemptions_official_passports.csv",
        OFFICIAL_EXEMPTIONS_CSV,
    )?;
    let now = Utc::now();
    let txn = db.begin().await?;
    for row in &ordinary {
        let status = exemption_status(&row.status);
        let days = row.max_stay_days.trim().parse::<i32>().ok();
        visa_exemption::ActiveModel {
            country_code: Set(row.country_alpha2.clone()),
            exemption_type: Set(row.exemption_type.clone()),
            passport_types: Set(row.passport_types.clone()),
            max_stay: Set(days.map_or_else(
                || "as the legal basis states".to_owned(),
                |d| format!("{d} days"),
            )),
            max_stay_days: Set(days),
            valid_from: Set(full_date(&row.valid_from)),
            valid_to: Set(full_date(&row.valid_to)),
            legal_basis: Set(non_empty(&row.legal_basis)),
            legal_basis_date: Set(full_date(&row.legal_basis_date)),
            status: Set(status.to_owned()),
            status_note: Set((row.status != "in force").then(|| row.status.clone())),
            source_note: Set(Some(format!(
                "reference data {}; source {}; {}",
                row.id, row.source_ref, row.notes
            ))),
            confidence: Set(non_empty(&row.confidence)),
            publishable: Set(reliable(&row.confidence)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for row in &official {
        let days = row
            .max_stay
            .strip_suffix(" days")
            .and_then(|d| d.trim().parse::<i32>().ok());
        visa_exemption::ActiveModel {
            country_code: Set(row.country_alpha2.clone()),
            exemption_type: Set("bilateral_official".to_owned()),
            passport_types: Set(row.passport_types.clone()),
            max_stay: Set(row.max_stay.clone()),
            max_stay_days: Set(days),
            valid_from: Set(full_date(&row.effective_date)),
            legal_basis: Set(
                non_empty(&row.agreement_signed).map(|a| format!("agreement signed {a}"))
            ),
            status: Set("in_force".to_owned()),
            source_note: Set(Some(format!("source {}; {}", row.source_ref, row.notes))),
            confidence: Set(non_empty(&row.confidence)),
            publishable: Set(reliable(&row.confidence)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!(
        "consular-information: {} visa exemptions",
        ordinary.len() + official.len()
    ))
}

#[derive(Deserialize)]
struct UnescoRow {
    id: String,
    category: String,
    list_or_register: String,
    name_en: String,
    name_vi: String,
    year: String,
    date_inscribed: String,
    heritage_type: String,
    provinces_2025: String,
    notes: String,
    confidence: String,
    source_ref: String,
}

async fn seed_unesco(db: &DatabaseConnection) -> Result<String, DbErr> {
    if unesco_title::Entity::find().count(db).await? > 0 {
        return Ok("cultural-diplomacy: already seeded".to_owned());
    }
    let rows: Vec<UnescoRow> = csv_rows("vn_unesco.csv", UNESCO_CSV)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    for row in &rows {
        let year =
            row.year.trim().parse::<i32>().map_err(|_| {
                DbErr::Custom(format!("vn_unesco.csv {}: year {:?}", row.id, row.year))
            })?;
        unesco_title::ActiveModel {
            code: Set(row.id.clone()),
            category: Set(row.category.clone()),
            list_or_register: Set(row.list_or_register.clone()),
            name_vi: Set(row.name_vi.clone()),
            name_en: Set(row.name_en.clone()),
            year: Set(year),
            inscribed_on: Set(full_date(&row.date_inscribed)),
            heritage_type: Set(non_empty(&row.heritage_type)),
            provinces: Set(non_empty(&row.provinces_2025)),
            notes: Set(non_empty(&row.notes)),
            source_note: Set(Some(format!("source {}", row.source_ref))),
            confidence: Set(non_empty(&row.confidence)),
            publishable: Set(reliable(&row.confidence)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(format!("cultural-diplomacy: {} UNESCO titles", rows.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_data_parses_and_maps_onto_the_schema() -> Result<(), DbErr> {
        let treaties: Vec<TreatyRow> = csv_rows("vn_treaties.csv", TREATIES_CSV)?;
        assert!(treaties.len() > 70);
        assert_eq!(
            treaty_status("in force (2nd commitment period ended 2020)"),
            "in_force"
        );
        assert_eq!(
            treaty_status("not yet in force for Viet Nam (from 2026-09-11)"),
            "signed"
        );
        assert_eq!(consent_action("ratification (NA)"), Some("ratification"));
        assert_eq!(
            consent_action("admission (GA res. 32/2)"),
            Some("admission")
        );
        assert_eq!(full_date("1980-12"), None);
        let countries: Vec<CountryRow> = csv_rows("countries.csv", COUNTRIES_CSV)?;
        assert_eq!(countries.len(), 249);
        Ok(())
    }
}
