//! Writes a register as the CSV exports `po_core::io::read::read_register_csv` reads (`;`,
//! UTF-8, lists `|`-separated, ja/nej): how the bundled SYNTHETIC example data in
//! `examples/data/` is made, and the input of the CSV import benchmark.

use po_core::codes::CodeList;
use po_core::io::read::{
    CLIENT_CSV_COLUMNS, DEVIATION_CSV_COLUMNS, INTAKE_CSV_COLUMNS, STAFF_CSV_COLUMNS,
};
use po_core::report::Register;

/// The CSV text of each file of a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterCsvText {
    /// `clients.csv`.
    pub clients: String,
    /// `intake.csv`.
    pub intake: String,
    /// `deviations.csv`.
    pub deviations: String,
    /// `staff.csv`.
    pub staff: String,
    /// `survey.csv` (empty without a survey).
    pub survey: String,
    /// Exit surveys sent (0 without a survey).
    pub survey_sent: u32,
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn codes<T: CodeList>(items: impl Iterator<Item = T>) -> String {
    items.map(|c| c.code()).collect::<Vec<_>>().join("|")
}

/// Writes every file of `register`.
pub fn register_to_csv(register: &Register) -> Result<RegisterCsvText, csv::Error> {
    let mut w = writer();
    w.write_record(CLIENT_CSV_COLUMNS)?;
    for c in &register.clients {
        w.write_record([
            c.id.clone(),
            c.gender.code().to_owned(),
            opt(c.birth_date),
            opt(c.birth_year),
            opt(c.age_band.map(|b| b.code())),
            opt(c.municipality.as_ref().map(|m| m.as_str().to_owned())),
            opt(c.area.clone()),
            opt(c.applied_on),
            c.started_on.to_string(),
            opt(c.ended_on),
            if c.children_at_home { "ja" } else { "nej" }.to_owned(),
            c.priority_groups.join("|"),
            codes(c.contact_reasons.iter()),
            codes(c.assignments.iter().map(|a| a.category)),
        ])?;
    }
    let clients = finish(w)?;

    let mut w = writer();
    w.write_record(INTAKE_CSV_COLUMNS)?;
    for v in &register.intake_visits {
        w.write_record([
            v.date.to_string(),
            v.area.to_string(),
            v.outcome.code().to_owned(),
        ])?;
    }
    let intake = finish(w)?;

    let mut w = writer();
    w.write_record(DEVIATION_CSV_COLUMNS)?;
    for d in &register.deviations {
        w.write_record([
            d.date.to_string(),
            d.event_type.code().to_owned(),
            d.level.code().to_owned(),
            d.counterpart.code().to_owned(),
            d.status.code().to_owned(),
            opt(d.consequence.clone()),
        ])?;
    }
    let deviations = finish(w)?;

    let mut w = writer();
    w.write_record(STAFF_CSV_COLUMNS)?;
    for s in &register.staff {
        w.write_record([
            s.id.clone(),
            s.fte.to_string(),
            s.training.join("|"),
            opt(s.supervision.clone()),
            s.gender.map_or(String::new(), |g| g.code().to_owned()),
        ])?;
    }
    let staff = finish(w)?;

    let (survey, survey_sent) = match &register.exit_survey {
        None => (String::new(), 0),
        Some(s) => {
            let mut questions: Vec<&String> =
                s.responses.iter().flat_map(|r| r.answers.keys()).collect();
            questions.sort();
            questions.dedup();
            let mut w = writer();
            w.write_record(&questions)?;
            for r in &s.responses {
                w.write_record(
                    questions
                        .iter()
                        .map(|q| r.answers.get(*q).map_or("", String::as_str)),
                )?;
            }
            (finish(w)?, s.sent)
        }
    };
    Ok(RegisterCsvText {
        clients,
        intake,
        deviations,
        staff,
        survey,
        survey_sent,
    })
}
