//! End-to-end tests of the `piano` binary: one test binary, one module per
//! subcommand, shared helpers in [`support`].

mod support;

mod aligned;
mod bad_input;
mod batch;
mod check;
mod debug;
mod diagnostics;
mod docs;
mod extract;
mod fixtures;
mod layouts;
mod ocr;
mod ocr_layer;
mod parquet;
mod pdf;
mod profiles;
mod quality;
mod schema;
mod score;
mod shortfalls;
mod site;
mod text;
mod variants;
