//! Connecting to NATS and making sure the streams and the consumer exist
//! with the configured settings — created if missing, checked if present: a
//! mismatch is a clear error, never a silent change to a shared cluster.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, bail};
use async_nats::Event;
use async_nats::jetstream::{self, consumer, stream};

use crate::config::NatsConfig;
use crate::telemetry::Health;
use crate::telemetry::catalogue as m;

/// Connects, retrying in the background until a server answers. While the
/// connection is down, `health` says not ready (the client reconnects by
/// itself; nothing here has to notice a failed request first).
pub async fn connect(cfg: &NatsConfig, health: &Arc<Health>) -> anyhow::Result<jetstream::Context> {
    let events = health.clone();
    let mut options = async_nats::ConnectOptions::new()
        .name("wirewatch")
        .retry_on_initial_connect()
        .connection_timeout(Duration::from_secs(5))
        .require_tls(cfg.tls)
        .event_callback(move |event| {
            let health = events.clone();
            async move { on_event(&health, event) }
        });
    if !cfg.credentials.as_os_str().is_empty() {
        options = options
            .credentials_file(&cfg.credentials)
            .await
            .with_context(|| format!("nats.credentials {}", cfg.credentials.display()))?;
    }
    let servers: Vec<async_nats::ServerAddr> = cfg
        .servers
        .iter()
        .map(|s| {
            s.parse()
                .with_context(|| format!("nats.servers: {s:?} is not a server address"))
        })
        .collect::<anyhow::Result<_>>()?;
    let client = options
        .connect(servers)
        .await
        .with_context(|| format!("cannot connect to NATS at {}", cfg.servers.join(",")))?;
    Ok(jetstream::new(client))
}

/// Keeps readiness in step with the connection.
fn on_event(health: &Health, event: Event) {
    match event {
        Event::Connected => {
            tracing::info!("connected to NATS");
            health.set_connection_error(None);
        }
        Event::Disconnected => {
            tracing::warn!("disconnected from NATS; reconnecting");
            metrics::counter!(m::NATS_ERRORS.name, "op" => "connect").increment(1);
            health.set_connection_error(Some("NATS disconnected; reconnecting".into()));
        }
        Event::Closed => health.set_connection_error(Some("NATS connection closed".into())),
        other => tracing::debug!(event = %other, "NATS"),
    }
}

/// The articles stream: a work queue, so an article acked by one worker is gone.
pub async fn articles_stream(
    js: &jetstream::Context,
    cfg: &NatsConfig,
) -> anyhow::Result<stream::Stream> {
    let want = stream::Config {
        name: cfg.stream.clone(),
        subjects: vec![cfg.subject.clone()],
        retention: stream::RetentionPolicy::WorkQueue,
        num_replicas: cfg.replicas,
        duplicate_window: Duration::from_secs(cfg.duplicate_window_s),
        max_message_size: i32::try_from(cfg.max_payload_bytes + 64 * 1024).unwrap_or(i32::MAX),
        ..Default::default()
    };
    ensure_stream(js, want, "nats.stream").await
}

/// The records stream: every finished record, for other programs.
pub async fn records_stream(
    js: &jetstream::Context,
    cfg: &NatsConfig,
) -> anyhow::Result<stream::Stream> {
    let want = stream::Config {
        name: cfg.records_stream.clone(),
        subjects: vec![cfg.records_subject.clone()],
        retention: stream::RetentionPolicy::Limits,
        num_replicas: cfg.replicas,
        duplicate_window: Duration::from_secs(cfg.duplicate_window_s),
        ..Default::default()
    };
    ensure_stream(js, want, "nats.records_stream").await
}

async fn ensure_stream(
    js: &jetstream::Context,
    want: stream::Config,
    key: &str,
) -> anyhow::Result<stream::Stream> {
    match js.get_stream(&want.name).await {
        Ok(mut existing) => {
            let have = existing.info().await.context("stream info")?.config.clone();
            if have.subjects != want.subjects
                || have.retention != want.retention
                || have.num_replicas != want.num_replicas
                || have.duplicate_window != want.duplicate_window
            {
                bail!(
                    "{key}: stream {} exists with other settings (subjects {:?}, retention {:?}, replicas {}, duplicate window {:?}); \
                     expected subjects {:?}, retention {:?}, replicas {}, duplicate window {:?}. Fix the config or the stream.",
                    want.name,
                    have.subjects,
                    have.retention,
                    have.num_replicas,
                    have.duplicate_window,
                    want.subjects,
                    want.retention,
                    want.num_replicas,
                    want.duplicate_window
                );
            }
            Ok(existing)
        }
        Err(_) => js
            .create_stream(want.clone())
            .await
            .with_context(|| format!("{key}: cannot create stream {}", want.name)),
    }
}

/// The durable pull consumer all workers share.
pub async fn workers_consumer(
    stream: &stream::Stream,
    cfg: &NatsConfig,
) -> anyhow::Result<consumer::Consumer<consumer::pull::Config>> {
    let want = consumer::pull::Config {
        durable_name: Some(cfg.consumer.clone()),
        ack_policy: consumer::AckPolicy::Explicit,
        ack_wait: Duration::from_secs(cfg.ack_wait_s),
        max_deliver: cfg.max_deliver,
        ..Default::default()
    };
    match stream
        .get_consumer::<consumer::pull::Config>(&cfg.consumer)
        .await
    {
        Ok(mut existing) => {
            let have = existing
                .info()
                .await
                .context("consumer info")?
                .config
                .clone();
            if have.ack_wait != want.ack_wait || have.max_deliver != want.max_deliver {
                bail!(
                    "nats.consumer: consumer {} exists with ack_wait {:?} and max_deliver {}; expected {:?} and {} \
                     (nats.ack_wait_s, nats.max_deliver). Fix the config or delete the consumer.",
                    cfg.consumer,
                    have.ack_wait,
                    have.max_deliver,
                    want.ack_wait,
                    want.max_deliver
                );
            }
            Ok(existing)
        }
        Err(_) => stream
            .create_consumer(want)
            .await
            .with_context(|| format!("nats.consumer: cannot create consumer {}", cfg.consumer)),
    }
}
