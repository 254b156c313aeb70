//! The `relmap` command: parse arguments, call the library, turn errors into messages and exit codes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use relmap::app::loader::Sources;
use relmap::output::{GraphJson, summary, write_atomically};
use relmap::{Corpus, ExtractOptions, Extractor, KnowledgeBase, LoadOptions};

/// Exit code for usage and input errors (clap uses it too).
const EXIT_INPUT: u8 = 2;

#[derive(Parser)]
#[command(
    name = "relmap",
    version,
    about = "Relationship maps of countries, leaders and organisations from news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Open articles (files or folders) in the app window. With no command at all, relmap
    /// opens the window on the seed articles.
    Open {
        /// Articles: .txt, .md, .html, .jsonl files or folders (read recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// A knowledge-base file of your own, merged over the built-in one.
        #[arg(long)]
        kb: Option<PathBuf>,
    },
    /// Print the seed articles' graph summary (what the window shows, as text).
    Summary,
    /// Extract the graph of articles (files or folders) and write it as JSON or print a summary.
    Extract(ExtractArgs),
    /// Score an extraction against a hand annotation (seeds-gold.json format).
    Eval {
        /// The annotation file.
        #[arg(long)]
        gold: PathBuf,
        /// Print every false positive and negative.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Args)]
struct ExtractArgs {
    /// Write the graph as relmap.graph/1 JSON to this file (atomically); without it, print a summary.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print how long each step took and the throughput.
    #[arg(long)]
    timings: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args)]
struct InputArgs {
    /// Articles: .txt, .md, .html, .jsonl files or folders (read recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// A knowledge-base file of your own, merged over the built-in one.
    #[arg(long)]
    kb: Option<PathBuf>,
    /// The largest file to read, in MB.
    #[arg(long, default_value_t = 64)]
    max_file_mb: u64,
    /// The date undated articles are read at (YYYY-MM-DD); default: the latest article date.
    #[arg(long)]
    reference_date: Option<String>,
    /// Threads for large corpora (0 = one per core); the output is the same for any number.
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("relmap: {err:#}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => open_window(KnowledgeBase::builtin()?, Sources::Seeds),
        Some(Command::Open { paths, kb }) => {
            let kb = match &kb {
                Some(path) => KnowledgeBase::builtin_with_user_file(path)?,
                None => KnowledgeBase::builtin()?,
            };
            let missing: Vec<String> = paths.iter().filter(|p| !p.exists()).map(|p| p.display().to_string()).collect();
            if missing.len() == paths.len() {
                anyhow::bail!("{}: no such file or folder", missing.join(", "));
            }
            open_window(kb, Sources::Paths(paths))
        }
        Some(Command::Summary) => {
            let kb = KnowledgeBase::builtin()?;
            let ex = Extractor::new(&kb).extract(&Corpus::seeds(), &ExtractOptions::default());
            println!("relmap: the seed articles (SCO summit, Astana, July 2024)\n");
            print!("{}", summary(&ex));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Extract(args)) => extract(args),
        Some(Command::Eval { gold, verbose, input }) => {
            let (kb, corpus, options, input_ok) = load(&input)?;
            let text = std::fs::read_to_string(&gold).with_context(|| format!("{}: cannot read", gold.display()))?;
            let gold: relmap::eval::Gold = serde_json::from_str(&text)
                .with_context(|| format!("{}: not a gold annotation file", gold.display()))?;
            let ex = Extractor::new(&kb).extract(&corpus, &options);
            print!("{}", relmap::eval::score(&ex, &kb, &gold).render(verbose));
            Ok(exit(input_ok))
        }
    }
}

/// Opens the app window; without a display, says so and points to the command line.
fn open_window(kb: KnowledgeBase, sources: Sources) -> anyhow::Result<ExitCode> {
    match relmap::app::run(kb, sources) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!(
                "relmap: cannot open a window ({e}); is there a display? `relmap summary` and `relmap extract` work without one"
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let (kb, corpus, options, input_ok) = load(&args.input)?;
    let t1 = Instant::now();
    let extractor = Extractor::new(&kb);
    let t2 = Instant::now();
    let ex = extractor.extract(&corpus, &options);
    let t3 = Instant::now();
    match &args.out {
        Some(path) => {
            let json = GraphJson::from_extraction(&ex).to_json_pretty();
            write_atomically(path, json.as_bytes()).with_context(|| format!("{}: cannot write", path.display()))?;
            eprintln!(
                "relmap: wrote {} ({} documents, {} nodes, {} edges, {} warnings)",
                path.display(),
                ex.documents.len(),
                ex.graph.node_count(),
                ex.graph.edge_count(),
                ex.warnings.len()
            );
        }
        None => print!("{}", summary(&ex)),
    }
    if args.timings {
        let mb = corpus.total_bytes() as f64 / 1e6;
        let secs = (t3 - t2).as_secs_f64();
        eprintln!(
            "timings: load + knowledge base {:.1} ms, matcher build {:.1} ms, extraction {:.1} ms ({mb:.2} MB, {:.1} MB/s), output {:.1} ms",
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            secs * 1e3,
            mb / secs.max(1e-9),
            t3.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(exit(input_ok))
}

/// Loads the knowledge base and the articles; input errors are printed, the rest still loads.
fn load(input: &InputArgs) -> anyhow::Result<(KnowledgeBase, Corpus, ExtractOptions, bool)> {
    let kb = match &input.kb {
        Some(path) => KnowledgeBase::builtin_with_user_file(Path::new(path))?,
        None => KnowledgeBase::builtin()?,
    };
    let reference_date = match &input.reference_date {
        Some(d) => relmap::kb::parse_date(Some(d)).map_err(|e| anyhow::anyhow!("--reference-date: {e}"))?,
        None => None,
    };
    let options = LoadOptions { max_file_bytes: input.max_file_mb.saturating_mul(1024 * 1024) };
    let (corpus, errors) = Corpus::load(&input.paths, &options);
    for e in &errors {
        eprintln!("relmap: {e}");
    }
    for w in corpus.warnings.iter() {
        eprintln!("relmap: warning: {}", w.message);
    }
    if corpus.documents.is_empty() {
        anyhow::bail!(
            "no articles to read in {}",
            input.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    Ok((kb, corpus, ExtractOptions { reference_date, threads: input.threads }, errors.is_empty()))
}

fn exit(input_ok: bool) -> ExitCode {
    if input_ok { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INPUT) }
}
