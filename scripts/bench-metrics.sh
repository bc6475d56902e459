#!/usr/bin/env bash
# -----------------------------------------------------------------------------
# bench-metrics.sh — what recording metrics costs on the hot path.
#
# Usage (from anywhere; the script cd's to the project root itself):
#
#     scripts/bench-metrics.sh
#     N=1000 RUNS=3 scripts/bench-metrics.sh      # quicker
#
# Runs `wirewatch process <corpus> --out <fresh dir>` over N unique articles
# with metrics on (the default: the recorder is installed and every counter,
# gauge and histogram is recorded, as in the daemon, but nothing is served)
# and off (WIREWATCH_METRICS_ENABLED=false), RUNS times each, alternating
# on/off/off/on/... so drift (page cache, thermal, other load) hits both
# alike. Every run starts from an empty output folder, so each does the full
# work (read, extract, durable write, ledger commit). Prints every run, then
# the medians of each mode: articles/s (wall clock) and CPU time per article
# (user + system), and the difference metrics make.
#
# Corpus: ../shared/data/news/bbc/*/*.txt (relative to the project root),
# round-robin; a final line `[bench-metrics <i>]` makes every file unique.
#
# Environment knobs (all optional):
#   N=3000         articles in the corpus
#   RUNS=5         runs per mode
#   WORKERS=       --workers (default: one per core)
#   BUILD=auto     auto: `cargo build --release` when the binary is missing or
#                  older than src/, Cargo.toml, Cargo.lock; 1: always; 0: never
#   TMPDIR         where the temporary corpus and output folders go
#
# Exit status: 0 on success, 1 when a run failed or wrote the wrong number of
# records, 2 on a setup error. Temporary folders are removed on exit.
# -----------------------------------------------------------------------------
set -euo pipefail

BENCH_NAME=bench-metrics
# shellcheck source=scripts/bench-common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

N=${N:-3000}
RUNS=${RUNS:-5}
BUILD=${BUILD:-auto}
positive_int N RUNS

ensure_binary

bbc_corpus_in_tmp

echo "wirewatch metrics overhead benchmark"
echo "binary: $ROOT/$BIN ($("$BIN" --version))"
echo "cpus: $(nproc)"
echo "workers: ${WORKERS:-default (one per core)}"
echo "corpus: $N files ($(du -sk "$CORPUS" | cut -f1) KiB) from $(compgen -G "$BBC_GLOB" | wc -l) BBC articles"
echo "runs per mode: $RUNS"
echo

# run MODE I: one `process` run; prints "MODE wall_s cpu_s" (CPU = user +
# system time of the process: what metrics cost, with less I/O noise than the
# wall clock).
run() {
  local mode=$1 i=$2 enabled out rc=0 line records
  [[ $mode == on ]] && enabled=true || enabled=false
  out=$TMP_ROOT/out-$mode-$i
  line=$(WIREWATCH_METRICS_ENABLED=$enabled python3 - "$TMP_ROOT/log" "$BIN" process "$CORPUS" \
    --out "$out" "${WORKER_ARGS[@]}" <<'PY'
import resource, subprocess, sys, time
with open(sys.argv[1], "w") as log:
    t0 = time.perf_counter()
    rc = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=log)
    wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%d %.3f %.3f" % (rc, wall, ru.ru_utime + ru.ru_stime))
PY
  ) || true
  read -r rc wall cpu <<<"$line"
  records=$(find "$out/records" -type f -name '*.json' 2>/dev/null | wc -l)
  rm -rf -- "$out"
  if [[ ${rc:-1} != 0 ]] || (( records != N )); then
    echo "run $i ($mode) failed: exit ${rc:-?}, $records records of $N" >&2
    tail -n 5 "$TMP_ROOT/log" >&2
    exit 1
  fi
  echo "$mode $wall $cpu"
}

# Warm-up (page cache, binary), not counted.
run on 0 >/dev/null

RESULTS=$TMP_ROOT/results
: >"$RESULTS"
for (( i = 1; i <= RUNS; i++ )); do
  if (( i % 2 )); then order=(on off); else order=(off on); fi
  for mode in "${order[@]}"; do
    line=$(run "$mode" "$i")
    read -r _ wall cpu <<<"$line"
    python3 -c 'import sys; i, m, w, c, n = sys.argv[1:]; w, c, n = float(w), float(c), int(n)
print("run %s: metrics %-3s %7.3f s wall %6.0f articles/s  %6.3f s CPU %5.0f us CPU/article" % (i, m, w, n / w, c, c / n * 1e6))' \
      "$i" "$mode" "$wall" "$cpu" "$N"
    echo "$line" >>"$RESULTS"
  done
done

echo
python3 - "$RESULTS" "$N" <<'PY'
import statistics, sys
n = int(sys.argv[2])
rate = {"on": [], "off": []}
cpu = {"on": [], "off": []}
for line in open(sys.argv[1]):
    mode, wall, c = line.split()
    rate[mode].append(n / float(wall))
    cpu[mode].append(float(c) / n * 1e6)
r_on, r_off = statistics.median(rate["on"]), statistics.median(rate["off"])
c_on, c_off = statistics.median(cpu["on"]), statistics.median(cpu["off"])
print("median_articles_per_s_metrics_on: %.0f" % r_on)
print("median_articles_per_s_metrics_off: %.0f" % r_off)
print("throughput_change_with_metrics_percent: %+.1f" % ((r_on - r_off) / r_off * 100))
print("median_cpu_us_per_article_metrics_on: %.0f" % c_on)
print("median_cpu_us_per_article_metrics_off: %.0f" % c_off)
print("cpu_overhead_of_metrics_percent: %+.1f" % ((c_on - c_off) / c_off * 100))
PY
