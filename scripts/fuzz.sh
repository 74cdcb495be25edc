#!/usr/bin/env bash
# Builds and runs wf's libFuzzer harnesses, one per way in.
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags]
#       TARGET: parser | check | eval | snapshot | csv | all (each in turn, SECONDS each)
#   scripts/fuzz.sh seed            (re)write the seed corpora only
#   scripts/fuzz.sh triage TARGET   rebuild TARGET and run each of Fuzz/crashes/TARGET/* once
#
# Each harness is a `Fuzz/*Fuzz.swift` main over a target in Tests/WFReliabilityTests/FuzzTargets/
# (the regression tests replay through the very same code), compiled with
# -sanitize=fuzzer,address together with the module sources it needs: SwiftPM cannot give one
# target libFuzzer's main. Module objects are rebuilt only when their sources change.
#
# The first run of a target seeds its corpus (Fuzz/corpus/TARGET, not in git) from the golden
# scripts, a demo snapshot and a CSV export. Runs use libFuzzer's fork mode, so one run goes on
# past a crash and collects every distinct one in Fuzz/crashes/TARGET/. Triage each: copy its
# reproducer to Fuzz/regressions/TARGET/ (CI replays that folder in swift test) and fix the cause.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
target="${1:?usage: scripts/fuzz.sh parser|check|eval|snapshot|csv|all|seed [seconds] [libFuzzer flags]}"
seconds="${2:-300}"
shift $(( $# >= 2 ? 2 : 1 ))
out="$root/.build-fuzz"
mkdir -p "$out"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 5)

# module NAME SOURCES...: compiles a module to an object and a .swiftmodule, unless up to date.
module() {
    local name="$1"; shift
    local object="$out/$name.o"
    if [ -f "$object" ] && [ -z "$(find "$@" -newer "$object" 2>/dev/null | head -1)" ]; then return; fi
    echo "compiling $name" >&2
    swiftc "${flags[@]}" -enable-testing -wmo -emit-module -emit-object -module-name "$name" -I "$out" \
        -emit-module-path "$out/$name.swiftmodule" -o "$object" "$@"
}
sources() { find "Sources/$1" -name '*.swift' | sort; }

# harness TARGET: builds .build-fuzz/fuzz-TARGET.
harness() {
    local t="$1" modules
    case "$t" in
        parser|check) modules=(WFStore WFDomain WFRender WFSnapshot WFLanguage) ;;
        eval) modules=(WFStore WFDomain WFRender WFSnapshot WFLanguage WFGenerator) ;;
        snapshot) modules=(WFStore WFSnapshot) ;;
        csv) modules=(WFStore WFInterchange) ;;
        *) echo "unknown target $t" >&2; exit 2 ;;
    esac
    local objects=()
    for m in "${modules[@]}"; do
        # shellcheck disable=SC2046
        module "$m" $(sources "$m")
        objects+=("$out/$m.o")
    done
    local name main shared=(Tests/WFReliabilityTests/FuzzTargets/FuzzFinding.swift)
    name="$(echo "${t:0:1}" | tr a-z A-Z)${t:1}"
    [ "$t" = csv ] && name=CSV
    main="Fuzz/${name}Fuzz.swift"
    shared+=("Tests/WFReliabilityTests/FuzzTargets/${name}Target.swift")
    [ "$t" = eval ] && shared+=(Tests/WFReliabilityTests/FuzzTargets/ProgramGenerator.swift)
    rm -f "$out/fuzz-$t"
    # The linker warns about every sanitizer helper symbol; those lines say nothing.
    swiftc "${flags[@]}" -I "$out" "$main" "${shared[@]}" "${objects[@]}" -o "$out/fuzz-$t" 2>&1 \
        | { grep -v "Cannot export local symbol" || true; } >&2
    [ -x "$out/fuzz-$t" ]
}

# The wf binary, for making a demo snapshot and export.
wf_binary() {
    if [ ! -x .build/debug/wf ]; then swift build --product wf >&2; fi
    echo "$root/.build/debug/wf"
}

golden() { ls Tests/WFLanguageTests/golden/*.wf Tests/WFLanguageTests/golden/stdlib/*.wf stdlib/*.wf scripts/*.wf 2>/dev/null || true; }

# seed TARGET: fills Fuzz/corpus/TARGET when it is empty.
seed() {
    local t="$1" dir="Fuzz/corpus/$1"
    mkdir -p "$dir"
    [ -n "$(ls -A "$dir")" ] && return
    echo "seeding $dir" >&2
    case "$t" in
        parser|check)
            for f in $(golden); do cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
        eval)
            # Text mode (first byte 0: as is; 2: inside whatif), then generator mode (top bit set).
            for f in $(golden); do
                local base; base="$(basename "$f" .wf)"
                { printf '\x00'; cat "$f"; } > "$dir/text-$base"
                { printf '\x02'; cat "$f"; } > "$dir/whatif-$base"
            done
            for i in $(seq 1 32); do { printf '\x80'; head -c 64 /dev/urandom; } > "$dir/gen-$i"; done ;;
        snapshot)
            local wf; wf="$(wf_binary)"
            "$wf" gen --scale village --seed 1 -o "$dir/village.wfs" > /dev/null
            "$wf" gen --scale village --seed 2 -o "$dir/village2.wfs" > /dev/null ;;
        csv)
            local wf tmp; wf="$(wf_binary)"; tmp="$(mktemp -d)"
            "$wf" gen --scale village --seed 1 -o "$tmp/v.wfs" > /dev/null
            "$wf" export --snapshot "$tmp/v.wfs" --csv "$tmp/csv" --reveal-personal > /dev/null
            # One input holds every file, in schema order, separated by NUL bytes.
            local kinds=(orgs people positions homes trainings contacts assignments ledgers meetings attendances presidia turns evaluations commendations)
            local first=1
            for k in "${kinds[@]}"; do
                [ $first = 1 ] || printf '\x00'
                first=0
                head -c 20000 "$tmp/csv/$k.csv" 2>/dev/null || true
            done > "$dir/village-export"
            head -c 3000 "$tmp/csv/orgs.csv" > "$dir/orgs-only"
            rm -rf "$tmp" ;;
    esac
}

run() {
    local t="$1"; shift
    harness "$t"
    seed "$t"
    mkdir -p "Fuzz/crashes/$t"
    local log="$out/fuzz-$t.log"
    echo "fuzzing $t for ${seconds}s (log: $log)" >&2
    # Fork mode with one job: crashes, timeouts and OOMs are recorded and the run goes on.
    # Leak checking is off for the language targets: a defined function and its frame form a
    # reference cycle (docs/reliability.md), and a leak report ends a job before it gets going.
    local leaks=1
    case "$t" in parser|check|eval) leaks=0 ;; esac
    ASAN_OPTIONS="detect_leaks=$leaks" "$out/fuzz-$t" -detect_leaks=$leaks -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -artifact_prefix="$root/Fuzz/crashes/$t/" \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@" "$root/Fuzz/corpus/$t" > "$log" 2>&1 || true
    grep -E '^#[0-9]+: ' "$log" | tail -1 >&2 || true
    echo "crashes so far in Fuzz/crashes/$t: $(ls "Fuzz/crashes/$t" | wc -l)" >&2
}

# Swift's own crash backtracer adds nothing under ASan and trips it (a read in the shadow gap).
export SWIFT_BACKTRACE=enable=no

triage() {
    local t="$1" f
    harness "$t"
    for f in "Fuzz/crashes/$t"/*; do
        [ -f "$f" ] || continue
        case "$f" in *.log) continue ;; esac
        if ASAN_OPTIONS=detect_leaks=0 timeout -s KILL 120 "$out/fuzz-$t" -timeout=30 -rss_limit_mb=2048 "$f" > "$f.log" 2>&1; then
            echo "passes now: $f"
        else
            echo "FAILS: $f ($(grep -m1 -E 'Fatal error|ERROR|SUMMARY|timeout|out-of-memory' "$f.log" | cut -c1-160))"
        fi
    done
}

case "$target" in
    triage) triage "$seconds" ;;  # scripts/fuzz.sh triage TARGET: the second word is the target
    all) for t in parser check eval snapshot csv; do run "$t" "$@"; done ;;
    seed) for t in parser check eval snapshot csv; do seed "$t"; done ;;
    *) run "$target" "$@" ;;
esac
