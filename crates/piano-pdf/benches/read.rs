//! Pages per second of `read_pdf` on the producer fixtures (one thread).

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FILES: [&str; 3] = [
    "portoferraio-2021.libreoffice.pdf",
    "portoferraio-2021.chromium.pdf",
    "san-vincenzo-2023.qpdf.pdf",
];

fn read(c: &mut Criterion) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut group = c.benchmark_group("read_pdf");
    for name in FILES {
        let bytes = std::fs::read(folder.join(name)).expect("fixture PDF exists");
        let pages = piano_pdf::read_pdf(&bytes)
            .expect("fixture reads")
            .pages
            .unwrap_or(1);
        group.throughput(Throughput::Elements(u64::from(pages)));
        group.bench_function(name, |b| b.iter(|| piano_pdf::read_pdf(&bytes)));
    }
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
