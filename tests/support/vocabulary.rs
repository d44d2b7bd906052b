//! The generated vocabulary of 100,000 skill labels the resolver and extraction benches
//! share: real words of skill labels (common ones more often) mixed with generated
//! pseudo-words, two to four words a label, one to three labels a skill.

use std::collections::HashSet;

use skillgap::{Catalog, Skill};

use super::Rng;

/// Labels in the generated vocabulary.
pub const LABELS: usize = 100_000;

/// Skewed towards small indices (common words): the minimum of two draws.
pub fn skewed(rng: &mut Rng, n: usize) -> usize {
    rng.below(n).min(rng.below(n))
}

/// Words of skill labels, most common first.
pub const WORDS: &[&str] = &[
    "data",
    "management",
    "analysis",
    "software",
    "development",
    "engineering",
    "design",
    "system",
    "systems",
    "learning",
    "machine",
    "network",
    "security",
    "cloud",
    "service",
    "services",
    "application",
    "applications",
    "database",
    "programming",
    "testing",
    "web",
    "project",
    "business",
    "process",
    "quality",
    "control",
    "model",
    "models",
    "modelling",
    "statistical",
    "statistics",
    "computer",
    "science",
    "information",
    "technology",
    "digital",
    "marketing",
    "financial",
    "accounting",
    "reporting",
    "planning",
    "operations",
    "customer",
    "support",
    "technical",
    "documentation",
    "communication",
    "team",
    "leadership",
    "research",
    "methods",
    "tools",
    "platform",
    "platforms",
    "infrastructure",
    "architecture",
    "integration",
    "deployment",
    "automation",
    "monitoring",
    "performance",
    "optimisation",
    "visualisation",
    "mining",
    "warehouse",
    "pipeline",
    "pipelines",
    "processing",
    "language",
    "natural",
    "deep",
    "neural",
    "networks",
    "vision",
    "image",
    "speech",
    "recognition",
    "signal",
    "embedded",
    "mobile",
    "frontend",
    "backend",
    "distributed",
    "parallel",
    "computing",
    "algorithms",
    "structures",
    "mathematics",
    "linear",
    "algebra",
    "calculus",
    "probability",
    "optimization",
    "forecasting",
    "time",
    "series",
    "risk",
    "compliance",
    "audit",
    "governance",
    "privacy",
    "protection",
    "policy",
    "legal",
    "contract",
    "negotiation",
    "sales",
    "procurement",
    "supply",
    "chain",
    "logistics",
    "inventory",
    "warehousing",
    "transport",
    "maintenance",
    "repair",
    "installation",
    "electrical",
    "mechanical",
    "civil",
    "chemical",
    "laboratory",
    "clinical",
    "medical",
    "patient",
    "care",
    "health",
    "safety",
    "environmental",
    "energy",
    "renewable",
    "solar",
    "wind",
    "water",
    "waste",
    "agriculture",
    "food",
    "production",
    "manufacturing",
    "assembly",
    "inspection",
    "training",
    "teaching",
    "curriculum",
    "assessment",
    "evaluation",
    "coaching",
    "mentoring",
    "recruitment",
    "payroll",
    "budget",
    "budgeting",
    "investment",
    "banking",
    "insurance",
    "tax",
    "retail",
    "merchandising",
    "hospitality",
    "tourism",
    "events",
    "media",
    "content",
    "writing",
    "editing",
    "translation",
    "graphic",
    "video",
    "audio",
    "photography",
    "animation",
    "game",
    "user",
    "experience",
    "interface",
    "accessibility",
    "api",
    "microservices",
    "containers",
    "virtualisation",
    "scripting",
    "shell",
    "query",
    "relational",
    "graph",
    "search",
    "indexing",
    "caching",
    "streaming",
    "batch",
    "scheduling",
    "workflow",
    "orchestration",
    "configuration",
    "version",
    "release",
    "incident",
    "change",
    "asset",
    "vendor",
    "stakeholder",
    "strategy",
    "innovation",
    "product",
    "portfolio",
    "program",
    "agile",
    "lean",
    "continuous",
    "improvement",
    "manage",
    "apply",
    "use",
    "perform",
    "develop",
    "maintain",
    "analyse",
    "create",
    "implement",
    "monitor",
    "coordinate",
    "evaluate",
    "operate",
    "prepare",
    "conduct",
    "advise",
    "ensure",
    "assess",
    "report",
    "plan",
    "support",
    "train",
    "supervise",
];

/// Generated tokens beyond the word list, so that the dictionary has ESCO's order of
/// distinct words (~20,000).
pub const PSEUDO_WORDS: usize = 20_000;

pub fn pseudo_word(rng: &mut Rng) -> String {
    const ONSETS: [&str; 20] = [
        "b", "br", "c", "d", "f", "g", "gr", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t",
        "tr", "v", "z",
    ];
    const VOWELS: [&str; 6] = ["a", "e", "i", "o", "u", "ou"];
    const CODAS: [&str; 8] = ["", "n", "r", "s", "l", "x", "m", "nd"];
    let syllables = 2 + rng.below(2);
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(VOWELS[rng.below(VOWELS.len())]);
        w.push_str(CODAS[rng.below(CODAS.len())]);
    }
    w
}

/// The vocabulary: skills as `(id, labels)`, 100,000 labels in all (ids included).
pub fn vocabulary() -> Vec<(String, Vec<String>)> {
    let mut rng = Rng::new(0x5EED_2E50_17E5);
    let mut words: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
    let mut seen: HashSet<String> = words.iter().cloned().collect();
    while words.len() < WORDS.len() + PSEUDO_WORDS {
        let w = pseudo_word(&mut rng);
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut label = |rng: &mut Rng| loop {
        let n = 2 + rng.below(3);
        let parts: Vec<&str> = (0..n)
            .map(|i| {
                // Real words (common ones more often) mixed with generated rarer ones.
                if (i == 0 && rng.chance(0.5)) || rng.chance(0.45) {
                    words[skewed(rng, WORDS.len())].as_str()
                } else {
                    words[WORDS.len() + rng.below(PSEUDO_WORDS)].as_str()
                }
            })
            .collect();
        let l = parts.join(" ");
        if taken.insert(l.clone()) {
            return l;
        }
    };
    let mut skills = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < LABELS {
        let id = format!("skill-{i:05}");
        let aliases = 1 + rng.below(3);
        let labels: Vec<String> = (0..aliases.min(LABELS - total - 1).max(1))
            .map(|_| label(&mut rng))
            .collect();
        total += 1 + labels.len();
        skills.push((id, labels));
        i += 1;
    }
    skills
}

/// The vocabulary as a catalog: skill `skill-NNNNN` named by its first label, the others
/// its aliases; no roles.
pub fn catalog() -> Catalog {
    let skills: Vec<Skill> = vocabulary()
        .into_iter()
        .map(|(id, labels)| {
            let mut labels = labels.into_iter();
            let name = labels.next().unwrap_or_else(|| id.clone());
            labels.fold(Skill::new(id, name), Skill::with_alias)
        })
        .collect();
    Catalog::new(skills, Vec::new(), Vec::new()).expect("the generated vocabulary is valid")
}
