//! Proficiency levels, from 0 (none) to 5 (expert).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// A proficiency level on the scale 0..=5.
///
/// | value | name         | common synonyms                    |
/// |-------|--------------|------------------------------------|
/// | 0     | none         | no, zero                           |
/// | 1     | awareness    | aware, familiar, basic             |
/// | 2     | beginner     | novice, elementary, junior         |
/// | 3     | intermediate | competent, working, practitioner   |
/// | 4     | advanced     | proficient, senior, strong         |
/// | 5     | expert       | master, mastery, guru              |
///
/// Levels parse from integers and from these words, ignoring case and surrounding space:
///
/// ```
/// use skillgap::Level;
///
/// assert_eq!("Advanced".parse::<Level>()?, Level::ADVANCED);
/// assert_eq!("3".parse::<Level>()?, Level::INTERMEDIATE);
/// assert_eq!(Level::new(5)?, Level::EXPERT);
/// assert!(Level::new(6).is_err());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Level(u8);

impl Level {
    /// Level 0: no knowledge of the skill.
    pub const NONE: Level = Level(0);
    /// Level 1: has heard of it, knows what it is for.
    pub const AWARENESS: Level = Level(1);
    /// Level 2: can do simple tasks with guidance.
    pub const BEGINNER: Level = Level(2);
    /// Level 3: works independently on ordinary tasks.
    pub const INTERMEDIATE: Level = Level(3);
    /// Level 4: handles hard problems, guides others.
    pub const ADVANCED: Level = Level(4);
    /// Level 5: recognised authority.
    pub const EXPERT: Level = Level(5);
    /// The highest level.
    pub const MAX: Level = Level::EXPERT;

    /// Creates a level from its number.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidLevel`] when `value` is above 5.
    pub fn new(value: u8) -> Result<Level> {
        if value <= Level::MAX.0 {
            Ok(Level(value))
        } else {
            Err(Error::InvalidLevel {
                value: value.to_string(),
                reason: "out of range 0..=5".into(),
            })
        }
    }

    /// Creates a level from a literal, checked at compile time when used in a `const`.
    ///
    /// # Panics
    ///
    /// Panics when `value` is above 5. Use [`Level::new`] for values that come from input.
    pub const fn constant(value: u8) -> Level {
        assert!(value <= 5, "level out of range 0..=5");
        Level(value)
    }

    /// The level's number, 0..=5.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The level's number as a float, for arithmetic on fractional levels.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0)
    }

    /// The canonical name: none, awareness, beginner, intermediate, advanced or expert.
    pub const fn name(self) -> &'static str {
        match self.0 {
            0 => "none",
            1 => "awareness",
            2 => "beginner",
            3 => "intermediate",
            4 => "advanced",
            _ => "expert",
        }
    }

    /// Parses a level word or number; `None` when it is neither.
    fn from_word(word: &str) -> Option<Level> {
        let value = match word {
            "none" | "no" | "zero" | "nil" => 0,
            "awareness" | "aware" | "familiar" | "basic" | "basics" | "fundamental"
            | "fundamentals" => 1,
            "beginner" | "novice" | "elementary" | "junior" | "entry" | "entry-level" => 2,
            "intermediate" | "competent" | "working" | "practitioner" | "moderate" | "medium"
            | "good" => 3,
            "advanced" | "proficient" | "senior" | "strong" | "experienced" | "skilled" => 4,
            "expert" | "master" | "mastery" | "guru" | "authority" | "excellent" => 5,
            _ => return None,
        };
        Some(Level(value))
    }
}

impl FromStr for Level {
    type Err = Error;

    fn from_str(s: &str) -> Result<Level> {
        let t = s.trim();
        if let Ok(n) = t.parse::<i64>() {
            return u8::try_from(n)
                .ok()
                .and_then(|n| Level::new(n).ok())
                .ok_or_else(|| Error::InvalidLevel {
                    value: t.to_string(),
                    reason: "out of range 0..=5".into(),
                });
        }
        Level::from_word(&t.to_lowercase()).ok_or_else(|| Error::InvalidLevel {
            value: crate::util::text::clip(t, 64),
            reason: "expected 0..=5 or none, awareness, beginner, intermediate, advanced, expert"
                .into(),
        })
    }
}

impl TryFrom<u8> for Level {
    type Error = Error;

    fn try_from(value: u8) -> Result<Level> {
        Level::new(value)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.0, self.name())
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Level, D::Error> {
        LevelInput::deserialize(deserializer)?
            .to_level()
            .map_err(serde::de::Error::custom)
    }
}

/// A level as written in a document: a number or a word, checked later so that
/// validation can report every bad level at once.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum LevelInput {
    Number(f64),
    Word(String),
}

impl LevelInput {
    pub(crate) fn to_level(&self) -> Result<Level> {
        match self {
            LevelInput::Number(n) => {
                if n.fract() == 0.0 && (0.0..=5.0).contains(n) {
                    // Exact: n is an integer in 0..=5.
                    Ok(Level(*n as u8))
                } else {
                    Err(Error::InvalidLevel {
                        value: n.to_string(),
                        reason: "out of range 0..=5".into(),
                    })
                }
            }
            LevelInput::Word(w) => w.parse(),
        }
    }
}

impl From<Level> for LevelInput {
    fn from(level: Level) -> LevelInput {
        LevelInput::Number(level.as_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_words_and_synonyms() {
        assert_eq!("0".parse::<Level>().unwrap(), Level::NONE);
        assert_eq!(" 5 ".parse::<Level>().unwrap(), Level::EXPERT);
        assert_eq!("NOVICE".parse::<Level>().unwrap(), Level::BEGINNER);
        assert_eq!("competent".parse::<Level>().unwrap(), Level::INTERMEDIATE);
        assert_eq!("Proficient".parse::<Level>().unwrap(), Level::ADVANCED);
        assert_eq!("familiar".parse::<Level>().unwrap(), Level::AWARENESS);
        assert_eq!("basic".parse::<Level>().unwrap(), Level::AWARENESS);
    }

    #[test]
    fn rejects_out_of_range_and_unknown_naming_the_value() {
        let e = "7".parse::<Level>().unwrap_err().to_string();
        assert!(e.contains("`7`"), "{e}");
        let e = "-1".parse::<Level>().unwrap_err().to_string();
        assert!(e.contains("`-1`"), "{e}");
        let e = "wizard".parse::<Level>().unwrap_err().to_string();
        assert!(e.contains("`wizard`"), "{e}");
        assert!(Level::new(6).is_err());
    }

    #[test]
    fn serde_accepts_numbers_and_words() {
        let l: Level = serde_json::from_str("\"expert\"").unwrap();
        assert_eq!(l, Level::EXPERT);
        let l: Level = serde_json::from_str("2").unwrap();
        assert_eq!(l, Level::BEGINNER);
        assert!(serde_json::from_str::<Level>("2.5").is_err());
        assert_eq!(serde_json::to_string(&Level::ADVANCED).unwrap(), "4");
    }
}
