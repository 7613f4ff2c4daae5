//! Time of the generator, in process, up to the formatted files (nothing written):
//! `model/`, the full FSx reference model (all 48 operations), and `model/` replicated
//! [`REPLICAS`] times (see `bench/README.md` for why that size).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use fsx_bench::models;

/// Copies of `model/` in the large synthetic model.
const REPLICAS: usize = 16;

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    bench_model(&mut group, "model", &models::our_model());
    if let Some(reference) = models::reference_model() {
        bench_model(&mut group, "fsx-full", &reference);
    }
    let dir = std::env::temp_dir().join(format!("fsx-bench-models-{}", std::process::id()));
    let replicated = std::fs::create_dir_all(&dir)
        .and_then(|()| models::replicated_model(REPLICAS, &dir))
        .unwrap_or_else(|e| panic!("synthetic model: {e}"));
    bench_model(&mut group, &format!("model-x{REPLICAS}"), &replicated);
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Times `Config::render` on one model; throughput is the number of files generated.
fn bench_model(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    label: &str,
    model: &Path,
) {
    let config = codegen::Config::new().model(model);
    let files = config
        .render()
        .unwrap_or_else(|e| panic!("{label}: generation failed: {e}"));
    group.throughput(Throughput::Elements(files.len() as u64));
    group.bench_function(label, |b| b.iter(|| black_box(&config).render()));
}

criterion_group!(benches, render);
criterion_main!(benches);
