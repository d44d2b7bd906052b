//! The catalog: skills, roles and courses, validated once, then indexed for the questions
//! the higher layers ask.
//!
//! A [`Catalog`] keeps its items sorted by id and builds, once:
//! - the name indexes (ids, and skill and role labels through the resolver's vocabulary);
//! - the skill graph (prerequisites, and transfer between related skills);
//! - every role's requirements, own and inherited, merged, with its essential count and
//!   total weight;
//! - the skill → requirements index that scoring walks, in runs of one level and
//!   importance;
//! - each role's prerequisite closure, which gap computation walks;
//! - what each course teaches and requires, and which courses teach each skill;
//! - the credential requirements of the few roles that have any, merged through
//!   `extends` (preferred ones add to the role's total weight).

mod builder;
pub(crate) mod closure;
mod courses;
pub(crate) mod credentials;
mod lint;
mod lookups;
mod names;
mod position;
mod postings;
mod requirements;
mod skill_graph;
mod validate;
mod validate_credentials;

use crate::error::{Error, ItemKind, Problem, Result};
use crate::model::{Course, CredentialRequirement, Programme, Role, Skill};
use crate::resolve::{Named, Resolution, Resolver};
use crate::util::graph;
use crate::util::text::clip;
use closure::{Closure, Closures};
use names::Names;

pub use builder::CatalogBuilder;
pub use closure::MAX_CLOSURE_SKILLS;
pub(crate) use courses::{Courses, Need};
pub use credentials::MAX_MERGED_CREDENTIALS;
pub(crate) use credentials::{CredentialIndex, CredentialTerms};
pub use lint::Lint;
pub(crate) use position::{CourseAt, RoleAt, SkillAt};
pub(crate) use postings::Postings;
pub use requirements::MAX_MERGED_REQUIREMENTS;
pub(crate) use requirements::{Req, Requirements, Totals};
pub(crate) use skill_graph::SkillGraph;

/// Skills, roles and courses, validated and indexed.
///
/// Build one with [`Catalog::new`], [`Catalog::from_json`] (or `from_toml` with the `toml`
/// feature) or take [`Catalog::builtin`]; add items of your own to any of them with a
/// [`CatalogBuilder`] ([`Catalog::into_builder`]). A catalog is immutable, `Send + Sync`, and cheap
/// to query from many threads: share it behind an `Arc` or a `&'static`.
///
/// Items are kept sorted by id, so every list the catalog returns is in id order.
///
/// ```
/// use skillgap::{Catalog, Importance, Level, Role, Skill};
///
/// let catalog = Catalog::new(
///     vec![Skill::new("python", "Python").with_alias("py")],
///     vec![Role::new("dev", "Developer")
///         .with_requirement("python", Level::INTERMEDIATE, Importance::Essential)],
///     vec![],
/// )?;
/// assert_eq!(catalog.resolve_skill("PY").map(|s| s.name()), Some("Python"));
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Catalog {
    skills: Vec<Skill>,
    roles: Vec<Role>,
    courses: Vec<Course>,
    /// Programmes that confer credentials, sorted by id.
    programmes: Vec<Programme>,
    names: Names,
    graph: SkillGraph,
    requirements: Requirements,
    postings: Postings,
    /// Per role, its requirements' prerequisite closure (targets in requirement order).
    closures: Closures,
    course_index: Courses,
    /// The roles with credential requirements, merged through `extends`.
    credentials: CredentialIndex,
    /// The currency of course costs (ISO 4217), when stated.
    currency: Option<String>,
    /// What validation found worth a look, by label.
    lints: Vec<Lint>,
}

impl Catalog {
    /// Validates and indexes catalog items.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidCatalog`] listing every problem: duplicate or malformed ids, an id
    /// or name that is also another skill's id or name (a label shared otherwise is a
    /// lint: [`Catalog::lints`]), unknown references (with did-you-mean), level 0 where a level
    /// is needed, negative or non-finite numbers, a course without a provider or teaching
    /// nothing, cycles among skill prerequisites or role
    /// `extends` (as paths), and roles without requirements. [`Error::TooLarge`] for a
    /// catalog past the limits of [`MAX_MERGED_REQUIREMENTS`] requirements or
    /// [`MAX_MERGED_CREDENTIALS`] credential requirements merged through `extends`, or
    /// [`MAX_CLOSURE_SKILLS`] skills in the roles' prerequisite closures
    /// (both quadratic in the length of an `extends` or prerequisite chain).
    ///
    /// # Complexity
    ///
    /// Validation is linear in the items and their references (cycles by Kosaraju's
    /// algorithm, iterative),
    /// plus one did-you-mean search per unknown reference. Indexing sorts the items,
    /// merges each role's requirements with those of the roles it extends, builds the
    /// skill → requirements index and each role's prerequisite closure (a depth-first
    /// search from its requirements): about 0.15 s for an ESCO-sized catalog of 14,000
    /// skills, 3,000 roles and 110,000 requirements (`cargo bench --bench assess`).
    pub fn new(skills: Vec<Skill>, roles: Vec<Role>, courses: Vec<Course>) -> Result<Catalog> {
        Catalog::with_problems(skills, roles, courses, Vec::new(), Vec::new())
    }

    /// [`Catalog::new`] for items that already have `problems` (found while reading a
    /// document): validation adds its own, and any problem fails the build.
    pub(crate) fn with_problems(
        mut skills: Vec<Skill>,
        mut roles: Vec<Role>,
        mut courses: Vec<Course>,
        mut programmes: Vec<Programme>,
        mut problems: Vec<Problem>,
    ) -> Result<Catalog> {
        let validated = validate::validate(&skills, &roles, &courses, &mut problems);
        validate_credentials::validate(&roles, &programmes, &mut problems);
        if !problems.is_empty() {
            // Document order: skills, roles, courses, each by position; cycles last.
            problems.sort_by_key(|p| {
                p.location()
                    .map_or((1, ItemKind::Skill, 0), |l| (0, l.kind, l.index))
            });
            return Err(Error::InvalidCatalog { problems });
        }
        let skill_order = sort_by_id(&mut skills, |s| s.id().as_str());
        let role_order = sort_by_id(&mut roles, |r| r.id().as_str());
        courses.sort_by(|a, b| a.id().cmp(b.id()));
        programmes.sort_by(|a, b| a.id().cmp(b.id()));
        let names = Names::build(
            &skills,
            &roles,
            &courses,
            validated.skill_names.renumbered(&skill_order),
            validated.role_names.renumbered(&role_order),
        );
        let mut catalog = Catalog::index(skills, roles, courses, names, validated.lints)?;
        catalog.programmes = programmes;
        Ok(catalog)
    }

    /// Builds the indexes of validated items sorted by id.
    fn index(
        skills: Vec<Skill>,
        roles: Vec<Role>,
        courses: Vec<Course>,
        names: Names,
        lints: Vec<Lint>,
    ) -> Result<Catalog> {
        let skill_at = |id: &str| names.skill(&skills, id);
        let graph = SkillGraph::build(&skills, skill_at);
        let extends = graph::build(
            roles.len(),
            roles.iter().enumerate().flat_map(|(i, r)| {
                r.extends()
                    .iter()
                    .filter_map(|p| names.role(&roles, p.as_str()).map(|j| (i, j.get(), ())))
                    .collect::<Vec<_>>()
            }),
        );
        let credentials = CredentialIndex::build(&roles, &extends)?;
        let requirements = Requirements::build(&roles, &extends, skill_at)?
            .with_preferred(credentials.preferred_parts());
        let postings = Postings::build(skills.len(), &requirements);
        let closures = Closures::build(
            graph.prerequisite_graph(),
            (0..roles.len()).map(|r| requirements.of(RoleAt::at(r)).iter().map(|q| q.skill)),
        )?;
        let course_index = Courses::build(&courses, skills.len(), skill_at);
        Ok(Catalog {
            skills,
            roles,
            courses,
            programmes: Vec::new(),
            names,
            graph,
            requirements,
            postings,
            closures,
            course_index,
            credentials,
            currency: None,
            lints,
        })
    }

    /// What validation found worth a look but not wrong: labels (names, aliases) that
    /// name several skills, one lint per label, in label order. Real taxonomies share
    /// labels by the hundred (ESCO v1.1.1: 710 of its 98,324 skill labels); the
    /// resolver decides between the skills (see [`Lint::SharedLabel`]).
    ///
    /// ```
    /// use skillgap::{Catalog, Importance, Level, Role, Skill};
    /// use skillgap::catalog::Lint;
    ///
    /// let catalog = Catalog::new(
    ///     vec![
    ///         Skill::new("sql", "SQL"),
    ///         Skill::new("dbms", "database management systems").with_alias("SQL"),
    ///     ],
    ///     vec![Role::new("dba", "Database administrator")
    ///         .with_requirement("dbms", Level::ADVANCED, Importance::Essential)],
    ///     vec![],
    /// )?;
    /// assert!(matches!(&catalog.lints()[0], Lint::SharedLabel { named: Some(s), .. } if s == "sql"));
    /// assert_eq!(catalog.resolve("sql").skill().unwrap(), "sql");
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    pub fn lints(&self) -> &[Lint] {
        &self.lints
    }

    /// All skills, sorted by id.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// All roles, sorted by id.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// All courses, sorted by id.
    pub fn courses(&self) -> &[Course] {
        &self.courses
    }

    /// All programmes (degrees, certifications to study for), sorted by id.
    pub fn programmes(&self) -> &[Programme] {
        &self.programmes
    }

    /// The programme with this id.
    pub fn programme(&self, id: impl AsRef<str>) -> Option<&Programme> {
        let id = id.as_ref();
        self.programmes
            .binary_search_by(|p| p.id().as_str().cmp(id))
            .ok()
            .map(|i| &self.programmes[i])
    }

    /// A role's credential requirements, its own and those of the roles it extends (each
    /// once, own first); `None` for an unknown role.
    ///
    /// ```
    /// let catalog = skillgap::Catalog::builtin();
    /// let gates = catalog.credentials("machine-learning-engineer").unwrap();
    /// assert!(gates.iter().any(|c| c.is_gate()));
    /// ```
    pub fn credentials(&self, role: impl AsRef<str>) -> Option<&[CredentialRequirement]> {
        self.find_role(role.as_ref())
            .map(|r| self.credentials.of(r))
    }

    /// The currency course costs are in (an ISO 4217 code such as `USD`), when the
    /// catalog states it. Costs of one catalog are all in its currency.
    pub fn currency(&self) -> Option<&str> {
        self.currency.as_deref()
    }

    /// The catalog with course costs stated in `code`, an ISO 4217 currency code (three
    /// capital letters, e.g. `USD`, `EUR`, `INR`).
    ///
    /// ```
    /// let catalog = skillgap::Catalog::builtin().clone().with_currency("EUR")?;
    /// assert_eq!(catalog.currency(), Some("EUR"));
    /// assert!(catalog.with_currency("euro").is_err());
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when `code` is not three ASCII capital letters.
    pub fn with_currency(mut self, code: &str) -> Result<Catalog> {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Error::InvalidArgument {
                name: "currency",
                value: crate::util::text::clip(code, 16),
                expected: "an ISO 4217 currency code: three capital letters, e.g. USD",
            });
        }
        self.currency = Some(code.to_string());
        Ok(self)
    }

    /// The skill with this id.
    pub fn skill(&self, id: impl AsRef<str>) -> Option<&Skill> {
        let id = id.as_ref();
        self.find_skill(id).map(|s| self.skill_at(s))
    }

    /// The role with this id.
    pub fn role(&self, id: impl AsRef<str>) -> Option<&Role> {
        let id = id.as_ref();
        self.find_role(id).map(|r| self.role_at(r))
    }

    /// The course with this id.
    pub fn course(&self, id: impl AsRef<str>) -> Option<&Course> {
        let id = id.as_ref();
        self.names
            .course(&self.courses, id)
            .map(|c| self.course_at(c))
    }

    /// The skill a name refers to: its id, name or one of its aliases, ignoring case and
    /// spaces, or equal to one after meaning-preserving normalisation (accents,
    /// punctuation and separators, plurals, word order). When the name is shared, the
    /// skill whose id or name it is wins over those that have it as an alias; a name that
    /// is only an alias of several skills refers to none of them (`None`). Never a fuzzy
    /// guess: use [`Catalog::resolve`] for that.
    pub fn resolve_skill(&self, name: &str) -> Option<&Skill> {
        self.skill_named(name).map(|s| self.skill_at(s))
    }

    /// Up to `n` skills whose labels are closest to `name`, best first, for a
    /// did-you-mean: the candidates of [`Catalog::resolve`] with the default policy.
    /// Empty when nothing is close.
    pub fn suggest_skills(&self, name: &str, n: usize) -> Vec<&Skill> {
        self.names
            .skills()
            .suggest(name, n)
            .into_iter()
            .map(|i| &self.skills[i as usize])
            .collect()
    }

    /// The catalog's skill resolver: exact, normalised, acronym and fuzzy matching with
    /// confidences (see [`Resolver`]). Its index is built on first use, once.
    ///
    /// ```
    /// use skillgap::Catalog;
    /// use skillgap::resolve::ResolvePolicy;
    ///
    /// let mut policy = ResolvePolicy::default();
    /// policy.accept = 0.9;
    /// let resolver = Catalog::builtin().resolver().clone().with_policy(policy)?;
    /// assert!(resolver.resolve("pandas").is_resolved());
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    pub fn resolver(&self) -> &Resolver {
        self.names.resolver()
    }

    /// Resolves what a person typed to a skill with the default
    /// [`ResolvePolicy`](crate::resolve::ResolvePolicy): resolved, ambiguous or unknown,
    /// with ranked candidates and confidences.
    ///
    /// ```
    /// use skillgap::Catalog;
    /// use skillgap::resolve::Status;
    ///
    /// let r = Catalog::builtin().resolve("Big-Data (Hadoop)");
    /// assert_eq!(r.status(), Status::Resolved);
    /// assert_eq!(r.skill().unwrap(), "big-data");
    /// ```
    pub fn resolve(&self, name: &str) -> Resolution {
        self.resolver().resolve(name)
    }
}

/// Positions and indexes, for the layers above.
impl Catalog {
    /// The skill at a position.
    pub(crate) fn skill_at(&self, skill: SkillAt) -> &Skill {
        &self.skills[skill.get()]
    }

    /// The role at a position.
    pub(crate) fn role_at(&self, role: RoleAt) -> &Role {
        &self.roles[role.get()]
    }

    /// The course at a position.
    pub(crate) fn course_at(&self, course: CourseAt) -> &Course {
        &self.courses[course.get()]
    }

    /// The position of the skill with this id.
    pub(crate) fn find_skill(&self, id: &str) -> Option<SkillAt> {
        self.names.skill(&self.skills, id)
    }

    /// The position of the role with this id.
    pub(crate) fn find_role(&self, id: &str) -> Option<RoleAt> {
        self.names.role(&self.roles, id)
    }

    /// The position of the role with this id, or an [`Error::UnknownRole`] with a
    /// did-you-mean.
    pub(crate) fn find_role_or_err(&self, id: &str) -> Result<RoleAt> {
        self.find_role(id).ok_or_else(|| Error::UnknownRole {
            role: clip(id, 64),
            suggestion: self
                .names
                .roles()
                .lookup(id)
                .or_else(|| self.names.roles().suggest(id, 1).first().copied())
                .map(|i| self.roles[i as usize].id().to_string()),
        })
    }

    /// The skill a name (id, name or alias) refers to, exactly or after normalisation:
    /// see [`Catalog::resolve_skill`].
    pub(crate) fn skill_named(&self, name: &str) -> Option<SkillAt> {
        self.names.skills().lookup(name).map(SkillAt)
    }

    /// [`Catalog::skill_named`] of many names, in their order, faster than one by one
    /// over a large catalog.
    pub(crate) fn skills_named_all(&self, names: &[&str]) -> Vec<Option<SkillAt>> {
        let found = self.names.skills().lookup_all(names);
        found.into_iter().map(|s| s.map(SkillAt)).collect()
    }

    /// The skills a name (id, name or alias) may refer to, exactly or after
    /// normalisation, when it is ambiguous (an alias of several skills); empty when it
    /// names one skill or none.
    pub(crate) fn skills_named(&self, name: &str) -> Vec<SkillAt> {
        match self.names.skills().named(name) {
            Named::Several(items) => items.into_iter().map(SkillAt).collect(),
            _ => Vec::new(),
        }
    }

    /// Prerequisites and related skills.
    pub(crate) fn skill_graph(&self) -> &SkillGraph {
        &self.graph
    }

    /// Every role's merged requirements.
    pub(crate) fn merged_requirements(&self) -> &Requirements {
        &self.requirements
    }

    /// The skill → requirements index.
    pub(crate) fn postings(&self) -> &Postings {
        &self.postings
    }

    /// A role's prerequisite closure.
    pub(crate) fn closure(&self, role: RoleAt) -> Closure<'_> {
        self.closures.get(role.get())
    }

    /// What courses teach and require.
    pub(crate) fn course_index(&self) -> &Courses {
        &self.course_index
    }

    /// The roles with credential requirements.
    pub(crate) fn credential_index(&self) -> &CredentialIndex {
        &self.credentials
    }
}
/// Sorts `items` by id, stably, and returns where each went: item `i` of the input is
/// item `new_of_old[i]` of the output.
fn sort_by_id<T>(items: &mut Vec<T>, id: impl Fn(&T) -> &str) -> Vec<u32> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| id(&items[a]).cmp(id(&items[b])));
    let mut new_of_old = vec![0u32; items.len()];
    for (new, &old) in order.iter().enumerate() {
        new_of_old[old] = new as u32;
    }
    let mut given: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&old| given[old].take()));
    new_of_old
}
