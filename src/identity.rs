//! Identity is content, not inode or name: hashes that decide what counts as
//! the same article.

/// BLAKE3 of the raw file bytes, hex: the key of the ledger.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Record id: the first 128 bits of the BLAKE3 of the normalized body, so the
/// same text in another encoding or with other line endings has the same id.
pub(crate) fn record_id(body: &str) -> String {
    let hex = blake3::hash(body.as_bytes()).to_hex();
    hex[..32].to_string()
}
