//! Renderers at the edge: Markdown for people, Graphviz DOT for pictures, and a
//! self-contained HTML report with charts ([`HtmlReport`]).

mod dot;
mod html;
mod markdown;

pub use html::{CohortReport, HtmlReport};
