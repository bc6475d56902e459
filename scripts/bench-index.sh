#!/usr/bin/env bash
# Index cost and search latency, printed as figures.
#
#   scripts/bench-index.sh [ARTICLES] [SEARCH_ARTICLES]
#
# 1. Processes ARTICLES generated articles (variants of the samples) three
#    times each without the index, with SQLite and (when
#    WIREWATCH_TEST_POSTGRES_URL names a server) with PostgreSQL, one
#    pipeline worker, and prints the wall and CPU time per article (min and
#    median of the runs) and the index's share of it.
# 2. Builds an index of SEARCH_ARTICLES records (`index rebuild`), starts the
#    daemon on it and times /api/search for 200 queries (p50, p99).
# Uses target/release/wirewatch when built, else target/debug/wirewatch.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
m=${2:-10000}
bin=target/release/wirewatch
[[ -x $bin ]] || bin=target/debug/wirewatch
work=$(mktemp -d)
trap 'kill ${daemon:-} 2>/dev/null || true; rm -rf "$work"' EXIT
echo "binary: $bin; $n articles to process; $m to search"

mkdir -p "$work/in"
seeds=(seeds/*)
for ((i = 0; i < n; i++)); do
  s=${seeds[$((i % ${#seeds[@]}))]}
  { cat "$s"; printf '\nFiled as item %d of the run.\n' "$i"; } > "$work/in/a$i.txt"
done

run() { # mode, run number -> "wall cpu" seconds
  local out="$work/out-$1-$2" env=()
  case $1 in
    none) env=(WIREWATCH_INDEX_ENABLED=false) ;;
    sqlite) env=(WIREWATCH_INDEX_ENABLED=true) ;;
    postgres)
      psql "$WIREWATCH_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS ww_bench_index" -c "CREATE DATABASE ww_bench_index" >/dev/null
      env=(WIREWATCH_INDEX_URL="${WIREWATCH_TEST_POSTGRES_URL%/*}/ww_bench_index") ;;
  esac
  /usr/bin/time -f "%e %U %S" -o "$work/time" env "${env[@]}" WIREWATCH_LOG_LEVEL=warn \
    "$bin" process --workers 1 --out "$out" --watch "$work/in" "$work/in" >/dev/null
  rm -rf "$out"
  awk '{ print $1, $2 + $3 }' "$work/time"
}

modes=(none sqlite)
[[ -n ${WIREWATCH_TEST_POSTGRES_URL:-} ]] && modes+=(postgres)
declare -A wall cpu
for r in 1 2 3; do
  for mode in "${modes[@]}"; do
    read -r w c < <(run "$mode" "$r")
    wall[$mode]+="$w "
    cpu[$mode]+="$c "
  done
done
stats() { tr ' ' '\n' | grep . | sort -g | awk -v n="$n" '{ v[NR] = $1 } END { printf "min %.3f ms, median %.3f ms", v[1] * 1000 / n, v[int((NR + 1) / 2)] * 1000 / n }'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for mode in "${modes[@]}"; do
  echo "per article, index $mode: wall $(echo "${wall[$mode]}" | stats); cpu $(echo "${cpu[$mode]}" | stats)"
done
base_w=$(echo "${wall[none]}" | median); base_c=$(echo "${cpu[none]}" | median)
for mode in "${modes[@]:1}"; do
  w=$(echo "${wall[$mode]}" | median); c=$(echo "${cpu[$mode]}" | median)
  awk -v m="$mode" -v w="$w" -v c="$c" -v bw="$base_w" -v bc="$base_c" -v n="$n" 'BEGIN {
    printf "index cost, %s: %+.3f ms wall (%+.1f %%), %+.3f ms cpu (%+.1f %%) per article (medians)\n",
      m, (w - bw) * 1000 / n, (w - bw) * 100 / bw, (c - bc) * 1000 / n, (c - bc) * 100 / bc }'
done

# Search latency over m records: variants of the sample records.
mkdir -p "$work/s/in" "$work/s/out"
WIREWATCH_INDEX_ENABLED=false WIREWATCH_LOG_LEVEL=warn "$bin" process --out "$work/s/seedout" --watch seeds seeds >/dev/null
python3 - "$work/s/seedout/records" "$work/s/out/records" "$m" <<'PY'
import json, os, sys, random
src, dst, m = sys.argv[1], sys.argv[2], int(sys.argv[3])
recs = [json.load(open(os.path.join(d, f))) for d, _, fs in sorted(os.walk(src)) for f in sorted(fs) if f.endswith(".json")]
random.seed(7)
os.makedirs(dst, exist_ok=True)
for i in range(m):
    r = json.loads(json.dumps(recs[i % len(recs)]))
    r["source"]["path"] = f"d{i // 1000}/a{i}.txt"
    r["id"] = f"{i:032x}"
    day = 1 + i % 28
    r["published"] = {"date": f"2025-{1 + i % 12:02d}-{day:02d}", "from": "dateline"}
    os.makedirs(os.path.join(dst, f"d{i // 1000}"), exist_ok=True)
    json.dump(r, open(os.path.join(dst, f"d{i // 1000}/a{i}.txt.json"), "w"))
PY
start=$(date +%s.%N)
"$bin" --out "$work/s/out" index rebuild
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WIREWATCH_LOG_LEVEL=warn "$bin" run --watch "$work/s/in" --out "$work/s/out" --metrics-addr "127.0.0.1:$port" >/dev/null 2>&1 &
daemon=$!
python3 - "$port" <<'PY'
import sys, time, urllib.request, urllib.parse, json
port = sys.argv[1]
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz"); break
    except Exception:
        time.sleep(0.1)
queries = ["remittances", "Tajikistan migration", "\"World Bank\"", "security OR border", "president",
           "trade grew", "energy projects", "Putin Rahmon", "labor migrants", "investment"]
params = []
for i in range(200):
    p = {"q": queries[i % len(queries)], "limit": "20"}
    if i % 3 == 1: p["since"] = "2025-06-01"
    if i % 5 == 2: p["entity"] = "Russia"
    params.append(p)
lat, hits = [], 0
for p in params:
    url = f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode(p)
    t = time.perf_counter()
    body = urllib.request.urlopen(url).read()
    lat.append((time.perf_counter() - t) * 1000)
    hits += len(json.loads(body)["articles"])
lat.sort()
print(f"search over the index via /api/search, {len(lat)} queries ({hits} hits): "
      f"min {lat[0]:.1f} ms, p50 {lat[len(lat)//2]:.1f} ms, p99 {lat[int(len(lat)*0.99)-1]:.1f} ms, max {lat[-1]:.1f} ms")
PY
