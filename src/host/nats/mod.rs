//! What the NATS sink and source share. Beyond one machine the same
//! pipeline runs on NATS JetStream: `ingest` watches a folder exactly as the
//! daemon does and publishes each settled article to a work-queue stream
//! (content hash as `Nats-Msg-Id`, so the stream drops re-publishes; see
//! `host::sinks::nats`); `work` pulls articles, runs the unchanged pipeline,
//! and acks only after the record is durable (`host::sources::nats`). The
//! extraction code does not know which of the two it runs under.

pub(crate) mod connect;

use async_nats::jetstream::{self, context::ObjectStoreError, object_store};
use tokio::io::AsyncReadExt;

use crate::config::NatsConfig;
use crate::telemetry::labels::NatsOp;

/// Message headers that carry what the file system said about an article.
pub(crate) mod headers {
    /// Path relative to the ingester's watched folder.
    pub(crate) const PATH: &str = "Wirewatch-Path";
    /// Modification time, nanoseconds since the Unix epoch.
    pub(crate) const MTIME_NS: &str = "Wirewatch-Mtime-Ns";
    /// Set when the content is in the object store under this name.
    pub(crate) const OBJECT: &str = "Wirewatch-Object";
    /// Content hash of the article (also the message id).
    pub(crate) const HASH: &str = "Wirewatch-Hash";
    /// For an item of a feed: what the item states about itself (index,
    /// id, title, date, address, authors) as JSON; its text is the payload.
    pub(crate) const ITEM: &str = "Wirewatch-Item";
}

/// Object-store bucket for articles larger than `nats.max_payload_bytes`.
pub(crate) fn object_bucket(stream: &str) -> String {
    format!("{stream}_LARGE")
}

/// Why a large article's bytes could not be read from, or removed from, the
/// object store; shown in logs and in a dead letter's reason.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ObjectError {
    /// The bucket is missing or the server did not answer.
    #[error("object store bucket {bucket}: {error}")]
    Bucket {
        bucket: String,
        error: ObjectStoreError,
    },
    /// The object is missing (already deleted, or never stored).
    #[error("object {name} in the object store: {error}")]
    Get {
        name: String,
        error: object_store::GetError,
    },
    /// The object's chunks could not all be read.
    #[error("reading object {name} from the object store: {error}")]
    Read { name: String, error: std::io::Error },
    /// The object could not be marked deleted and its chunks purged.
    #[error("deleting object {name} from the object store: {error}")]
    Delete {
        name: String,
        error: object_store::DeleteError,
    },
}

async fn object_store(
    js: &jetstream::Context,
    cfg: &NatsConfig,
) -> Result<object_store::ObjectStore, ObjectError> {
    let bucket = object_bucket(&cfg.stream);
    js.get_object_store(&bucket)
        .await
        .map_err(|error| ObjectError::Bucket { bucket, error })
}

/// The bytes of the large article stored under `name`.
pub(crate) async fn fetch_object(
    js: &jetstream::Context,
    cfg: &NatsConfig,
    name: &str,
) -> Result<Vec<u8>, ObjectError> {
    let store = object_store(js, cfg).await?;
    let mut object = store.get(name).await.map_err(|error| ObjectError::Get {
        name: name.to_string(),
        error,
    })?;
    let mut bytes = Vec::new();
    object
        .read_to_end(&mut bytes)
        .await
        .map_err(|error| ObjectError::Read {
            name: name.to_string(),
            error,
        })?;
    Ok(bytes)
}

/// Removes a large article's bytes once no message needs them any more
/// (its article acked or dead-lettered, or a dropped duplicate's copy), so
/// the bucket does not grow with every large article ever published. A
/// failure is counted and logged: the bytes stay, nothing else is lost.
pub(crate) async fn delete_object(js: &jetstream::Context, cfg: &NatsConfig, name: &str) {
    let deleted = match object_store(js, cfg).await {
        Ok(store) => store
            .delete(name)
            .await
            .map_err(|error| ObjectError::Delete {
                name: name.to_string(),
                error,
            }),
        Err(e) => Err(e),
    };
    if let Err(e) = deleted {
        NatsOp::Object.count_error();
        tracing::warn!(error = %e, "cannot delete a large article from the object store; its bytes stay there");
    }
}

/// Lowercase hex of raw path bytes: exact for any file name, safe in a header.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of a [`hex`] string, if it is one.
pub(crate) fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let raw = b"odd\nname\xff.txt";
        assert_eq!(unhex(&hex(raw)).as_deref(), Some(&raw[..]));
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex("abc"), None);
    }
}
