//! The command line of `mofa-graph`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::{
    configuration::Settings,
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
    /// Load seed data.
    Seed {
        /// The demo data set.
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Print the schema as SDL.
    Schema,
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
            let sources = sources::connect(&settings).await?;
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
        Command::Seed { demo: _ } => seed_demo(&settings).await,
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
    }
}

async fn seed_demo(settings: &Settings) -> Result<(), CliError> {
    let sources = sources::connect(settings).await?;
    sources::migrate_all(&sources).await?;
    let report = migrations::seed::demo(&sources)
        .await
        .map_err(|e| CliError::Seed(format!("demo seed failed: {e}")))?;
    for line in report.lines {
        tracing::info!("{line}");
    }
    Ok(())
}
