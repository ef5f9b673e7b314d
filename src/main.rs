use std::process::ExitCode;

use clap::Parser;
use mofa_graph::{cli, configuration::Settings, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let (settings, warnings) = match Settings::load(cli.config.as_deref(), std::env::vars()) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("mofa-graph: {err}");
            return ExitCode::from(2);
        }
    };
    if let Err(err) = telemetry::init(&settings.log, settings.log_format) {
        eprintln!("mofa-graph: {err}");
        return ExitCode::from(2);
    }
    for warning in warnings {
        tracing::warn!("{warning}");
    }
    match cli::run(cli.command, settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            eprintln!("mofa-graph: {err}");
            ExitCode::FAILURE
        }
    }
}
