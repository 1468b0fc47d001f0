#!/usr/bin/env bash
# `npm test`: every check the project has, in order. A failing step does not stop the run, so the
# final count covers everything; the exit status is non-zero if any step failed. The last line of
# output is "N passed, N failed" (scripts/count-results.ts).
set -uo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

results="$PWD/test-results"
steps="$results/steps.tsv"
mkdir -p "$results"
: > "$steps"
status=0

# step <name> <kind: single|vitest|playwright> <json report or -> <command...>
step() {
  local name=$1 kind=$2 report=$3
  shift 3
  echo
  echo "=== $name: $*"
  [ "$report" = "-" ] || rm -f "$report"
  local started=$SECONDS
  "$@"
  local rc=$?
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" "$rc" "$report" "$((SECONDS - started))" >> "$steps"
  [ "$rc" -eq 0 ] || status=1
}

vitest_project() {
  step "$1" vitest "$results/$1.json" \
    npx vitest run --project "$1" --reporter=default --reporter=json --outputFile.json="$results/$1.json"
}

step lint single - npx eslint .
step typecheck single - npx tsc --noEmit
step migrations single - npx tsx prisma/tools/migrate.ts check
vitest_project unit
vitest_project integration
step build single - npx next build
# The JSON report path is set in playwright.config.ts.
step e2e playwright "$results/e2e.json" npx playwright test

echo
if ! npx tsx scripts/count-results.ts "$steps"; then
  # Without the reports, count each step as one test so the last line still tells the truth.
  echo "count-results failed; counting steps instead of tests"
  awk -F '\t' '{ if ($3 == 0) p++; else f++ } END { printf "%d passed, %d failed\n", p, f }' "$steps"
fi
exit "$status"
