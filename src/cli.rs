//! The command line of `mofa-graph`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use graphql::policy::{Audience, Principal, Role, Service, Unit};

use entities::Source;

use crate::{
    audit,
    auth::KeySet,
    configuration::Settings,
    partners,
    sources::{self, SourceError},
    startup::{Application, StartupError},
};

#[derive(Debug, Parser)]
#[command(
    name = "mofa-graph",
    version,
    about = "GraphQL data-federation server of the Ministry of Foreign Affairs of Viet Nam"
)]
pub struct Cli {
    /// TOML file with settings; `MOFA_*` environment variables override it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API (applies pending migrations first unless MOFA_MIGRATE_ON_START=false).
    Serve {
        /// Load the demo data into the sources before serving.
        #[arg(long)]
        demo: bool,
    },
    /// Apply the pending migrations of every source.
    Migrate {
        /// Only list the pending migrations.
        #[arg(long)]
        status: bool,
    },
    /// Load seed data: the demo data set, or the demo data and N synthetic rows per large table.
    #[command(group(clap::ArgGroup::new("set").required(true).args(["demo", "scale"])))]
    Seed {
        /// The demo data set (public reference data, fictional personal data).
        #[arg(long)]
        demo: bool,
        /// The demo data, then deterministic synthetic rows: N in each of the largest tables.
        #[arg(long, value_name = "N")]
        scale: Option<u64>,
    },
    /// Import records into one source from a .csv (header: the schema's field names) or .jsonl
    /// file, under the rules of the mutations; all or nothing.
    Import {
        /// The source (`treaties`, `foreign-ngos`, …).
        #[arg(long)]
        source: Source,
        /// The record type, when the source has several (`Province`, `LocalityCooperation`).
        #[arg(long = "type", value_name = "TYPE")]
        type_name: Option<String>,
        /// The file to import.
        #[arg(long)]
        file: std::path::PathBuf,
        /// Check every row and report; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The writing unit (an owner of the source; default: its first owner).
        #[arg(long)]
        unit: Option<Unit>,
        /// Who imports, as the revisions will name them.
        #[arg(long, default_value = "import")]
        subject: String,
    },
    /// Print the schema as SDL, as one audience sees it.
    Schema {
        /// `public`, `partner` or `staff`; without it, the full schema.
        #[arg(long)]
        audience: Option<Audience>,
        /// For `partner`: the sharing services held (repeat or comma-separate).
        #[arg(long, value_delimiter = ',')]
        scope: Vec<Service>,
        /// For `staff`: the unit (its personal and restricted fields are included).
        #[arg(long)]
        unit: Option<Unit>,
    },
    /// Tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The data-access audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Partner clients and their grants.
    Partner {
        #[command(subcommand)]
        command: PartnerCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check every entry's hash and link; exits 1 at the first broken one.
    Verify,
}

#[derive(Debug, Subcommand)]
pub enum PartnerCommand {
    /// Register a client; prints its secret, shown only this once.
    Add {
        #[arg(long)]
        client_id: String,
        /// The agency the client belongs to.
        #[arg(long)]
        agency: String,
    },
    /// Grant a sharing service to a client.
    Grant {
        #[arg(long)]
        client_id: String,
        #[arg(long)]
        service: Service,
        /// The legal basis of the sharing (agreement, decree article, …).
        #[arg(long)]
        legal_basis: String,
        /// Last day of the grant (YYYY-MM-DD), inclusive.
        #[arg(long)]
        expires_on: Option<chrono::NaiveDate>,
        /// Requests per minute the client may send under this grant (default: the partner
        /// audience's rate, `MOFA_LIMITS_PARTNER_RATE_PER_MINUTE`).
        #[arg(long)]
        requests_per_minute: Option<u32>,
    },
    /// Revoke a client's grants of a service, at once.
    Revoke {
        #[arg(long)]
        client_id: String,
        #[arg(long)]
        service: Service,
    },
    /// List clients and grants.
    List,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Mint an access token from the configured signing key: a staff token with `--unit`, a
    /// partner token with `--scope`.
    Issue {
        /// `sub`: the staff member or partner client.
        #[arg(long)]
        subject: String,
        /// Staff: the unit code (`LPQT`, `TCCB`, …).
        #[arg(long, conflicts_with = "scope")]
        unit: Option<Unit>,
        /// Staff: roles (`viewer`, `editor`, `steward`, `admin`).
        #[arg(long, value_delimiter = ',', requires = "unit")]
        roles: Vec<Role>,
        /// Partner: sharing-service codes (`treaty-info`, …).
        #[arg(long, value_delimiter = ',', required_unless_present = "unit")]
        scope: Vec<Service>,
        /// Lifetime in seconds.
        #[arg(long, default_value_t = 3600)]
        ttl_secs: i64,
    },
    /// Add a new signing key and make it the one that signs (servers use it from their next
    /// start); tokens of the older keys stay valid until they expire.
    Rotate {
        /// `EdDSA` or `ES256`.
        #[arg(long, default_value = "EdDSA")]
        alg: crate::auth::KeyAlgorithm,
    },
    /// Revoke a token by its `jti`, at once.
    Revoke {
        #[arg(long)]
        jti: String,
        #[arg(long, default_value = "revoked by an operator")]
        reason: String,
    },
}

/// A failure of a command, printed as one line by `main`.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Startup(#[from] StartupError),
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error("{0}")]
    Seed(String),
    #[error("import: {0}")]
    Import(String),
    #[error(transparent)]
    Partner(#[from] partners::PartnerError),
    #[error("{0}")]
    Audit(String),
    #[error("token: {0}")]
    Token(String),
    #[error("server stopped with an error: {0}")]
    Serve(std::io::Error),
}

pub async fn run(command: Command, settings: Settings) -> Result<(), CliError> {
    match command {
        Command::Serve { demo } => {
            if demo {
                seed_demo(&settings).await?;
            }
            let app = Application::build(settings).await?;
            app.run_until_stopped().await.map_err(CliError::Serve)
        }
        Command::Migrate { status } => {
            let sources = sources::connect(&settings, Default::default()).await?;
            if status {
                for (source, conn) in sources.iter() {
                    let pending = migrations::pending(source, conn).await.map_err(|e| {
                        SourceError::Migrate {
                            source_code: source,
                            source: e,
                        }
                    })?;
                    println!("{source}: {} pending {pending:?}", pending.len());
                }
                Ok(())
            } else {
                sources::migrate_all(&sources).await?;
                println!("every source is migrated");
                Ok(())
            }
        }
        Command::Seed { demo: _, scale } => {
            seed_demo(&settings).await?;
            match scale {
                Some(n) => seed_scale(&settings, n).await,
                None => Ok(()),
            }
        }
        Command::Import {
            source,
            type_name,
            file,
            dry_run,
            unit,
            subject,
        } => {
            let sources = sources::connect(&settings, Default::default()).await?;
            sources::migrate_all(&sources).await?;
            let request = crate::import::ImportRequest {
                source,
                type_name: type_name.as_deref(),
                file: &file,
                dry_run,
                unit,
                subject: &subject,
            };
            let report = crate::import::import(&settings, &sources, request)
                .await
                .map_err(CliError::Import)?;
            for (line, field, reason) in &report.errors {
                println!("row {line}: `{field}`: {reason}");
            }
            if !report.errors.is_empty() {
                let bad: std::collections::BTreeSet<_> =
                    report.errors.iter().map(|(line, _, _)| line).collect();
                return Err(CliError::Import(format!(
                    "{} of {} rows are bad; nothing imported",
                    bad.len(),
                    report.rows
                )));
            }
            if dry_run {
                println!(
                    "{} rows of {} are valid; nothing written (--dry-run)",
                    report.rows, report.type_name
                );
            } else {
                println!(
                    "imported {} {} rows in {:.1} s ({:.0} rows/s)",
                    report.written,
                    report.type_name,
                    report.seconds,
                    report.written as f64 / report.seconds.max(1e-9)
                );
            }
            Ok(())
        }
        Command::Schema {
            audience,
            scope,
            unit,
        } => {
            let sdl = match audience {
                None => graphql::sdl(),
                Some(Audience::Public) => graphql::sdl_for(&Principal::public()),
                Some(Audience::Partner) => graphql::sdl_for(&Principal::partner("sdl", scope)),
                Some(Audience::Staff) => graphql::sdl_for(&Principal::staff(
                    "sdl",
                    unit.unwrap_or(Unit::Vp),
                    [Role::Viewer],
                )),
            };
            print!("{sdl}");
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Revoke { jti, reason },
        } => {
            let sources = meta_ready(&settings).await?;
            partners::revoke_token(sources.get(Source::Meta), &jti, &reason)
                .await
                .map_err(|e| CliError::Token(e.to_string()))?;
            println!("token {jti} revoked");
            Ok(())
        }
        Command::Partner { command } => partner(command, &settings).await,
        Command::Token {
            command: TokenCommand::Rotate { alg },
        } => {
            let path = settings.signing_key_path();
            KeySet::load_or_create(
                &path,
                &settings.token_issuer,
                settings.max_token_lifetime_secs,
            )
            .map_err(|e| CliError::Token(e.to_string()))?;
            let kid = KeySet::rotate(&path, alg).map_err(|e| CliError::Token(e.to_string()))?;
            println!("new {alg:?} key {kid} is active; restart the servers to sign with it");
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let sources = meta_ready(&settings).await?;
            match audit::verify(sources.get(Source::Meta))
                .await
                .map_err(|e| CliError::Audit(e.to_string()))?
            {
                audit::Verdict::Intact { entries } => {
                    println!("audit log intact: {entries} entries");
                    Ok(())
                }
                audit::Verdict::Broken { at_id, reason } => Err(CliError::Audit(format!(
                    "audit log broken at entry {at_id}: {reason}"
                ))),
            }
        }
        Command::Token {
            command:
                TokenCommand::Issue {
                    subject,
                    unit,
                    roles,
                    scope,
                    ttl_secs,
                },
        } => {
            let keys = KeySet::load_or_create(
                &settings.signing_key_path(),
                &settings.token_issuer,
                settings.max_token_lifetime_secs,
            )
            .map_err(|e| CliError::Token(e.to_string()))?;
            if ttl_secs < 1 || ttl_secs > settings.max_token_lifetime_secs {
                return Err(CliError::Token(format!(
                    "--ttl-secs must be between 1 and {}",
                    settings.max_token_lifetime_secs
                )));
            }
            let mut claims = keys
                .new_claims(&subject, ttl_secs)
                .map_err(CliError::Token)?;
            match unit {
                Some(unit) => {
                    claims.unit = Some(unit.code().to_owned());
                    claims.roles = Some(roles.iter().map(|r| r.code().to_owned()).collect());
                }
                None => {
                    let scopes: Vec<&str> = scope.iter().map(|s| s.code()).collect();
                    claims.scope = Some(scopes.join(" "));
                    claims.client_id = Some(subject.clone());
                }
            }
            let token = keys
                .sign(&claims)
                .map_err(|e| CliError::Token(e.to_string()))?;
            println!("{token}");
            Ok(())
        }
    }
}

/// The sources, migrated, for commands that write to `meta`.
async fn meta_ready(settings: &Settings) -> Result<entities::SourceConnections, CliError> {
    let sources = sources::connect(settings, Default::default()).await?;
    sources::migrate_all(&sources).await?;
    Ok(sources)
}

async fn partner(command: PartnerCommand, settings: &Settings) -> Result<(), CliError> {
    let sources = meta_ready(settings).await?;
    let meta = sources.get(Source::Meta);
    match command {
        PartnerCommand::Add { client_id, agency } => {
            let secret = partners::add_client(meta, &client_id, &agency).await?;
            println!("client_id: {client_id}\nclient_secret: {secret}");
            eprintln!("the secret is shown only now; it is stored hashed");
        }
        PartnerCommand::Grant {
            client_id,
            service,
            legal_basis,
            expires_on,
            requests_per_minute,
        } => {
            let expires_at = expires_on
                .and_then(|day| day.succ_opt())
                .and_then(|next| next.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc());
            partners::grant(
                meta,
                &client_id,
                service,
                &legal_basis,
                expires_at,
                requests_per_minute,
            )
            .await?;
            println!("{service} granted to {client_id}");
        }
        PartnerCommand::Revoke { client_id, service } => {
            let revoked = partners::revoke(meta, &client_id, service).await?;
            println!("{revoked} grant(s) of {service} revoked for {client_id}");
        }
        PartnerCommand::List => {
            let clients = partners::list(meta)
                .await
                .map_err(partners::PartnerError::from)?;
            for (client, grants) in clients {
                println!(
                    "{}\t{}{}",
                    client.client_id,
                    client.agency_name,
                    if client.disabled_at.is_some() {
                        "\t(disabled)"
                    } else {
                        ""
                    }
                );
                for g in grants {
                    let state = match (g.revoked_at, g.expires_at) {
                        (Some(at), _) => format!("revoked {at}"),
                        (None, Some(at)) => format!("until {at}"),
                        (None, None) => "active".to_owned(),
                    };
                    let quota = g
                        .requests_per_minute
                        .map_or_else(|| "default rate".to_owned(), |n| format!("{n}/min"));
                    println!(
                        "\t{}\t{}\t{}\t{}",
                        g.service_code, state, quota, g.legal_basis
                    );
                }
            }
        }
    }
    Ok(())
}

/// Adds the synthetic rows of `seed --scale n`, with a progress bar per table on standard error.
async fn seed_scale(settings: &Settings, n: u64) -> Result<(), CliError> {
    let sources = sources::connect(settings, Default::default()).await?;
    let bars = indicatif::MultiProgress::new();
    let style = indicatif::ProgressStyle::with_template(
        "{prefix:>18} [{bar:40}] {pos}/{len} rows  {per_sec}  eta {eta}",
    )
    .map_err(|e| CliError::Seed(e.to_string()))?
    .progress_chars("=> ");
    let current: std::sync::Mutex<Option<(String, indicatif::ProgressBar)>> = Default::default();
    let progress = |table: &str, written: u64, target: u64| {
        let Ok(mut current) = current.lock() else {
            return;
        };
        if current.as_ref().is_none_or(|(name, _)| name != table) {
            if let Some((_, bar)) = current.take() {
                bar.finish();
            }
            let bar = bars.add(indicatif::ProgressBar::new(target));
            bar.set_style(style.clone());
            bar.set_prefix(table.to_owned());
            *current = Some((table.to_owned(), bar));
        }
        if let Some((_, bar)) = current.as_ref() {
            bar.set_position(written);
        }
    };
    let started = std::time::Instant::now();
    let lines = migrations::scale::scale(&sources, n, &progress)
        .await
        .map_err(|e| CliError::Seed(format!("scale seed failed: {e}")))?;
    if let Ok(mut current) = current.lock()
        && let Some((_, bar)) = current.take()
    {
        bar.finish();
    }
    for line in lines {
        tracing::info!("{line}");
    }
    tracing::info!(seconds = started.elapsed().as_secs_f64(), "scale seed done");
    Ok(())
}

async fn seed_demo(settings: &Settings) -> Result<(), CliError> {
    let sources = sources::connect(settings, Default::default()).await?;
    sources::migrate_all(&sources).await?;
    let report = migrations::seed::demo(&sources)
        .await
        .map_err(|e| CliError::Seed(format!("demo seed failed: {e}")))?;
    for line in report.lines {
        tracing::info!("{line}");
    }
    Ok(())
}
