//! Partner clients and their grants (access rights per client and sharing service, as in
//! X-Road), kept in `meta`. A token's scope counts only while a matching grant is active, so a
//! revoked grant cuts access at once, even for tokens not yet expired.

use std::collections::{BTreeMap, BTreeSet};

use argon2::{
    Argon2, PasswordHasher, PasswordVerifier,
    password_hash::{PasswordHash, SaltString},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use entities::meta::{partner_client, partner_grant, revoked_token};
use graphql::policy::Service;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder,
};

/// A partner operation that could not be done; the message says why.
#[derive(Debug, thiserror::Error)]
pub enum PartnerError {
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("no partner client `{0}`")]
    UnknownClient(String),
    #[error("partner client `{0}` exists already")]
    Exists(String),
    #[error("{0}")]
    Invalid(String),
}

fn random_secret() -> Result<String, PartnerError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| PartnerError::Invalid(format!("no randomness: {e}")))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

fn hash_secret(secret: &str) -> Result<String, PartnerError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| PartnerError::Invalid(format!("no randomness: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| PartnerError::Invalid(e.to_string()))?;
    Ok(Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map_err(|e| PartnerError::Invalid(e.to_string()))?
        .to_string())
}

/// Registers a client and returns its secret, shown this once.
pub async fn add_client(
    db: &DatabaseConnection,
    client_id: &str,
    agency_name: &str,
) -> Result<String, PartnerError> {
    let valid_id = !client_id.is_empty()
        && client_id.len() <= 64
        && client_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    if !valid_id {
        return Err(PartnerError::Invalid(
            "client id: 1 to 64 letters, digits, `-`, `_` or `.`".to_owned(),
        ));
    }
    if agency_name.trim().is_empty() {
        return Err(PartnerError::Invalid("agency name is empty".to_owned()));
    }
    if find_client(db, client_id).await?.is_some() {
        return Err(PartnerError::Exists(client_id.to_owned()));
    }
    let secret = random_secret()?;
    partner_client::ActiveModel {
        client_id: Set(client_id.to_owned()),
        agency_name: Set(agency_name.trim().to_owned()),
        secret_hash: Set(hash_secret(&secret)?),
        created_at: Set(Utc::now()),
        disabled_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(secret)
}

async fn find_client(
    db: &DatabaseConnection,
    client_id: &str,
) -> Result<Option<partner_client::Model>, DbErr> {
    partner_client::Entity::find()
        .filter(partner_client::Column::ClientId.eq(client_id))
        .one(db)
        .await
}

/// Grants `service` to a client.
pub async fn grant(
    db: &DatabaseConnection,
    client_id: &str,
    service: Service,
    legal_basis: &str,
    expires_at: Option<DateTime<Utc>>,
    requests_per_minute: Option<u32>,
) -> Result<(), PartnerError> {
    if find_client(db, client_id).await?.is_none() {
        return Err(PartnerError::UnknownClient(client_id.to_owned()));
    }
    if !service.is_online() {
        return Err(PartnerError::Invalid(format!(
            "{service} is a packaged service: its data leaves only as an export package"
        )));
    }
    if legal_basis.trim().is_empty() {
        return Err(PartnerError::Invalid(
            "a grant needs its legal basis".to_owned(),
        ));
    }
    partner_grant::ActiveModel {
        client_id: Set(client_id.to_owned()),
        service_code: Set(service.code().to_owned()),
        legal_basis: Set(legal_basis.trim().to_owned()),
        granted_at: Set(Utc::now()),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
        requests_per_minute: Set(requests_per_minute.map(|n| i32::try_from(n).unwrap_or(i32::MAX))),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Revokes every active grant of `service` to a client; returns how many.
pub async fn revoke(
    db: &DatabaseConnection,
    client_id: &str,
    service: Service,
) -> Result<u64, PartnerError> {
    let result = partner_grant::Entity::update_many()
        .col_expr(
            partner_grant::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(partner_grant::Column::ClientId.eq(client_id))
        .filter(partner_grant::Column::ServiceCode.eq(service.code()))
        .filter(partner_grant::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// The services a client holds right now.
/// What a client's active grants allow: the services, and the quota of each grant.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ActiveGrants {
    pub services: BTreeMap<Service, Option<u32>>,
}

impl ActiveGrants {
    /// The requests per minute a token of `scopes` may send: the largest quota among the
    /// grants it uses, `None` when none of them sets one (the partner default applies).
    pub fn requests_per_minute<'a>(
        &self,
        scopes: impl IntoIterator<Item = &'a Service>,
    ) -> Option<u32> {
        scopes
            .into_iter()
            .filter_map(|s| self.services.get(s).copied().flatten())
            .max()
    }
}

/// The client's active grants (none when the client is disabled).
pub async fn active_grants(
    db: &DatabaseConnection,
    client_id: &str,
) -> Result<ActiveGrants, DbErr> {
    let now = Utc::now();
    let grants = partner_grant::Entity::find()
        .filter(partner_grant::Column::ClientId.eq(client_id))
        .filter(partner_grant::Column::RevokedAt.is_null())
        .filter(
            Condition::any()
                .add(partner_grant::Column::ExpiresAt.is_null())
                .add(partner_grant::Column::ExpiresAt.gt(now)),
        )
        .all(db)
        .await?;
    let enabled = find_client(db, client_id)
        .await?
        .is_some_and(|c| c.disabled_at.is_none());
    let mut active = ActiveGrants::default();
    if enabled {
        for grant in grants {
            let Ok(service) = grant.service_code.parse::<Service>() else {
                continue;
            };
            let quota = grant
                .requests_per_minute
                .and_then(|n| u32::try_from(n).ok());
            let entry = active.services.entry(service).or_insert(quota);
            // Two active grants of one service: the larger quota counts.
            *entry = (*entry).max(quota);
        }
    }
    Ok(active)
}

/// The services of the client's active grants.
pub async fn active_services(
    db: &DatabaseConnection,
    client_id: &str,
) -> Result<BTreeSet<Service>, DbErr> {
    Ok(active_grants(db, client_id)
        .await?
        .services
        .into_keys()
        .collect())
}

/// Whether `secret` is the client's secret.
pub async fn verify_secret(
    db: &DatabaseConnection,
    client_id: &str,
    secret: &str,
) -> Result<bool, DbErr> {
    let Some(client) = find_client(db, client_id).await? else {
        // Spend the same effort on an unknown client, so timing does not tell which ids exist.
        let _ = hash_secret(secret);
        return Ok(false);
    };
    if client.disabled_at.is_some() {
        return Ok(false);
    }
    Ok(PasswordHash::new(&client.secret_hash)
        .map(|hash| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false))
}

/// Every client with its grants, for `mofa-graph partner list`.
pub async fn list(
    db: &DatabaseConnection,
) -> Result<Vec<(partner_client::Model, Vec<partner_grant::Model>)>, DbErr> {
    let clients = partner_client::Entity::find()
        .order_by_asc(partner_client::Column::ClientId)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for client in clients {
        let grants = partner_grant::Entity::find()
            .filter(partner_grant::Column::ClientId.eq(&client.client_id))
            .order_by_asc(partner_grant::Column::Id)
            .all(db)
            .await?;
        out.push((client, grants));
    }
    Ok(out)
}

/// Revokes one token by its `jti`.
pub async fn revoke_token(db: &DatabaseConnection, jti: &str, reason: &str) -> Result<(), DbErr> {
    if revoked_token::Entity::find_by_id(jti.to_owned())
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    revoked_token::ActiveModel {
        jti: Set(jti.to_owned()),
        revoked_at: Set(Utc::now()),
        reason: Set(reason.to_owned()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Whether the token `jti` was revoked.
pub async fn is_revoked(db: &DatabaseConnection, jti: &str) -> Result<bool, DbErr> {
    Ok(revoked_token::Entity::find_by_id(jti.to_owned())
        .one(db)
        .await?
        .is_some())
}
