#!/usr/bin/env bash
# Times the release `codegen` CLI writing a fresh folder, as a user runs it: `model/`, the
# full FSx reference model (`../shared`, when present) and `model-x16` (when
# `bench/target/model-x16/replicated-16.json` exists: `profile generate-model-x16 1`
# writes it). Prints the median wall time and CPU time (user + sys) of each.
#
# Usage: bench/codegen-speed.sh [RUNS] [--json FILE]   (RUNS default 7)
#   --json FILE   also write one JSON line per model to FILE: its name (`model`,
#                 `fsx-full`, `model-x16`), median wall and CPU ms, runs, files written
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=7
json=""
while [ $# -gt 0 ]; do
    case "$1" in
        --json) json=$2; shift 2 ;;
        *) runs=$1; shift ;;
    esac
done
cargo build --release --quiet -p codegen --manifest-path "$root/Cargo.toml"
bin="$root/target/release/codegen"

# name=path of each model timed.
models=("model=$root/model")
reference="$root/../shared/reference/fsx-2018-03-01.json"
[ -f "$reference" ] && models+=("fsx-full=$reference")
x16="$root/bench/target/model-x16/replicated-16.json"
[ -f "$x16" ] && models+=("model-x16=$x16")
[ -z "$json" ] || : > "$json"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

TIMEFORMAT='%3R %3U %3S'
for entry in "${models[@]}"; do
    name=${entry%%=*} model=${entry#*=}
    : > "$work/times"
    for _ in $(seq "$runs"); do
        { time "$bin" --model "$model" --out "$work/out" --quiet; } 2>> "$work/times"
        files=$(find "$work/out" -type f | wc -l)
        rm -rf "$work/out"
    done
    wall=$(awk '{ print $1 * 1000 }' "$work/times" | median)
    cpu=$(awk '{ print ($2 + $3) * 1000 }' "$work/times" | median)
    echo "$(basename "$model"): wall ${wall} ms, cpu ${cpu} ms (median of $runs)"
    [ -z "$json" ] || printf '{"model":"%s","wall_ms":%s,"cpu_ms":%s,"runs":%s,"files":%s}\n' \
        "$name" "$wall" "$cpu" "$runs" "$files" >> "$json"
done
