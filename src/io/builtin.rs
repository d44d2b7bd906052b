//! The built-in catalog: seven data and ML roles, their skills and courses, embedded in
//! the binary as a catalog document.

use std::sync::OnceLock;

use crate::catalog::Catalog;

impl Catalog {
    /// The built-in catalog: the seven data and ML roles, their skills and courses.
    ///
    /// Illustrative defaults derived from public articles on machine learning engineers,
    /// data science engineers, data scientists and the ML career paths, with the
    /// articles' education requirements, pay and demand figures (each with its article
    /// and year) and a four-year bachelor's programme; see the README.
    /// Parsed once, on first use.
    ///
    /// # Panics
    ///
    /// Never in a released crate: the embedded document is fixed at compile time and its
    /// validity is checked by the crate's tests.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Catalog::from_json(include_str!("builtin.json"))
                .expect("the built-in catalog is valid (checked by tests)")
        })
    }
}
