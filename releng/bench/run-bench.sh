#!/usr/bin/env bash
# The fixed-effects benchmark of issue 2: 200,000 entities x 20 years, 10% of rows dropped at random,
# 5 regressors, two-way fixed effects, standard errors clustered by entity (about 3.6M rows).
# Times, in the same run and on the same data:
#   1. PanelKit estimation on in-memory columns (panelkit bench: median of several fits after a warm-up),
#   2. PanelKit end to end: ./panelkit fe --data panel.csv --format json (wall clock incl. JVM start; peak RSS),
#   3. R: data.table::fread + collapse::fhdwithin + lm.fit + clustered SEs (fe_reference.R),
# and prints the ratios. Needs R with data.table and collapse (apt-get install r-cran-data.table r-cran-collapse).
# Usage: releng/bench/run-bench.sh [entities] [periods] [reps]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENTITIES="${1:-200000}"; PERIODS="${2:-20}"; REPS="${3:-5}"
DIR="$(mktemp -d)"; trap 'rm -rf "$DIR"' EXIT
PK="$ROOT/panelkit"

echo "== PanelKit, in-memory columns"
"$PK" bench --entities "$ENTITIES" --periods "$PERIODS" --timed-reps "$REPS" --write-csv "$DIR/panel.csv" | tee "$DIR/bench.txt"

echo "== PanelKit, CSV to JSON end to end (wall clock incl. JVM start)"
walls=()
for r in $(seq 1 3); do
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$PK" fe --data "$DIR/panel.csv" --y y --x x1,x2,x3,x4,x5 \
      --entity id --time year --format json > "$DIR/out.json"
  read -r wall rss < "$DIR/time.txt"
  walls+=("$wall")
  echo "run $r: wall ${wall}s, peak RSS $((rss / 1024)) MB, $(grep -o '"read_s": [0-9.]*' "$DIR/out.json"), $(grep -o '"estimate_s": [0-9.]*' "$DIR/out.json")"
done
pk_wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
pk_est=$(grep -o 'estimate_s median [0-9.]*' "$DIR/bench.txt" | awk '{print $3}')

echo "== R: fread + collapse"
Rscript "$ROOT/releng/bench/fe_reference.R" "$DIR/panel.csv" 3 | tee "$DIR/r.txt"
r_total=$(awk '/R read_s/ {print $7}' "$DIR/r.txt")
r_est=$(awk '/R read_s/ {print $5}' "$DIR/r.txt")

echo "== Ratios (medians)"
awk -v a="$pk_est" -v b="$r_est" 'BEGIN { printf "estimation: PanelKit %.3fs vs R collapse %.3fs -> %.2fx faster\n", a, b, b / a }'
awk -v a="$pk_wall" -v b="$r_total" 'BEGIN { printf "CSV to result: PanelKit %.3fs (incl. JVM start) vs R fread+collapse %.3fs -> ratio %.2f (target <= 0.5)\n", a, b, a / b }'
