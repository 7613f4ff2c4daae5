//! The generated crate against aws-sdk-fsx on the same bytes, in one run: parsing
//! CopyBackup responses, one whole call, and sending inputs small and large.
//!
//! Benchmark IDs are `<group>/<side>/<how>`: `ours/parse_response` is the operation's
//! public parser alone, `ours/client` and `aws/client` a whole call through each
//! side's client (request built, sent to an in-memory HTTP client, response parsed).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use fsx_bench::{aws, check_same_reading, fixture, ours, runtime, RESPONSE_FIXTURES};

/// Parse each response fixture: MB/s of response body.
fn parse(c: &mut Criterion) {
    let rt = runtime();
    let mut group = c.benchmark_group("parse");
    for (label, file) in RESPONSE_FIXTURES {
        let Some(body) = fixture(file) else { return };
        check_same_reading(&body, &rt);
        group.throughput(Throughput::Bytes(body.len() as u64));

        let response = ours::response(&body);
        group.bench_with_input(
            BenchmarkId::new("ours/parse_response", label),
            &response,
            |b, r| b.iter(|| ours::parse(black_box(r))),
        );

        let client = ours::client(&body);
        let input = ours::example_input();
        group.bench_function(BenchmarkId::new("ours/client", label), |b| {
            b.iter(|| rt.block_on(ours::call(&client, black_box(input.clone()))))
        });

        let client = aws::client(&body);
        let request = aws::example_input(&client);
        group.bench_function(BenchmarkId::new("aws/client", label), |b| {
            b.iter(|| rt.block_on(aws::call(black_box(request.clone()))))
        });
    }
    group.finish();
}

/// One whole call with the API doc's example request and response: calls per second.
fn call(c: &mut Criterion) {
    let Some(body) = fixture("copy-backup-response.example.json") else {
        return;
    };
    let rt = runtime();
    let mut group = c.benchmark_group("call");
    group.throughput(Throughput::Elements(1));

    let client = ours::client(&body);
    group.bench_function("ours/client", |b| {
        b.iter(|| rt.block_on(ours::call(&client, black_box(ours::example_input()))))
    });

    let client = aws::client(&body);
    group.bench_function("aws/client", |b| {
        b.iter(|| rt.block_on(aws::call(aws::example_input(black_box(&client)))))
    });
    group.finish();
}

type OursInput = fn() -> fsx::operation::copy_backup::CopyBackupInput;
type AwsInput = fn(
    &aws_sdk_fsx::Client,
) -> aws_sdk_fsx::operation::copy_backup::builders::CopyBackupFluentBuilder;

/// Sending the example input and a large one (50 tags of 256 characters). aws-sdk-fsx
/// keeps its serializers private, so both sides are timed through a whole call whose
/// response is `{}`; ours is also timed building the request alone.
fn serialize(c: &mut Criterion) {
    let rt = runtime();
    let empty = b"{}";
    let tokens = || "a-fixed-idempotency-token-0001".to_owned();
    let mut group = c.benchmark_group("serialize");
    let inputs: [(&str, OursInput, AwsInput); 2] = [
        ("example", ours::example_input, aws::example_input),
        ("large", ours::large_input, aws::large_input),
    ];
    for (label, our_input, aws_input) in inputs {
        let input = our_input();
        let request = fsx::operation::copy_backup::CopyBackup::request(input.clone(), &tokens)
            .unwrap_or_else(|e| panic!("ours: request: {e}"));
        group.throughput(Throughput::Bytes(request.body().len() as u64));

        group.bench_with_input(
            BenchmarkId::new("ours/request", label),
            &input,
            |b, input| {
                b.iter(|| {
                    fsx::operation::copy_backup::CopyBackup::request(
                        black_box(input.clone()),
                        &tokens,
                    )
                })
            },
        );

        let client = ours::client(empty);
        group.bench_with_input(
            BenchmarkId::new("ours/client", label),
            &input,
            |b, input| b.iter(|| rt.block_on(ours::call(&client, black_box(input.clone())))),
        );

        let client = aws::client(empty);
        let request = aws_input(&client);
        group.bench_function(BenchmarkId::new("aws/client", label), |b| {
            b.iter(|| rt.block_on(aws::call(black_box(request.clone()))))
        });
    }
    group.finish();
}

criterion_group!(benches, parse, call, serialize);
criterion_main!(benches);
