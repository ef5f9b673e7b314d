//! What one request may ask, per audience. Each limit is declared once below, with its
//! setting name and its default for each audience; the struct, the TOML overlay and the
//! environment parser are generated from that list, so a new limit cannot miss one of them.

use graphql::policy::Audience;
use serde::Deserialize;

use super::{SettingsError, parse, parse_bool};

/// A value a limit can hold, read from an environment entry.
trait LimitValue: Sized {
    fn read(key: &str, value: &str) -> Result<Self, SettingsError>;
}

macro_rules! number_limit {
    ($($ty:ty),*) => {$(
        impl LimitValue for $ty {
            fn read(key: &str, value: &str) -> Result<Self, SettingsError> {
                parse(key, value)
            }
        }
    )*};
}
number_limit!(usize, u32, u64);

impl LimitValue for bool {
    fn read(key: &str, value: &str) -> Result<Self, SettingsError> {
        parse_bool(key, value)
    }
}

macro_rules! audience_limits {
    ($(
        $(#[$doc:meta])*
        $name:ident: $ty:ty = $env:literal,
            public $public:expr, partner $partner:expr, staff $staff:expr;
    )*) => {
        /// The limits of one audience's requests.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct AudienceLimits {
            $( $(#[$doc])* #[doc = concat!("(`…_", $env, "`)")] pub $name: $ty, )*
        }

        /// `[limits.<audience>]` as written in a settings file: every limit optional.
        #[derive(Deserialize, Default)]
        #[serde(default, deny_unknown_fields)]
        struct AudienceLimitsFile {
            $( $name: Option<$ty>, )*
        }

        impl AudienceLimitsFile {
            fn over(self, defaults: AudienceLimits) -> AudienceLimits {
                AudienceLimits {
                    $( $name: self.$name.unwrap_or(defaults.$name), )*
                }
            }
        }

        impl AudienceLimits {
            /// Sets the limit named `limit` (as in the environment); `false` when no such limit.
            fn set(&mut self, limit: &str, key: &str, value: &str) -> Result<bool, SettingsError> {
                match limit {
                    $( $env => self.$name = LimitValue::read(key, value)?, )*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }

        impl Default for Limits {
            fn default() -> Self {
                Limits {
                    public: AudienceLimits { $( $name: $public, )* },
                    partner: AudienceLimits { $( $name: $partner, )* },
                    staff: AudienceLimits { $( $name: $staff, )* },
                }
            }
        }
    };
}

audience_limits! {
    /// Longest GraphQL document, in bytes.
    document_bytes: usize = "DOCUMENT_BYTES", public 16 * 1024, partner 64 * 1024, staff 256 * 1024;
    /// Largest request body (document, variables and extensions), in bytes; never more than
    /// `max_body_bytes`.
    body_bytes: usize = "BODY_BYTES", public 32 * 1024, partner 256 * 1024, staff 1024 * 1024;
    /// Most aliased fields in one document.
    aliases: usize = "ALIASES", public 30, partner 100, staff 500;
    /// Most directives in one document, all fields together.
    directives: usize = "DIRECTIVES", public 20, partner 100, staff 500;
    /// Deepest nesting of selections.
    depth: usize = "DEPTH", public 10, partner 15, staff 20;
    /// Largest complexity: one per field, a connection's selection counted `first` times.
    complexity: usize = "COMPLEXITY", public 5_000, partner 50_000, staff 250_000;
    /// Most operations in one batched request (a JSON array); 0 refuses batches.
    batch: usize = "BATCH", public 0, partner 10, staff 25;
    /// Longest execution, in milliseconds.
    timeout_ms: u64 = "TIMEOUT_MS", public 5_000, partner 15_000, staff 30_000;
    /// Whether introspection is answered; those without it read the SDL of their audience
    /// (`mofa-graph schema --audience`).
    introspection: bool = "INTROSPECTION", public false, partner false, staff true;
    /// Requests per minute of one caller (a public client address, a partner client, a staff
    /// member); 0 for no limit. A partner grant may set its own.
    rate_per_minute: u32 = "RATE_PER_MINUTE", public 1_200, partner 6_000, staff 0;
    /// Requests one caller may send at once above its rate before it is slowed down.
    rate_burst: u32 = "RATE_BURST", public 200, partner 500, staff 0;
}

/// Request limits per audience: the public gets the tightest, staff the widest. A TOML table
/// sets only the limits it names; the others keep that audience's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, from = "LimitsFile")]
pub struct Limits {
    pub public: AudienceLimits,
    pub partner: AudienceLimits,
    pub staff: AudienceLimits,
}

/// `[limits.*]` as written in a settings file.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct LimitsFile {
    public: AudienceLimitsFile,
    partner: AudienceLimitsFile,
    staff: AudienceLimitsFile,
}

impl From<LimitsFile> for Limits {
    fn from(file: LimitsFile) -> Limits {
        let defaults = Limits::default();
        Limits {
            public: file.public.over(defaults.public),
            partner: file.partner.over(defaults.partner),
            staff: file.staff.over(defaults.staff),
        }
    }
}

impl Limits {
    /// The limits of `audience`.
    pub fn of(&self, audience: Audience) -> AudienceLimits {
        match audience {
            Audience::Staff => self.staff,
            Audience::Partner => self.partner,
            Audience::Public => self.public,
        }
    }

    /// Sets `<AUDIENCE>_<LIMIT>` from an environment entry; `false` when no such limit.
    pub(super) fn set(
        &mut self,
        name: &str,
        key: &str,
        value: &str,
    ) -> Result<bool, SettingsError> {
        let Some((audience, limit)) = name.split_once('_') else {
            return Ok(false);
        };
        let limits = match audience {
            "PUBLIC" => &mut self.public,
            "PARTNER" => &mut self.partner,
            "STAFF" => &mut self.staff,
            _ => return Ok(false),
        };
        limits.set(limit, key, value)
    }
}
