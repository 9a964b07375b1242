//! Writing: the report and the compilation as documents (Markdown, HTML for A4, workbooks),
//! rankings and invoices as workbooks, and a submission's flat CSV form.

mod compilation;
mod data;
mod flat;
mod html;
mod markdown;
mod meeting;
#[cfg(feature = "excel")]
mod xlsx;

#[cfg(feature = "excel")]
pub(crate) use compilation::Value;
pub(crate) use compilation::{document, Section};
pub use data::{table_csv, tables_csv, to_json};
pub use flat::to_flat_csv;
pub use html::{compilation_to_html, to_html};
pub use markdown::{compilation_markdown, to_markdown};
pub use meeting::{annual_summary_by_level, meeting_document};
#[cfg(feature = "excel")]
pub use xlsx::{
    compilation_to_xlsx, invoices_to_xlsx, ranking_to_xlsx, report_to_xlsx, rows_to_xlsx,
    SheetCell, SheetRows,
};
