#!/usr/bin/env bash
# Builds and runs the fuzz targets without cargo-fuzz.
#
#   fuzz/run.sh TARGET SECONDS   build TARGET and fuzz it for SECONDS seconds
#   fuzz/run.sh all SECONDS      every target in turn, SECONDS seconds each
#   fuzz/run.sh list             the targets
#
# Exits non-zero when any target crashes, fails an oracle, runs out of memory or takes
# longer than 10 seconds on one input. Reproducers land in fuzz/artifacts/TARGET/.
#
# Environment: FUZZ_ASAN=1 also builds with AddressSanitizer (into fuzz/target/asan; off
# by default: the crate forbids unsafe code and the sanitizer costs most of the speed);
# FUZZ_JOBS sets cargo's build jobs. Extra libFuzzer flags may follow SECONDS, e.g.
# `-fork=1 -ignore_crashes=1` to keep fuzzing past a known crash.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

targets() {
  sed -n 's/^name = "\([a-z_]*\)"$/\1/p' Cargo.toml | grep -v '^skillgap'
}

usage() {
  echo "usage: fuzz/run.sh TARGET|all SECONDS [libFuzzer flags...]" >&2
  echo "targets: $(targets | tr '\n' ' ')" >&2
  exit 2
}

[ "${1:-}" = list ] && { targets; exit 0; }
[ $# -ge 2 ] || usage
target="$1"
seconds="$2"
shift 2
extra=("$@")
case "$seconds" in '' | *[!0-9]*) usage ;; esac

host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
out="$here/target"

flags=(
  --cfg fuzzing
  -Cpasses=sancov-module
  -Cllvm-args=-sanitizer-coverage-level=4
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters
  -Cllvm-args=-sanitizer-coverage-pc-table
  -Cllvm-args=-sanitizer-coverage-trace-compares
  -Cdebug-assertions
  -Coverflow-checks
  -Cforce-frame-pointers=yes
  -Copt-level=3
)
if [ "${FUZZ_ASAN:-0}" = 1 ]; then
  flags+=(-Zsanitizer=address)
  out="$here/target/asan"
fi
export CARGO_TARGET_DIR="$out"
export RUSTFLAGS="${flags[*]}"

# build TARGET... : one cargo invocation, so that the targets share one build of the crate.
build() {
  local bins=()
  for t in "$@"; do bins+=(--bin "$t"); done
  # --target keeps the flags off build scripts and proc macros (serde_derive).
  cargo +nightly build --release --locked --target "$host" "${bins[@]}" ${FUZZ_JOBS:+-j "$FUZZ_JOBS"}
}

run_one() {
  local t="$1"
  local work="$here/target/corpus/$t"
  mkdir -p "$work" "$here/artifacts/$t" "$here/corpus/$t" "$here/regressions/$t"
  echo "== $t: ${seconds}s" >&2
  local dict=()
  case "$t" in
    catalog_json | profile_json) dict=(-dict="$here/dict/json.dict") ;;
    catalog_toml | profile_toml) dict=(-dict="$here/dict/toml.dict") ;;
  esac
  # New inputs go to the first directory (not committed); the seeds and the regressions
  # are read from the others.
  "$out/$host/release/$t" \
    -max_total_time="$seconds" \
    -rss_limit_mb=2048 \
    -timeout=10 \
    -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/$t/" \
    ${dict[@]+"${dict[@]}"} \
    ${extra[@]+"${extra[@]}"} \
    "$work" "$here/corpus/$t" "$here/regressions/$t"
}

if [ "$target" = all ]; then
  build $(targets)
  failed=()
  for t in $(targets); do
    run_one "$t" || failed+=("$t")
  done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failed: ${failed[*]}" >&2
    exit 1
  fi
  echo "fuzz: all targets ran clean" >&2
else
  targets | grep -qx "$target" || usage
  build "$target"
  run_one "$target"
fi
