//! The NATS sink (`ingest`): instead of extracting here, publish the
//! article's bytes to the work-queue stream and wait for the stream's ack.
//! The content hash is the message id, so the stream's duplicate window
//! drops a re-publish (after a crash between publish and ledger commit).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use async_nats::HeaderMap;
use async_nats::jetstream;

use crate::config::NatsConfig;
use crate::document::feed::FeedItem;
use crate::host::nats::{self, headers, hex};
use crate::pipeline::worker::{Delivery, Output, failed};
use crate::pipeline::{Completion, Context, Outcome};
use crate::sink::ledger::LedgerOp;
use crate::telemetry::Health;
use crate::telemetry::catalogue as m;
use crate::telemetry::labels::{ErrorType, NatsOp, Stage};

/// How long to wait for the stream to confirm a publish.
const ACK_TIMEOUT: Duration = Duration::from_secs(10);

/// Publishes articles to JetStream (see the module doc).
pub(crate) struct NatsOutput {
    runtime: tokio::runtime::Handle,
    js: jetstream::Context,
    cfg: NatsConfig,
}

impl NatsOutput {
    /// Connects and makes sure the articles stream exists as configured;
    /// `health` follows the connection from then on. Requests run on `runtime`.
    pub(crate) fn connect(
        cfg: &NatsConfig,
        health: &Arc<Health>,
        runtime: tokio::runtime::Handle,
    ) -> anyhow::Result<NatsOutput> {
        let js = runtime.block_on(async {
            let js = nats::connect::connect(cfg, health).await?;
            nats::connect::articles_stream(&js, cfg).await?;
            anyhow::Ok(js)
        })?;
        Ok(NatsOutput {
            runtime,
            js,
            cfg: cfg.clone(),
        })
    }

    async fn publish(
        &self,
        d: &Delivery<'_>,
        path_hex: String,
        mtime_ns: Option<i128>,
        item: Option<&FeedItem>,
    ) -> anyhow::Result<jetstream::publish::PublishAck> {
        let mut h = HeaderMap::new();
        h.insert(async_nats::header::NATS_MESSAGE_ID, d.hash);
        h.insert(headers::HASH, d.hash);
        h.insert(headers::PATH, path_hex.as_str());
        if let Some(ns) = mtime_ns {
            h.insert(headers::MTIME_NS, ns.to_string().as_str());
        }
        if let Some(item) = item {
            h.insert(headers::ITEM, serde_json::to_string(item)?.as_str());
        }
        let object =
            (d.bytes.len() as u64 > self.cfg.max_payload_bytes).then(|| object_name(d.hash));
        let payload = if let Some(name) = &object {
            // Too large for a message: the bytes go to the object store, the
            // message carries their name.
            let bucket = nats::object_bucket(&self.cfg.stream);
            let store = match self.js.get_object_store(&bucket).await {
                Ok(s) => s,
                Err(_) => {
                    self.js
                        .create_object_store(jetstream::object_store::Config {
                            bucket: bucket.clone(),
                            num_replicas: self.cfg.replicas,
                            ..Default::default()
                        })
                        .await?
                }
            };
            let mut reader = d.bytes;
            store.put(name.as_str(), &mut reader).await?;
            h.insert(headers::OBJECT, name.as_str());
            bytes::Bytes::new()
        } else {
            bytes::Bytes::copy_from_slice(d.bytes)
        };
        let ack = self
            .js
            .publish_with_headers(self.cfg.subject.clone(), h, payload)
            .await?;
        let ack = tokio::time::timeout(ACK_TIMEOUT, ack).await??;
        if let Some(name) = &object
            && ack.duplicate
        {
            // The stream dropped this message; the one it duplicates has an
            // object of its own, so these bytes belong to no message.
            nats::delete_object(&self.js, &self.cfg, name).await;
        }
        Ok(ack)
    }
}

/// A name no other message's object has: the content hash (for people
/// looking at the bucket) and what makes this publish unique. Were two
/// messages to share an object, the worker that acks the first would delete
/// the bytes the second still needs (same content published again after
/// the duplicate window, while the first copy is still queued).
fn object_name(hash: &str) -> String {
    static PUBLISHED: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = PUBLISHED.fetch_add(1, Ordering::Relaxed);
    format!("{hash}.{:x}.{nanos:x}.{n:x}", std::process::id())
}

impl Output for NatsOutput {
    fn deliver(
        &self,
        _ctx: &Context,
        c: &mut Completion,
        d: Delivery<'_>,
    ) -> Result<Outcome, Outcome> {
        let path_hex = hex(&d.key);
        let mtime_ns = c.job.mtime.and_then(crate::pipeline::job::mtime_ns);
        let item = c.job.item.as_deref();
        match self
            .runtime
            .block_on(self.publish(&d, path_hex, mtime_ns, item))
        {
            Ok(ack) => {
                let result = if ack.duplicate { "duplicate" } else { "new" };
                metrics::counter!(m::NATS_PUBLISHED.name, "result" => result).increment(1);
                let entry = d.path_entry(&c.job, d.previous_revision, "published");
                c.ops.push(LedgerOp::Path(d.key.clone(), entry));
                Ok(Outcome::Published {
                    sequence: ack.sequence,
                    duplicate: ack.duplicate,
                })
            }
            Err(e) => {
                NatsOp::Publish.count_error();
                Err(failed(
                    Stage::Write,
                    ErrorType::Nats,
                    format!("publish to NATS: {e:#}"),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_publish_of_the_same_content_gets_an_object_of_its_own() {
        let (a, b) = (object_name("abc123"), object_name("abc123"));
        assert_ne!(a, b);
        assert!(
            a.starts_with("abc123.") && b.starts_with("abc123."),
            "{a} {b}"
        );
    }
}
