//! The `relmap` command: parse arguments, call the library, turn errors into messages and exit codes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use relmap::app::loader::Sources;
use relmap::output::{GraphJson, summary, write_atomically};
use relmap::{Corpus, ExtractOptions, Extractor, KnowledgeBase, LoadOptions};

// Extraction makes many small, short-lived allocations: mimalloc serves them ~15% faster
// than the system allocator (the benchmarks use it too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Export the map of articles as images (PNG, SVG) or data (GEXF, GraphML, CSV, JSON).
    Export(Box<ExportArgs>),
    /// Extract the graph of articles (files or folders) and write it as JSON or print a summary.
    Extract(ExtractArgs),
    /// Make a .relmap project of articles, laid out, to open in the app (`relmap open`) or to
    /// export from later.
    Project(ProjectArgs),
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
struct ProjectArgs {
    /// The project file to write (atomically: an interrupted write leaves the old file).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Keep the articles' text in the project, so that it opens anywhere without them;
    /// otherwise the project lists their paths and reads them again when it opens.
    #[arg(long)]
    embed: bool,
    /// Layout seed: the same seed gives the same map.
    #[arg(long)]
    seed: Option<u64>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args)]
struct ExportArgs {
    /// A PNG image (a slide: the whole visible map, fitted).
    #[arg(long, value_name = "FILE")]
    png: Option<PathBuf>,
    /// An SVG image of the same scene (text stays text).
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
    /// GEXF 1.3 for Gephi (positions, colours, sizes, attributes).
    #[arg(long, value_name = "FILE")]
    gexf: Option<PathBuf>,
    /// GraphML with the same attributes.
    #[arg(long, value_name = "FILE")]
    graphml: Option<PathBuf>,
    /// A folder for nodes.csv, edges.csv and evidence.csv.
    #[arg(long, value_name = "DIR")]
    csv: Option<PathBuf>,
    /// relmap.graph/1 JSON plus the layout's positions.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Image width and height in pixels (before --scale).
    #[arg(long, default_value_t = 1920)]
    width: u32,
    #[arg(long, default_value_t = 1080)]
    height: u32,
    /// Multiplies the image's pixel size and everything in it.
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
    /// white, dark or transparent.
    #[arg(long, default_value = "white")]
    background: String,
    /// Show only these blocs: sco, sco-members, sco-observers, sco-partners, nato, csto, brics, eu, other.
    #[arg(long, value_name = "BLOCS")]
    filter: Option<String>,
    /// Leave out ties of fewer sentences.
    #[arg(long, default_value_t = 1)]
    min_weight: usize,
    /// Also draw structural ties (leads, member of).
    #[arg(long)]
    structural: bool,
    /// Layout seed: the same seed gives the same picture.
    #[arg(long)]
    seed: Option<u64>,
    /// No legend on the image.
    #[arg(long)]
    no_legend: bool,
    /// Caption text; `none` for no caption; default: articles, dates and filters.
    #[arg(long)]
    caption: Option<String>,
    /// A title at the head of the caption line.
    #[arg(long)]
    title: Option<String>,
    /// Print how long each step took.
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
            if let [one] = paths.as_slice()
                && relmap::project::is_project(one)
            {
                let project = relmap::project::Project::open(one)?;
                return open_window(kb, Sources::Project(Box::new(project), one.clone()));
            }
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
        Some(Command::Export(args)) => export(*args),
        Some(Command::Project(args)) => make_project(args),
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

fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    use relmap::export::scene::{Background, ImageOptions};
    use relmap::view::{Bloc, EdgeClass, ViewFilter};
    let t0 = Instant::now();
    let outputs = [&args.png, &args.svg, &args.gexf, &args.graphml, &args.csv, &args.json];
    if outputs.iter().all(|o| o.is_none()) {
        anyhow::bail!("nothing to export: give at least one of --png, --svg, --gexf, --graphml, --csv, --json");
    }
    let background = Background::parse(&args.background)
        .ok_or_else(|| anyhow::anyhow!("--background: `{}` is not white, dark or transparent", args.background))?;
    if args.width == 0 || args.height == 0 || args.width > 16384 || args.height > 16384 {
        anyhow::bail!("--width/--height: {}×{} is outside 1..16384 pixels", args.width, args.height);
    }
    if !(args.scale > 0.0 && args.scale <= 8.0) {
        anyhow::bail!("--scale: {} is outside (0, 8]", args.scale);
    }
    let mut filter = ViewFilter { min_weight: args.min_weight.max(1), ..ViewFilter::default() };
    if let Some(list) = &args.filter {
        filter.only_blocs = Bloc::parse_list(list).map_err(|e| anyhow::anyhow!("--filter: {e}"))?;
    }
    if args.structural {
        filter.edge_classes.extend([EdgeClass::Leads, EdgeClass::MemberOf]);
    }
    let mut layout = relmap::layout::LayoutSettings::default();
    let project = match args.input.paths.as_slice() {
        [one] if relmap::project::is_project(one) => Some(relmap::project::Project::open(one)?),
        _ => None,
    };
    let (kb, corpus, input_ok, known, pinned) = match &project {
        Some(p) => {
            let kb = p.knowledge_base().unwrap_or_else(KnowledgeBase::builtin)?;
            let (corpus, errors) = p.corpus();
            for e in &errors {
                eprintln!("relmap: {e}");
            }
            layout.seed = p.layout_seed;
            if args.filter.is_none() && args.min_weight <= 1 && !args.structural {
                filter = p.filter.clone();
            }
            (kb, corpus, errors.is_empty(), p.positions.clone(), p.pinned.clone())
        }
        None => {
            let (kb, corpus, _, input_ok) = load(&args.input)?;
            (kb, corpus, input_ok, Default::default(), Default::default())
        }
    };
    if let Some(seed) = args.seed {
        layout.seed = seed;
    }
    let t1 = Instant::now();
    let map =
        relmap::map::Map::build(&kb, corpus, filter, relmap::view::SizeMeasure::Mentions, layout, &known, &pinned);
    let t2 = Instant::now();
    let details = match args.caption.as_deref() {
        Some("none") => None,
        Some(text) => Some(text.to_string()),
        None => Some(map.caption()),
    };
    let caption = relmap::map::caption_line(args.title.as_deref().unwrap_or_default(), details);
    let options = ImageOptions {
        width: args.width,
        height: args.height,
        scale: args.scale,
        background,
        legend: !args.no_legend,
        caption,
        ..ImageOptions::default()
    };
    use relmap::export::Format;
    let wanted = [
        (Format::Svg, &args.svg),
        (Format::Png, &args.png),
        (Format::Gexf, &args.gexf),
        (Format::GraphMl, &args.graphml),
        (Format::Csv, &args.csv),
        (Format::Json, &args.json),
    ];
    map.with_snapshot(|snap| -> anyhow::Result<()> {
        for (format, path) in wanted {
            if let Some(path) = path {
                for file in snap.write(format, path, &options)? {
                    eprintln!("relmap: wrote {}", file.display());
                }
            }
        }
        Ok(())
    })?;
    if args.timings {
        eprintln!(
            "timings: load {:.1} ms, extract + layout {:.1} ms, export {:.1} ms",
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            t2.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(exit(input_ok))
}

fn make_project(args: ProjectArgs) -> anyhow::Result<ExitCode> {
    use relmap::project::{Project, ProjectArticles};
    let (kb, corpus, _, input_ok) = load(&args.input)?;
    let articles = if args.embed {
        Project::embedded(&corpus)
    } else {
        // Absolute, so that the project opens from any folder.
        let paths = (args.input.paths.iter())
            .map(|p| std::path::absolute(p).with_context(|| format!("{}: cannot resolve the path", p.display())))
            .collect::<anyhow::Result<Vec<_>>>()?;
        ProjectArticles::Paths { paths }
    };
    let mut layout = relmap::layout::LayoutSettings::default();
    if let Some(seed) = args.seed {
        layout.seed = seed;
    }
    let mut project = Project::new(articles);
    project.layout_seed = layout.seed;
    project.kb_additions.clone_from(&kb.user_text);
    let map = relmap::map::Map::build(
        &kb,
        corpus,
        project.filter.clone(),
        project.size_measure,
        layout,
        &Default::default(),
        &Default::default(),
    );
    project.positions = map.layout.positions_by_id();
    project.save(&args.out)?;
    eprintln!(
        "relmap: wrote {} ({} articles, {} entities, {} ties)",
        args.out.display(),
        map.corpus.documents.len(),
        map.extraction.graph.node_count(),
        map.extraction.graph.edge_count()
    );
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
