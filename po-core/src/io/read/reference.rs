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

impl ColumnType {
    /// The type's name in `language` as the column reference writes it (a code list's type
    /// is written with the list's name).
    #[must_use]
    pub fn name(self, language: crate::Language) -> &'static str {
        let sv = language == crate::Language::Sv;
        let (en, swedish) = match self {
            Self::Id => ("id", "id"),
            Self::Text => ("text", "text"),
            Self::Texts => ("texts", "texter"),
            Self::Date => ("date", "datum"),
            Self::Year => ("year", "år"),
            Self::WholeNumber => ("whole number", "heltal"),
            Self::Decimal => ("decimal", "decimaltal"),
            Self::Flag => ("flag", "ja/nej"),
            Self::Answer => ("answer", "svar"),
            Self::Municipality => ("municipality", "kommun"),
            Self::Code(_) => ("code", "kod"),
            Self::Codes(_) => ("codes", "koder"),
            Self::Criterion(_) => ("answer or codes", "svar eller koder"),
            Self::DeviationEvent => ("deviation event", "avvikelsehändelse"),
        };
        if sv {
            swedish
        } else {
            en
        }
    }
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
    /// What it means, in Swedish.
    pub meaning_sv: &'static str,
}

/// One input file and its columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReference {
    /// The file's name in an export directory.
    pub file: &'static str,
    /// What one row is.
    pub row: &'static str,
    /// What one row is, in Swedish.
    pub row_sv: &'static str,
    /// Its columns, in the order po writes them.
    pub columns: Vec<ColumnReference>,
}

/// A column: its name, type, example and meaning in English and Swedish.
type Described = (
    &'static str,
    ColumnType,
    &'static str,
    &'static str,
    &'static str,
);

use ColumnType as T;

const CLIENTS: &[Described] = &[
    (
        "id",
        T::Id,
        "K-1042",
        "the client's id in the case system; unique in the file",
        "klientens id i verksamhetssystemet; unikt i filen",
    ),
    (
        "gender",
        T::Code("gender"),
        "Kvinna",
        "gender as recorded",
        "kön som det är registrerat",
    ),
    (
        "birth_date",
        T::Date,
        "1985-04-12",
        "birth date (or give birth_year or age_band)",
        "födelsedatum (eller ange birth_year eller age_band)",
    ),
    (
        "birth_year",
        T::Year,
        "1985",
        "birth year, when the date is not kept",
        "födelseår, när datumet inte sparas",
    ),
    (
        "age_band",
        T::Code("age_band"),
        "30–49 år",
        "age band, when neither birth date nor year is kept",
        "åldersgrupp, när varken födelsedatum eller födelseår sparas",
    ),
    (
        "municipality",
        T::Municipality,
        "1780",
        "the client's municipality (kommunkod)",
        "klientens kommun (kommunkod)",
    ),
    (
        "area",
        T::Text,
        "Centrala",
        "the service's own area",
        "verksamhetens eget område",
    ),
    (
        "applied_on",
        T::Date,
        "2023-01-20",
        "date of the application (for waiting times)",
        "datum för ansökan (för väntetider)",
    ),
    (
        "started_on",
        T::Date,
        "2023-02-01",
        "date PO started",
        "datum då PO började",
    ),
    (
        "ended_on",
        T::Date,
        "2023-11-30",
        "date PO ended; empty while it goes on",
        "datum då PO slutade; tomt så länge det pågår",
    ),
    (
        "children_at_home",
        T::Flag,
        "ja",
        "children under 18 living at home (10 §)",
        "hemmavarande barn under 18 år (10 §)",
    ),
    (
        "priority_groups",
        T::Texts,
        "children_at_home|homeless",
        "the priority policy's groups the client belongs to",
        "prioriteringsordningens grupper som klienten tillhör",
    ),
    (
        "contact_reasons",
        T::Codes("contact_reason"),
        "Ekonomi|Boende",
        "why the client sought PO",
        "varför klienten sökte PO",
    ),
    (
        "assignments",
        T::Codes("assignment_category"),
        "economy|housing",
        "the assignments worked on, one item each",
        "uppdragen som arbetats med, ett per post",
    ),
];

const INTAKE: &[Described] = &[
    (
        "date",
        T::Date,
        "2023-03-01",
        "date of the intake visit (nybesök)",
        "datum för nybesöket",
    ),
    (
        "area",
        T::Text,
        "Norra",
        "the service's own area",
        "verksamhetens eget område",
    ),
    (
        "outcome",
        T::Code("intake_outcome"),
        "accepted",
        "what the visit led to",
        "vad besöket ledde till",
    ),
];

const DEVIATIONS: &[Described] = &[
    (
        "date",
        T::Date,
        "2023-05-04",
        "date the deviation was documented",
        "datum då avvikelsen dokumenterades",
    ),
    (
        "event_type",
        T::Code("deviation_event_type"),
        "shortcoming",
        "what kind of deviation",
        "vilket slags avvikelse",
    ),
    (
        "level",
        T::Code("deviation_level"),
        "local",
        "where it arises",
        "var den uppstår",
    ),
    (
        "counterpart",
        T::Code("counterpart"),
        "social_services",
        "the authority concerned",
        "den berörda myndigheten",
    ),
    (
        "status",
        T::Code("deviation_status"),
        "raised",
        "where it stands",
        "var den står nu",
    ),
    (
        "consequence",
        T::Text,
        "",
        "the consequence for the client (free text, never published)",
        "konsekvensen för klienten (fritext, publiceras aldrig)",
    ),
];

const STAFF: &[Described] = &[
    (
        "id",
        T::Id,
        "O-7",
        "the ombud's id; unique in the file",
        "ombudets id; unikt i filen",
    ),
    (
        "fte",
        T::Decimal,
        "0,75",
        "full-time equivalent, 0 to 1.5",
        "tjänstgöringsgrad, 0 till 1,5",
    ),
    (
        "training",
        T::Texts,
        "Socialstyrelsens grundutbildning",
        "courses taken",
        "genomgångna utbildningar",
    ),
    (
        "supervision",
        T::Text,
        "Extern handledning",
        "the supervision given",
        "handledningen som getts",
    ),
    (
        "gender",
        T::Code("gender"),
        "woman",
        "the ombud's gender (seed 001 counts the ombud by gender)",
        "ombudets kön (den nationella rapporten redovisar ombuden efter kön)",
    ),
];

const SHORTCOMINGS: &[Described] = &[
    (
        "counterpart",
        T::Code("counterpart"),
        "psychiatry",
        "where the shortcoming arises: health care, psychiatry and primary care go in annex 1's \
         first table, the social services in its second, the rest in its third",
        "var bristen uppstår: hälso- och sjukvården, psykiatrin och primärvården hamnar i \
         bilaga 1:s första tabell, socialtjänsten i dess andra, övriga i dess tredje",
    ),
    (
        "shortcoming",
        T::Text,
        "Brist på läkartider inom psykiatrin",
        "the shortcoming, as the service summarises it (published in the national report)",
        "bristen, som verksamheten sammanfattar den (publiceras i den nationella rapporten)",
    ),
    (
        "consequence",
        T::Text,
        "Långa väntetider för utredning",
        "its consequence for the individual (published; never one client's story)",
        "konsekvensen för den enskilde (publiceras; aldrig en enskild klients berättelse)",
    ),
];

const DEVIATION_EVENTS: &[Described] = &[
    (
        "id",
        T::Id,
        "AV-2023-014",
        "the deviation's id: every event of one deviation shares it",
        "avvikelsens id: alla händelser i en avvikelse har samma",
    ),
    (
        "date",
        T::Date,
        "2023-05-04",
        "date of the event",
        "datum för händelsen",
    ),
    (
        "event",
        T::DeviationEvent,
        "documented",
        "what happened",
        "vad som hände",
    ),
    (
        "event_type",
        T::Code("deviation_event_type"),
        "shortcoming",
        "on the documented row: the kind of deviation",
        "på raden documented: vilket slags avvikelse",
    ),
    (
        "level",
        T::Code("deviation_level"),
        "local",
        "on the documented row: where it arises",
        "på raden documented: var den uppstår",
    ),
    (
        "counterpart",
        T::Code("counterpart"),
        "social_services",
        "on the documented row: the authority",
        "på raden documented: myndigheten",
    ),
    (
        "description",
        T::Text,
        "",
        "on the documented row: what happened (never published)",
        "på raden documented: vad som hände (publiceras aldrig)",
    ),
    (
        "consequence",
        T::Text,
        "",
        "on the documented row: the consequence (never published)",
        "på raden documented: konsekvensen (publiceras aldrig)",
    ),
    (
        "reply_by",
        T::Date,
        "2023-06-04",
        "on the sent row: when an answer is due",
        "på raden sent: när svar senast ska komma",
    ),
    (
        "summary",
        T::Text,
        "",
        "on the feedback row: the answer (never published)",
        "på raden feedback: svaret (publiceras aldrig)",
    ),
];

const APPLICANTS: &[Described] = &[
    (
        "id",
        T::Id,
        "Q-17",
        "queue number or pseudonym; unique in the file",
        "könummer eller pseudonym; unikt i filen",
    ),
    (
        "birth_date",
        T::Date,
        "1998-11-30",
        "birth date (age and the young-adult group)",
        "födelsedatum (ålder och gruppen unga vuxna)",
    ),
    (
        "area",
        T::Text,
        "Norra",
        "the service's own area",
        "verksamhetens eget område",
    ),
    (
        "queued_on",
        T::Date,
        "2023-09-20",
        "the day the person was placed in the queue",
        "dagen då personen ställdes i kö",
    ),
    (
        "left_queue_on",
        T::Date,
        "",
        "the day the person left the queue, if they have",
        "dagen då personen lämnade kön, om hen har gjort det",
    ),
    (
        "children_at_home",
        T::Flag,
        "ja",
        "has children living at home",
        "har hemmavarande barn",
    ),
    (
        "children_at_risk_of_harm",
        T::Flag,
        "nej",
        "the children risk harm (\"riskerar att fara illa\")",
        "barnen riskerar att fara illa",
    ),
    (
        "homeless_or_at_risk",
        T::Flag,
        "nej",
        "homeless or at risk of eviction or homelessness",
        "hemlös eller riskerar vräkning eller hemlöshet",
    ),
    (
        "lacking_contacts",
        T::Flag,
        "nej",
        "lacks contacts, services or a social network",
        "saknar kontakter, insatser eller socialt nätverk",
    ),
];

const CASES: &[Described] = &[
    (
        "age",
        T::WholeNumber,
        "42",
        "age in whole years on the assessment date (or birth_date, not both)",
        "ålder i hela år på bedömningsdagen (eller birth_date, inte båda)",
    ),
    (
        "birth_date",
        T::Date,
        "1982-01-15",
        "birth date",
        "födelsedatum",
    ),
    (
        "psychiatric_disability",
        T::Answer,
        "ja",
        "a psychiatric disability (2 §; no diagnosis asked)",
        "en psykisk funktionsnedsättning (2 §; ingen diagnos efterfrågas)",
    ),
    (
        "difficulties",
        T::Criterion("life_area"),
        "housing|economy",
        "significant difficulties in several areas of life (2 §)",
        "betydande svårigheter inom flera livsområden (2 §)",
    ),
    (
        "needs",
        T::Criterion("need_area"),
        "ja",
        "complex and extensive needs (2 §: care, support and service, rehabilitation, occupation)",
        "komplexa och omfattande behov (2 §: vård, stöd och service, rehabilitering, sysselsättning)",
    ),
    (
        "long_term_contacts",
        T::Criterion("contact_area"),
        "social_services|primary_care",
        "long-term contacts with authorities and care (2 §)",
        "långvariga kontakter med myndigheter och vård (2 §)",
    ),
];

fn file(
    name: &'static str,
    (row, row_sv): (&'static str, &'static str),
    columns: &Columns,
    described: &[Described],
) -> FileReference {
    let columns = columns
        .known
        .iter()
        .map(|&c| {
            let (_, column_type, example, meaning, meaning_sv) = described
                .iter()
                .find(|d| d.0 == c)
                .copied()
                .unwrap_or((c, T::Text, "", "", ""));
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
                meaning_sv,
            }
        })
        .collect();
    FileReference {
        file: name,
        row,
        row_sv,
        columns,
    }
}

/// Every input file po reads as CSV (or as a frame, or a spreadsheet's sheet) and its columns.
/// The exit survey (`survey.csv`) is not here: its columns are the survey's own questions.
pub fn column_reference() -> Vec<FileReference> {
    vec![
        file(
            "clients.csv",
            ("one client", "en klient"),
            &super::clients::CLIENT_COLUMNS,
            CLIENTS,
        ),
        file(
            "intake.csv",
            ("one intake visit", "ett nybesök"),
            &super::intake::INTAKE_COLUMNS,
            INTAKE,
        ),
        file(
            "deviations.csv",
            (
                "one deviation with its current status",
                "en avvikelse med sin nuvarande status",
            ),
            &super::deviations::DEVIATION_COLUMNS,
            DEVIATIONS,
        ),
        file(
            "staff.csv",
            ("one ombud", "ett ombud"),
            &super::staff::STAFF_COLUMNS,
            STAFF,
        ),
        file(
            "shortcomings.csv",
            (
                "one shortcoming the service reports for the national report's annex 1",
                "en brist som verksamheten rapporterar till den nationella rapportens bilaga 1",
            ),
            &super::shortcomings::SHORTCOMING_COLUMNS,
            SHORTCOMINGS,
        ),
        file(
            "deviation_events.csv",
            (
                "one event of a deviation's history",
                "en händelse i en avvikelses historik",
            ),
            &super::deviation_events::COLUMNS,
            DEVIATION_EVENTS,
        ),
        file(
            "applicants.csv",
            ("one applicant in the queue", "en sökande i kön"),
            &super::applicants::APPLICANT_COLUMNS,
            APPLICANTS,
        ),
        file(
            "cases.csv",
            (
                "one person to assess against 2 §",
                "en person att bedöma enligt 2 §",
            ),
            &super::cases::COLUMNS,
            CASES,
        ),
    ]
}

/// The column reference as Markdown in `language`: a section per file, a table of its
/// columns, the values of each code list (codes and headers stay as they are written).
pub fn column_reference_markdown(language: crate::Language) -> String {
    use std::fmt::Write;
    let sv = language == crate::Language::Sv;
    let pick = |en: &'static str, swedish: &'static str| if sv { swedish } else { en };
    let mut out = String::from(pick(
        "# Input files and their columns\n\nGenerated by `po schema` from the code that reads the files. Headers may be the \
         English names or their Swedish aliases, in any case; columns in any order. CSV: `;`, `,` or tab, UTF-8 (with or \
         without BOM), UTF-16 or Windows-1252, Excel's `sep=` line honoured. A required column missing makes a file \
         unreadable; an optional column marked *if missing* is reported as a problem (an error when strict), because \
         its absence would make tables silently wrong. Lists in one cell are separated by `|`. The exit survey \
         (`survey.csv`) has one column per question, the answers in the cells.\n",
        "# Indatafiler och deras kolumner\n\nSkapad av `po schema` ur koden som läser filerna. Rubrikerna kan vara de \
         engelska namnen eller deras svenska namn, med stora eller små bokstäver; kolumnerna i valfri ordning. CSV: `;`, \
         `,` eller tabb, UTF-8 (med eller utan BOM), UTF-16 eller Windows-1252, Excels `sep=`-rad följs. Saknas en \
         obligatorisk kolumn kan filen inte läsas; saknas en valfri kolumn märkt *om den saknas* redovisas det som ett \
         fel (stoppande i strikt läge), eftersom tabellerna annars blir fel utan att det syns. Flera värden i en cell \
         skiljs med `|`. Avslutningsenkäten (`survey.csv`) har en kolumn per fråga och svaren i cellerna.\n",
    ));
    for f in column_reference() {
        let _ = write!(
            out,
            "\n## {}\n\n{} {}.\n\n{}\n|---|---|---|---|---|---|\n",
            f.file,
            pick("One row =", "En rad ="),
            pick(f.row, f.row_sv),
            pick(
                "| Column | Swedish | Required | Type | Example | Meaning |",
                "| Kolumn | Svenskt namn | Krävs | Typ | Exempel | Betydelse |"
            ),
        );
        for c in &f.columns {
            let kind = match c.column_type {
                T::Code(l) => format!("{} {l}", pick("code:", "kod:")),
                T::Codes(l) => format!(
                    "{} {l}, {}",
                    pick("codes:", "koder:"),
                    pick("`|`-separated", "skilda med `|`")
                ),
                T::Criterion(l) => format!("{} {l}", pick("answer or codes:", "svar eller koder:")),
                other => other.name(language).to_owned(),
            };
            let required = match (c.required, c.if_missing) {
                (true, _) => pick("required", "krävs").to_owned(),
                (false, Some(what)) if sv => {
                    format!(
                        "valfri; om den saknas: {}",
                        crate::io::reasons::in_swedish(what)
                    )
                }
                (false, Some(what)) => format!("optional; if missing: {what}"),
                (false, None) => pick("optional", "valfri").to_owned(),
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                c.name,
                c.aliases.join(", "),
                required,
                kind,
                c.example,
                pick(c.meaning, c.meaning_sv)
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
            SHORTCOMINGS,
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
        let md = column_reference_markdown(crate::Language::En);
        assert!(md.contains("| `priority_groups` |"));
        assert!(md.contains("`contact_reason`: "));
    }

    /// Issue 32 point 2: `po schema` in a Swedish locale is Swedish — every meaning, every row,
    /// every "if missing" through the reasons' templates.
    #[test]
    fn the_swedish_reference_is_swedish() {
        let md = column_reference_markdown(crate::Language::Sv);
        for f in column_reference() {
            assert!(
                md.contains(&format!("En rad = {}.", f.row_sv)),
                "{}",
                f.file
            );
            for c in &f.columns {
                assert_ne!(c.meaning_sv, c.meaning, "{} {}", f.file, c.name);
                assert!(md.contains(c.meaning_sv), "{} {}", f.file, c.name);
                if let Some(what) = c.if_missing {
                    let said = crate::io::reasons::in_swedish(what);
                    assert_ne!(said, what, "{} {}: no template", f.file, c.name);
                    assert!(md.contains(&said));
                }
            }
        }
        for english in [
            "Column",
            "Required",
            "optional",
            "if missing",
            "One row",
            "whole number",
        ] {
            assert!(!md.contains(english), "{english}");
        }
        assert!(md.contains(
            "| `children_at_home` | hemmavarande barn, barn hemma | valfri; om den saknas: "
        ));
    }
}
