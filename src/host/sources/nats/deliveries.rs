//! How many times this worker has been handed each article, so the decision
//! to give one up does not rest on the server's count alone.
//!
//! Under load the server has been seen to start a message's delivery count
//! over (an article nak'ed twice came back a third time saying `delivered 1`)
//! while its own `max_deliver` still stopped redelivering it: a worker that
//! trusted that count never dead-lettered the article, and it stayed unacked
//! for good. Counting here as well, and taking the larger of the two counts,
//! gives the article up on the delivery the server means to be its last.

use std::collections::BTreeMap;

/// Deliveries seen per stream sequence, forgotten once a message is acked or
/// dead-lettered. Bounded: past `capacity` the oldest messages (lowest
/// sequence) are forgotten first — they are the ones another worker most
/// likely finished long ago.
pub(super) struct Deliveries {
    seen: BTreeMap<u64, i64>,
    capacity: usize,
}

impl Deliveries {
    /// An empty count holding at most `capacity` messages (at least one).
    pub(super) fn new(capacity: usize) -> Self {
        Deliveries {
            seen: BTreeMap::new(),
            capacity: capacity.max(1),
        }
    }

    /// Counts one delivery of the message at `sequence`, of which the server
    /// says it is delivery number `server`, and returns the delivery number to
    /// act on: never less than the server's, and one more than the last this
    /// worker saw of the same message.
    pub(super) fn count(&mut self, sequence: u64, server: i64) -> i64 {
        let n = self.seen.entry(sequence).or_insert(0);
        *n = n.saturating_add(1).max(server);
        let counted = *n;
        while self.seen.len() > self.capacity {
            self.seen.pop_first();
        }
        counted
    }

    /// How many deliveries of the message at `sequence` this worker has
    /// counted (0 for one it does not know).
    pub(super) fn seen(&self, sequence: u64) -> i64 {
        self.seen.get(&sequence).copied().unwrap_or(0)
    }

    /// Forgets a message that will not be delivered again.
    pub(super) fn forget(&mut self, sequence: u64) {
        self.seen.remove(&sequence);
    }

    /// How many messages are being counted.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.seen.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_the_server_starts_over_does_not_start_over_here() {
        let mut d = Deliveries::new(16);
        assert_eq!(d.count(2, 1), 1);
        assert_eq!(d.count(2, 2), 2);
        // The server says 1 again; this is the third time.
        assert_eq!(d.count(2, 1), 3);
        assert_eq!(d.seen(2), 3);
        assert_eq!(d.seen(9), 0);
    }

    #[test]
    fn the_server_count_wins_when_it_is_ahead() {
        // Other workers had the first four deliveries.
        let mut d = Deliveries::new(16);
        assert_eq!(d.count(7, 5), 5);
        assert_eq!(d.count(7, 6), 6);
    }

    #[test]
    fn messages_are_counted_apart_and_forgotten() {
        let mut d = Deliveries::new(16);
        assert_eq!(d.count(1, 1), 1);
        assert_eq!(d.count(2, 1), 1);
        d.forget(1);
        assert_eq!(d.count(1, 1), 1);
        assert_eq!(d.count(2, 1), 2);
    }

    #[test]
    fn the_oldest_are_forgotten_past_capacity() {
        let mut d = Deliveries::new(3);
        for seq in 1..=5 {
            d.count(seq, 1);
        }
        assert_eq!(d.len(), 3);
        // 1 and 2 were forgotten; 5 is still counted.
        assert_eq!(d.count(1, 1), 1);
        assert_eq!(d.count(5, 1), 2);
    }
}
