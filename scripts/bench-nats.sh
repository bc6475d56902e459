#!/usr/bin/env bash
# -----------------------------------------------------------------------------
# bench-nats.sh — wirewatch on NATS JetStream against `wirewatch process`.
#
# Usage (from anywhere; the script cd's to the project root itself):
#
#     scripts/bench-nats.sh
#     N=1000 RUNS=1 scripts/bench-nats.sh        # quicker
#
# Needs nats-server (2.9 or later) on PATH, python3 (standard library only)
# and the release binary (built when missing or stale, see BUILD).
#
# Corpus: N unique articles from ../shared/data/news/bbc/*/*.txt (relative to
# the project root), round-robin; a final line `[bench-nats <i>]` makes every
# file's content unique (so no article is a duplicate of another).
#
# Measures, RUNS times each (every run from empty output folders and, for
# NATS, a fresh nats-server with its own temporary store):
#
#   process   `wirewatch process <corpus> --out <dir>`: articles/s (wall
#             clock) and CPU time per article (user + system).
#   nats W    for W in WORKER_COUNTS (default "1 2"): a throwaway nats-server
#             with JetStream on free loopback ports. `wirewatch ingest`
#             publishes the whole corpus first (until its
#             wirewatch_nats_published_total reaches N; then it is stopped).
#             Then W `wirewatch work` processes start, and the time from their
#             start until the records stream (WIREWATCH_RECORDS, read from the
#             server's monitoring endpoint /jsz?streams=true) holds N messages
#             gives articles/s. The workers' acks (wirewatch_nats_acked_total,
#             summed) and their records on disk are checked to be N too.
#
# CPU time comes from wait4(2) on each process (what /usr/bin/time reports),
# and for nats-server from /proc/<pid>/stat during each phase. The cost of the
# NATS path per article is (workers' CPU per article) − (process CPU per
# article): what consuming, acking and publishing records adds to the same
# extraction and durable write.
#
# Environment knobs (all optional):
#   N=5000              articles in the corpus
#   RUNS=3              runs of each measurement (medians are reported)
#   WORKER_COUNTS="1 2" worker processes for the NATS runs
#   WORKERS=            --workers (pipeline threads per process; default: one per core)
#   BUILD=auto          auto: `cargo build --release` when the binary is missing or
#                       older than src/, Cargo.toml, Cargo.lock; 1: always; 0: never
#   NATS_SERVER=nats-server
#   TIMEOUT_S=900       longest wait for one phase
#   TMPDIR              where the corpus, stores and output folders go
#
# Output: one line per run, then `key: value` lines with the medians.
# Exit status: 0 on success, 1 when a run failed or came out wrong, 2 on a
# setup error. Every process started here is stopped, and the temporary
# folder removed, on exit.
# -----------------------------------------------------------------------------
set -euo pipefail

BENCH_NAME=bench-nats
# shellcheck source=scripts/bench-common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

N=${N:-5000}
RUNS=${RUNS:-3}
WORKER_COUNTS=${WORKER_COUNTS:-"1 2"}
BUILD=${BUILD:-auto}
NATS_SERVER=${NATS_SERVER:-nats-server}
TIMEOUT_S=${TIMEOUT_S:-900}
positive_int N RUNS
[[ $WORKER_COUNTS =~ ^[1-9][0-9]*( [1-9][0-9]*)*$ ]] \
  || die "WORKER_COUNTS must be positive integers separated by spaces (got '$WORKER_COUNTS')"
positive_int TIMEOUT_S
NATS_BIN=$(command -v "$NATS_SERVER") || die "$NATS_SERVER not found (apt-get install nats-server)"

ensure_binary

bbc_corpus_in_tmp

echo "wirewatch NATS JetStream benchmark"
echo "binary: $ROOT/$BIN ($("$BIN" --version))"
echo "nats-server: $NATS_BIN ($("$NATS_BIN" --version 2>&1))"
echo "cpus: $(nproc)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pipeline threads per process: ${WORKERS:-default (one per core)}"
echo "corpus: $N files ($(du -sk "$CORPUS" | cut -f1) KiB) from $(compgen -G "$BBC_GLOB" | wc -l) BBC articles"
echo "runs: $RUNS"
echo

python3 - "$BIN" "$NATS_BIN" "$CORPUS" "$TMP_ROOT" "$N" "$RUNS" "$WORKER_COUNTS" "${WORKERS:-}" "$TIMEOUT_S" <<'PY'
import json, os, shutil, signal, socket, statistics, subprocess, sys, time, urllib.request

BIN, NATS_BIN, CORPUS, TMP = sys.argv[1:5]
N, RUNS = int(sys.argv[5]), int(sys.argv[6])
COUNTS = [int(w) for w in sys.argv[7].split()]
THREADS = ["--workers", sys.argv[8]] if sys.argv[8] else []
TIMEOUT = float(sys.argv[9])
CLK = os.sysconf("SC_CLK_TCK")
children = []


class Failed(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode()
    except OSError:
        return None


def metric(port, series):
    """Sum of the samples whose name (and labels) start with `series`."""
    text = http_get(f"http://127.0.0.1:{port}/metrics")
    if text is None:
        return None
    total = 0.0
    for line in text.splitlines():
        if line.startswith(series) and line[len(series):len(series) + 1] in (" ", "{", ","):
            total += float(line.rsplit(" ", 1)[1])
    return total


def spawn(args, log):
    p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=open(log, "wb"))
    p.log = log
    children.append(p)
    return p


def reap(p, sig=signal.SIGTERM, timeout=60.0):
    """Stops a child (sig, then SIGKILL after timeout); returns (exit code, CPU s)."""
    if sig is not None:
        p.send_signal(sig)
    end = time.monotonic() + timeout
    while True:
        flags = os.WNOHANG if time.monotonic() < end else 0
        if flags == 0:
            p.kill()
        try:
            pid, status, ru = os.wait4(p.pid, flags)
        except ChildProcessError:  # already reaped by Popen.poll(): no usage left
            children.remove(p)
            return p.returncode, float("nan")
        if pid:
            p.returncode = os.waitstatus_to_exitcode(status)
            children.remove(p)
            return p.returncode, ru.ru_utime + ru.ru_stime
        time.sleep(0.01)


def proc_cpu(pid):
    """User + system CPU seconds of a live process, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def wait_until(cond, what, timeout=TIMEOUT, poll=0.02, procs=()):
    t0 = time.perf_counter()
    while True:
        if cond():
            return time.perf_counter() - t0
        for p in procs:
            if p.poll() is not None:
                raise Failed(f"{what}: {p.args[1]} exited with {p.returncode}\n{tail(p.log)}")
        if time.perf_counter() - t0 > timeout:
            raise Failed(f"{what}: not done after {timeout:.0f} s\n"
                         + "\n".join(tail(p.log) for p in procs))
        time.sleep(poll)


def tail(path, n=8):
    try:
        with open(path, "rb") as f:
            lines = f.read().decode(errors="replace").splitlines()
    except OSError:
        return ""
    return f"--- {path}\n" + "\n".join(lines[-n:])


def count_records(out):
    n = 0
    for _, _, files in os.walk(os.path.join(out, "records")):
        n += sum(1 for f in files if f.endswith(".json"))
    return n


class Nats:
    def __init__(self, store):
        self.port, self.mon = free_port(), free_port()
        self.proc = spawn([NATS_BIN, "-js", "-a", "127.0.0.1", "-p", str(self.port),
                           "-m", str(self.mon), "-sd", store], store + ".log")
        self.url = f"nats://127.0.0.1:{self.port}"
        wait_until(lambda: http_get(f"http://127.0.0.1:{self.mon}/healthz") is not None,
                   "nats-server start", timeout=30, procs=[self.proc])

    def stream(self, name):
        """(messages, bytes) of a stream, from the monitoring endpoint."""
        text = http_get(f"http://127.0.0.1:{self.mon}/jsz?streams=true")
        for account in json.loads(text or "{}").get("account_details", []):
            for s in account.get("stream_detail", []):
                if s["name"] == name:
                    return s["state"]["messages"], s["state"]["bytes"]
        return 0, 0

    def cpu(self):
        return proc_cpu(self.proc.pid)

    def stop(self):
        reap(self.proc)


def run_process(i):
    out = os.path.join(TMP, f"out-process-{i}")
    t0 = time.perf_counter()
    p = spawn([BIN, "process", CORPUS, "--out", out, *THREADS], out + ".log")
    rc, cpu = reap(p, sig=None, timeout=TIMEOUT)
    wall = time.perf_counter() - t0
    records = count_records(out)
    if rc != 0 or records != N:
        raise Failed(f"process run {i}: exit {rc}, {records} records of {N}\n{tail(p.log)}")
    shutil.rmtree(out)
    return {"wall": wall, "cpu": cpu}


def run_nats(workers, i):
    base = os.path.join(TMP, f"nats-{workers}-{i}")
    os.makedirs(base)
    nats = Nats(os.path.join(base, "store"))
    try:
        # 1. The whole corpus into the work queue.
        mport = free_port()
        cpu0 = nats.cpu()
        ingest = spawn([BIN, "ingest", "--nats", nats.url, "--watch", CORPUS,
                        "--out", os.path.join(base, "ingest"), "--metrics-addr",
                        f"127.0.0.1:{mport}", "--log-format", "json", *THREADS],
                       os.path.join(base, "ingest.log"))
        publish_wall = wait_until(
            lambda: (metric(mport, "wirewatch_nats_published_total") or 0) >= N,
            "ingest publishing the corpus", procs=[ingest])
        duplicates = metric(mport, 'wirewatch_nats_published_total{result="duplicate"}')
        rc, ingest_cpu = reap(ingest)
        nats_publish_cpu = nats.cpu() - cpu0
        queued, queued_bytes = nats.stream("WIREWATCH_ARTICLES")
        if rc != 0 or duplicates != 0 or queued != N:
            raise Failed(f"ingest: exit {rc}, {duplicates} duplicates, {queued} messages "
                         f"queued of {N}\n{tail(ingest.log)}")
        # 2. Workers from a full queue until the records stream holds N.
        ports = [free_port() for _ in range(workers)]
        outs = [os.path.join(base, f"w{k}") for k in range(workers)]
        cpu0 = nats.cpu()
        t0 = time.perf_counter()
        procs = [spawn([BIN, "work", "--nats", nats.url, "--out", out, "--metrics-addr",
                        f"127.0.0.1:{port}", "--log-format", "json", *THREADS], out + ".log")
                 for out, port in zip(outs, ports)]
        wait_until(lambda: nats.stream("WIREWATCH_RECORDS")[0] >= N,
                   f"{workers} worker(s) recording the corpus", procs=procs)
        wall = time.perf_counter() - t0
        nats_work_cpu = nats.cpu() - cpu0
        acked = lambda: sum(metric(p, "wirewatch_nats_acked_total") or 0 for p in ports)
        wait_until(lambda: acked() >= N and nats.stream("WIREWATCH_ARTICLES")[0] == 0,
                   "acks", timeout=60, procs=procs)
        n_acked = acked()
        redelivered = sum(metric(p, "wirewatch_nats_redelivered_total") or 0 for p in ports)
        records, records_bytes = nats.stream("WIREWATCH_RECORDS")
        results = [reap(p) for p in procs]
        on_disk = sum(count_records(out) for out in outs)
        if any(rc != 0 for rc, _ in results) or records != N or on_disk != N or n_acked != N:
            raise Failed(f"workers: exits {[rc for rc, _ in results]}, {records} records in "
                         f"the stream, {on_disk} on disk, {n_acked:.0f} acked, of {N}")
        return {
            "wall": wall, "cpu": sum(c for _, c in results), "publish_wall": publish_wall,
            "ingest_cpu": ingest_cpu, "nats_publish_cpu": nats_publish_cpu,
            "nats_work_cpu": nats_work_cpu, "redelivered": redelivered,
            "article_msg_bytes": queued_bytes / N, "record_msg_bytes": records_bytes / N,
            "per_worker": [round(c, 2) for _, c in results],
        }
    finally:
        for p in list(children):
            if p is not nats.proc:
                reap(p, sig=signal.SIGKILL)
        nats.stop()
        shutil.rmtree(base, ignore_errors=True)


def us(seconds):
    return seconds / N * 1e6


def main():
    run_process(0)  # warm-up (page cache, binary), not counted
    proc, nats = [], {w: [] for w in COUNTS}
    for i in range(1, RUNS + 1):
        r = run_process(i)
        proc.append(r)
        print(f"run {i}: process           {r['wall']:7.2f} s {N / r['wall']:6.0f} articles/s "
              f"{us(r['cpu']):5.0f} us CPU/article", flush=True)
        for w in COUNTS:
            r = run_nats(w, i)
            nats[w].append(r)
            print(f"run {i}: nats {w} worker(s)    {r['wall']:7.2f} s {N / r['wall']:6.0f} articles/s "
                  f"{us(r['cpu']):5.0f} us CPU/article (per worker {r['per_worker']} s); "
                  f"publish {N / r['publish_wall']:.0f} articles/s; "
                  f"nats-server {us(r['nats_work_cpu']):.0f} us/article; "
                  f"redelivered {r['redelivered']:.0f}", flush=True)
    med = lambda rows, key: statistics.median(row[key] for row in rows)
    p_rate = N / med(proc, "wall")
    p_cpu = us(med(proc, "cpu"))
    print()
    print(f"articles: {N}")
    print(f"process_articles_per_s: {p_rate:.0f}")
    print(f"process_cpu_us_per_article: {p_cpu:.0f}")
    first = nats[COUNTS[0]]
    print(f"ingest_publish_articles_per_s: {N / med(first, 'publish_wall'):.0f}")
    print(f"ingest_cpu_us_per_article: {us(med(first, 'ingest_cpu')):.0f}")
    print(f"nats_server_cpu_us_per_article_publish: {us(med(first, 'nats_publish_cpu')):.0f}")
    print(f"article_message_bytes_mean: {med(first, 'article_msg_bytes'):.0f}")
    print(f"record_message_bytes_mean: {med(first, 'record_msg_bytes'):.0f}")
    for w in COUNTS:
        rows = nats[w]
        label = f"nats_{w}_worker{'s' if w > 1 else ''}"
        w_cpu = us(med(rows, "cpu"))
        print(f"{label}_articles_per_s: {N / med(rows, 'wall'):.0f}")
        print(f"{label}_cpu_us_per_article: {w_cpu:.0f}")
        print(f"{label}_nats_server_cpu_us_per_article: {us(med(rows, 'nats_work_cpu')):.0f}")
        print(f"{label}_redelivered: {max(r['redelivered'] for r in rows):.0f}")
        print(f"{label}_nats_path_cost_us_per_article: {w_cpu - p_cpu:.0f}")


try:
    main()
except Failed as e:
    print(f"bench-nats: failed: {e}", file=sys.stderr)
    sys.exit(1)
finally:
    for p in list(children):
        reap(p, sig=signal.SIGKILL)
PY
