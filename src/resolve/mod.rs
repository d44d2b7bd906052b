//! Name resolution: from what a person typed to a skill, with how sure it is.
//!
//! Every lookup by name in the crate goes through one vocabulary (labels mapped to items)
//! and its index: profile skills, free-text profiles, catalog references and their
//! did-you-mean suggestions, role names. [`Resolver`] is its public face for skills; its
//! documentation lists the matching rules and their confidences, and [`ResolvePolicy`]
//! the thresholds. [`Catalog::resolve`](crate::Catalog::resolve) resolves with the
//! default policy.
//!
//! # The index
//!
//! Built once per vocabulary (a catalog's on first use beyond exact lookup):
//!
//! - **Exact keys**: each label's canonical, compact and token-order keys (after
//!   meaning-preserving normalisation: compatibility forms and accents, punctuation and
//!   separators, plurals), and the acronyms generated from multi-word labels, each mapped
//!   to the labels that have it.
//! - **Token dictionary**: every distinct word of the labels that may match fuzzily
//!   (three characters or more), with its postings (the labels containing it) and its
//!   deletion neighbourhood (symmetric delete spelling correction, as in SymSpell, Garbe
//!   2012): every string made by deleting up to one character (words of 3 to 5 characters)
//!   or two (6 to 32). A query word finds the dictionary words within that many edits by
//!   looking up its own deletions, without scanning the dictionary; each is confirmed by
//!   strsim's optimal string alignment distance.
//!
//! # Complexity
//!
//! An exact lookup is one hash of the query (up to ASCII case), then, if that misses, one
//! normalisation and a second hash. A fuzzy query scores only the labels containing a near
//! match of its rarest word (its two rarest when it has three content words or more and
//! the rarest is not a dictionary word), so its cost grows with those postings, not with
//! the vocabulary; queries over `max_query_bytes` are not looked up, over 12 words match
//! exactly only, and words over 32 characters match exactly only. Building the index is
//! O(Σ label length + Σ word length²) for the deletion neighbourhoods.

mod index;
mod normalize;
mod phrase;
mod policy;
mod resolution;
mod vocabulary;

use std::fmt;
use std::sync::Arc;

use crate::error::Result;
use crate::model::SkillId;
use crate::util::text::clip;

pub use phrase::MAX_PHRASE_WORDS;
pub(crate) use phrase::{Found, PhraseIndex, Reading, Words};
pub(crate) use vocabulary::{normalize, Collision, Named, Outcome, Vocabulary};

pub use policy::ResolvePolicy;
pub use resolution::{Candidate, MatchKind, Rejection, Resolution, Status};

/// Size figures of a resolver's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct IndexStats {
    /// Distinct labels (ids, names, aliases) indexed.
    pub labels: usize,
    /// Distinct words in the fuzzy dictionary.
    pub tokens: usize,
    /// Approximate heap memory of the labels and the index, in bytes (the sizes of
    /// their vectors and maps; allocator overhead not counted).
    pub memory_bytes: usize,
}

/// Resolves what people type to skills: exact ids, names and aliases first, then
/// normalised forms, acronyms and fuzzy matches, each with a confidence in `0..=1`.
///
/// Built once per catalog ([`Catalog::resolver`](crate::Catalog::resolver)) or from
/// labels ([`Resolver::from_labels`]); immutable, `Send + Sync`, cheap to clone.
///
/// # Matching, strongest first
///
/// 1. **Exact and normalised** (confidence 1): the query equals an id, name or alias
///    after normalisation: case, Unicode compatibility forms and accents, punctuation
///    and separators (`scikit learn` = `Scikit_Learn` = `scikit-learn`), plurals. `C`,
///    `C++`, `C#`, `.NET`, `R` and `Go` stay distinct.
/// 2. **Compact** (0.98): equal without separators between words (`ML Ops` = `MLOps`).
/// 3. **Token order** (0.97): the same content words in another order.
/// 4. **Qualifier** (0.95 × the match): equal once a bracketed qualifier is set aside,
///    in the label (`Python (computer programming)`) or in the query
///    (`Big-Data (Hadoop)` → big data).
/// 5. **Acronym** (0.90 in capitals, else 0.78): the initials of a multi-word label's
///    content words, where no label already is that string (`NLP`); two-letter
///    acronyms only from labels written as names (`Machine Learning`, not `team
///    player`).
/// 6. **Fuzzy**: a weighted Sørensen–Dice coefficient over words, where each pair of
///    words counts by its similarity `0.6 × normalised Damerau–Levenshtein + 0.4 ×
///    Jaro–Winkler` (strsim); words pair one-to-one; stopwords weigh 0.25. Words match
///    with at most one edit up to 5 characters and two edits from 6 to 32 characters;
///    words of 1 or 2 characters, and labels of fewer than 3 letters, only match
///    exactly. Candidates come from an index (a deletion neighbourhood of every word,
///    and word postings), so only labels sharing a near word with the query are scored.
///
/// The first of tiers 1-4 that matches decides; acronym and fuzzy candidates are ranked
/// together. Each skill keeps its best candidate; then the [`ResolvePolicy`] applies:
/// below `accept` the answer is [`Status::Unknown`] with suggestions; another skill
/// within `margin` of the best makes it [`Status::Ambiguous`]; otherwise
/// [`Status::Resolved`]. Ties rank by the skill's position, so results are
/// deterministic.
///
/// # Limits
///
/// Queries longer than `max_query_bytes` (256 by default) are not looked up; queries of
/// more than 12 words match only exactly; fuzzy matching works per word on words of at
/// most 32 characters. A query's cost is bounded by those limits and by the postings of
/// its two rarest words.
///
/// ```
/// use skillgap::Catalog;
/// use skillgap::resolve::Status;
///
/// let catalog = Catalog::builtin();
/// let r = catalog.resolve("sklearn");
/// assert_eq!(r.status(), Status::Resolved);
/// assert_eq!(r.skill().map(|s| s.as_str()), Some("scikit-learn"));
///
/// let r = catalog.resolve("machine lerning");
/// assert_eq!(r.skill().map(|s| s.as_str()), Some("machine-learning"));
/// assert!(r.confidence() > 0.9 && r.confidence() < 1.0);
///
/// assert_eq!(catalog.resolve("C++").skill().map(|s| s.as_str()), Some("cpp"));
/// assert_eq!(catalog.resolve("banana bread").status(), Status::Unknown);
/// ```
#[derive(Clone)]
pub struct Resolver {
    vocabulary: Vocabulary,
    ids: Arc<[SkillId]>,
    policy: ResolvePolicy,
}

impl fmt::Debug for Resolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resolver")
            .field("skills", &self.ids.len())
            .field("vocabulary", &self.vocabulary)
            .field("policy", &self.policy)
            .finish()
    }
}

impl Resolver {
    pub(crate) fn from_vocabulary(vocabulary: Vocabulary, ids: Vec<SkillId>) -> Resolver {
        Resolver {
            vocabulary,
            ids: ids.into(),
            policy: ResolvePolicy::default(),
        }
    }

    /// A resolver over skills given as `(id, labels)`; the id is a label too. The id and
    /// the first label are the skill's own (its id and name), later labels its aliases.
    /// The index is built at once (see [`Resolver::stats`] for its size).
    ///
    /// A label given for several skills names them all: the skill whose id or name it is
    /// wins over those that have it as an alias (resolved, the others listed as
    /// candidates); a label that is only an alias of several skills is ambiguous.
    ///
    /// ```
    /// use skillgap::resolve::{Resolver, Status};
    ///
    /// let resolver = Resolver::from_labels([
    ///     ("pytorch", vec!["PyTorch", "torch"]),
    ///     ("tensorflow", vec!["TensorFlow", "TF"]),
    /// ]);
    /// assert_eq!(resolver.resolve("Pytorch").skill().map(|s| s.as_str()), Some("pytorch"));
    /// assert_eq!(resolver.resolve("tensorflw").status(), Status::Resolved);
    /// ```
    pub fn from_labels<I, L, S>(skills: I) -> Resolver
    where
        I: IntoIterator<Item = (S, L)>,
        L: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut ids = Vec::new();
        // The labels back to back in one buffer, each as (end, item, own): one allocation
        // instead of one per label. With the index's keys also kept in one buffer per
        // tier, this took the index over the ESCO release's labels from 893 ms to
        // 695–725 ms (criterion medians in one session, `cargo bench --features esco
        // --bench import -- esco/resolver_index`).
        let mut text = String::new();
        let mut labels: Vec<(usize, u32, bool)> = Vec::new();
        for (item, (id, names)) in skills.into_iter().enumerate() {
            let item = item as u32;
            let id = id.as_ref();
            text.push_str(id);
            labels.push((text.len(), item, true));
            for (k, l) in names.into_iter().enumerate() {
                text.push_str(l.as_ref());
                labels.push((text.len(), item, k == 0));
            }
            ids.push(SkillId::new(id));
        }
        let starts = std::iter::once(0).chain(labels.iter().map(|l| l.0));
        let (vocabulary, _) = Vocabulary::new(
            starts
                .zip(&labels)
                .map(|(start, &(end, item, own))| (&text[start..end], item, own)),
        );
        vocabulary.index();
        Resolver::from_vocabulary(vocabulary, ids)
    }

    /// The same resolver with another policy (the index is shared, not rebuilt).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`](crate::Error::InvalidPolicy) when the policy is out of
    /// its domain (see [`ResolvePolicy::validate`]).
    pub fn with_policy(mut self, policy: ResolvePolicy) -> Result<Resolver> {
        policy.validate()?;
        self.policy = policy;
        Ok(self)
    }

    /// The policy in use.
    pub fn policy(&self) -> &ResolvePolicy {
        &self.policy
    }

    /// The number of skills.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no skills.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Resolves what a person typed to a skill. Never fails: empty and over-long
    /// queries are [`Status::Unknown`] with a [`Rejection`].
    pub fn resolve(&self, query: &str) -> Resolution {
        let outcome = self.vocabulary.resolve(query, &self.policy);
        self.resolution(query, outcome)
    }

    pub(crate) fn resolution(&self, query: &str, outcome: Outcome) -> Resolution {
        let candidates = outcome
            .hits
            .into_iter()
            .map(|h| {
                Candidate::new(
                    self.ids[h.item as usize].clone(),
                    h.confidence,
                    self.vocabulary.label(h.label).to_string(),
                    h.kind,
                )
            })
            .collect();
        Resolution::new(
            clip(query.trim(), 64),
            outcome.status,
            candidates,
            outcome.rejection,
        )
    }

    /// The phrase index over the skills' labels, for finding them in running text (built
    /// on first use, once, and shared by every clone).
    pub(crate) fn phrases(&self) -> &PhraseIndex {
        self.vocabulary.phrases()
    }

    /// Builds the index now if it was not yet (a catalog's resolver builds it on first
    /// use), and reports its size.
    pub fn stats(&self) -> IndexStats {
        self.vocabulary.stats()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn resolver_is_send_sync() {
        assert_send_sync::<Resolver>();
    }

    #[test]
    fn empty_and_long_queries_are_rejected_not_looked_up() {
        let r = Resolver::from_labels([("python", ["Python"])]);
        let out = r.resolve("  \t ");
        assert_eq!(out.rejection(), Some(Rejection::Empty));
        let out = r.resolve(&"python ".repeat(100_000));
        assert_eq!(out.status(), Status::Unknown);
        assert!(matches!(out.rejection(), Some(Rejection::TooLong { .. })));
        assert!(out.query().len() < 80);
    }

    #[test]
    fn ambiguity_lists_the_close_candidates() {
        let r = Resolver::from_labels([
            ("data-mining", vec!["Data Mining"]),
            ("data-modeling", vec!["Data Modeling"]),
            ("dm", vec!["DM"]),
        ]);
        let out = r.resolve("data minding");
        assert_eq!(
            out.skill().map(|s| s.as_str()),
            Some("data-mining"),
            "{out}"
        );
        let out = r.resolve("DM");
        assert_eq!(out.skill().map(|s| s.as_str()), Some("dm"));
    }

    /// A label (or an acronym) shared by thousands of skills gives a bounded answer: the
    /// candidates the policy allows, and ambiguous.
    #[test]
    fn a_label_shared_by_many_skills_gives_a_bounded_answer() {
        let r = Resolver::from_labels((0..3000).map(|i| {
            (
                format!("py-{i}"),
                vec![format!("Python (v{i})"), format!("Alpha{i} Beta{i}")],
            )
        }));
        for query in ["python", "AB"] {
            let out = r.resolve(query);
            assert_eq!(out.status(), Status::Ambiguous, "{query}: {out}");
            assert!(out.candidates().len() <= ResolvePolicy::default().max_candidates);
        }
    }
}
