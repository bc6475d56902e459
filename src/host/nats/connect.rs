//! Connecting to NATS and making sure the streams and the consumer exist
//! with the configured settings — created if missing, checked if present: a
//! mismatch is a clear error, never a silent change to a shared cluster.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_nats::Event;
use async_nats::jetstream::{self, consumer, stream};

use crate::config::NatsConfig;
use crate::telemetry::Health;
use crate::telemetry::labels::NatsOp;

/// Connects, retrying in the background until a server answers. While the
/// connection is down, `health` says not ready (the client reconnects by
/// itself; nothing here has to notice a failed request first).
pub(crate) async fn connect(
    cfg: &NatsConfig,
    health: &Arc<Health>,
) -> anyhow::Result<jetstream::Context> {
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
            NatsOp::Connect.count_error();
            health.set_connection_error(Some("NATS disconnected; reconnecting".into()));
        }
        Event::Closed => health.set_connection_error(Some("NATS connection closed".into())),
        other => tracing::debug!(event = %other, "NATS"),
    }
}

/// Why the streams or the consumer could not be made ready. A mismatch is
/// the operator's to fix, so it ends the program; anything else is the
/// server not answering yet, worth retrying.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SetupError {
    /// A stream exists with other settings than the configuration asks for.
    #[error(
        "{key}: stream {} exists with other settings (subjects {:?}, retention {:?}, replicas {}, duplicate window {:?}); \
         expected subjects {:?}, retention {:?}, replicas {}, duplicate window {:?}. Fix the config or the stream.",
        .want.name,
        .have.subjects,
        .have.retention,
        .have.num_replicas,
        .have.duplicate_window,
        .want.subjects,
        .want.retention,
        .want.num_replicas,
        .want.duplicate_window
    )]
    StreamMismatch {
        /// The configuration key naming the stream.
        key: &'static str,
        have: Box<stream::Config>,
        want: Box<stream::Config>,
    },
    /// The workers' consumer exists with other settings.
    #[error(
        "nats.consumer: consumer {name} exists with ack_wait {:?} and max_deliver {}; expected {:?} and {} \
         (nats.ack_wait_s, nats.max_deliver). Fix the config or delete the consumer.",
        .have.ack_wait,
        .have.max_deliver,
        .want.ack_wait,
        .want.max_deliver
    )]
    ConsumerMismatch {
        name: String,
        have: Box<consumer::Config>,
        want: Box<consumer::pull::Config>,
    },
    /// A request to the server failed (not connected yet, JetStream not ready…).
    #[error("{what}")]
    Request {
        what: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl SetupError {
    fn request(
        what: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> SetupError {
        SetupError::Request {
            what: what.into(),
            source: Box::new(source),
        }
    }

    /// A setting differs from the configuration: retrying cannot help.
    pub(crate) fn is_mismatch(&self) -> bool {
        matches!(
            self,
            SetupError::StreamMismatch { .. } | SetupError::ConsumerMismatch { .. }
        )
    }
}

/// The articles stream: a work queue, so an article acked by one worker is gone.
pub(crate) async fn articles_stream(
    js: &jetstream::Context,
    cfg: &NatsConfig,
) -> Result<stream::Stream, SetupError> {
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
pub(crate) async fn records_stream(
    js: &jetstream::Context,
    cfg: &NatsConfig,
) -> Result<stream::Stream, SetupError> {
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
    key: &'static str,
) -> Result<stream::Stream, SetupError> {
    match js.get_stream(&want.name).await {
        Ok(mut existing) => {
            let have = existing
                .info()
                .await
                .map_err(|e| SetupError::request("stream info", e))?
                .config
                .clone();
            if have.subjects != want.subjects
                || have.retention != want.retention
                || have.num_replicas != want.num_replicas
                || have.duplicate_window != want.duplicate_window
            {
                return Err(SetupError::StreamMismatch {
                    key,
                    have: Box::new(have),
                    want: Box::new(want),
                });
            }
            Ok(existing)
        }
        Err(_) => js.create_stream(want.clone()).await.map_err(|e| {
            SetupError::request(format!("{key}: cannot create stream {}", want.name), e)
        }),
    }
}

/// The durable pull consumer all workers share.
pub(crate) async fn workers_consumer(
    stream: &stream::Stream,
    cfg: &NatsConfig,
) -> Result<consumer::Consumer<consumer::pull::Config>, SetupError> {
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
                .map_err(|e| SetupError::request("consumer info", e))?
                .config
                .clone();
            if have.ack_wait != want.ack_wait || have.max_deliver != want.max_deliver {
                return Err(SetupError::ConsumerMismatch {
                    name: cfg.consumer.clone(),
                    have: Box::new(have),
                    want: Box::new(want),
                });
            }
            Ok(existing)
        }
        Err(_) => stream.create_consumer(want).await.map_err(|e| {
            SetupError::request(
                format!("nats.consumer: cannot create consumer {}", cfg.consumer),
                e,
            )
        }),
    }
}
