#!/usr/bin/env bash
# The high-dimensional fixed-effects benchmarks of issue 12 ("Speed and memory"), on panels simulated from a seed
# by `panelkit bench --design ...` (see BenchPanels.java):
#   firm-industry-year (default): 200,000 firms x 20 years, 10% of rows dropped at random, each firm in one of
#       20 industries, 5 regressors (about 3.6M rows); model --fe firm,year,industry^year, clustered by firm.
#       Goal: PanelKit end to end <= 0.3 x R, peak RSS <= 1 GB.
#   worker-firm: 2,000,000 workers x 10 years in 100,000 firms, a worker changes firm with probability 0.1 a year,
#       3 regressors (20M rows); model --fe worker,firm,year, clustered by worker. Goal: runs on 24 GB, 2 cores.
# Times, in the same run and on the same CSV:
#   1. PanelKit on in-memory columns (panelkit bench, median of the timed fits after a warm-up; skipped with
#      INMEM_REPS=0, the default for worker-firm),
#   2. PanelKit end to end: ./panelkit fe --data panel.csv ... --format json (wall clock incl. JVM start, median of
#      PK_RUNS runs; peak RSS from /usr/bin/time),
#   3. R (default for firm-industry-year only): data.table::fread + alternating projections with collapse::fwithin over the three terms + lm.fit +
#      clustered SEs (hdfe_reference.R; R_REPS repetitions inside one R process, medians; peak RSS of that process),
# prints PanelKit's and R's x1 estimate and standard error, and the ratios.
# Needs R with data.table and collapse (apt-get install r-cran-data.table r-cran-collapse) unless R_REPS=0.
#
# Usage: releng/bench/run-hdfe-bench.sh [firm-industry-year|worker-firm] [-- extra panelkit bench options]
#   e.g. releng/bench/run-hdfe-bench.sh firm-industry-year -- --entities 20000
# Environment (defaults: firm-industry-year / worker-firm):
#   PK_RUNS     end-to-end PanelKit runs (3 / 1); 0 skips them
#   INMEM_REPS  timed in-memory fits of panelkit bench (3 / 0)
#   R_REPS      repetitions of the R reference (3 / 0); 0 skips R (worker-firm with R_REPS=1: about 9 minutes
#               and 5.4 GB for R alone on the 2-core machine, 161 sweeps)
#   PK_FE_OPTS  extra options for panelkit fe (e.g. "--convention fixest")
#   PANELKIT_JAVA_OPTS  passed to the launcher (default there: -XX:+UseG1GC -XX:InitialRAMPercentage=8, no -Xmx)
#   BENCH_DIR   where the CSV is written (default /tmp/bench-hdfe; the CSV is deleted at the end unless KEEP_CSV=1)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DESIGN="${1:-firm-industry-year}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
case "$DESIGN" in
  firm-industry-year)
    FE="firm,year,industry^year"; CLUSTER="firm"; X="x1,x2,x3,x4,x5"
    PK_RUNS="${PK_RUNS:-3}"; INMEM_REPS="${INMEM_REPS:-3}"; R_REPS="${R_REPS:-3}" ;;
  worker-firm)
    FE="worker,firm,year"; CLUSTER="worker"; X=""
    PK_RUNS="${PK_RUNS:-1}"; INMEM_REPS="${INMEM_REPS:-0}"; R_REPS="${R_REPS:-0}" ;;
  *) echo "usage: $0 [firm-industry-year|worker-firm] [-- panelkit bench options]" >&2; exit 2 ;;
esac
for a in "$@"; do
  case "$a" in --cluster=*) CLUSTER="${a#--cluster=}" ;; esac
done
prev=""
for a in "$@"; do
  [ "$prev" = "--cluster" ] && CLUSTER="$a"
  prev="$a"
done
DIR="${BENCH_DIR:-/tmp/bench-hdfe}"
mkdir -p "$DIR"
CSV="$DIR/$DESIGN.csv"
WORK="$(mktemp -d)"
cleanup() {
  rm -rf "$WORK"
  if [ "${KEEP_CSV:-0}" != 1 ]; then rm -f "$CSV"; fi
}
trap cleanup EXIT
PK="$ROOT/panelkit"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "$0: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== PanelKit: simulate the panel (panelkit bench --design $DESIGN), write $CSV, $INMEM_REPS in-memory fits"
inmem_ok=1
if ! "$PK" bench --design "$DESIGN" --timed-reps "$INMEM_REPS" --write-csv "$CSV" "$@" 2>&1 | tee "$WORK/bench.txt"; then
  inmem_ok=0
fi
[ -s "$CSV" ] || { echo "$0: no CSV written" >&2; exit 1; }
if [ "$inmem_ok" = 0 ]; then
  echo "(in-memory estimation failed; continuing with the CSV)"
fi
echo "csv: $(du -h "$CSV" | cut -f1), $(($(wc -l < "$CSV") - 1)) rows"
if [ -z "$X" ]; then
  X="$(head -1 "$CSV" | tr ',' '\n' | grep -E '^x[0-9]+$' | paste -sd, -)"
fi

pk_wall=""; pk_rss=""
if [ "$PK_RUNS" -gt 0 ]; then
  echo "== PanelKit, CSV to JSON end to end (wall clock incl. JVM start): panelkit fe --data $CSV --y y --x $X --fe $FE --cluster $CLUSTER --format json ${PK_FE_OPTS:-}"
  : > "$WORK/walls"; : > "$WORK/rss"
  for r in $(seq 1 "$PK_RUNS"); do
    # shellcheck disable=SC2086
    if $TIME -f "%e %M" -o "$WORK/time.txt" "$PK" fe --data "$CSV" --y y --x "$X" --fe "$FE" --cluster "$CLUSTER" \
        --format json ${PK_FE_OPTS:-} > "$WORK/out.json" 2> "$WORK/err.txt"; then
      read -r wall rss < <(tail -1 "$WORK/time.txt")
      echo "$wall" >> "$WORK/walls"; echo "$rss" >> "$WORK/rss"
      echo "run $r: wall ${wall}s, peak RSS $((rss / 1024)) MB, $(grep -o '"read_s": [0-9.]*' "$WORK/out.json" || true)," \
           "$(grep -o '"estimate_s": [0-9.]*' "$WORK/out.json" || true), $(grep -o '"fe_rank": [0-9]*' "$WORK/out.json" || true)"
    else
      echo "run $r: panelkit fe failed: $(grep -v '^Command exited' "$WORK/err.txt" | head -3)"
      break
    fi
  done
  if [ -s "$WORK/walls" ]; then
    pk_wall="$(median < "$WORK/walls")"
    pk_rss="$(sort -n "$WORK/rss" | tail -1)"
    est="$(grep -o '"estimate": [-0-9.eE]*' "$WORK/out.json" | head -1 | awk '{print $2}')"
    se="$(grep -o '"std_error": [-0-9.eE]*' "$WORK/out.json" | head -1 | awk '{print $2}')"
    echo "PanelKit x1 estimate $est se $se ($(grep -o '"convention": "[a-z]*"' "$WORK/out.json" | head -1 || echo 'default convention'))"
    tr -d '\n' < "$WORK/out.json" | grep -o '"absorption": *{[^}]*}' | tr -s ' ' || true
  fi
fi

r_total=""; r_rss=""
if [ "$R_REPS" -gt 0 ]; then
  echo "== R: fread + collapse::fwithin alternating projections + lm.fit + SEs clustered by $CLUSTER ($R_REPS reps in one R process)"
  $TIME -f "%e %M" -o "$WORK/rtime.txt" Rscript "$ROOT/releng/bench/hdfe_reference.R" "$CSV" "$DESIGN" "$R_REPS" "$CLUSTER" \
      | tee "$WORK/r.txt"
  read -r r_wall r_rss < <(tail -1 "$WORK/rtime.txt")
  r_total="$(awk '/^R read_s/ {print $7}' "$WORK/r.txt")"
  echo "R process: wall ${r_wall}s (incl. R start, library loading and all $R_REPS reps), peak RSS $((r_rss / 1024)) MB"
fi

echo "== Summary ($DESIGN, $(($(wc -l < "$CSV") - 1)) rows)"
inmem="$(grep -o 'estimate_s median [0-9.]*' "$WORK/bench.txt" | awk '{print $3}' || true)"
[ -n "$inmem" ] && echo "PanelKit in-memory estimation: median ${inmem}s"
if [ -n "$pk_wall" ]; then
  echo "PanelKit CSV to JSON: median ${pk_wall}s (incl. JVM start), peak RSS $((pk_rss / 1024)) MB (goal: <= 1024 MB for firm-industry-year)"
fi
if [ -n "$r_total" ]; then
  echo "R fread + collapse: median ${r_total}s (read + estimate, timed inside R), peak RSS $((r_rss / 1024)) MB"
fi
if [ -n "$pk_wall" ] && [ -n "$r_total" ]; then
  awk -v a="$pk_wall" -v b="$r_total" 'BEGIN { printf "ratio PanelKit / R: %.2f (goal <= 0.3)\n", a / b }'
fi
