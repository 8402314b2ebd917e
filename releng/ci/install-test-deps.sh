#!/usr/bin/env bash
# The one list of Debian packages the tests call outside the JVM (README "The tests", .ci/run):
#   R and the packages the reference tests load (Rscript: plm, sandwich, clubSandwich, lmtest, zoo, jsonlite,
#   pracma, mFilter, boot), the fonts the plot tests render with, and pdflatex with booktabs
#   (texlive-latex-recommended) and threeparttable (texlive-latex-extra) for the LaTeX compile test.
# Without them the tests that need them are reported as skipped; under CI (CI=true) they fail.
# Usage: releng/ci/install-test-deps.sh          (as root, or with sudo available)
#        releng/ci/install-test-deps.sh --list   (print the packages only)
set -euo pipefail

PACKAGES=(
  fontconfig fonts-dejavu-core
  r-base-core r-cran-plm r-cran-sandwich r-cran-clubsandwich r-cran-lmtest r-cran-zoo r-cran-jsonlite
  r-cran-pracma r-cran-mfilter r-cran-boot
  texlive-latex-base texlive-latex-recommended texlive-latex-extra
)

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -E"; fi

echo "install-test-deps: installing ${PACKAGES[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
Rscript --version
pdflatex --version | head -1
