//! Queue statistics: how many wait and how long, overall and per area.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

use super::{Applicant, PriorityError};

/// Count and waiting days (median, max) of a set of waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingSummary {
    /// Number of waits.
    pub count: usize,
    /// Median in days (the mean of the two middle values for an even count, hence a decimal);
    /// `None` if there are none.
    pub median_days: Option<Decimal>,
    /// Longest wait in days.
    pub max_days: Option<i64>,
}

impl WaitingSummary {
    /// The summary of a list of waits in days.
    pub fn of(mut days: Vec<i64>) -> WaitingSummary {
        days.sort_unstable();
        let n = days.len();
        let median_days = match n {
            0 => None,
            _ if n % 2 == 1 => Some(Decimal::from(days[n / 2])),
            _ => Some((Decimal::from(days[n / 2 - 1]) + Decimal::from(days[n / 2])) / Decimal::TWO),
        };
        WaitingSummary {
            count: n,
            median_days,
            max_days: days.last().copied(),
        }
    }
}

/// Statistics for a date (a snapshot of who is waiting, and for how long so far) or for a period
/// (the completed waits of those who left the queue within it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueStatistics {
    /// First day.
    pub from: Date,
    /// Last day (equal to `from` for a snapshot).
    pub to: Date,
    /// Over everyone.
    pub overall: WaitingSummary,
    /// Per area; applicants without an area are under "".
    pub per_area: BTreeMap<String, WaitingSummary>,
    /// The version, the definition applied and the last day.
    pub stamp: crate::rules::Stamp,
}

/// Queue statistics. With `from == to`: everyone in the queue on that day, waiting days so far.
/// With a longer period: everyone who left the queue within it, waiting days from queued to left.
pub fn queue_statistics(
    applicants: &[Applicant],
    from: Date,
    to: Date,
) -> Result<QueueStatistics, PriorityError> {
    if from > to {
        return Err(PriorityError::InvertedPeriod { from, to });
    }
    let waits: Vec<(&str, i64)> = if from == to {
        applicants
            .iter()
            .filter(|a| a.in_queue_on(from))
            .map(|a| {
                (
                    a.area.as_deref().unwrap_or(""),
                    (from - a.queued_on).whole_days(),
                )
            })
            .collect()
    } else {
        applicants
            .iter()
            .filter_map(|a| {
                let left = a.left_queue_on.filter(|&l| from <= l && l <= to)?;
                Some((
                    a.area.as_deref().unwrap_or(""),
                    (left - a.queued_on).whole_days(),
                ))
            })
            .collect()
    };
    let mut by_area: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for &(area, days) in &waits {
        by_area.entry(area.to_owned()).or_default().push(days);
    }
    let definition = if from == to {
        "queue snapshot: everyone queued on the day, waiting days so far"
    } else {
        "queue period: everyone who left the queue in it, waiting days from queued to left"
    };
    Ok(QueueStatistics {
        stamp: crate::rules::Stamp::new(definition, to),
        from,
        to,
        overall: WaitingSummary::of(waits.iter().map(|w| w.1).collect()),
        per_area: by_area
            .into_iter()
            .map(|(k, v)| (k, WaitingSummary::of(v)))
            .collect(),
    })
}
