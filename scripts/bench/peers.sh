#!/usr/bin/env bash
# The peer benchmark in one command: wf against SQLite, DuckDB and Kùzu on the same data.
#
#   scripts/bench/peers.sh [county|province|nation] [seed]
#   PEERS=duckdb,kuzu scripts/bench/peers.sh nation      # choose the peers
#
# At nation scale the default peers are DuckDB and Kùzu: loading 8.6 M people, 11.7 M positions
# and 33 M ledger rows into SQLite row by row through Python takes over an hour on this machine
# (106 s at province scale, which is 20 times smaller), longer than the whole rest of the run.
#
# Builds wf in release mode, generates a network, exports it to CSV, loads the CSV into each
# peer, runs the reference questions everywhere, checks that the answers agree, and writes
# bench-results/peers-SCALE.md with wf's time divided by each peer's.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale="${1:-province}"
seed="${2:-7}"
work="${TMPDIR:-/tmp}/wf-peers-$scale-$seed"
mkdir -p "$work" bench-results

python3 -c 'import duckdb, kuzu' 2>/dev/null || python3 -m pip install -q duckdb kuzu

swift build -c release --product wf >/dev/null
swift build -c release --product wfbench >/dev/null
bin="$(swift build -c release --show-bin-path)"

[ -f "$work/net.wfs" ] || "$bin/wf" gen --scale "$scale" --seed "$seed" -o "$work/net.wfs"
[ -f "$work/csv/orgs.csv" ] || "$bin/wf" export --snapshot "$work/net.wfs" --csv "$work/csv"

# wf picks the parameters (a county, a person's name, ten congresses to convert) and answers
# the questions itself; the peers then answer the same ones.
"$bin/wfbench" queries "$work/net.wfs" --json "$work/wf.json"
read -r asof county person convert < <(python3 -c "
import json; p = json.load(open('$work/wf.json'))['params']
print(p['as_of'], p['county'], p['person'], ','.join(map(str, p['convert'])))")
default_peers="sqlite,duckdb,kuzu"
[ "$scale" = nation ] && default_peers="duckdb,kuzu"
python3 scripts/bench/peers.py "$work/csv" --as-of "$asof" --county "$county" --person "$person" \
    --convert "$convert" --systems "${PEERS:-$default_peers}" --out "$work/peers.json" \
    --wf "$bin/wf" --snapshot "$work/net.wfs"
python3 scripts/bench/report.py "$work/wf.json" "$work/peers.json" --scale "$scale" > "bench-results/peers-$scale.md"
cat "bench-results/peers-$scale.md"
