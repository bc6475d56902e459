#!/usr/bin/env bash
# -----------------------------------------------------------------------------
# bench-durable.sh — what durability costs: durable `process` and the
# daemon's backfill against extraction alone, on the same articles and cores.
#
# Usage (from anywhere; the script cd's to the project root itself):
#
#     scripts/bench-durable.sh
#     N=2000 RUNS=1 scripts/bench-durable.sh      # quick smoke run
#
# Every round runs, one after the other (interleaved, so drift in load, page
# cache and disk hits all three alike):
#
#   extract   `wirewatch extract --jsonl` over the N articles as JSON lines,
#             records to /dev/null (extraction alone: no file per article,
#             no fsync, no ledger).
#   process   `wirewatch process <corpus> --out <fresh dir> --workers W`:
#             every record durable before its ledger entry commits.
#   backfill  `wirewatch run --watch <corpus> --out <fresh dir> --workers W`:
#             the daemon's start-up backfill of the same folder, timed from
#             start until /metrics counts N `ok` articles and, with the
#             index on, no record waiting for it
#             (wirewatch_index_lag_records 0), then SIGTERM.
#
# Rates are articles per second of wall clock, start-up included for all
# three. It prints every run, then for each mode the min and median of the
# RUNS rounds, and the ratios process/extract and backfill/extract (of the
# medians and of the mins). Targets: process >= 80 %, backfill >= 75 %.
# It also prints the CPU time (user + system) per article of each mode and
# how much more process and backfill spend than extract: on a machine
# whose cores are shared, the wall clock follows the other load, the CPU
# time much less.
#
# Then, when strace is installed, one more `process` run under
# `strace -c -f` over STRACE_N articles prints the system calls per article
# (calls, and errors for the calls that failed). Without strace it says so.
#
# Corpus: ../shared/data/news/bbc/*/*.txt (relative to the project root),
# round-robin; a final line `[bench-durable <i>]` makes every file unique.
# The JSON lines hold the same bytes as text.
#
# Environment knobs (all optional):
#   N=10000        articles in the corpus
#   RUNS=3         rounds (each runs the three modes once)
#   WORKERS=2      --workers for process and backfill (extract uses every core)
#   CPUS=          a taskset CPU list (e.g. 0,1) to pin all runs to the same cores
#   STRACE_N=2000  articles for the strace run (0: skip it)
#   BENCH_BIN=     another wirewatch binary to measure (default: the release
#                  build of this tree), e.g. a build of main for a before/after
#   BUILD=auto     auto: `cargo build --release` when the binary is missing or
#                  older than src/, Cargo.toml, Cargo.lock; 1: always; 0: never
#   TMPDIR         where the temporary corpus and output folders go
#   INDEX=1        1: process and backfill keep the index (the default
#                  configuration); 0: index.enabled = false, the records and
#                  the ledger alone (the variables WIREWATCH_* of the caller
#                  are cleared, so this is the way to turn it off)
#
# Outputs of every run are kept until the script ends (about 1.5 MB per 100
# articles per run).
#
# Exit status: 0 on success, 1 when a run failed or wrote the wrong number of
# records, 2 on a setup error. Temporary folders are removed on exit.
# -----------------------------------------------------------------------------
set -euo pipefail

BENCH_NAME=bench-durable
# shellcheck source=scripts/bench-common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

N=${N:-10000}
RUNS=${RUNS:-3}
WORKERS=${WORKERS:-2}
STRACE_N=${STRACE_N:-2000}
BUILD=${BUILD:-auto}
CPUS=${CPUS:-}
INDEX=${INDEX:-1}
positive_int N RUNS WORKERS
case $INDEX in
  1) ;;
  0) export WIREWATCH_INDEX_ENABLED=false ;;
  *) die "INDEX must be 0 or 1 (got '$INDEX')" ;;
esac
[[ $STRACE_N =~ ^[0-9]+$ ]] || die "STRACE_N must be a whole number (got '$STRACE_N')"
WORKER_ARGS=(--workers "$WORKERS")
PIN=()
if [[ -n $CPUS ]]; then
  command -v taskset >/dev/null || die "CPUS is set but taskset is not installed"
  PIN=(taskset -c "$CPUS")
fi

ensure_binary

bbc_corpus_in_tmp
JSONL=$TMP_ROOT/corpus.jsonl
python3 - "$CORPUS" "$JSONL" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), "rb") as a:
            text = a.read().decode("utf-8", "replace")
        f.write(json.dumps({"id": name, "text": text}) + "\n")
PY

cleanup_daemon_on_exit

echo "wirewatch durability benchmark"
echo "binary: $ROOT/$BIN ($("$BIN" --version))"
echo "cpus: $(nproc)${CPUS:+ (runs pinned to $CPUS)}"
echo "workers: $WORKERS (process, backfill); extract --jsonl: every core"
echo "index: $([[ $INDEX == 1 ]] && echo "on (SQLite, the default)" || echo "off (index.enabled = false)")"
echo "corpus: $N files ($(du -sk "$CORPUS" | cut -f1) KiB) from $(compgen -G "$BBC_GLOB" | wc -l) BBC articles"
echo "rounds: $RUNS"
echo

records_in() { find "$1" -type f -name '*.json' ! -name '*.wwtmp' 2>/dev/null | wc -l | tr -d ' '; }

# timed MODE I: one run; prints "MODE I SECONDS CPU_SECONDS" (wall clock
# to the N-th record; user + system time of the whole run) or "MODE I failed".
timed() {
  local mode=$1 i=$2 out=$TMP_ROOT/out-$1-$2 secs n
  case $mode in
    extract)
      secs=$(python3 - "$JSONL" "${PIN[@]}" "$BIN" extract --jsonl <<'PY'
import resource, subprocess, sys, time
with open(sys.argv[1], "rb") as f:
    t0 = time.perf_counter()
    rc = subprocess.call(sys.argv[2:], stdin=f, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (wall, ru.ru_utime + ru.ru_stime) if rc == 0 else "failed")
PY
      ) ;;
    process)
      secs=$(python3 - "${PIN[@]}" "$BIN" process "$CORPUS" --out "$out" "${WORKER_ARGS[@]}" <<'PY'
import resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (wall, ru.ru_utime + ru.ru_stime) if rc == 0 else "failed")
PY
      ) ;;
    backfill)
      local port
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
      secs=$(python3 - "$N" "$port" "${PIN[@]}" "$BIN" run --watch "$CORPUS" --out "$out" \
        --metrics-addr "127.0.0.1:$port" "${WORKER_ARGS[@]}" <<'PY'
import re, resource, signal, subprocess, sys, time, urllib.request
n, port, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
ok = re.compile(r'^wirewatch_articles_total\{outcome="ok"\} (\S+)$', re.M)
lag = re.compile(r'^wirewatch_index_lag_records (\S+)$', re.M)
t0 = time.perf_counter()
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
done, deadline = None, t0 + 600
while p.poll() is None and time.perf_counter() < deadline:
    try:
        with urllib.request.urlopen("http://127.0.0.1:%s/metrics" % port, timeout=2) as r:
            text = r.read().decode()
        m, behind = ok.search(text), lag.search(text)
        # Done when every article is committed and the index (when on)
        # holds them all: the same finish line as `process`, which waits
        # for the index writer before it exits.
        if m and float(m.group(1)) >= n and (behind is None or float(behind.group(1)) == 0):
            done = time.perf_counter() - t0
            break
    except Exception:
        pass
    time.sleep(0.02)
p.send_signal(signal.SIGTERM)
try:
    rc = p.wait(timeout=60)
except subprocess.TimeoutExpired:
    p.kill(); rc = p.wait()
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (done, ru.ru_utime + ru.ru_stime) if done is not None and rc == 0 else "failed")
PY
      ) ;;
  esac
  if [[ $mode != extract ]]; then
    # Outputs stay until the end: on ext4 without a journal, creating files
    # just after deleting thousands scans the recently freed inodes, which
    # would charge one run's clean-up to the next.
    n=$(records_in "$out/records")
    if (( n != N )); then secs=failed; echo "run $i ($mode): $n records of $N" >&2; fi
  fi
  echo "$mode $i $secs"
}

RESULTS=()
for i in $(seq "$RUNS"); do
  for mode in extract process backfill; do
    line=$(timed "$mode" "$i")
    read -r _ _ secs cpu <<<"$line"
    if [[ $secs == failed ]]; then echo "run $i ($mode) failed" >&2; exit 1; fi
    printf '%-8s run %d: %7.3f s  %6.0f articles/s  %5.2f ms CPU/article\n' "$mode" "$i" \
      "$secs" "$(python3 -c "print($N / $secs)")" "$(python3 -c "print(1000 * $cpu / $N)")"
    RESULTS+=("$line")
  done
done

echo
python3 - "$N" "${RESULTS[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
rates, cpu = {}, {}
for line in sys.argv[2:]:
    mode, _, secs, cpu_s = line.split()
    rates.setdefault(mode, []).append(n / float(secs))
    cpu.setdefault(mode, []).append(1000 * float(cpu_s) / n)
for mode in ("extract", "process", "backfill"):
    r, c = rates[mode], cpu[mode]
    print("%-8s articles/s: min %.0f  median %.0f   CPU ms/article: min %.2f  median %.2f"
          % (mode, min(r), statistics.median(r), min(c), statistics.median(c)))
for mode, target in (("process", 0.80), ("backfill", 0.75)):
    med = statistics.median(rates[mode]) / statistics.median(rates["extract"])
    lo = min(rates[mode]) / min(rates["extract"])
    print("%s/extract: median %.2f  min %.2f  (target >= %.2f: %s)"
          % (mode, med, lo, target, "met" if med >= target else "MISSED"))
for mode in ("process", "backfill"):
    print("%s CPU per article over extract's: median %.2f"
          % (mode, statistics.median(cpu[mode]) / statistics.median(cpu["extract"])))
PY

echo
if (( STRACE_N == 0 )); then
  echo "syscalls per article: skipped (STRACE_N=0)"
elif ! command -v strace >/dev/null; then
  echo "syscalls per article: not measured, strace is not installed"
else
  SMALL=$TMP_ROOT/corpus-strace
  mkdir -p "$SMALL"
  # The first STRACE_N files of the corpus (hard links: same content, no copy).
  python3 - "$CORPUS" "$SMALL" "$STRACE_N" <<'PY'
import os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name in sorted(os.listdir(src))[:n]:
    os.link(os.path.join(src, name), os.path.join(dst, name))
PY
  n=$(find "$SMALL" -type f | wc -l | tr -d ' ')
  strace -c -f -o "$TMP_ROOT/strace.txt" "$BIN" process "$SMALL" --out "$TMP_ROOT/out-strace" \
    "${WORKER_ARGS[@]}" >/dev/null 2>&1 || { echo "strace run failed" >&2; exit 1; }
  echo "syscalls per article (strace -c -f, process over $n articles, start-up included):"
  python3 - "$n" "$TMP_ROOT/strace.txt" <<'PY'
import sys
n, rows = int(sys.argv[1]), []
for line in open(sys.argv[2]):
    f = line.split()
    if len(f) >= 5 and f[0][0].isdigit() and f[-1] != "total":
        calls = int(f[3])
        errors = int(f[4]) if len(f) == 6 else 0
        rows.append((calls, errors, f[-1]))
rows.sort(reverse=True)
print("  %-18s %8s %8s" % ("syscall", "calls", "errors"))
for calls, errors, name in rows:
    if calls / n >= 0.01 or errors:
        print("  %-18s %8.2f %8.2f" % (name, calls / n, errors / n))
print("  %-18s %8.2f" % ("total", sum(c for c, _, _ in rows) / n))
PY
fi
