//! Job submission: the one way into the pipeline's queue, and so the one
//! place the in-flight gauge goes up (the committer brings it down).

use crate::pipeline::queue::{Sender, TrySendError};

use crate::pipeline::Job;
use crate::telemetry::catalogue as m;

/// What became of a job offered with [`Submitter::try_submit`].
pub(crate) enum Submitted {
    /// In the queue, counted in flight.
    Queued,
    /// The queue is full: the job is given back.
    Full(Job),
    /// The pipeline has stopped.
    Stopped,
}

/// Hands jobs to the pipeline's bounded queue, counting them in flight.
#[derive(Clone)]
pub(crate) struct Submitter {
    jobs: Sender<Job>,
}

impl Submitter {
    pub(super) fn new(jobs: Sender<Job>) -> Submitter {
        Submitter { jobs }
    }

    /// Queues `job`, waiting while the queue is full (back-pressure).
    /// Returns false once the pipeline has stopped.
    pub(crate) fn submit(&self, job: Job) -> bool {
        metrics::gauge!(m::IN_FLIGHT.name).increment(1.0);
        let queued = self.jobs.send(job).is_ok();
        if !queued {
            metrics::gauge!(m::IN_FLIGHT.name).decrement(1.0);
        }
        queued
    }

    /// Queues `job` if the queue has room now.
    pub(crate) fn try_submit(&self, job: Job) -> Submitted {
        metrics::gauge!(m::IN_FLIGHT.name).increment(1.0);
        let refused = match self.jobs.try_send(job) {
            Ok(()) => return Submitted::Queued,
            Err(TrySendError::Full(job)) => Submitted::Full(job),
            Err(TrySendError::Disconnected(_)) => Submitted::Stopped,
        };
        metrics::gauge!(m::IN_FLIGHT.name).decrement(1.0);
        refused
    }

    /// Jobs waiting for a worker.
    pub(crate) fn queued(&self) -> usize {
        self.jobs.len()
    }
}
