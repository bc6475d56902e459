//! The record's `fingerprint`: the near-duplicate sketch of the body
//! ([`crate::stories::fingerprint`]), hex-encoded.

use super::Fingerprint;
use crate::stories::fingerprint::Sketch;

/// The body's sketch; none for an empty body (a title alone).
pub(super) fn fingerprint(body: &str) -> Option<Fingerprint> {
    let sketch = Sketch::of(body)?;
    Some(Fingerprint {
        simhash: sketch.simhash_hex(),
        minhash: sketch.minhash_hex(),
    })
}
