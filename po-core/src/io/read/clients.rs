//! The clients export: one row per client.

use super::chunked::{leave_out_repeated_ids, read_rows_on, threads, Run};
use super::ids::{IdSet, KeyedHash};
use super::names::Names;
use super::sheet::{col, Col, Columns};
use super::{ImportError, Imported, Input, Mode};
use crate::codes::{AgeBand, LocalVocabulary};
use crate::identity::age_on;
use crate::organisation::MunicipalityCode;
use crate::report::{Assignment, Client, ContactReasons};
use crate::text::clip;
use time::Date;

/// The columns of a clients export, in the order po writes them (Swedish headers are also
/// read: see the aliases).
pub const CLIENT_CSV_COLUMNS: &[&str] = &[
    "id",
    "gender",
    "birth_date",
    "birth_year",
    "age_band",
    "municipality",
    "area",
    "applied_on",
    "started_on",
    "ended_on",
    "children_at_home",
    "priority_groups",
    "contact_reasons",
    "assignments",
];

/// The checks of a client's dates, written once for every reader (CSV, JSON): ends before it
/// starts, starts before the application, starts after today (a year mistyped: a client
/// starting in 2031 would otherwise be left out of every report without a word; issue 32
/// point 6), under 18 when starting (PO is for adults, SFS 2013:522 2 §). Dates that could not
/// be read are skipped. `today` is read once per file (a clock read per row cost 3 % of a
/// 10⁶-row import). Returns `(column, reason)`.
pub(super) fn date_problems(
    today: Date,
    birth_date: Option<Date>,
    applied_on: Option<Date>,
    started_on: Option<Date>,
    ended_on: Option<Date>,
) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if let Some(s) = started_on.filter(|&s| s > today) {
        problems.push((
            "started_on",
            format!("starts {s}, after today ({today}); check the year"),
        ));
    }
    if let (Some(s), Some(e)) = (started_on, ended_on) {
        if e < s {
            problems.push(("ended_on", format!("ends {e}, before it starts {s}")));
        }
    }
    if let (Some(a), Some(s)) = (applied_on, started_on) {
        if s < a {
            problems.push((
                "started_on",
                format!("starts {s}, before the application {a}"),
            ));
        }
    }
    if let (Some(b), Some(s)) = (birth_date, started_on) {
        if age_on(b, s) < 18 {
            problems.push((
                "birth_date",
                format!("the client was under 18 when starting on {s} (PO is for adults, SFS 2013:522 2 §)"),
            ));
        }
    }
    problems
}

pub(super) const CLIENT_COLUMNS: Columns = Columns {
    aliases: CLIENT_HEADERS,
    known: CLIENT_CSV_COLUMNS,
    required: &["id", "gender", "started_on"],
    optional: CLIENT_OPTIONAL,
};

/// Columns without which the report's tables would be silently wrong (issue 18): a missing
/// `ended_on` counts every client who left as active, and so on.
const CLIENT_OPTIONAL: &[(&[&str], &str)] = &[
    (
        &["ended_on"],
        "every client who left counts as active and no one as closed (active_clients, closed_clients)",
    ),
    (
        &["birth_date", "birth_year", "age_band"],
        "every client's age band is unknown (active_clients, new_clients, closed_clients)",
    ),
    (&["children_at_home"], "children_at_home would be all zeros"),
    (&["contact_reasons"], "contact_reasons would be all zeros"),
    (
        &["assignments"],
        "assignments and the assignments per client would be all zeros",
    ),
    (
        &["municipality"],
        "no client has a municipality (clients per municipality)",
    ),
    (&["area"], "every client is in one unnamed area (clients_by_area)"),
    (
        &["applied_on"],
        "the waiting times from application to start cannot be computed",
    ),
];

const ID: Col = col(CLIENT_CSV_COLUMNS, "id");
const GENDER: Col = col(CLIENT_CSV_COLUMNS, "gender");
const BIRTH_DATE: Col = col(CLIENT_CSV_COLUMNS, "birth_date");
const BIRTH_YEAR: Col = col(CLIENT_CSV_COLUMNS, "birth_year");
const AGE_BAND: Col = col(CLIENT_CSV_COLUMNS, "age_band");
const MUNICIPALITY: Col = col(CLIENT_CSV_COLUMNS, "municipality");
const AREA: Col = col(CLIENT_CSV_COLUMNS, "area");
const APPLIED_ON: Col = col(CLIENT_CSV_COLUMNS, "applied_on");
const STARTED_ON: Col = col(CLIENT_CSV_COLUMNS, "started_on");
const ENDED_ON: Col = col(CLIENT_CSV_COLUMNS, "ended_on");
const CHILDREN_AT_HOME: Col = col(CLIENT_CSV_COLUMNS, "children_at_home");
const PRIORITY_GROUPS: Col = col(CLIENT_CSV_COLUMNS, "priority_groups");
const CONTACT_REASONS: Col = col(CLIENT_CSV_COLUMNS, "contact_reasons");
const ASSIGNMENTS: Col = col(CLIENT_CSV_COLUMNS, "assignments");

const CLIENT_HEADERS: &[(&str, &str)] = &[
    ("kön", "gender"),
    ("födelsedatum", "birth_date"),
    ("födelseår", "birth_year"),
    ("åldersgrupp", "age_band"),
    ("kommun", "municipality"),
    ("kommunkod", "municipality"),
    ("område", "area"),
    ("ansökt", "applied_on"),
    ("start", "started_on"),
    ("startdatum", "started_on"),
    ("slut", "ended_on"),
    ("slutdatum", "ended_on"),
    ("hemmavarande barn", "children_at_home"),
    ("barn hemma", "children_at_home"),
    ("prioriterade grupper", "priority_groups"),
    ("kontaktorsaker", "contact_reasons"),
    ("uppdrag", "assignments"),
];

/// Reads clients (one row per client). Checks: id present and unique, gender, dates, end not
/// before start, an adult (18+) when starting if the birth is known, municipality code valid
/// and, if `municipalities` is given, one of them; code-list values.
pub fn read_clients_csv<'a>(
    input: impl Into<Input<'a>>,
    file: &str,
    vocabulary: &LocalVocabulary,
    municipalities: Option<&[MunicipalityCode]>,
    mode: Mode,
) -> Result<Imported<Client>, ImportError> {
    read_clients_on(
        input.into(),
        file,
        vocabulary,
        municipalities,
        mode,
        threads(),
    )
}

/// [`read_clients_csv`] on `threads` threads.
pub(super) fn read_clients_on(
    input: Input<'_>,
    file: &str,
    vocabulary: &LocalVocabulary,
    municipalities: Option<&[MunicipalityCode]>,
    mode: Mode,
    threads: usize,
) -> Result<Imported<Client>, ImportError> {
    // A large file is read on the machine's cores, each run with its own ids and areas; the
    // ids of every run are compared once all are read (`leave_out_repeated_ids`).
    let merge = |runs: &mut [Run<Client, Seen>]| leave_out_repeated_ids(runs, file, |s| &s.ids);
    let today = crate::input::today();
    let hash = KeyedHash::new();
    let state = |rows| Seen {
        ids: IdSet::with_capacity(hash, rows),
        areas: Names::default(),
    };
    read_rows_on(
        input,
        file,
        &CLIENT_COLUMNS,
        mode,
        threads,
        state,
        |seen, r| {
            let Seen { ids, areas } = seen;
            let id = r.unique_id(ID, ids);
            let gender = r.code(GENDER, |s| vocabulary.genders.parse(s));
            if gender.is_none() && r.raw(GENDER).is_none() {
                r.problem(GENDER, "a value is required".into());
            }
            let birth_date = r.date(BIRTH_DATE);
            let birth_year = r.raw(BIRTH_YEAR).and_then(|v| match v.parse::<i32>() {
                Ok(y) if (1890..=2100).contains(&y) => Some(y),
                _ => {
                    r.problem(
                        BIRTH_YEAR,
                        format!("expected a year such as 1985, got {:?}", clip(v)),
                    );
                    None
                }
            });
            let age_band = r.code(AGE_BAND, <AgeBand as crate::codes::CodeList>::parse);
            let municipality =
                r.raw(MUNICIPALITY).and_then(|v| {
                    match MunicipalityCode::parse_field(v, "municipality") {
                        Ok(c) if municipalities.is_none_or(|list| list.contains(&c)) => Some(c),
                        Ok(_) => {
                            r.problem(
                                MUNICIPALITY,
                                format!("{v} is not a municipality of this service"),
                            );
                            None
                        }
                        Err(e) => {
                            r.problem(MUNICIPALITY, e.to_string());
                            None
                        }
                    }
                });
            let applied_on = r.date(APPLIED_ON);
            let started_on = r.date(STARTED_ON);
            if started_on.is_none() && r.raw(STARTED_ON).is_none() {
                r.problem(STARTED_ON, "a value is required".into());
            }
            let ended_on = r.date(ENDED_ON);
            for (column, reason) in
                date_problems(today, birth_date, applied_on, started_on, ended_on)
            {
                r.problem(col(CLIENT_CSV_COLUMNS, column), reason);
            }
            let children_at_home = r.flag(CHILDREN_AT_HOME);
            let priority_groups = r.raw(PRIORITY_GROUPS).map_or(Vec::new(), |v| {
                v.split('|').map(|s| s.trim().to_owned()).collect()
            });
            let mut contact_reasons = ContactReasons::new();
            r.each_item(
                CONTACT_REASONS,
                |s| vocabulary.contact_reasons.parse(s),
                |reason| {
                    contact_reasons.insert(reason);
                },
            );
            let assignments = r.list_of(
                ASSIGNMENTS,
                |s| vocabulary.assignment_categories.parse(s),
                |category| Assignment {
                    category,
                    started_on: None,
                    ended_on: None,
                },
            );
            // Areas are few: each name is kept once and shared by its clients.
            let area = r.free_text(AREA).map(|a| areas.share(a));
            match (id, gender, started_on) {
                (Some(id), Some(gender), Some(started_on)) => Some(Client {
                    id: id.to_owned(),
                    gender,
                    birth_date,
                    birth_year,
                    age_band,
                    municipality,
                    area,
                    applied_on,
                    started_on,
                    ended_on,
                    children_at_home,
                    priority_groups,
                    contact_reasons,
                    assignments,
                }),
                _ => None,
            }
        },
        merge,
    )
}

/// A run's ids (with the row of each) and its area names, shared by their clients.
struct Seen {
    ids: IdSet,
    areas: Names,
}
