#!/usr/bin/env bash
# iepkit supports Node 20.19+, 22 and 24. The suite runs on the machine's Node (20); this smoke test runs the CLI on
# Node 22 and 24 (from the npm registry's `node` package) against a bundled example: validate, then render
# DOCX and PDF, and checks the PDF is a one-page, tagged student summary.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for major in 22 24; do
  mkdir -p "$work/node$major"
  (cd "$work/node$major" && npm install --no-save --no-audit --no-fund --silent "node@$major" >/dev/null 2>&1)
  node_bin="$work/node$major/node_modules/.bin/node"
  echo "node $("$node_bin" --version):"
  "$node_bin" bin/iep.js validate examples/*.iep.yaml
  "$node_bin" bin/iep.js render examples/maya-thompson.iep.yaml --layout student --format docx,pdf --out "$work/out$major" --no-lint 2>/dev/null
  pdfinfo "$work/out$major/209345671-student-en-v1.pdf" | grep -q '^Tagged: *yes' || { echo "node $major: PDF not tagged"; exit 1; }
  pdfinfo "$work/out$major/209345671-student-en-v1.pdf" | grep -q '^Pages: *1$' || { echo "node $major: student summary not one page"; exit 1; }
  test -s "$work/out$major/209345671-student-en-v1.docx" || { echo "node $major: no DOCX"; exit 1; }
done
echo "node 22 and 24: ok"
