//! Files the folder holds but wirewatch does not read: each is counted
//! (`wirewatch_files_ignored_total{reason}`) and logged once per path. The
//! ledger remembers what was reported, so memory does not grow with the
//! folder and a restart does not report the same files again.

use std::path::Path;

use crate::sink::ledger::Ledger;
use crate::sink::path_key;
use crate::telemetry::catalogue as m;
use crate::telemetry::labels::IgnoreReason;

/// Counts and logs the file at `rel` as ignored, unless it already was for
/// the same reason.
pub(crate) fn report(ledger: &Ledger, rel: &Path, reason: IgnoreReason) {
    let key = path_key(rel);
    if let Ok(Some(known)) = ledger.ignored(&key)
        && known == reason.label()
    {
        return;
    }
    metrics::counter!(m::FILES_IGNORED.name, "reason" => reason.label()).increment(1);
    let path = rel.display();
    match reason {
        // Usually renamed to its final name a moment later.
        IgnoreReason::TempName => tracing::debug!(%path, %reason, "file ignored"),
        _ => tracing::info!(%path, %reason, "file ignored"),
    }
    if let Err(e) = ledger.set_ignored(&key, Some(reason.label())) {
        tracing::warn!(%path, error = %e, "cannot remember an ignored file");
    }
}

/// Forgets a path reported as ignored that is gone (renamed or removed), so
/// a new file under that name is reported again.
pub(crate) fn forget(ledger: &Ledger, rel: &Path) {
    let key = path_key(rel);
    if let Ok(Some(_)) = ledger.ignored(&key)
        && let Err(e) = ledger.set_ignored(&key, None)
    {
        tracing::warn!(path = %rel.display(), error = %e, "cannot forget an ignored file");
    }
}
