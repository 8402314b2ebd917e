#!/usr/bin/env bash
# The Panel Regression node's speed inside KNIME (issue 9): runs RegressionNodeBenchmark (bundles/
# org.panelkit.knime.tests) in the KNIME SDK's core (../shared/knime-sdk, 5.7.0 unless KNIME_SDK=5.11.0) with the
# heaps given (default: 8g, where KNIME keeps the tables in memory, and 2g, where it spills them to disk), on the
# issue-2 panel (ENTITIES x YEARS, default 200000 x 20, 10% of rows dropped: 3.6M rows). Prints the node's time
# with default settings and with residuals appended, the engine's time on the same columns, and their ratios;
# the lines are also appended to bundles/org.panelkit.knime.tests/target/knime-bench.txt.
#   releng/bench/run-knime-bench.sh [HEAP ...]      e.g. releng/bench/run-knime-bench.sh 8g 2g
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ENTITIES="${ENTITIES:-200000}"
YEARS="${YEARS:-20}"
REPS="${REPS:-3}"
SDK="${KNIME_SDK:-5.7.0}"
extra=()
if [ "$SDK" != "5.7.0" ]; then extra=(-Dknime.sdk="$SDK" -Dknime.sdk.ee=JavaSE-21 -Dknime.test.jvm.extra=--enable-native-access=ALL-UNNAMED); fi
[ -f "../shared/knime-sdk/$SDK/repository/content.jar" ] || { echo "run-knime-bench: needs ../shared/knime-sdk/$SDK" >&2; exit 2; }
heaps=("$@"); [ ${#heaps[@]} -gt 0 ] || heaps=(8g 2g)
rm -f bundles/org.panelkit.knime.tests/target/knime-bench.txt
for heap in "${heaps[@]}"; do
  echo "run-knime-bench: heap $heap, $ENTITIES x $YEARS, KNIME $SDK"
  ./mvnw -q verify -pl bundles/org.panelkit.engine,bundles/org.panelkit.knime.support,bundles/org.panelkit.knime,bundles/org.panelkit.knime.tests \
    -Dtest=RegressionNodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dknime.test.xmx="$heap" \
    -Dknime.test.jvm.extra="-Dbench.entities=$ENTITIES -Dbench.years=$YEARS -Dbench.reps=$REPS ${extra[*]:+}" "${extra[@]}" \
    | grep '^knime-bench:' || true
done
cat bundles/org.panelkit.knime.tests/target/knime-bench.txt
