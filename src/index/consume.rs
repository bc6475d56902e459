//! `wirewatch index --nats URL --index-url postgres://…`: the cluster's
//! indexer. Workers publish every record to the records stream; this reads
//! it with a durable pull consumer and writes each fetched batch in one
//! transaction, acking the messages only after it commits. A record
//! redelivered (the indexer died before its ack, a nak while the server
//! was down) is upserted by its article's path, so each article has
//! exactly one row set however often it arrives.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_nats::jetstream::{self, AckKind, consumer};
use futures_util::StreamExt;

use super::rows::{self, Provenance, RowSet};
use super::store::Store;
use super::{IndexError, Target};
use crate::config::Config;
use crate::stories::assign::Settings;
use crate::telemetry::catalogue as m;
use crate::telemetry::{Health, Telemetry, http};

/// How long one fetch waits for messages.
const FETCH_EXPIRES: Duration = Duration::from_secs(1);
/// Waits between attempts while the index fails, doubling up to the last.
const RETRY_FIRST: Duration = Duration::from_millis(500);
const RETRY_MAX: Duration = Duration::from_secs(30);

/// Runs the indexer until SIGINT or SIGTERM.
pub fn run(config: &Config) -> anyhow::Result<()> {
    let target = config
        .index_target()
        .context("index.url is not a usable index URL")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("runtime")
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(consume(config, target))
}

async fn consume(config: &Config, target: Target) -> anyhow::Result<()> {
    let health = Arc::new(Health::default());
    let (stop_http, stop_http_rx) = tokio::sync::oneshot::channel::<()>();
    if config.metrics.enabled {
        let telemetry = Arc::new(Telemetry::install()?);
        let addr = config.metrics.addr.parse().with_context(|| {
            format!("metrics.addr = {:?} is not HOST:PORT", config.metrics.addr)
        })?;
        let api = Some(super::api::router(target.clone()));
        let (bound, _task) = http::serve(addr, telemetry, health.clone(), api, async {
            let _ = stop_http_rx.await;
        })
        .await?;
        tracing::info!(addr = %bound, "serving /metrics, /healthz, /readyz, /api");
    }
    let cfg = &config.nats;
    let js = crate::host::nats::connect::connect(cfg, &health).await?;
    let stream = crate::host::nats::connect::records_stream(&js, cfg).await?;
    let mut consumer: consumer::PullConsumer = stream
        .get_or_create_consumer(
            &config.index.consumer,
            consumer::pull::Config {
                durable_name: Some(config.index.consumer.clone()),
                ack_policy: consumer::AckPolicy::Explicit,
                ack_wait: Duration::from_secs(cfg.ack_wait_s),
                ..Default::default()
            },
        )
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "index.consumer: cannot create consumer {}: {e}",
                config.index.consumer
            )
        })?;
    health.set_scanned();
    tracing::info!(index = %target.describe(), stream = %cfg.records_stream, consumer = %config.index.consumer, "indexing the records stream");

    let origin = format!("nats:{}", cfg.records_stream);
    // Opened (and migrated) now when it answers; else at the first batch.
    let opening = target.clone();
    let stories = config.story_settings();
    let mut store = match tokio::task::spawn_blocking(move || Store::writer(&opening, &stories))
        .await
    {
        Ok(Ok(s)) => Some(s),
        Ok(Err(e)) => {
            tracing::warn!(index = %target.describe(), error = %e, "index unavailable; retrying with the first records");
            None
        }
        Err(_) => None,
    };
    let mut retry = RETRY_FIRST;
    let mut stop = std::pin::pin!(stop_signal());
    loop {
        let fetched = tokio::select! {
            _ = &mut stop => break,
            f = consumer.fetch().max_messages(cfg.fetch_batch).expires(FETCH_EXPIRES).messages() => f,
        };
        let mut messages = match fetched {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(error = %e, "cannot fetch from NATS; retrying");
                tokio::time::sleep(retry).await;
                continue;
            }
        };
        let mut batch: Vec<(jetstream::Message, RowSet)> = Vec::new();
        let now = chrono::Utc::now().to_rfc3339();
        while let Some(msg) = messages.next().await {
            let Ok(msg) = msg else { continue };
            let sequence = msg.info().map(|i| i.stream_sequence).unwrap_or(0);
            match rows::parse(&msg.payload) {
                Ok(record) => {
                    let from = Provenance {
                        origin: origin.clone(),
                        record_file: None,
                        stamp: format!("seq:{sequence}"),
                    };
                    let set = rows::rows(record, &from, &now);
                    batch.push((msg, set));
                }
                Err(e) => {
                    // Not a record this version reads: redelivering cannot help.
                    tracing::error!(sequence, error = %e, "message on the records stream is not a record; not indexed");
                    metrics::counter!(m::INDEX_ERRORS.name).increment(1);
                    let _ = msg.ack_with(AckKind::Term).await;
                }
            }
        }
        if batch.is_empty() {
            continue;
        }
        let sets: Vec<RowSet> = batch.iter().map(|(_, s)| s.clone()).collect();
        let last = batch
            .iter()
            .filter_map(|(m, _)| m.info().ok().map(|i| i.stream_sequence))
            .max()
            .unwrap_or(0);
        let (back, written) = write(
            store.take(),
            target.clone(),
            stories,
            sets,
            origin.clone(),
            last,
        )
        .await;
        store = back;
        match written {
            Ok(n) => {
                for (msg, _) in &batch {
                    if let Err(e) = msg.double_ack().await {
                        tracing::warn!(error = %e, "ack failed; the record will be redelivered and upserted again");
                    }
                }
                metrics::counter!(m::INDEX_ARTICLES.name).increment(n);
                metrics::gauge!(m::INDEX_UP.name).set(1.0);
                health.set_index_error(None);
                retry = RETRY_FIRST;
            }
            Err(e) => {
                tracing::error!(index = %target.describe(), error = %e, "index write failed; the records will be redelivered");
                metrics::counter!(m::INDEX_ERRORS.name).increment(1);
                metrics::gauge!(m::INDEX_UP.name).set(0.0);
                health.set_index_error(Some(e.to_string()));
                for (msg, _) in &batch {
                    let _ = msg.ack_with(AckKind::Nak(Some(retry))).await;
                }
                store = None;
                tokio::time::sleep(retry).await;
                retry = (retry * 2).min(RETRY_MAX);
            }
        }
        // The lag: records the stream holds that this indexer has not taken.
        if let Ok(info) = consumer.info().await {
            metrics::gauge!(m::INDEX_LAG.name).set(info.num_pending as f64);
            health.set_index_lag(info.num_pending);
        }
    }
    let _ = stop_http.send(());
    Ok(())
}

/// Writes one batch on a blocking thread (the database calls block),
/// opening the index first if needed; gives the connection back.
async fn write(
    store: Option<Store>,
    target: Target,
    stories: Settings,
    sets: Vec<RowSet>,
    origin: String,
    last: u64,
) -> (Option<Store>, Result<u64, IndexError>) {
    let joined = tokio::task::spawn_blocking(move || {
        let mut store = match store {
            Some(s) => s,
            None => match Store::writer(&target, &stories) {
                Ok(s) => s,
                Err(e) => return (None, Err(e)),
            },
        };
        let n = sets.len() as u64;
        let result = store
            .write(&sets, &[])
            .and_then(|()| store.set_state(&origin, &last.to_string()))
            .map(|()| n);
        (Some(store), result)
    })
    .await;
    match joined {
        Ok(out) => out,
        Err(e) => (
            None,
            Err(IndexError::Query(format!("index writer panicked: {e}"))),
        ),
    }
}

/// Resolves on SIGINT or SIGTERM.
async fn stop_signal() {
    let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(s) => s,
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
            return;
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}
