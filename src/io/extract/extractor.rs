//! The extractor: one pass over a text finds the catalog's labels, then the words around
//! each mention say what it is.

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::Level;
use crate::resolve::{Candidate, Found, MatchKind, Reading, Resolution, Status, Words};
use crate::util::text::clip;

use super::context::{self, Clause, LevelRead};
use super::evidence::{self, Seen};
use super::group::group;
use super::layout::{Layout, SectionKind};
use super::result::{DocumentKind, Doubt, Extraction, ImportanceSource, Mention, Uncertain};

/// The largest text [`Extractor::extract`] reads by default, in bytes (4 MiB: a long
/// posting is 3 KB, a long CV 20 KB).
pub const MAX_EXTRACT_BYTES: usize = 4 * 1024 * 1024;

/// The confidence below which a mention is [`Uncertain`] by default.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// The confidence of a label found with one near word (a typo of at most 1 edit, 2 from 9
/// letters, in a word of 6 letters or more after the label's first word).
pub const NEAR_CONFIDENCE: f64 = 0.9;

/// How far, in bytes, another skill on the same line counts as a list around a weak label.
const LIST_BYTES: usize = 120;

/// Finds skill mentions in running text: job postings and CVs as people write them.
///
/// Each mention has its byte span, the text matched, the skill, a confidence, and the
/// level, importance and negation the text around it states; mentions of one skill are
/// grouped into one [`ExtractedSkill`](super::ExtractedSkill). The module documentation
/// of [`skillgap::io::extract`](crate::io::extract) lists the rules.
///
/// ```
/// use skillgap::Catalog;
/// use skillgap::io::{DocumentKind, Extractor};
///
/// let catalog = Catalog::builtin();
/// let posting = "Data Engineer\n\nRequirements:\n- 5+ years of Python\n- Strong SQL\n\n\
///                Nice to have: Spark\n\nWe do not use Hadoop.";
/// let found = Extractor::new(&catalog).kind(DocumentKind::Posting).extract(posting)?;
/// let python = found.skill("python").unwrap();
/// assert_eq!(python.level().map(|l| l.get()), Some(5));
/// assert_eq!(python.importance(), Some(skillgap::Importance::Essential));
/// assert_eq!(found.skill("spark").unwrap().importance(), Some(skillgap::Importance::Optional));
/// assert!(found.skill("hadoop").unwrap().negated());
/// let m = &python.mentions()[0];
/// assert_eq!(&posting[m.start()..m.end()], "Python");
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Extractor<'c> {
    catalog: &'c Catalog,
    kind: DocumentKind,
    keep_boilerplate: bool,
    min_confidence: f64,
    max_bytes: usize,
}

impl<'c> Extractor<'c> {
    /// An extractor over the catalog's skills, reading postings, boilerplate left out,
    /// mentions below [`MIN_CONFIDENCE`] uncertain, texts up to [`MAX_EXTRACT_BYTES`].
    pub fn new(catalog: &'c Catalog) -> Self {
        Extractor {
            catalog,
            kind: DocumentKind::Posting,
            keep_boilerplate: false,
            min_confidence: MIN_CONFIDENCE,
            max_bytes: MAX_EXTRACT_BYTES,
        }
    }

    /// Reads texts as this kind of document: postings get importance, CVs do not.
    pub fn kind(mut self, kind: DocumentKind) -> Self {
        self.kind = kind;
        self
    }

    /// Keeps mentions in boilerplate (company blurb, benefits, equal opportunity, how to
    /// apply), marked [`Mention::boilerplate`]; by default they are left out and counted.
    pub fn keep_boilerplate(mut self, keep: bool) -> Self {
        self.keep_boilerplate = keep;
        self
    }

    /// The confidence (clamped to `0..=1`) below which a mention is uncertain.
    pub fn min_confidence(mut self, confidence: f64) -> Self {
        self.min_confidence = if confidence.is_nan() {
            MIN_CONFIDENCE
        } else {
            confidence.clamp(0.0, 1.0)
        };
        self
    }

    /// The largest text read, in bytes.
    pub fn max_bytes(mut self, bytes: usize) -> Self {
        self.max_bytes = bytes;
        self
    }

    /// Finds every skill mention in `text`.
    ///
    /// # Complexity
    ///
    /// Linear in the text: one pass of the catalog's phrase index (at most
    /// [`MAX_PHRASE_WORDS`](crate::resolve::MAX_PHRASE_WORDS) trie steps from each word,
    /// independent of the catalog's size), one resolution of each mention, and a bounded
    /// window of [`CONTEXT_BYTES`](super::CONTEXT_BYTES) bytes read around each.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] for a text over the extractor's `max_bytes`.
    pub fn extract(&self, text: &str) -> Result<Extraction> {
        if text.len() > self.max_bytes {
            return Err(Error::TooLarge {
                what: "text to extract skills from",
                found: text.len(),
                limit: self.max_bytes,
                unit: "bytes",
            });
        }
        let resolver = self.catalog.resolver();
        let phrases = resolver.phrases();
        let words = phrases.read(text);
        let mut found: Vec<(Found, Resolution)> = Vec::new();
        phrases.scan(&words, |f| {
            let (start, end) = byte_span(&words, f);
            let written = text.get(start..end).unwrap_or("");
            let resolution = self.exact(written, phrases.items(f.node), f.reading);
            let keep = resolution.status() != Status::Unknown;
            if keep {
                found.push((*f, resolution));
            }
            keep
        });
        let layout = Layout::read(text, self.kind);
        let reader = Reader {
            text,
            words: &words,
            layout: &layout,
            extractor: self,
        };
        Ok(reader.read(&found))
    }
}

impl Extractor<'_> {
    /// The resolution of a label found in the text: the trie knows its skills, so the
    /// resolver is not asked again (a resolution costs 6 µs and more, a posting has
    /// hundreds of candidates: asking it made extraction ten times slower). Confidence 1,
    /// 0.98 for glued words (as the resolver's compact tier), [`NEAR_CONFIDENCE`] with a
    /// near word; several skills are ambiguous.
    fn exact(&self, written: &str, items: &[u32], reading: Reading) -> Resolution {
        let skills = self.catalog.skills();
        let confidence = match reading {
            Reading::Plain => 1.0,
            Reading::Glued => 0.98,
            Reading::Near => NEAR_CONFIDENCE,
        };
        let candidates: Vec<Candidate> = items
            .iter()
            .filter_map(|&i| skills.get(i as usize))
            .map(|s| {
                let kind = match reading {
                    Reading::Near => MatchKind::Fuzzy,
                    Reading::Glued => MatchKind::Compact,
                    Reading::Plain if s.labels().any(|l| l == written) => MatchKind::Exact,
                    Reading::Plain => MatchKind::Normalized,
                };
                Candidate::new(s.id().clone(), confidence, s.name().to_string(), kind)
            })
            .collect();
        let status = match candidates.len() {
            0 => Status::Unknown,
            1 => Status::Resolved,
            _ => Status::Ambiguous,
        };
        Resolution::new(clip(written, 64), status, candidates, None)
    }
}

/// The bytes of a found label.
fn byte_span(words: &Words, f: &Found) -> (usize, usize) {
    let start = words.get(f.start).map_or(0, |w| w.start as usize);
    let end = words
        .get(f.end.saturating_sub(1))
        .map_or(start, |w| w.end as usize);
    (start, end)
}

/// Whether another label that is not weak (or, in a document about skills, is written
/// with capitals) stands on the same line as label `i`, at most [`LIST_BYTES`] away: only
/// the neighbours within that distance are looked at.
fn listed(firsts: &[First], i: usize, domain: bool) -> bool {
    let Some(me) = firsts.get(i) else {
        return false;
    };
    let near = |o: &First| o.line == me.line && o.start.abs_diff(me.start) <= LIST_BYTES;
    let before = firsts[..i]
        .iter()
        .rev()
        .take_while(|o| near(o))
        .any(|o| !o.weak || (domain && o.capitals));
    let after = firsts
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|o| near(o))
        .any(|o| !o.weak || (domain && o.capitals));
    before || after
}

impl Catalog {
    /// Finds the skills a job posting mentions, with the default [`Extractor`]; read a CV
    /// with `Extractor::new(&catalog).kind(DocumentKind::Cv)`.
    ///
    /// ```
    /// let catalog = skillgap::Catalog::builtin();
    /// let found = catalog.extract("Must have: Python (3+ yrs) and R&D experience in C-suite roles")?;
    /// let ids: Vec<&str> = found.skills().iter().map(|s| s.skill().as_str()).collect();
    /// assert_eq!(ids, ["python"]);
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Extractor::extract`].
    pub fn extract(&self, text: &str) -> Result<Extraction> {
        Extractor::new(self).extract(text)
    }
}

/// One reading of one text.
struct Reader<'a> {
    text: &'a str,
    words: &'a Words,
    layout: &'a Layout,
    extractor: &'a Extractor<'a>,
}

/// What the other mentions and the text around say of a mention.
struct Around {
    listed: bool,
    domain: bool,
    before_mention: bool,
    after_mention: bool,
    rated: bool,
}

/// Whether the text before `at` on its line opens a quotation that is not closed.
fn quoted(text: &str, at: usize) -> bool {
    let at = context::floor(text, at);
    let from = context::floor(text, at.saturating_sub(context::CONTEXT_BYTES));
    let line = text.get(from..at).unwrap_or("");
    let line = line.rsplit('\n').next().unwrap_or("");
    let straight = line.matches('"').count();
    let open = line.matches('“').count();
    let close = line.matches('”').count();
    straight % 2 == 1 || open > close
}

/// Whether the word at `at` starts a sentence, a line or a list item.
fn starts_sentence(text: &str, at: usize) -> bool {
    let at = context::floor(text, at);
    let before = text
        .get(context::floor(text, at.saturating_sub(16))..at)
        .unwrap_or("");
    let before = before.trim_end_matches([' ', '\t', '*', '-', '•', '(', '"', '>', '~', '→', '▪']);
    before.is_empty() && at < 16
        || before
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '\n' | '.' | ':' | '!' | '?' | ';'))
}

/// Whether the mention at `start..end` is a whole list item or line, or all that follows
/// a colon on its line (`* R`, `- Spark.`, `Nice to have: Spark`).
fn whole_item(text: &str, start: usize, end: usize) -> bool {
    let before = text
        .get(context::floor(text, start.saturating_sub(16))..start)
        .unwrap_or("");
    let after = text
        .get(end..context::floor(text, end.saturating_add(8)))
        .unwrap_or("");
    let marker = |c: char| c.is_whitespace() && c != '\n' || "*-•>~→▪·".contains(c);
    let before = before.trim_end_matches(marker);
    // A full stop after a single letter is an initial (`Best, R.`), not a list's end.
    let single = text.get(start..end).is_some_and(|w| w.chars().count() == 1);
    let after =
        after.trim_start_matches(|c: char| c == ' ' || (!single && matches!(c, '.' | ',' | ';')));
    (before.is_empty() && start < 16 || before.ends_with(['\n', ':']))
        && (after.is_empty() && end + 8 >= text.len() || after.starts_with(['\n', '\r']))
}

/// Degrees whose subjects are not skills: `PhD in Machine Learning`.
const DEGREES: &[&str] = &[
    "phd",
    "ph.d",
    "msc",
    "m.sc",
    "bsc",
    "b.sc",
    "degree",
    "master's",
    "masters",
    "bachelor",
    "doctorate",
    "meng",
    "beng",
];

/// Whether the mention at `at` names a degree's subject: a degree word, then `in`, less
/// than 80 bytes before it on its line.
fn degree(text: &str, at: usize) -> bool {
    let at = context::floor(text, at);
    let before = text
        .get(context::floor(text, at.saturating_sub(80))..at)
        .unwrap_or("");
    let before = before.rsplit('\n').next().unwrap_or("").to_lowercase();
    DEGREES.iter().any(|d| {
        before.rfind(d).is_some_and(|i| {
            let rest = &before[i..];
            rest.contains(" in ") && !rest.contains(['.', ';']) && !rest.contains(" with ")
        })
    })
}

/// What the first look at a found label tells.
struct First {
    start: usize,
    end: usize,
    line: usize,
    /// Whether its label is weak (see the evidence rules).
    weak: bool,
    /// Whether it is written with capitals.
    capitals: bool,
}

impl Reader<'_> {
    /// Reads every found label into mentions, then groups them by skill.
    fn read(&self, found: &[(Found, Resolution)]) -> Extraction {
        let firsts = self.first_look(found);
        let domain = firsts
            .iter()
            .zip(found)
            .filter(|(f, (_, r))| !f.weak && r.status() == Status::Resolved)
            .filter_map(|(_, (_, r))| r.skill())
            .collect::<crate::util::hash::HashSet<_>>()
            .len()
            >= evidence::DOMAIN_SKILLS;
        let mut mentions = Vec::new();
        let mut uncertain = Vec::new();
        let mut boilerplate = 0;
        let mut previous: Option<(usize, Clause, LevelRead)> = None;
        for (i, ((f, resolution), first)) in found.iter().zip(&firsts).enumerate() {
            let clause = context::clause(self.text, first.start, first.end);
            // The level written right beside the mention.
            let stated = context::level_before(self.text, self.words, f.start, clause)
                .or_else(|| context::level_after(self.text, first.end));
            let around = Around {
                listed: listed(&firsts, i, domain),
                domain,
                before_mention: i > 0 && found.get(i - 1).is_some_and(|(p, _)| p.end == f.start),
                after_mention: found.get(i + 1).is_some_and(|(n, _)| n.start == f.end),
                rated: stated.is_some(),
            };
            let mut mention = self.mention(f, resolution, first, &around);
            self.level(&mut mention, f, clause, stated, &mut previous);
            if mention.boilerplate && !self.extractor.keep_boilerplate {
                boilerplate += 1;
                continue;
            }
            let sure = resolution.status() == Status::Resolved
                && mention.confidence >= self.extractor.min_confidence;
            match (sure, resolution.skill()) {
                (true, Some(skill)) => mentions.push((skill.clone(), mention)),
                _ => uncertain.push(Uncertain {
                    mention,
                    status: resolution.status(),
                    candidates: resolution.candidates().to_vec(),
                }),
            }
        }
        Extraction {
            kind: self.extractor.kind,
            skills: group(mentions),
            uncertain,
            boilerplate,
        }
    }

    /// Spans, lines and weakness of every found label.
    fn first_look(&self, found: &[(Found, Resolution)]) -> Vec<First> {
        let mut line = 0;
        let mut at = 0;
        found
            .iter()
            .map(|(f, _)| {
                let (start, end) = byte_span(self.words, f);
                line += self
                    .text
                    .get(at..start)
                    .map_or(0, |s| s.bytes().filter(|&b| b == b'\n').count());
                at = start.max(at);
                let written = self.text.get(start..end).unwrap_or("");
                First {
                    start,
                    end,
                    line,
                    weak: evidence::is_weak(written),
                    capitals: evidence::has_capitals(written),
                }
            })
            .collect()
    }

    /// The mention of a found label: its span, doubt, confidence, section, negation and
    /// importance (its level comes after).
    fn mention(
        &self,
        f: &Found,
        resolution: &Resolution,
        first: &First,
        around: &Around,
    ) -> Mention {
        let text = self.text;
        let written = text.get(first.start..first.end).unwrap_or("");
        let doubt = match resolution.status() {
            Status::Ambiguous => Some(Doubt::Ambiguous),
            _ if f.reading == Reading::Near => {
                Some(Doubt::Fuzzy).filter(|_| resolution.confidence() < 0.9)
            }
            _ => evidence::doubt(&self.seen(f, first, written, resolution, around)),
        };
        let confidence =
            (resolution.confidence() * evidence::factor(doubt) * 1000.0).round() / 1000.0;
        let section = self.layout.section_at(first.start);
        let clause = context::clause(text, first.start, first.end);
        let mut negation = context::negation(text, self.words, f.start, first.end, clause);
        if negation.is_none() && section.kind == SectionKind::NotNeeded {
            negation = section.heading.clone();
        }
        let posting = self.extractor.kind == DocumentKind::Posting;
        let to_learn = posting
            && negation.is_none()
            && context::to_learn(text, first.start, first.end, clause);
        let mut mention = Mention {
            start: first.start,
            end: first.end,
            text: written.to_string(),
            confidence,
            kind: resolution
                .best()
                .map_or(crate::resolve::MatchKind::Exact, |c| c.kind()),
            level: None,
            level_source: None,
            level_text: None,
            importance: None,
            importance_source: None,
            negated: negation.is_some(),
            negation,
            to_learn,
            boilerplate: section.kind == SectionKind::Boilerplate,
            section: section.heading.clone(),
            doubt,
        };
        if posting && !mention.negated && !to_learn {
            self.importance(
                &mut mention,
                clause,
                section.kind,
                section.heading.as_deref(),
            );
        }
        mention
    }

    /// Whether the catalog writes a label of the mentioned skill equal to `written` (up to
    /// case) with capitals: `Python`, not `reporting`.
    fn label_capitalised(&self, resolution: &Resolution, written: &str) -> bool {
        let catalog = self.extractor.catalog;
        let skill = resolution.skill().and_then(|id| catalog.skill(id));
        skill.is_some_and(|s| {
            s.labels().any(|l| {
                l.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(written) && w.chars().any(char::is_uppercase))
            })
        })
    }

    /// The importance of a posting's mention: phrasing first, then its section.
    fn importance(
        &self,
        mention: &mut Mention,
        clause: Clause,
        kind: SectionKind,
        heading: Option<&str>,
    ) {
        if let Some((importance, phrase)) =
            context::importance_phrase(self.text, mention.start, clause)
        {
            mention.importance = Some(importance);
            mention.importance_source = Some(ImportanceSource::Phrase(phrase));
            return;
        }
        mention.importance = kind.importance();
        mention.importance_source = match (kind, heading) {
            (SectionKind::Requirements | SectionKind::Preferred | SectionKind::Role, Some(h)) => {
                Some(ImportanceSource::Section(h.to_string()))
            }
            _ => Some(ImportanceSource::Default),
        };
    }

    /// The level of a mention: before it, after it, or shared with the mention before it
    /// in a list (`Strong Python, SQL and Spark`). `none`/`not yet` after it negate it.
    fn level(
        &self,
        mention: &mut Mention,
        f: &Found,
        clause: Clause,
        stated: Option<LevelRead>,
        previous: &mut Option<(usize, Clause, LevelRead)>,
    ) {
        let read = stated
            .or_else(|| self.shared_level(mention.start, clause, previous.as_ref()))
            .or_else(|| context::level_in_clause(self.text, self.words, f.start, clause));
        let Some(read) = read else {
            *previous = None;
            return;
        };
        if read.level == Level::NONE {
            if !mention.negated {
                mention.negated = true;
                mention.negation = Some(read.text);
                mention.importance = None;
                mention.importance_source = None;
            }
            *previous = None;
            return;
        }
        mention.level = Some(read.level);
        mention.level_source = Some(read.source);
        mention.level_text = Some(read.text.clone());
        *previous = Some((mention.end, clause, read));
    }

    /// The level of the mention before, when only a list separator stands between them
    /// in one clause.
    fn shared_level(
        &self,
        start: usize,
        clause: Clause,
        previous: Option<&(usize, Clause, LevelRead)>,
    ) -> Option<LevelRead> {
        let (end, c, read) = previous?;
        if *c != clause || *end > start {
            return None;
        }
        let between = self.text.get(*end..start)?.trim().to_lowercase();
        matches!(
            between.as_str(),
            "," | "/" | "and" | "or" | "&" | ", and" | ", or" | "+"
        )
        .then(|| read.clone())
    }

    /// What the evidence rules need to know about a mention.
    fn seen<'s>(
        &'s self,
        f: &Found,
        first: &First,
        written: &'s str,
        resolution: &Resolution,
        around: &Around,
    ) -> Seen<'s> {
        let text = self.text;
        let word = |i: Option<usize>| {
            let i = i?;
            let w = self.words.get(i)?;
            Some((i, w.start as usize, w.end as usize))
        };
        let before = word(f.start.checked_sub(1));
        let after = word(Some(f.end));
        let spaced =
            |a: usize, b: usize| text.get(a..b).is_some_and(|s| s.chars().all(|c| c == ' '));
        let mut after_chars = text.get(first.end..).unwrap_or("").chars();
        Seen {
            written,
            before: before.map(|(i, _, e)| (self.words.folded(i), spaced(e, first.start))),
            after: after.map(|(i, s, _)| (self.words.folded(i), spaced(first.end, s))),
            before_written: before.and_then(|(_, s, e)| text.get(s..e)),
            after_written: after.and_then(|(_, s, e)| text.get(s..e)),
            char_before: text.get(..first.start).and_then(|s| s.chars().next_back()),
            char_after: after_chars.next(),
            char_after2: after_chars.next(),
            listed: around.listed,
            domain: around.domain,
            sentence_start: starts_sentence(text, first.start),
            before_sentence_start: before.is_some_and(|(_, s, _)| starts_sentence(text, s)),
            item: whole_item(text, first.start, first.end),
            label_capitalised: self.label_capitalised(resolution, written),
            before_mention: around.before_mention,
            after_mention: around.after_mention,
            quoted: quoted(text, first.start),
            rated: around.rated,
            degree: degree(text, first.start),
        }
    }
}
