#!/usr/bin/env bash
# Checks the ./panelkit launcher's class-data sharing archive (the launcher's PANELKIT_CDS): made by the first run
# after a build, used by the next runs (PanelKit's classes come from the archive), re-made when the build changes,
# not used with PANELKIT_CDS=0, and never changing a result. Needs a built CLI (bundles/org.panelkit.cli/target/lib).
# Usage: releng/ci/launcher-check.sh      (exit 0: all checks passed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PK="$ROOT/panelkit"
CDS_DIR="$ROOT/bundles/org.panelkit.cli/target/cds"
fail() { echo "launcher-check: FAILED: $*" >&2; exit 1; }
shared() { # how many org.panelkit classes came from the archive in a run of "$@"
  PANELKIT_JAVA_OPTS="-XX:+UseG1GC -Xlog:class+load=info" "$@" 2>/dev/null \
    | grep -c 'org\.panelkit\..* source: shared objects file' || true
}
run=(fe --data @produc --y ln_gsp --x ln_pcap,ln_pc,ln_emp,unemp --entity state --time year --format json)

rm -rf "$CDS_DIR"
"$PK" --version >/dev/null
archives=("$CDS_DIR"/*.jsa)
[ -f "${archives[0]}" ] || fail "the first run wrote no archive in $CDS_DIR"
n="$(shared "$PK" "${run[@]}")"
[ "$n" -gt 20 ] || fail "only $n PanelKit classes from the archive"
[ "$(shared env PANELKIT_CDS=0 "$PK" "${run[@]}")" = 0 ] || fail "PANELKIT_CDS=0 still used the archive"
with="$("$PK" "${run[@]}" | grep -v '_s"')"          # the timing fields differ run to run
without="$(PANELKIT_CDS=0 "$PK" "${run[@]}" | grep -v '_s"')"
[ "$with" = "$without" ] || fail "the output differs with and without the archive"
before="$(stat -c %Y "${archives[0]}")"
sleep 1
touch "$ROOT"/bundles/org.panelkit.cli/target/lib/org.panelkit.cli-*.jar
"$PK" --version >/dev/null
[ "$(stat -c %Y "${archives[0]}")" -gt "$before" ] || fail "the archive was not re-made after the build changed"
echo "launcher-check: OK ($n PanelKit classes from the class-data sharing archive; same output without it)"
