#!/bin/sh
# The review of every contributed file a pull request adds or changes (data/contrib/*.csv), against the data of the
# base branch: validated, then what merging it would change (`asmhub contribute --dry-run --markdown`), written to
# the job summary. Nothing is committed. Usage: review-contributions.sh BASE_REVISION
# Run locally: GITHUB_STEP_SUMMARY=/tmp/summary.md .github/scripts/review-contributions.sh origin/main
set -eu
base=$1
summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}
asmhub=${ASMHUB:-.venv/bin/asmhub}
files=$(git diff --name-only --diff-filter=AM "$base"...HEAD -- 'data/contrib/*.csv')
if [ -z "$files" ]; then
  echo "No contributed file (data/contrib/*.csv) in this pull request." >> "$summary"
  exit 0
fi
held=$(mktemp -d)
for f in $files; do cp "$f" "$held/"; done
# data/ as on the base branch, so the review says what merging changes (files the pull request adds are set aside)
git checkout "$base" -- data/
for f in $files; do git cat-file -e "$base:$f" 2>/dev/null || rm -f "$f"; done
status=0
for f in $files; do
  name=$(basename "$f")
  if out=$("$asmhub" contribute --dry-run --markdown "$held/$name" 2>&1); then
    printf '%s\n\n' "$out" >> "$summary"
  else
    status=1
    printf '### %s is refused\n\n```\n%s\n```\n\n' "$name" "$out" >> "$summary"
  fi
done
git checkout HEAD -- data/
exit $status
