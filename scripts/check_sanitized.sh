#!/usr/bin/env bash
# The checked build (part of scripts/test.sh, so of CI): the engine, the CLI and their tests built
# with clang 14, AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer in
# build-check/, any report fatal; then every fuzz target replays its committed corpus and fuzzes
# for FUZZ_SECONDS (default 30) from a scratch copy of it. Tests tagged [slow] or labelled slow
# (long training runs, whole test-set evaluations) run only in the normal build. docs/fuzzing.md
# says more.
#   scripts/check_sanitized.sh              build, run the core and CLI tests, replay, fuzz
#   FUZZ_SECONDS=600 scripts/check_sanitized.sh   fuzz longer
# Expects the packages of `scripts/setup.sh test` (clang-14, libclang-rt-14-dev, libomp-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds=${FUZZ_SECONDS:-30}
cmake -S . -B build-check -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1" -DSHUFFLESCOPE_BUILD_APP=OFF \
    -DSHUFFLESCOPE_BUILD_TESTS=ON -DSHUFFLESCOPE_FUZZ=ON -DFUZZ_SECONDS="$fuzz_seconds"
cmake --build build-check -j "$(nproc)"

# Reports are fatal (the build already stops at the first UB); leaks are reported at exit. The
# stack of every report is symbolised (llvm-symbolizer-14 from llvm-14, clang-14's dependency).
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
cd build-check
ctest --output-on-failure -j "$(nproc)" -E "^style\." -LE slow
