#!/usr/bin/env bash
# `cargo build` of the generated bindings (`bindings/`, package `fsx`, whose build script
# regenerates `generated/` from `model/`) after a one-line model change, and with nothing
# changed, as a user of the workspace runs it (debug, the workspace's profiles).
#
# In a scratch copy of the project (bench/target/rebuild-time/, kept between runs so only
# the first run compiles the generator and its dependencies): build once, then per run
# edit one documentation string in model/backup.json and build again, timing the build
# script's run (`--timings`, cargo's `run-custom-build` unit of `fsx`) and the whole
# build; then build with nothing changed and count the units cargo did not find fresh.
#
# Usage: bench/rebuild-time.sh [--runs N] [--json FILE]   (N default 3; the median)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=3
json=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --json) json=$2; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

scratch="$root/bench/target/rebuild-time"
[ -z "$json" ] || json=$(realpath "$json")
src="$scratch/src"
export CARGO_TARGET_DIR="$scratch/target"
rm -rf "$src"
mkdir -p "$src"
# tar keeps the files' times, so what did not change stays fresh in the kept target.
tar -C "$root" --exclude=./target --exclude=./.git --exclude=./bench --exclude=./fuzz \
    -cf - . | tar -C "$src" -xf -
cd "$src"

build() { cargo build --offline -p fsx "$@"; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

build --quiet
model=model/backup.json
grep -q '"smithy.api#documentation": "Unique identifier of this backup' "$model" ||
    { echo "$model: no documentation line to edit" >&2; exit 1; }

: > "$scratch/regen" ; : > "$scratch/whole"
for run in $(seq "$runs"); do
    # One line of the model: the backup ID's documentation gets a new last sentence.
    sed -i "s/\"smithy.api#documentation\": \"Unique identifier of this backup[^\"]*\"/\"smithy.api#documentation\": \"Unique identifier of this backup. Edit $run.\"/" "$model"
    rm -rf "$CARGO_TARGET_DIR/cargo-timings"
    start=$(date +%s.%N)
    build --quiet --timings 2> /dev/null
    end=$(date +%s.%N)
    grep -rq "Edit $run\." generated/src || { echo "generated/ was not regenerated" >&2; exit 1; }
    # The HTML report's UNIT_DATA: one object per unit, with its mode and duration.
    regen=$(awk '/^const UNIT_DATA = \[/ { p = 1; print "["; next } p && /^\];/ { print "]"; exit } p' \
        "$CARGO_TARGET_DIR/cargo-timings/cargo-timing.html" |
        jq '[.[] | select(.name == "fsx" and .mode == "run-custom-build") | .duration] | first')
    [ "$regen" != null ] || { echo "no run of fsx's build script in the timings" >&2; exit 1; }
    echo "$regen" >> "$scratch/regen"
    seconds "$start" "$end" >> "$scratch/whole"
    echo "run $run: build script (regeneration) ${regen} s, whole build $(tail -1 "$scratch/whole") s"
done
regen=$(median < "$scratch/regen")
whole=$(median < "$scratch/whole")

# Nothing changed: every unit fresh, the build script not run.
start=$(date +%s.%N)
log=$(build -v 2>&1)
end=$(date +%s.%N)
noop=$(seconds "$start" "$end")
not_fresh=$(grep -cE '^ *(Compiling|Running|Dirty) ' <<< "$log" || true)
echo "after a one-line model change: build script ${regen} s, whole build ${whole} s (median of $runs)"
echo "nothing changed: ${noop} s, ${not_fresh} unit(s) rebuilt or run"

if [ -n "$json" ]; then
    printf '{"regenerate_s":%s,"regenerate_runs":[%s],"build_s":%s,"noop_s":%s,"noop_units_run":%s,"runs":%s}\n' \
        "$regen" "$(paste -sd, "$scratch/regen")" "$whole" "$noop" "$not_fresh" "$runs" > "$json"
fi
