//! Parse throughput on the bundled fixture dump: bytes in, plan out.
//!
//! `read_text` (piano-text: decoding and splitting into cells) and
//! `parse_text` (reading and parsing) are measured separately, in bytes per
//! second of input.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use piano_model::{Source, SourceFormat};

fn fixture() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/portoferraio-2021.txt");
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn parse(c: &mut Criterion) {
    let bytes = fixture();
    let mut group = c.benchmark_group("portoferraio-2021");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("read_text", |b| {
        b.iter(|| piano_text::read_text(black_box(&bytes)))
    });
    group.bench_function("parse_text", |b| {
        b.iter(|| {
            let bytes = black_box(&bytes);
            let layout = piano_text::read_text(bytes).map(|layout| {
                let source = Source::from_bytes("portoferraio-2021.txt", bytes, SourceFormat::Text);
                piano_parse::parse(layout, source)
            });
            black_box(layout)
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
