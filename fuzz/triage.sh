#!/usr/bin/env bash
# Groups the reproducers of a target by failure: runs each file of fuzz/artifacts/TARGET/
# (or the files given) once and prints, per distinct panic location and message, how many
# files hit it and one of them. Run fuzz/run.sh once first to build the target.
#
#   fuzz/triage.sh TARGET [FILE...]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 1 ] || { echo "usage: fuzz/triage.sh TARGET [FILE...]" >&2; exit 2; }
target="$1"
shift
host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
bin="$here/target/$host/release/$target"
[ -x "$bin" ] || { echo "no $bin: run fuzz/run.sh $target 1 first" >&2; exit 2; }
if [ $# -eq 0 ]; then
  set -- "$here/artifacts/$target"/*
fi

for f in "$@"; do
  [ -f "$f" ] || continue
  out="$(RUST_BACKTRACE=0 timeout 60 "$bin" -runs=1 "$f" 2>&1 || true)"
  what="$(printf '%s\n' "$out" | grep -A1 -m1 'panicked at' | tr '\n' ' ' | sed 's/thread [^ ]* ([0-9]*) //' || true)"
  if [ -z "$what" ]; then
    what="$(printf '%s\n' "$out" | grep -m1 -E 'ERROR: libFuzzer|ERROR: AddressSanitizer|timeout|out-of-memory' || true)"
    [ -n "$what" ] || what='no failure'
  fi
  printf '%s\t%s\n' "$what" "$f"
done | sort | awk -F'\t' '{n[$1]++; if (!($1 in e)) e[$1]=$2} END {for (k in n) printf "%5d  %s\n       e.g. %s\n", n[k], k, e[k]}'
