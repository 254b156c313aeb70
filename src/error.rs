//! The library's error types: knowledge-base problems and input problems, each naming the file.

use thiserror::Error;

/// A knowledge-base file that cannot be used.
#[derive(Debug, Error)]
pub enum KbError {
    #[error("knowledge base {file}: cannot read: {message}")]
    Read { file: String, message: String },
    #[error("knowledge base {file}: not valid TOML: {message}")]
    Parse { file: String, message: String },
    #[error("knowledge base {file}: {entry}: {problem}")]
    Invalid { file: String, entry: String, problem: String },
}

/// An input that cannot be read as articles. The other inputs still load.
#[derive(Debug, Error, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum InputError {
    #[error("{path}: no such file or folder")]
    Missing { path: String },
    #[error("{path}: cannot read: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error("{path}: looks like a binary file, not text (it contains NUL bytes)")]
    Binary { path: String },
    #[error(
        "{path}: {mb:.1} MB is larger than the {limit_mb} MB limit for one file (raise it with --max-file-mb)",
        mb = *size_bytes as f64 / 1_048_576.0
    )]
    TooLarge { path: String, size_bytes: u64, limit_mb: u64 },
    #[error("{path}: line {line}: not a JSON article: {message}")]
    BadJsonLine { path: String, line: usize, message: String },
    #[error("{path}: unsupported file type (relmap reads .txt, .md, .html, .htm, .jsonl)")]
    Unsupported { path: String },
}

/// An export that could not be produced or written.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("cannot render the image: {0}")]
    Render(String),
    #[error("{path}: cannot write: {message}")]
    Write { path: String, message: String },
}

/// A project file that cannot be opened or saved. Opening never changes the current map.
#[derive(Debug, Error)]
pub enum ProjectError {
    #[error("{path}: cannot read: {message}")]
    Read { path: String, message: String },
    #[error("{path}: not a relmap project (or a damaged one: {message})")]
    Parse { path: String, message: String },
    #[error("{path}: made by a newer relmap (format {found}; this version reads {supported})")]
    Newer { path: String, found: String, supported: String },
    #[error("{path}: cannot write: {message}")]
    Write { path: String, message: String },
}
