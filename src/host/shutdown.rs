//! Shutdown: one cloneable handle carrying the stop flag and the drain
//! deadline. Sources stop taking new work once it is set; workers leave jobs
//! for the next start once its deadline has passed; the host decides how the
//! process ends.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};

/// The stop flag and drain deadline every part of a run shares.
#[derive(Clone)]
pub(crate) struct Shutdown {
    inner: Arc<Inner>,
}

struct Inner {
    /// How long the drain may take once shutdown begins (`pipeline.shutdown_timeout_s`).
    timeout: Duration,
    begun: AtomicBool,
    deadline: Mutex<Option<Instant>>,
    /// Dropped when shutdown begins, so `notified` fires in a `select!`.
    notify: Mutex<Option<Sender<()>>>,
    notified: Receiver<()>,
}

impl Shutdown {
    /// A shutdown not yet begun, whose drain may take `timeout`.
    pub(crate) fn new(timeout: Duration) -> Shutdown {
        let (notify, notified) = crossbeam_channel::bounded(0);
        Shutdown {
            inner: Arc::new(Inner {
                timeout,
                begun: AtomicBool::new(false),
                deadline: Mutex::new(None),
                notify: Mutex::new(Some(notify)),
                notified,
            }),
        }
    }

    /// Stops taking new work: sets the deadline `timeout` from now and
    /// wakes everyone waiting. Later calls change nothing.
    pub(crate) fn begin(&self) {
        if self.inner.begun.swap(true, Ordering::SeqCst) {
            return;
        }
        if let Ok(mut d) = self.inner.deadline.lock() {
            *d = Some(Instant::now() + self.inner.timeout);
        }
        if let Ok(mut n) = self.inner.notify.lock() {
            n.take();
        }
    }

    /// Whether shutdown has begun.
    pub(crate) fn is_shutdown(&self) -> bool {
        self.inner.begun.load(Ordering::SeqCst)
    }

    /// A channel that disconnects when shutdown begins: `recv` on it in a
    /// `select!` to wait for shutdown next to other work.
    pub(crate) fn notified(&self) -> Receiver<()> {
        self.inner.notified.clone()
    }

    /// How long the drain may take.
    pub(crate) fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// When the drain must be over, once shutdown has begun.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        self.inner.deadline.lock().ok().and_then(|d| *d)
    }

    /// Whether the drain deadline has passed: work not started by now is
    /// left for the next start.
    pub(crate) fn past_deadline(&self) -> bool {
        self.deadline().is_some_and(|d| Instant::now() > d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn begin_sets_the_flag_the_deadline_and_wakes_waiters() {
        let shutdown = Shutdown::new(Duration::from_secs(30));
        let notified = shutdown.notified();
        assert!(!shutdown.is_shutdown());
        assert!(shutdown.deadline().is_none());
        assert!(notified.try_recv().is_err_and(|e| e.is_empty()));
        shutdown.clone().begin();
        assert!(shutdown.is_shutdown());
        assert!(shutdown.deadline().is_some());
        assert!(!shutdown.past_deadline());
        assert!(notified.try_recv().is_err_and(|e| e.is_disconnected()));
        assert!(shutdown.notified().recv().is_err());
    }
}
