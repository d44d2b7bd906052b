//! Composing catalogs: items of your own added to the built-in catalog, an imported
//! taxonomy, or another catalog.

use super::Catalog;
use crate::error::{Error, Result};
use crate::model::{Course, Programme, Role, Skill};

/// Collects skills, roles and courses, then validates and indexes them as one catalog.
///
/// Start empty ([`Catalog::builder`]) or from a catalog ([`Catalog::into_builder`], or
/// `CatalogBuilder::from(catalog)`), add items, and [`build`](CatalogBuilder::build):
/// the result is validated as a whole, exactly as [`Catalog::new`] and the document
/// readers validate, so an added course may teach and require the existing skills, an
/// added role may extend an existing role, and an id used twice is an error, wherever
/// the two items came from.
///
/// ```
/// use skillgap::{Catalog, Course, Level, Profile};
///
/// let catalog = Catalog::builtin()
///     .clone()
///     .into_builder()
///     .course(
///         Course::new("my-sql-workshop", "SQL in a weekend")
///             .with_provider("Our academy")
///             .with_hours(12.0)
///             .with_teaches("sql", Level::ADVANCED),
///     )
///     .build()?;
/// assert!(catalog.course("my-sql-workshop").is_some());
/// let assessment = catalog.assess(&Profile::new())?;
/// let plan = assessment.plan("data-scientist")?;
/// assert!(!plan.courses().is_empty());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct CatalogBuilder {
    skills: Vec<Skill>,
    roles: Vec<Role>,
    courses: Vec<Course>,
    programmes: Vec<Programme>,
    currencies: Vec<String>,
}

impl CatalogBuilder {
    /// An empty builder.
    pub fn new() -> CatalogBuilder {
        CatalogBuilder::default()
    }

    /// Adds a skill.
    pub fn skill(mut self, skill: Skill) -> CatalogBuilder {
        self.skills.push(skill);
        self
    }

    /// Adds skills.
    pub fn skills(mut self, skills: impl IntoIterator<Item = Skill>) -> CatalogBuilder {
        self.skills.extend(skills);
        self
    }

    /// Adds a role.
    pub fn role(mut self, role: Role) -> CatalogBuilder {
        self.roles.push(role);
        self
    }

    /// Adds roles.
    pub fn roles(mut self, roles: impl IntoIterator<Item = Role>) -> CatalogBuilder {
        self.roles.extend(roles);
        self
    }

    /// Adds a course.
    pub fn course(mut self, course: Course) -> CatalogBuilder {
        self.courses.push(course);
        self
    }

    /// Adds courses.
    pub fn courses(mut self, courses: impl IntoIterator<Item = Course>) -> CatalogBuilder {
        self.courses.extend(courses);
        self
    }

    /// Adds a programme that confers credentials.
    pub fn programme(mut self, programme: Programme) -> CatalogBuilder {
        self.programmes.push(programme);
        self
    }

    /// Adds programmes.
    pub fn programmes(mut self, programmes: impl IntoIterator<Item = Programme>) -> CatalogBuilder {
        self.programmes.extend(programmes);
        self
    }

    /// Adds every item of `catalog` (merging two catalogs; their ids must not clash), and
    /// its currency.
    pub fn catalog(mut self, catalog: Catalog) -> CatalogBuilder {
        let (skills, roles, courses, programmes, currency) = catalog.into_parts();
        self.currencies.extend(currency);
        self.skills(skills)
            .roles(roles)
            .courses(courses)
            .programmes(programmes)
    }

    /// States the currency of course costs (an ISO 4217 code such as `USD`).
    pub fn currency(mut self, code: impl Into<String>) -> CatalogBuilder {
        self.currencies.push(code.into());
        self
    }

    /// Validates and indexes the items collected.
    ///
    /// # Errors
    ///
    /// As [`Catalog::new`]: [`Error::InvalidCatalog`](crate::Error::InvalidCatalog)
    /// listing every problem (an id used twice, by an item of yours and one of the
    /// catalog you started from, is a `DuplicateId` at the later item), or
    /// [`Error::TooLarge`](crate::Error::TooLarge); [`Error::InvalidArgument`] when two
    /// different currencies were stated (the costs would not compare) or one is not an
    /// ISO 4217 code.
    pub fn build(mut self) -> Result<Catalog> {
        self.currencies.dedup();
        if let [_, second, ..] = self.currencies.as_slice() {
            return Err(Error::InvalidArgument {
                name: "currency",
                value: format!("{} and {second}", self.currencies[0]),
                expected: "one currency for every course cost: convert the costs first",
            });
        }
        let catalog = Catalog::with_problems(
            self.skills,
            self.roles,
            self.courses,
            self.programmes,
            Vec::new(),
        )?;
        match self.currencies.first() {
            Some(code) => catalog.with_currency(code),
            None => Ok(catalog),
        }
    }
}

impl From<Catalog> for CatalogBuilder {
    fn from(catalog: Catalog) -> CatalogBuilder {
        CatalogBuilder::new().catalog(catalog)
    }
}

impl Catalog {
    /// An empty [`CatalogBuilder`].
    pub fn builder() -> CatalogBuilder {
        CatalogBuilder::new()
    }

    /// A [`CatalogBuilder`] holding this catalog's items, to add your own to.
    pub fn into_builder(self) -> CatalogBuilder {
        CatalogBuilder::from(self)
    }

    /// The catalog's items, sorted by id.
    #[allow(clippy::type_complexity)]
    fn into_parts(
        self,
    ) -> (
        Vec<Skill>,
        Vec<Role>,
        Vec<Course>,
        Vec<Programme>,
        Option<String>,
    ) {
        (
            self.skills,
            self.roles,
            self.courses,
            self.programmes,
            self.currency,
        )
    }
}
