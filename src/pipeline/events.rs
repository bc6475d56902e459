//! Events the pipeline reports: each is emitted in one place, which writes
//! its log line and moves its metrics together, so every path that finishes
//! an article (the committer, a dead letter from the work queue) reports it
//! the same way.

use std::time::SystemTime;

use super::job::Outcome;
use crate::telemetry::catalogue as m;

/// An article is finished: it has an outcome, and that outcome is durable.
pub(crate) struct ArticleFinished<'a> {
    /// The path as shown in records and logs.
    pub path: &'a str,
    pub outcome: &'a Outcome,
    /// Times the work queue delivered it, when it came from one and gave up.
    pub delivered: Option<i64>,
    /// Milliseconds from the start of its processing, when it was processed here.
    pub ms: Option<f64>,
    /// A progress bar shows the run: articles that went well are logged at
    /// debug level (problems still at warn and error).
    pub quiet: bool,
}

impl ArticleFinished<'_> {
    /// Counts the article by outcome and logs its `article` line.
    pub(crate) fn emit(&self) {
        let (path, delivered, ms) = (self.path, self.delivered, self.ms);
        // `tracing` fixes a line's level at its call site: one call per level.
        macro_rules! info_or_debug {
            ($($arg:tt)*) => {
                if self.quiet {
                    tracing::debug!($($arg)*)
                } else {
                    tracing::info!($($arg)*)
                }
            };
        }
        metrics::counter!(m::ARTICLES.name, "outcome" => self.outcome.label()).increment(1);
        match self.outcome {
            Outcome::Ok {
                id,
                revision,
                adopted,
                ..
            } => {
                metrics::gauge!(m::LAST_SUCCESS.name).set(unix_now());
                info_or_debug!(path, outcome = "ok", id, revision, adopted, ms, "article");
            }
            Outcome::Duplicate { of } => {
                info_or_debug!(path, outcome = "duplicate", of, ms, "article");
            }
            Outcome::Unchanged => {
                info_or_debug!(path, outcome = "unchanged", ms, "article");
            }
            Outcome::Feed { items } => {
                info_or_debug!(path, outcome = "feed", items, ms, "article");
            }
            Outcome::Changed => {
                info_or_debug!(path, outcome = "changed", ms, "article");
            }
            Outcome::Published {
                sequence,
                duplicate,
            } => {
                metrics::gauge!(m::LAST_SUCCESS.name).set(unix_now());
                tracing::info!(
                    path,
                    outcome = "published",
                    sequence,
                    duplicate,
                    ms,
                    "article"
                );
            }
            Outcome::Quarantined { reason, detail } => {
                let reason = reason.label();
                metrics::counter!(m::QUARANTINED.name, "reason" => reason).increment(1);
                tracing::warn!(
                    path,
                    delivered,
                    outcome = "quarantined",
                    reason,
                    detail,
                    ms,
                    "article"
                );
            }
            Outcome::Failed {
                stage,
                error_type,
                error,
            } => {
                let stage = stage.label();
                metrics::counter!(m::ERRORS.name, "stage" => stage, "error_type" => error_type.label())
                    .increment(1);
                tracing::error!(path, outcome = "failed", stage, error, ms, "article");
            }
        }
    }
}

fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}
