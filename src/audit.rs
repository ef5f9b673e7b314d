//! The data-access audit: every response that discloses non-open fields appends one entry (time,
//! request id, caller, operation hash, the `Type.field` list disclosed with value counts) to an
//! append-only, hash-chained log in `meta`. Each entry's hash covers its content, its id and the
//! previous entry's hash, so `mofa-graph audit verify` finds any edited or removed entry.

use std::collections::BTreeMap;

use entities::meta::audit_entry;
use graphql::policy::{Audience, Principal};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbBackend, DbErr,
    EntityTrait, QueryOrder, TransactionTrait,
};
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

/// The `prev_hash` of the first entry.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// SHA-256 of an operation's document, in hex.
pub fn operation_hash(document: &str) -> String {
    hex(&Sha256::digest(document.as_bytes()))
}

/// The hash of an entry: its id, content and predecessor, in a fixed order.
fn entry_hash(entry: &audit_entry::Model) -> String {
    let content = serde_json::json!([
        entry.id,
        entry.at,
        entry.request_id,
        entry.audience,
        entry.subject,
        entry.token_id,
        entry.client_or_unit,
        entry.operation_hash,
        entry.disclosed,
        entry.prev_hash,
    ]);
    hex(&Sha256::digest(content.to_string().as_bytes()))
}

/// Appends entries one at a time, so that each links to the one before.
#[derive(Default)]
pub struct AuditLog {
    // Serialises appends on this node; PostgreSQL's table lock serialises nodes.
    lock: Mutex<()>,
}

impl AuditLog {
    pub async fn append(
        &self,
        db: &DatabaseConnection,
        principal: &Principal,
        request_id: &str,
        operation_hash: String,
        disclosed: &BTreeMap<String, u64>,
    ) -> Result<(), DbErr> {
        let _guard = self.lock.lock().await;
        let txn = db.begin().await?;
        match txn.get_database_backend() {
            DbBackend::Postgres => {
                txn.execute_unprepared("LOCK TABLE audit_entry IN SHARE ROW EXCLUSIVE MODE")
                    .await?;
            }
            // Take SQLite's writer lock before reading the last entry: a transaction that read
            // first could not upgrade while a record write holds the lock, and would fail.
            DbBackend::Sqlite => {
                txn.execute_unprepared("UPDATE audit_entry SET id = id WHERE 0 = 1")
                    .await?;
            }
            _ => {}
        }
        let last = audit_entry::Entity::find()
            .order_by_desc(audit_entry::Column::Id)
            .one(&txn)
            .await?;
        let (id, prev_hash) = match last {
            Some(last) => (last.id + 1, last.hash),
            None => (1, GENESIS.to_owned()),
        };
        let client_or_unit = match principal.audience {
            Audience::Staff => principal.unit.map(|u| u.code().to_owned()),
            _ => principal.client_id.clone(),
        };
        let mut entry = audit_entry::Model {
            id,
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            request_id: request_id.to_owned(),
            audience: principal.audience.as_str().to_owned(),
            subject: principal.subject.clone(),
            token_id: principal.token_id.clone(),
            client_or_unit,
            operation_hash,
            disclosed: serde_json::to_string(disclosed).unwrap_or_default(),
            prev_hash,
            hash: String::new(),
        };
        entry.hash = entry_hash(&entry);
        audit_entry::ActiveModel {
            id: Set(entry.id),
            at: Set(entry.at),
            request_id: Set(entry.request_id),
            audience: Set(entry.audience),
            subject: Set(entry.subject),
            token_id: Set(entry.token_id),
            client_or_unit: Set(entry.client_or_unit),
            operation_hash: Set(entry.operation_hash),
            disclosed: Set(entry.disclosed),
            prev_hash: Set(entry.prev_hash),
            hash: Set(entry.hash),
        }
        .insert(&txn)
        .await?;
        txn.commit().await
    }
}

/// The outcome of checking the chain.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Intact { entries: u64 },
    Broken { at_id: i64, reason: String },
}

/// Walks the whole log and checks every link and every hash.
pub async fn verify(db: &DatabaseConnection) -> Result<Verdict, DbErr> {
    let entries = audit_entry::Entity::find()
        .order_by_asc(audit_entry::Column::Id)
        .all(db)
        .await?;
    let mut expected_prev = GENESIS.to_owned();
    for (expected_id, entry) in (1..).zip(&entries) {
        let broken = |reason: &str| Verdict::Broken {
            at_id: entry.id,
            reason: reason.to_owned(),
        };
        if entry.id != expected_id {
            return Ok(Verdict::Broken {
                at_id: expected_id,
                reason: format!("entry {expected_id} is missing"),
            });
        }
        if entry.prev_hash != expected_prev {
            return Ok(broken("does not link to the entry before it"));
        }
        if entry_hash(entry) != entry.hash {
            return Ok(broken("its content does not match its hash"));
        }
        expected_prev = entry.hash.clone();
    }
    Ok(Verdict::Intact {
        entries: entries.len() as u64,
    })
}
