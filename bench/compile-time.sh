#!/usr/bin/env bash
# Clean debug builds, dependencies included, of the generated crate (a copy of
# generated/), of the crate of the full FSx reference model (written by the release
# codegen CLI from ../shared/reference/fsx-2018-03-01.json, when present) and of a
# one-line crate using aws-sdk-fsx with the version and features the benchmarks use, in
# one run; prints the seconds of each and their ratios.
#
# Usage: bench/compile-time.sh [--ours-runs N] [--full-runs N] [--aws-default-features] [--json FILE]
#   --ours-runs N            build ours N times and keep the median (default 3)
#   --full-runs N            the same for the full-FSx crate (default 1)
#   --aws-default-features   also time aws-sdk-fsx with its default features (its HTTPS
#                            client: rustls, aws-lc); takes minutes
#   --json FILE              also write the figures to FILE
#
# Every build is a dependency's build, as users get it: cargo compiles a crate from a
# registry (aws-sdk-fsx here, or ours vendored with `cargo vendor`) without incremental
# compilation, so the builds run with CARGO_INCREMENTAL=0 and both sides are measured the
# same way. The generated crate is also built incrementally (cargo's default for a
# workspace member or a path dependency, and how this script measured it before
# 2026-12-04), for the comparison with the figures of that time.
#
# All builds read the versions locked in bench/Cargo.lock and run offline: run
# `cargo fetch` in bench/ once first (bench/run does).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ours_runs=3
full_runs=1
aws_default=false
json=""
while [ $# -gt 0 ]; do
    case "$1" in
        --ours-runs) ours_runs=$2; shift 2 ;;
        --full-runs) full_runs=$2; shift 2 ;;
        --aws-default-features) aws_default=true; shift ;;
        --json) json=$2; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

aws_version=$(sed -n 's/^aws-sdk-fsx = { version = "=\([^"]*\)".*/\1/p' "$here/Cargo.toml")
[ -n "$aws_version" ] || { echo "no pinned aws-sdk-fsx version in bench/Cargo.toml" >&2; exit 1; }

# A crate depending on aws-sdk-fsx and using its client, so that nothing is left out.
aws_crate() { # name features-line
    mkdir -p "$work/$1/src"
    cat > "$work/$1/Cargo.toml" <<EOF
[package]
name = "$1"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
aws-sdk-fsx = { version = "=$aws_version", $2 }
EOF
    echo 'pub use aws_sdk_fsx::Client;' > "$work/$1/src/lib.rs"
    cp "$here/Cargo.lock" "$work/$1/Cargo.lock"
}

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

# Seconds of a clean `cargo build` (debug) of the crate in $work/$1, without incremental
# compilation unless $incremental is 1.
incremental=0
clean_build() {
    local dir="$work/$1" target="$work/target-$1"
    rm -rf "$target"
    local start end
    start=$(date +%s.%N)
    (cd "$dir" && CARGO_INCREMENTAL=$incremental CARGO_TARGET_DIR="$target" cargo build --offline --quiet)
    end=$(date +%s.%N)
    rm -rf "$target"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}

cp -r "$here/../generated" "$work/fsx"
rm -rf "$work/fsx/target"
cp "$here/Cargo.lock" "$work/fsx/Cargo.lock"
aws_crate aws-user 'default-features = false, features = ["rt-tokio", "behavior-version-latest"]'

# N clean builds of the crate in $work/$1: their seconds, one a line, in $work/$1.times.
builds() { # crate runs
    : > "$work/$1.times"
    for _ in $(seq "$2"); do
        clean_build "$1" >> "$work/$1.times"
        echo >> "$work/$1.times"
    done
}
median() { sort -n "$1" | sed -n "$(( ($(wc -l < "$1") + 1) / 2 ))p"; }
runs_of() { paste -sd, "$1"; }

builds fsx "$ours_runs"
ours=$(median "$work/fsx.times")
ours_times=$(runs_of "$work/fsx.times")
echo "generated crate (fsx), clean debug build: ${ours} s (runs: ${ours_times})"
incremental=1
builds fsx "$ours_runs"
incremental=0
ours_incremental=$(median "$work/fsx.times")
ours_incremental_times=$(runs_of "$work/fsx.times")
echo "generated crate (fsx), clean debug build, incremental: ${ours_incremental} s (runs: ${ours_incremental_times})"

reference="$here/../../shared/reference/fsx-2018-03-01.json"
full=null full_times=
if [ -f "$reference" ]; then
    cargo build --release --quiet -p codegen --manifest-path "$here/../Cargo.toml"
    "$here/../target/release/codegen" --model "$reference" --out "$work/fsx-full" --quiet
    cp "$here/Cargo.lock" "$work/fsx-full/Cargo.lock"
    builds fsx-full "$full_runs"
    full=$(median "$work/fsx-full.times")
    full_times=$(runs_of "$work/fsx-full.times")
    echo "full-FSx crate, clean debug build: ${full} s (runs: ${full_times})"
fi

aws=$(clean_build aws-user)
ratio=$(div "$aws" "$ours")
echo "aws-sdk-fsx $aws_version (rt-tokio, no HTTPS client), clean debug build: ${aws} s"
echo "ratio aws-sdk-fsx / ours: ${ratio}x"
[ "$full" = null ] || echo "full-FSx crate / aws-sdk-fsx: $(awk -v a="$full" -v b="$aws" 'BEGIN { printf "%.2f", a / b }')"

aws_default_s=null
if $aws_default; then
    aws_crate aws-user-default 'features = ["behavior-version-latest"]'
    aws_default_s=$(clean_build aws-user-default)
    echo "aws-sdk-fsx $aws_version (default features), clean debug build: ${aws_default_s} s" \
        "($(div "$aws_default_s" "$ours")x ours)"
fi

if [ -n "$json" ]; then
    printf '{"ours_s":%s,"ours_runs":[%s],"ours_incremental_s":%s,"ours_incremental_runs":[%s],"fsx_full_s":%s,"fsx_full_runs":[%s],"aws_s":%s,"aws_default_features_s":%s,"aws_version":"%s"}\n' \
        "$ours" "$ours_times" "$ours_incremental" "$ours_incremental_times" "$full" "$full_times" \
        "$aws" "$aws_default_s" "$aws_version" > "$json"
fi
