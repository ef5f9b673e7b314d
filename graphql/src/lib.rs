//! The GraphQL schema of mofa-graph: types, resolvers and loaders, composed per domain, and the
//! access policy that every field resolution goes through.
//!
//! This crate knows sources and entities, never HTTP: the server crate decides who the caller
//! is, then runs the request through [`prepare`] and [`AppSchema`].

mod agreements;
mod assets;
mod audit;
mod awards;
mod border;
pub mod catalog;
mod chronicle;
mod conferences;
mod connection;
mod consular;
mod corps;
mod countries;
mod direction;
mod economic;
mod error;
mod finance;
mod ids;
mod legalization;
mod library;
mod limits;
mod loaders;
mod localities;
mod missions;
mod news;
mod ngos;
mod node;
mod overseas;
mod party;
mod passports;
mod personnel;
pub mod policy;
mod premises;
mod privileges;
mod record;
mod treaties;
mod unesco;
mod viewer;
mod visas;
pub mod write;

use async_graphql::{EmptySubscription, MergedObject, Schema};
use entities::SourceConnections;

pub use error::{ApiError, ErrorCode, source_unavailable};
pub use limits::{OperationLimits, QueryLimits};

/// The request id, which revisions record.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);
use policy::Principal;

/// The root query: each domain contributes its own object, grouped as the catalogue groups the
/// sources (a flat merge of some thirty objects nests too deep for the compiler).
#[derive(MergedObject, Default)]
pub struct Query(
    ServerQuery,
    AdministrationQuery,
    ForeignAffairsQuery,
    ConsularAndProtocolQuery,
    OpenInformationQuery,
);

/// The server's own data: the catalogue, the caller, global ids, the audit log.
#[derive(MergedObject, Default)]
pub struct ServerQuery(
    catalog::CatalogQuery,
    viewer::ViewerQuery,
    node::NodeQuery,
    write::RevisionQuery,
    audit::AuditQuery,
);

/// Appendix 1, group I: direction, administration and building of the sector.
#[derive(MergedObject, Default)]
pub struct AdministrationQuery(
    personnel::PersonnelQuery,
    direction::DirectionItemQuery,
    awards::AwardQuery,
    localities::ProvinceQuery,
    localities::LocalityCooperationQuery,
    finance::LedgerEntryQuery,
    assets::PublicAssetQuery,
    premises::PremiseQuery,
    party::PartyMemberQuery,
);

/// Appendix 1, group II: countries, events, news, treaties and agreements, communities,
/// organisations and conferences.
#[derive(MergedObject, Default)]
pub struct ForeignAffairsQuery(
    countries::CountryQuery,
    chronicle::ChronicleEventQuery,
    news::NewsItemQuery,
    treaties::TreatyQuery,
    agreements::AgreementQuery,
    overseas::OverseasOrganisationQuery,
    ngos::ForeignNgoQuery,
    conferences::ConferenceQuery,
);

/// Consular files and information, protocol, and the missions both ways.
#[derive(MergedObject, Default)]
pub struct ConsularAndProtocolQuery(
    passports::PassportFileQuery,
    legalization::LegalizationFileQuery,
    visas::VisaFileQuery,
    consular::ConsularQuery,
    privileges::PrivilegeRuleQuery,
    corps::CorpsQuery,
    missions::MissionQuery,
);

/// Research, economic and cultural diplomacy, borders and territory.
#[derive(MergedObject, Default)]
pub struct OpenInformationQuery(
    library::LibraryItemQuery,
    economic::EconomicDiplomacyItemQuery,
    unesco::UnescoQuery,
    border::BorderDocumentQuery,
);

/// The executable schema.
pub type AppSchema = Schema<Query, write::Mutation, EmptySubscription>;

/// Builds the schema over the given sources; `owners` decide who may write each source.
pub fn build_schema(
    sources: SourceConnections,
    limits: QueryLimits,
    owners: policy::Owners,
) -> AppSchema {
    Schema::build(Query::default(), write::Mutation, EmptySubscription)
        .data(sources)
        .data(owners)
        .data(limits)
        .extension(policy::extension::Enforce)
        .extension(limits::CheckOperationLimits)
        .limit_directives(limits.max_directives_per_field)
        .limit_recursive_depth(limits.max_recursive_depth)
        // Suggestions are computed from every field, visible or not, so they would leak names.
        .disable_suggestions()
        .finish()
}

/// How one request is prepared: its caller's limits and whether it may introspect.
#[derive(Debug, Clone, Copy)]
pub struct RequestRules {
    pub limits: OperationLimits,
    /// Those without introspection read their audience's SDL (`mofa-graph schema --audience`).
    pub introspection: bool,
}

impl RequestRules {
    /// For documents the server writes itself (the open-data downloads): their size is the
    /// server's choice, not a caller's.
    pub fn own_documents() -> RequestRules {
        RequestRules {
            limits: OperationLimits {
                depth: usize::MAX,
                complexity: usize::MAX,
            },
            introspection: false,
        }
    }
}

/// Attaches the caller, its limits and the per-request loaders to a request.
pub fn prepare(
    mut request: async_graphql::Request,
    principal: Principal,
    rules: RequestRules,
    sources: &SourceConnections,
    disclosures: std::sync::Arc<policy::Disclosures>,
) -> async_graphql::Request {
    if !rules.introspection {
        request = request.disable_introspection();
    }
    request
        .data(rules.limits)
        .data(loaders::Loaders::new(&principal, sources))
        .data(principal)
        .data(disclosures)
}

/// The full SDL of the schema. Needs no database.
pub fn sdl() -> String {
    Schema::build(Query::default(), write::Mutation, EmptySubscription)
        .finish()
        .sdl()
}

/// The SDL that `principal`'s audience may read.
pub fn sdl_for(principal: &Principal) -> String {
    policy::sdl::filter(&sdl(), principal)
}
