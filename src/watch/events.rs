//! A small adapter over `notify`: turns its events into hints for the
//! detector, and anything it cannot vouch for (overflow, errors, a `Rescan`
//! flag) into a request for a full scan. On Linux the recommended watcher
//! (inotify) also says when a writer closes a file (`IN_CLOSE_WRITE`,
//! notify's `Access(Close(Write))`), so the detector can wait for the
//! writer to finish however long it pauses.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossbeam_channel::Sender;
use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::config::WatcherKind;
use crate::telemetry::catalogue as m;

/// What the watcher tells the detector.
#[derive(Debug)]
pub(crate) enum Hint {
    /// These paths may have changed.
    Changed(Vec<PathBuf>),
    /// These files were created (only from a watcher that reports closes:
    /// see [`reports_closes`]).
    Created(Vec<PathBuf>),
    /// A writer wrote these files and has not closed them yet (only from a
    /// watcher that reports closes).
    Writing(Vec<PathBuf>),
    /// A writer closed these files.
    Closed(Vec<PathBuf>),
    /// These paths were removed.
    Removed(Vec<PathBuf>),
    /// Events may have been lost: list the folder again.
    Rescan(&'static str),
}

/// Keeps the watcher alive; dropping it stops watching.
pub(crate) struct WatchHandle {
    _watcher: Box<dyn Watcher + Send>,
}

/// Starts watching `root`. Hints go to `tx`; when `tx` is full the hint is
/// dropped and `overflow` is set, which the detector turns into a rescan.
pub(crate) fn start(
    root: &Path,
    recursive: bool,
    kind: WatcherKind,
    poll_interval: Duration,
    tx: Sender<Hint>,
    overflow: Arc<AtomicBool>,
) -> notify::Result<WatchHandle> {
    let closes = reports_closes(kind);
    let handler = move |res: notify::Result<notify::Event>| {
        let hint = match res {
            Ok(event) => {
                let label = label(&event.kind);
                if let Some(label) = label {
                    metrics::counter!(m::WATCHER_EVENTS.name, "kind" => label).increment(1);
                }
                if event.need_rescan() {
                    Some(Hint::Rescan("watcher_rescan"))
                } else {
                    match event.kind {
                        EventKind::Remove(_) => Some(Hint::Removed(event.paths)),
                        EventKind::Create(CreateKind::File) if closes => {
                            Some(Hint::Created(event.paths))
                        }
                        EventKind::Modify(ModifyKind::Data(_)) if closes => {
                            Some(Hint::Writing(event.paths))
                        }
                        EventKind::Access(AccessKind::Close(AccessMode::Write)) if closes => {
                            Some(Hint::Closed(event.paths))
                        }
                        EventKind::Access(AccessKind::Close(AccessMode::Write))
                        | EventKind::Create(_)
                        | EventKind::Modify(_) => Some(Hint::Changed(event.paths)),
                        EventKind::Any | EventKind::Other => Some(Hint::Rescan("watcher_rescan")),
                        EventKind::Access(_) => None,
                    }
                }
            }
            Err(e) => {
                metrics::counter!(m::WATCHER_ERRORS.name).increment(1);
                tracing::warn!(error = %e, "watcher error; rescanning");
                Some(Hint::Rescan("watcher_error"))
            }
        };
        if let Some(hint) = hint
            && tx.try_send(hint).is_err()
        {
            overflow.store(true, Ordering::SeqCst);
        }
    };
    let mode = if recursive {
        RecursiveMode::Recursive
    } else {
        RecursiveMode::NonRecursive
    };
    let mut watcher: Box<dyn Watcher + Send> = match kind {
        WatcherKind::Recommended => Box::new(notify::recommended_watcher(handler)?),
        WatcherKind::Poll => Box::new(notify::PollWatcher::new(
            handler,
            notify::Config::default().with_poll_interval(poll_interval),
        )?),
    };
    watcher.watch(root, mode)?;
    Ok(WatchHandle { _watcher: watcher })
}

/// Whether the watcher reports writers closing files: inotify does; polling,
/// and the watchers of other systems, do not (they settle on size and mtime).
pub(crate) fn reports_closes(kind: WatcherKind) -> bool {
    cfg!(target_os = "linux") && kind == WatcherKind::Recommended
}

fn label(kind: &EventKind) -> Option<&'static str> {
    Some(match kind {
        EventKind::Create(_) => "create",
        EventKind::Modify(ModifyKind::Name(_)) => "rename",
        EventKind::Modify(_) => "modify",
        EventKind::Remove(_) => "remove",
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => "modify",
        EventKind::Access(_) => return None,
        EventKind::Any | EventKind::Other => "other",
    })
}
