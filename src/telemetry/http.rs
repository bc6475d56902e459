//! `/metrics`, `/healthz` and `/readyz` over HTTP (and the index's `/api`,
//! see [`crate::index::api`]), on a small tokio runtime
//! of its own so a busy pipeline never delays a scrape.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;

use super::{Health, Telemetry};

#[derive(Clone)]
struct AppState {
    telemetry: Arc<Telemetry>,
    health: Arc<Health>,
}

/// Binds `addr` now (so a taken port is an error at start, not later) and
/// serves until `shutdown` resolves. Returns the bound address.
pub(crate) async fn serve(
    addr: SocketAddr,
    telemetry: Arc<Telemetry>,
    health: Arc<Health>,
    api: Option<Router>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr} (metrics.addr): {e}"))?;
    let bound = listener.local_addr()?;
    let mut app = Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(AppState { telemetry, health });
    if let Some(api) = api {
        app = app.merge(api);
    }
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(error = %e, "metrics server failed");
        }
    });
    Ok((bound, task))
}

async fn metrics(State(s): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        s.telemetry.render(),
    )
}

async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok\n")
}

async fn readyz(State(s): State<AppState>) -> impl IntoResponse {
    // The index never makes the process unready (the pipeline goes on
    // without it); its lag and error are shown on a line of their own.
    let index = s
        .health
        .index_status()
        .map(|line| format!("{line}\n"))
        .unwrap_or_default();
    match s.health.readiness() {
        Ok(()) => (StatusCode::OK, format!("ready\n{index}")),
        Err(why) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {why}\n{index}"),
        ),
    }
}
