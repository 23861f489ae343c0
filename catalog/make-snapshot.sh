#!/usr/bin/env bash
# Regenerates catalog/models.dev.json.gz, the catalog ./llmref up loads on its first start, from a
# models.dev checkout with our own importer (no upload, no network):
#   catalog/make-snapshot.sh <models.dev checkout> <date of its last commit, YYYY-MM-DD>
# Then update the commit and date in catalog/NOTICE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -eq 2 ]] || { echo "usage: catalog/make-snapshot.sh <models.dev checkout> <commit date YYYY-MM-DD>" >&2; exit 2; }
[[ -f importing/target/importer.jar ]] || mvn -B -q -DskipTests package -pl importing -am
java -jar importing/target/importer.jar "$1" --data-date "$2" \
  --curate gpt-oss-20b-vs-qwen3.5-4b \
  --out catalog/models.dev.json.gz
