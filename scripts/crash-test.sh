#!/usr/bin/env bash
# Crash-safety run at full size: 1 000 articles arrive while the daemon is
# killed with SIGKILL 100 times at random moments and restarted; then every
# article must have exactly one whole record, no temp file may be left, and
# the ledger must agree with the records folder. Prints the seed, the kills
# survived and the lost/duplicated counts (both must be 0).
#
#   scripts/crash-test.sh                        # 1000 files, 100 kills
#   CRASH_FILES=5000 CRASH_KILLS=300 scripts/crash-test.sh
#   CRASH_SEED=123 scripts/crash-test.sh         # replay a run
set -euo pipefail
cd "$(dirname "$0")/.."
export CRASH_FILES="${CRASH_FILES:-1000}"
export CRASH_KILLS="${CRASH_KILLS:-100}"
exec cargo test --release --test crash -- --nocapture
