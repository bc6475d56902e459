//! A small, fixed, fast hash (FxHash-style) for feature hashing and the
//! lexicon's maps. Fixed so a model trained today reads the same buckets on
//! every machine and every run; fast because it runs on every feature of
//! every word.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// One mixing step.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Feeds bytes into the hash, eight at a time.
#[inline]
pub(crate) fn feed(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(a));
    }
    mix(h, bytes.len() as u64)
}

/// Hash of a string.
#[inline]
pub(crate) fn of_str(s: &str) -> u64 {
    feed(0x9e37_79b9_7f4a_7c15, s.as_bytes())
}

/// Final avalanche, so the top bits of the result depend on every input bit.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// `std` hasher with the same function, for lookup-only maps (never iterated
/// into output, so its order does not matter).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = feed(self.0, bytes);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = mix(self.0, x);
    }
    fn write_u8(&mut self, x: u8) {
        self.0 = mix(self.0, u64::from(x));
    }
    fn write_usize(&mut self, x: usize) {
        self.0 = mix(self.0, x as u64);
    }
}

/// Builder for [`Fx`].
pub(crate) type FxBuild = BuildHasherDefault<Fx>;
/// A `HashMap` with [`Fx`].
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A `HashSet` with [`Fx`].
pub(crate) type FxSet<K> = std::collections::HashSet<K, FxBuild>;
