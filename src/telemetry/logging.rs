//! Log setup: human-readable lines on a terminal, JSON lines for machines.
//! Logs go to stderr so `extract` can keep stdout for records.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global subscriber. `RUST_LOG` wins over `level` when set.
pub fn init(format: LogFormat, level: &str) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    // The HTML parser reports recoveries from malformed markup as warnings;
    // they are normal on real pages, not operator news.
    let filter = match "html5ever=error".parse() {
        Ok(directive) => filter.add_directive(directive),
        Err(_) => filter,
    };
    // A log line that cannot be written (stderr closed, or a file past its
    // size limit) is dropped: reporting it would itself write to stderr, and
    // `eprintln!` panics when that fails.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .log_internal_errors(false);
    let result = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .try_init(),
        LogFormat::Pretty => builder
            .with_ansi(std::io::stderr().is_terminal())
            .with_target(false)
            .try_init(),
    };
    // A second init (tests) keeps the first subscriber.
    let _ = result;
}

/// Seconds as a short human figure.
pub fn secs(d: std::time::Duration) -> String {
    format!("{:.2}", d.as_secs_f64())
}
