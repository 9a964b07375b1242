//! Every integration test of po-core, in one test binary (one link, one optimised build of the
//! tests: the test command builds in release).

mod code_lists;
mod eligibility;
mod eligibility_batch;
mod import;
mod import_frame;
mod limits;
mod money;
mod priority;
mod published;
mod report;
mod submission;
mod workbook;
