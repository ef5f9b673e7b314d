//! Any bytes as the body of `POST /graphql`: read as one operation or a batch, each document
//! parsed and checked against every audience's limits. Nothing may panic, loop or blow the
//! stack (the parser's recursion limit must hold).
#![no_main]

libfuzzer_sys::fuzz_target!(|body: &[u8]| {
    mofa_graph::fuzzing::check_body(body);
});
