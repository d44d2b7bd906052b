//! What every chart shares: the `<svg>` element with its accessible name and description,
//! the width of the drawing, and numbers written short.

use std::fmt::Write;

use super::escape::Esc;

/// The drawing width of every chart, in SVG units (the chart scales to the page).
pub(crate) const WIDTH: f64 = 720.0;

/// Opens an `<svg>` of `height` units that screen readers announce as one image named by
/// `title` and described by `desc` (plain text, escaped here).
pub(crate) fn open(out: &mut String, id: &str, height: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {}\" role=\"img\" \
         aria-labelledby=\"{id}-t {id}-d\">\n<title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n",
        num(height),
        Esc(title),
        Esc(desc)
    );
}

/// Closes the `<svg>`.
pub(crate) fn close(out: &mut String) {
    out.push_str("</svg>\n");
}

/// A vertical grid line at `x` from `y0` to `y1`, labelled `label` (plain text) at
/// `label_y`: the scale of a chart.
pub(crate) fn grid_line(out: &mut String, x: f64, (y0, y1): (f64, f64), label_y: f64, label: &str) {
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\
         <text class=\"muted\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        num(y0),
        num(y1),
        num(label_y),
        Esc(label),
        x = num(x)
    );
}

/// A coordinate or length with at most one decimal, without a trailing `.0`.
pub(crate) fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A score in 0..=1 as a whole percentage.
pub(crate) fn percent(score: f64) -> String {
    format!("{:.0}%", (score * 100.0).clamp(0.0, 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(percent(0.6251), "63%");
        assert_eq!(percent(1.0), "100%");
    }
}
