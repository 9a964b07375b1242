//! The 10 § report as one document (issue 32 point 1): its parts in order — 10 § 1–5, the exit
//! survey, the rows a lenient import left out, the protection — each a heading and blocks of
//! text, lists and tables, worded once in the reader's language. The Markdown, the HTML and the
//! workbook render this model and nothing else, so every format carries the same parts with
//! the same words and numbers (a test compares them).

use super::compilation::Value;
use crate::disclosure::Protection;
use crate::io::text::{cell, decimal, municipality_name, ratio_text, words};
use crate::report::{AnnualReport, Cell, Ratio, ReportTable, Table};
use crate::rules::Status;

/// The report as a reader reads it, in one language.
pub(crate) struct Document<'a> {
    /// The title: the ordinance, the year and the service.
    pub title: String,
    /// The warning on an unprotected report.
    pub banner: Option<&'static str>,
    /// What computed it: "Beräknad ur ärenderegistret av po 0.2.0."
    pub stamp: String,
    /// The parts, in report order.
    pub parts: Vec<Part<'a>>,
}

/// A part of the report: its heading and what it says.
pub(crate) struct Part<'a> {
    /// The heading, numbered as 10 § numbers its points.
    pub heading: String,
    /// What it says, in order.
    pub blocks: Vec<Block<'a>>,
}

/// What a part says.
pub(crate) enum Block<'a> {
    /// A paragraph.
    Text(String),
    /// A list of items.
    Items(Vec<String>),
    /// One of the report's tables (its totals, and a chart in HTML).
    Table(&'a Table),
    /// Any other table: already written as text.
    Grid(Grid),
}

/// Any other table: a title, the header, rows named by their first cell, values that each
/// format writes its own way (numbers as numbers in a workbook).
pub(crate) struct Grid {
    /// The title above it (and the workbook sheet's name, at most 31 characters).
    pub title: String,
    /// The column headers, the first over the row names.
    pub header: Vec<String>,
    /// The rows: a name and its values.
    pub rows: Vec<(String, Vec<Value>)>,
}

fn ratio(r: &Ratio, sv: bool) -> String {
    format!(
        "{} / {} = {}",
        cell(r.count, sv),
        cell(r.of, sv),
        ratio_text(r.value, sv)
    )
}

/// The report's title: the ordinance, the year and the service (without a service name the
/// title ends at the year — issue 18: never in "– ").
pub(crate) fn title(r: &AnnualReport, sv: bool) -> String {
    let t = words(sv);
    let head = format!(
        "{} {}",
        t(
            "Redovisning enligt 10 § förordning (2013:522)",
            "Report under section 10 of ordinance 2013:522"
        ),
        r.year
    );
    match r.service_name.trim() {
        "" => head,
        name => format!("{head} – {name}"),
    }
}

/// The report as a document in Swedish (`sv`) or English.
pub(crate) fn of_report(r: &AnnualReport, sv: bool) -> Document<'_> {
    let t = words(sv);
    let mut parts = vec![
        staff(r, sv),
        clients(r, sv),
        Part {
            heading: format!(
                "3. {}",
                t(
                    "Bedömningsriktlinjer och prioriteringsordning",
                    "Assessment guidelines and priority order"
                )
            ),
            blocks: vec![Block::Text(r.priority_policy.clone().unwrap_or_else(
                || {
                    t(
                        "Ingen prioriteringsordning angiven.",
                        "No priority order given.",
                    )
                    .to_owned()
                },
            ))],
        },
        organisation(r, sv),
        shortcomings(r, sv),
    ];
    parts.extend(survey(r, sv));
    if !r.input_problems.is_empty() {
        parts.push(Part {
            heading: t("Rader som lämnats utanför", "Rows left out").to_owned(),
            blocks: vec![
                Block::Text(format!(
                    "{} {}",
                    r.input_problems.len(),
                    t(
                        "problem i indata; raderna de gäller räknas inte:",
                        "problems in the input; the rows concerned are not counted:"
                    )
                )),
                Block::Items(crate::io::text::problem_lines(&r.input_problems, sv)),
            ],
        });
    }
    parts.push(protection(r, sv));
    Document {
        title: title(r, sv),
        banner: r.protection.banner(sv),
        stamp: format!(
            "{} po {}.",
            t(
                "Beräknad ur ärenderegistret av",
                "Computed from the case register by"
            ),
            r.stamp.library_version
        ),
        parts,
    }
}

fn staff(r: &AnnualReport, sv: bool) -> Part<'_> {
    let t = words(sv);
    let mut items = vec![
        format!(
            "{}: {}",
            t("Årsarbetare (heltid)", "Full-time positions"),
            decimal(r.staff.positions, sv)
        ),
        format!("{}: {}", t("Ombud", "Ombud"), cell(r.staff.ombud, sv)),
    ];
    if !r.staff.ombud_by_gender.is_empty() {
        let genders: Vec<String> = r
            .staff
            .ombud_by_gender
            .iter()
            .map(|(g, n)| format!("{} {}", crate::io::text::label(g, sv), cell(*n, sv)))
            .collect();
        items.push(format!(
            "{}: {}",
            t("Ombud efter kön", "Ombud by gender"),
            genders.join(", ")
        ));
    }
    items.extend([format!(
        "{}: {}",
        t("Ombud med handledning", "Ombud with supervision"),
        cell(r.staff.with_supervision, sv)
    )]);
    for (training, n) in &r.staff.training {
        items.push(format!(
            "{}: {training} ({})",
            t("Utbildning", "Training"),
            cell(*n, sv)
        ));
    }
    Part {
        heading: format!(
            "1. {}",
            t(
                "Tjänster, utbildning och handledning",
                "Positions, training and supervision"
            )
        ),
        blocks: vec![Block::Items(items)],
    }
}

fn clients(r: &AnnualReport, sv: bool) -> Part<'_> {
    let t = words(sv);
    let mut blocks = vec![Block::Text(
        t(
            "Ålder räknas den 31 december.",
            "Age is taken on 31 December.",
        )
        .to_owned(),
    )];
    for &table in ReportTable::ALL.iter().filter(|t| !t.about_deviations()) {
        blocks.push(Block::Table(r.table_of(table)));
    }
    blocks.push(Block::Text(format!(
        "{}: {}",
        t(
            "Uppdrag per aktuell klient",
            "Assignments per active client"
        ),
        ratio(&r.assignments_per_client, sv)
    )));
    if r.waiting.clients != Cell::Count(0) {
        let days = t("dagar", "days");
        blocks.push(Block::Text(format!(
            "{}: {} {}, median {} {days}, max {} {days}",
            t(
                "Väntetid från ansökan till start",
                "Waiting from application to start"
            ),
            cell(r.waiting.clients, sv),
            t("klienter", "clients"),
            r.waiting
                .median_days
                .map_or("..".to_owned(), |d| decimal(d.normalize(), sv)),
            r.waiting
                .max_days
                .map_or("..".to_owned(), |d| decimal(d.into(), sv)),
        )));
    }
    if !r.clients_per_municipality.is_empty() {
        // The population key's column only when a key was given (not "–" on every row).
        let keyed = r
            .clients_per_municipality
            .iter()
            .any(|m| m.key_share.is_some());
        if !keyed {
            blocks.push(Block::Text(
                t(
                    "Ingen befolkningsnyckel angiven: andelarna nedan är av klienterna.",
                    "No population key given: the shares below are of the clients.",
                )
                .to_owned(),
            ));
        }
        let mut header = vec![
            t("Kommun", "Municipality").to_owned(),
            t("Klienter", "Clients").to_owned(),
            "%".to_owned(),
        ];
        if keyed {
            header.push(t("Andel av nyckeln %", "Share of key %").to_owned());
        }
        let rows = r
            .clients_per_municipality
            .iter()
            .map(|m| {
                let mut values = vec![m.clients.into(), m.client_share.value.into()];
                if keyed {
                    // "–": no key share for a municipality the key does not hold.
                    values.push(
                        m.key_share
                            .as_ref()
                            .map_or(Value::Text("–".into()), |k| k.value.into()),
                    );
                }
                (format!("{} ({})", municipality_name(m), m.code), values)
            })
            .collect();
        blocks.push(Block::Grid(Grid {
            title: ReportTable::part_name("clients_per_municipality", sv).to_owned(),
            header,
            rows,
        }));
    }
    Part {
        heading: format!(
            "2. {}",
            t(
                "Vilka och hur många som fått stöd, vanligaste kontaktorsaker",
                "Who and how many got support, the most common contact reasons"
            )
        ),
        blocks,
    }
}

fn organisation(r: &AnnualReport, sv: bool) -> Part<'_> {
    let t = words(sv);
    let blocks = match &r.leadership {
        Some(check) => {
            let verdict = match check.compliant {
                Status::Met => t("uppfyller 5 §", "meets 5 §"),
                Status::NotMet => t("uppfyller inte 5 §", "does not meet 5 §"),
                Status::Unknown => t("kan inte bedömas fullt ut", "cannot be fully assessed"),
            };
            let mut blocks = vec![Block::Text(format!(
                "{} {verdict} ({}).",
                t("Ledningsgruppen", "The leadership group"),
                check.rule_set.citation()
            ))];
            if !check.findings.is_empty() {
                blocks.push(Block::Items(
                    check
                        .findings
                        .iter()
                        .map(|f| if sv { &f.reason_sv } else { &f.reason_en }.to_string())
                        .collect(),
                ));
            }
            blocks
        }
        None => vec![Block::Text(
            t(
                "Ledningsgruppen har inte kontrollerats.",
                "The leadership group was not checked.",
            )
            .to_owned(),
        )],
    };
    Part {
        heading: format!(
            "4. {}",
            t(
                "Organisation, ledning och samverkan",
                "Organisation, management and cooperation"
            )
        ),
        blocks,
    }
}

fn shortcomings(r: &AnnualReport, sv: bool) -> Part<'_> {
    let t = words(sv);
    let mut blocks: Vec<Block<'_>> = ReportTable::ALL
        .iter()
        .filter(|t| t.about_deviations())
        .map(|&table| Block::Table(r.table_of(table)))
        .collect();
    blocks.push(Block::Text(format!(
        "{}: {} %",
        t("Brister med återkoppling", "Shortcomings with feedback"),
        ratio(&r.deviations_with_feedback, sv)
    )));
    Part {
        heading: format!("5. {}", t("Uppmärksammade brister", "Shortcomings noticed")),
        blocks,
    }
}

fn survey(r: &AnnualReport, sv: bool) -> Option<Part<'_>> {
    let t = words(sv);
    let rate = r.survey_response_rate.as_ref()?;
    let mut rows = Vec::new();
    for q in &r.survey {
        for (answer, share) in &q.answers {
            rows.push((
                format!(
                    "{} ({} {})",
                    q.question,
                    cell(q.respondents, sv),
                    t("svar", "answers")
                ),
                vec![
                    Value::Text(answer.clone()),
                    share.count.into(),
                    share.value.into(),
                ],
            ));
        }
    }
    let mut blocks = vec![Block::Text(format!(
        "{}: {} %",
        t("Svarsfrekvens", "Response rate"),
        ratio(rate, sv)
    ))];
    if !rows.is_empty() {
        blocks.push(Block::Grid(Grid {
            title: ReportTable::part_name("survey", sv).to_owned(),
            header: vec![
                t("Fråga", "Question").to_owned(),
                t("Svar", "Answer").to_owned(),
                t("Antal", "Count").to_owned(),
                "%".to_owned(),
            ],
            rows,
        }));
    }
    Some(Part {
        heading: t("Avslutningsenkät", "Exit survey").to_owned(),
        blocks,
    })
}

/// The protection in plain words: the rule, the method, how many numbers each part hides;
/// never which cells were small.
fn protection(r: &AnnualReport, sv: bool) -> Part<'_> {
    let t = words(sv);
    let mut blocks = Vec::new();
    match r.protection {
        Protection::Unprotected => blocks.push(Block::Text(t(
            "Inget skydd: alla tal visas som de är, även små tal som kan peka ut personer. Rapporten får inte publiceras.",
            "No protection: every count is shown as it is, small counts that can identify people included. This report must not be published.").to_owned())),
        Protection::Threshold { k } => {
            blocks.push(Block::Text(if sv {
                format!("Antal från 1 till {} visas inte (gräns k = {k}); noll visas. Fler tal, även summor, är dolda så att inget dolt tal kan räknas ut ur det som publiceras, inte heller med kunskap om sambanden mellan tabellerna, och så att inget dolt tal kan visas vara mindre än {k}. Rapporten har granskats med linjärprogrammering innan den skrevs ut. Dolda tal visas som ..; det anges inte varför ett visst tal är dolt.", k - 1)
            } else {
                format!("Counts from 1 to {} are not shown (threshold k = {k}); zero is shown. Further numbers, totals included, are hidden so that no hidden number can be computed from what is published, not even from the relations between the tables, and no hidden number can be shown to be below {k}. The report was audited by linear programming before it was written. Hidden numbers are shown as ..; why a given number is hidden is not said.", k - 1)
            }));
            // In report order: the tables, then the other parts.
            let mut hidden: Vec<(&String, &u64)> =
                r.hidden_cells.iter().filter(|(_, n)| **n > 0).collect();
            hidden.sort_by_key(|(name, _)| {
                ReportTable::named(name).map_or(ReportTable::ALL.len(), |t| t as usize)
            });
            if !hidden.is_empty() {
                let list: Vec<String> = hidden
                    .into_iter()
                    .map(|(part, n)| format!("{} {n}", ReportTable::part_name(part, sv)))
                    .collect();
                blocks.push(Block::Text(format!(
                    "{}: {}.",
                    t("Dolda tal per tabell", "Hidden numbers per table"),
                    list.join(", ")
                )));
            }
        }
    }
    Part {
        heading: t("Skydd mot röjande", "Protection against disclosure").to_owned(),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::report::{annual_report, ReportOptions};
    use crate::Language;

    /// The bundled SYNTHETIC register with every part a report can have: staff with training,
    /// a priority order, a leadership group, the survey, clients per municipality, a waiting
    /// time, and a row a lenient import left out.
    fn full_report() -> AnnualReport {
        let json = include_str!("../../../../examples/data/synthetic-2023/register.json");
        let register = crate::io::read::read_register_json(json, "register.json").unwrap();
        let leadership = include_str!("../../../../examples/data/varmland-2023-leadership.json");
        annual_report(
            &register,
            &ReportOptions {
                year: 2023,
                service_name: "PO Test".into(),
                priority_policy: Some(
                    crate::priority::PriorityPolicy::preset("varmland_2023").unwrap(),
                ),
                leadership_group: Some(serde_json::from_str(leadership).unwrap()),
                input_problems: vec![crate::input::Problem {
                    file: "clients.csv".into(),
                    row: 7,
                    column: "gender".into(),
                    reason: "unknown gender \"robot\": expected one of woman, man, other".into(),
                }],
                ..ReportOptions::default()
            },
        )
        .unwrap()
    }

    /// Every text of the document, as a reader finds it in any rendering; with `numbers`, the
    /// grids' numbers as the text documents write them too (a workbook holds them as numbers).
    fn texts(d: &Document<'_>, sv: bool, numbers: bool) -> Vec<String> {
        let mut all = vec![d.title.clone(), d.stamp.clone()];
        for part in &d.parts {
            all.push(part.heading.clone());
            for block in &part.blocks {
                match block {
                    Block::Text(t) => all.push(t.clone()),
                    Block::Items(items) => all.extend(items.iter().cloned()),
                    Block::Table(t) => {
                        all.push(if sv { &t.title_sv } else { &t.title_en }.clone());
                        all.extend(t.rows.iter().map(|r| crate::io::text::label(r, sv)));
                    }
                    Block::Grid(g) => {
                        all.push(g.title.clone());
                        all.extend(g.header.iter().cloned());
                        for (name, values) in &g.rows {
                            all.push(name.clone());
                            all.extend(
                                values
                                    .iter()
                                    .filter(|v| numbers || matches!(v, Value::Text(_)))
                                    .map(|v| v.text(sv)),
                            );
                        }
                    }
                }
            }
        }
        all
    }

    /// Issue 32 point 1: the parts of 10 § 1–5, the survey, the waiting time, the feedback,
    /// the protection and the rows left out, in every format, with the same words.
    #[test]
    fn every_format_carries_every_part() {
        let report = full_report();
        for (language, sv) in [(Language::Sv, true), (Language::En, false)] {
            let d = of_report(&report, sv);
            let headings: Vec<&str> = d.parts.iter().map(|p| p.heading.as_str()).collect();
            let expected = if sv {
                [
                    "1. Tjänster, utbildning och handledning",
                    "2. Vilka och hur många som fått stöd, vanligaste kontaktorsaker",
                    "3. Bedömningsriktlinjer och prioriteringsordning",
                    "4. Organisation, ledning och samverkan",
                    "5. Uppmärksammade brister",
                    "Avslutningsenkät",
                    "Rader som lämnats utanför",
                    "Skydd mot röjande",
                ]
            } else {
                [
                    "1. Positions, training and supervision",
                    "2. Who and how many got support, the most common contact reasons",
                    "3. Assessment guidelines and priority order",
                    "4. Organisation, management and cooperation",
                    "5. Shortcomings noticed",
                    "Exit survey",
                    "Rows left out",
                    "Protection against disclosure",
                ]
            };
            assert_eq!(headings, expected);
            let publishable = report.publishable().unwrap();
            let markdown = super::super::to_markdown(publishable, language);
            let html = super::super::to_html(report.publishable().unwrap(), language);
            #[cfg(feature = "excel")]
            let sheets: Vec<String> = {
                let book =
                    super::super::report_to_xlsx(report.publishable().unwrap(), language).unwrap();
                crate::io::read::read_workbook(&book, "report.xlsx")
                    .unwrap()
                    .iter()
                    .flat_map(|s| {
                        let mut cells = vec![s.name.clone()];
                        cells.extend(s.frame.names.iter().cloned());
                        for batch in &s.frame.batches {
                            for column in batch {
                                cells.extend(
                                    (0..column.len())
                                        .filter_map(|i| column.cell(i).map(str::to_owned)),
                                );
                            }
                        }
                        cells
                    })
                    .collect()
            };
            let all = texts(&d, sv, true);
            // Waiting, feedback and the response rate are among the texts.
            for needle in [
                if sv {
                    "Väntetid från ansökan"
                } else {
                    "Waiting from application"
                },
                if sv {
                    "Brister med återkoppling"
                } else {
                    "Shortcomings with feedback"
                },
                if sv { "Svarsfrekvens" } else { "Response rate" },
                if sv {
                    "Dolda tal per tabell"
                } else {
                    "Hidden numbers per table"
                },
                if sv {
                    "okänt värde \"robot\" i kodlistan gender"
                } else {
                    "unknown gender \"robot\""
                },
            ] {
                assert!(
                    all.iter().any(|t| t.contains(needle)),
                    "{needle} in the document"
                );
            }
            for text in &all {
                assert!(markdown.contains(text.as_str()), "Markdown lacks {text:?}");
                assert!(
                    html.contains(&super::super::html::esc(text)),
                    "HTML lacks {text:?}"
                );
            }
            #[cfg(feature = "excel")]
            for text in texts(&d, sv, false) {
                assert!(
                    sheets.iter().any(|c| c.contains(text.as_str())),
                    "the workbook lacks {text:?}"
                );
            }
        }
    }
}
