//! The recognizer's weights: one row of [`NT`] weights per hashed feature,
//! stored as 16-bit integers with one scale (half the memory of floats, and
//! the tagger only compares sums), zlib-compressed on disk. The committed
//! model is embedded in the binary and decoded once, on first use.

use std::io::{Read as _, Write as _};
use std::sync::LazyLock;

use super::features::{BITS, ROWS};
use super::tagger::NT;

/// The committed model, trained by `wirewatch train-ner` on CoNLL-2003
/// English (research use), WikiGold and CrossNER politics (see docs/extraction.md).
const EMBEDDED: &[u8] = include_bytes!("../../../models/ner.bin");

const MAGIC: &[u8; 8] = b"WWNER01\n";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ModelError {
    #[error("not a wirewatch entity model (bad magic)")]
    Magic,
    #[error("model has {bits} feature bits and {tags} tags; this build expects {BITS} and {NT}")]
    Shape { bits: u32, tags: u32 },
    #[error("model data is truncated or corrupt: {0}")]
    Data(String),
}

/// Scores feature rows: the tagger's view of a weight table.
pub trait Weights {
    /// Adds the weights of every row in `rows` to `scores`.
    fn add(&self, rows: &[u32], scores: &mut [f32; NT]);
    /// Perceptron update (training only): rows' weights for `good` up,
    /// for `bad` down.
    fn update(&mut self, _rows: &[u32], _good: usize, _bad: usize) {}
}

/// A quantized weight table.
pub struct Model {
    weights: Vec<i16>,
    /// Float value of one integer step.
    pub(crate) scale: f32,
}

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::read(EMBEDDED).ok());

impl Model {
    /// The embedded model; `None` when the build carries none (an empty file).
    pub fn embedded() -> Option<&'static Model> {
        MODEL.as_ref()
    }

    /// A short fingerprint of the embedded model's bytes: a new model is a
    /// new extractor version, whose records `wirewatch reprocess` renews.
    pub(crate) fn embedded_fingerprint() -> String {
        crate::identity::content_hash(EMBEDDED)
            .chars()
            .take(12)
            .collect()
    }

    /// Error reading the embedded model, if any (for diagnostics).
    pub(crate) fn embedded_error() -> Option<ModelError> {
        Model::read(EMBEDDED).err()
    }

    /// Quantizes float weights (`ROWS × NT`).
    pub(crate) fn quantize(w: &[f32]) -> Model {
        let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        Model {
            weights: w
                .iter()
                .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect(),
            scale,
        }
    }

    /// The model file's bytes.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&(NT as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        let mut raw = Vec::with_capacity(self.weights.len() * 2);
        for w in &self.weights {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        let mut z = flate2::write::ZlibEncoder::new(out, flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = z.write_all(&raw);
        z.finish().unwrap_or_default()
    }

    /// Reads a model file.
    pub(crate) fn read(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(ModelError::Magic);
        }
        let u32_at =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let (bits, tags) = (u32_at(8), u32_at(12));
        if bits != BITS || tags as usize != NT {
            return Err(ModelError::Shape { bits, tags });
        }
        let scale = f32::from_bits(u32_at(16));
        let mut raw = Vec::with_capacity(ROWS * NT * 2);
        flate2::read::ZlibDecoder::new(&bytes[20..])
            .read_to_end(&mut raw)
            .map_err(|e| ModelError::Data(e.to_string()))?;
        if raw.len() != ROWS * NT * 2 {
            return Err(ModelError::Data(format!(
                "{} weight bytes, expected {}",
                raw.len(),
                ROWS * NT * 2
            )));
        }
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Model { weights, scale })
    }
}

impl Weights for Model {
    #[inline]
    fn add(&self, rows: &[u32], scores: &mut [f32; NT]) {
        let mut acc = [0i32; NT];
        for &r in rows {
            let base = r as usize * NT;
            if let Some(w) = self.weights.get(base..base + NT) {
                for t in 0..NT {
                    acc[t] += i32::from(w[t]);
                }
            }
        }
        for t in 0..NT {
            scores[t] += acc[t] as f32 * self.scale;
        }
    }
}

/// Float weights (training and evaluation of a model being trained).
pub(crate) struct Dense(pub(crate) Vec<f32>);

impl Weights for Dense {
    #[inline]
    fn add(&self, rows: &[u32], scores: &mut [f32; NT]) {
        for &r in rows {
            let base = r as usize * NT;
            if let Some(w) = self.0.get(base..base + NT) {
                for t in 0..NT {
                    scores[t] += w[t];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let mut w = vec![0f32; ROWS * NT];
        w[5] = 2.5;
        w[NT * 7 + 3] = -1.25;
        let m = Model::quantize(&w);
        let bytes = m.to_bytes();
        let back = Model::read(&bytes).expect("reads");
        let mut s = [0f32; NT];
        back.add(&[0, 7], &mut s);
        assert!((s[5] - 2.5).abs() < 1e-3);
        assert!((s[3] + 1.25).abs() < 1e-3);
        assert!(matches!(Model::read(b"nonsense"), Err(ModelError::Magic)));
        assert!(matches!(
            Model::read(&bytes[..40]),
            Err(ModelError::Data(_))
        ));
    }

    #[test]
    fn committed_model_loads() {
        let m = Model::embedded();
        assert!(m.is_some(), "models/ner.bin: {:?}", Model::embedded_error());
    }
}
