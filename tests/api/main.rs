//! Integration tests: each starts the real server on port 0 against a fresh database (a new
//! SQLite file, or a new PostgreSQL database when `MOFA_TEST_POSTGRES_URL` is set) and talks to it
//! over real HTTP. `scripts/test` runs them on both, with a real Redis.

// Tests fail loudly on the first unexpected value; that is what `expect` is for here.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod access;
mod adversarial;
mod audit;
mod cache;
mod catalog;
mod cli;
mod external;
mod external_issuers;
mod faults;
mod health;
mod helpers;
mod http;
mod open_data;
mod relations;
mod schema;
mod sources;
mod tokens;
mod writes;
