#!/usr/bin/env bash
# -----------------------------------------------------------------------------
# bench-intake.sh — how the daemon takes files in: latency of files written in
# place at once (the close-after-write path) and the daemon's memory after
# backfilling folders of different sizes. Prints `key: value` figures.
#
#   scripts/bench-intake.sh
#   MEM_SIZES="10000 1000000" scripts/bench-intake.sh   # the million takes a while
#
#   1. Latency   LAT_N files are written in place into the watched folder of a
#                running daemon, each at once (create, write, close), one at a
#                time; the clock runs from the close until the record exists.
#                p50 / p99 / max in ms. Target: p50 <= settle_ms + 10 ms.
#   2. Memory    for each size in MEM_SIZES, that many small unique articles
#                are written to a folder, then `wirewatch run` backfills it;
#                once every article has its record, the daemon's peak
#                resident memory (VmHWM) and the backfill time are printed,
#                and the ratio of each peak to the first. Target: the largest
#                within 20 % of the smallest. Then the daemon is left to run
#                its next interval rescan over the settled folder: how long
#                that scan took (wirewatch_rescan_duration_seconds), the
#                daemon's CPU time while waiting for it (the index catching
#                up included), and the bytes and articles read meanwhile
#                (both must stay 0: settled files are not read again).
#
# Knobs: LAT_N=200, SETTLE_MS=300, MEM_SIZES="10000 100000", WORKERS=, BUILD=auto,
# INDEX=1 (0: the daemons run with index.enabled = false, to tell the
# watcher's and pipeline's memory from the index's).
# -----------------------------------------------------------------------------
set -euo pipefail
BENCH_NAME=bench-intake
# shellcheck source=scripts/bench-common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

LAT_N=${LAT_N:-200}
SETTLE_MS=${SETTLE_MS:-300}
MEM_SIZES=${MEM_SIZES:-"10000 100000"}
INDEX=${INDEX:-1}
positive_int LAT_N SETTLE_MS
ensure_binary

TMP_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/bench-intake.XXXXXX")
trap 'rm -rf "$TMP_ROOT"' EXIT

python3 - "$BIN" "$TMP_ROOT" "$LAT_N" "$SETTLE_MS" "${WORKERS:-0}" "$INDEX" $MEM_SIZES <<'PY'
import os, socket, statistics, subprocess, sys, time, urllib.request

binary, tmp, lat_n, settle_ms, workers, index = sys.argv[1:7]
lat_n, settle_ms, workers = int(lat_n), int(settle_ms), int(workers)
sizes = [int(s) for s in sys.argv[7:]]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def article(i):
    return (f"Headline number {i}\nThe council met on Tuesday to discuss item {i}. "
            f"Members agreed to continue the talks next week.\n"
            f"A spokesperson said the budget of {i} million dollars would be published soon.\n")

def start(watch, out, log):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env["WIREWATCH_WATCH_SETTLE_MS"] = str(settle_ms)
    if index == "0":
        env["WIREWATCH_INDEX_ENABLED"] = "false"
    cmd = [binary, "run", "--watch", watch, "--out", out,
           "--metrics-addr", f"127.0.0.1:{port}", "--log-format", "json"]
    if workers:
        cmd += ["--workers", str(workers)]
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=open(log, "w"))
    return p, port

def metric(port, series):
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return None

def ready(port, deadline=60):
    end = time.time() + deadline
    while time.time() < end:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    sys.exit("daemon not ready")

def stop(p):
    p.terminate()
    try:
        return p.wait(60)
    except subprocess.TimeoutExpired:
        p.kill()
        return None

def metric_sum(port, name):
    """The sum of every series of `name` (all label values)."""
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    except OSError:
        return None
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            total += float(line.rsplit(" ", 1)[1])
    return total

def cpu_s(pid):
    """User plus system CPU seconds of the process so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def peak_rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

# 1. Latency of files written in place at once.
print("== latency: files written in place at once ==")
watch, out = os.path.join(tmp, "lat-in"), os.path.join(tmp, "lat-out")
os.makedirs(watch)
p, port = start(watch, out, os.path.join(tmp, "lat.log"))
ready(port)
samples = []
for i in range(lat_n):
    name = f"w{i:05}.txt"
    record = os.path.join(out, "records", name + ".json")
    with open(os.path.join(watch, name), "w") as f:
        f.write(article(i))
    t0 = time.monotonic()  # the close
    while not os.path.exists(record):
        if time.monotonic() - t0 > 30:
            sys.exit(f"no record for {name} after 30 s")
        time.sleep(0.0005)
    samples.append((time.monotonic() - t0) * 1000)
    time.sleep(0.05)
rc = stop(p)
samples.sort()
pct = lambda q: samples[min(len(samples) - 1, int(q / 100 * len(samples)))]
print(f"files: {lat_n}")
print(f"settle_ms: {settle_ms}")
print(f"p50_ms: {statistics.median(samples):.1f}")
print(f"p99_ms: {pct(99):.1f}")
print(f"max_ms: {samples[-1]:.1f}")
print(f"p50_minus_settle_ms: {statistics.median(samples) - settle_ms:.1f}")
print(f"target p50 <= settle_ms + 10: {'met' if statistics.median(samples) <= settle_ms + 10 else 'MISSED'}")
print(f"daemon exit: {rc}")

# 2. Memory after backfilling folders of different sizes.
print("== memory: daemon backfill ==")
first = None
for n in sizes:
    watch, out = os.path.join(tmp, f"mem{n}-in"), os.path.join(tmp, f"mem{n}-out")
    for d in range(0, n, 1000):
        sub = os.path.join(watch, f"d{d // 1000:04}")
        os.makedirs(sub)
        for i in range(d, min(n, d + 1000)):
            with open(os.path.join(sub, f"a{i:07}.txt"), "w") as f:
                f.write(article(i))
    t0 = time.monotonic()
    p, port = start(watch, out, os.path.join(tmp, f"mem{n}.log"))
    ready(port, deadline=600)
    while (metric(port, 'wirewatch_articles_total{outcome="ok"}') or 0) < n:
        if p.poll() is not None:
            sys.exit(f"daemon exited during the backfill of {n}")
        time.sleep(1)
    took = time.monotonic() - t0
    peak = peak_rss_kb(p.pid) / 1024
    # The next interval rescan of the settled folder: its CPU, and nothing read.
    ok0 = metric(port, 'wirewatch_articles_total{outcome="ok"}') or 0
    read0 = metric_sum(port, "wirewatch_bytes_read_total") or 0
    scans0 = metric_sum(port, "wirewatch_rescan_duration_seconds_count") or 0
    scan_s0 = metric_sum(port, "wirewatch_rescan_duration_seconds_sum") or 0
    cpu0, w0 = cpu_s(p.pid), time.monotonic()
    while (metric_sum(port, "wirewatch_rescan_duration_seconds_count") or 0) <= scans0:
        if p.poll() is not None:
            sys.exit(f"daemon exited waiting for a rescan of {n}")
        time.sleep(0.2)
    cpu1, w1 = cpu_s(p.pid), time.monotonic()
    scan_s = (metric_sum(port, "wirewatch_rescan_duration_seconds_sum") or 0) - scan_s0
    reread = (metric_sum(port, "wirewatch_bytes_read_total") or 0) - read0
    again = (metric(port, 'wirewatch_articles_total{outcome="ok"}') or 0) - ok0
    peak_after = peak_rss_kb(p.pid) / 1024
    rc = stop(p)
    first = first or peak
    print(f"files: {n}  backfill_s: {took:.1f}  files_per_s: {n / took:.0f}  peak_rss_mb: {peak:.1f}  ratio_to_first: {peak / first:.3f}  exit: {rc}")
    print(f"  settled rescan: took_s {scan_s:.2f}  daemon cpu_s {cpu1 - cpu0:.2f} over {w1 - w0:.1f} s waiting  "
          f"bytes_read {reread:.0f}  articles {again:.0f}  peak_rss_mb_after {peak_after:.1f}")
    subprocess.run(["rm", "-rf", watch, out])
PY
