//! The pipeline: a bounded queue of settled files, N worker threads that
//! analyze them ([`crate::article`]) and write records, and one committer
//! that makes results durable in groups. Back-pressure comes from the
//! bounded queue: when it is full, whoever feeds it waits.

pub(crate) mod commit;
pub(crate) mod events;
pub(crate) mod feed;
pub(crate) mod job;
pub(crate) mod queue;
pub(crate) mod read_stamp;
pub(crate) mod worker;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Context as _;
use crossbeam_channel::Sender;

use crate::config::{CompletionAction, Config};
use crate::host::Shutdown;
use crate::sink::jsonl::JsonLines;
use crate::sink::ledger::{Ledger, LedgerError};
use crate::sink::quarantine::Quarantine;
use crate::sink::records::RecordStore;
use crate::telemetry::Health;
use crate::telemetry::catalogue as m;
use queue::Receiver;

pub(crate) use commit::{Progress, Summary};
pub(crate) use job::{Completion, Detection, Done, Job, JobKind, Outcome};

/// What every worker shares.
pub(crate) struct Context {
    /// Where new content goes (records here, or a message queue).
    pub output: Box<dyn worker::Output>,
    pub ledger: Ledger,
    pub records: RecordStore,
    pub quarantine: Quarantine,
    /// The JSON Lines file every new record is appended to (`output.jsonl`).
    pub jsonl: Option<JsonLines>,
    /// Record files indented (`output.pretty`).
    pub pretty: bool,
    pub health: Arc<Health>,
    pub max_file_bytes: u64,
    /// How each article is extracted (`keywords.count`).
    pub extraction: crate::extract::Settings,
    pub on_success: CompletionAction,
    pub done_dir: PathBuf,
    /// The index writer, which the committer hands each committed group.
    pub index: Option<crate::index::writer::Handle>,
    /// Content hashes being processed right now, by the path processing them.
    claims: Mutex<HashMap<String, PathBuf>>,
}

/// Opens the configured ledger, taking its lock. A ledger another process
/// holds is reported as it is (its message names the holder); any other
/// failure names the file and its key.
pub(crate) fn open_ledger(config: &Config) -> anyhow::Result<Ledger> {
    let ledger_path = config.ledger_path();
    match Ledger::open(&ledger_path) {
        Ok(l) => Ok(l),
        Err(e @ LedgerError::Locked { .. }) => Err(e.into()),
        Err(e) => Err(anyhow::Error::new(e).context(format!(
            "cannot open ledger {} (output.ledger)",
            ledger_path.display()
        ))),
    }
}

/// Opens the JSON Lines file every new record is appended to, when
/// `output.jsonl` names one, cutting a partial last line a crash left.
pub(crate) fn open_jsonl(config: &Config) -> anyhow::Result<Option<JsonLines>> {
    if config.output.jsonl.as_os_str().is_empty() {
        return Ok(None);
    }
    let path = &config.output.jsonl;
    let (sink, cut) = JsonLines::open(path)
        .with_context(|| format!("cannot open {} (output.jsonl)", path.display()))?;
    if cut > 0 {
        tracing::warn!(path = %path.display(), bytes = cut, "removed a partial last line an interrupted run left in the JSON Lines file");
    }
    Ok(Some(sink))
}

impl Context {
    /// Opens the output folder: ledger, records, quarantine; removes temp files
    /// a crash left behind. New content goes to `output`.
    pub(crate) fn open(
        config: &Config,
        health: Arc<Health>,
        output: Box<dyn worker::Output>,
    ) -> anyhow::Result<Context> {
        let out = &config.output.dir;
        std::fs::create_dir_all(out).with_context(|| {
            format!("cannot create output folder {} (output.dir)", out.display())
        })?;
        // The ledger first: its lock makes this process the folder's only
        // owner before anything in it is touched.
        let ledger = open_ledger(config)?;
        let records = RecordStore::new(out.join("records"));
        let removed = records
            .clean()
            .with_context(|| format!("cannot clean {}", records.root().display()))?;
        if removed > 0 {
            tracing::info!(removed, "removed temp files left by an interrupted run");
        }
        let quarantine = Quarantine::open(
            out.join("quarantine"),
            config.quarantine.max_bytes,
            config.quarantine.max_copy_bytes,
        )
        .with_context(|| format!("cannot open quarantine in {}", out.display()))?;
        let jsonl = open_jsonl(config)?;
        let index = match (config.index.enabled, config.index_target()) {
            (true, Some(target)) => {
                let described = target.describe();
                Some(
                    crate::index::writer::Handle::start(
                        target,
                        config.story_settings(),
                        records.root().to_path_buf(),
                        health.clone(),
                    )
                    .with_context(|| format!("cannot open the index, {described} (index.url)"))?,
                )
            }
            _ => None,
        };
        Ok(Context {
            index,
            output,
            ledger,
            records,
            quarantine,
            jsonl,
            pretty: config.output.pretty,
            health,
            max_file_bytes: config.watch.max_file_bytes,
            extraction: config.extraction_settings(),
            on_success: config.output.on_success,
            done_dir: config.done_dir(),
            claims: Mutex::new(HashMap::new()),
        })
    }

    /// Claims `hash` for `rel`. Returns the display path of the current owner
    /// if another path is already processing the same content.
    pub(crate) fn claim(&self, hash: &str, rel: &Path) -> Option<String> {
        let Ok(mut claims) = self.claims.lock() else {
            return None;
        };
        match claims.get(hash) {
            Some(owner) if owner != rel => Some(owner.to_string_lossy().into_owned()),
            Some(_) => None,
            None => {
                claims.insert(hash.to_string(), rel.to_path_buf());
                None
            }
        }
    }

    /// Drops every claim `rel` holds (after a panic lost track of it).
    fn release_claims_of(&self, rel: &Path) {
        if let Ok(mut claims) = self.claims.lock() {
            claims.retain(|_, owner| owner != rel);
        }
    }

    fn release_claims<'a>(&self, hashes: impl Iterator<Item = &'a str>) {
        if let Ok(mut claims) = self.claims.lock() {
            for h in hashes {
                claims.remove(h);
            }
        }
    }
}

/// A started pipeline: feed it through `jobs` (the host wraps it in a
/// submitter), then drop every copy of `jobs` and call [`Running::join`].
pub(crate) struct Running {
    pub jobs: queue::Sender<Job>,
    workers: Vec<JoinHandle<()>>,
    committer: JoinHandle<Summary>,
}

/// Settings of a pipeline run.
pub(crate) struct Options {
    pub workers: usize,
    pub queue_capacity: usize,
    pub group_commit: Duration,
    /// Sent each committed path, so the detector knows it is no longer in flight.
    pub done: Option<Sender<Done>>,
    pub progress: Option<Progress>,
    /// A progress bar is drawn: per-article lines go to debug level.
    pub quiet_articles: bool,
    /// Once its deadline passes, workers stop taking new jobs.
    pub shutdown: Shutdown,
}

/// Starts the workers and the committer.
pub(crate) fn start(ctx: Arc<Context>, options: Options) -> anyhow::Result<Running> {
    let (jobs_tx, jobs_rx) = queue::bounded::<Job>(options.queue_capacity);
    let (done_tx, done_rx) = queue::bounded::<Completion>(commit::QUEUE_CAPACITY);
    let mut workers = Vec::new();
    for i in 0..options.workers.max(1) {
        let ctx = ctx.clone();
        let jobs = jobs_rx.clone();
        let out = done_tx.clone();
        let shutdown = options.shutdown.clone();
        workers.push(
            std::thread::Builder::new()
                .name(format!("worker-{i}"))
                .spawn(move || work(&ctx, &jobs, &out, &shutdown))
                .context("cannot start worker thread")?,
        );
    }
    drop(done_tx);
    let committer = commit::Committer {
        ctx,
        completions: done_rx,
        done: options.done,
        window: options.group_commit,
        progress: options.progress,
        quiet: options.quiet_articles,
    };
    let committer = std::thread::Builder::new()
        .name("committer".into())
        .spawn(move || committer.run())
        .context("cannot start committer thread")?;
    Ok(Running {
        jobs: jobs_tx,
        workers,
        committer,
    })
}

fn work(ctx: &Context, jobs: &Receiver<Job>, out: &queue::Sender<Completion>, shutdown: &Shutdown) {
    while let Some(job) = jobs.recv() {
        metrics::gauge!(m::QUEUE_DEPTH.name).set(jobs.len() as f64);
        if shutdown.past_deadline() {
            // Left for the next start: nothing was marked done.
            metrics::gauge!(m::IN_FLIGHT.name).decrement(1.0);
            continue;
        }
        let fallback = job.clone();
        // A bug on one input must cost that input, not a worker: the panic
        // becomes a quarantine entry and the worker goes on.
        let completions = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            match crate::document::feed::kind(&job.path).filter(|_| job.payload.is_none()) {
                Some(kind) => feed::process(ctx, job, kind),
                None => vec![worker::process(ctx, job)],
            }
        }))
        .unwrap_or_else(|panic| vec![worker::panicked(ctx, fallback, &panic)]);
        for completion in completions {
            if out.send(completion).is_err() {
                return;
            }
        }
    }
}

impl Running {
    /// Closes the queue and waits for every job to be committed. An error
    /// means a pipeline thread died, which is a bug worth a non-zero exit.
    pub(crate) fn join(self) -> anyhow::Result<Summary> {
        drop(self.jobs);
        let mut died = 0;
        for w in self.workers {
            died += usize::from(w.join().is_err());
        }
        let summary = self
            .committer
            .join()
            .map_err(|_| anyhow::anyhow!("the committer thread panicked"))?;
        if died > 0 {
            anyhow::bail!("{died} worker thread(s) panicked");
        }
        Ok(summary)
    }
}
