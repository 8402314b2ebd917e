#!/usr/bin/env bash
# Runs the PanelKit example workflows headless with KNIME's batch application (docs/batch.md).
#
#   workflows/batch/run-knime-batch.sh [options] [-- extra KNIME arguments]
#
#   --knime PATH        KNIME executable (default: $KNIME_EXECUTABLE, else $KNIME_HOME/knime, else `knime` on PATH)
#   --workflow NAME     a workflow folder name, or 1 2 3 4 5 all-in-one, or all (default); repeatable
#   --data FILE|URL     raw study-shaped CSV: a local file (turned into a file: URL) or a URL KNIME reads
#                       (default: the synthetic data inside each workflow, knime://knime.workflow/data/...)
#   --break-year YEAR   first post-shock year of Table 3 (default 2017)
#   --se-type TYPE      standard errors: CLUSTER (default), IID, HC0, HC1, CR0, CR2, TWOWAY, DRISCOLL_KRAAY
#                       (the ./panelkit spellings cluster, iid, hc0, hc1, cr0, cr2, twoway, dk also work)
#   --testflows         run the testflows (workflows/testflows/<name>: the same workflows plus a Table Difference
#                       Checker per model; they need the KNIME Testing Framework) instead of the examples
#   --dest DIR          save each executed workflow as DIR/<name>.knwf (default: do not save)
#   --folder            run the unpacked folder (a temporary copy) instead of the .knwf archive
#   --workspace DIR     Eclipse workspace of the batch run (default: a fresh temporary folder)
#   --dry-run           print the KNIME command lines, run nothing
#
# Exit code: 0 when every workflow ran, else the largest exit code of KNIME's batch executor:
#   2 bad or missing arguments, 3 the workflow could not be loaded, 4 a node failed during execution
#   (for the testflows: also a Table Difference Checker finding results that differ from data/expected),
#   5 (KNIME 5.9 and later) the KNIME Batch Executor extension is not installed.
# The command lines are printed as a shell would need them: arguments holding commas or quotes in single quotes,
# e.g. -workflow.variable='data_path,"file:///data/raw.csv",String' (KNIME itself splits the value at commas
# outside its own quotes).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORKFLOWS="$(cd "$HERE/.." && pwd)"
ALL=(PanelKit_Study_1_Benchmark PanelKit_Study_2_Robustness PanelKit_Study_3_Trade_Shock
     PanelKit_Study_4_Regional_Heterogeneity PanelKit_Study_5_Mechanisms PanelKit_Study_All)

knime="${KNIME_EXECUTABLE:-}"
selected=()
data=""
break_year=2017
se_type=CLUSTER
dest=""
use_folder=0
testflows=0
workspace=""
dry_run=0
extra=()

die() { echo "run-knime-batch: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --knime) knime="${2:?--knime needs a path}"; shift 2 ;;
    --workflow) selected+=("${2:?--workflow needs a name}"); shift 2 ;;
    --data) data="${2:?--data needs a file or URL}"; shift 2 ;;
    --break-year) break_year="${2:?--break-year needs a year}"; shift 2 ;;
    --se-type) se_type="${2:?--se-type needs a type}"; shift 2 ;;
    --dest) dest="${2:?--dest needs a folder}"; shift 2 ;;
    --folder) use_folder=1; shift ;;
    --testflows) testflows=1; use_folder=1; shift ;;
    --workspace) workspace="${2:?--workspace needs a folder}"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

[[ "$break_year" =~ ^[0-9]{4}$ ]] || die "--break-year must be a year, got '$break_year'"

case "$(printf '%s' "$se_type" | tr '[:lower:]' '[:upper:]')" in
  IID|HC0|HC1|CR0|CLUSTER|CR2|TWOWAY) se_type="$(printf '%s' "$se_type" | tr '[:lower:]' '[:upper:]')" ;;
  DK|DRISCOLL_KRAAY) se_type=DRISCOLL_KRAAY ;;
  *) die "--se-type must be one of IID HC0 HC1 CR0 CLUSTER CR2 TWOWAY DRISCOLL_KRAAY, got '$se_type'" ;;
esac

# the data_path variable is a URL (String to Path on the Custom/KNIME URL file system)
if [ -n "$data" ]; then
  case "$data" in
    knime:*|file:*|http:*|https:*) data_url="$data" ;;
    *)
      [ -f "$data" ] || die "--data: no file '$data'"
      abs="$(cd "$(dirname "$data")" && pwd)/$(basename "$data")"
      data_url="file://$(printf '%s' "$abs" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g')"
      ;;
  esac
else
  data_url="knime://knime.workflow/data/synthetic_study_raw.csv"
fi

if [ ${#selected[@]} -eq 0 ] || [ "${selected[0]}" = all ]; then
  selected=("${ALL[@]}")
fi
resolved=()
for w in "${selected[@]}"; do
  case "$w" in
    1) resolved+=(PanelKit_Study_1_Benchmark) ;;
    2) resolved+=(PanelKit_Study_2_Robustness) ;;
    3) resolved+=(PanelKit_Study_3_Trade_Shock) ;;
    4) resolved+=(PanelKit_Study_4_Regional_Heterogeneity) ;;
    5) resolved+=(PanelKit_Study_5_Mechanisms) ;;
    all-in-one) resolved+=(PanelKit_Study_All) ;;
    *) [ -f "$WORKFLOWS/$w.knwf" ] || die "no workflow '$w' in $WORKFLOWS"; resolved+=("$w") ;;
  esac
done
source_dir="$WORKFLOWS"
[ $testflows -eq 1 ] && source_dir="$WORKFLOWS/testflows"

if [ -z "$knime" ]; then
  if [ -n "${KNIME_HOME:-}" ] && [ -x "$KNIME_HOME/knime" ]; then
    knime="$KNIME_HOME/knime"
  else
    knime="$(command -v knime || true)"
  fi
fi
if [ $dry_run -eq 0 ] && { [ -z "$knime" ] || [ ! -x "$knime" ]; }; then
  die "KNIME executable not found: pass --knime /path/to/knime (or set KNIME_EXECUTABLE / KNIME_HOME).
Without KNIME, ./panelkit reproduce computes the same tables (docs/batch.md)."
fi
[ -n "$knime" ] || knime=knime

tmp="$(mktemp -d "${TMPDIR:-/tmp}/panelkit-batch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
[ -n "$workspace" ] || workspace="$tmp/workspace"
[ -n "$dest" ] && mkdir -p "$dest"

meaning() {
  case "$1" in
    0) echo "success" ;;
    2) echo "bad or missing arguments" ;;
    3) echo "the workflow could not be loaded" ;;
    4) echo "a node failed during execution (see the log; in a testflow a failing Table Difference Checker means the results differ from data/expected)" ;;
    5) echo "the KNIME Batch Executor extension is not installed (KNIME 5.9+: install org.knime.features.ap.batch, see docs/batch.md)" ;;
    *) echo "KNIME ended with code $1" ;;
  esac
}

# an argument as a shell needs it: as is when safe, else the part after '=' (or all of it) in single quotes
shell_word() {
  local a="$1" q="'\\''"
  if [[ "$a" =~ ^[-A-Za-z0-9_./:=+@%]+$ ]]; then
    printf '%s' "$a"
  elif [[ "$a" =~ ^(-[A-Za-z.]+=)(.*)$ ]]; then
    printf "%s'%s'" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]//\'/$q}"
  else
    printf "'%s'" "${a//\'/$q}"
  fi
}

worst=0
for w in "${resolved[@]}"; do
  args=(-nosplash -consoleLog -data "$workspace" -application org.knime.product.KNIME_BATCH_APPLICATION -reset)
  if [ $use_folder -eq 1 ]; then
    # KNIME writes lock and state files into a workflow folder it loads: run a copy, never the checkout
    rm -rf "${tmp:?}/$w" && cp -R "$source_dir/$w" "$tmp/$w"
    args+=("-workflowDir=$tmp/$w")
  else
    args+=("-workflowFile=$WORKFLOWS/$w.knwf")
  fi
  if [ -n "$dest" ]; then
    args+=("-destFile=$(cd "$dest" && pwd)/$w.knwf")
  else
    args+=(-nosave)
  fi
  args+=("-workflow.variable=data_path,\"$data_url\",String"
         "-workflow.variable=break_year,$break_year,int"
         "-workflow.variable=se_type,$se_type,String")
  args+=(${extra[@]+"${extra[@]}"})
  printf '== %s\n%s' "$w" "$(shell_word "$knime")"
  for a in "${args[@]}"; do printf ' %s' "$(shell_word "$a")"; done
  printf '\n'
  if [ $dry_run -eq 1 ]; then
    continue
  fi
  "$knime" "${args[@]}"
  code=$?
  echo "== $w: exit $code ($(meaning $code))"
  [ $code -gt $worst ] && worst=$code
done
exit $worst
