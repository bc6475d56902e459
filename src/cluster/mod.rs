//! Beyond one machine: the same pipeline on NATS JetStream. `ingest` watches
//! a folder exactly as the daemon does and publishes each settled article to
//! a work-queue stream (content hash as `Nats-Msg-Id`, so the stream drops
//! re-publishes); `work` pulls articles, runs the unchanged pipeline, and acks
//! only after the record is durable. The extraction code does not know which
//! of the two it runs under.

pub mod connect;
pub mod ingest;
pub mod publish;
pub mod work;

/// Message headers that carry what the file system said about an article.
pub mod headers {
    /// Path relative to the ingester's watched folder.
    pub const PATH: &str = "Wirewatch-Path";
    /// Modification time, nanoseconds since the Unix epoch.
    pub const MTIME_NS: &str = "Wirewatch-Mtime-Ns";
    /// Set when the content is in the object store under this name.
    pub const OBJECT: &str = "Wirewatch-Object";
    /// Content hash of the article (also the message id).
    pub const HASH: &str = "Wirewatch-Hash";
}

/// Object-store bucket for articles larger than `nats.max_payload_bytes`.
pub fn object_bucket(stream: &str) -> String {
    format!("{stream}_LARGE")
}
