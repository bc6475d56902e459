//! The NATS work queue as a source (`wirewatch work`): pull articles from
//! the work-queue stream and run them through the same pipeline as the
//! daemon (workers, group commit, records, ledger, quarantine). A message is acked only once its record is durable
//! and published to the records stream; a failure naks it for redelivery,
//! and an article delivered `nats.max_deliver` times is dead-lettered to the
//! quarantine instead of being tried again. A large article's bytes are
//! deleted from the object store once its message is acked.

mod deliveries;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use async_nats::jetstream::{self, AckKind};
use crossbeam_channel::Receiver;
use futures_util::StreamExt;
use futures_util::future::join_all;

use self::deliveries::Deliveries;
use super::{Feed, Source};
use crate::config::NatsConfig;
use crate::document::feed::FeedItem;
use crate::host::nats::connect::SetupError;
use crate::host::nats::{ObjectError, delete_object, fetch_object, headers, unhex};
use crate::host::{Shutdown, Submitter};
use crate::pipeline::events::ArticleFinished;
use crate::pipeline::{Context, Done, Job, Outcome, Summary};
use crate::sink::quarantine::{Payload, Reason};
use crate::telemetry::Health;
use crate::telemetry::catalogue as m;
use crate::telemetry::labels::{NatsOp, QuarantineReason, Stage};

/// How long one fetch waits for messages before the loop looks around.
const FETCH_EXPIRES: Duration = Duration::from_millis(250);
/// Longest pause between retries while NATS is unreachable.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// Delay before a nak'ed article is redelivered.
const NAK_DELAY: Duration = Duration::from_secs(1);
/// Most messages whose deliveries one worker keeps counting (see
/// `deliveries`): far more than are ever in flight or waiting out a nak.
const COUNTED_MAX: usize = 65_536;

/// The work queue: articles pulled from JetStream until shutdown.
pub(crate) struct WorkQueue;

impl Source for WorkQueue {
    fn run(&mut self, feed: Feed) -> anyhow::Result<()> {
        let config = &feed.config;
        tracing::info!(servers = %config.nats.servers.join(","), consumer = %config.nats.consumer,
            out = %config.output.dir.display(), workers = config.workers(), "wirewatch worker started");
        let in_flight_max = config
            .pipeline
            .queue_capacity
            .min(config.nats.fetch_batch * 2)
            .max(1);
        let feeder = Feeder {
            cfg: config.nats.clone(),
            jobs: feed.jobs,
            done: feed.done,
            shutdown: feed.shutdown,
            ctx: feed.ctx,
            health: feed.health,
            in_flight: HashMap::new(),
            deliveries: Deliveries::new(COUNTED_MAX),
            next_ticket: 0,
            in_flight_max,
        };
        feed.runtime.block_on(feeder.run())
    }

    fn stopped(&self, summary: &Summary, _drain: Duration) {
        tracing::info!(
            files = summary.files,
            ok = summary.ok,
            failed = summary.failed,
            "wirewatch worker stopped"
        );
    }
}

struct Feeder {
    cfg: NatsConfig,
    jobs: Submitter,
    done: Receiver<Done>,
    shutdown: Shutdown,
    ctx: Arc<Context>,
    health: Arc<Health>,
    in_flight: HashMap<u64, jetstream::Message>,
    deliveries: Deliveries,
    next_ticket: u64,
    in_flight_max: usize,
}

impl Feeder {
    async fn run(mut self) -> anyhow::Result<()> {
        let js = crate::host::nats::connect::connect(&self.cfg, &self.health).await?;
        let (consumer, js) = loop {
            match self.setup(&js).await {
                Ok(c) => break (c, js),
                Err(e) if e.is_mismatch() => return Err(e.into()),
                Err(e) => {
                    let e = anyhow::Error::from(e);
                    tracing::warn!(error = %format!("{e:#}"), "NATS not ready; retrying");
                    NatsOp::Connect.count_error();
                    if self.stopping() {
                        return Ok(());
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        };
        self.health.set_scanned();
        let mut backoff = Duration::from_millis(100);
        loop {
            self.finish_done(&js).await;
            if self.stopping() {
                break;
            }
            let room = self.in_flight_max.saturating_sub(self.in_flight.len());
            if room == 0 {
                tokio::time::sleep(Duration::from_millis(2)).await;
                continue;
            }
            let batch = consumer
                .fetch()
                .max_messages(room.min(self.cfg.fetch_batch))
                .expires(FETCH_EXPIRES)
                .messages()
                .await;
            match batch {
                Ok(mut messages) => {
                    while let Some(message) = messages.next().await {
                        match message {
                            Ok(msg) => self.accept(&js, msg).await,
                            Err(e) => {
                                NatsOp::Fetch.count_error();
                                tracing::debug!(error = %e, "fetch");
                            }
                        }
                    }
                    backoff = Duration::from_millis(100);
                }
                Err(e) => {
                    // Readiness follows the connection (see connect::connect);
                    // the output error belongs to the committer.
                    NatsOp::Fetch.count_error();
                    tracing::warn!(error = %e, "cannot fetch from NATS; retrying");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
        // Drain: every job handed to the pipeline is finished and acked (or
        // left unacked for redelivery if the deadline passes).
        let deadline = self
            .shutdown
            .deadline()
            .unwrap_or_else(|| Instant::now() + self.shutdown.timeout());
        while !self.in_flight.is_empty() && Instant::now() < deadline {
            self.finish_done(&js).await;
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        Ok(())
    }

    async fn setup(
        &self,
        js: &jetstream::Context,
    ) -> Result<jetstream::consumer::Consumer<jetstream::consumer::pull::Config>, SetupError> {
        use crate::host::nats::connect::{articles_stream, records_stream, workers_consumer};
        let stream = articles_stream(js, &self.cfg).await?;
        records_stream(js, &self.cfg).await?;
        workers_consumer(&stream, &self.cfg).await
    }

    fn stopping(&self) -> bool {
        self.shutdown.is_shutdown()
    }

    /// Turns one message into a job (or dead-letters it).
    async fn accept(&mut self, js: &jetstream::Context, msg: jetstream::Message) {
        let (server, sequence, pending) = match msg.info() {
            Ok(info) => (info.delivered, Some(info.stream_sequence), info.pending),
            Err(_) => (1, None, 0),
        };
        let delivered = match sequence {
            Some(sequence) => self.deliveries.count(sequence, server),
            None => server,
        };
        metrics::gauge!(m::NATS_PENDING.name).set(pending as f64);
        if delivered > 1 {
            metrics::counter!(m::NATS_REDELIVERED.name).increment(1);
        }
        let header = |name: &str| {
            msg.headers
                .as_ref()
                .and_then(|h| h.get(name))
                .map(|v| v.as_str().to_string())
        };
        let rel = header(headers::PATH)
            .and_then(|h| unhex(&h))
            .map(crate::sink::path_from_key)
            .unwrap_or_else(|| {
                PathBuf::from(format!(
                    "message-{}",
                    header(headers::HASH).unwrap_or_default()
                ))
            });
        let object = object_name(&msg);
        tracing::debug!(path = %rel.display(), delivered, server, "delivery");
        if delivered >= self.cfg.max_deliver {
            // Decided before reading the object: an article whose bytes cannot
            // be read must end here too, not be nak'ed past its last delivery
            // and sit in the queue for good.
            let payload = match &object {
                Some(name) => fetch_object(js, &self.cfg, name).await,
                None => Ok(msg.payload.to_vec()),
            };
            self.dead_letter(js, &msg, &rel, payload, delivered).await;
            if let Some(sequence) = sequence {
                self.deliveries.forget(sequence);
            }
            return;
        }
        let payload: Vec<u8> = match &object {
            Some(name) => match fetch_object(js, &self.cfg, name).await {
                Ok(bytes) => bytes,
                Err(e) => {
                    NatsOp::Object.count_error();
                    tracing::warn!(error = %e, path = %rel.display(), delivered, "cannot read large article from the object store; it will be delivered again");
                    let _ = msg.ack_with(AckKind::Nak(Some(NAK_DELAY))).await;
                    return;
                }
            },
            None => msg.payload.to_vec(),
        };
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        let mtime = header(headers::MTIME_NS)
            .and_then(|s| s.parse::<u64>().ok())
            .map(|ns| SystemTime::UNIX_EPOCH + Duration::from_nanos(ns));
        let mut job = Job::delivered(rel, mtime, payload, ticket);
        // A feed item's own date, id and title, as the ingester read them.
        if let Some(text) = header(headers::ITEM) {
            match serde_json::from_str::<FeedItem>(&text) {
                Ok(item) => job.item = Some(Arc::new(item)),
                Err(e) => {
                    tracing::warn!(error = %e, path = %job.rel.display(), "unreadable feed item header; the article is read without it");
                }
            }
        }
        self.in_flight.insert(ticket, msg);
        let jobs = self.jobs.clone();
        // The queue has room (in-flight is bounded below its capacity), so this never waits long.
        let _ = tokio::task::spawn_blocking(move || jobs.submit(job)).await;
    }

    /// Given up: quarantined with its bytes (or, when they cannot be read,
    /// with a reason saying so), removed from the queue, and its object
    /// deleted once the quarantine holds a copy.
    async fn dead_letter(
        &self,
        js: &jetstream::Context,
        msg: &jetstream::Message,
        rel: &std::path::Path,
        payload: Result<Vec<u8>, ObjectError>,
        delivered: i64,
    ) {
        let given_up = format!("delivered {delivered} times (nats.max_deliver) without finishing");
        let object = object_name(msg);
        let (detail, bytes) = match &payload {
            Ok(bytes) => (given_up, Payload::Bytes(bytes)),
            Err(e) => (
                format!(
                    "{given_up}; its bytes could not be read ({e}); whatever is left of them stays in object store bucket {} as {}",
                    crate::host::nats::object_bucket(&self.cfg.stream),
                    object.as_deref().unwrap_or_default()
                ),
                Payload::Nothing,
            ),
        };
        let reason = Reason {
            reason: QuarantineReason::DeadLetter,
            detail,
            stage: Stage::Work,
        };
        let shown = rel.to_string_lossy().into_owned();
        match self.ctx.quarantine.put(rel, &shown, bytes, &reason) {
            Ok(_) => {
                metrics::counter!(m::NATS_DEAD_LETTERED.name).increment(1);
                ArticleFinished {
                    path: &shown,
                    outcome: &Outcome::Quarantined {
                        reason: reason.reason,
                        detail: reason.detail,
                    },
                    delivered: Some(delivered),
                    ms: None,
                    quiet: false,
                }
                .emit();
                if msg.ack_with(AckKind::Term).await.is_err() {
                    NatsOp::Ack.count_error();
                } else if let (Some(name), Ok(_)) = (&object, &payload) {
                    delete_object(js, &self.cfg, name).await;
                }
            }
            Err(e) => tracing::error!(path = %shown, error = %e, "cannot dead-letter"),
        }
    }

    /// Acks (or naks) every message whose job the pipeline has committed.
    /// What the committer finished since the last call goes out together:
    /// every record is published before any confirmation is awaited, then
    /// every ack sent before any reply is awaited, so a group costs about
    /// two round trips to the server instead of two per article. Each
    /// article is still acked only after its own record is confirmed.
    async fn finish_done(&mut self, js: &jetstream::Context) {
        let mut retry = Vec::new();
        let mut finished = Vec::new();
        while let Ok(done) = self.done.try_recv() {
            let Some(msg) = done.ticket.and_then(|t| self.in_flight.remove(&t)) else {
                continue;
            };
            if done.retry {
                retry.push(msg);
                continue;
            }
            // A redelivered article may be unchanged (or a duplicate) here
            // only because an earlier delivery wrote its record but could not
            // publish it: publish this worker's record of that content again
            // (within nats.duplicate_window_s the records stream drops it if
            // it has it already).
            let redelivered = msg
                .info()
                .is_ok_and(|i| i.delivered > 1 || self.deliveries.seen(i.stream_sequence) > 1);
            let record = match done.record {
                Some(record) => Some(record),
                None if redelivered => self.existing_record(&msg),
                None => None,
            };
            finished.push((msg, record));
        }
        if retry.is_empty() && finished.is_empty() {
            return;
        }
        let this = &*self;
        let published = join_all(finished.iter().map(|(_, record)| async move {
            match record {
                Some(record) => this.publish_record(js, record).await,
                None => Ok(()),
            }
        }))
        .await;
        let mut acking = Vec::with_capacity(finished.len());
        for ((msg, _), result) in finished.into_iter().zip(published) {
            match result {
                Ok(()) => acking.push(msg),
                Err(e) => {
                    NatsOp::Records.count_error();
                    tracing::warn!(error = %format!("{e:#}"), "cannot publish record; the article will be redelivered");
                    retry.push(msg);
                }
            }
        }
        join_all(
            retry
                .iter()
                .map(|msg| msg.ack_with(AckKind::Nak(Some(NAK_DELAY)))),
        )
        .await;
        let acked = join_all(acking.iter().map(|msg| msg.double_ack())).await;
        for (msg, result) in acking.iter().zip(acked) {
            match result {
                Ok(()) => {
                    metrics::counter!(m::NATS_ACKED.name).increment(1);
                    if let Ok(info) = msg.info() {
                        self.deliveries.forget(info.stream_sequence);
                    }
                    if let Some(name) = object_name(msg) {
                        delete_object(js, &self.cfg, &name).await;
                    }
                }
                Err(e) => {
                    NatsOp::Ack.count_error();
                    tracing::warn!(error = %e, "ack failed; the article will be redelivered and its record adopted");
                }
            }
        }
    }

    /// The record this worker's ledger holds for a message's content, if any.
    fn existing_record(&self, msg: &jetstream::Message) -> Option<PathBuf> {
        let hash = msg.headers.as_ref()?.get(headers::HASH)?;
        let entry = self.ctx.ledger.content(hash.as_str()).ok()??;
        Some(self.ctx.records.root().join(entry.record))
    }

    /// Publishes a record, with its content hash as message id so a
    /// redelivered article does not publish its record twice.
    async fn publish_record(
        &self,
        js: &jetstream::Context,
        record: &std::path::Path,
    ) -> anyhow::Result<()> {
        let bytes = tokio::fs::read(record).await?;
        let value: serde_json::Value = serde_json::from_slice(&bytes)?;
        let hash = value["source"]["content_hash"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let mut h = async_nats::HeaderMap::new();
        h.insert(async_nats::header::NATS_MESSAGE_ID, hash.as_str());
        h.insert(headers::HASH, hash.as_str());
        let ack = js
            .publish_with_headers(self.cfg.records_subject.clone(), h, bytes.into())
            .await?;
        tokio::time::timeout(Duration::from_secs(10), ack).await??;
        Ok(())
    }
}

/// The object-store name of a large article's bytes, if the message has one.
fn object_name(msg: &jetstream::Message) -> Option<String> {
    let name = msg.headers.as_ref()?.get(headers::OBJECT)?;
    Some(name.as_str().to_string())
}
