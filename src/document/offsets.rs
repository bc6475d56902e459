//! Byte offsets → code-point offsets. Parsing works in bytes (Rust strings);
//! records speak code points, which is what consumers in most languages index by.

const STRIDE: usize = 256;

/// Answers "how many characters precede byte `b`" in O(STRIDE) after an O(n)
/// pass, without a per-byte table.
pub(crate) struct CharOffsets<'a> {
    bytes: &'a [u8],
    checkpoints: Vec<usize>,
    ascii: bool,
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            let mut count = 0usize;
            for chunk in bytes.chunks(STRIDE) {
                checkpoints.push(count);
                count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
            }
            checkpoints.push(count);
        }
        CharOffsets {
            bytes,
            checkpoints,
            ascii,
        }
    }

    /// Code-point offset of byte offset `b` (a char boundary, at most the length).
    pub(crate) fn char_at(&self, b: usize) -> usize {
        let b = b.min(self.bytes.len());
        if self.ascii {
            return b;
        }
        let k = b / STRIDE;
        self.checkpoints[k]
            + self.bytes[k * STRIDE..b]
                .iter()
                .filter(|&&x| !is_continuation(x))
                .count()
    }

    pub(crate) fn span(&self, r: &std::ops::Range<usize>) -> [usize; 2] {
        [self.char_at(r.start), self.char_at(r.end)]
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices() {
        let text = "aé£€𝄞b".repeat(200);
        let offsets = CharOffsets::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_at(bi), ci);
        }
        assert_eq!(offsets.char_at(text.len()), text.chars().count());
    }
}
