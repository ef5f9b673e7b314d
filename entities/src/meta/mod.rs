//! The server's own source: the catalogue of Decision 3021/QĐ-BNG (units, databases, sharing
//! services, open datasets and their relations), partner clients and their grants, revoked
//! tokens and the data-access audit log.

pub mod audit_entry;
pub mod catalog_database;
pub mod catalog_database_unit;
pub mod catalog_dataset_frequency;
pub mod catalog_dataset_source;
pub mod catalog_decision;
pub mod catalog_open_dataset;
pub mod catalog_service_source;
pub mod catalog_sharing_service;
pub mod catalog_unit;
pub mod partner_client;
pub mod partner_grant;
pub mod revoked_token;
