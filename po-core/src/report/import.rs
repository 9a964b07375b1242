//! Reading a register from CSV as Swedish spreadsheets write it, and from JSON.
//!
//! CSV: `;` or `,` separated (taken from the header line), UTF-8 with or without BOM or
//! Windows-1252 (decoded with `encoding_rs` when the bytes are not UTF-8), CRLF or LF,
//! booleans `ja`/`nej` (also `yes`/`no`, `1`/`0`), dates `YYYY-MM-DD`, code-list values as codes
//! or Swedish/English labels or the organisation's local labels ([`LocalVocabulary`]). Lists in
//! one cell (contact reasons, assignments) are separated by `|`. Headers are the English codes
//! below or their Swedish names.
//!
//! Every problem names the file, the row (the line number in the file, header = 1), the column
//! and the reason. Strict mode fails with every problem; lenient mode leaves the bad rows out
//! and returns them as problems, so nothing is dropped silently. Ids are never echoed (they can
//! be personal data); other values are.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use time::{format_description::well_known::Iso8601, Date};

use rust_decimal::Decimal;

use super::{
    Assignment, Client, Deviation, ExitSurvey, IntakeVisit, Register, StaffMember, SurveyResponse,
};
use crate::codes::{AgeBand, LocalVocabulary, UnknownCode};
use crate::identity::age_on;
use crate::organisation::MunicipalityCode;
use crate::text::clip;

/// Strict (fail on any problem) or lenient (skip bad rows, list them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Any problem fails the import.
    #[default]
    Strict,
    /// Bad rows are left out and listed.
    Lenient,
}

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file (as named by the caller).
    pub file: String,
    /// Line number in the file (header = 1); 0 when the column is a JSON path such as
    /// `clients[3].ended_on` that locates the problem.
    pub row: u64,
    /// The column (or JSON path), or "" for the whole row.
    pub column: String,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, row {}, column {:?}: {}",
            self.file, self.row, self.column, self.reason
        )
    }
}

/// A strict import that found problems (all of them are listed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s) in the input; the first: {}", problems.len(), problems.first().map(|p| p.to_string()).unwrap_or_default())]
pub struct ImportError {
    /// Every problem found.
    pub problems: Vec<Problem>,
}

/// Rows read and the problems of rows left out (lenient mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported<T> {
    /// The rows that passed validation.
    pub rows: Vec<T>,
    /// The rows left out, and why.
    pub problems: Vec<Problem>,
}

/// Decodes bytes: UTF-8 (BOM stripped) or, if not valid UTF-8, Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

struct Sheet {
    headers: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

fn read_sheet(bytes: &[u8], file: &str, aliases: &[(&str, &str)]) -> Result<Sheet, ImportError> {
    let text = decode(bytes);
    let mut reader = crate::text::csv_reader(&text);
    let problem = |row: u64, reason: String| ImportError {
        problems: vec![Problem {
            file: file.to_owned(),
            row,
            column: String::new(),
            reason,
        }],
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| problem(1, e.to_string()))?
        .iter()
        .map(|h| {
            let h = crate::text::fold(h);
            aliases
                .iter()
                .find(|(sv, _)| crate::text::fold(sv) == h)
                .map_or(h, |(_, code)| (*code).to_owned())
        })
        .collect();
    let mut rows = Vec::new();
    for (i, r) in reader.records().enumerate() {
        let line = i as u64 + 2;
        rows.push((line, r.map_err(|e| problem(line, e.to_string()))?));
    }
    Ok(Sheet { headers, rows })
}

/// Reads one row's cells by column name and collects its problems.
struct Row<'a> {
    file: &'a str,
    line: u64,
    headers: &'a [String],
    record: &'a csv::StringRecord,
    problems: Vec<Problem>,
}

impl Row<'_> {
    fn raw(&self, column: &str) -> Option<&str> {
        let i = self.headers.iter().position(|h| h == column)?;
        self.record.get(i).map(str::trim).filter(|s| !s.is_empty())
    }
    fn problem(&mut self, column: &str, reason: String) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            row: self.line,
            column: column.to_owned(),
            reason,
        });
    }
    fn required(&mut self, column: &str) -> Option<String> {
        let v = self.raw(column).map(str::to_owned);
        if v.is_none() {
            self.problem(column, "a value is required".into());
        }
        v
    }
    fn date(&mut self, column: &str) -> Option<Date> {
        let v = self.raw(column)?.to_owned();
        match Date::parse(&v, &Iso8601::DATE) {
            Ok(d) => Some(d),
            Err(_) => {
                self.problem(
                    column,
                    format!("expected a date YYYY-MM-DD, got {:?}", clip(&v)),
                );
                None
            }
        }
    }
    fn flag(&mut self, column: &str) -> bool {
        let Some(v) = self.raw(column).map(crate::text::fold) else {
            return false;
        };
        match v.as_str() {
            "ja" | "j" | "yes" | "y" | "1" | "true" | "x" => true,
            "nej" | "n" | "no" | "0" | "false" => false,
            _ => {
                self.problem(column, format!("expected ja or nej, got {:?}", clip(&v)));
                false
            }
        }
    }
    fn code<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, UnknownCode>,
    ) -> Option<T> {
        let v = self.raw(column)?.to_owned();
        self.parse_one(column, &v, &parse)
    }
    fn parse_one<T>(
        &mut self,
        column: &str,
        v: &str,
        parse: &impl Fn(&str) -> Result<T, UnknownCode>,
    ) -> Option<T> {
        match parse(v) {
            Ok(x) => Some(x),
            Err(e) => {
                self.problem(column, e.to_string());
                None
            }
        }
    }
    fn list<T>(&mut self, column: &str, parse: impl Fn(&str) -> Result<T, UnknownCode>) -> Vec<T> {
        let Some(v) = self.raw(column).map(str::to_owned) else {
            return Vec::new();
        };
        v.split('|')
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| self.parse_one(column, s, &parse))
            .collect()
    }
}

/// Reads every row of a sheet with `build`, which reads the cells through the [`Row`] and
/// records problems there. A row is kept only if `build` returns a value and recorded no
/// problem; otherwise its problems are listed (and a row that yields nothing without saying why
/// still gets a problem, so no row can vanish). Strict mode fails on any problem.
/// The columns of one kind of file: Swedish aliases, every known column, the required ones.
struct Columns {
    aliases: &'static [(&'static str, &'static str)],
    known: &'static [&'static str],
    required: &'static [&'static str],
}

/// Header problems: a required column missing makes the file unreadable (an error in either
/// mode); an unknown column is a problem (so a mistyped header is never silently ignored), an
/// error when strict and listed when lenient.
fn check_headers(
    sheet: &Sheet,
    file: &str,
    columns: &Columns,
) -> Result<Vec<Problem>, ImportError> {
    let problem = |column: &str, reason: String| Problem {
        file: file.to_owned(),
        row: 1,
        column: clip(column),
        reason,
    };
    let missing: Vec<Problem> = columns
        .required
        .iter()
        .filter(|c| !sheet.headers.iter().any(|h| h == *c))
        .map(|c| {
            problem(
                c,
                format!(
                    "the required column is missing; the header has {}",
                    clip(&sheet.headers.join(", "))
                ),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(ImportError { problems: missing });
    }
    Ok(sheet
        .headers
        .iter()
        .filter(|h| !columns.known.contains(&h.as_str()))
        .map(|h| {
            problem(
                h,
                format!(
                    "unknown column, not read; expected one of {}",
                    columns.known.join(", ")
                ),
            )
        })
        .collect())
}

fn read_rows<T>(
    bytes: &[u8],
    file: &str,
    columns: &Columns,
    mode: Mode,
    mut build: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Result<Imported<T>, ImportError> {
    let sheet = read_sheet(bytes, file, columns.aliases)?;
    let (mut rows, mut problems) = (Vec::new(), check_headers(&sheet, file, columns)?);
    for (line, record) in &sheet.rows {
        let mut r = Row {
            file,
            line: *line,
            headers: &sheet.headers,
            record,
            problems: Vec::new(),
        };
        match build(&mut r) {
            Some(row) if r.problems.is_empty() => rows.push(row),
            _ if r.problems.is_empty() => r.problem("", "the row could not be read".into()),
            _ => {}
        }
        problems.append(&mut r.problems);
    }
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok(Imported { rows, problems })
}

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

/// The columns of an intake export.
pub const INTAKE_CSV_COLUMNS: &[&str] = &["date", "area", "outcome"];

/// The columns of a deviations export.
pub const DEVIATION_CSV_COLUMNS: &[&str] = &[
    "date",
    "event_type",
    "level",
    "counterpart",
    "status",
    "consequence",
];

/// The columns of a staff export.
pub const STAFF_CSV_COLUMNS: &[&str] = &["id", "fte", "training", "supervision"];

const CLIENT_COLUMNS: Columns = Columns {
    aliases: CLIENT_HEADERS,
    known: CLIENT_CSV_COLUMNS,
    required: &["id", "gender", "started_on"],
};

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
pub fn read_clients_csv(
    bytes: &[u8],
    file: &str,
    vocabulary: &LocalVocabulary,
    municipalities: Option<&[MunicipalityCode]>,
    mode: Mode,
) -> Result<Imported<Client>, ImportError> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    read_rows(bytes, file, &CLIENT_COLUMNS, mode, |r| {
        let id = r.required("id");
        if let Some(id) = &id {
            if let Some(first) = seen.insert(id.clone(), r.line) {
                r.problem("id", format!("the same id as row {first}"));
            }
        }
        let gender = r.code("gender", |s| vocabulary.genders.parse(s));
        if gender.is_none() && r.raw("gender").is_none() {
            r.problem("gender", "a value is required".into());
        }
        let birth_date = r.date("birth_date");
        let birth_year =
            r.raw("birth_year")
                .map(str::to_owned)
                .and_then(|v| match v.parse::<i32>() {
                    Ok(y) if (1890..=2100).contains(&y) => Some(y),
                    _ => {
                        r.problem(
                            "birth_year",
                            format!("expected a year such as 1985, got {:?}", clip(&v)),
                        );
                        None
                    }
                });
        let age_band = r.code("age_band", |s| {
            <AgeBand as crate::codes::CodeList>::parse(s)
        });
        let municipality = r.raw("municipality").map(str::to_owned).and_then(|v| {
            match MunicipalityCode::parse_field(&v, "municipality") {
                Ok(c) if municipalities.is_none_or(|list| list.contains(&c)) => Some(c),
                Ok(_) => {
                    r.problem(
                        "municipality",
                        format!("{v} is not a municipality of this service"),
                    );
                    None
                }
                Err(e) => {
                    r.problem("municipality", e.to_string());
                    None
                }
            }
        });
        let applied_on = r.date("applied_on");
        let started_on = r.date("started_on");
        if started_on.is_none() && r.raw("started_on").is_none() {
            r.problem("started_on", "a value is required".into());
        }
        let ended_on = r.date("ended_on");
        if let (Some(s), Some(e)) = (started_on, ended_on) {
            if e < s {
                r.problem("ended_on", format!("ends {e}, before it starts {s}"));
            }
        }
        if let (Some(a), Some(s)) = (applied_on, started_on) {
            if s < a {
                r.problem(
                    "started_on",
                    format!("starts {s}, before the application {a}"),
                );
            }
        }
        if let (Some(b), Some(s)) = (birth_date, started_on) {
            if age_on(b, s) < 18 {
                r.problem("birth_date", format!("the client was under 18 when starting on {s} (PO is for adults, SFS 2013:522 2 §)"));
            }
        }
        let children_at_home = r.flag("children_at_home");
        let priority_groups = r.raw("priority_groups").map_or(Vec::new(), |v| {
            v.split('|').map(|s| s.trim().to_owned()).collect()
        });
        let contact_reasons = r.list("contact_reasons", |s| vocabulary.contact_reasons.parse(s));
        let assignments = r
            .list("assignments", |s| vocabulary.assignment_categories.parse(s))
            .into_iter()
            .map(|category| Assignment {
                category,
                started_on: None,
                ended_on: None,
            })
            .collect();
        match (id, gender, started_on) {
            (Some(id), Some(gender), Some(started_on)) => Some(Client {
                id,
                gender,
                birth_date,
                birth_year,
                age_band,
                municipality,
                area: r.raw("area").map(str::to_owned),
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
    })
}

const INTAKE_COLUMNS: Columns = Columns {
    aliases: INTAKE_HEADERS,
    known: INTAKE_CSV_COLUMNS,
    required: &["date", "area", "outcome"],
};

const INTAKE_HEADERS: &[(&str, &str)] = &[
    ("datum", "date"),
    ("område", "area"),
    ("resultat", "outcome"),
];

/// Reads intake visits: `date`, `area`, `outcome`.
pub fn read_intake_csv(
    bytes: &[u8],
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<Imported<IntakeVisit>, ImportError> {
    read_rows(bytes, file, &INTAKE_COLUMNS, mode, |r| {
        let date = r.date("date");
        if r.raw("date").is_none() {
            r.problem("date", "a value is required".into());
        }
        let area = r.required("area");
        let outcome = r.code("outcome", |s| vocabulary.intake_outcomes.parse(s));
        if r.raw("outcome").is_none() {
            r.problem("outcome", "a value is required".into());
        }
        match (date, area, outcome) {
            (Some(date), Some(area), Some(outcome)) => Some(IntakeVisit {
                date,
                area,
                outcome,
            }),
            _ => None,
        }
    })
}

const DEVIATION_COLUMNS: Columns = Columns {
    aliases: DEVIATION_HEADERS,
    known: DEVIATION_CSV_COLUMNS,
    required: &["date", "event_type", "level", "counterpart", "status"],
};

const DEVIATION_HEADERS: &[(&str, &str)] = &[
    ("datum", "date"),
    ("händelsetyp", "event_type"),
    ("nivå", "level"),
    ("motpart", "counterpart"),
    ("status", "status"),
    ("konsekvens", "consequence"),
];

/// Reads deviations: `date`, `event_type`, `level`, `counterpart`, `status`, `consequence`.
pub fn read_deviations_csv(
    bytes: &[u8],
    file: &str,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<Imported<Deviation>, ImportError> {
    read_rows(bytes, file, &DEVIATION_COLUMNS, mode, |r| {
        for required in ["date", "event_type", "level", "counterpart", "status"] {
            if r.raw(required).is_none() {
                r.problem(required, "a value is required".into());
            }
        }
        let date = r.date("date");
        let event_type = r.code("event_type", |s| vocabulary.deviation_event_types.parse(s));
        let level = r.code("level", |s| vocabulary.deviation_levels.parse(s));
        let counterpart = r.code("counterpart", |s| vocabulary.counterparts.parse(s));
        let status = r.code("status", |s| vocabulary.deviation_statuses.parse(s));
        let consequence = r.raw("consequence").map(str::to_owned);
        match (date, event_type, level, counterpart, status) {
            (Some(date), Some(event_type), Some(level), Some(counterpart), Some(status)) => {
                Some(Deviation {
                    date,
                    event_type,
                    level,
                    counterpart,
                    status,
                    consequence,
                })
            }
            _ => None,
        }
    })
}

/// Reads a whole register from JSON (the serde form of [`Register`]), then applies the same
/// checks as the CSV reader to the clients (unique ids, end after start, adults).
pub fn read_register_json(text: &str, file: &str) -> Result<Register, ImportError> {
    let register: Register = serde_json::from_str(text).map_err(|e| ImportError {
        problems: vec![Problem {
            file: file.to_owned(),
            row: e.line() as u64,
            column: String::new(),
            reason: e.to_string(),
        }],
    })?;
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for (i, c) in register.clients.iter().enumerate() {
        let mut p = |column: &str, reason: String| {
            problems.push(Problem {
                file: file.to_owned(),
                row: 0,
                column: format!("clients[{i}].{column}"),
                reason,
            })
        };
        if !ids.insert(&c.id) {
            p("id", "the same id as an earlier client".into());
        }
        if c.ended_on.is_some_and(|e| e < c.started_on) {
            p("ended_on", "ends before it starts".into());
        }
        if c.birth_date.is_some_and(|b| age_on(b, c.started_on) < 18) {
            p("birth_date", "the client was under 18 when starting".into());
        }
    }
    if problems.is_empty() {
        Ok(register)
    } else {
        Err(ImportError { problems })
    }
}

const STAFF_COLUMNS: Columns = Columns {
    aliases: STAFF_HEADERS,
    known: STAFF_CSV_COLUMNS,
    required: &["id", "fte"],
};

const STAFF_HEADERS: &[(&str, &str)] = &[
    ("tjänstgöringsgrad", "fte"),
    ("utbildning", "training"),
    ("handledning", "supervision"),
];

/// Reads staff: `id`, `fte` (decimal comma or point, 0–1.5), `training` (`|`-separated),
/// `supervision`.
pub fn read_staff_csv(
    bytes: &[u8],
    file: &str,
    mode: Mode,
) -> Result<Imported<StaffMember>, ImportError> {
    read_rows(bytes, file, &STAFF_COLUMNS, mode, |r| {
        let id = r.required("id");
        let fte = r
            .required("fte")
            .and_then(|v| match v.replace(',', ".").parse::<Decimal>() {
                Ok(d) if d >= Decimal::ZERO && d <= Decimal::new(15, 1) => Some(d),
                _ => {
                    r.problem(
                        "fte",
                        format!(
                            "expected a full-time equivalent from 0 to 1.5, got {:?}",
                            clip(&v)
                        ),
                    );
                    None
                }
            });
        let training = r.raw("training").map_or(Vec::new(), |v| {
            v.split('|')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        });
        let supervision = r.raw("supervision").map(str::to_owned);
        match (id, fte) {
            (Some(id), Some(fte)) => Some(StaffMember {
                id,
                fte,
                training,
                supervision,
            }),
            _ => None,
        }
    })
}

/// Reads exit-survey responses: one row per respondent, one column per question, the answer in
/// the cell (an empty cell = not answered). `sent` is the number of surveys sent out, which
/// the answers cannot tell. A row with no answer at all is a problem, not a respondent.
pub fn read_survey_csv(
    bytes: &[u8],
    file: &str,
    sent: u32,
    mode: Mode,
) -> Result<(ExitSurvey, Vec<Problem>), ImportError> {
    let text = decode(bytes);
    let mut reader = crate::text::csv_reader(&text);
    let problem = |row: u64, column: &str, reason: String| Problem {
        file: file.to_owned(),
        row,
        column: column.to_owned(),
        reason,
    };
    let questions: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError {
            problems: vec![problem(1, "", e.to_string())],
        })?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let (mut responses, mut problems) = (Vec::new(), Vec::new());
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(line, "", e.to_string()));
                continue;
            }
        };
        let answers: std::collections::BTreeMap<String, String> = questions
            .iter()
            .zip(record.iter())
            .filter(|(_, a)| !a.trim().is_empty())
            .map(|(q, a)| (q.clone(), a.trim().to_owned()))
            .collect();
        if answers.is_empty() {
            problems.push(problem(line, "", "no question is answered".into()));
        } else {
            responses.push(SurveyResponse { answers });
        }
    }
    if responses.len() > sent as usize {
        problems.push(problem(
            0,
            "sent",
            format!("{} responses but only {sent} surveys sent", responses.len()),
        ));
        return Err(ImportError { problems });
    }
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok((ExitSurvey { sent, responses }, problems))
}

/// The CSV exports of one register; any file may be missing. Problems name the files
/// `clients.csv`, `intake.csv`, `deviations.csv`, `staff.csv` and `survey.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RegisterCsv<'a> {
    /// Clients (see [`read_clients_csv`]).
    pub clients: Option<&'a [u8]>,
    /// Intake visits (see [`read_intake_csv`]).
    pub intake: Option<&'a [u8]>,
    /// Deviations (see [`read_deviations_csv`]).
    pub deviations: Option<&'a [u8]>,
    /// Staff (see [`read_staff_csv`]).
    pub staff: Option<&'a [u8]>,
    /// Exit-survey answers (see [`read_survey_csv`]).
    pub survey: Option<&'a [u8]>,
    /// How many exit surveys were sent (needed with `survey`).
    pub survey_sent: u32,
}

/// Reads a whole register from its CSV files. Every file is read even when an earlier one has
/// problems, so a strict import reports the problems of all files at once; a lenient one
/// returns the register of the good rows and every problem.
pub fn read_register_csv(
    files: RegisterCsv<'_>,
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<(Register, Vec<Problem>), ImportError> {
    fn take<T>(
        result: Option<Result<Imported<T>, ImportError>>,
        problems: &mut Vec<Problem>,
    ) -> Vec<T> {
        match result {
            Some(Ok(imported)) => {
                problems.extend(imported.problems);
                imported.rows
            }
            Some(Err(e)) => {
                problems.extend(e.problems);
                Vec::new()
            }
            None => Vec::new(),
        }
    }
    let mut problems = Vec::new();
    let clients = files
        .clients
        .map(|b| read_clients_csv(b, "clients.csv", vocabulary, None, mode));
    let clients = take(clients, &mut problems);
    let intake = files
        .intake
        .map(|b| read_intake_csv(b, "intake.csv", vocabulary, mode));
    let intake_visits = take(intake, &mut problems);
    let deviations = files
        .deviations
        .map(|b| read_deviations_csv(b, "deviations.csv", vocabulary, mode));
    let deviations = take(deviations, &mut problems);
    let staff = take(
        files.staff.map(|b| read_staff_csv(b, "staff.csv", mode)),
        &mut problems,
    );
    let exit_survey = match files
        .survey
        .map(|b| read_survey_csv(b, "survey.csv", files.survey_sent, mode))
    {
        Some(Ok((survey, p))) => {
            problems.extend(p);
            Some(survey)
        }
        Some(Err(e)) => {
            problems.extend(e.problems);
            None
        }
        None => None,
    };
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok((
        Register {
            clients,
            intake_visits,
            deviations,
            exit_survey,
            staff,
        },
        problems,
    ))
}
