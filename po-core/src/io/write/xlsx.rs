//! Workbooks out (`.xlsx`, rust_xlsxwriter): a sheet per table (Swedish or English headers,
//! counts as numbers, hidden cells `..`), and a first sheet that explains the method and the
//! protection, written only after the same disclosure audit as every other rendering. Workbooks
//! never contain formulas: every cell is written as a number or as text.

use crate::disclosure::Publishable;
use crate::io::text::label;
use crate::report::{AnnualReport, Cell};
use crate::Language;

/// A workbook that could not be written, and why (rust_xlsxwriter's words).
fn xlsx_failed(reason: String) -> crate::Error {
    crate::Error::Output(crate::error::OutputError {
        format: "xlsx",
        reason,
    })
}

/// The report as an `.xlsx` workbook: a first sheet with the whole document's text in order
/// (the parts of the one document model, as every format: 10 § 1–5, the survey, the rows left out,
/// the protection), each table named there by its sheet; then a sheet per table with its title,
/// headers, counts as numbers, totals, and hidden cells as `..`. Written only if the disclosure
/// audit passes (as every rendering).
pub fn report_to_xlsx(
    report: Publishable<'_, AnnualReport>,
    language: Language,
) -> Result<Vec<u8>, crate::Error> {
    use super::document::{Block, Part};
    let sv = language == Language::Sv;
    let t = crate::io::text::words(sv);
    let d = super::document::of_report(report.get(), sv);
    let failed = |e: rust_xlsxwriter::XlsxError| xlsx_failed(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let first = book
        .add_worksheet()
        .set_name(t("Redovisning", "Report"))
        .map_err(failed)?;
    first
        .write_string_with_format(0, 0, &d.title, &bold)
        .map_err(failed)?;
    first.write_string(1, 0, &d.stamp).map_err(failed)?;
    let mut row = 2u32;
    if let Some(banner) = d.banner {
        first
            .write_string_with_format(row, 0, banner, &bold)
            .map_err(failed)?;
        row += 1;
    }
    let see = |title: &str, sheet: &str| {
        format!("{title} – {} «{sheet}»", t("se bladet", "see the sheet"))
    };
    for part in &d.parts {
        row += 1;
        first
            .write_string_with_format(row, 0, &part.heading, &bold)
            .map_err(failed)?;
        row += 1;
        for block in &part.blocks {
            let lines = match block {
                Block::Text(text) => vec![text.clone()],
                Block::Items(items) => items.iter().map(|i| format!("– {i}")).collect(),
                Block::Table(table) => vec![see(
                    if sv { &table.title_sv } else { &table.title_en },
                    sheet_name(table, sv),
                )],
                Block::Grid(g) => vec![see(&g.title, &g.title)],
            };
            for line in lines {
                first.write_string(row, 0, line).map_err(failed)?;
                row += 1;
            }
        }
    }
    first.set_column_width(0, 120).map_err(failed)?;
    for block in d.parts.iter().flat_map(|p: &Part<'_>| &p.blocks) {
        match block {
            Block::Table(table) => table_sheet(&mut book, table, sv, None)?,
            Block::Grid(g) => grid_sheet(&mut book, g)?,
            Block::Text(_) | Block::Items(_) => {}
        }
    }
    about_sheet(
        &mut book,
        &crate::publications::About::of_report(report.get()),
    )?;
    book.save_to_buffer().map_err(failed)
}

/// What the workbook is about, on a hidden last sheet named `po` (a key and a value a row;
/// `crate::publications::about`), so that `po audit` can read it back among other files.
fn about_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    about: &crate::publications::About,
) -> Result<(), crate::Error> {
    let failed = |e: rust_xlsxwriter::XlsxError| xlsx_failed(e.to_string());
    let sheet = book
        .add_worksheet()
        .set_name(crate::publications::ABOUT_SHEET)
        .map_err(failed)?;
    for ((key, value), r) in about.rows().into_iter().zip(0u32..) {
        sheet.write_string(r, 0, key).map_err(failed)?;
        sheet.write_string(r, 1, value).map_err(failed)?;
    }
    sheet.set_hidden(true);
    Ok(())
}

/// A table's sheet name in the document's language (a table of the report by its short name;
/// issue 32: no machine names in a document).
fn sheet_name(table: &crate::report::Table, sv: bool) -> &str {
    crate::report::ReportTable::named(&table.name).map_or(table.name.as_str(), |t| t.sheet_name(sv))
}

/// A grid of the document as a sheet: its title, the header, the rows; values as numbers.
fn grid_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    g: &super::document::Grid,
) -> Result<(), crate::Error> {
    let failed = |e: rust_xlsxwriter::XlsxError| xlsx_failed(e.to_string());
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = book.add_worksheet().set_name(&g.title).map_err(failed)?;
    sheet
        .write_string_with_format(0, 0, &g.title, &bold)
        .map_err(failed)?;
    for (h, j) in g.header.iter().zip(0u16..) {
        sheet
            .write_string_with_format(2, j, h, &bold)
            .map_err(failed)?;
    }
    for ((name, values), r) in g.rows.iter().zip(3u32..) {
        sheet.write_string(r, 0, name).map_err(failed)?;
        for (v, j) in values.iter().zip(1u16..) {
            write_value(sheet, r, j, v)?;
        }
    }
    sheet.set_column_width(0, 40).map_err(failed)?;
    Ok(())
}

/// A value of a document: counts and decimals as numbers, hidden ones `..`, text as text.
fn write_value(
    sheet: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    j: u16,
    v: &super::Value,
) -> Result<(), crate::Error> {
    use super::Value;
    use rust_decimal::prelude::ToPrimitive;
    match v {
        Value::Count(n) => sheet.write_number(r, j, *n as f64),
        // No change, or no previous year: the document's "–", never "..", which is "hidden".
        Value::Change(None | Some(0)) | Value::Hidden => sheet.write_string(r, j, v.text(true)),
        Value::Change(Some(n)) => sheet.write_number(r, j, *n as f64),
        Value::Decimal(x) => sheet.write_number(r, j, x.to_f64().unwrap_or(f64::NAN)),
        Value::Text(t) => sheet.write_string(r, j, t),
    }
    .map(|_| ())
    .map_err(|e| xlsx_failed(e.to_string()))
}

/// One cell of a sheet of rows.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    /// Text.
    Text(String),
    /// A number, written as a number (amounts in kronor or öre are exact in a spreadsheet's
    /// double below 2⁵³).
    Number(rust_decimal::Decimal),
    /// Nothing.
    Empty,
}

/// A sheet of rows: its name, a title above the headers, the headers and the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRows {
    /// The sheet's name (at most 31 characters, as Excel requires).
    pub name: String,
    /// The title in its first row.
    pub title: String,
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<SheetCell>>,
}

/// Sheets of rows as an `.xlsx` workbook: the title in bold, headers, numbers as numbers.
pub fn rows_to_xlsx(sheets: &[SheetRows]) -> Result<Vec<u8>, crate::Error> {
    use rust_decimal::prelude::ToPrimitive;
    let failed = |e: rust_xlsxwriter::XlsxError| xlsx_failed(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for s in sheets {
        let sheet = book.add_worksheet().set_name(&s.name).map_err(failed)?;
        sheet
            .write_string_with_format(0, 0, &s.title, &bold)
            .map_err(failed)?;
        for (j, h) in s.headers.iter().enumerate() {
            let j = u16::try_from(j).unwrap_or(u16::MAX);
            sheet
                .write_string_with_format(2, j, h, &bold)
                .map_err(failed)?;
        }
        for (i, row) in s.rows.iter().enumerate() {
            let r = u32::try_from(i + 3).unwrap_or(u32::MAX);
            for (j, cell) in row.iter().enumerate() {
                let j = u16::try_from(j).unwrap_or(u16::MAX);
                match cell {
                    SheetCell::Text(t) => sheet.write_string(r, j, t).map(|_| ()),
                    SheetCell::Number(n) => {
                        let value = n.to_f64().ok_or_else(|| {
                            xlsx_failed(format!("{n} is not a spreadsheet number"))
                        })?;
                        sheet.write_number(r, j, value).map(|_| ())
                    }
                    SheetCell::Empty => Ok(()),
                }
                .map_err(failed)?;
            }
        }
        sheet.set_column_width(0, 16).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

/// A ranking as an `.xlsx` workbook: one row per place (place, id, area, deciding group, days
/// waited, the reason in `language`), the policy and the date in its title.
pub fn ranking_to_xlsx(
    ranking: &crate::priority::Ranking,
    on: time::Date,
    language: Language,
) -> Result<Vec<u8>, crate::Error> {
    let sv = language == Language::Sv;
    let text = |s: &str| SheetCell::Text(s.to_owned());
    let rows = ranking
        .applicants
        .iter()
        .map(|r| {
            vec![
                SheetCell::Number(r.position.into()),
                text(&r.id),
                text(r.area.as_deref().unwrap_or("")),
                text(
                    r.deciding_group_labels
                        .as_ref()
                        .map_or("", |(s, e)| if sv { s } else { e }),
                ),
                SheetCell::Number(r.days_waited.into()),
                text(if sv { &r.reason_sv } else { &r.reason_en }),
            ]
        })
        .collect();
    let headers = if sv {
        ["Plats", "Id", "Område", "Grupp", "Dagar i kö", "Skäl"]
    } else {
        ["Place", "Id", "Area", "Group", "Days waited", "Reason"]
    };
    rows_to_xlsx(&[SheetRows {
        name: if sv { "Kö" } else { "Queue" }.into(),
        title: format!(
            "{} {on}: {}",
            if sv { "Kön" } else { "The queue" },
            ranking.policy_heading(sv)
        ),
        headers: headers.map(String::from).to_vec(),
        rows,
    }])
}

/// An allocation as an `.xlsx` workbook of invoices: one row per municipality (code, name,
/// adults, key %, fee, administration fee, to pay) and a row of sums, amounts as numbers.
pub fn invoices_to_xlsx(
    allocation: &crate::money::Allocation,
    language: Language,
) -> Result<Vec<u8>, crate::Error> {
    let sv = language == Language::Sv;
    let shares = &allocation.participants;
    let mut rows: Vec<Vec<SheetCell>> = shares
        .iter()
        .map(|s| {
            vec![
                SheetCell::Text(s.code.to_string()),
                SheetCell::Text(s.name.clone()),
                SheetCell::Number(s.adults.into()),
                SheetCell::Number(s.key_percent),
                SheetCell::Number(s.fee),
                SheetCell::Number(s.administration_fee),
                SheetCell::Number(s.total),
            ]
        })
        .collect();
    rows.push(vec![
        SheetCell::Text(if sv { "Summa" } else { "Sum" }.into()),
        SheetCell::Empty,
        SheetCell::Number(shares.iter().map(|s| s.adults).sum::<u64>().into()),
        SheetCell::Empty,
        SheetCell::Number(shares.iter().map(|s| s.fee).sum()),
        SheetCell::Number(shares.iter().map(|s| s.administration_fee).sum()),
        SheetCell::Number(shares.iter().map(|s| s.total).sum()),
    ]);
    let headers = super::invoices::headers(sv);
    rows_to_xlsx(&[SheetRows {
        name: if sv { "Fakturor" } else { "Invoices" }.into(),
        title: super::invoices::heading(allocation, sv),
        headers: headers.map(String::from).to_vec(),
        rows,
    }])
}

/// One table as a sheet: its title, the headers, the rows with their totals, the totals row;
/// counts as numbers, hidden cells `..`.
fn table_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    table: &crate::report::Table,
    sv: bool,
    source: Option<&str>,
) -> Result<(), crate::Error> {
    let failed = |e: rust_xlsxwriter::XlsxError| xlsx_failed(e.to_string());
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let total = if sv { "Totalt" } else { "Total" };
    let sheet = book
        .add_worksheet()
        .set_name(sheet_name(table, sv))
        .map_err(failed)?;
    let write = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, cell: Cell| match cell {
        Cell::Count(n) => sheet.write_number(r, c, n as f64).map(|_| ()),
        Cell::Suppressed => sheet.write_string(r, c, "..").map(|_| ()),
    };
    let heading = if sv { &table.title_sv } else { &table.title_en };
    sheet
        .write_string_with_format(0, 0, heading, &bold)
        .map_err(failed)?;
    let columns = u16::try_from(table.columns.len()).unwrap_or(u16::MAX - 1);
    for (j, c) in table.columns.iter().enumerate() {
        let j = u16::try_from(j + 1).unwrap_or(u16::MAX);
        sheet
            .write_string_with_format(2, j, label(c, sv), &bold)
            .map_err(failed)?;
    }
    sheet
        .write_string_with_format(2, columns + 1, total, &bold)
        .map_err(failed)?;
    let mut r = 3u32;
    for (i, row) in table.rows.iter().enumerate() {
        sheet.write_string(r, 0, label(row, sv)).map_err(failed)?;
        for (j, cell) in table.cells[i].iter().enumerate() {
            let j = u16::try_from(j + 1).unwrap_or(u16::MAX);
            write(sheet, r, j, *cell).map_err(failed)?;
        }
        write(sheet, r, columns + 1, table.row_totals[i]).map_err(failed)?;
        r += 1;
    }
    sheet
        .write_string_with_format(r, 0, total, &bold)
        .map_err(failed)?;
    for (j, cell) in table.column_totals.iter().enumerate() {
        let j = u16::try_from(j + 1).unwrap_or(u16::MAX);
        write(sheet, r, j, *cell).map_err(failed)?;
    }
    write(sheet, r, columns + 1, table.total).map_err(failed)?;
    if let Some(source) = source {
        sheet.write_string(r + 2, 0, source).map_err(failed)?;
    }
    sheet.set_column_width(0, 28).map_err(failed)?;
    Ok(())
}

/// A county's or the nation's compilation as an `.xlsx` workbook: a first sheet with what the
/// Markdown shows besides the compiled tables (the legend, table 1 and the sections, each with
/// its source line), then a sheet per compiled table. Counts and amounts are numbers, hidden
/// ones `..`; the findings apart ([`super::compilation_findings_markdown`]).
pub fn compilation_to_xlsx(
    c: Publishable<'_, crate::chain::Compilation>,
    language: Language,
) -> Result<Vec<u8>, crate::Error> {
    let c = c.get();
    let sv = language == Language::Sv;
    let d = super::document(c, sv);
    let failed = |e: rust_xlsxwriter::XlsxError| xlsx_failed(e.to_string());
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut book = rust_xlsxwriter::Workbook::new();
    let first = book
        .add_worksheet()
        .set_name(if sv {
            "Sammanställning"
        } else {
            "Compilation"
        })
        .map_err(failed)?;
    first
        .write_string_with_format(0, 0, &d.title, &bold)
        .map_err(failed)?;
    let mut rows: Vec<(u32, Vec<(u16, Entry)>)> = Vec::new();
    let mut row = 2u32;
    for line in &d.legend {
        rows.push((row, vec![(0, Entry::Text(line.clone()))]));
        row += 1;
    }
    row += 1;
    for (label, value) in &d.figures {
        rows.push((
            row,
            vec![
                (0, Entry::Text(label.clone())),
                (1, Entry::Value(value.clone())),
            ],
        ));
        row += 1;
    }
    row += 1;
    for (service, municipalities) in &d.services {
        rows.push((
            row,
            vec![
                (0, Entry::Text(service.clone())),
                (1, Entry::Text(municipalities.clone())),
            ],
        ));
        row += 1;
    }
    let grids = std::iter::once((&d.offering, &d.source))
        .chain(d.providers.as_ref().map(|g| (g, &d.source)))
        .chain(d.budget.as_ref().map(|(g, source)| (g, source)))
        .chain(d.sections.iter().map(|s| (s, &d.source)));
    for (s, source) in grids {
        row += 1;
        rows.push((row, vec![(0, Entry::Heading(s.title.clone()))]));
        row += 1;
        let header = s
            .header
            .iter()
            .zip(0u16..)
            .map(|(c, j)| (j, Entry::Heading(c.clone())));
        rows.push((row, header.collect()));
        for (name, values) in &s.rows {
            row += 1;
            let mut cells = vec![(0, Entry::Text(name.clone()))];
            cells.extend(
                values
                    .iter()
                    .zip(1u16..)
                    .map(|(v, j)| (j, Entry::Value(v.clone()))),
            );
            rows.push((row, cells));
        }
        row += 2;
        rows.push((row, vec![(0, Entry::Text(source.clone()))]));
    }
    for (r, cells) in rows {
        for (j, cell) in cells {
            match cell {
                Entry::Text(t) => first.write_string(r, j, t).map(|_| ()).map_err(failed)?,
                Entry::Heading(t) => first
                    .write_string_with_format(r, j, t, &bold)
                    .map(|_| ())
                    .map_err(failed)?,
                Entry::Value(v) => write_value(first, r, j, &v)?,
            }
        }
    }
    first.set_column_width(0, 40).map_err(failed)?;
    for table in &d.tables {
        table_sheet(&mut book, table, sv, Some(&d.source))?;
    }
    about_sheet(&mut book, &crate::publications::About::of_compilation(c))?;
    book.save_to_buffer().map_err(failed)
}

/// The analyst's findings of a compilation as an `.xlsx` workbook of one sheet ("Fynd" or
/// "Findings"): the title, the note that it is not for publication, then each list under its
/// heading, an item a row — what [`super::compilation_findings_markdown`] holds. Not a
/// publication: see [`super::compilation_findings_html`].
///
/// # Errors
/// [`crate::Error::Output`] if the workbook cannot be written.
pub fn compilation_findings_to_xlsx(
    c: &crate::chain::Compilation,
    language: Language,
) -> Result<Vec<u8>, crate::Error> {
    let sv = language == Language::Sv;
    let f = super::compilation::findings(c, sv);
    let failed = |e: rust_xlsxwriter::XlsxError| xlsx_failed(e.to_string());
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book
        .add_worksheet()
        .set_name(if sv { "Fynd" } else { "Findings" })
        .map_err(failed)?;
    sheet
        .write_string_with_format(0, 0, &f.title, &bold)
        .map_err(failed)?;
    sheet.write_string(1, 0, f.note).map_err(failed)?;
    let mut row = 3u32;
    if let Some(none) = f.none {
        sheet.write_string(row, 0, none).map_err(failed)?;
    }
    for (heading, items) in &f.lists {
        sheet
            .write_string_with_format(row, 0, *heading, &bold)
            .map_err(failed)?;
        for item in items {
            row += 1;
            sheet.write_string(row, 0, item).map_err(failed)?;
        }
        row += 2;
    }
    sheet.set_column_width(0, 120).map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}

/// A cell of the compilation's first sheet.
enum Entry {
    Text(String),
    Heading(String),
    Value(super::Value),
}
