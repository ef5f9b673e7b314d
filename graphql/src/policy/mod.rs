//! The access policy: who may read what. Every field of every type has one access class, and
//! every type its row rules, declared once in [`registry`]; enforcement ([`extension`]), SQL
//! projection and row conditions ([`project`]), per-audience SDL ([`sdl`]) and `viewer` all
//! derive from those declarations and from nothing else. A field with no declaration is
//! readable by nobody.

pub mod extension;
mod owners;
pub mod project;
pub mod registry;
pub mod sdl;

use std::{collections::BTreeSet, fmt, str::FromStr};

pub use owners::Owners;

/// Who is asking, as decided from the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, async_graphql::Enum)]
pub enum Audience {
    /// No token.
    Public,
    /// A partner agency's token; its scopes are sharing-service codes.
    Partner,
    /// A MOFA staff token; it names the caller's unit and roles.
    Staff,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Partner => "partner",
            Audience::Staff => "staff",
        }
    }
}

impl FromStr for Audience {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "public" => Ok(Audience::Public),
            "partner" => Ok(Audience::Partner),
            "staff" => Ok(Audience::Staff),
            other => Err(format!(
                "`{other}` is not an audience; use public, partner or staff"
            )),
        }
    }
}

macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident => $code:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($code => Ok($name::$variant),)*
                    other => Err(format!(concat!("`{}` is not ", $what), other)),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// A data-sharing service of Appendix 2; its code is a partner token's scope.
    Service, "a sharing service" {
        ConsularInfo => "consular-info",
        TreatyInfo => "treaty-info",
        AgreementInfo => "agreement-info",
        PersonnelInfo => "personnel-info",
        PartyAbroadInfo => "party-abroad-info",
        NgoInfo => "ngo-info",
        DiplomaticCorpsInfo => "diplomatic-corps-info",
        EconomicDiplomacyInfo => "economic-diplomacy-info",
        CulturalDiplomacyInfo => "cultural-diplomacy-info",
    }
}

impl Service {
    /// Services 4 and 5 are "special / packaged": their data leaves only as an export package,
    /// never online, whatever a token says.
    pub fn is_online(self) -> bool {
        !matches!(self, Service::PersonnelInfo | Service::PartyAbroadInfo)
    }
}

code_enum! {
    /// A unit of the Ministry (the catalogue's unit codes).
    Unit, "a unit code" {
        Tccb => "TCCB",
        Vp => "VP",
        Nv => "NV",
        Qttv => "QTTV",
        Dudt => "DUDT",
        Dvdn => "DVDN",
        All => "ALL",
        Lpqt => "LPQT",
        Ubnv => "UBNV",
        Ls => "LS",
        Lt => "LT",
        Hvng => "HVNG",
        Thkt => "THKT",
        Ngvh => "NGVH",
        Ubbg => "UBBG",
        Cytt => "CYTT",
    }
}

code_enum! {
    /// A staff role.
    Role, "a role" {
        Viewer => "viewer",
        Editor => "editor",
        Steward => "steward",
        Admin => "admin",
    }
}

/// The access class of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, the public included (rows still filtered by the row rule).
    Open,
    /// Partners holding the service's scope (while their grant is active), and staff.
    Shared(Service),
    /// Any staff.
    Internal,
    /// Personal data: staff of the owning unit only.
    Personal(Unit),
    /// Sensitive personal data (political affiliation, ethnicity, religion, health) or other
    /// restricted data: staff of the owning unit only.
    Restricted(Unit),
    /// The server's own oversight data (the data-access audit): staff with the `admin` role.
    Admin,
}

impl Access {
    pub fn describe(self) -> String {
        match self {
            Access::Open => "open".to_owned(),
            Access::Shared(service) => format!("shared({service})"),
            Access::Internal => "internal".to_owned(),
            Access::Personal(unit) => format!("personal({unit})"),
            Access::Restricted(unit) => format!("restricted({unit})"),
            Access::Admin => "admin".to_owned(),
        }
    }
}

/// What one request read, as the enforcement extension saw it: the `Type.field` disclosed
/// beyond open data with how many values (for the data-access audit), and the sources read (for
/// cache invalidation).
#[derive(Debug, Default)]
pub struct Disclosures {
    disclosed: std::sync::Mutex<std::collections::BTreeMap<String, u64>>,
    sources: std::sync::Mutex<std::collections::BTreeSet<entities::Source>>,
    writes: std::sync::Mutex<Vec<crate::write::Written>>,
}

impl Disclosures {
    /// Notes a committed write.
    pub fn wrote(&self, write: crate::write::Written) {
        if let Ok(mut writes) = self.writes.lock() {
            writes.push(write);
        }
    }

    /// The writes the request committed.
    pub fn writes(&self) -> Vec<crate::write::Written> {
        self.writes.lock().map(|w| w.clone()).unwrap_or_default()
    }

    pub fn record(&self, type_name: &str, field: &str) {
        if let Ok(mut seen) = self.disclosed.lock() {
            *seen.entry(format!("{type_name}.{field}")).or_default() += 1;
        }
    }

    /// Notes that a field of `type_name` was resolved.
    pub fn touch(&self, type_name: &str) {
        if let Some(source) = registry::source_policy(type_name).and_then(|t| t.source)
            && let Ok(mut sources) = self.sources.lock()
        {
            sources.insert(source);
        }
    }

    pub fn snapshot(&self) -> std::collections::BTreeMap<String, u64> {
        self.disclosed
            .lock()
            .map(|seen| seen.clone())
            .unwrap_or_default()
    }

    /// The sources the response read.
    pub fn sources(&self) -> std::collections::BTreeSet<entities::Source> {
        self.sources.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

/// The caller of one request. Scopes are only those backed by an active grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub audience: Audience,
    pub subject: Option<String>,
    pub token_id: Option<String>,
    /// The partner client the token was issued to.
    pub client_id: Option<String>,
    pub unit: Option<Unit>,
    pub roles: BTreeSet<Role>,
    pub scopes: BTreeSet<Service>,
}

impl Principal {
    pub fn public() -> Principal {
        Principal {
            audience: Audience::Public,
            subject: None,
            token_id: None,
            client_id: None,
            unit: None,
            roles: BTreeSet::new(),
            scopes: BTreeSet::new(),
        }
    }

    pub fn partner(subject: &str, scopes: impl IntoIterator<Item = Service>) -> Principal {
        Principal {
            audience: Audience::Partner,
            subject: Some(subject.to_owned()),
            client_id: Some(subject.to_owned()),
            scopes: scopes.into_iter().collect(),
            ..Principal::public()
        }
    }

    pub fn staff(subject: &str, unit: Unit, roles: impl IntoIterator<Item = Role>) -> Principal {
        Principal {
            audience: Audience::Staff,
            subject: Some(subject.to_owned()),
            unit: Some(unit),
            roles: roles.into_iter().collect(),
            ..Principal::public()
        }
    }

    /// Whether this caller may read a field of class `access`.
    pub fn can_read(&self, access: Access) -> bool {
        match access {
            Access::Open => true,
            Access::Shared(service) => match self.audience {
                Audience::Staff => true,
                Audience::Partner => service.is_online() && self.scopes.contains(&service),
                Audience::Public => false,
            },
            Access::Internal => self.audience == Audience::Staff,
            Access::Personal(unit) | Access::Restricted(unit) => {
                self.audience == Audience::Staff && self.unit == Some(unit)
            }
            Access::Admin => self.audience == Audience::Staff && self.roles.contains(&Role::Admin),
        }
    }

    /// Whether this partner holds `service` online.
    pub fn holds(&self, service: Service) -> bool {
        self.audience == Audience::Partner && service.is_online() && self.scopes.contains(&service)
    }
}
