//! Signal handling: the first SIGINT or SIGTERM begins the shutdown; a
//! second one, or a drain that outlasts its timeout, ends the run at once
//! (safe: nothing is marked done before it is durable).

use std::time::Duration;

use crossbeam_channel::Sender;

use super::{Shutdown, Stopped};

/// Extra time after `shutdown_timeout` before the process gives up waiting.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// First signal: begin `shutdown`. Second, or the drain past its timeout
/// and grace: send how the run ended on `abort`.
pub(crate) async fn listen(shutdown: Shutdown, abort: Sender<Stopped>) {
    let timeout = shutdown.timeout();
    let first = wait().await;
    tracing::info!(
        signal = first,
        timeout_s = timeout.as_secs(),
        "shutdown requested"
    );
    shutdown.begin();
    tokio::select! {
        second = wait() => {
            tracing::warn!(signal = second, "second signal: exiting now");
            let _ = abort.send(Stopped::Interrupted);
        }
        _ = tokio::time::sleep(timeout + SHUTDOWN_GRACE) => {
            tracing::error!("shutdown did not finish in time: exiting");
            let _ = abort.send(Stopped::TimedOut);
        }
    }
}

/// The name of the next SIGINT or SIGTERM.
async fn wait() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => "SIGTERM",
                    _ = int.recv() => "SIGINT",
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
                "SIGINT"
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "SIGINT"
    }
}
