//! Where new content goes once a worker has read it: records written in
//! this process's output folder, or articles published to NATS for workers
//! elsewhere. Each is a [`crate::pipeline::worker::Output`].

pub(crate) mod nats;
pub(crate) mod records;
