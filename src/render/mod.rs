//! Renderers at the edge: Markdown for people, Graphviz DOT for pictures.

mod dot;
mod markdown;
