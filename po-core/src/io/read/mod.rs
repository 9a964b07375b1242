//! Reading: a register from CSV as Swedish spreadsheets write it, from JSON, from frames and
//! from workbooks (`excel`); a submission's flat form.
//!
//! CSV: `;` or `,` separated (taken from the header line), UTF-8 with or without BOM or
//! Windows-1252 (decoded with `encoding_rs` when the bytes are not UTF-8), CRLF or LF,
//! booleans `ja`/`nej` (also `yes`/`no`, `1`/`0`), dates `YYYY-MM-DD`, code-list values as codes
//! or Swedish/English labels or the organisation's local labels ([`LocalVocabulary`]). Lists in
//! one cell (contact reasons, assignments) are separated by `|`. Headers are the English codes
//! below or their Swedish names. What a spreadsheet leaves behind its data — trailing columns
//! without a name, and in CSV rows of only separators — holds nothing and is skipped as blank
//! lines are (issue 32 point 6; decided: no note, since nothing is lost). A row of empty cells
//! is kept where it can be a record: in a frame, and in a file without required columns (a
//! batch of cases answers every row, nothing known included). A value under a column without a
//! name is a problem of its row.
//!
//! Every problem names the file, the row (the line number in the file, header = 1), the column
//! and the reason. Strict mode fails with every problem; lenient mode leaves the bad rows out
//! and returns them as problems, so nothing is dropped silently. Ids are never echoed (they can
//! be personal data); other values are.

mod applicants;
mod cases;
mod chunked;
mod clients;
mod deviation_events;
mod deviations;
mod file;
pub(crate) mod flat;
mod ids;
mod intake;
mod json;
pub mod limits;
mod names;
mod population;
mod reference;
mod sheet;
mod shortcomings;
mod staff;
mod survey;
mod table;
#[cfg(feature = "excel")]
mod xlsx;

pub use applicants::{read_applicants_csv, APPLICANT_CSV_COLUMNS};
pub use cases::{read_cases_csv, CASE_CSV_COLUMNS};
pub use clients::{read_clients_csv, CLIENT_CSV_COLUMNS};
pub use deviation_events::{
    read_deviation_events_csv, DEVIATION_EVENT_CODES, DEVIATION_EVENT_CSV_COLUMNS,
};
pub use deviations::{read_deviations_csv, DEVIATION_CSV_COLUMNS};
pub use file::read_file;
pub use intake::{read_intake_csv, INTAKE_CSV_COLUMNS};
pub use json::{read_deviations_json, read_register_json};
pub use population::adults_from_scb_csv;
pub use reference::{
    column_reference, column_reference_markdown, AllowedValue, ColumnReference, ColumnType,
    FileReference,
};
pub use shortcomings::{read_shortcomings_csv, SHORTCOMING_CSV_COLUMNS};
pub use staff::{read_staff_csv, STAFF_CSV_COLUMNS};
pub use survey::read_survey_csv;
pub use table::{Frame, Input, TextCells};

pub use crate::input::{ImportError, Imported, Mode, Problem};

pub use flat::read_flat_submission;
#[cfg(feature = "excel")]
pub use xlsx::{read_flat_submission_workbook, read_register_workbook, read_workbook, Sheet};

use crate::codes::LocalVocabulary;
use crate::report::Register;

/// Decodes bytes: UTF-16 with its BOM (Excel's "Unicode text"), UTF-8 (BOM stripped; borrowed,
/// never copied) or, if not valid UTF-8, Windows-1252.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            return encoding.decode_with_bom_removal(bytes).0;
        }
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    }
}

/// The register's exports by role, with the names po knows them by — a file's name without
/// its extension, a workbook's sheet — in English and Swedish, as spreadsheets fold them
/// (lower case). One list for the directory, the files named one by one, the workbook's
/// sheets and the messages that name them (issue 32 point 7 added the deviation histories).
/// The survey is not read from a workbook: it needs how many surveys were sent.
pub const REGISTER_EXPORTS: &[(&str, &[&str])] = &[
    ("clients", &["clients", "klienter"]),
    ("intake", &["intake", "nybesök", "nybesok"]),
    ("deviations", &["deviations", "avvikelser"]),
    (
        "deviation_events",
        &[
            "deviation_events",
            "avvikelsehändelser",
            "avvikelsehandelser",
        ],
    ),
    ("staff", &["staff", "personal"]),
    ("survey", &["survey", "enkät", "enkat"]),
];

/// The CSV exports of one register; any file may be missing, and any but the survey may be
/// given as a [`Frame`] instead (read with the same validation). Problems name the files
/// `clients.csv`, `intake.csv`, `deviations.csv`, `deviation_events.csv`, `staff.csv` and
/// `survey.csv` ([`read_register_named`] names them otherwise).
#[derive(Debug, Clone, Copy, Default)]
pub struct RegisterCsv<'a> {
    /// Clients (see [`read_clients_csv`]).
    pub clients: Option<Input<'a>>,
    /// Intake visits (see [`read_intake_csv`]).
    pub intake: Option<Input<'a>>,
    /// Deviations with their current status (see [`read_deviations_csv`]).
    pub deviations: Option<Input<'a>>,
    /// Deviations with their dated histories (see [`read_deviation_events_csv`]), instead of
    /// `deviations`: the report counts them as [`crate::deviation::Deviation::in_report`]
    /// does, withdrawn ones left out.
    pub deviation_events: Option<Input<'a>>,
    /// Staff (see [`read_staff_csv`]).
    pub staff: Option<Input<'a>>,
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
    let names = [
        "clients.csv",
        "intake.csv",
        "deviations.csv",
        "staff.csv",
        "deviation_events.csv",
        "survey.csv",
    ]
    .map(String::from);
    read_register_named(files, &names, vocabulary, mode)
}

/// [`read_register_csv`] with the names problems give the files, as the user named them
/// (`klienter.csv`; a workbook's sheets): the clients, intake, deviations, staff, deviation
/// events and survey files, in this order.
pub fn read_register_named(
    files: RegisterCsv<'_>,
    names: &[String],
    vocabulary: &LocalVocabulary,
    mode: Mode,
) -> Result<(Register, Vec<Problem>), ImportError> {
    let name = |i: usize| names.get(i).map_or("", String::as_str);
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
        .map(|b| read_clients_csv(b, name(0), vocabulary, None, mode));
    let clients = take(clients, &mut problems);
    let intake = files
        .intake
        .map(|b| read_intake_csv(b, name(1), vocabulary, mode));
    let intake_visits = take(intake, &mut problems);
    // Two accounts of the same deviations would count each twice: the histories, which know
    // what was withdrawn, are read and the flat file is left out (not read: its rows'
    // problems would be about nothing counted).
    let deviations = files
        .deviations
        .filter(|_| files.deviation_events.is_none())
        .map(|b| read_deviations_csv(b, name(2), vocabulary, mode));
    let mut deviations = take(deviations, &mut problems);
    if let Some(events) = files.deviation_events {
        if files.deviations.is_some() {
            problems.push(Problem {
                file: name(4).to_owned(),
                row: 0,
                column: String::new(),
                reason: format!(
                    "deviations are given twice, with their histories here and flat in {}; \
                     give one (the histories are read, the flat file is left out)",
                    name(2)
                ),
            });
        }
        match deviation_events::read(events, name(4), vocabulary, mode) {
            Ok((histories, p)) => {
                problems.extend(p);
                deviations.extend(histories.iter().filter_map(|d| d.in_report()));
            }
            Err(e) => problems.extend(e.problems),
        }
    }
    let staff = take(
        files.staff.map(|b| read_staff_csv(b, name(3), mode)),
        &mut problems,
    );
    let exit_survey = match files
        .survey
        .map(|b| read_survey_csv(b, name(5), files.survey_sent, mode))
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
