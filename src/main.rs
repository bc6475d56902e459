//! The `wirewatch` command line: parses arguments and calls the library.

use std::io::Write;
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

/// Watch a folder for news articles and write one JSON record of facts per article.
#[derive(Parser, Debug)]
#[command(name = "wirewatch", version, about, propagate_version = true)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Option<Command>,
}

/// Options that override the configuration, accepted by every command.
#[derive(Args, Debug, Clone)]
struct Global {
    /// Configuration file (TOML); embedded defaults otherwise.
    #[arg(long, short = 'c', global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Folder to watch (watch.dir).
    #[arg(long, global = true, value_name = "DIR")]
    watch: Option<PathBuf>,
    /// Output folder for records, quarantine and ledger (output.dir).
    #[arg(long, global = true, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Address of /metrics, /healthz, /readyz (metrics.addr).
    #[arg(long, global = true, value_name = "HOST:PORT")]
    metrics_addr: Option<String>,
    /// Worker threads; 0 = one per core (pipeline.workers).
    #[arg(long, global = true, value_name = "N")]
    workers: Option<usize>,
    /// Log format (log.format).
    #[arg(long, global = true, value_enum)]
    log_format: Option<LogFormat>,
    /// NATS servers, comma-separated, for ingest and work (nats.servers).
    #[arg(long, global = true, value_name = "URL")]
    nats: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the daemon: watch the folder and process every article (the default).
    Run,
    /// Watch the folder like `run`, but publish each article to a NATS JetStream work queue.
    Ingest,
    /// Pull articles from the NATS JetStream work queue, extract them and write their records.
    Work,
    /// Process files and folders once, with the daemon's output, then exit.
    Process {
        /// Files or folders to process.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Re-extract known articles from their sources (those made by an older
    /// extractor version, or all with --all), e.g. after an upgrade.
    Reprocess {
        /// Only the sources below these paths (relative to the watched folder, or inside it).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Every known article, not only those made by an older version.
        #[arg(long)]
        all: bool,
    },
    /// Print one article's record on stdout (FILE or - for standard input); a
    /// .json or .jsonl feed gives one record per item as JSON lines.
    Extract {
        /// The article; standard input when absent or "-".
        #[arg(value_name = "FILE")]
        input: Option<PathBuf>,
        /// Read JSON lines {"id","text","reference_date"?,"format"?} and write one record per line.
        #[arg(long)]
        jsonl: bool,
        /// Parse as this format instead of guessing from the name and content.
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
    },
    /// Print the record's JSON Schema.
    Schema,
    /// Group a folder of records into stories (in order of ingest) and print them.
    Stories {
        /// The records folder (the `records/` folder of the output).
        #[arg(long, value_name = "DIR")]
        records: PathBuf,
        /// Only stories with an article on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<chrono::NaiveDate>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Score extraction on a benchmark with ground truth.
    #[cfg(feature = "tools")]
    Eval {
        #[command(subcommand)]
        benchmark: EvalCommand,
    },
    /// Validate the configuration and print the effective values.
    CheckConfig,
    /// Train the entity recognizer on CoNLL-style data and write the model.
    #[cfg(feature = "tools")]
    TrainNer(tools::train_ner::Options),
    /// Learn the recognizer's word clusters from unlabeled text.
    #[cfg(feature = "tools")]
    TrainClusters(tools::train_clusters::Options),
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
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
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

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let g = &cli.global;
    let overrides = Overrides {
        watch: g.watch.clone(),
        out: g.out.clone(),
        metrics_addr: g.metrics_addr.clone(),
        workers: g.workers,
        log_format: g.log_format,
        nats: g.nats.clone(),
    };
    let config = Config::load(g.config.as_deref(), &overrides)?;
    config.apply_extraction_settings();
    let command = cli.command.unwrap_or(Command::Run);
    if !matches!(
        command,
        Command::Schema | Command::CheckConfig | Command::Stories { .. }
    ) {
        logging::init(config.log.format, &config.log.level);
    }
    match command {
        Command::Run => Ok(exit_code(commands::run::run(config)?)),
        Command::Ingest => Ok(exit_code(commands::ingest::run(config)?)),
        Command::Work => Ok(exit_code(commands::work::run(config)?)),
        Command::Process { paths } => {
            let (s, took) = match commands::process::process(config, paths)? {
                (Stopped::Drained(s), took) => (s, took),
                (stopped, _) => return Ok(exit_code(stopped)),
            };
            let rate = s.files as f64 / took.as_secs_f64().max(1e-9);
            println!(
                "{} files: {} ok, {} duplicates, {} unchanged, {} quarantined, {} failed in {} s ({rate:.0} files/s)",
                s.files,
                s.ok,
                s.duplicates,
                s.unchanged,
                s.quarantined,
                s.failed,
                logging::secs(took)
            );
            Ok(if s.failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Reprocess { paths, all } => {
            let r = commands::reprocess::reprocess(&config, &paths, all)?;
            println!(
                "{} records: {} re-extracted, {} already current, {} without their source, {} changed since, {} failed in {} s",
                r.renewed + r.current + r.missing + r.changed + r.failed,
                r.renewed,
                r.current,
                r.missing,
                r.changed,
                r.failed,
                logging::secs(r.took)
            );
            Ok(if r.failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Extract {
            input,
            jsonl,
            format,
        } => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if jsonl {
                let reader: Box<dyn std::io::BufRead> = match input.as_deref() {
                    Some(p) if p.as_os_str() != "-" => Box::new(std::io::BufReader::new(
                        std::fs::File::open(p)
                            .with_context(|| format!("cannot open {}", p.display()))?,
                    )),
                    _ => Box::new(std::io::BufReader::new(std::io::stdin())),
                };
                let (lines, errors) = commands::extract::jsonl(reader, &mut out)?;
                if errors > 0 {
                    tracing::warn!(lines, errors, "some lines could not be processed");
                }
            } else if let Some(path) = input.as_deref().filter(|p| commands::extract::is_feed(p)) {
                let (items, errors) = commands::extract::feed(&config, path, &mut out)?;
                if errors > 0 {
                    tracing::warn!(items, errors, "some feed items are not articles");
                }
            } else {
                let record = commands::extract::one(&config, input.as_deref(), format)?;
                serde_json::to_writer_pretty(&mut out, &record)?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark:
                EvalCommand::Html {
                    dir,
                    per_page,
                    dump,
                },
        } => {
            let options = tools::eval::html::Options { per_page, dump };
            print!("{}", tools::eval::html::run(&dir, &options)?);
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark: EvalCommand::Recognizers { dir, failures },
        } => {
            let options = tools::eval::recognizers::Options { failures };
            print!("{}", tools::eval::recognizers::run(&dir, &options)?);
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
            print!(
                "{}",
                tools::eval::quotes::run(&dir, &options, predictions.as_deref())?
            );
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
            print!("{}", report.text);
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
        Command::Eval {
            benchmark: EvalCommand::Keyphrases { dir },
        } => {
            print!("{}", tools::eval::keyphrases::run(&dir)?);
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::Eval {
            benchmark: EvalCommand::Stories { dir },
        } => {
            print!(
                "{}",
                tools::eval::stories::run(&dir, &config.story_settings())?
            );
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "tools")]
        Command::BuildKeywordTable { data } => {
            print!("{}", tools::build_keyword_table::build(&data)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories {
            records,
            since,
            json,
        } => {
            let found =
                wirewatch::stories::records::stories(&records, since, &config.story_settings())
                    .with_context(|| format!("cannot group {}", records.display()))?;
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
            print!("{}", tools::build_gazetteer::build(&dir)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print!("{}", wirewatch::record::json_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckConfig => {
            println!("# effective configuration (defaults, file, environment, flags)");
            print!("{}", config.to_toml());
            Ok(ExitCode::SUCCESS)
        }
    }
}
