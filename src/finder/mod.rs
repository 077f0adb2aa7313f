//! The one role finder: every place that takes a job name (flags, answers files, rosters,
//! the `assess` search box, `roles TEXT`) goes through [`find`], so the same input gives the
//! same answer everywhere.
//!
//! First an exact name (id, alias, title, SOC code, published occupation title or BLS job
//! title, after `names::normalise`). Otherwise a ranked search by the words people type:
//! abbreviations spelled out, our synonyms, and edit distance only for typos inside a word.
//! A prefix that ends inside a word never matches, so `back` is not `backend`.

use crate::dataset::names::{
    Corpus, LEVEL_WORDS, NameKind, SYNONYMS, Target, WEIGHT_JOB_TITLE, WEIGHT_TITLE, normalise,
    search_words, stem,
};
use crate::dataset::{DataError, Store};

pub mod resolve;

pub use resolve::{Candidate, NotFound, Resolved, Subject, candidate, curated_role, subject};

/// How many candidates an ambiguous name lists.
pub const MAX_CANDIDATES: usize = 8;
/// How many suggestions an unknown name gets.
pub const MAX_SUGGESTIONS: usize = 3;
/// The best search result resolves only when the next is at most this fraction as good.
pub const CLEAR_LEAD: f64 = 0.8;
/// A synonym counts a little less than the word typed, a corrected typo less again.
const SYNONYM_WEIGHT: f64 = 0.85;
const TYPO_WEIGHT: f64 = 0.7;
/// A search result resolves only when the query makes up at least this share of the name
/// it matched: `back` alone does not pick "back office supervisor".
const MIN_PRECISION: f64 = 0.5;

/// What a name resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// An exact name of one role or occupation.
    Exact { target: Target, kind: NameKind },
    /// The clear best match of a search.
    Closest(Target),
    /// Several jobs fit about equally, and one employs far more people than any other: the
    /// likeliest meaning, with the others, which the person is told about.
    Commonest { target: Target, others: Vec<Target> },
    /// Several good answers, best first.
    Ambiguous(Vec<Target>),
    /// Nothing good enough: the nearest candidates, if any.
    Unknown(Vec<Target>),
}

/// Resolves a job name.
pub fn find(store: &Store, name: &str) -> Result<Found, DataError> {
    let key = normalise(name);
    if key.is_empty() {
        return Ok(Found::Unknown(Vec::new()));
    }
    if let Some((kind, targets)) = store.lookup(&key)? {
        return Ok(match targets.as_slice() {
            [target] => Found::Exact {
                target: *target,
                kind,
            },
            _ => Found::Ambiguous(targets),
        });
    }
    let ranked = rank(&store.corpus()?, name);
    let complete: Vec<&Ranked> = ranked.iter().filter(|r| r.complete).collect();
    let whole: Vec<&Ranked> = complete.iter().copied().filter(|r| r.whole).collect();
    if let [only] = whole.as_slice() {
        return Ok(Found::Closest(only.target));
    }
    if let Some(found) = commonest(&complete) {
        return Ok(found);
    }
    Ok(match complete.as_slice() {
        _ if whole.len() > 1 => {
            Found::Ambiguous(whole.iter().take(MAX_CANDIDATES).map(|r| r.target).collect())
        }
        [best, rest @ ..]
            if best.strong && rest.first().is_none_or(|next| next.score < CLEAR_LEAD * best.score) =>
        {
            Found::Closest(best.target)
        }
        [_, _, ..] => Found::Ambiguous(
            complete
                .iter()
                .take(MAX_CANDIDATES)
                .map(|r| r.target)
                .collect(),
        ),
        _ => Found::Unknown(
            ranked
                .iter()
                .filter(|r| r.coverage >= 0.5)
                .take(MAX_SUGGESTIONS)
                .map(|r| r.target)
                .collect(),
        ),
    })
}

/// How many times the next most common job the likeliest one must employ to be chosen.
const DOMINANCE: f64 = 3.0;

/// Among the strong results that score near the best and match the words as typed (a
/// synonym is a guess, not a meaning: a chef is not a cook), the one employing at least
/// [`DOMINANCE`] times as many people as any other, if there is one.
fn commonest(complete: &[&Ranked]) -> Option<Found> {
    let best = complete.first()?;
    if !best.strong {
        return None;
    }
    let mut close: Vec<&Ranked> = complete
        .iter()
        .copied()
        .filter(|r| r.strong && r.literal && r.score >= CLEAR_LEAD * best.score)
        .collect();
    if close.len() < 2 {
        return None;
    }
    close.sort_by(|a, b| b.employment.total_cmp(&a.employment));
    let (top, next) = (close[0], close[1]);
    (top.employment > 0.0 && top.employment >= DOMINANCE * next.employment).then(|| {
        Found::Commonest {
            target: top.target,
            others: close[1..].iter().map(|r| r.target).collect(),
        }
    })
}

/// Everything a query finds, best first: its exact targets, then every search result that
/// matches all its words. For `roles TEXT` and the `assess` search box.
pub fn search(store: &Store, query: &str, limit: usize) -> Result<Vec<Target>, DataError> {
    let mut found: Vec<Target> = match store.lookup(&normalise(query))? {
        Some((_, targets)) => targets,
        None => Vec::new(),
    };
    for ranked in rank(&store.corpus()?, query) {
        if ranked.complete && !found.contains(&ranked.target) {
            found.push(ranked.target);
        }
    }
    found.truncate(limit);
    Ok(found)
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub target: Target,
    pub score: f64,
    /// Share of the query's words found.
    pub coverage: f64,
    /// Every word of the query was found.
    pub complete: bool,
    /// One title-like name holds every word and is mostly made of them: enough to resolve
    /// on when no other result comes close.
    pub strong: bool,
    /// One title-like name is exactly the query's words, spelled as typed or with typos
    /// corrected: as good as an exact name when no other result has one.
    pub whole: bool,
    /// One name holds every word as typed (no synonym needed).
    pub literal: bool,
    /// U.S. employment in thousands, for choosing among equal matches (0 when unknown).
    pub employment: f64,
}

/// A word of the query and the vocabulary words that count for it, with their weight.
struct QueryWord {
    forms: Vec<(u32, f64)>,
    idf: f64,
}

/// Scores every document of the corpus against the query, best first; documents that match
/// no word are left out.
pub fn rank(corpus: &Corpus, query: &str) -> Vec<Ranked> {
    let mut words = search_words(query);
    let level_words: Vec<String> = LEVEL_WORDS.iter().map(|w| stem(w)).collect();
    if words.iter().any(|w| !level_words.contains(w)) {
        words.retain(|w| !level_words.contains(w));
    }
    words.dedup();
    if words.is_empty() {
        return Vec::new();
    }
    let documents = corpus.documents.len().max(1) as f64;
    let query: Vec<QueryWord> = words
        .iter()
        .map(|word| {
            let forms = forms_of(word, &corpus.vocabulary);
            let frequency = corpus
                .documents
                .iter()
                .filter(|d| {
                    d.fields
                        .iter()
                        .any(|f| forms.iter().any(|(id, _)| f.words.contains(id)))
                })
                .count() as f64;
            QueryWord {
                forms,
                idf: (1.0 + documents / frequency.max(1.0)).ln(),
            }
        })
        .collect();
    let total_idf: f64 = query.iter().map(|w| w.idf).sum::<f64>().max(f64::MIN_POSITIVE);

    let mut ranked: Vec<(Ranked, f64)> = corpus
        .documents
        .iter()
        .filter_map(|document| {
            let mut best = vec![0.0f64; query.len()];
            let mut best_field = (0usize, 0usize, 0u8);
            let mut whole = false;
            let mut literal = false;
            for field in &document.fields {
                let mut covered = 0;
                let mut as_typed = 0;
                for (i, word) in query.iter().enumerate() {
                    let weight = word
                        .forms
                        .iter()
                        .filter(|(id, _)| field.words.contains(id))
                        .map(|(_, form)| *form)
                        .fold(0.0, f64::max);
                    if weight > 0.0 {
                        covered += 1;
                        as_typed += usize::from(weight != SYNONYM_WEIGHT);
                        best[i] = best[i].max(weight * f64::from(field.weight));
                    }
                }
                let titled = field.weight >= WEIGHT_JOB_TITLE;
                whole |= titled && as_typed == query.len() && field.words.len() == query.len();
                literal |= titled && as_typed == query.len();
                let better = (covered, titled, usize::MAX - field.words.len())
                    > (
                        best_field.0,
                        best_field.2 >= WEIGHT_JOB_TITLE,
                        usize::MAX - best_field.1,
                    );
                if covered > 0 && better {
                    best_field = (covered, field.words.len(), field.weight);
                }
            }
            let matched = best.iter().filter(|&&b| b > 0.0).count();
            if matched == 0 {
                return None;
            }
            let n = query.len();
            let relevance: f64 = best.iter().zip(&query).map(|(b, w)| b * w.idf).sum::<f64>()
                / (total_idf * f64::from(WEIGHT_TITLE));
            let cohesion = best_field.0 as f64 / n as f64;
            let precision = best_field.0 as f64 / best_field.1.max(1) as f64;
            let score = relevance * (0.6 + 0.4 * cohesion) + 0.05 * precision;
            Some((
                Ranked {
                    target: document.target,
                    score,
                    coverage: matched as f64 / n as f64,
                    complete: matched == n,
                    strong: best_field.0 == n
                        && best_field.2 >= WEIGHT_JOB_TITLE
                        && precision >= MIN_PRECISION,
                    whole,
                    literal,
                    employment: document.employment,
                },
                document.employment,
            ))
        })
        .collect();
    ranked.sort_by(|(a, a_jobs), (b, b_jobs)| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| tier(a.target).cmp(&tier(b.target)))
            .then_with(|| b_jobs.total_cmp(a_jobs))
            .then_with(|| a.target.cmp(&b.target))
    });
    ranked.into_iter().map(|(r, _)| r).collect()
}

/// Curated roles before reference occupations when they match equally.
fn tier(target: Target) -> u8 {
    match target {
        Target::Role(_) => 0,
        Target::Occupation(_) => 1,
    }
}

/// The vocabulary words that count for a typed word: itself, our synonyms for it, and when
/// it is not a known word, known words one or two typing slips away (never words it only
/// begins, so a cut-off word does not match).
fn forms_of(word: &str, vocabulary: &[String]) -> Vec<(u32, f64)> {
    let id = |w: &str| vocabulary.binary_search_by(|v| v.as_str().cmp(w)).ok();
    let mut forms: Vec<(u32, f64)> = Vec::new();
    if let Some(i) = id(word) {
        forms.push((i as u32, 1.0));
    }
    for group in SYNONYMS {
        let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
        if !stems.iter().any(|s| s == word) {
            continue;
        }
        for other in stems.iter().filter(|o| *o != word) {
            if let Some(i) = id(other)
                && !forms.iter().any(|(f, _)| *f == i as u32)
            {
                forms.push((i as u32, SYNONYM_WEIGHT));
            }
        }
    }
    if forms.is_empty() && word.chars().count() >= 4 {
        let allowed = if word.chars().count() >= 8 { 2 } else { 1 };
        for (i, known) in vocabulary.iter().enumerate() {
            if known.starts_with(word) || word.starts_with(known.as_str()) {
                continue;
            }
            if known.len().abs_diff(word.len()) <= allowed
                && strsim::damerau_levenshtein(word, known) <= allowed
            {
                forms.push((i as u32, TYPO_WEIGHT));
            }
        }
    }
    forms
}
