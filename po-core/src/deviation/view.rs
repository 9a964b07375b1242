//! What happened to deviations in a period (a quarter, a half-year, a year, or any dates): per
//! counterpart and per level, the steps taken in the period and the state at its end.
//!
//! These are the service's own counts; a document that publishes them puts them through the
//! disclosure control first (`crate::disclosure`).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::{Closing, Deviation, Event};
use crate::codes::{CodeList, Counterpart, DeviationLevel};
use crate::rules::Stamp;

/// A quarter of a year (Värmland raises its deviations four times a year, seed 003).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarter {
    /// The year.
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    /// Its first and last day; `None` for a quarter outside 1..=4 or a year out of range.
    pub fn dates(self) -> Option<(Date, Date)> {
        let first_month = match self.quarter {
            1 => Month::January,
            2 => Month::April,
            3 => Month::July,
            4 => Month::October,
            _ => return None,
        };
        let from = Date::from_calendar_date(self.year, first_month, 1).ok()?;
        let last_month = first_month.next().next();
        let to =
            Date::from_calendar_date(self.year, last_month, last_month.length(self.year)).ok()?;
        Some((from, to))
    }
}

/// The counts of one group (a counterpart, or a level) in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Documented in the period.
    pub new: u64,
    /// Raised at a leadership-group meeting in the period.
    pub raised: u64,
    /// Sent to the responsible organisation in the period.
    pub sent: u64,
    /// Feedback received in the period.
    pub answered: u64,
    /// Closed as remedied in the period.
    pub remedied: u64,
    /// Closed as not remedied in the period.
    pub not_remedied: u64,
    /// Withdrawn in the period.
    pub withdrawn: u64,
    /// Documented by the end of the period and not closed by then.
    pub open_at_end: u64,
    /// Of those, a reply asked for by a date before the end and not received.
    pub overdue_at_end: u64,
    /// Positive events documented in the period (also counted in `new`).
    pub positive: u64,
}

/// The counts of one counterpart, with the consequences for individuals of its deviations
/// documented in the period (distinct, in order of first appearance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterpartView {
    /// The counterpart.
    pub counterpart: Counterpart,
    /// Its counts.
    pub counts: Counts,
    /// The consequences for the individual (seed 001 annex 1).
    pub consequences: Vec<String>,
}

/// The counts of one level (seed 002 reports by level).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelView {
    /// The level.
    pub level: DeviationLevel,
    /// Its counts.
    pub counts: Counts,
}

/// What happened to the deviations in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodView {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Per counterpart (every counterpart of the code list, in its order).
    pub by_counterpart: Vec<CounterpartView>,
    /// Per level (every level, in the code list's order).
    pub by_level: Vec<LevelView>,
    /// Everything together.
    pub total: Counts,
    /// Median days from documented to raised, over the deviations raised in the period.
    pub median_days_to_raised: Option<Decimal>,
    /// Median days from (first) sent to feedback, over the feedback received in the period.
    pub median_days_to_answered: Option<Decimal>,
    /// Feedback rate: of the shortcomings (not positive events) sent to a responsible
    /// organisation by the end of the period, the share with feedback by then, in percent with
    /// two decimals. Seed 002 asks that the authorities be responsible for giving feedback.
    pub feedback_rate: Option<Decimal>,
    /// Deviations from a flat export documented in the period: their later steps are undated,
    /// so they are counted in `new` only.
    pub without_history: u64,
    /// The version, the definitions applied and the last day.
    pub stamp: Stamp,
}

/// What every period view's stamp says first (issue 33: every count po returns that could be
/// published is protected or says plainly that it is not): its counts are exact, for the
/// service's own follow-up; the meeting document and the year's summary are the protected
/// publications of the same counts.
pub const PERIOD_VIEW_UNPROTECTED: &str = "UNPROTECTED counts, for the service's own \
    follow-up, not for publication (publish the meeting document or the year's summary by \
    level, which are protected)";

fn median(days: Vec<i64>) -> Option<Decimal> {
    crate::priority::WaitingSummary::of(days).median_days
}

fn within(d: Date, from: Date, to: Date) -> bool {
    from <= d && d <= to
}

/// Adds one deviation's period counts to `c`.
fn count(d: &Deviation, from: Date, to: Date, c: &mut Counts) {
    if d.documented_on().is_some_and(|on| within(on, from, to)) {
        c.new += 1;
        c.positive += u64::from(!d.event_type.is_shortcoming());
    }
    if !d.has_history {
        return;
    }
    for e in d.events.iter().filter(|e| within(e.on(), from, to)) {
        match e {
            Event::Documented { .. } => {}
            Event::Raised { .. } => c.raised += 1,
            Event::Sent { .. } => c.sent += 1,
            Event::Feedback { .. } => c.answered += 1,
            Event::Closed { closing, .. } => match closing {
                Closing::Remedied => c.remedied += 1,
                Closing::NotRemedied => c.not_remedied += 1,
                Closing::Withdrawn => c.withdrawn += 1,
            },
        }
    }
    if d.documented_on().is_some_and(|on| on <= to) && d.closed_by(to).is_none() {
        c.open_at_end += 1;
        c.overdue_at_end += u64::from(d.overdue_on(to));
    }
}

/// The period view of `deviations` over `from..=to` (validate them first: a history out of
/// order gives counts that mean little).
pub fn period_view(deviations: &[Deviation], from: Date, to: Date) -> PeriodView {
    let mut by_counterpart: BTreeMap<usize, (Counts, Vec<String>)> = BTreeMap::new();
    let mut by_level: BTreeMap<usize, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    let (mut to_raised, mut to_answered) = (Vec::new(), Vec::new());
    let (mut sent_shortcomings, mut answered_shortcomings) = (0u64, 0u64);
    let mut without_history = 0;
    for d in deviations {
        let ci = Counterpart::ALL
            .iter()
            .position(|c| *c == d.counterpart)
            .unwrap_or(0);
        let li = DeviationLevel::ALL
            .iter()
            .position(|l| *l == d.level)
            .unwrap_or(0);
        let entry = by_counterpart.entry(ci).or_default();
        count(d, from, to, &mut entry.0);
        count(d, from, to, by_level.entry(li).or_default());
        count(d, from, to, &mut total);
        let documented = d.documented_on();
        if documented.is_some_and(|on| within(on, from, to)) {
            if !d.consequence.is_empty() && !entry.1.contains(&d.consequence) {
                entry.1.push(d.consequence.clone());
            }
            without_history += u64::from(!d.has_history);
        }
        if !d.has_history {
            continue;
        }
        if let (Some(doc), Some(raised)) =
            (documented, d.first(|e| matches!(e, Event::Raised { .. })))
        {
            if within(raised, from, to) {
                to_raised.push((raised - doc).whole_days());
            }
        }
        let sent = d.first(|e| matches!(e, Event::Sent { .. }));
        if let (Some(sent), Some(answered)) =
            (sent, d.first(|e| matches!(e, Event::Feedback { .. })))
        {
            if within(answered, from, to) {
                to_answered.push((answered - sent).whole_days());
            }
        }
        if d.event_type.is_shortcoming() && sent.is_some_and(|s| s <= to) {
            sent_shortcomings += 1;
            answered_shortcomings += u64::from(
                d.events
                    .iter()
                    .any(|e| matches!(e, Event::Feedback { on, .. } if *on <= to)),
            );
        }
    }
    PeriodView {
        from,
        to,
        by_counterpart: Counterpart::ALL
            .iter()
            .enumerate()
            .map(|(i, &counterpart)| {
                let (counts, consequences) = by_counterpart.remove(&i).unwrap_or_default();
                CounterpartView {
                    counterpart,
                    counts,
                    consequences,
                }
            })
            .collect(),
        by_level: DeviationLevel::ALL
            .iter()
            .enumerate()
            .map(|(i, &level)| LevelView {
                level,
                counts: by_level.remove(&i).unwrap_or_default(),
            })
            .collect(),
        total,
        median_days_to_raised: median(to_raised),
        median_days_to_answered: median(to_answered),
        feedback_rate: crate::report::Ratio::percent(answered_shortcomings, sent_shortcomings)
            .value,
        without_history,
        stamp: Stamp::new(
            format!(
                "{PERIOD_VIEW_UNPROTECTED}; deviation life-cycle (SFS 2013:522 3 § second \
                 paragraph 2, 10 § 5; seeds 000–003): steps counted on their dates; open = \
                 documented and not closed by the last day; overdue = a reply-by date passed \
                 without feedback; feedback rate = shortcomings sent by the last day with \
                 feedback by then"
            ),
            to,
        ),
    }
}
