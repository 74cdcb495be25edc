#!/usr/bin/env bash
# Builds and runs a libFuzzer harness over wf's modules.
#
#   scripts/fuzz.sh snapshot|csv [seconds] [extra libFuzzer flags]
#
# Each harness is compiled with -sanitize=fuzzer,address from the module sources it needs
# (SwiftPM cannot give one target the fuzzer's main). Crashes land in Fuzz/crashes/TARGET/;
# add each one to the regression corpus Fuzz/corpus/TARGET/ after fixing it: CI replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh snapshot|csv [seconds]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
out=".build-fuzz"
mkdir -p "$out" "Fuzz/corpus/$target" "Fuzz/crashes/$target"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 5)

module() { # name sources...
    local name="$1"; shift
    swiftc "${flags[@]}" -wmo -emit-module -emit-object -module-name "$name" -I "$out" \
        -emit-module-path "$out/$name.swiftmodule" -o "$out/$name.o" "$@"
}
module WFStore $(find Sources/WFStore -name '*.swift')
case "$target" in
    snapshot)
        module WFSnapshot Sources/WFSnapshot/*.swift
        deps=("$out/WFStore.o" "$out/WFSnapshot.o"); main=Fuzz/SnapshotFuzz.swift ;;
    csv)
        module WFInterchange Sources/WFInterchange/*.swift
        deps=("$out/WFStore.o" "$out/WFInterchange.o"); main=Fuzz/CSVFuzz.swift ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
swiftc "${flags[@]}" -I "$out" "$main" "${deps[@]}" -o "$out/fuzz-$target"
"$out/fuzz-$target" -max_total_time="$seconds" -artifact_prefix="Fuzz/crashes/$target/" -rss_limit_mb=2048 \
    -timeout=10 "$@" "Fuzz/corpus/$target"
