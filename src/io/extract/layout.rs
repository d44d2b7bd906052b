//! The layout of a document: lines, headings and the sections they open, and boilerplate.
//!
//! A line is a **heading** when it is short (at most 8 words and 70 characters), is not a
//! list item and does not end a sentence, and either ends with a colon, is written in
//! capitals, names a known kind of section, or stands alone between a blank line and
//! text. A line that starts with a known heading and a colon (`Nice to have: dbt`) is a
//! heading for itself only. Headings are classified by their words:
//!
//! | section | headings (words they contain) | importance in a posting |
//! |---|---|---|
//! | requirements | requirements, must have, what you'll need, what we're looking for, qualifications, essential, your profile, who you are, about you | essential |
//! | preferred | nice to have, preferred, desirable, bonus, good to have, a plus, ideally | optional |
//! | role | responsibilities, what you'll do, the role, your mission, duties, how we work, stack, tech, tools, team | important |
//! | not needed | not required, not needed, don't need, don't expect, no need | mentions negated |
//! | boilerplate | about us, about *company*, who we are, benefits, perks, what we offer, why join, salary, equal opportunity, diversity, how to apply, hiring process, our values, culture, location; in CVs declaration, references, interests, hobbies | left out |
//! | other | any other heading, and the text before the first heading | important |
//!
//! The first line of a posting is its title, unless it is a known heading. A paragraph (lines up to a blank line or a
//! heading) that speaks of equal opportunity (`equal opportunity`, `without regard to`,
//! `protected characteristic`, `reasonable accommodation`...) or starts with application
//! instructions (`To apply`, `How to apply`, `Please apply`, `Send your CV`) is
//! boilerplate wherever it stands.

use crate::model::Importance;
use crate::util::text::clip;

use super::result::DocumentKind;

/// Longest heading, in characters and words.
const HEADING_CHARS: usize = 70;
const HEADING_WORDS: usize = 8;

/// The longest heading text kept for reports.
const HEADING_CLIP: usize = 60;

/// What a section is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    /// The title line of a posting.
    Title,
    /// Requirements: essential.
    Requirements,
    /// Nice to have: optional.
    Preferred,
    /// The role description.
    Role,
    /// Company blurb, benefits, equal opportunity, application instructions.
    Boilerplate,
    /// What is not needed: `Not required`, `You don't need`: its mentions are negated.
    NotNeeded,
    /// Any other heading, or none.
    Other,
}

impl SectionKind {
    /// The importance a posting's section gives its mentions (`None`: left out).
    pub(crate) fn importance(self) -> Option<Importance> {
        match self {
            SectionKind::Requirements => Some(Importance::Essential),
            SectionKind::Preferred => Some(Importance::Optional),
            SectionKind::Boilerplate | SectionKind::NotNeeded => None,
            _ => Some(Importance::Important),
        }
    }
}

/// A section: its kind and heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    pub kind: SectionKind,
    /// The heading as written (clipped), if any.
    pub heading: Option<String>,
}

/// One line of the document.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Byte offset of its first character.
    start: usize,
    /// Its section, in [`Layout::sections`].
    section: usize,
}

/// Lines and their sections.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    lines: Vec<Line>,
    sections: Vec<Section>,
}

/// Words of headings, by section kind (lowercase; matched as parts of the heading).
const PREFERRED: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "preferred",
    "desirable",
    "bonus",
    "good to have",
    "great to have",
    "plus",
    "would be great",
    "would be nice",
    "extra credit",
    "ideally",
    "advantage",
    "optional",
];
const REQUIREMENTS: &[&str] = &[
    "requirement",
    "required",
    "must have",
    "must-have",
    "you'll need",
    "you will need",
    "what you need",
    "looking for",
    "you have",
    "you'll have",
    "you will have",
    "you bring",
    "your profile",
    "your background",
    "your skills",
    "your experience",
    "qualification",
    "essential",
    "minimum",
    "who you are",
    "about you",
    "skills and experience",
    "experience and skills",
    "person specification",
    "criteria",
    "you should have",
    "ideal candidate",
    "we need",
];
const BOILERPLATE: &[&str] = &[
    "about us",
    "who we are",
    "who are we",
    "our company",
    "the company",
    "our story",
    "our mission",
    "benefit",
    "perks",
    "what we offer",
    "we offer",
    "what's in it",
    "why join",
    "why us",
    "why work",
    "why you'll love",
    "compensation",
    "salary",
    "reward",
    "package",
    "equal opportunit",
    "diversity",
    "inclusion",
    "apply",
    "application",
    "hiring process",
    "interview",
    "recruitment process",
    "the process",
    "next steps",
    "values",
    "culture",
    "life at",
    "working here",
    "location",
    "a note on",
    "small print",
    "disclaimer",
    "privacy",
];
const CV_BOILERPLATE: &[&str] = &["declaration", "references", "interests", "hobbies"];
const ROLE: &[&str] = &[
    "responsibilit",
    "what you'll do",
    "what you will do",
    "you'll be doing",
    "role",
    "mission",
    "day to day",
    "day-to-day",
    "duties",
    "you will",
    "you'll",
    "tasks",
    "accountabilities",
    "the job",
    "job description",
    "how we work",
    "stack",
    "tech",
    "tools",
    "team",
    "environment",
    "projects",
    "the work",
    "opportunity",
    "position",
];

/// Headings of what a posting does not need.
const NOT_NEEDED: &[&str] = &[
    "not required",
    "not needed",
    "not necessary",
    "not expected",
    "don't need",
    "do not need",
    "don't expect",
    "do not expect",
    "no need",
    "what you don't",
];

/// What `about X` is about when it is not boilerplate.
const ABOUT_THE_JOB: &[&str] = &[
    "the role",
    "this role",
    "you",
    "the job",
    "the position",
    "the team",
    "the opportunity",
];

/// Paragraphs of equal-opportunity text.
const EQUAL_OPPORTUNITY: &[&str] = &[
    "equal opportunit",
    "equal-opportunit",
    "without regard to",
    "protected characteristic",
    "reasonable accommodation",
    "reasonable adjustment",
    "inclusive employer",
    "do not discriminate",
    "does not discriminate",
    "regardless of race",
    "regardless of age",
    "we welcome applications",
    "committed to diversity",
    "hereby declare",
];

/// Paragraphs of application instructions, by how they start.
const APPLY: &[&str] = &[
    "to apply",
    "how to apply",
    "please apply",
    "apply via",
    "apply now",
    "apply online",
    "send your cv",
    "send us your",
    "interested?",
    "ready to apply",
];

/// The lowercase form of a heading, apostrophes unified.
fn lower(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The kind of section a heading names, if it names a known one.
fn heading_kind(heading: &str, kind: DocumentKind) -> Option<SectionKind> {
    let h = lower(heading);
    let h = h.trim_end_matches([':', '?', '!', ' ']);
    let any = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if let Some(rest) = h.strip_prefix("about ") {
        if !ABOUT_THE_JOB.iter().any(|w| rest.starts_with(w)) {
            return Some(SectionKind::Boilerplate);
        }
    }
    if any(NOT_NEEDED) {
        return Some(SectionKind::NotNeeded);
    }
    if kind == DocumentKind::Cv {
        return (any(BOILERPLATE) || any(CV_BOILERPLATE)).then_some(SectionKind::Boilerplate);
    }
    if any(PREFERRED) {
        Some(SectionKind::Preferred)
    } else if any(REQUIREMENTS) {
        Some(SectionKind::Requirements)
    } else if any(BOILERPLATE) {
        Some(SectionKind::Boilerplate)
    } else if any(ROLE) {
        Some(SectionKind::Role)
    } else {
        None
    }
}

/// A line without its list marker (`-`, `*`, `•`, `1.`...) and markdown (`## `, `**`);
/// and whether it had a list marker.
fn strip_marker(line: &str) -> (&str, bool) {
    let t = line.trim();
    let t = t.trim_start_matches('#').trim_start();
    let mut s = t
        .strip_prefix("**")
        .or_else(|| t.strip_prefix("__"))
        .unwrap_or(t);
    let mut marked = false;
    loop {
        let mut chars = s.chars();
        let Some(c) = chars.next() else { break };
        let rest = chars.as_str();
        let spaced = rest.starts_with(char::is_whitespace);
        let bullet = matches!(c, '•' | '·' | '▪' | '●' | '◦' | '‣' | '»' | '→' | '–' | '—')
            || (matches!(c, '-' | '*' | '+' | '>' | '~') && (spaced || rest.starts_with(c)));
        if !bullet {
            break;
        }
        s = rest.trim_start_matches(c).trim_start();
        marked = true;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && s[digits..].starts_with(['.', ')'])
        && s[digits + 1..].starts_with(char::is_whitespace)
    {
        s = s[digits + 1..].trim_start();
        marked = true;
    }
    (s.trim_end_matches(['*', '_', '#', ' ']), marked)
}

/// Whether a line (marker taken off) has the shape of a heading: short, no sentence end,
/// and a colon at the end, capitals, or a known kind.
fn looks_like_heading(s: &str, known: bool, alone: bool) -> bool {
    let words = s.split_whitespace().count();
    if s.is_empty() || words > HEADING_WORDS || s.chars().count() > HEADING_CHARS {
        return false;
    }
    if s.ends_with(['.', ',', ';']) {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic());
    let capitals = letters.clone().count() >= 3 && letters.clone().all(char::is_uppercase);
    s.ends_with(':') || capitals || known || (alone && words <= 5)
}

impl Layout {
    /// Reads the layout of `text` as a document of `kind`.
    pub(crate) fn read(text: &str, kind: DocumentKind) -> Layout {
        let mut layout = Layout {
            lines: Vec::new(),
            sections: vec![Section {
                kind: SectionKind::Other,
                heading: None,
            }],
        };
        let mut reader = Reader::default();
        let mut offset = 0;
        let lines: Vec<&str> = text.split('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
            let section = reader.line(&mut layout.sections, line, kind, next_blank);
            layout.lines.push(Line {
                start: offset,
                section,
            });
            offset += line.len() + 1;
        }
        layout
    }

    /// The section of the line holding byte `at`.
    pub(crate) fn section_at(&self, at: usize) -> &Section {
        let line = self
            .lines
            .partition_point(|l| l.start <= at)
            .saturating_sub(1);
        let section = self.lines.get(line).map_or(0, |l| l.section);
        &self.sections[section]
    }
}

/// The state of a reading, line by line.
#[derive(Debug, Default)]
struct Reader {
    /// Lines read that were not blank.
    seen: usize,
    /// The previous line was blank (or there was none).
    after_blank: bool,
    /// The current section (by heading), in the layout's list.
    section: usize,
    /// The current paragraph is boilerplate whatever its section.
    paragraph_boilerplate: Option<usize>,
}

impl Reader {
    /// Reads one line; returns its section.
    fn line(
        &mut self,
        sections: &mut Vec<Section>,
        line: &str,
        kind: DocumentKind,
        next_blank: bool,
    ) -> usize {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.after_blank = true;
            self.paragraph_boilerplate = None;
            return self.section;
        }
        self.seen += 1;
        let first = self.seen == 1;
        let after_blank = std::mem::replace(&mut self.after_blank, false) || first;
        let (content, marked) = strip_marker(trimmed);
        let known = || heading_kind(content.split(':').next().unwrap_or(content), kind);
        if first && kind == DocumentKind::Posting && known().is_none() {
            return self.open(sections, SectionKind::Title, Some(trimmed));
        }
        if !marked {
            if let Some(section) = self.heading(sections, content, kind, after_blank, next_blank) {
                return section;
            }
        }
        if let Some(section) = self.paragraph_boilerplate {
            return section;
        }
        let l = lower(content);
        if EQUAL_OPPORTUNITY.iter().any(|w| l.contains(w))
            || (after_blank && APPLY.iter().any(|w| l.starts_with(w)))
        {
            let section = self.push(sections, SectionKind::Boilerplate, None);
            self.paragraph_boilerplate = Some(section);
            return section;
        }
        // The title block ends at the first blank line.
        if sections[self.section].kind == SectionKind::Title && after_blank {
            return self.open(sections, SectionKind::Other, None);
        }
        self.section
    }

    /// A heading on this line: a section heading alone on its line, or a known heading
    /// before a colon that rules the line (returned without opening a section).
    fn heading(
        &mut self,
        sections: &mut Vec<Section>,
        content: &str,
        kind: DocumentKind,
        after_blank: bool,
        next_blank: bool,
    ) -> Option<usize> {
        if let Some((head, rest)) = content.split_once(':') {
            let rest = rest.trim();
            if !rest.is_empty() {
                let section_kind = heading_kind(head, kind)?;
                if head.split_whitespace().count() > 6 {
                    return None;
                }
                return Some(self.push(sections, section_kind, Some(head)));
            }
        }
        let known = heading_kind(content, kind);
        let alone = after_blank && !next_blank;
        if !looks_like_heading(content, known.is_some(), alone) {
            return None;
        }
        self.paragraph_boilerplate = None;
        Some(self.open(sections, known.unwrap_or(SectionKind::Other), Some(content)))
    }

    /// Opens a section: later lines belong to it.
    fn open(
        &mut self,
        sections: &mut Vec<Section>,
        kind: SectionKind,
        heading: Option<&str>,
    ) -> usize {
        self.section = self.push(sections, kind, heading);
        self.section
    }

    /// Adds a section to the list.
    fn push(
        &mut self,
        sections: &mut Vec<Section>,
        kind: SectionKind,
        heading: Option<&str>,
    ) -> usize {
        let heading = heading.map(|h| clip(h.trim().trim_end_matches(':').trim(), HEADING_CLIP));
        sections.push(Section { kind, heading });
        sections.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, kind: DocumentKind) -> Vec<(String, SectionKind)> {
        let layout = Layout::read(text, kind);
        let mut at = 0;
        let mut out = Vec::new();
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                out.push((line.trim().to_string(), layout.section_at(at).kind));
            }
            at += line.len() + 1;
        }
        out
    }

    #[test]
    fn sections_of_a_posting() {
        let text = "Data Engineer\nAcme | Remote\n\nAbout us\nWe sell things.\n\n\
                    What you'll do\n- Build pipelines\n\nREQUIREMENTS:\n* SQL\n\
                    Nice to have: dbt\n\nPerks\n- Free lunch\n\n\
                    Acme is an equal opportunity employer.\nWe mean it.";
        use SectionKind::*;
        let got: Vec<SectionKind> = kinds(text, DocumentKind::Posting)
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(
            got,
            [
                Title,
                Title,
                Boilerplate,
                Boilerplate,
                Role,
                Role,
                Requirements,
                Requirements,
                Preferred,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
    }

    #[test]
    fn about_the_role_is_not_boilerplate_and_cv_headings() {
        assert_eq!(
            heading_kind("About the role", DocumentKind::Posting),
            Some(SectionKind::Role)
        );
        assert_eq!(
            heading_kind("About Orbitpay", DocumentKind::Posting),
            Some(SectionKind::Boilerplate)
        );
        assert_eq!(
            heading_kind("Preferred qualifications", DocumentKind::Posting),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            heading_kind("DECLARATION", DocumentKind::Cv),
            Some(SectionKind::Boilerplate)
        );
        assert_eq!(heading_kind("Experience", DocumentKind::Cv), None);
    }

    #[test]
    fn list_items_and_sentences_are_not_headings() {
        let text = "Title\n\nSkills\n- Python\nWe use Spark daily.\n- Tools:\n";
        let got = kinds(text, DocumentKind::Posting);
        assert_eq!(got[1].1, SectionKind::Other);
        assert!(got[2..].iter().all(|(_, k)| *k == SectionKind::Other));
    }
}
