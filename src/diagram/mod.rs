//! Diagram reader: looks inside architecture diagram files (draw.io, SVG, PNG) and reports
//! their visible text, their shape styles and the architecture [`Features`] they show.
//!
//! Entry point: [`read`]. Raster images without embedded draw.io data and PDFs come back as
//! [`Readable::Opaque`]; files whose bytes contradict their extension come back as
//! [`DiagramError::NotAnImage`]; corrupt or hostile files (decompression bombs, deep nesting)
//! come back as [`DiagramError::Unreadable`]. No input makes the reader panic.

mod drawio;
mod engines;
mod features;
mod html;
mod inflate;
mod labels;
mod limits;
mod pattern;
mod png;
mod services;
mod shapes;
mod sniff;
mod svg;
mod xml;
mod zones;

use std::fmt;

pub use limits::{MAX_DEPTH, MAX_INFLATED_BYTES, MAX_INPUT_BYTES, MAX_TEXT_BYTES};

/// Compiles the patterns the reader matches labels with, which it would otherwise compile
/// when it first reads a label: a thread with nothing else to do can take that off the run.
pub fn prepare() {
    PREPARES.iter().for_each(|prepare| prepare());
}

/// The two groups of [`prepare`], for threads that compile them side by side.
pub const PREPARES: [fn(); 2] = [labels::prepare, zones::prepare];

/// The kind of diagram file, as told by its extension or, once read, by its contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiagramFormat {
    /// A draw.io / diagrams.net document (`.drawio`, `.drawio.xml`, `.dio`, `.xml`).
    Drawio,
    /// A plain SVG drawing.
    Svg,
    /// An SVG exported by draw.io with the editable diagram in its `content` attribute.
    DrawioSvg,
    /// A PNG exported by draw.io with the diagram in an `mxfile` text chunk.
    DrawioPng,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A PDF document.
    Pdf,
}

impl DiagramFormat {
    /// A short human name, used in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagramFormat::Drawio => "draw.io",
            DiagramFormat::Svg => "SVG",
            DiagramFormat::DrawioSvg => "draw.io SVG",
            DiagramFormat::DrawioPng => "draw.io PNG",
            DiagramFormat::Png => "PNG",
            DiagramFormat::Jpeg => "JPEG",
            DiagramFormat::Pdf => "PDF",
        }
    }
}

impl fmt::Display for DiagramFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Guesses the format from a path's extension (case-insensitive); `None` if it is not a
/// diagram extension.
pub fn format_from_path(path: &str) -> Option<DiagramFormat> {
    const SUFFIXES: &[(&str, DiagramFormat)] = &[
        (".drawio.svg", DiagramFormat::DrawioSvg),
        (".drawio.png", DiagramFormat::DrawioPng),
        (".drawio.xml", DiagramFormat::Drawio),
        (".drawio", DiagramFormat::Drawio),
        (".dio", DiagramFormat::Drawio),
        (".xml", DiagramFormat::Drawio),
        (".svg", DiagramFormat::Svg),
        (".png", DiagramFormat::Png),
        (".jpg", DiagramFormat::Jpeg),
        (".jpeg", DiagramFormat::Jpeg),
        (".pdf", DiagramFormat::Pdf),
    ];
    let lower = path.to_ascii_lowercase();
    SUFFIXES
        .iter()
        .find(|(suffix, _)| lower.ends_with(suffix))
        .map(|&(_, format)| format)
}

/// Everything the reader found inside a readable diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramContent {
    /// The format as found in the contents (a `.png` with draw.io data is [`DiagramFormat::DrawioPng`]).
    pub format: DiagramFormat,
    /// Number of pages (draw.io `<diagram>` elements; 1 for SVG).
    pub pages: usize,
    /// All visible text, decoded (HTML stripped, entities resolved, whitespace collapsed), in
    /// document order.
    pub labels: Vec<String>,
    /// The draw.io `style` strings of the cells, in document order (empty for plain SVG).
    pub styles: Vec<String>,
    /// What the diagram shows, derived from `labels` and `styles`.
    pub features: Features,
}

/// The architecture elements AWS asks a case-study diagram to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// A VPC is drawn or named.
    pub vpc: bool,
    /// How many distinct Availability Zones are drawn or named (a "Multi-AZ" statement alone
    /// does not count; see [`Features::multi_az_statement`]).
    pub availability_zones: usize,
    /// The names of the zones shown, where written (`us-east-1a`, `AZ A`); may be fewer than
    /// [`Features::availability_zones`] (unnamed AZ boxes).
    pub zone_names: Vec<String>,
    /// A label states multi-AZ or multi-region operation ("Multi-AZ", "multiple availability
    /// zones", "multi-region", ...).
    pub multi_az_statement: bool,
    /// A subnet is drawn or named.
    pub subnets: bool,
    /// An RDS or Aurora database is drawn or named.
    pub database: bool,
    /// Database engines named (`PostgreSQL`, `MySQL`, `MariaDB`, `Oracle`, `SQL Server`),
    /// including a migration's source.
    pub engines: Vec<String>,
    /// AWS services recognized, by their AWS names, sorted and deduplicated.
    pub services: Vec<String>,
    /// Something outside AWS (on-premises, corporate data center) is drawn or named.
    pub on_premises: bool,
}

impl Features {
    /// True when the diagram shows high availability across zones or regions: two or more
    /// Availability Zones, or an explicit multi-AZ / multi-region statement.
    pub fn multi_az(&self) -> bool {
        self.availability_zones >= 2 || self.multi_az_statement
    }
}

/// The outcome of reading a diagram file that is what its extension says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readable {
    /// The diagram's text and styles could be read.
    Content(DiagramContent),
    /// A raster image or PDF without embedded diagram data: it cannot be looked into.
    Opaque(DiagramFormat),
}

/// Why a diagram file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiagramError {
    /// The file is corrupt, truncated, or hit a safety limit (decompression bomb, nesting).
    Unreadable(String),
    /// The file's bytes contradict its extension (a `.png` that is text, an `.svg` that is not
    /// XML).
    NotAnImage(String),
}

impl DiagramError {
    /// The human-readable reason.
    pub fn message(&self) -> &str {
        match self {
            DiagramError::Unreadable(message) | DiagramError::NotAnImage(message) => message,
        }
    }
}

impl fmt::Display for DiagramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiagramError::Unreadable(message) => write!(f, "unreadable diagram: {message}"),
            DiagramError::NotAnImage(message) => write!(f, "not a diagram image: {message}"),
        }
    }
}

impl std::error::Error for DiagramError {}

/// Reads a diagram file: `path` (for its extension and messages) and its raw `bytes`.
pub fn read(path: &str, bytes: &[u8]) -> Result<Readable, DiagramError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(DiagramError::Unreadable(format!(
            "{path} is larger than the {} MiB limit for diagram files",
            MAX_INPUT_BYTES >> 20
        )));
    }
    let claimed = format_from_path(path);
    match sniff::sniff(bytes) {
        sniff::Sniffed::Png => png::read(bytes),
        sniff::Sniffed::Jpeg => Ok(Readable::Opaque(DiagramFormat::Jpeg)),
        sniff::Sniffed::Pdf => Ok(Readable::Opaque(DiagramFormat::Pdf)),
        sniff::Sniffed::Markup(text) => read_markup(path, claimed, &text),
        sniff::Sniffed::Other => Err(sniff::not_an_image(path, claimed, bytes)),
    }
}

/// Reads text that starts like XML: an SVG drawing or a draw.io document.
fn read_markup(
    path: &str,
    claimed: Option<DiagramFormat>,
    text: &str,
) -> Result<Readable, DiagramError> {
    if claimed.is_some_and(is_raster_or_pdf) {
        return Err(sniff::not_an_image(path, claimed, text.as_bytes()));
    }
    match xml::root_name(text)?.as_str() {
        "svg" => svg::read(text).map(Readable::Content),
        "mxfile" | "mxGraphModel" => drawio::read(text).map(Readable::Content),
        other => Err(DiagramError::NotAnImage(format!(
            "{path} is XML with root element <{other}>, not an SVG drawing or a draw.io diagram"
        ))),
    }
}

/// Formats whose files are binary, never markup.
fn is_raster_or_pdf(format: DiagramFormat) -> bool {
    matches!(
        format,
        DiagramFormat::Png | DiagramFormat::DrawioPng | DiagramFormat::Jpeg | DiagramFormat::Pdf
    )
}

#[cfg(test)]
mod tests;

/// The features a free-text description names (alt text or caption of a raster diagram),
/// judged by the same rules as diagram labels.
pub fn describe_text(text: &str) -> Features {
    features::derive(&[shapes::Shape {
        label: text.to_string(),
        style: String::new(),
    }])
}
