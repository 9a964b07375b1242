//! The column reference of every input file, built from the readers' own column lists (names,
//! Swedish aliases, required and optional columns) and the code lists, so that it cannot drift
//! from what is read: a test fails if a reader has a column this file does not describe.
//! `po schema` prints it; the docs include it.

use serde::Serialize;

use super::sheet::Columns;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "code_list", rename_all = "snake_case")]
pub enum ColumnType {
    /// An id of the case system: unique where the file says so, never printed by po.
    Id,
    /// Free text (areas are compared after Unicode and case folding; the first spelling shown).
    Text,
    /// Several free-text items separated by `|`.
    Texts,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A year such as 1985.
    Year,
    /// Whole years such as 42.
    WholeNumber,
    /// A decimal number; decimal comma or point.
    Decimal,
    /// `ja`/`nej` (also `yes`/`no`, `true`/`false`, `1`/`0`, `x`); empty = no.
    Flag,
    /// `ja`, `nej` or `vet ej` (also `yes`/`no`/`unknown`); empty = not known.
    Answer,
    /// A municipality code (kommunkod, four digits).
    Municipality,
    /// One value of the code list: its code, or its Swedish or English label (any case).
    Code(&'static str),
    /// Values of the code list separated by `|`.
    Codes(&'static str),
    /// An answer, or the details as values of the code list separated by `|`.
    Criterion(&'static str),
    /// One of the deviation events (`documented`, `raised`, `sent`, `feedback`, `remedied`,
    /// `not_remedied`, `withdrawn`).
    DeviationEvent,
}

/// One value a column may take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllowedValue {
    /// The code.
    pub code: &'static str,
    /// The Swedish label (also read).
    pub label_sv: &'static str,
    /// The English label (also read).
    pub label_en: &'static str,
}

/// One column of an input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnReference {
    /// The column's name (the header po writes).
    pub name: &'static str,
    /// Swedish header names also read.
    pub aliases: Vec<&'static str>,
    /// Required: a file without it cannot be read.
    pub required: bool,
    /// For an optional column whose absence would skew the tables: what goes wrong (the
    /// problem po reports when it is missing).
    pub if_missing: Option<&'static str>,
    /// What the column holds.
    #[serde(flatten)]
    pub column_type: ColumnType,
    /// The values of its code list, if any.
    pub values: Vec<AllowedValue>,
    /// An example cell.
    pub example: &'static str,
    /// What it means.
    pub meaning: &'static str,
}

/// One input file and its columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReference {
    /// The file's name in an export directory.
    pub file: &'static str,
    /// What one row is.
    pub row: &'static str,
    /// Its columns, in the order po writes them.
    pub columns: Vec<ColumnReference>,
}

type Described = (&'static str, ColumnType, &'static str, &'static str);

use ColumnType as T;

const CLIENTS: &[Described] = &[
    (
        "id",
        T::Id,
        "K-1042",
        "the client's id in the case system; unique in the file",
    ),
    ("gender", T::Code("gender"), "Kvinna", "gender as recorded"),
    (
        "birth_date",
        T::Date,
        "1985-04-12",
        "birth date (or give birth_year or age_band)",
    ),
    (
        "birth_year",
        T::Year,
        "1985",
        "birth year, when the date is not kept",
    ),
    (
        "age_band",
        T::Code("age_band"),
        "30–49 år",
        "age band, when neither birth date nor year is kept",
    ),
    (
        "municipality",
        T::Municipality,
        "1780",
        "the client's municipality (kommunkod)",
    ),
    ("area", T::Text, "Centrala", "the service's own area"),
    (
        "applied_on",
        T::Date,
        "2023-01-20",
        "date of the application (for waiting times)",
    ),
    ("started_on", T::Date, "2023-02-01", "date PO started"),
    (
        "ended_on",
        T::Date,
        "2023-11-30",
        "date PO ended; empty while it goes on",
    ),
    (
        "children_at_home",
        T::Flag,
        "ja",
        "children under 18 living at home (10 §)",
    ),
    (
        "priority_groups",
        T::Texts,
        "children_at_home|homeless",
        "the priority policy's groups the client belongs to",
    ),
    (
        "contact_reasons",
        T::Codes("contact_reason"),
        "Ekonomi|Boende",
        "why the client sought PO",
    ),
    (
        "assignments",
        T::Codes("assignment_category"),
        "economy|housing",
        "the assignments worked on, one item each",
    ),
];

const INTAKE: &[Described] = &[
    (
        "date",
        T::Date,
        "2023-03-01",
        "date of the intake visit (nybesök)",
    ),
    ("area", T::Text, "Norra", "the service's own area"),
    (
        "outcome",
        T::Code("intake_outcome"),
        "accepted",
        "what the visit led to",
    ),
];

const DEVIATIONS: &[Described] = &[
    (
        "date",
        T::Date,
        "2023-05-04",
        "date the deviation was documented",
    ),
    (
        "event_type",
        T::Code("deviation_event_type"),
        "shortcoming",
        "what kind of deviation",
    ),
    (
        "level",
        T::Code("deviation_level"),
        "local",
        "where it arises",
    ),
    (
        "counterpart",
        T::Code("counterpart"),
        "social_services",
        "the authority concerned",
    ),
    (
        "status",
        T::Code("deviation_status"),
        "raised",
        "where it stands",
    ),
    (
        "consequence",
        T::Text,
        "",
        "the consequence for the client (free text, never published)",
    ),
];

const STAFF: &[Described] = &[
    ("id", T::Id, "O-7", "the ombud's id; unique in the file"),
    ("fte", T::Decimal, "0,75", "full-time equivalent, 0 to 1.5"),
    (
        "training",
        T::Texts,
        "Socialstyrelsens grundutbildning",
        "courses taken",
    ),
    ("supervision", T::Text, "monthly", "the supervision given"),
];

const DEVIATION_EVENTS: &[Described] = &[
    (
        "id",
        T::Id,
        "AV-2023-014",
        "the deviation's id: every event of one deviation shares it",
    ),
    ("date", T::Date, "2023-05-04", "date of the event"),
    ("event", T::DeviationEvent, "documented", "what happened"),
    (
        "event_type",
        T::Code("deviation_event_type"),
        "shortcoming",
        "on the documented row: the kind of deviation",
    ),
    (
        "level",
        T::Code("deviation_level"),
        "local",
        "on the documented row: where it arises",
    ),
    (
        "counterpart",
        T::Code("counterpart"),
        "social_services",
        "on the documented row: the authority",
    ),
    (
        "description",
        T::Text,
        "",
        "on the documented row: what happened (never published)",
    ),
    (
        "consequence",
        T::Text,
        "",
        "on the documented row: the consequence (never published)",
    ),
    (
        "reply_by",
        T::Date,
        "2023-06-04",
        "on the sent row: when an answer is due",
    ),
    (
        "summary",
        T::Text,
        "",
        "on the feedback row: the answer (never published)",
    ),
];

const APPLICANTS: &[Described] = &[
    (
        "id",
        T::Id,
        "Q-17",
        "queue number or pseudonym; unique in the file",
    ),
    (
        "birth_date",
        T::Date,
        "1998-11-30",
        "birth date (age and the young-adult group)",
    ),
    ("area", T::Text, "Norra", "the service's own area"),
    (
        "queued_on",
        T::Date,
        "2023-09-20",
        "the day the person was placed in the queue",
    ),
    (
        "left_queue_on",
        T::Date,
        "",
        "the day the person left the queue, if they have",
    ),
    (
        "children_at_home",
        T::Flag,
        "ja",
        "has children living at home",
    ),
    (
        "children_at_risk_of_harm",
        T::Flag,
        "nej",
        "the children risk harm (\"riskerar att fara illa\")",
    ),
    (
        "homeless_or_at_risk",
        T::Flag,
        "nej",
        "homeless or at risk of eviction or homelessness",
    ),
    (
        "lacking_contacts",
        T::Flag,
        "nej",
        "lacks contacts, services or a social network",
    ),
];

const CASES: &[Described] = &[
    (
        "age",
        T::WholeNumber,
        "42",
        "age in whole years on the assessment date (or birth_date, not both)",
    ),
    ("birth_date", T::Date, "1982-01-15", "birth date"),
    (
        "psychiatric_disability",
        T::Answer,
        "ja",
        "a psychiatric disability (2 §; no diagnosis asked)",
    ),
    (
        "difficulties",
        T::Criterion("life_area"),
        "housing|economy",
        "significant difficulties in several areas of life (2 §)",
    ),
    (
        "needs",
        T::Criterion("need_area"),
        "ja",
        "complex and extensive needs (2 §: care, support and service, rehabilitation, occupation)",
    ),
    (
        "long_term_contacts",
        T::Criterion("contact_area"),
        "social_services|primary_care",
        "long-term contacts with authorities and care (2 §)",
    ),
];

fn file(
    name: &'static str,
    row: &'static str,
    columns: &Columns,
    described: &[Described],
) -> FileReference {
    let columns = columns
        .known
        .iter()
        .map(|&c| {
            let (_, column_type, example, meaning) = described
                .iter()
                .find(|d| d.0 == c)
                .copied()
                .unwrap_or((c, T::Text, "", ""));
            let list = match column_type {
                T::Code(l) | T::Codes(l) | T::Criterion(l) => Some(l),
                _ => None,
            };
            let values = list
                .and_then(|l| crate::code_lists::values_of(l).ok())
                .unwrap_or_default()
                .into_iter()
                .map(|v| AllowedValue {
                    code: v.code,
                    label_sv: v.label_sv,
                    label_en: v.label_en,
                })
                .collect();
            ColumnReference {
                name: c,
                aliases: columns
                    .aliases
                    .iter()
                    .filter(|(_, code)| *code == c)
                    .map(|(sv, _)| *sv)
                    .collect(),
                required: columns.required.contains(&c),
                if_missing: columns
                    .optional
                    .iter()
                    .find(|(any, _)| any.contains(&c))
                    .map(|(_, what)| *what),
                column_type,
                values,
                example,
                meaning,
            }
        })
        .collect();
    FileReference {
        file: name,
        row,
        columns,
    }
}

/// Every input file po reads as CSV (or as a frame, or a spreadsheet's sheet) and its columns.
/// The exit survey (`survey.csv`) is not here: its columns are the survey's own questions.
pub fn column_reference() -> Vec<FileReference> {
    vec![
        file(
            "clients.csv",
            "one client",
            &super::clients::CLIENT_COLUMNS,
            CLIENTS,
        ),
        file(
            "intake.csv",
            "one intake visit",
            &super::intake::INTAKE_COLUMNS,
            INTAKE,
        ),
        file(
            "deviations.csv",
            "one deviation with its current status",
            &super::deviations::DEVIATION_COLUMNS,
            DEVIATIONS,
        ),
        file(
            "staff.csv",
            "one ombud",
            &super::staff::STAFF_COLUMNS,
            STAFF,
        ),
        file(
            "deviation_events.csv",
            "one event of a deviation's history",
            &super::deviation_events::COLUMNS,
            DEVIATION_EVENTS,
        ),
        file(
            "applicants.csv",
            "one applicant in the queue",
            &super::applicants::APPLICANT_COLUMNS,
            APPLICANTS,
        ),
        file(
            "cases.csv",
            "one person to assess against 2 §",
            &super::cases::COLUMNS,
            CASES,
        ),
    ]
}

/// The column reference as Markdown: a section per file, a table of its columns, the values
/// of each code list.
pub fn column_reference_markdown() -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "# Input files and their columns\n\nGenerated by `po schema` from the code that reads the files. Headers may be the \
         English names or their Swedish aliases, in any case; columns in any order. CSV: `;`, `,` or tab, UTF-8 (with or \
         without BOM), UTF-16 or Windows-1252, Excel's `sep=` line honoured. A required column missing makes a file \
         unreadable; an optional column marked *if missing* is reported as a problem (an error when strict), because \
         its absence would make tables silently wrong. Lists in one cell are separated by `|`. The exit survey \
         (`survey.csv`) has one column per question, the answers in the cells.\n",
    );
    for f in column_reference() {
        let _ = write!(
            out,
            "\n## {}\n\nOne row = {}.\n\n| Column | Swedish | Required | Type | Example | Meaning |\n|---|---|---|---|---|---|\n",
            f.file, f.row
        );
        for c in &f.columns {
            let kind = match c.column_type {
                T::Code(l) => format!("code: {l}"),
                T::Codes(l) => format!("codes: {l}, `|`-separated"),
                T::Criterion(l) => format!("answer or codes: {l}"),
                other => format!("{other:?}").to_lowercase(),
            };
            let required = match (c.required, c.if_missing) {
                (true, _) => "required".to_owned(),
                (false, Some(what)) => format!("optional; if missing: {what}"),
                (false, None) => "optional".to_owned(),
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                c.name,
                c.aliases.join(", "),
                required,
                kind,
                if c.example.is_empty() { "" } else { c.example },
                c.meaning
            );
        }
        let mut lists: Vec<&str> = Vec::new();
        for c in &f.columns {
            if let T::Code(l) | T::Codes(l) | T::Criterion(l) = c.column_type {
                if lists.contains(&l) {
                    continue;
                }
                lists.push(l);
                let _ = write!(
                    out,
                    "\n`{l}`: {}\n",
                    c.values
                        .iter()
                        .map(|v| format!("`{}` ({} / {})", v.code, v.label_sv, v.label_en))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_read_is_described_and_nothing_else() {
        let all = [
            CLIENTS,
            INTAKE,
            DEVIATIONS,
            STAFF,
            DEVIATION_EVENTS,
            APPLICANTS,
            CASES,
        ];
        for (f, described) in column_reference().iter().zip(all) {
            let names: Vec<&str> = f.columns.iter().map(|c| c.name).collect();
            let listed: Vec<&str> = described.iter().map(|d| d.0).collect();
            assert_eq!(names, listed, "{}", f.file);
            for c in &f.columns {
                assert!(!c.meaning.is_empty(), "{}.{}", f.file, c.name);
                if let T::Code(_) | T::Codes(_) | T::Criterion(_) = c.column_type {
                    assert!(
                        !c.values.is_empty(),
                        "{}.{}: no such code list",
                        f.file,
                        c.name
                    );
                }
            }
        }
        let clients = &column_reference()[0];
        let gender = &clients.columns[1];
        assert_eq!((gender.name, gender.required), ("gender", true));
        assert_eq!(gender.aliases, vec!["kön"]);
        assert!(gender.values.iter().any(|v| v.label_sv == "Kvinna"));
        let ended = clients.columns.iter().find(|c| c.name == "ended_on");
        assert!(ended.and_then(|c| c.if_missing).is_some());
        let md = column_reference_markdown();
        assert!(md.contains("| `priority_groups` |"));
        assert!(md.contains("`contact_reason`: "));
    }
}
