//! The pipeline's bounded queues (jobs to the workers, completions to the
//! committer): a mutex, a deque and condition variables. Whoever waits,
//! sleeps in the kernel until it is woken — an idle worker or committer
//! costs nothing, where a spinning channel yields the CPU over and over
//! before it sleeps (several `sched_yield` calls per article).
//!
//! Waking costs a system call and a context switch, so a queue wakes only
//! who needs it: nobody when nobody sleeps; a sender blocked on a full
//! queue once half of it is free again (not at every item taken); and a
//! receiver gathering a group ([`Receiver::recv_until`]) once the group is
//! complete or its deadline passes (not at every item that arrives).

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

/// A queue of at most `capacity` items between any number of senders and
/// receivers. Receiving ends once every sender is gone and the queue is
/// empty; sending fails once every receiver is gone.
pub(crate) fn bounded<T>(capacity: usize) -> (Sender<T>, Receiver<T>) {
    let capacity = capacity.max(1);
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            items: VecDeque::with_capacity(capacity),
            senders: 1,
            receivers: 1,
            idle_receivers: 0,
            gather_at: None,
            blocked_senders: 0,
        }),
        capacity,
        not_empty: Condvar::new(),
        gathered: Condvar::new(),
        not_full: Condvar::new(),
    });
    (
        Sender {
            shared: shared.clone(),
        },
        Receiver { shared },
    )
}

struct State<T> {
    items: VecDeque<T>,
    senders: usize,
    receivers: usize,
    /// Receivers asleep in [`Receiver::recv`], waiting for any item.
    idle_receivers: usize,
    /// The queue length that completes the group of a receiver asleep in
    /// [`Receiver::recv_until`] (the smallest, when several gather).
    gather_at: Option<usize>,
    /// Senders asleep in [`Sender::send`] on a full queue.
    blocked_senders: usize,
}

struct Shared<T> {
    state: Mutex<State<T>>,
    capacity: usize,
    /// Idle receivers sleep here.
    not_empty: Condvar,
    /// Gathering receivers sleep here.
    gathered: Condvar,
    /// Senders on a full queue sleep here.
    not_full: Condvar,
}

impl<T> Shared<T> {
    /// The state, also after another thread panicked holding it (the deque
    /// stays consistent: every change to it is a single push or pop).
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// After an item was queued: wakes an idle receiver, or a gatherer
    /// whose group the queue now completes.
    fn pushed(&self, state: MutexGuard<'_, State<T>>) {
        let idle = state.idle_receivers > 0;
        let gathered = state.gather_at.is_some_and(|n| state.items.len() >= n);
        drop(state);
        if idle {
            self.not_empty.notify_one();
        }
        if gathered {
            self.gathered.notify_all();
        }
    }

    /// After items were taken: wakes the blocked senders once at most half
    /// the queue is in use, so a producer that runs ahead refills it in
    /// one go instead of being woken for every item.
    fn taken(&self, state: MutexGuard<'_, State<T>>) {
        let wake = state.blocked_senders > 0 && state.items.len() <= self.capacity / 2;
        drop(state);
        if wake {
            self.not_full.notify_all();
        }
    }
}

/// Why [`Sender::try_send`] gave the item back.
pub(crate) enum TrySendError<T> {
    /// The queue is full.
    Full(T),
    /// Every receiver is gone.
    Disconnected(T),
}

/// The sending end; clone it for more senders.
pub(crate) struct Sender<T> {
    shared: Arc<Shared<T>>,
}

impl<T> Sender<T> {
    /// Queues `item`, sleeping while the queue is full (back-pressure).
    /// Gives the item back once every receiver is gone.
    pub(crate) fn send(&self, item: T) -> Result<(), T> {
        let mut state = self.shared.lock();
        loop {
            if state.receivers == 0 {
                return Err(item);
            }
            if state.items.len() < self.shared.capacity {
                state.items.push_back(item);
                self.shared.pushed(state);
                return Ok(());
            }
            state.blocked_senders += 1;
            state = self
                .shared
                .not_full
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            state.blocked_senders -= 1;
        }
    }

    /// Queues `item` if there is room now.
    pub(crate) fn try_send(&self, item: T) -> Result<(), TrySendError<T>> {
        let mut state = self.shared.lock();
        if state.receivers == 0 {
            return Err(TrySendError::Disconnected(item));
        }
        if state.items.len() >= self.shared.capacity {
            return Err(TrySendError::Full(item));
        }
        state.items.push_back(item);
        self.shared.pushed(state);
        Ok(())
    }

    /// Items waiting in the queue.
    pub(crate) fn len(&self) -> usize {
        self.shared.lock().items.len()
    }
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        self.shared.lock().senders += 1;
        Sender {
            shared: self.shared.clone(),
        }
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        let last = {
            let mut state = self.shared.lock();
            state.senders -= 1;
            state.senders == 0
        };
        if last {
            self.shared.not_empty.notify_all();
            self.shared.gathered.notify_all();
        }
    }
}

/// The receiving end; clone it for more receivers.
pub(crate) struct Receiver<T> {
    shared: Arc<Shared<T>>,
}

impl<T> Receiver<T> {
    /// The next item, sleeping while the queue is empty; none once it is
    /// empty and every sender is gone.
    pub(crate) fn recv(&self) -> Option<T> {
        let mut state = self.shared.lock();
        loop {
            if let Some(item) = state.items.pop_front() {
                self.shared.taken(state);
                return Some(item);
            }
            if state.senders == 0 {
                return None;
            }
            state.idle_receivers += 1;
            state = self
                .shared
                .not_empty
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            state.idle_receivers -= 1;
        }
    }

    /// Moves queued items into `into` until it holds `max`, sleeping until
    /// `deadline` for more while it holds fewer (and some sender is left).
    /// Asleep, it is woken once enough items are queued to complete the
    /// group, or at the deadline.
    pub(crate) fn recv_until(&self, into: &mut Vec<T>, max: usize, deadline: Instant) {
        let mut state = self.shared.lock();
        loop {
            let room = max.saturating_sub(into.len());
            let n = room.min(state.items.len());
            into.extend(state.items.drain(..n));
            let now = Instant::now();
            if into.len() >= max || state.senders == 0 || now >= deadline {
                self.shared.taken(state);
                return;
            }
            if n > 0 {
                // The queue is empty now: senders blocked on it may go on.
                let wake = state.blocked_senders > 0;
                if wake {
                    self.shared.not_full.notify_all();
                }
            }
            let need = max - into.len();
            state.gather_at = Some(state.gather_at.map_or(need, |g| g.min(need)));
            state = self
                .shared
                .gathered
                .wait_timeout(state, deadline - now)
                .map(|(state, _)| state)
                .unwrap_or_else(|e| e.into_inner().0);
            state.gather_at = None;
        }
    }

    /// Items waiting in the queue.
    pub(crate) fn len(&self) -> usize {
        self.shared.lock().items.len()
    }
}

impl<T> Clone for Receiver<T> {
    fn clone(&self) -> Self {
        self.shared.lock().receivers += 1;
        Receiver {
            shared: self.shared.clone(),
        }
    }
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        let last = {
            let mut state = self.shared.lock();
            state.receivers -= 1;
            state.receivers == 0
        };
        if last {
            self.shared.not_full.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn items_arrive_in_order_and_receiving_ends_with_the_last_sender() {
        let (tx, rx) = bounded(2);
        let feeder = std::thread::spawn(move || {
            for i in 0..100 {
                assert!(tx.send(i).is_ok());
            }
        });
        let got: Vec<i32> = std::iter::from_fn(|| rx.recv()).collect();
        feeder.join().expect("feeder");
        assert_eq!(got, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn a_full_queue_refuses_try_send_and_a_closed_one_refuses_send() {
        let (tx, rx) = bounded(1);
        assert!(tx.try_send(1).is_ok());
        assert!(matches!(tx.try_send(2), Err(TrySendError::Full(2))));
        assert_eq!(tx.len(), 1);
        drop(rx);
        assert_eq!(tx.send(3), Err(3));
        assert!(matches!(tx.try_send(4), Err(TrySendError::Disconnected(4))));
    }

    #[test]
    fn recv_until_takes_what_is_queued_up_to_max_then_waits_for_the_deadline() {
        let (tx, rx) = bounded(8);
        for i in 0..5 {
            assert!(tx.send(i).is_ok());
        }
        let mut group = Vec::new();
        rx.recv_until(&mut group, 3, Instant::now() + Duration::from_secs(60));
        assert_eq!(group, vec![0, 1, 2]);
        let t0 = Instant::now();
        let mut group = Vec::new();
        rx.recv_until(&mut group, 10, t0 + Duration::from_millis(30));
        assert_eq!(group, vec![3, 4]);
        assert!(t0.elapsed() >= Duration::from_millis(30));
        drop(tx);
        let mut group = Vec::new();
        rx.recv_until(&mut group, 10, Instant::now() + Duration::from_secs(60));
        assert!(group.is_empty(), "returns at once when no sender is left");
    }

    #[test]
    fn a_gathering_receiver_wakes_when_its_group_is_complete_not_at_the_deadline() {
        let (tx, rx) = bounded(16);
        let t0 = Instant::now();
        let feeder = std::thread::spawn(move || {
            for i in 0..8 {
                std::thread::sleep(Duration::from_millis(2));
                assert!(tx.send(i).is_ok());
            }
            tx
        });
        let mut group = Vec::new();
        rx.recv_until(&mut group, 8, t0 + Duration::from_secs(60));
        assert_eq!(group, (0..8).collect::<Vec<_>>());
        assert!(t0.elapsed() < Duration::from_secs(30), "woken by the group");
        drop(feeder.join().expect("feeder"));
    }

    #[test]
    fn blocked_senders_and_many_receivers_move_every_item_once() {
        let (tx, rx) = bounded(4);
        let senders: Vec<_> = (0..3)
            .map(|s| {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    for i in 0..500 {
                        assert!(tx.send(s * 1000 + i).is_ok());
                    }
                })
            })
            .collect();
        drop(tx);
        let receivers: Vec<_> = (0..3)
            .map(|_| {
                let rx = rx.clone();
                std::thread::spawn(move || std::iter::from_fn(|| rx.recv()).collect::<Vec<_>>())
            })
            .collect();
        let mut gathered = Vec::new();
        loop {
            let mut group = Vec::new();
            rx.recv_until(&mut group, 7, Instant::now() + Duration::from_millis(5));
            if group.is_empty() && rx.len() == 0 {
                break;
            }
            gathered.extend(group);
        }
        for s in senders {
            s.join().expect("sender");
        }
        let mut all: Vec<i32> = receivers
            .into_iter()
            .flat_map(|r| r.join().expect("receiver"))
            .chain(gathered)
            .collect();
        all.sort_unstable();
        let want: Vec<i32> = (0..3)
            .flat_map(|s| (0..500).map(move |i| s * 1000 + i))
            .collect();
        assert_eq!(all, want);
    }

    #[test]
    fn a_blocked_sender_wakes_when_a_receiver_takes_an_item() {
        let (tx, rx) = bounded(1);
        assert!(tx.send(0).is_ok());
        let sender = std::thread::spawn(move || tx.send(1).is_ok());
        assert_eq!(rx.recv(), Some(0));
        assert!(sender.join().expect("sender"));
        assert_eq!(rx.recv(), Some(1));
        assert_eq!(rx.recv(), None);
    }
}
