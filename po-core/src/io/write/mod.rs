//! Writing: the report and the compilation as documents (Markdown, HTML for A4, workbooks),
//! rankings and invoices as workbooks, and a submission's flat CSV form.

mod compilation;
mod data;
mod document;
mod flat;
mod html;
mod invoices;
mod markdown;
mod meeting;
#[cfg(feature = "excel")]
mod xlsx;

pub(crate) use compilation::document;
pub(crate) use compilation::Value;
pub use data::{about_csv, table_csv, tables_csv, to_json};

/// Problems as a reader is shown them in `language`: at most
/// [`crate::input::SHOWN_PER_KIND`] of each kind, then how many more (what the command prints
/// and the documents list; every problem stays in the list a program reads).
pub fn problem_lines(problems: &[crate::input::Problem], language: crate::Language) -> Vec<String> {
    crate::io::text::problem_lines(problems, language == crate::Language::Sv)
}
/// A finding of a compilation as a reader is shown it in `language`: "PO X (file): reason",
/// the reason in Swedish in Swedish (what the command prints and the documents list).
pub fn finding_line(finding: &crate::chain::ChainFinding, language: crate::Language) -> String {
    crate::io::reasons::finding(finding, language == crate::Language::Sv)
}
/// A message po-core words in English once — an error's `Display`, a line of `po audit`'s
/// account of how the documents relate ([`crate::publications::FamilyAudit::links`]) — in
/// `language`: in Swedish through the one list of reason templates; a message no template
/// words (a file's own text) is shown as it is.
pub fn message_in(message: &str, language: crate::Language) -> String {
    match language {
        crate::Language::Sv => crate::io::reasons::in_swedish(message),
        crate::Language::En => message.to_owned(),
    }
}
pub use flat::to_flat_csv;
pub use html::{compilation_findings_html, compilation_to_html, to_html};
pub use invoices::{allocation_csv, allocation_markdown};
pub use markdown::{compilation_findings_markdown, compilation_markdown, to_markdown};
pub use meeting::{
    annual_summary_by_level, annual_summary_by_level_with_ledger, meeting_document,
    meeting_document_with_ledger,
};
#[cfg(feature = "excel")]
pub use xlsx::{
    compilation_findings_to_xlsx, compilation_to_xlsx, invoices_to_xlsx, ranking_to_xlsx,
    report_to_xlsx, rows_to_xlsx, SheetCell, SheetRows,
};
