use rust_decimal::Decimal;
use time::macros::date;

use super::*;
use crate::codes::DeviationStatus;
use crate::disclosure::Protection;
use crate::io::write::{annual_summary_by_level, meeting_document};

fn deviation(id: &str, events: Vec<Event>) -> Deviation {
    Deviation {
        id: id.into(),
        event_type: DeviationEventType::AccessToCareAndSupport,
        level: DeviationLevel::Local,
        counterpart: Counterpart::Psychiatry,
        description: "Lång väntan på utredning".into(),
        consequence: "Klienten blev utan behandling i fyra månader".into(),
        events,
        has_history: true,
        exported_status: None,
    }
}

fn documented(on: Date) -> Event {
    Event::Documented { on }
}

fn sent(on: Date, reply_by: Option<Date>) -> Event {
    Event::Sent { on, reply_by }
}

fn feedback(on: Date) -> Event {
    Event::Feedback {
        on,
        summary: "Remiss skickad".into(),
    }
}

fn closed(on: Date, closing: Closing) -> Event {
    Event::Closed { on, closing }
}

#[test]
fn every_event_in_order_is_valid() {
    let d = deviation(
        "AV-2023-017",
        vec![
            documented(date!(2023 - 02 - 01)),
            Event::Raised {
                on: date!(2023 - 03 - 15),
            },
            sent(date!(2023 - 03 - 20), Some(date!(2023 - 04 - 20))),
            feedback(date!(2023 - 04 - 10)),
            closed(date!(2023 - 06 - 01), Closing::Remedied),
        ],
    );
    assert_eq!(d.validate(), Ok(()));
    assert_eq!(
        d.events.iter().map(Event::code).collect::<Vec<_>>(),
        ["documented", "raised", "sent", "feedback", "remedied"]
    );
    assert_eq!(
        d.closed_by(date!(2023 - 12 - 31)),
        Some((Closing::Remedied, date!(2023 - 06 - 01)))
    );
    assert_eq!(d.closed_by(date!(2023 - 05 - 31)), None);
}

#[test]
fn invalid_transitions_name_the_deviation_and_the_event() {
    let on = date!(2023 - 02 - 01);
    let cases = [
        (
            vec![Event::Raised { on }],
            1,
            "raised",
            "the first event must be documented",
        ),
        (
            vec![documented(on), documented(on)],
            2,
            "documented",
            "documented twice",
        ),
        (
            vec![documented(on), feedback(on)],
            2,
            "feedback",
            "feedback before the deviation was sent to anyone",
        ),
        (
            vec![
                documented(on),
                Event::Raised {
                    on: date!(2023 - 01 - 01),
                },
            ],
            2,
            "raised",
            "dated 2023-01-01, before the previous event (2023-02-01)",
        ),
        (
            vec![
                documented(on),
                closed(on, Closing::Withdrawn),
                Event::Raised { on },
            ],
            3,
            "raised",
            "comes after the deviation was closed (a recurrence is a new deviation)",
        ),
        (
            vec![
                documented(on),
                closed(on, Closing::Remedied),
                closed(on, Closing::NotRemedied),
            ],
            3,
            "not_remedied",
            "comes after the deviation was closed (a recurrence is a new deviation)",
        ),
        (
            vec![documented(on), sent(on, Some(date!(2023 - 01 - 31)))],
            2,
            "sent",
            "the reply is asked for before it was sent (2023-02-01)",
        ),
    ];
    for (events, event, code, reason) in cases {
        let e = deviation("AV-1", events).validate().unwrap_err();
        assert_eq!(
            (e.id.as_str(), e.event, e.code, e.reason.as_str()),
            ("AV-1", event, code, reason)
        );
        assert!(e
            .to_string()
            .starts_with(&format!("deviation AV-1, event {event} ({code}): ")));
    }
    assert_eq!(
        deviation("AV-1", vec![]).validate().unwrap_err().code,
        "events"
    );
}

#[test]
fn free_text_and_ids_never_carry_identity_numbers() {
    let mut d = deviation("AV-1", vec![documented(date!(2023 - 02 - 01))]);
    d.description = "Gäller 19121212-1212, som väntat länge".into();
    let e = d.validate().unwrap_err();
    assert_eq!((e.event, e.code), (0, "description"));
    assert!(!e.to_string().contains("1212-1212"));
    let mut d = deviation("19121212-1212", vec![documented(date!(2023 - 02 - 01))]);
    let e = d.validate().unwrap_err();
    assert!(
        e.reason.contains("must not be an identity number") && !e.to_string().contains("1212-1212")
    );
    d.id = "AV-2".into();
    d.consequence = "Klienten 121212-1212 fick avslag".into();
    assert_eq!(d.validate().unwrap_err().code, "consequence");
}

#[test]
fn quarters_and_an_event_on_the_last_day_of_a_quarter() {
    assert_eq!(
        Quarter {
            year: 2023,
            quarter: 1
        }
        .dates(),
        Some((date!(2023 - 01 - 01), date!(2023 - 03 - 31)))
    );
    assert_eq!(
        Quarter {
            year: 2024,
            quarter: 4
        }
        .dates(),
        Some((date!(2024 - 10 - 01), date!(2024 - 12 - 31)))
    );
    assert_eq!(
        Quarter {
            year: 2023,
            quarter: 5
        }
        .dates(),
        None
    );
    // Documented on 31 March: new in Q1, open at the end of Q1, not new in Q2.
    let d = deviation(
        "AV-1",
        vec![
            documented(date!(2023 - 03 - 31)),
            Event::Raised {
                on: date!(2023 - 04 - 01),
            },
        ],
    );
    let (q1_from, q1_to) = Quarter {
        year: 2023,
        quarter: 1,
    }
    .dates()
    .unwrap();
    let q1 = period_view(std::slice::from_ref(&d), q1_from, q1_to);
    assert_eq!(
        (q1.total.new, q1.total.raised, q1.total.open_at_end),
        (1, 0, 1)
    );
    // Its exact counts (a 1 here) say plainly that they are not for publication (issue 33).
    assert!(q1
        .stamp
        .rules
        .starts_with("UNPROTECTED counts, for the service's own follow-up"));
    let (q2_from, q2_to) = Quarter {
        year: 2023,
        quarter: 2,
    }
    .dates()
    .unwrap();
    let q2 = period_view(&[d], q2_from, q2_to);
    assert_eq!(
        (q2.total.new, q2.total.raised, q2.total.open_at_end),
        (0, 1, 1)
    );
    assert_eq!(q2.median_days_to_raised, Some(Decimal::ONE));
}

#[test]
fn overdue_withdrawn_positive_and_flat() {
    let (from, to) = Quarter {
        year: 2023,
        quarter: 4,
    }
    .dates()
    .unwrap();
    let overdue = deviation(
        "AV-1",
        vec![
            documented(date!(2023 - 09 - 01)),
            sent(date!(2023 - 10 - 02), Some(date!(2023 - 11 - 01))),
        ],
    );
    // The reply arrived on the reply-by date: not overdue.
    let answered_in_time = deviation(
        "AV-2",
        vec![
            documented(date!(2023 - 10 - 01)),
            sent(date!(2023 - 10 - 02), Some(date!(2023 - 11 - 01))),
            feedback(date!(2023 - 11 - 01)),
        ],
    );
    let withdrawn = deviation(
        "AV-3",
        vec![
            documented(date!(2023 - 10 - 05)),
            sent(date!(2023 - 10 - 06), Some(date!(2023 - 10 - 20))),
            closed(date!(2023 - 10 - 10), Closing::Withdrawn),
        ],
    );
    let mut positive = deviation(
        "AV-4",
        vec![
            documented(date!(2023 - 11 - 01)),
            sent(date!(2023 - 11 - 02), Some(date!(2023 - 11 - 10))),
        ],
    );
    positive.event_type = DeviationEventType::PositiveEvent;
    positive.counterpart = Counterpart::Forsakringskassan;
    let flat = Deviation::from_flat(
        "AV-5".into(),
        &crate::report::Deviation {
            date: date!(2023 - 12 - 31),
            event_type: DeviationEventType::SystemImprovement,
            level: DeviationLevel::Central,
            counterpart: Counterpart::Psychiatry,
            status: DeviationStatus::FeedbackReceived,
            consequence: None,
        },
    );
    assert!(!flat.has_history && flat.exported_status == Some(DeviationStatus::FeedbackReceived));
    let all = [overdue.clone(), answered_in_time, withdrawn, positive, flat];
    for d in &all {
        assert_eq!(d.validate(), Ok(()), "{}", d.id);
    }
    assert!(overdue.overdue_on(to) && !overdue.overdue_on(date!(2023 - 11 - 01)));
    let v = period_view(&all, from, to);
    let t = &v.total;
    // New: AV-2, AV-3, AV-4 (positive), AV-5 (flat, 31 December); AV-1 was documented in Q3.
    assert_eq!((t.new, t.positive, v.without_history), (4, 1, 1));
    assert_eq!((t.sent, t.answered, t.withdrawn), (4, 1, 1));
    // Open at the end: AV-1 (overdue), AV-2 (answered, not closed), AV-4 (positive: never
    // overdue). AV-5 comes from a flat export: counted in `new` only, its state unknown.
    assert_eq!((t.open_at_end, t.overdue_at_end), (3, 1));
    // Feedback rate: shortcomings sent by the end — AV-1, AV-2, AV-3 — one answered.
    assert_eq!(v.feedback_rate, Some(Decimal::new(3333, 2)));
    assert_eq!(v.median_days_to_answered, Some(Decimal::from(30)));
    let psychiatry = &v.by_counterpart[1];
    assert_eq!(psychiatry.counterpart, Counterpart::Psychiatry);
    assert_eq!(
        (psychiatry.counts.new, psychiatry.counts.overdue_at_end),
        (3, 1)
    );
    assert_eq!(
        psychiatry.consequences,
        ["Klienten blev utan behandling i fyra månader"]
    );
    let local = v
        .by_level
        .iter()
        .find(|l| l.level == DeviationLevel::Local)
        .unwrap();
    assert_eq!(local.counts.new, 3);
    assert_eq!(v.stamp.as_of, to);
}

#[test]
fn the_meeting_document_protects_its_counts() {
    // Q4 2023: eight psychiatry shortcomings sent and awaiting a reply (three overdue), one
    // Försäkringskassan shortcoming (a count of 1), two positive events.
    let mut all = Vec::new();
    for i in 0..8 {
        let reply_by = if i < 3 {
            date!(2023 - 11 - 15)
        } else {
            date!(2024 - 01 - 31)
        };
        all.push(deviation(
            &format!("AV-{i}"),
            vec![
                documented(date!(2023 - 10 - 02)),
                sent(date!(2023 - 10 - 10), Some(reply_by)),
            ],
        ));
    }
    let mut fk = deviation("AV-FK", vec![documented(date!(2023 - 11 - 02))]);
    fk.counterpart = Counterpart::Forsakringskassan;
    fk.consequence = "Indragen sjukpenning".into();
    all.push(fk);
    for i in 0..2 {
        let mut p = deviation(&format!("AV-P{i}"), vec![documented(date!(2023 - 12 - 01))]);
        p.event_type = DeviationEventType::PositiveEvent;
        all.push(p);
    }
    let (previous, meeting) = (date!(2023 - 09 - 30), date!(2023 - 12 - 31));
    let open = meeting_document(
        &all,
        previous,
        meeting,
        Protection::Unprotected,
        crate::Language::Sv,
    )
    .unwrap();
    assert!(open.contains("OSKYDDAD"));
    assert!(open.contains("| Psykiatrin | 8 | 8 | 3 | 0 |"), "{open}");
    assert!(
        open.contains("| Försäkringskassan | 1 | 0 | 0 | 0 |"),
        "{open}"
    );
    assert!(open.contains("Positiva händelser sedan föregående möte: 2"));
    assert!(open.contains("- Försäkringskassan: Indragen sjukpenning"));
    let published = meeting_document(
        &all,
        previous,
        meeting,
        Protection::default(),
        crate::Language::En,
    )
    .unwrap();
    // The 1 and the 2 are hidden, so is whatever would give them away; the consequence under
    // the hidden count is not listed.
    assert!(
        !published.contains("| Social Insurance Agency (Försäkringskassan) | 1 |"),
        "{published}"
    );
    assert!(
        published.contains("Positive events since the previous meeting: .."),
        "{published}"
    );
    assert!(!published.contains("Indragen sjukpenning"), "{published}");
    assert!(published.contains("Counts from 1 to 2 are not shown"));
    for line in published.lines().filter(|l| l.starts_with('|')) {
        for cell in line.split('|').map(str::trim) {
            assert!(!matches!(cell, "1" | "2"), "{line}");
        }
    }
}

#[test]
fn the_annual_summary_by_level_as_seed_002_publishes_it() {
    let mut all = Vec::new();
    for (i, level, text) in [
        (
            0,
            DeviationLevel::Caseworker,
            "Svårigheter att nå handläggare",
        ),
        (
            1,
            DeviationLevel::Caseworker,
            "Svårigheter att nå handläggare",
        ),
        (2, DeviationLevel::Caseworker, "Otydliga beslut"),
        (3, DeviationLevel::Local, "Läkarbrist på mottagningen"),
        (4, DeviationLevel::Central, "Digitalt utanförskap"),
        (5, DeviationLevel::Central, "Digitalt utanförskap"),
        (
            6,
            DeviationLevel::Central,
            "Bristande samordning mellan FK och AF",
        ),
    ] {
        let mut d = deviation(&format!("AV-{i}"), vec![documented(date!(2021 - 05 - 01))]);
        d.level = level;
        d.description = text.into();
        all.push(d);
    }
    let open =
        annual_summary_by_level(&all, 2021, Protection::Unprotected, crate::Language::Sv).unwrap();
    assert!(open.starts_with("# Uppmärksammade brister 2021"));
    assert!(
        open.contains("| Handläggarnivå | 3 | 0 | 0 | 0 |"),
        "{open}"
    );
    assert!(
        open.contains(
            "Brister på handläggarnivå:\n\n- Svårigheter att nå handläggare\n- Otydliga beslut"
        ),
        "{open}"
    );
    let published =
        annual_summary_by_level(&all, 2021, Protection::default(), crate::Language::Sv).unwrap();
    // The local level's 1 is hidden, and so is its description.
    assert!(!published.contains("Läkarbrist"), "{published}");
    assert!(
        published.contains("Brister på central nivå:"),
        "{published}"
    );
}
