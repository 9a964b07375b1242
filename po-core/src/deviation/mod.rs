//! The deviation register as PO services run it (issue 16): each shortcoming followed from
//! documentation to feedback and remedy, with a date per step.
//!
//! Reporting shortcomings in the welfare system is a statutory purpose (SFS 2013:522 3 § second
//! paragraph 2, 10 § 5). Värmland documents events in a deviation module (seed 000) and raises
//! them with its leadership group four times a year (seed 003); Stockholm reports by level to
//! the leadership group twice a year and asks for "en struktur för återkoppling, där
//! myndigheterna ansvarar för att återkoppla" (seed 002); the national report pairs each
//! shortcoming with its consequence for the individual (seed 001, annex 1).
//!
//! A [`Deviation`] has a stable id (never personal data), its dimensions, a description, the
//! consequence for the individual, and dated [`Event`]s whose order is validated
//! ([`Deviation::validate`]). Decisions where the seeds are silent:
//! - **No reopening.** A remedied shortcoming that recurs is documented as a new deviation (its
//!   description may name the earlier id): the seeds count deviations per period, and a reopened
//!   one would be counted twice or hide the recurrence.
//! - **Withdrawn** closes a deviation at any point after it was documented (documented in error,
//!   or the client withdrew consent); it counts as neither remedied nor not remedied.
//! - **Positive events** (seed 000) have the same life-cycle; they are never "overdue" and are
//!   left out of the feedback rate, which is about shortcomings.
//! - **Sending again** (a reminder, or to a second organisation) is allowed; the latest reply-by
//!   date counts for "overdue".

mod reported;
mod view;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::codes::{Counterpart, DeviationEventType, DeviationLevel};

pub use reported::{AnnexPart, ReportedShortcoming};
pub use view::{
    period_view, CounterpartView, Counts, LevelView, PeriodView, Quarter, PERIOD_VIEW_UNPROTECTED,
};

/// How a deviation was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closing {
    /// The responsible organisation remedied the shortcoming.
    Remedied,
    /// It was followed up and not remedied.
    NotRemedied,
    /// Withdrawn (documented in error, or the client withdrew consent).
    Withdrawn,
}

/// One dated step of a deviation's life-cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// Documented by the ombud.
    Documented {
        /// The date.
        on: Date,
    },
    /// Raised at a leadership-group meeting.
    Raised {
        /// The meeting's date.
        on: Date,
    },
    /// Sent to the responsible organisation.
    Sent {
        /// The date.
        on: Date,
        /// When a reply is asked for, if a date was set.
        #[serde(default)]
        reply_by: Option<Date>,
    },
    /// Feedback received from the responsible organisation.
    Feedback {
        /// The date.
        on: Date,
        /// What they answered, in short.
        #[serde(default)]
        summary: String,
    },
    /// Closed: remedied, not remedied, or withdrawn.
    Closed {
        /// The date.
        on: Date,
        /// How.
        closing: Closing,
    },
}

impl Event {
    /// The event's date.
    pub fn on(&self) -> Date {
        match self {
            Event::Documented { on }
            | Event::Raised { on }
            | Event::Sent { on, .. }
            | Event::Feedback { on, .. }
            | Event::Closed { on, .. } => *on,
        }
    }

    /// The event's code (as in an event export's `event` column).
    pub fn code(&self) -> &'static str {
        match self {
            Event::Documented { .. } => "documented",
            Event::Raised { .. } => "raised",
            Event::Sent { .. } => "sent",
            Event::Feedback { .. } => "feedback",
            Event::Closed {
                closing: Closing::Remedied,
                ..
            } => "remedied",
            Event::Closed {
                closing: Closing::NotRemedied,
                ..
            } => "not_remedied",
            Event::Closed {
                closing: Closing::Withdrawn,
                ..
            } => "withdrawn",
        }
    }
}

/// A deviation with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deviation {
    /// A stable id (a case number of the deviation module; never personal data).
    pub id: String,
    /// The event type (seed 000), positive events included.
    pub event_type: DeviationEventType,
    /// The level (seed 002).
    pub level: DeviationLevel,
    /// The responsible organisation (seed 001 annex 1).
    pub counterpart: Counterpart,
    /// What happened.
    #[serde(default)]
    pub description: String,
    /// The consequence for the individual (seed 001 annex 1).
    #[serde(default)]
    pub consequence: String,
    /// The steps, in date order, the first `documented`.
    pub events: Vec<Event>,
    /// False for a deviation read from a flat export (one row with its current status): its
    /// steps' dates are unknown, and period views count it only by its documentation date.
    #[serde(default = "yes")]
    pub has_history: bool,
    /// For a deviation read from a flat export: its status as exported, undated.
    #[serde(default)]
    pub exported_status: Option<crate::codes::DeviationStatus>,
}

fn yes() -> bool {
    true
}

/// Why a deviation's history is not valid. Names the deviation and the event (by position,
/// from 1, and code).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("deviation {id}, event {event} ({code}): {reason}")]
pub struct DeviationError {
    /// The deviation's id.
    pub id: String,
    /// The event's position, from 1 (0: the deviation as a whole).
    pub event: usize,
    /// The event's code.
    pub code: &'static str,
    /// What is wrong.
    pub reason: String,
}

impl Deviation {
    /// The date it was documented (its first event).
    pub fn documented_on(&self) -> Option<Date> {
        match self.events.first() {
            Some(Event::Documented { on }) => Some(*on),
            _ => None,
        }
    }

    /// Whether it was withdrawn (as the register knows it now): then it is no shortcoming, counts
    /// in no figure of shortcomings and its texts are never published (DOMAIN § 5).
    pub fn withdrawn(&self) -> bool {
        self.events.iter().any(|e| {
            matches!(
                e,
                Event::Closed {
                    closing: Closing::Withdrawn,
                    ..
                }
            )
        })
    }

    /// Whether it counts as a shortcoming: not a positive event, and not withdrawn.
    pub fn is_shortcoming(&self) -> bool {
        self.event_type.is_shortcoming() && !self.withdrawn()
    }

    /// How it was closed, and when, if it is closed by `on`.
    pub fn closed_by(&self, on: Date) -> Option<(Closing, Date)> {
        self.events.iter().find_map(|e| match e {
            Event::Closed { on: d, closing } if *d <= on => Some((*closing, *d)),
            _ => None,
        })
    }

    /// The first date of an event matching `f`.
    pub fn first(&self, f: impl Fn(&Event) -> bool) -> Option<Date> {
        self.events.iter().find(|e| f(e)).map(Event::on)
    }

    /// Whether a reply asked for is overdue on `on`: sent with a reply-by date before `on` (the
    /// latest sending counts), and no feedback by `on`, and not closed by `on`. Positive events
    /// are never overdue.
    pub fn overdue_on(&self, on: Date) -> bool {
        if !self.event_type.is_shortcoming() || self.closed_by(on).is_some() {
            return false;
        }
        let reply_by = self
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Sent { on: sent, reply_by } if *sent <= on => *reply_by,
                _ => None,
            })
            .next_back();
        let answered = self
            .events
            .iter()
            .any(|e| matches!(e, Event::Feedback { on: d, .. } if *d <= on));
        reply_by.is_some_and(|r| r < on) && !answered
    }

    /// Checks the history: it starts with one `documented`; dates never go back; `raised` and
    /// `sent` come after documentation; `feedback` only after it was sent; at most one closing
    /// event, and nothing after it; a reply-by date not before the sending. The id and the free
    /// text must not look like an identity number.
    ///
    /// # Errors
    /// The first problem, naming the deviation and the event.
    pub fn validate(&self) -> Result<(), DeviationError> {
        let fail = |event: usize, code: &'static str, reason: String| DeviationError {
            id: crate::privacy::shown(&self.id),
            event,
            code,
            reason,
        };
        if self.id.trim().is_empty() {
            return Err(fail(0, "id", "a deviation needs an id".into()));
        }
        if crate::privacy::looks_like_identity_number(self.id.trim()) {
            return Err(fail(0, "id", "an id must not be an identity number".into()));
        }
        for (field, text) in [
            ("description", &self.description),
            ("consequence", &self.consequence),
        ] {
            if crate::privacy::contains_identity_number(text) {
                return Err(fail(
                    0,
                    field,
                    format!(
                        "the {field} contains something that looks like an identity number; \
                         free text must not identify the client"
                    ),
                ));
            }
        }
        let mut sent = false;
        let mut closed = false;
        let mut previous: Option<Date> = None;
        for (i, e) in self.events.iter().enumerate() {
            let (n, code) = (i + 1, e.code());
            if closed {
                return Err(fail(
                    n,
                    code,
                    "comes after the deviation was closed (a recurrence is a new deviation)".into(),
                ));
            }
            if let Some(p) = previous.filter(|p| e.on() < *p) {
                return Err(fail(
                    n,
                    code,
                    format!("dated {}, before the previous event ({p})", e.on()),
                ));
            }
            previous = Some(e.on());
            match e {
                Event::Documented { .. } if i > 0 => {
                    return Err(fail(n, code, "documented twice".into()))
                }
                Event::Documented { .. } => {}
                _ if i == 0 => {
                    return Err(fail(n, code, "the first event must be documented".into()))
                }
                Event::Raised { .. } => {}
                Event::Sent { on, reply_by } => {
                    if reply_by.is_some_and(|r| r < *on) {
                        return Err(fail(
                            n,
                            code,
                            format!("the reply is asked for before it was sent ({on})"),
                        ));
                    }
                    sent = true;
                }
                Event::Feedback { .. } if !sent => {
                    return Err(fail(
                        n,
                        code,
                        "feedback before the deviation was sent to anyone".into(),
                    ))
                }
                Event::Feedback { .. } => {}
                Event::Closed { .. } => closed = true,
            }
        }
        if self.events.is_empty() {
            return Err(fail(
                0,
                "events",
                "no event: the first must be documented".into(),
            ));
        }
        Ok(())
    }

    /// The deviation as the annual report counts it (10 § 5; issue 32 point 7): its
    /// documentation date, dimensions, consequence and status as the register knows it now;
    /// `None` when withdrawn, which is no shortcoming and is published nowhere (DOMAIN § 5).
    ///
    /// The status is the furthest step reached: closed (remedied or not), else feedback
    /// received, else raised. Decided where the seeds are silent: a deviation *sent* to the
    /// responsible organisation counts as raised, since the status list (seeds 001–003) has
    /// no step of its own for sending and Värmland sends what its leadership group raised
    /// (seed 003). A deviation of a flat export keeps its exported status.
    pub fn in_report(&self) -> Option<crate::report::Deviation> {
        use crate::codes::DeviationStatus;
        if self.withdrawn() {
            return None;
        }
        let reached = |f: fn(&Event) -> bool| self.events.iter().any(f);
        let status = match (self.exported_status, self.closed_by(Date::MAX)) {
            (Some(exported), _) if !self.has_history => exported,
            (_, Some((Closing::Remedied, _))) => DeviationStatus::Remedied,
            (_, Some((Closing::NotRemedied, _))) => DeviationStatus::NotRemedied,
            _ if reached(|e| matches!(e, Event::Feedback { .. })) => {
                DeviationStatus::FeedbackReceived
            }
            _ if reached(|e| matches!(e, Event::Raised { .. } | Event::Sent { .. })) => {
                DeviationStatus::Raised
            }
            _ => DeviationStatus::Documented,
        };
        Some(crate::report::Deviation {
            date: self.documented_on()?,
            event_type: self.event_type,
            level: self.level,
            counterpart: self.counterpart,
            status,
            consequence: Some(self.consequence.clone()).filter(|c| !c.trim().is_empty()),
        })
    }

    /// A deviation from a flat export row (one row per deviation with its current status, the
    /// format before issue 16): the steps after documentation are undated, so it is marked as
    /// lacking history and period views count only its documentation.
    pub fn from_flat(id: String, flat: &crate::report::Deviation) -> Deviation {
        Deviation {
            id,
            event_type: flat.event_type,
            level: flat.level,
            counterpart: flat.counterpart,
            description: String::new(),
            consequence: flat.consequence.clone().unwrap_or_default(),
            events: vec![Event::Documented { on: flat.date }],
            has_history: false,
            exported_status: Some(flat.status),
        }
    }
}

#[cfg(test)]
mod tests;
