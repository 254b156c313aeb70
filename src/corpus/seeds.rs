//! The default corpus: the five SCO-summit articles in `seeds/`, embedded in the binary.

/// `(file name, text)` of each seed article, in file-name order.
pub const SEEDS: &[(&str, &str)] = &[
    ("000_b23909d84b658e04.txt", include_str!("../../seeds/000_b23909d84b658e04.txt")),
    ("001_0add3c4dd433c68e.txt", include_str!("../../seeds/001_0add3c4dd433c68e.txt")),
    ("002_15d3bde27ca43b8a.txt", include_str!("../../seeds/002_15d3bde27ca43b8a.txt")),
    ("003_31059493dcc32406.txt", include_str!("../../seeds/003_31059493dcc32406.txt")),
    ("004_6843368c378d3ed3.txt", include_str!("../../seeds/004_6843368c378d3ed3.txt")),
];
