//! Typed configuration: embedded defaults, a TOML file, `WIREWATCH_<SECTION>_<KEY>`
//! environment overrides and command-line flags, applied in that order and then
//! validated as a whole so an error can always name the key that is wrong.

mod expect;
pub mod origin;

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use origin::{Origin, Origins};

/// The default configuration file, embedded so `check-config` and a bare `run`
/// work from any directory and the documented defaults cannot drift from the code.
pub(crate) const DEFAULT_CONFIG_TOML: &str = include_str!("../config/wirewatch.toml");

/// Everything a configuration can get wrong, with the key it concerns and
/// where that key was set. Each message is whole: the error it came from is
/// part of its text, not a `source` printed again after it.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {cause}")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("config file {path}, line {line}: not valid TOML: {message}")]
    Syntax {
        path: String,
        line: usize,
        message: String,
    },
    #[error("environment variable {var}: {message}")]
    Env { var: String, message: String },
    #[error("config key `{key}` = {value} ({origin}): {message}")]
    Invalid {
        key: String,
        value: String,
        origin: Origin,
        message: String,
    },
    #[error("config key `{key}` ({origin}): {message}")]
    Unknown {
        key: String,
        origin: Origin,
        message: String,
    },
}

/// The complete, effective configuration of one wirewatch process.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub(crate) watch: WatchConfig,
    pub(crate) pipeline: PipelineConfig,
    pub(crate) output: OutputConfig,
    pub(crate) quarantine: QuarantineConfig,
    pub(crate) metrics: MetricsConfig,
    pub log: LogConfig,
    pub(crate) keywords: KeywordsConfig,
    pub(crate) stories: StoriesConfig,
    pub(crate) nats: NatsConfig,
    pub(crate) index: IndexConfig,
}

/// Which watcher backend turns filesystem changes into hints.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum WatcherKind {
    /// inotify / FSEvents / ReadDirectoryChanges: events in milliseconds.
    Recommended,
    /// Periodic stat polling, for network filesystems where events never arrive.
    Poll,
}

/// What happens to a source file once its record (or duplicate entry) is durable.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum CompletionAction {
    Keep,
    Move,
    Delete,
}

/// Log line format.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct WatchConfig {
    pub dir: PathBuf,
    pub recursive: bool,
    pub extensions: Vec<String>,
    pub settle_ms: u64,
    pub poll_settle_ms: u64,
    pub write_timeout_s: u64,
    pub rescan_interval_s: u64,
    pub backfill_batch: usize,
    pub watcher: WatcherKind,
    pub poll_interval_ms: u64,
    pub max_file_bytes: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct PipelineConfig {
    pub workers: usize,
    pub queue_capacity: usize,
    pub group_commit_ms: u64,
    pub shutdown_timeout_s: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutputConfig {
    pub dir: PathBuf,
    pub on_success: CompletionAction,
    pub done_dir: PathBuf,
    pub ledger: PathBuf,
    pub pretty: bool,
    pub jsonl: PathBuf,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuarantineConfig {
    pub max_bytes: u64,
    pub max_copy_bytes: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetricsConfig {
    pub enabled: bool,
    pub addr: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub format: LogFormat,
    pub level: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct KeywordsConfig {
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoriesConfig {
    pub window_days: u32,
    pub min_similarity: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct NatsConfig {
    pub servers: Vec<String>,
    pub stream: String,
    pub subject: String,
    pub records_stream: String,
    pub records_subject: String,
    pub consumer: String,
    pub replicas: usize,
    pub duplicate_window_s: u64,
    pub ack_wait_s: u64,
    pub max_deliver: i64,
    pub max_payload_bytes: u64,
    pub fetch_batch: usize,
    pub credentials: PathBuf,
    pub tls: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct IndexConfig {
    pub enabled: bool,
    pub url: String,
    pub consumer: String,
}

/// Command-line values that take precedence over file and environment.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub watch: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub metrics_addr: Option<String>,
    pub workers: Option<usize>,
    pub log_format: Option<LogFormat>,
    pub log_level: Option<String>,
    pub nats: Option<String>,
    pub index_url: Option<String>,
}

impl Overrides {
    /// The keys the flags set, with the flag that set each.
    fn origins(&self, origins: &mut Origins) {
        let set = [
            (self.watch.is_some(), "watch.dir", "--watch"),
            (self.out.is_some(), "output.dir", "--out"),
            (
                self.metrics_addr.is_some(),
                "metrics.addr",
                "--metrics-addr",
            ),
            (self.workers.is_some(), "pipeline.workers", "--workers"),
            (self.log_format.is_some(), "log.format", "--log-format"),
            (self.log_level.is_some(), "log.level", "--log-level"),
            (self.nats.is_some(), "nats.servers", "--nats"),
            (self.index_url.is_some(), "index.url", "--index-url"),
        ];
        for (given, key, flag) in set {
            if given {
                origins.set(key.to_string(), Origin::Flag { flag });
            }
        }
    }
}

impl Config {
    /// Loads the embedded defaults, merges `file` (if any) and the process
    /// environment, applies `overrides`, and validates the result.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Config, ConfigError> {
        let env: Vec<(String, String)> = std::env::vars().collect();
        Self::load_with_env(file, &env, overrides)
    }

    /// Same as [`Config::load`] with an explicit environment, so tests need not
    /// mutate the process environment.
    pub(crate) fn load_with_env(
        file: Option<&Path>,
        env: &[(String, String)],
        overrides: &Overrides,
    ) -> Result<Config, ConfigError> {
        let mut origins = Origins::default();
        let mut table = parse_table(DEFAULT_CONFIG_TOML, "<embedded defaults>")?;
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Read {
                path: path.to_path_buf(),
                cause,
            })?;
            let shown = path.display().to_string();
            let user = parse_table(&text, &shown)?;
            origins.record_file(&text, &shown);
            merge(&mut table, user);
        }
        apply_env(&mut table, env, &mut origins)?;
        check_whole_numbers(&table, &origins)?;
        let mut config: Config =
            serde_path_to_error::deserialize(toml::Value::Table(table.clone()))
                .map_err(|e| type_error(&e, &table, &origins))?;
        overrides.origins(&mut origins);
        config.apply(overrides);
        config.validate(&origins)?;
        Ok(config)
    }

    fn apply(&mut self, o: &Overrides) {
        if let Some(d) = &o.watch {
            self.watch.dir = d.clone();
        }
        if let Some(d) = &o.out {
            self.output.dir = d.clone();
        }
        if let Some(a) = &o.metrics_addr {
            self.metrics.addr = a.clone();
        }
        if let Some(w) = o.workers {
            self.pipeline.workers = w;
        }
        if let Some(f) = o.log_format {
            self.log.format = f;
        }
        if let Some(level) = &o.log_level {
            self.log.level = level.clone();
        }
        if let Some(url) = &o.index_url {
            self.index.url = url.clone();
        }
        if let Some(url) = &o.nats {
            self.nats.servers = url.split(',').map(|s| s.trim().to_string()).collect();
        }
    }

    /// Checks every value a type cannot express (addresses, names, levels);
    /// whole-number ranges were checked on the table, before the types.
    fn validate(&self, origins: &Origins) -> Result<(), ConfigError> {
        let bad = |key: &str, value: &dyn std::fmt::Debug, message: &str| ConfigError::Invalid {
            key: key.to_string(),
            value: format!("{value:?}"),
            origin: origins.of(key),
            message: message.to_string(),
        };
        if self.watch.dir.as_os_str().is_empty() {
            return Err(bad("watch.dir", &self.watch.dir, "expected a folder"));
        }
        for ext in &self.watch.extensions {
            if ext.is_empty() || ext.contains(['.', '/', '\\']) {
                return Err(bad(
                    "watch.extensions",
                    ext,
                    "each entry is a bare extension such as \"txt\" (no dot, no slash)",
                ));
            }
        }
        if self.output.dir.as_os_str().is_empty() {
            return Err(bad("output.dir", &self.output.dir, "expected a folder"));
        }
        if self.metrics.enabled {
            resolve(&self.metrics.addr)
                .map_err(|why| bad("metrics.addr", &self.metrics.addr, &why))?;
        }
        self.validate_nats(&bad)?;
        if self.index_target().is_none() {
            return Err(bad(
                "index.url",
                &self.index.url,
                "expected empty (an SQLite file in output.dir), postgres://USER:PASSWORD@HOST/DB, or sqlite://PATH",
            ));
        }
        if self.index.consumer.is_empty()
            || self
                .index
                .consumer
                .contains(['.', ' ', '*', '>', '/', '\\'])
        {
            return Err(bad(
                "index.consumer",
                &self.index.consumer,
                "a name without dots, spaces, wildcards or slashes",
            ));
        }
        if !(0.0..=1.0).contains(&self.stories.min_similarity) {
            return Err(bad(
                "stories.min_similarity",
                &self.stories.min_similarity,
                "expected a number between 0 and 1",
            ));
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            return Err(bad(
                "log.level",
                &self.log.level,
                "expected a level (error, warn, info, debug, trace) or a filter directive such as \"wirewatch=debug\"",
            ));
        }
        Ok(())
    }

    fn validate_nats(
        &self,
        bad: &dyn Fn(&str, &dyn std::fmt::Debug, &str) -> ConfigError,
    ) -> Result<(), ConfigError> {
        let n = &self.nats;
        if n.servers.is_empty() {
            return Err(bad(
                "nats.servers",
                &n.servers,
                "expected at least one server",
            ));
        }
        for s in &n.servers {
            if !["nats://", "tls://", "ws://", "wss://"]
                .iter()
                .any(|p| s.starts_with(p))
            {
                return Err(bad(
                    "nats.servers",
                    s,
                    "expected nats://HOST:PORT (or tls://HOST:PORT)",
                ));
            }
        }
        let name_ok = |v: &str| !v.is_empty() && !v.contains(['.', ' ', '*', '>', '/', '\\']);
        for (key, v) in [
            ("nats.stream", &n.stream),
            ("nats.records_stream", &n.records_stream),
            ("nats.consumer", &n.consumer),
        ] {
            if !name_ok(v) {
                return Err(bad(
                    key,
                    v,
                    "expected a name without dots, spaces, wildcards or slashes",
                ));
            }
        }
        for (key, v) in [
            ("nats.subject", &n.subject),
            ("nats.records_subject", &n.records_subject),
        ] {
            if v.is_empty() || v.contains([' ', '*', '>']) {
                return Err(bad(
                    key,
                    v,
                    "expected a subject without spaces or wildcards",
                ));
            }
        }
        Ok(())
    }

    /// The metrics address, its host name resolved (`localhost:9465`).
    pub(crate) fn metrics_addr(&self) -> anyhow::Result<SocketAddr> {
        resolve(&self.metrics.addr)
            .map_err(|why| anyhow::anyhow!("metrics.addr = {:?}: {why}", self.metrics.addr))
    }

    /// Worker threads to start: the configured count, or one per core.
    pub(crate) fn workers(&self) -> usize {
        match self.pipeline.workers {
            0 => std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            n => n,
        }
    }

    /// How long a file must stay unchanged before it is read: the polling
    /// watcher, which cannot see writers close files, waits longer.
    pub(crate) fn settle(&self) -> Duration {
        Duration::from_millis(match self.watch.watcher {
            WatcherKind::Recommended => self.watch.settle_ms,
            WatcherKind::Poll => self.watch.poll_settle_ms,
        })
    }

    /// How long a file seen being written, whose close was never seen, waits.
    pub(crate) fn write_timeout(&self) -> Duration {
        Duration::from_secs(self.watch.write_timeout_s)
    }

    pub(crate) fn rescan_interval(&self) -> Duration {
        Duration::from_secs(self.watch.rescan_interval_s)
    }

    pub(crate) fn shutdown_timeout(&self) -> Duration {
        Duration::from_secs(self.pipeline.shutdown_timeout_s)
    }

    /// The ledger file: configured, or `ledger.redb` in the output folder.
    pub(crate) fn ledger_path(&self) -> PathBuf {
        if self.output.ledger.as_os_str().is_empty() {
            self.output.dir.join("ledger.redb")
        } else {
            self.output.ledger.clone()
        }
    }

    /// Where the index lives (`index.url`); `None` when the URL is not one
    /// wirewatch can use (validation reports it).
    pub(crate) fn index_target(&self) -> Option<crate::index::Target> {
        crate::index::Target::parse(&self.index.url, &self.output.dir)
    }

    /// Where `move` puts finished sources: configured, or `done/` in the output folder.
    pub(crate) fn done_dir(&self) -> PathBuf {
        if self.output.done_dir.as_os_str().is_empty() {
            self.output.dir.join("done")
        } else {
            self.output.done_dir.clone()
        }
    }

    /// How stories are grouped, from `stories.*`.
    pub fn story_settings(&self) -> crate::stories::assign::Settings {
        crate::stories::assign::Settings {
            window_days: self.stories.window_days,
            min_similarity: self.stories.min_similarity,
        }
    }

    /// How articles are extracted, from `keywords.*`.
    pub fn extraction_settings(&self) -> crate::extract::Settings {
        crate::extract::Settings {
            keywords: self.keywords.count,
        }
    }

    /// The effective configuration as TOML, for `check-config`.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_else(|e| format!("# cannot render config: {e}\n"))
    }
}

fn parse_table(text: &str, origin: &str) -> Result<toml::Table, ConfigError> {
    text.parse::<toml::Table>()
        .map_err(|e| ConfigError::Syntax {
            path: origin.to_string(),
            line: e.span().map_or(1, |span| origin::line_at(text, span.start)),
            message: e.message().trim().to_string(),
        })
}

/// Merges `src` into `dst`, section by section, so a user file need only name
/// the keys it changes.
fn merge(dst: &mut toml::Table, src: toml::Table) {
    for (key, value) in src {
        match (dst.get_mut(&key), value) {
            (Some(toml::Value::Table(d)), toml::Value::Table(s)) => merge(d, s),
            (_, v) => {
                dst.insert(key, v);
            }
        }
    }
}

const ENV_PREFIX: &str = "WIREWATCH_";

/// Applies `WIREWATCH_<SECTION>_<KEY>` variables. A value is read as a TOML
/// literal when it parses as one (numbers, booleans, arrays) and as a string otherwise.
fn apply_env(
    table: &mut toml::Table,
    env: &[(String, String)],
    origins: &mut Origins,
) -> Result<(), ConfigError> {
    let mut vars: Vec<&(String, String)> = env
        .iter()
        .filter(|(k, _)| k.starts_with(ENV_PREFIX))
        .collect();
    vars.sort();
    for (var, raw) in vars {
        let rest = var[ENV_PREFIX.len()..].to_ascii_lowercase();
        let Some((section, key)) = rest.split_once('_') else {
            continue;
        };
        let Some(toml::Value::Table(sect)) = table.get_mut(section) else {
            // Not a config section (e.g. WIREWATCH_LOG used by other tools): ignore.
            continue;
        };
        if !sect.contains_key(key) {
            return Err(ConfigError::Env {
                var: var.clone(),
                message: format!("`{section}` has no key `{key}`"),
            });
        }
        let mut value = format!("v = {raw}")
            .parse::<toml::Table>()
            .ok()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or_else(|| toml::Value::String(raw.clone()));
        // A list key also takes a plain comma-separated value: `a,b`.
        if let (Some(toml::Value::Array(_)), toml::Value::String(s)) = (sect.get(key), &value) {
            value = toml::Value::Array(
                s.split(',')
                    .map(|p| toml::Value::String(p.trim().to_string()))
                    .filter(|v| v.as_str().is_some_and(|p| !p.is_empty()))
                    .collect(),
            );
        }
        sect.insert(key.to_string(), value);
        origins.set(format!("{section}.{key}"), Origin::Env { var: var.clone() });
    }
    Ok(())
}

/// Resolves `HOST:PORT` (a name or an address) to its first socket address.
fn resolve(addr: &str) -> Result<SocketAddr, String> {
    if let Ok(a) = addr.parse::<SocketAddr>() {
        return Ok(a);
    }
    if addr
        .rsplit_once(':')
        .is_none_or(|(_, port)| port.parse::<u16>().is_err())
    {
        return Err("expected HOST:PORT, such as 127.0.0.1:9464 or localhost:9464".into());
    }
    match addr.to_socket_addrs() {
        Ok(mut found) => found
            .next()
            .ok_or_else(|| "the host name resolves to no address".to_string()),
        Err(e) => Err(format!("cannot resolve the host name: {e}")),
    }
}

/// Checks every whole-number key on the merged table, so a value of the
/// wrong type and one out of range get the same plain sentence.
fn check_whole_numbers(table: &toml::Table, origins: &Origins) -> Result<(), ConfigError> {
    for rule in expect::WHOLE_NUMBERS {
        let Some((section, key)) = rule.key.split_once('.') else {
            continue;
        };
        let Some(value) = table.get(section).and_then(|s| s.get(key)) else {
            continue;
        };
        if !rule.accepts(value) {
            return Err(ConfigError::Invalid {
                key: rule.key.to_string(),
                value: value.to_string(),
                origin: origins.of(rule.key),
                message: format!("expected {}", rule.describe()),
            });
        }
    }
    Ok(())
}

/// The error of a value the typed configuration cannot take, naming its key.
fn type_error(
    e: &serde_path_to_error::Error<toml::de::Error>,
    table: &toml::Table,
    origins: &Origins,
) -> ConfigError {
    let path = e.path().to_string();
    let message = e.inner().message().to_string();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let name = name.trim_matches('`');
        // The path ends with the unknown key itself.
        let key = if path.is_empty() || path == "." {
            name.to_string()
        } else {
            path.clone()
        };
        return ConfigError::Unknown {
            origin: origins.of(&key),
            key,
            message: format!(
                "no such key; expected {}",
                expected.replace('`', "").replace("one of ", "one of: ")
            ),
        };
    }
    let value = path
        .split('.')
        .try_fold(None::<&toml::Value>, |at, part| {
            let (name, index) = match part.split_once('[') {
                Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            let v = match at {
                None => table.get(name),
                Some(v) => v.get(name),
            }?;
            Some(Some(match index {
                Some(i) => v.get(i)?,
                None => v,
            }))
        })
        .flatten()
        .map_or_else(String::new, toml::Value::to_string);
    ConfigError::Invalid {
        origin: origins.of(&path),
        key: path,
        value,
        message: expect::plain(&message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(env: &[(&str, &str)], file: Option<&str>) -> Result<Config, ConfigError> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.toml");
        if let Some(text) = file {
            std::fs::write(&path, text).expect("write");
        }
        Config::load_with_env(file.map(|_| path.as_path()), &env, &Overrides::default())
    }

    #[test]
    fn embedded_defaults_are_valid() {
        let c = load(&[], None).expect("defaults");
        assert_eq!(c.watch.dir, PathBuf::from("seeds"));
        assert_eq!(c.output.dir, PathBuf::from("out"));
        assert_eq!(c.output.on_success, CompletionAction::Keep);
        assert!(c.metrics.addr.starts_with("127.0.0.1:"));
    }

    #[test]
    fn env_overrides_file_and_file_overrides_defaults() {
        let c = load(
            &[("WIREWATCH_WATCH_SETTLE_MS", "50")],
            Some("[watch]\nsettle_ms = 900\nrescan_interval_s = 7\n"),
        )
        .expect("config");
        assert_eq!(c.watch.settle_ms, 50);
        assert_eq!(c.watch.rescan_interval_s, 7);
    }

    #[test]
    fn env_string_values_need_no_quotes() {
        let c = load(&[("WIREWATCH_OUTPUT_DIR", "/tmp/x y")], None).expect("config");
        assert_eq!(c.output.dir, PathBuf::from("/tmp/x y"));
    }

    #[test]
    fn list_keys_take_comma_separated_env_values() {
        let c = load(
            &[("WIREWATCH_NATS_SERVERS", "nats://a:4222, nats://b:4222")],
            None,
        )
        .expect("config");
        assert_eq!(c.nats.servers, vec!["nats://a:4222", "nats://b:4222"]);
        let c = load(&[("WIREWATCH_WATCH_EXTENSIONS", "txt,md")], None).expect("config");
        assert_eq!(c.watch.extensions, vec!["txt", "md"]);
    }

    #[test]
    fn invalid_value_names_the_key() {
        let err = load(&[("WIREWATCH_METRICS_ADDR", "nowhere")], None).unwrap_err();
        assert!(err.to_string().contains("metrics.addr"), "{err}");
        let err = load(&[("WIREWATCH_NATS_MAX_DELIVER", "1")], None).unwrap_err();
        assert!(err.to_string().contains("nats.max_deliver"), "{err}");
        let err = load(&[], Some("[nats]\nservers = [\"localhost:4222\"]\n")).unwrap_err();
        assert!(err.to_string().contains("nats.servers"), "{err}");
        let err = load(&[], Some("[pipeline]\nqueue_capacity = 0\n")).unwrap_err();
        assert!(err.to_string().contains("pipeline.queue_capacity"), "{err}");
    }

    #[test]
    fn polling_settles_longer_and_new_keys_are_checked() {
        let c = load(&[("WIREWATCH_WATCH_WATCHER", "poll")], None).expect("config");
        assert_eq!(c.settle(), Duration::from_millis(5000));
        let c = load(&[], None).expect("config");
        assert_eq!(c.settle(), Duration::from_millis(300));
        let err = load(&[("WIREWATCH_WATCH_WRITE_TIMEOUT_S", "0")], None).unwrap_err();
        assert!(err.to_string().contains("watch.write_timeout_s"), "{err}");
        let err = load(&[("WIREWATCH_WATCH_POLL_SETTLE_MS", "700000")], None).unwrap_err();
        assert!(err.to_string().contains("watch.poll_settle_ms"), "{err}");
    }

    #[test]
    fn the_index_url_picks_the_back_end_and_a_bad_one_names_the_key() {
        let c = load(&[], None).expect("defaults");
        assert!(c.index.enabled);
        assert_eq!(
            c.index_target(),
            Some(crate::index::Target::Sqlite(PathBuf::from(
                "out/index.sqlite"
            )))
        );
        let c = load(&[("WIREWATCH_INDEX_URL", "postgres://u:p@h/db")], None).expect("config");
        assert!(matches!(
            c.index_target(),
            Some(crate::index::Target::Postgres(_))
        ));
        let err = load(&[("WIREWATCH_INDEX_URL", "mysql://h/db")], None).unwrap_err();
        assert!(err.to_string().contains("index.url"), "{err}");
        let err = load(&[], Some("[index]\nconsumer = \"a.b\"\n")).unwrap_err();
        assert!(err.to_string().contains("index.consumer"), "{err}");
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = load(&[], Some("[watch]\nsettle = 5\n")).unwrap_err();
        assert!(err.to_string().contains("settle"), "{err}");
        let err = load(&[("WIREWATCH_WATCH_NOPE", "1")], None).unwrap_err();
        assert!(err.to_string().contains("WIREWATCH_WATCH_NOPE"), "{err}");
    }

    #[test]
    fn wrong_type_is_reported() {
        let err = load(&[], Some("[watch]\nwatcher = \"inotify\"\n")).unwrap_err();
        assert!(
            err.to_string().contains("watcher") || err.to_string().contains("inotify"),
            "{err}"
        );
    }
}
