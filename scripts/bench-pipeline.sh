#!/usr/bin/env bash
# -----------------------------------------------------------------------------
# bench-pipeline.sh — end-to-end benchmark of the wirewatch pipeline.
#
# Usage (from anywhere; the script cd's to the project root itself):
#
#     scripts/bench-pipeline.sh
#     N=500 LAT_N=20 scripts/bench-pipeline.sh      # quick smoke run
#
# It prints three sections, each with a heading line and `key: value` figures:
#
#   1. Throughput   `wirewatch process <corpus> --out <tmp>` over N unique
#                   articles (records are durable: synced, renamed and
#                   committed in groups). Checks that exactly N records were written.
#                   Target: >= 1000 articles/s on 2 cores.
#   2. Latency      drop-to-record latency of the daemon (`wirewatch run`):
#                   LAT_N files are dropped one at a time into an empty watched
#                   folder (written to a dot/.tmp name, then renamed into place
#                   so the write is atomic); the clock runs from just before
#                   the rename until the record file exists at its final path
#                   (records are written temp-file-then-rename, so existing
#                   means complete). Prints p50 / p99 / max in ms.
#                   Target: p50 <= settle_ms + 20 ms. Then SIGTERM, expect exit 0.
#   3. Memory       max RSS of `wirewatch process` over MEM_N files and over N
#                   files, and their ratio. Target: flat (ratio <= 1.10).
#
# Corpus: ../shared/seeds/*.txt and ../shared/data/news/bbc/*/*.txt (relative
# to the project root), repeated round-robin; a final line `[copy <i>]` is
# appended to each copy so that every file's content is unique (no duplicates).
#
# Environment knobs (all optional):
#   N=10000          articles for the throughput run and the large memory run
#   LAT_N=200        files dropped in the latency run
#   MEM_N=N/10       articles for the small memory run (default 1000)
#   SETTLE_MS=300    watch.settle_ms for the daemon (passed as
#                    WIREWATCH_WATCH_SETTLE_MS)
#   LAT_PAUSE_MS=50  pause between two drops once the previous record exists
#   LAT_TIMEOUT_S=30 give up waiting for one record after this many seconds
#   WORKERS=         --workers for every run (default: wirewatch's default,
#                    one per core)
#   BUILD=auto       auto: `cargo build --release` when the binary is missing
#                    or older than src/, Cargo.toml, Cargo.lock;
#                    1: always build; 0: never build
#   STRICT=0         1: also exit non-zero when a performance target is missed
#   TMPDIR           where the temporary corpus/output folders are created
#
# Other WIREWATCH_* variables in the caller's environment are ignored (unset)
# so that runs are reproducible with the embedded default configuration.
#
# Requirements: bash, python3 (standard library only), curl or python3 for
# HTTP, /usr/bin/time (GNU time) if present — otherwise max RSS is taken from
# getrusage(RUSAGE_CHILDREN) in a python3 wrapper.
#
# Exit status: 0 when every correctness check passed (record counts, daemon
# exit code, …); 1 when a check failed (or a target was missed with STRICT=1);
# 2 on a setup error (missing ../shared, build failure, …).
# Temporary folders are removed on exit (also on Ctrl-C / errors).
# -----------------------------------------------------------------------------
set -euo pipefail

BENCH_NAME=bench-pipeline
# shellcheck source=scripts/bench-common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

SHARED=../shared
SEEDS_GLOB="$SHARED/seeds/*.txt"
compgen -G "$SEEDS_GLOB" >/dev/null || die "no files match $ROOT/$SEEDS_GLOB"

# --- parameters ---------------------------------------------------------------
N=${N:-10000}
LAT_N=${LAT_N:-200}
SETTLE_MS=${SETTLE_MS:-300}
LAT_PAUSE_MS=${LAT_PAUSE_MS:-50}
LAT_TIMEOUT_S=${LAT_TIMEOUT_S:-30}
BUILD=${BUILD:-auto}
STRICT=${STRICT:-0}
[[ $N =~ ^[0-9]+$ ]] || die "N must be a non-negative integer (got '$N')"
MEM_N=${MEM_N:-$(( N / 10 > 0 ? N / 10 : 1 ))}
for v in N LAT_N MEM_N SETTLE_MS LAT_PAUSE_MS LAT_TIMEOUT_S; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a non-negative integer (got '${!v}')"
done
(( N > 0 && LAT_N > 0 && MEM_N > 0 )) || die "N, LAT_N and MEM_N must be > 0"
(( MEM_N <= N )) || die "MEM_N ($MEM_N) must not exceed N ($N)"
[[ $STRICT == 0 || $STRICT == 1 ]] || die "STRICT must be 0 or 1"


# --- binary -------------------------------------------------------------------
ensure_binary

# --- temp folders, cleanup ------------------------------------------------------
TMP_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/bench-pipeline.XXXXXX")
cleanup_daemon_on_exit

FAILED=()   # correctness checks that failed
MISSED=()   # performance targets that were missed
check() {   # check NAME CONDITION-STATUS(0=ok)
  if [[ $2 == 0 ]]; then echo "check $1: ok"; else echo "check $1: FAILED"; FAILED+=("$1"); fi
}
target() {  # target NAME MET(0/1) DESCRIPTION
  if [[ $2 == 1 ]]; then echo "target: $3 -> met"; else echo "target: $3 -> MISSED"; MISSED+=("$1"); fi
}
count_records() {  # number of finished record files below $1 (temp files excluded)
  if [[ -d $1 ]]; then
    find "$1" -type f -name '*.json' ! -name '*.wwtmp' | wc -l | tr -d ' '
  else
    echo 0
  fi
}
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }

# --- corpus ---------------------------------------------------------------------

echo "wirewatch pipeline benchmark"
echo "binary: $ROOT/$BIN ($("$BIN" --version))"
echo "cpus: $(nproc)"
echo "workers: ${WORKERS:-default (one per core)}"
echo "tmpdir: $TMP_ROOT"

CORPUS=$TMP_ROOT/corpus
t0=$(now)
n_sources=$(make_corpus "$CORPUS" "$N" copy "$SEEDS_GLOB" "$BBC_GLOB")
echo "corpus: $N files ($(du -sk "$CORPUS" | cut -f1) KiB) from $n_sources source articles, built in $(calc "round($(now) - $t0, 2)") s"

# run_process CORPUS OUT LOG [TIMEFILE]: runs `wirewatch process`, prints the
# summary line on stdout; with TIMEFILE, under /usr/bin/time -v (or a python
# getrusage wrapper) which writes the max RSS in KiB to TIMEFILE.
HAVE_GNU_TIME=0
[[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null && HAVE_GNU_TIME=1 || true
run_process() {
  local corpus=$1 out=$2 log=$3 timefile=${4:-}
  local cmd=("$BIN" process "$corpus" --out "$out" "${WORKER_ARGS[@]}")
  if [[ -z $timefile ]]; then
    "${cmd[@]}" 2>"$log"
  elif (( HAVE_GNU_TIME )); then
    local rc=0
    /usr/bin/time -v -o "$timefile.raw" "${cmd[@]}" 2>"$log" || rc=$?
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$timefile.raw" >"$timefile"
    return "$rc"
  else
    python3 - "$timefile" "${cmd[@]}" 2>"$log" <<'PY'
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as f:
    f.write("%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux
sys.exit(rc)
PY
  fi
}

# ==============================================================================
echo
echo "== 1. Throughput: wirewatch process over $N unique articles =="
OUT1=$TMP_ROOT/out-throughput
sync  # do not charge the corpus write-back to the benchmark
rc=0
t0=$(now)
summary=$(run_process "$CORPUS" "$OUT1" "$TMP_ROOT/process.log") || rc=$?
t1=$(now)
secs=$(calc "round($t1 - $t0, 3)")
records=$(count_records "$OUT1/records")
echo "summary: $summary"
echo "exit_code: $rc"
echo "files: $N"
echo "records: $records"
echo "seconds: $secs"
echo "articles_per_s: $(calc "round($N / max($t1 - $t0, 1e-9))")"
ok=$(sed -n 's/^[0-9]* files: \([0-9]*\) ok.*/\1/p' <<<"$summary")
check "process exit code 0" "$(( rc != 0 ))"
check "records == $N" "$(( records != N ))"
check "summary ok == $N" "$(( ${ok:-0} != N ))"
if (( rc != 0 )); then echo "--- last lines of the process log:"; tail -n 5 "$TMP_ROOT/process.log"; fi
target throughput "$(calc "int($N / max($t1 - $t0, 1e-9) >= 1000)")" ">= 1000 articles/s"
rm -rf -- "$OUT1"

# ==============================================================================
echo
echo "== 2. Drop-to-record latency: wirewatch run, $LAT_N files dropped one at a time =="
WATCH=$TMP_ROOT/watch
OUT2=$TMP_ROOT/out-daemon
DLOG=$TMP_ROOT/daemon.log
mkdir -p "$WATCH"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ADDR=127.0.0.1:$PORT
echo "settle_ms: $SETTLE_MS"
echo "pause_between_drops_ms: $LAT_PAUSE_MS"
echo "metrics_addr: $ADDR"
WIREWATCH_WATCH_SETTLE_MS=$SETTLE_MS "$BIN" run --watch "$WATCH" --out "$OUT2" \
  --metrics-addr "$ADDR" "${WORKER_ARGS[@]}" >"$DLOG" 2>&1 &
DAEMON_PID=$!

http_get() {  # http_get URL -> prints "STATUS\nBODY"; STATUS 000 when unreachable
  python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
        print(r.status); sys.stdout.write(r.read().decode("utf-8", "replace"))
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print("000")
PY
}

ready=0
t0=$(now)
for _ in $(seq 300); do  # up to ~30 s
  kill -0 "$DAEMON_PID" 2>/dev/null || break
  if [[ $(http_get "http://$ADDR/readyz" | head -n 1) == 200 ]]; then ready=1; break; fi
  sleep 0.1
done
echo "ready_after_s: $(calc "round($(now) - $t0, 2)")"
if (( ! ready )); then
  echo "--- daemon log:"; tail -n 20 "$DLOG"
  check "daemon ready (/readyz 200)" 1
else
  check "daemon ready (/readyz 200)" 0
  lat_rc=0
  python3 - "$WATCH" "$OUT2/records" "$LAT_N" "$LAT_PAUSE_MS" "$LAT_TIMEOUT_S" "$SHARED" \
    "$SETTLE_MS" "$TMP_ROOT/latency.p50" <<'PY' || lat_rc=$?
import glob, os, sys, time
watch, records, n, pause_ms, timeout_s, shared, settle_ms, p50_file = sys.argv[1:9]
n, pause, timeout, settle_ms = int(n), int(pause_ms) / 1000, float(timeout_s), int(settle_ms)
sources = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))) \
        + sorted(glob.glob(os.path.join(shared, "data", "news", "bbc", "*", "*.txt")))
nonce = "%d-%d" % (os.getpid(), time.time_ns())
lat, missing = [], 0
width = len(str(n))
for i in range(n):
    with open(sources[i % len(sources)], "rb") as f:
        body = f.read()
    name = f"lat{i:0{width}d}.txt"
    tmp = os.path.join(watch, f".{name}.tmp")
    with open(tmp, "wb") as f:
        f.write(body.rstrip(b"\n") + b"\n\n[latency %d %s]\n" % (i, nonce.encode()))
    record = os.path.join(records, name + ".json")
    t0 = time.perf_counter()
    os.rename(tmp, os.path.join(watch, name))
    deadline = t0 + timeout
    while not os.path.exists(record):
        if time.perf_counter() > deadline:
            break
        time.sleep(0.001)
    else:
        lat.append((time.perf_counter() - t0) * 1000)
        time.sleep(pause)
        continue
    missing += 1
    print(f"record of {name} did not appear within {timeout:g} s", file=sys.stderr)
if not lat:
    print("dropped: %d" % n); print("records_seen: 0"); sys.exit(1)
s = sorted(lat)
def pct(p):  # nearest-rank percentile
    k = max(1, -(-p * len(s) // 100))
    return s[int(k) - 1]
print("dropped: %d" % n)
print("records_seen: %d" % len(lat))
print("p50_ms: %.1f" % pct(50))
print("p99_ms: %.1f" % pct(99))
print("max_ms: %.1f" % s[-1])
print("min_ms: %.1f" % s[0])
print("mean_ms: %.1f" % (sum(s) / len(s)))
print("p50_minus_settle_ms: %.1f" % (pct(50) - settle_ms))
with open(p50_file, "w") as f:
    f.write("%.3f\n" % pct(50))
sys.exit(1 if missing else 0)
PY
  check "all $LAT_N records appeared" "$(( lat_rc != 0 ))"
  if [[ -f $TMP_ROOT/latency.p50 ]]; then
    p50=$(cat "$TMP_ROOT/latency.p50")
    target latency "$(calc "int($p50 <= $SETTLE_MS + 20)")" "p50 <= settle_ms + 20 = $(( SETTLE_MS + 20 )) ms"
  else
    target latency 0 "p50 <= settle_ms + 20 = $(( SETTLE_MS + 20 )) ms (no samples)"
  fi
  metrics_ok=$(http_get "http://$ADDR/metrics" \
    | sed -n 's/^wirewatch_articles_total{outcome="ok"} \([0-9.e+]*\)$/\1/p' | head -n 1)
  echo "metrics_articles_ok: ${metrics_ok:-absent}"
  check "wirewatch_articles_total{outcome=\"ok\"} == $LAT_N" \
    "$(calc "int(not ('${metrics_ok}' and float('${metrics_ok:-0}') == $LAT_N))")"
fi

# Graceful shutdown.
d_rc=0
if kill -0 "$DAEMON_PID" 2>/dev/null; then
  t0=$(now)
  kill -TERM "$DAEMON_PID"
  wait "$DAEMON_PID" || d_rc=$?
  echo "shutdown_ms: $(calc "round(($(now) - $t0) * 1000)")"
else
  wait "$DAEMON_PID" || d_rc=$?
  echo "daemon exited before SIGTERM"
fi
DAEMON_PID=
echo "daemon_exit_code: $d_rc"
check "daemon exits 0 on SIGTERM" "$(( d_rc != 0 ))"
if (( d_rc != 0 )); then echo "--- last lines of the daemon log:"; tail -n 10 "$DLOG"; fi

# ==============================================================================
echo
echo "== 3. Memory: max RSS of wirewatch process over $MEM_N and $N files =="
SMALL=$TMP_ROOT/corpus-small
mkdir -p "$SMALL"
# The first MEM_N files of the corpus (hard links: same content, no copy).
find "$CORPUS" -maxdepth 1 -type f -name 'a*.txt' | sort | head -n "$MEM_N" \
  | xargs -d '\n' ln -t "$SMALL" 2>/dev/null \
  || { rm -rf -- "$SMALL"; mkdir -p "$SMALL"; make_corpus "$SMALL" "$MEM_N" copy "$SEEDS_GLOB" "$BBC_GLOB" >/dev/null; }
echo "rss_method: $( (( HAVE_GNU_TIME )) && echo '/usr/bin/time -v' || echo 'getrusage(RUSAGE_CHILDREN)')"
declare -A RSS
for pair in "small:$SMALL:$MEM_N" "large:$CORPUS:$N"; do
  IFS=: read -r label dir count <<<"$pair"
  out=$TMP_ROOT/out-mem-$label
  rc=0
  run_process "$dir" "$out" "$TMP_ROOT/mem-$label.log" "$TMP_ROOT/rss-$label" >/dev/null || rc=$?
  rss=$(cat "$TMP_ROOT/rss-$label" 2>/dev/null || true)
  RSS[$label]=${rss:-0}
  records=$(count_records "$out/records")
  echo "max_rss_${count}_files_kib: ${rss:-unknown} ($(calc "round(${rss:-0} / 1024, 1)") MiB)"
  check "memory run over $count files: exit 0 and $count records" "$(( rc != 0 || records != count ))"
  rm -rf -- "$out"
done
if (( ${RSS[small]} > 0 )); then
  ratio=$(calc "round(${RSS[large]} / ${RSS[small]}, 3)")
  echo "ratio_${N}_over_${MEM_N}: $ratio"
  target memory "$(calc "int($ratio <= 1.10)")" "flat max RSS (ratio <= 1.10)"
else
  echo "ratio_${N}_over_${MEM_N}: unknown"
  target memory 0 "flat max RSS (ratio <= 1.10): RSS not measured"
fi

# ==============================================================================
echo
echo "== Result =="
echo "checks_failed: ${#FAILED[@]}${FAILED:+ (${FAILED[*]})}"
echo "targets_missed: ${#MISSED[@]}${MISSED:+ (${MISSED[*]})}"
if (( ${#FAILED[@]} > 0 )); then exit 1; fi
if (( STRICT == 1 && ${#MISSED[@]} > 0 )); then exit 1; fi
exit 0
