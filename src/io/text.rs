//! Profiles from free text: what people paste from a CV or type in a form.
//!
//! ```text
//! Python (advanced), SQL: 3, pandas - 2 years, Docker, TensorFlow/Keras
//! ```
//!
//! becomes one item per skill, each with a level, resolved against a catalog by the
//! full [`Resolver`](crate::resolve::Resolver); see [`ProfileParser`] for the rules.

use std::fmt;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::error::{Error, Result, Warning};
use crate::model::Level;
use crate::model::SkillId;
use crate::model::{Profile, ProfileSkill};
use crate::resolve::{Resolution, Status};
use crate::util::text::clip;

use super::levels::{self, Reading};

/// Default limit on the size of a free-text profile, in bytes.
pub(crate) const MAX_TEXT_BYTES: usize = 256 * 1024;

/// Default limit on the number of items of a free-text profile.
pub(crate) const MAX_TEXT_ITEMS: usize = 1_000;

/// How many suggestions or candidates a warning lists.
const SUGGESTIONS: usize = 3;

/// Where an item's level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LevelSource {
    /// A level word: `advanced`, `expert`, `working knowledge`, `fluent`...
    Word,
    /// A number: `3`, `4/5`, `7/10`, `level 2`, `★★★`.
    Number,
    /// Years (or months) of experience, mapped as documented on [`ProfileParser`].
    Years,
    /// Nothing understood: the parser's default level.
    Default,
}

impl LevelSource {
    /// `word`, `number`, `years` or `default`.
    pub const fn as_str(self) -> &'static str {
        match self {
            LevelSource::Word => "word",
            LevelSource::Number => "number",
            LevelSource::Years => "years",
            LevelSource::Default => "default",
        }
    }
}

/// One skill read from free text, with how its level was read and how its name resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedItem {
    text: String,
    name: String,
    level: Level,
    level_source: LevelSource,
    level_text: Option<String>,
    last_used: Option<i32>,
    resolution: Resolution,
}

impl ParsedItem {
    /// The item as written (clipped to 64 characters). Items split from one piece of text
    /// (`TensorFlow/Keras`) share it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The skill name once the level was taken off (clipped to 64 characters).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The level read, or the default.
    pub fn level(&self) -> Level {
        self.level
    }

    /// Where the level came from.
    pub fn level_source(&self) -> LevelSource {
        self.level_source
    }

    /// The text the level was read from, e.g. `advanced` or `2 years`.
    pub fn level_text(&self) -> Option<&str> {
        self.level_text.as_deref()
    }

    /// The year the skill was last used, when given as a year (`Java (2019)`).
    pub fn last_used(&self) -> Option<i32> {
        self.last_used
    }

    /// How the name resolved: status, candidates and confidences.
    pub fn resolution(&self) -> &Resolution {
        &self.resolution
    }

    /// The skill, when the name resolved to one.
    pub fn skill(&self) -> Option<&SkillId> {
        self.resolution.skill()
    }
}

/// The result of parsing free text: the profile of the resolved items, every item with
/// its resolution, and warnings for what was left out or guessed.
///
/// Its `Display` is a per-item report, one line per item, then the warnings. Serialized
/// as `{"profile": the profile document's fields, "items": [{"text", "name", "level",
/// "level_source", "level_text", "last_used", "resolution"}], "warnings": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedProfile {
    profile: Profile,
    items: Vec<ParsedItem>,
    warnings: Vec<Warning>,
}

impl ParsedProfile {
    /// The profile: one entry per resolved skill (by skill id), at the highest level given.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The profile, consuming the report.
    pub fn into_profile(self) -> Profile {
        self.profile
    }

    /// Every item, in the order written.
    pub fn items(&self) -> &[ParsedItem] {
        &self.items
    }

    /// Ambiguous and unknown items (with candidates or suggestions), levels not
    /// understood, repeated skills.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

impl fmt::Display for ParsedProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let resolved = self.items.iter().filter(|i| i.skill().is_some()).count();
        writeln!(
            f,
            "{} item(s): {} resolved, {} not",
            self.items.len(),
            resolved,
            self.items.len() - resolved
        )?;
        writeln!(
            f,
            "{:<3} {:<28} {:<24} {:<10} {:<24} {:<11} {:>4}",
            "#", "item", "name", "status", "skill", "match", "conf"
        )?;
        for (i, item) in self.items.iter().enumerate() {
            let r = item.resolution();
            let (skill, kind) = match (r.status(), r.best()) {
                (Status::Resolved, Some(c)) => (c.skill().to_string(), c.kind().to_string()),
                (_, Some(_)) => {
                    let list: Vec<&str> = r
                        .candidates()
                        .iter()
                        .take(SUGGESTIONS)
                        .map(|c| c.skill().as_str())
                        .collect();
                    (format!("? {}", list.join(" | ")), String::new())
                }
                (_, None) => ("-".to_string(), String::new()),
            };
            let level = match item.level_text() {
                Some(t) => format!("{} ({})", item.level.get(), clip(t, 16)),
                None => format!("{} ({})", item.level.get(), item.level_source.as_str()),
            };
            writeln!(
                f,
                "{:<3} {:<28} {:<24} {:<10} {:<24} {:<11} {:>4.2}  level {}",
                i + 1,
                clip(&item.text, 25),
                clip(&item.name, 21),
                r.status(),
                clip(&skill, 21),
                kind,
                r.confidence(),
                level
            )?;
        }
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        Ok(())
    }
}

/// Reads profiles from free text.
///
/// # Items
///
/// Items are separated by new lines, commas, semicolons, `|`, tabs and bullets (`•`,
/// `·`, `▪`, `●`), except inside brackets (`Python (advanced, 5 years)` is one item).
/// Leading list markers (`-`, `*`, `1.`, `2)`) and headings (`Skills:`, `Technical
/// skills:`, `Tools:`...) are dropped. An item that does not resolve as a whole and
/// contains `/`, `&`, `+` or ` and ` is split there when a part resolves; each part is
/// then an item (`TensorFlow/Keras`, `Pandas & NumPy`; `CI/CD` and `A/B testing`
/// resolve whole).
///
/// # Levels
///
/// A level is read from a bracketed group (`Python (advanced)`), from what follows `:`
/// or ` - ` (`SQL: 3`, `pandas - 2 years`), from a leading level phrase (`advanced
/// Python`, `expert in SQL`, `basic knowledge of R`, `familiar with Docker`) or leading
/// years (`5 years of Python`, `5+ yrs Python`, `3-5 years experience with SQL`), or from
/// trailing years (`Spark 3 years`). A level word beats a number, which beats years.
///
/// The mapping is the one extraction from prose uses ([`Extractor`](super::Extractor)):
///
/// | written | level |
/// |---|---|
/// | a level word ([`Level`]'s table) or phrase: `working knowledge` 3, `hands-on` 3, `strong` 4, `fluent` 4, `native` 5, `some`/`learning`/`just started` 2, `familiarity`/`exposure` 1 | that level |
/// | `0`..`5`, `level 3`, `3/5`, `4 out of 5` | the number |
/// | `n/10` (any `n/d`) | `round(5 × n / d)` |
/// | `★★★☆☆` (or `***`) | the filled stars |
/// | years of experience `y` (`2 years`, `5+ yrs`, `3-5 years`, `18 months`) | `y < 1`: 2 beginner; `1 ≤ y < 3`: 3 intermediate; `3 ≤ y < 5`: 4 advanced; `y ≥ 5`: 5 expert |
/// | a year 1950..=2100 (`Java (2019)`) | not a level: the year last used |
/// | nothing | the default, 3 intermediate ([`ProfileParser::default_level`]) |
///
/// The whole table of phrases, and where each is read (before or after a skill), is in
/// the README's section on extraction.
///
/// A level that is given but not understood (`SQL: 8`) is a [`Warning::UnclearLevel`]
/// and the default is used.
///
/// # Resolution
///
/// Each name goes through the catalog's [`Resolver`](crate::resolve::Resolver) (exact,
/// normalised, acronym and fuzzy matching). Resolved items enter the profile under their
/// skill id (a skill named twice keeps its highest level, with a
/// [`Warning::DuplicateSkill`]); ambiguous items become [`Warning::AmbiguousSkill`] with
/// the candidates, unknown items [`Warning::UnresolvedSkill`] with suggestions. Nothing
/// is dropped silently and every fuzzy match is reported with its confidence in
/// [`ParsedItem::resolution`]. In strict mode, ambiguous and unknown items and levels
/// not understood are an [`Error::UnclearProfile`].
///
/// # Limits
///
/// At most 256 KiB of text and 1,000 items by default ([`ProfileParser::max_bytes`],
/// [`ProfileParser::max_items`]); beyond, an [`Error::TooLarge`] before any item is
/// resolved. Names longer than 256 bytes are not looked up (unknown). The work is
/// linear in the text.
///
/// ```
/// use skillgap::{Catalog, Level, Profile};
/// use skillgap::io::LevelSource;
///
/// let text = "Python (advanced), SQL: 3, pandas - 2 years, Docker, TensorFlow/Keras";
/// let parsed = Profile::parse(text, Catalog::builtin())?;
/// let skills: Vec<(&str, u8)> = parsed
///     .profile()
///     .skills()
///     .iter()
///     .map(|s| (s.name(), s.level().get()))
///     .collect();
/// assert_eq!(
///     skills,
///     [("python", 4), ("sql", 3), ("pandas", 3), ("docker", 3), ("tensorflow", 3), ("keras", 3)]
/// );
/// assert_eq!(parsed.items()[2].level_source(), LevelSource::Years);
/// assert!(parsed.warnings().is_empty());
/// println!("{parsed}"); // the per-item report
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ProfileParser<'c> {
    catalog: &'c Catalog,
    default_level: Level,
    strict: bool,
    max_bytes: usize,
    max_items: usize,
}

impl<'c> ProfileParser<'c> {
    /// A parser for `catalog`: default level 3 (intermediate), not strict, default
    /// limits.
    pub fn new(catalog: &'c Catalog) -> Self {
        ProfileParser {
            catalog,
            default_level: Level::INTERMEDIATE,
            strict: false,
            max_bytes: MAX_TEXT_BYTES,
            max_items: MAX_TEXT_ITEMS,
        }
    }

    /// The level of items written without one (default 3, intermediate: a skill listed
    /// on a CV has usually been used on real work).
    pub fn default_level(mut self, level: Level) -> Self {
        self.default_level = level;
        self
    }

    /// In strict mode, ambiguous and unknown items and levels not understood are an
    /// error instead of warnings.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// The most bytes of text read (default 256 KiB).
    pub fn max_bytes(mut self, bytes: usize) -> Self {
        self.max_bytes = bytes;
        self
    }

    /// The most items read (default 1,000).
    pub fn max_items(mut self, items: usize) -> Self {
        self.max_items = items;
        self
    }

    /// Parses bytes (a file's contents) as UTF-8 free text; see [`ProfileParser::parse`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`] with the offset of the first invalid byte, then as
    /// [`ProfileParser::parse`].
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<ParsedProfile> {
        if bytes.len() > self.max_bytes {
            return Err(self.too_many_bytes(bytes.len()));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            what: "profile text",
            offset: e.valid_up_to(),
        })?;
        self.parse(text)
    }

    /// Parses free text into a profile, reporting how each item was read and resolved.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] for more than `max_bytes` of text or `max_items` items; in
    /// strict mode [`Error::UnclearProfile`] listing the ambiguous and unknown items and
    /// the levels not understood.
    pub fn parse(&self, text: &str) -> Result<ParsedProfile> {
        if text.len() > self.max_bytes {
            return Err(self.too_many_bytes(text.len()));
        }
        let too_many = || Error::TooLarge {
            what: "profile text",
            found: self.max_items.saturating_add(1),
            limit: self.max_items,
            unit: "items",
        };
        let pieces = split_items(text, self.max_items).ok_or_else(too_many)?;
        let mut items = Vec::new();
        let mut warnings = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Item(segment) => self.read_item(&segment, &mut items, &mut warnings),
                Piece::Heading(text) => warnings.push(Warning::Heading { text }),
            }
            // A compound item (`TensorFlow/Keras`) gives several: the limit counts them.
            if items.len() > self.max_items {
                return Err(too_many());
            }
        }
        if self.strict {
            let unclear: Vec<Warning> = warnings
                .iter()
                .filter(|w| !matches!(w, Warning::DuplicateSkill { .. } | Warning::Heading { .. }))
                .cloned()
                .collect();
            if !unclear.is_empty() {
                return Err(Error::UnclearProfile { warnings: unclear });
            }
        }
        let profile = profile_of(&items, &mut warnings);
        Ok(ParsedProfile {
            profile,
            items,
            warnings,
        })
    }

    fn too_many_bytes(&self, found: usize) -> Error {
        Error::TooLarge {
            what: "profile text",
            found,
            limit: self.max_bytes,
            unit: "bytes",
        }
    }

    /// Reads one item (maybe several skills), appending items and warnings.
    fn read_item(&self, segment: &str, items: &mut Vec<ParsedItem>, warnings: &mut Vec<Warning>) {
        let text = clip(segment, 64);
        let NameAndLevel {
            name,
            info,
            unclear,
        } = self.split_level(segment);
        if let Some(value) = unclear {
            warnings.push(Warning::UnclearLevel {
                name: clip(&name, 64),
                value: clip(&value, 64),
                used: self.default_level,
            });
        }
        let (level, level_source) = info
            .level()
            .unwrap_or((self.default_level, LevelSource::Default));
        for (name, resolution) in self.resolve_parts(name) {
            let name = clip(&name, 64);
            if let Some(warning) = resolution_warning(&name, &resolution) {
                warnings.push(warning);
            }
            items.push(ParsedItem {
                text: text.clone(),
                name,
                level,
                level_source,
                level_text: info.text().map(str::to_string),
                last_used: info.last_used,
                resolution,
            });
        }
    }

    /// Resolves a name: as a whole, or, when it does not resolve and is a compound
    /// (`TensorFlow/Keras`), part by part. Parts stand on their own once one of them names
    /// a skill; each is then reported (and warned about) separately.
    fn resolve_parts(&self, name: String) -> Vec<(String, Resolution)> {
        let resolution = self.catalog.resolve(&name);
        if !resolution.is_resolved() {
            if let Some(split) = split_compound(&name) {
                let parts: Vec<(String, Resolution)> = split
                    .into_iter()
                    .map(|p| {
                        let r = self.catalog.resolve(&p);
                        (p, r)
                    })
                    .collect();
                if parts.iter().any(|(_, r)| r.is_resolved()) {
                    return parts;
                }
            }
        }
        vec![(name, resolution)]
    }

    /// Separates the skill name from level information: bracketed groups, what follows
    /// `:` or ` - `, trailing years or a level word, then a leading level phrase.
    fn split_level(&self, segment: &str) -> NameAndLevel {
        let mut info = LevelInfo::default();
        let mut name = info.absorb_brackets(segment);
        let unclear = info.absorb_after_separator(&mut name);
        info.absorb_trailing(&mut name);
        self.take_leading_level(&mut name, &mut info);
        let name = name
            .trim()
            .trim_matches(|c: char| c == '-' || c == ':')
            .trim();
        NameAndLevel {
            name: name.to_string(),
            info,
            unclear,
        }
    }

    /// Takes a leading level phrase (`advanced Python`, `basic knowledge of R`) off a
    /// name that does not resolve as written. A level word read elsewhere is kept.
    fn take_leading_level(&self, name: &mut String, info: &mut LevelInfo) {
        if self.catalog.resolve(name).status() == Status::Resolved {
            return;
        }
        if let Some((level, source, rest)) = leading_level(name) {
            let slot = match source {
                LevelSource::Years => &mut info.years,
                _ => &mut info.word,
            };
            if slot.is_none() {
                *slot = Some(level);
                info.text
                    .get_or_insert_with(|| name[..name.len() - rest.len()].trim().to_string());
            }
            *name = rest.to_string();
        }
    }
}

/// A leading level phrase (`advanced Python`, `expert in SQL`, `basic knowledge of R`,
/// `familiar with Docker`) or years of experience (`5 years of Python`, `5+ yrs Python`,
/// `3-5 years experience with SQL`): the level, where it came from, and the rest of the
/// name (never empty).
fn leading_level(name: &str) -> Option<(Level, LevelSource, &str)> {
    let trimmed = name.trim_start();
    // ASCII lowercase keeps byte offsets; every phrase is ASCII.
    let lower = trimmed.to_ascii_lowercase();
    // Words with their byte ranges, split on spaces and hyphens (`hands-on`).
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in lower
        .char_indices()
        .chain(std::iter::once((lower.len(), ' ')))
    {
        match (c.is_whitespace() || c == '-', start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    let text: Vec<&str> = words.iter().map(|&(s, e)| &lower[s..e]).collect();
    let (level, source, mut used) = match levels::years_prefix(&lower) {
        Some((years, end)) => {
            let used = words.iter().take_while(|w| w.1 <= end).count();
            (levels::years_to_level(years), LevelSource::Years, used)
        }
        None => {
            let (level, used) = levels::phrase_leading(&text)?;
            (level, LevelSource::Word, used)
        }
    };
    if source == LevelSource::Years {
        while text
            .get(used)
            .is_some_and(|w| levels::FILLERS.contains(w) || levels::CONNECTORS.contains(w))
        {
            used += 1;
        }
    }
    let rest = trimmed.get(words.get(used)?.0..)?.trim();
    (!rest.is_empty()).then_some((level, source, rest))
}

/// An item split into its skill name and level information.
struct NameAndLevel {
    /// The name, level information taken off.
    name: String,
    /// What was understood.
    info: LevelInfo,
    /// Level text that was given but not understood.
    unclear: Option<String>,
}

/// Level information read from an item.
#[derive(Debug, Clone, Default)]
struct LevelInfo {
    word: Option<Level>,
    number: Option<Level>,
    years: Option<Level>,
    last_used: Option<i32>,
    /// The first part read that is not a year.
    text: Option<String>,
}

impl LevelInfo {
    /// The level read and where it came from: a level word beats a number, which beats
    /// years.
    fn level(&self) -> Option<(Level, LevelSource)> {
        self.word
            .map(|l| (l, LevelSource::Word))
            .or(self.number.map(|l| (l, LevelSource::Number)))
            .or(self.years.map(|l| (l, LevelSource::Years)))
    }

    /// The text the level was read from, when a level was read.
    fn text(&self) -> Option<&str> {
        self.level().and(self.text.as_deref())
    }

    /// Reads `s` as level information (several parts separated by commas allowed);
    /// `false`, changing nothing, when it is not.
    fn absorb(&mut self, s: &str) -> bool {
        let parts: Vec<&str> = s.split([',', ';']).map(str::trim).collect();
        let mut next = self.clone();
        for part in &parts {
            if part.is_empty() {
                continue;
            }
            let reading = levels::read_after(&part.to_lowercase());
            match reading {
                Some(Reading::LastUsed(year)) => next.last_used = Some(year),
                Some(Reading::Years(l)) => next.years = Some(l),
                Some(Reading::Number(l)) => next.number = Some(l),
                Some(Reading::Word(l)) => next.word = Some(l),
                None => return false,
            }
            if next.text.is_none() && !matches!(reading, Some(Reading::LastUsed(_))) {
                next.text = Some(part.to_string());
            }
        }
        *self = next;
        true
    }

    /// Reads the bracketed groups of `segment` that are level information and returns
    /// the rest: the other groups stay in the name in round brackets, and a group left
    /// open at the end follows it after a space.
    fn absorb_brackets(&mut self, segment: &str) -> String {
        let mut name = String::new();
        let mut depth = 0usize;
        let mut group = String::new();
        for c in segment.chars() {
            match c {
                '(' | '[' => {
                    if depth > 0 {
                        group.push(c);
                    }
                    depth += 1;
                }
                ')' | ']' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        if !self.absorb(&group) {
                            name.push('(');
                            name.push_str(&group);
                            name.push(')');
                        }
                        group.clear();
                    } else {
                        group.push(c);
                    }
                }
                c if depth > 0 => group.push(c),
                c => name.push(c),
            }
        }
        if depth > 0 && !self.absorb(&group) {
            name.push(' ');
            name.push_str(&group);
        }
        name
    }

    /// `name: level` and `name - level` (also `–`, `—` and `=`): at the last place of the
    /// first separator found with text on both sides, reads the level and cuts it off
    /// `name`. Text there that looks like a level but is not understood is cut off too,
    /// and returned.
    fn absorb_after_separator(&mut self, name: &mut String) -> Option<String> {
        for sep in [":", " - ", " – ", " — ", "="] {
            let Some(at) = name.rfind(sep) else { continue };
            let (head, tail) = (name[..at].trim(), name[at + sep.len()..].trim());
            if head.is_empty() || tail.is_empty() {
                continue;
            }
            let mut unclear = None;
            if self.absorb(tail) {
                *name = head.to_string();
            } else if levels::looks_like_level(tail) {
                unclear = Some(tail.to_string());
                *name = head.to_string();
            }
            return unclear;
        }
        None
    }

    /// Trailing years or level word, of up to three words (`Spark 3 years`, `Python
    /// advanced`): reads the longest that is level information and cuts it off `name`.
    fn absorb_trailing(&mut self, name: &mut String) {
        let words: Vec<&str> = name.split_whitespace().collect();
        for take in [3usize, 2, 1] {
            if words.len() > take {
                let tail = words[words.len() - take..].join(" ");
                if levels::looks_like_level(&tail) && self.absorb(&tail) {
                    *name = words[..words.len() - take].join(" ");
                    return;
                }
            }
        }
    }
}

/// The warning for a name that did not resolve: the candidates of an ambiguous one, the
/// first suggestions for an unknown one.
fn resolution_warning(name: &str, resolution: &Resolution) -> Option<Warning> {
    match resolution.status() {
        Status::Resolved => None,
        Status::Ambiguous => Some(Warning::AmbiguousSkill {
            name: name.to_string(),
            candidates: resolution
                .candidates()
                .iter()
                .map(|c| c.skill().clone())
                .collect(),
        }),
        _ => Some(Warning::UnresolvedSkill {
            name: name.to_string(),
            suggestions: resolution
                .candidates()
                .iter()
                .take(SUGGESTIONS)
                .map(|c| c.skill().clone())
                .collect(),
        }),
    }
}

/// A skill of the profile being assembled.
struct Kept {
    skill: SkillId,
    level: Level,
    last_used: Option<i32>,
}

/// The profile of the resolved `items`: skills in the order written, each at the highest
/// level (and latest year last used) given, with a warning for each repeat.
fn profile_of(items: &[ParsedItem], warnings: &mut Vec<Warning>) -> Profile {
    let mut kept: Vec<Kept> = Vec::new();
    for item in items {
        let Some(skill) = item.skill() else { continue };
        match kept.iter_mut().find(|k| k.skill == *skill) {
            Some(k) => {
                k.level = k.level.max(item.level);
                k.last_used = k.last_used.max(item.last_used);
                warnings.push(Warning::DuplicateSkill {
                    name: item.name.clone(),
                    skill: skill.clone(),
                });
            }
            None => kept.push(Kept {
                skill: skill.clone(),
                level: item.level,
                last_used: item.last_used,
            }),
        }
    }
    let mut profile = Profile::new();
    for k in kept {
        profile.push(ProfileSkill::new(k.skill.as_str(), k.level, k.last_used));
    }
    profile
}

/// Splits a compound item (`TensorFlow/Keras`, `Pandas & NumPy`, `SQL and Python`) into
/// its parts; `None` when there is nothing to split.
fn split_compound(name: &str) -> Option<Vec<String>> {
    let mut parts = vec![name.to_string()];
    for sep in ["/", "&", " + ", " and ", " And ", " AND "] {
        parts = parts
            .into_iter()
            .flat_map(|p| {
                p.split(sep)
                    .map(|s| s.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty())
            .collect();
    }
    (parts.len() > 1 && parts.len() <= 8).then_some(parts)
}

/// Whether `s` is a heading that introduces a list rather than names a skill: a generic
/// section word (`Skills`, `Tools`, `Tech stack`...) or a kind of skills (`Technical
/// skills`, `Soft skills`). A skill that happens to end in "skills" (`communication
/// skills`) is not one.
fn is_heading(s: &str) -> bool {
    const HEADINGS: [&str; 24] = [
        "skills",
        "skill set",
        "skillset",
        "tools",
        "technologies",
        "tools and technologies",
        "tech stack",
        "stack",
        "languages",
        "programming languages",
        "frameworks",
        "libraries",
        "competencies",
        "core competencies",
        "expertise",
        "areas of expertise",
        "software",
        "platforms",
        "databases",
        "other",
        "summary",
        "profile",
        "certifications",
        "qualifications",
    ];
    const KINDS: [&str; 12] = [
        "technical",
        "soft",
        "hard",
        "key",
        "core",
        "other",
        "relevant",
        "professional",
        "transferable",
        "additional",
        "computer",
        "it",
    ];
    let s = s.trim().to_lowercase();
    let s = s.as_str();
    HEADINGS.contains(&s)
        || ["skills", "skill set", "skillset"].iter().any(|tail| {
            s.strip_suffix(tail)
                .map(str::trim_end)
                .is_some_and(|kind| KINDS.contains(&kind))
        })
}

/// A piece of the text: an item to read, or a heading left out (and reported).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Item(String),
    Heading(String),
}

/// Characters that separate items on a line (outside brackets).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '|' | '\t' | '•' | '·' | '▪' | '●' | '◦' | '‣'
    )
}

/// Splits text into items and headings (see [`ProfileParser`]), line by line; `None` past
/// `max_items` items. A heading needs evidence: it starts its line and ends with a colon
/// followed by the items it introduces (`Technical skills: Python, SQL`), or a column
/// separator (`Tools | Jupyter | Git`), or it is alone on its line (`Tools:`, `Tools`).
/// Anything else is an item, even a heading word in a list (`Python, Databases, Excel`).
fn split_items(text: &str, max_items: usize) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut items = 0usize;
    for line in text.split(['\n', '\r']) {
        let line = strip_marker(line.trim());
        let mut rest = line;
        if let Some((head, tail)) = line.split_once(':') {
            if is_heading(head) && !levels::looks_like_level(tail) {
                pieces.push(Piece::Heading(clip(head.trim(), 64)));
                rest = tail;
            }
        } else if is_heading(line) && !line.contains(is_separator) {
            pieces.push(Piece::Heading(clip(line, 64)));
            rest = "";
        } else if let Some((head, tail)) = line.split_once(['|', '\t', '•', '▪', '●']) {
            // `Tools | Jupyter | Git`: a heading set apart by a column separator (not a
            // comma: `Databases, SQL` lists two skills).
            if is_heading(head) {
                pieces.push(Piece::Heading(clip(head.trim(), 64)));
                rest = tail;
            }
        }
        for item in split_line(rest) {
            if items == max_items {
                return None;
            }
            items += 1;
            pieces.push(Piece::Item(item));
        }
    }
    Some(pieces)
}

/// The items of one line: split on separators outside brackets, each cleaned.
fn split_line(line: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 && is_separator(c) => {
                items.extend(clean_item(&cur));
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(if c.is_control() { ' ' } else { c });
    }
    items.extend(clean_item(&cur));
    items
}

/// A list marker (`-`, `*`, `+`, `>`, `1.`, `2)`) taken off the start of `s`.
fn strip_marker(mut s: &str) -> &str {
    loop {
        let before = s;
        s = s
            .trim_start_matches(['-', '*', '+', '>', '–', '—'])
            .trim_start();
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && digits <= 2 && s[digits..].starts_with(['.', ')']) {
            let rest = &s[digits + 1..];
            if rest.starts_with(' ') {
                s = rest.trim_start();
            }
        }
        if s == before {
            return s;
        }
    }
}

/// An item without list markers and surrounding punctuation; `None` when nothing is left.
fn clean_item(raw: &str) -> Option<String> {
    let s = strip_marker(raw.trim())
        .trim_end_matches(['.', ':', '-'])
        .trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl Profile {
    /// Reads a profile from free text, such as
    /// `"Python (advanced), SQL: 3, pandas - 2 years, Docker, TensorFlow/Keras"`,
    /// resolving each item against `catalog`. Not strict, default level 3; see
    /// [`ProfileParser`] for the rules and the options.
    ///
    /// ```
    /// use skillgap::{Catalog, Profile};
    /// use skillgap::error::Warning;
    ///
    /// let parsed = Profile::parse("machine lerning (expert); Excel wizardry", Catalog::builtin())?;
    /// assert_eq!(parsed.profile().skills()[0].name(), "machine-learning");
    /// assert!(parsed.items()[0].resolution().confidence() < 1.0); // a fuzzy match, said so
    /// assert!(matches!(parsed.warnings()[0], Warning::UnresolvedSkill { .. }));
    /// # Ok::<(), skillgap::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ProfileParser::parse`]: [`Error::TooLarge`] beyond 256 KiB or 1,000 items.
    pub fn parse(text: &str, catalog: &Catalog) -> Result<ParsedProfile> {
        ProfileParser::new(catalog).parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ParsedProfile {
        Profile::parse(text, Catalog::builtin()).unwrap()
    }

    fn summary(p: &ParsedProfile) -> Vec<(String, u8, &'static str)> {
        p.items()
            .iter()
            .map(|i| {
                (
                    i.skill().map_or("?".to_string(), |s| s.to_string()),
                    i.level().get(),
                    i.level_source().as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn the_issue_example() {
        let p = parse("Python (advanced), SQL: 3, pandas - 2 years, Docker, TensorFlow/Keras");
        let s = |a: &str, l: u8, src: &'static str| (a.to_string(), l, src);
        assert_eq!(
            summary(&p),
            [
                s("python", 4, "word"),
                s("sql", 3, "number"),
                s("pandas", 3, "years"),
                s("docker", 3, "default"),
                s("tensorflow", 3, "default"),
                s("keras", 3, "default"),
            ]
        );
        assert!(p.warnings().is_empty(), "{:?}", p.warnings());
    }

    #[test]
    fn levels_in_many_forms() {
        let p = parse(
            "- advanced Python\n* expert in SQL\n1. basic knowledge of R\n\
             Spark 6 years\nDocker (4/5)\nKubernetes: 7/10\nGit ★★☆☆☆\nJava (2019)\n\
             Scala (6 months)\nNumPy (working knowledge, 3 years)",
        );
        let got: Vec<(String, u8)> = summary(&p).into_iter().map(|(s, l, _)| (s, l)).collect();
        let want = [
            ("python", 4),
            ("sql", 5),
            ("r", 2),
            ("spark", 5),
            ("docker", 4),
            ("kubernetes", 4),
            ("git", 2),
            ("java", 3),
            ("scala", 2),
            ("numpy", 3),
        ];
        let want: Vec<(String, u8)> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        assert_eq!(got, want);
        assert_eq!(p.items()[7].last_used(), Some(2019));
        assert!(p.warnings().is_empty(), "{:?}", p.warnings());
    }

    /// Years and level phrases before the name, as CVs write them, read with the mapping
    /// extraction uses.
    #[test]
    fn years_and_phrases_before_the_name() {
        let p = parse(
            "5 years of Python\n3-5 yrs SQL\n2+ yrs Docker\nTableau - 4 years\n\
             working knowledge of Git\nhands-on experience with Kubernetes\n\
             familiarity with AWS\n6 months' experience in pandas",
        );
        let want = [
            ("python", 5, "years"),
            ("sql", 4, "years"),
            ("docker", 3, "years"),
            ("tableau", 4, "years"),
            ("git", 3, "word"),
            ("kubernetes", 3, "word"),
            ("aws", 1, "word"),
            ("pandas", 2, "years"),
        ];
        let want: Vec<(String, u8, &str)> = want
            .iter()
            .map(|(s, l, w)| (s.to_string(), *l, *w))
            .collect();
        assert_eq!(summary(&p), want);
        assert_eq!(p.items()[0].level_text(), Some("5 years of"));
        assert!(p.warnings().is_empty(), "{:?}", p.warnings());
    }

    #[test]
    fn headings_bullets_and_compounds() {
        let p = parse("Technical skills: Pandas & NumPy • CI/CD | A/B testing\nTools:\n");
        let got: Vec<String> = summary(&p).into_iter().map(|(s, ..)| s).collect();
        // `A/B testing` is a built-in alias of statistics.
        assert_eq!(got, ["pandas", "numpy", "?", "statistics"]);
        assert_eq!(p.items()[2].name(), "CI/CD");
    }

    #[test]
    fn unclear_levels_and_unknown_items_warn_or_fail_in_strict_mode() {
        let p = parse("SQL: 8, Excel wizardry, Python, python");
        let kinds: Vec<&str> = p
            .warnings()
            .iter()
            .map(|w| match w {
                Warning::UnclearLevel { .. } => "level",
                Warning::UnresolvedSkill { .. } => "unresolved",
                Warning::DuplicateSkill { .. } => "duplicate",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["level", "unresolved", "duplicate"]);
        assert_eq!(p.profile().skills().len(), 2);
        let strict = ProfileParser::new(Catalog::builtin()).strict(true);
        match strict.parse("SQL: 8, Excel wizardry") {
            Err(Error::UnclearProfile { warnings }) => assert_eq!(warnings.len(), 2),
            other => panic!("expected an error, got {other:?}"),
        }
        assert!(strict.parse("Python, SQL").is_ok());
    }

    #[test]
    fn limits_are_errors_not_hangs() {
        let many = "Python, ".repeat(100_000);
        assert!(matches!(
            Profile::parse(&many, Catalog::builtin()),
            Err(Error::TooLarge { unit: "bytes", .. })
        ));
        let parser = ProfileParser::new(Catalog::builtin()).max_bytes(usize::MAX);
        assert!(matches!(
            parser.parse(&many),
            Err(Error::TooLarge { unit: "items", .. })
        ));
        let e = parser.parse_bytes(b"Python, \xff\xfe SQL").unwrap_err();
        assert!(matches!(e, Error::InvalidUtf8 { offset: 8, .. }), "{e}");
        assert!(parse("").items().is_empty());
        assert!(parse(" ,,, ;\n\n").items().is_empty());
        let p = parse("Py\u{0}thon\u{7}, \u{1b}[31mSQL");
        assert_eq!(p.items().len(), 2);
    }

    /// A heading needs its own line or a colon with items after it: items of a list that
    /// end in "skills" or equal a heading word are items, and a level after a colon stays
    /// a level. Headings taken are reported.
    #[test]
    fn headings_need_evidence_and_are_reported() {
        let p = parse("communication skills, Databases, Excel skills, Python");
        let names: Vec<&str> = p.items().iter().map(|i| i.name()).collect();
        assert_eq!(
            names,
            [
                "communication skills",
                "Databases",
                "Excel skills",
                "Python"
            ]
        );
        assert!(!p
            .warnings()
            .iter()
            .any(|w| matches!(w, Warning::Heading { .. })));
        let p = parse("communication skills: 4");
        assert_eq!(
            p.items()[0].skill().map(|s| s.as_str()),
            Some("communication")
        );
        assert_eq!(p.items()[0].level(), Level::ADVANCED);
        let p = parse("Technical skills: Python\nTools | Git\nSoft skills\nteamwork");
        let headings: Vec<&str> = p
            .warnings()
            .iter()
            .filter_map(|w| match w {
                Warning::Heading { text } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, ["Technical skills", "Tools", "Soft skills"]);
        assert_eq!(p.profile().skills().len(), 3);
    }

    /// Limits at their extremes do not panic or overflow, and compound items count.
    #[test]
    fn limits_at_the_extremes() {
        let big = ProfileParser::new(Catalog::builtin()).max_bytes(1 << 20);
        let p = big
            .parse(&"€".repeat(87_382))
            .expect("under the byte limit");
        assert_eq!(p.items().len(), 1);
        let any = ProfileParser::new(Catalog::builtin()).max_items(usize::MAX);
        assert_eq!(
            any.parse("Python, SQL").expect("two items").items().len(),
            2
        );
        let two = ProfileParser::new(Catalog::builtin()).max_items(2);
        assert!(matches!(
            two.parse("TensorFlow/Keras/PyTorch"),
            Err(Error::TooLarge { unit: "items", .. })
        ));
    }
}
