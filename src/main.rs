//! The `wirewatch` command line: parses arguments and calls the library.

use std::io::{IsTerminal as _, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use wirewatch::commands;
use wirewatch::config::{Config, LogFormat, Overrides};
use wirewatch::host::Stopped;
use wirewatch::record::Format;
use wirewatch::telemetry::logging;
#[cfg(feature = "tools")]
use wirewatch::tools;

/// The allocator: mimalloc rather than the C library's. Extraction and the
/// index allocate many small strings and vectors per article (tokens,
/// entities, row parameters) from several threads at once; glibc's malloc
/// spent about 15 % of the index writer's time in its own bookkeeping
/// (`_int_malloc`, `malloc_consolidate`, `_int_free`). With mimalloc, on
/// 10 000 BBC articles and 2 cores, `extract --jsonl` runs 6–9 % faster,
/// durable `process` 10–15 % and `index rebuild` uses 14 % less CPU.
/// Transparent huge pages are off for it (`no_thp`): with them its arenas
/// kept the daemon's peak memory after a backfill 55 % higher (203 MB
/// against 130 MB); without them 11 % (145 MB), flat in the folder's size.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Watch a folder for news articles and write one JSON record of facts per article.
///
/// How flags are laid out: the logging flags (`Logging`) are global, accepted
/// by every command. Every other flag belongs to a small group (`ConfigFile`,
/// `WatchDir`, `OutDir`, `Workers`, `MetricsAddr`, `NatsServers`), and each
/// subcommand flattens only the groups it uses, so its `--help` lists only
/// what it reads; each has one example in `after_help`. A new subcommand
/// picks its groups the same way and lists them in `Command::layers`.
#[derive(Parser, Debug)]
#[command(name = "wirewatch", version, about, propagate_version = true)]
struct Cli {
    #[command(flatten)]
    logging: Logging,
    #[command(subcommand)]
    command: Option<Command>,
}

/// How much is logged, and how: accepted by every command.
#[derive(Args, Debug, Clone)]
struct Logging {
    /// Log less: -q only warnings and errors, -qq only errors.
    #[arg(short, long, global = true, action = clap::ArgAction::Count, conflicts_with = "verbose")]
    quiet: u8,
    /// Log more: -v debug lines of wirewatch (one per article under a progress bar), -vv trace.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    /// Minimum level or filter directive, e.g. debug or wirewatch=debug (log.level).
    #[arg(long, global = true, value_name = "LEVEL", conflicts_with_all = ["quiet", "verbose"])]
    log_level: Option<String>,
    /// Log format (log.format).
    #[arg(long, global = true, value_enum)]
    log_format: Option<LogFormat>,
}

impl Logging {
    /// The level the flags ask for, if any.
    fn level(&self) -> Option<String> {
        if let Some(level) = &self.log_level {
            return Some(level.clone());
        }
        match (self.quiet, self.verbose) {
            (0, 0) => None,
            (1, _) => Some("warn".into()),
            (q, _) if q > 1 => Some("error".into()),
            (_, 1) => Some("info,wirewatch=debug".into()),
            _ => Some("debug,wirewatch=trace".into()),
        }
    }
}

/// A group of flags that sets configuration keys.
trait Layer {
    fn apply(&self, o: &mut Overrides);
}

/// The configuration file.
#[derive(Args, Debug, Clone, Default)]
struct ConfigFile {
    /// Configuration file (TOML); embedded defaults otherwise.
    #[arg(long, short = 'c', value_name = "FILE")]
    config: Option<PathBuf>,
}

/// The watched folder.
#[derive(Args, Debug, Clone, Default)]
struct WatchDir {
    /// Folder to watch (watch.dir).
    #[arg(long, value_name = "DIR")]
    watch: Option<PathBuf>,
}

impl Layer for WatchDir {
    fn apply(&self, o: &mut Overrides) {
        o.watch.clone_from(&self.watch);
    }
}

/// The output folder.
#[derive(Args, Debug, Clone, Default)]
struct OutDir {
    /// Output folder for records, quarantine and ledger (output.dir).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

impl Layer for OutDir {
    fn apply(&self, o: &mut Overrides) {
        o.out.clone_from(&self.out);
    }
}

/// The worker count.
#[derive(Args, Debug, Clone, Default)]
struct Workers {
    /// Worker threads; 0 = one per core (pipeline.workers).
    #[arg(long, value_name = "N")]
    workers: Option<usize>,
}

impl Layer for Workers {
    fn apply(&self, o: &mut Overrides) {
        o.workers = self.workers;
    }
}

/// The metrics address.
#[derive(Args, Debug, Clone, Default)]
struct MetricsAddr {
    /// Address of /metrics, /healthz, /readyz; a host name or an IP (metrics.addr).
    #[arg(long, value_name = "HOST:PORT")]
    metrics_addr: Option<String>,
}

impl Layer for MetricsAddr {
    fn apply(&self, o: &mut Overrides) {
        o.metrics_addr.clone_from(&self.metrics_addr);
    }
}

/// The NATS servers.
#[derive(Args, Debug, Clone, Default)]
struct NatsServers {
    /// NATS servers, comma-separated (nats.servers).
    #[arg(long, value_name = "URL")]
    nats: Option<String>,
}

impl Layer for NatsServers {
    fn apply(&self, o: &mut Overrides) {
        o.nats.clone_from(&self.nats);
    }
}

/// Where the index is kept.
#[derive(Args, Debug, Clone, Default)]
struct IndexUrl {
    /// The index: postgres://… or sqlite://PATH [default: an SQLite file in the output folder] (index.url).
    #[arg(long, value_name = "URL")]
    index_url: Option<String>,
}

impl Layer for IndexUrl {
    fn apply(&self, o: &mut Overrides) {
        o.index_url.clone_from(&self.index_url);
    }
}

/// Every flag group, for `check-config`, which shows their effect.
#[derive(Args, Debug, Clone, Default)]
struct AllLayers {
    #[command(flatten)]
    watch: WatchDir,
    #[command(flatten)]
    out: OutDir,
    #[command(flatten)]
    workers: Workers,
    #[command(flatten)]
    metrics: MetricsAddr,
    #[command(flatten)]
    nats: NatsServers,
    #[command(flatten)]
    index: IndexUrl,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the daemon: watch the folder and process every article (the default).
    #[command(after_help = "Example:\n  wirewatch run --watch inbox --out out")]
    Run {
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        watch: WatchDir,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        workers: Workers,
        #[command(flatten)]
        metrics: MetricsAddr,
        #[command(flatten)]
        index: IndexUrl,
    },
    /// Watch the folder like `run`, but publish each article to a NATS JetStream work queue.
    #[command(
        after_help = "Example:\n  wirewatch ingest --watch inbox --nats nats://127.0.0.1:4222"
    )]
    Ingest {
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        watch: WatchDir,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        metrics: MetricsAddr,
        #[command(flatten)]
        nats: NatsServers,
    },
    /// Pull articles from the NATS JetStream work queue, extract them and write their records.
    #[command(after_help = "Example:\n  wirewatch work --out out --nats nats://127.0.0.1:4222")]
    Work {
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        workers: Workers,
        #[command(flatten)]
        metrics: MetricsAddr,
        #[command(flatten)]
        nats: NatsServers,
        #[command(flatten)]
        index: IndexUrl,
    },
    /// Process files and folders once, with the daemon's output, then exit.
    #[command(after_help = "Example:\n  wirewatch process seeds --out out")]
    Process {
        /// Files or folders to process.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        workers: Workers,
        #[command(flatten)]
        index: IndexUrl,
    },
    /// Re-extract known articles from their sources (those made by an older
    /// extractor version, or all with --all), e.g. after an upgrade.
    #[command(after_help = "Example:\n  wirewatch reprocess --watch seeds --out out --all")]
    Reprocess {
        /// Only the sources below these paths (relative to the watched folder, or inside it).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Every known article, not only those made by an older version.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        watch: WatchDir,
        #[command(flatten)]
        out: OutDir,
    },
    /// Print one article's record on stdout (FILE or - for standard input); a
    /// .json or .jsonl feed gives one record per item as JSON lines.
    #[command(after_help = "Example:\n  wirewatch extract seeds/000_514d5b9f2e0d4f46.txt")]
    Extract {
        /// The article; standard input when absent or "-".
        #[arg(value_name = "FILE")]
        input: Option<PathBuf>,
        /// Read JSON lines {"id","text","reference_date"?,"format"?} and write one record per
        /// line, the caller's id in source.item.id; exits 1 when a line failed.
        #[arg(long)]
        jsonl: bool,
        /// With --jsonl or a feed: exit 0 even when some lines failed.
        #[arg(long)]
        keep_going: bool,
        /// Parse as this format instead of guessing from the name and content.
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
        /// Indent the record (the default when standard output is a terminal).
        #[arg(long, conflicts_with = "compact")]
        pretty: bool,
        /// One line of JSON (the default when standard output is not a terminal).
        #[arg(long)]
        compact: bool,
        #[command(flatten)]
        config: ConfigFile,
    },
    /// The fact ledger: the same figure across articles, side by side, and
    /// whether the sources agree (read from the index when there is one,
    /// else computed from the records folder).
    #[command(after_help = "Example:\n  wirewatch facts remittances --out out --disagreeing")]
    Facts {
        /// Only entries whose measure, entity, unit or wording holds this (any case).
        #[arg(value_name = "QUERY")]
        query: Option<String>,
        /// Compute the ledger from this records folder instead of reading the index.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// Only the figures of this story's articles (an id `wirewatch stories` prints).
        #[arg(long, value_name = "ID")]
        story: Option<String>,
        /// Only entries whose sources disagree.
        #[arg(long)]
        disagreeing: bool,
        /// Write {"entries": [...]} as JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        out: OutDir,
    },
    /// Print the record's JSON Schema.
    #[command(after_help = "Example:\n  wirewatch schema > record.schema.json")]
    Schema,
    /// Search the index: every word must appear ("a phrase", OR); newest first, with the matching sentence.
    #[command(after_help = "Example:\n  wirewatch search remittances --since 2025-01-01 --out out")]
    Search {
        #[command(flatten)]
        args: SearchArgs,
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        index: IndexUrl,
    },
    /// The entities the indexed articles name most.
    #[command(after_help = "Example:\n  wirewatch entities --top 10 --type person --out out")]
    Entities {
        #[command(flatten)]
        args: EntitiesArgs,
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        index: IndexUrl,
    },
    /// Keep the index: `rebuild` it from the records folder; without an action,
    /// index the NATS records stream (a cluster's indexer: --nats, --index-url).
    #[command(
        after_help = "Examples:\n  wirewatch index rebuild --out out\n  wirewatch index --nats nats://127.0.0.1:4222 --index-url postgres://wirewatch@localhost/wirewatch"
    )]
    Index {
        #[command(subcommand)]
        action: Option<IndexAction>,
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        nats: NatsServers,
        #[command(flatten)]
        index: IndexUrl,
    },
    /// Print the stories of the index (or group a folder of records, in the order a fresh index places them: by day, then id).
    #[command(
        after_help = "Examples:\n  wirewatch stories --out out --since 2025-01-01\n  wirewatch stories --records out/records --json"
    )]
    Stories {
        /// Group this records folder instead of reading the index.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// Only stories with an article on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<chrono::NaiveDate>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        out: OutDir,
        #[command(flatten)]
        index: IndexUrl,
    },
    /// Score extraction on a benchmark with ground truth.
    #[cfg(feature = "tools")]
    Eval {
        #[command(subcommand)]
        benchmark: EvalCommand,
    },
    /// Validate the configuration and print the effective values.
    #[command(after_help = "Example:\n  wirewatch check-config -c config/wirewatch.toml")]
    CheckConfig {
        #[command(flatten)]
        config: ConfigFile,
        #[command(flatten)]
        all: AllLayers,
    },
    /// Train the entity recognizer on CoNLL-style data and write the model.
    #[cfg(feature = "tools")]
    TrainNer(tools::train_ner::Options),
    /// Learn the recognizer's word clusters from unlabeled text.
    #[cfg(feature = "tools")]
    TrainClusters(tools::train_clusters::Options),
    /// Fit the keyword model (data/keywords/model.tsv) on readers' keyphrases; prints its cross-validated figures.
    #[cfg(feature = "tools")]
    TrainKeywords(tools::train_keywords::Options),
    /// Build the keyword background table (data/keywords/df.tsv) from the news corpora under DATA; prints it.
    #[cfg(feature = "tools")]
    BuildKeywordTable {
        /// The shared data folder (holds news/bbc and unlabeled/).
        #[arg(value_name = "DATA")]
        data: PathBuf,
    },
    /// Build the places table (data/places.tsv) from GeoNames and ISO 3166 files; prints it.
    #[cfg(feature = "tools")]
    BuildGazetteer {
        /// Folder with countries.json, cities15000.json, iso3166-1.json, iso3166-2.json.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

impl Command {
    /// The configuration file and the flag groups this command was given.
    fn layers(&self) -> (Option<&ConfigFile>, Vec<&dyn Layer>) {
        match self {
            Command::Run {
                config,
                watch,
                out,
                workers,
                metrics,
                index,
            } => (Some(config), vec![watch, out, workers, metrics, index]),
            Command::Ingest {
                config,
                watch,
                out,
                metrics,
                nats,
            } => (Some(config), vec![watch, out, metrics, nats]),
            Command::Work {
                config,
                out,
                workers,
                metrics,
                nats,
                index,
            } => (Some(config), vec![out, workers, metrics, nats, index]),
            Command::Process {
                config,
                out,
                workers,
                index,
                ..
            } => (Some(config), vec![out, workers, index]),
            Command::Reprocess {
                config, watch, out, ..
            } => (Some(config), vec![watch, out]),
            Command::Extract { config, .. } => (Some(config), vec![]),
            Command::Facts { config, out, .. } => (Some(config), vec![out]),
            Command::Stories {
                config, out, index, ..
            } => (Some(config), vec![out, index]),
            Command::Search {
                config, out, index, ..
            }
            | Command::Entities {
                config, out, index, ..
            } => (Some(config), vec![out, index]),
            Command::Index {
                config,
                out,
                nats,
                index,
                ..
            } => (Some(config), vec![out, nats, index]),
            Command::CheckConfig { config, all } => (
                Some(config),
                vec![
                    &all.watch,
                    &all.out,
                    &all.workers,
                    &all.metrics,
                    &all.nats,
                    &all.index,
                ],
            ),
            _ => (None, vec![]),
        }
    }
}

#[derive(Args, Debug)]
struct SearchArgs {
    /// The words to find (none: list by the filters alone).
    #[arg(value_name = "QUERY")]
    query: Vec<String>,
    /// Only articles dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles naming this entity (any case).
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// The entity's type: person, organization, place or misc.
    #[arg(long = "type", value_name = "TYPE")]
    entity_type: Option<String>,
    /// Articles to show at most.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
    /// Print JSON: {"articles": [...]}.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct EntitiesArgs {
    /// Entities to show.
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
    /// Only articles dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only this type: person, organization, place or misc.
    #[arg(long = "type", value_name = "TYPE")]
    entity_type: Option<String>,
    /// Print JSON: {"entities": [...]}.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum IndexAction {
    /// Empty the index and index every record file of the output folder again.
    Rebuild,
}

/// How `eval html --cv` splits the pages into folds.
#[cfg(feature = "tools")]
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum CrossValidation {
    /// One fold per site (the page address's registrable host).
    Hosts,
}

#[cfg(feature = "tools")]
#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// HTML main text on the article-extraction benchmark (DIR holds html/ and ground-truth.json).
    Html {
        /// The benchmark folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// List the N worst pages.
        #[arg(long, value_name = "N", default_value_t = 0)]
        per_page: usize,
        /// Write each page's extracted body to DIR/<id>.txt.
        #[arg(long, value_name = "DIR")]
        dump: Option<PathBuf>,
        /// Cross-validate the extractor's thresholds: `hosts` chooses them on
        /// every site but one and scores the site left out, for each site.
        #[arg(long, value_name = "BY", value_enum)]
        cv: Option<CrossValidation>,
    },
    /// Money, percentages, numbers and units on the Recognizers-Text English specs (DIR holds Number/, NumberWithUnit/, …).
    Recognizers {
        /// The spec folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// List the failing cases (those not flagged for dotnet).
        #[arg(long)]
        failures: bool,
    },
    /// Quotes and their speakers on PolNeAR's layout (DIR holds text/ and attributions/).
    Quotes {
        /// The split folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// List the N articles with the lowest F1, with their missed and spurious quotes.
        #[arg(long, value_name = "N", default_value_t = 0)]
        failures: usize,
        /// Write each article's predicted quotes to OUT (JSON lines, code points).
        #[arg(long, value_name = "OUT")]
        predictions: Option<PathBuf>,
    },
    /// Keywords against readers' keyphrases (DIR holds docsutf8/ and keys/).
    Keyphrases {
        /// The dataset folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Story grouping on labelled article pairs (DIR holds the articles and pairs CSV files).
    Stories {
        /// The dataset folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Also list every labelled pair the grouping gets wrong (split or joined), with the days between the articles, their TF-IDF cosine, titles and shared terms.
        #[arg(long)]
        pairs: bool,
    },
    /// Named entities on a labelled file (CoNLL, UNER or CrossNER layout, detected), conlleval rules.
    Ner {
        /// The file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Write the file back with the predicted tag as a last column.
        #[arg(long, value_name = "OUT")]
        predictions: Option<PathBuf>,
        /// Use this model file instead of the embedded model.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Score only these types (comma separated; default: the types the file annotates, PER,ORG,LOC on UNER).
        #[arg(long, value_name = "TYPES", value_delimiter = ',')]
        types: Vec<String>,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    match s {
        "text" | "txt" => Ok(Format::Text),
        "markdown" | "md" => Ok(Format::Markdown),
        "html" => Ok(Format::Html),
        _ => Err(format!(
            "unknown format {s:?}: expected text, markdown or html"
        )),
    }
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date: expected YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader of the output went away (`| head`): nothing to report.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", error_chain(&e));
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to standard output. A reader that has gone (`| head`)
/// gives an error [`is_broken_pipe`] recognizes, never a panic as `print!`.
fn emit(text: impl std::fmt::Display) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    write!(out, "{text}")?;
    out.flush()
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line, leaving out a cause whose text the
/// message before it already holds (`cannot read x: No such file (os error
/// 2)` is not followed by the same `No such file (os error 2)` again).
fn error_chain(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// The exit code of a run that ended without an error: 0 once drained,
/// 130 after a second signal, 1 when the drain took too long.
fn exit_code(stopped: Stopped) -> ExitCode {
    match stopped {
        Stopped::Drained(_) => ExitCode::SUCCESS,
        Stopped::Interrupted => ExitCode::from(130),
        Stopped::TimedOut => ExitCode::FAILURE,
    }
}

/// 0 when nothing failed, 1 otherwise.
fn failures(failed: u64) -> ExitCode {
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let command = cli.command.unwrap_or(Command::Run {
        config: ConfigFile::default(),
        watch: WatchDir::default(),
        out: OutDir::default(),
        workers: Workers::default(),
        metrics: MetricsAddr::default(),
        index: IndexUrl::default(),
    });
    let (file, layers) = command.layers();
    let mut overrides = Overrides {
        log_format: cli.logging.log_format,
        log_level: cli.logging.level(),
        ..Overrides::default()
    };
    for layer in layers {
        layer.apply(&mut overrides);
    }
    let config = match file {
        Some(file) => Some(Config::load(file.config.as_deref(), &overrides)?),
        None => None,
    };
    if !matches!(command, Command::Schema | Command::CheckConfig { .. }) {
        let (format, level) = match &config {
            Some(c) => (c.log.format, c.log.level.clone()),
            None => (
                overrides.log_format.unwrap_or(LogFormat::Pretty),
                overrides.log_level.clone().unwrap_or_else(|| "info".into()),
            ),
        };
        logging::init(format, &level);
    }
    let config = || {
        config
            .clone()
            .context("this command takes no configuration")
    };
    match command {
        Command::Run { .. } => Ok(exit_code(commands::run::run(config()?)?)),
        Command::Ingest { .. } => Ok(exit_code(commands::ingest::run(config()?)?)),
        Command::Work { .. } => Ok(exit_code(commands::work::run(config()?)?)),
        Command::Process { paths, .. } => match commands::process::process(config()?, paths)? {
            (Stopped::Drained(_), report) => {
                emit(format_args!("{report}\n"))?;
                Ok(failures(report.summary.failed))
            }
            (stopped, _) => Ok(exit_code(stopped)),
        },
        Command::Reprocess { paths, all, .. } => {
            let r = commands::reprocess::reprocess(&config()?, &paths, all)?;
            emit(format_args!(
                "{} records: {} re-extracted, {} already current, {} without their source, {} changed since, {} failed in {} s\n",
                r.renewed + r.current + r.missing + r.changed + r.failed,
                r.renewed,
                r.current,
                r.missing,
                r.changed,
                r.failed,
                logging::secs(r.took)
            ))?;
            Ok(failures(r.failed as u64))
        }
        Command::Extract {
            input,
            jsonl,
            keep_going,
            format,
            pretty,
            compact,
            ..
        } => {
            let config = config()?;
            let stdout = std::io::stdout();
            let pretty = pretty || (!compact && stdout.is_terminal());
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut failed = 0;
            if jsonl {
                let (reader, name): (Box<dyn std::io::BufRead>, String) = match input.as_deref() {
                    Some(p) if p.as_os_str() != "-" => (
                        Box::new(std::io::BufReader::new(
                            std::fs::File::open(p)
                                .with_context(|| format!("cannot open {}", p.display()))?,
                        )),
                        p.display().to_string(),
                    ),
                    _ => (
                        Box::new(std::io::BufReader::new(std::io::stdin())),
                        "-".into(),
                    ),
                };
                let (lines, errors) = commands::extract::jsonl(&config, reader, &name, &mut out)?;
                if errors > 0 {
                    tracing::warn!(lines, errors, "some lines could not be processed");
                }
                failed = errors;
            } else if let Some(path) = input.as_deref().filter(|p| commands::extract::is_feed(p)) {
                let (items, errors) = commands::extract::feed(&config, path, &mut out)?;
                if errors > 0 {
                    tracing::warn!(items, errors, "some feed items are not articles");
                }
                failed = errors;
            } else {
                let record = commands::extract::one(&config, input.as_deref(), format)?;
                if pretty {
                    serde_json::to_writer_pretty(&mut out, &record)?;
                } else {
                    serde_json::to_writer(&mut out, &record)?;
                }
                out.write_all(b"\n")?;
            }
            out.flush()?;
            Ok(if keep_going {
                ExitCode::SUCCESS
            } else {
                failures(failed as u64)
            })
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark:
                EvalCommand::Html {
                    dir,
                    per_page,
                    dump,
                    cv: Some(CrossValidation::Hosts),
                },
        } => {
            anyhow::ensure!(
                per_page == 0 && dump.is_none(),
                "--cv hosts prints the cross-validated figures only; run without --cv for --per-page or --dump"
            );
            emit(tools::eval::html_cv::run(&dir)?)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark:
                EvalCommand::Html {
                    dir,
                    per_page,
                    dump,
                    cv: None,
                },
        } => {
            let options = tools::eval::html::Options { per_page, dump };
            emit(tools::eval::html::run(&dir, &options)?)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark: EvalCommand::Recognizers { dir, failures },
        } => {
            let options = tools::eval::recognizers::Options { failures };
            emit(tools::eval::recognizers::run(&dir, &options)?)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark:
                EvalCommand::Quotes {
                    dir,
                    failures,
                    predictions,
                },
        } => {
            let options = tools::eval::quotes::Options { failures };
            emit(tools::eval::quotes::run(
                &dir,
                &options,
                predictions.as_deref(),
            )?)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark:
                EvalCommand::Ner {
                    file,
                    predictions,
                    model,
                    types,
                },
        } => {
            let options = tools::eval::ner::Options {
                predictions,
                model,
                types,
            };
            let report = tools::eval::ner::run(&file, &options)?;
            emit(report.text)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::TrainNer(options) => {
            tools::train_ner::run(&options)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::TrainClusters(options) => {
            tools::train_clusters::run(&options)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::TrainKeywords(options) => {
            print!("{}", tools::train_keywords::run(&options)?);
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark: EvalCommand::Keyphrases { dir },
        } => {
            emit(tools::eval::keyphrases::run(&dir)?)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark: EvalCommand::Stories { dir, pairs },
        } => {
            emit(
                // The settings that ship (the embedded defaults), not a config file's.
                tools::eval::stories::run(
                    &dir,
                    &Config::load(None, &Overrides::default())?.story_settings(),
                    pairs,
                )?,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::BuildKeywordTable { data } => {
            emit(tools::build_keyword_table::build(&data)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories {
            records,
            since,
            json,
            ..
        } => {
            let found = match records {
                Some(records) => wirewatch::stories::records::stories(
                    &records,
                    since,
                    &config()?.story_settings(),
                )
                .with_context(|| format!("cannot group {}", records.display()))?,
                None => commands::search::stories(&config()?, since)?,
            };
            for why in &found.unreadable {
                eprintln!("warning: skipped {why}");
            }
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if json {
                serde_json::to_writer_pretty(&mut out, &found)?;
                out.write_all(b"\n")?;
            } else {
                write!(out, "{}", wirewatch::stories::records::text(&found))?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::BuildGazetteer { dir } => {
            emit(tools::build_gazetteer::build(&dir)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Facts {
            query,
            records,
            story,
            disagreeing,
            json,
            ..
        } => {
            let options = commands::facts::Options {
                query,
                records,
                story,
                disagreeing,
                json,
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            commands::facts::facts(&config()?, &options, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search { args: a, .. } => {
            let search = commands::search::Search {
                q: a.query.join(" "),
                since: a.since,
                entity: a.entity,
                entity_type: a.entity_type,
                limit: Some(a.limit),
            };
            let mut out = std::io::stdout().lock();
            commands::search::search(&config()?, &search, a.json, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Entities { args: a, .. } => {
            let q = commands::search::Entities {
                top: Some(a.top),
                since: a.since,
                entity_type: a.entity_type,
            };
            let mut out = std::io::stdout().lock();
            commands::search::entities(&config()?, &q, a.json, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Index { action: None, .. } => {
            commands::index::consume(&config()?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Index {
            action: Some(IndexAction::Rebuild),
            ..
        } => {
            let started = std::time::Instant::now();
            let n = commands::index::rebuild(&config()?)?;
            emit(format_args!(
                "index rebuilt: {n} articles in {} s\n",
                logging::secs(started.elapsed())
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            emit(wirewatch::record::json_schema())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckConfig { .. } => {
            emit(format_args!(
                "# effective configuration (defaults, file, environment, flags)\n"
            ))?;
            emit(config()?.to_toml())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_in_the_message_is_not_printed_again() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let text = io.to_string();
        let e = anyhow::Error::new(io).context(format!("cannot read x.toml: {text}"));
        assert_eq!(error_chain(&e), format!("cannot read x.toml: {text}"));
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = anyhow::Error::new(io).context("cannot open x");
        assert_eq!(error_chain(&e), format!("cannot open x: {text}"));
    }
}
