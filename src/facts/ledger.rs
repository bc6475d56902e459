//! The ledger: entries kept by key. Adding an observation looks its key up
//! (one hash lookup) and checks its period against that key's entries (a
//! handful): upkeep per article does not grow with the number of articles.

use std::collections::HashMap;

use super::agree;
use super::entry::{Entry, EntryObservation, EntryPeriod};
use super::key::EntryKey;
use super::observation::Observation;
use super::period::Span;

/// Entries of observations across articles.
#[derive(Debug, Default)]
pub struct Ledger {
    by_key: HashMap<EntryKey, Vec<usize>>,
    entries: Vec<Group>,
}

#[derive(Debug)]
struct Group {
    period: Option<Span>,
    /// Whether figures without a period may join it (see [`Ledger::add`]).
    open: bool,
    observations: Vec<Observation>,
}

impl Group {
    /// Whether `o` fits one of its observations as stated, with no
    /// tolerance: a figure without a period joins only a figure it cannot
    /// be told from (45% and "about 45%", "nearly half" and 49%), since
    /// one that merely comes close may be another day's or year's.
    fn consistent(&self, o: &Observation) -> bool {
        let (lo, hi) = o.interval();
        self.observations.iter().any(|x| {
            let (a, b) = x.interval();
            lo <= b && a <= hi
        })
    }
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// The ledger of `observations`, in the canonical order: those stated
    /// for a period first, so that figures without one join the entry of
    /// the period they can mean whatever order the articles came in. The
    /// same observations always give the same entries.
    pub fn build(mut observations: Vec<Observation>) -> Ledger {
        observations.sort_by(|a, b| {
            (a.period.is_none(), &a.key, a.period, &a.path, a.offset).cmp(&(
                b.period.is_none(),
                &b.key,
                b.period,
                &b.path,
                b.offset,
            ))
        });
        let mut ledger = Ledger::new();
        for o in observations {
            ledger.add(o);
        }
        ledger
    }

    /// Adds one observation. One stated for a period joins the entry of
    /// its key and period. One stated for none cannot say which year it
    /// means, so it joins only where its value fits: the latest entry of its
    /// key whose period it can mean and with a figure it agrees with; else,
    /// when its entity is named in its own words, its key's entry without a
    /// period holding a figure it agrees with; else it stays on its own.
    pub fn add(&mut self, o: Observation) {
        let list = self.by_key.entry(o.key.clone()).or_default();
        let entries = &mut self.entries;
        let target = match o.period {
            Some(p) => list.iter().copied().find(|&i| entries[i].period == Some(p)),
            None => {
                // A small count found alike elsewhere is as likely a coincidence.
                let weak = o.context && o.key.kind == "count";
                let dated = o.published.filter(|_| !weak).and_then(|published| {
                    list.iter()
                        .copied()
                        .filter(|&i| {
                            entries[i].period.is_some_and(|p| p.current_at(published))
                                && entries[i].consistent(&o)
                        })
                        .max_by_key(|&i| {
                            entries[i]
                                .period
                                .map(|p| (p.end, std::cmp::Reverse(p.start)))
                        })
                });
                dated.or_else(|| {
                    list.iter().copied().find(|&i| {
                        !o.context
                            && entries[i].open
                            && entries[i].period.is_none()
                            && entries[i].consistent(&o)
                    })
                })
            }
        };
        match target {
            Some(i) => entries[i].observations.push(o),
            None => {
                list.push(entries.len());
                entries.push(Group {
                    period: o.period,
                    open: o.period.is_some() || !o.context,
                    observations: vec![o],
                });
            }
        }
    }

    /// How many entries the ledger holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, judged: those with the most articles first, then by
    /// measure, entity and period; observations by date and path.
    pub fn entries(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self.judged().into_iter().map(|(e, _)| e).collect();
        out.sort_by(order);
        out
    }

    /// Every entry, judged, with the observations it holds in the entry's
    /// order (for the index, which keeps each observation as read beside
    /// its entry); in no particular order.
    pub(crate) fn judged(&self) -> Vec<(Entry, Vec<&Observation>)> {
        self.by_key
            .iter()
            .flat_map(|(key, list)| list.iter().map(move |&i| (key, i)))
            .map(|(key, i)| entry(key, &self.entries[i]))
            .collect()
    }
}

/// The order entries are listed in: those with the most articles first,
/// then by measure, entity, period and id.
pub(crate) fn order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    let period = |e: &Entry| e.period.as_ref().map(|p| (p.start.clone(), p.end.clone()));
    b.articles()
        .cmp(&a.articles())
        .then_with(|| a.measure.cmp(&b.measure))
        .then_with(|| a.entity.cmp(&b.entity))
        .then_with(|| period(a).cmp(&period(b)))
        .then_with(|| a.id.cmp(&b.id))
}

/// One group as an entry, with its observations in the entry's order.
fn entry<'a>(key: &EntryKey, g: &'a Group) -> (Entry, Vec<&'a Observation>) {
    let mut obs: Vec<&Observation> = g.observations.iter().collect();
    obs.sort_by(|a, b| (a.published, &a.path, a.offset).cmp(&(b.published, &b.path, b.offset)));
    let (agree, outliers) = agree::judge(&obs);
    let period = g.period.map(|p| EntryPeriod {
        text: obs
            .iter()
            .find_map(|o| o.period_text.clone())
            .unwrap_or_default(),
        start: p.start.to_string(),
        end: p.end.to_string(),
    });
    // Undated entries of one key are told apart by their first figure.
    let period_id = match (g.period, g.observations.first()) {
        (Some(p), _) => format!("{}/{}", p.start, p.end),
        (None, Some(o)) => format!("undated {}#{}", o.path, o.offset),
        (None, None) => String::new(),
    };
    let id = blake3::hash(format!("{key}|{period_id}").as_bytes()).to_hex()[..12].to_string();
    let measure = match &key.of {
        Some(of) => format!("{} of {of}", key.measure),
        None => key.measure.clone(),
    };
    let entry = Entry {
        id,
        measure,
        entity: obs.iter().find_map(|o| o.entity.clone()),
        kind: key.kind.to_string(),
        unit: key.unit.clone(),
        period,
        agree,
        observations: obs
            .iter()
            .zip(outliers)
            .map(|(o, outlier)| EntryObservation {
                value: o.value,
                min: o.min,
                max: o.max,
                qualifier: o.qualifier,
                outlier,
                text: o.text.clone(),
                article: o.article.clone(),
                path: o.path.clone(),
                published: o.published.map(|d| d.to_string()),
                cited: o.cited.clone(),
                publisher: o.publisher.clone(),
                thing: o.thing.clone(),
            })
            .collect(),
    };
    (entry, obs)
}
