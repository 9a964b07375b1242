//! Every integration test of the examples and the `po` command, in one test binary.

mod bundled_data;
mod cli;
mod deviation_histories;
mod language;
mod nation;
mod schemas;
