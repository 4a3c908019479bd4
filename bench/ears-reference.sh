#!/usr/bin/env bash
# Regenerates the R reference fixture of the EARS differential test (EarsReferenceTests):
# R surveillance::earsC 1.20.3 (Debian r-cran-surveillance) on the series of ears-reference.R.
# R is needed only here, never by the tests or at runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=app/src/test/resources/warning
Rscript "$dir/ears-reference.R" "$dir/ears-reference.csv"
