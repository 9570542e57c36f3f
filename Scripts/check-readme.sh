#!/usr/bin/env bash
# README doc-test (issue 12, item 7): every fenced block of README.md whose first line starts with
# `$ careaccess` is run with the release binary in a temporary sandbox (never the repository) and what it
# prints is compared with the README's text; a mismatch is reported with its README line and a unified diff,
# and the script exits 1. Examples on the national data run only where ../shared/data is present (else they
# are skipped with that reason; $CAREACCESS_SHARED names another shared folder, as for the tests). The rules
# (elisions `…`, masked timings and paths, skip/setup comments) are in Scripts/readme_doctest.py and the
# README's "Checks" section.
#
#   CAREACCESS_BIN=.build/release/careaccess bash Scripts/check-readme.sh [README.md]
#   bash Scripts/check-readme.sh --list          # the examples, and which need ../shared
#   bash Scripts/check-readme.sh --self-test     # proves the check fails on an edited copy of the README
set -euo pipefail
cd "$(dirname "$0")/.."
readme=README.md
mode=check
case "${1:-}" in
  --self-test) mode=self-test; shift ;;
  --list) mode=list; shift ;;
esac
[ $# -gt 0 ] && readme=$1
helper=(python3 Scripts/readme_doctest.py --repo . --shared "${CAREACCESS_SHARED:-../shared}")
if [ $mode = list ]; then exec "${helper[@]}" --bin /dev/null --list "$readme"; fi
. Scripts/careaccess-bin.sh
helper+=(--bin "$bin")

if [ $mode = check ]; then
  exec "${helper[@]}" "$readme"
fi

# --self-test: on copies of the README, one example that needs no ../shared and has a `…` line (so that the
# elision rule is exercised) must pass as written, and fail with the edited line named once a figure (a number
# with a decimal point or a thousands separator) on a shown output line is changed by one digit: on the last
# such line before the first `…`, and on the first one after it (an elision must not swallow a changed line).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$readme" "$work/README.md"
read -r fence before after < <(python3 - "$work/README.md" <<'PY'
import re, sys
sys.path.insert(0, "Scripts")
import readme_doctest as d
figure = lambda t: re.search(r"\d[.,]\d", d.TIMING.sub("", t)) and "…" not in t
for ex in d.parse(open(sys.argv[1], encoding="utf-8").read()):
    if ex.skip or ex.needs_shared("."):
        continue
    lines = [l for c in ex.commands for l in c.expected]
    gaps = [k for k, (_, t) in enumerate(lines) if d.is_gap(t)]
    if not gaps:
        continue
    before = [n for n, t in lines[:gaps[0]] if figure(t)]
    after = [n for n, t in lines[gaps[0] + 1:] if figure(t)]
    if before and after:
        print(ex.line, before[-1], after[0])
        break
PY
)
[ -n "${fence:-}" ] || { echo "check-readme --self-test: no example without ../shared has figures on both sides of a '…' line" >&2; exit 1; }
"${helper[@]}" --only "$fence" "$work/README.md" > "$work/as-written.txt" || {
  cat "$work/as-written.txt" >&2; echo "check-readme --self-test: the example on line $fence fails as written" >&2; exit 1; }
for line in $before $after; do
  cp "$readme" "$work/README.md"
  # Change the last digit of the line's last figure (9 → 0, else +1): a changed number, nothing else.
  python3 - "$work/README.md" "$line" <<'PY'
import re, sys
path, n = sys.argv[1], int(sys.argv[2])
lines = open(path, encoding="utf-8").read().split("\n")
text = lines[n - 1]
k = list(re.finditer(r"\d[.,]\d+", text))[-1].end() - 1   # the figure's last digit
lines[n - 1] = text[:k] + str((int(text[k]) + 1) % 10) + text[k + 1:]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
  if "${helper[@]}" --only "$fence" "$work/README.md" > "$work/edited.txt"; then
    cat "$work/edited.txt" >&2
    echo "check-readme --self-test: README line $line edited, yet the check passed" >&2; exit 1
  fi
  grep -q "^FAIL README.md:$line: " "$work/edited.txt" || {
    cat "$work/edited.txt" >&2; echo "check-readme --self-test: the failure does not name README line $line" >&2; exit 1; }
  echo "check-readme --self-test: README line $line edited:"
  grep -A30 "^FAIL README.md:$line: " "$work/edited.txt" | grep -m4 '^[-+][^-+]' | cut -c1-160
done
echo "check-readme --self-test: the example on README line $fence passes as written and fails when line $before (before a '…') or line $after (after it) is edited"
