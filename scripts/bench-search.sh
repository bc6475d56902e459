#!/usr/bin/env bash
# Search latency over a large index, printed as figures.
#
#   scripts/bench-search.sh [ARTICLES] [DISTINCT] [QUERIES]
#
# 1. Writes DISTINCT (default 20000) articles made from the BBC articles of
#    ../shared/data/news/bbc: each takes the headline and first paragraph of
#    one article and three to seven paragraphs of others of its section, and
#    a modification time (its publication day) spread over two years, so
#    the words, the entities and the days vary from article to article.
#    Processes them (extraction is what takes long: DISTINCT = ARTICLES
#    makes every article distinct, at about 4 ms of CPU each).
# 2. Makes ARTICLES (default 100000) records of them: the DISTINCT records,
#    and copies of them under other paths with another headline and day,
#    then builds the index of all with `index rebuild` (SQLite, or
#    PostgreSQL when WIREWATCH_BENCH_POSTGRES=1 and
#    WIREWATCH_TEST_POSTGRES_URL names a server) and prints how long that
#    took.
# 3. Starts the daemon on the output folder and times QUERIES (default 200)
#    requests of /api/search (the questions of `wirewatch search`) of each
#    kind: words, words since a day, words and an entity, an entity alone,
#    an entity type alone, words with an entity and its type; prints min,
#    p50, p99 and max per kind. Words and entities are drawn from the index
#    itself (`wirewatch entities`), with a fixed seed.
# Uses $WIREWATCH_BIN, else target/release/wirewatch when built, else
# target/debug/wirewatch. Needs about 15 kB of disk per article, removed at
# the end unless WIREWATCH_BENCH_KEEP names a folder to work in and keep
# (a second run there reuses the records and only rebuilds the index).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
distinct=${2:-20000}
(( distinct > n )) && distinct=$n
queries=${3:-200}
bin=${WIREWATCH_BIN:-target/release/wirewatch}
[[ -x $bin ]] || bin=target/debug/wirewatch
corpus=../shared/data/news/bbc
[[ -d $corpus ]] || { echo "$corpus is missing" >&2; exit 1; }
if [[ -n ${WIREWATCH_BENCH_KEEP:-} ]]; then
  # Kept for a look at the index afterwards (EXPLAIN QUERY PLAN).
  work=$WIREWATCH_BENCH_KEEP
  mkdir -p "$work"
  trap 'kill ${daemon:-} 2>/dev/null || true' EXIT
else
  work=$(mktemp -d)
  trap 'kill ${daemon:-} 2>/dev/null || true; rm -rf "$work"' EXIT
fi
env=(WIREWATCH_LOG_LEVEL=warn)
backend=sqlite
if [[ ${WIREWATCH_BENCH_POSTGRES:-} == 1 && -n ${WIREWATCH_TEST_POSTGRES_URL:-} ]]; then
  psql "$WIREWATCH_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS ww_bench_search" -c "CREATE DATABASE ww_bench_search" >/dev/null
  env+=(WIREWATCH_INDEX_URL="${WIREWATCH_TEST_POSTGRES_URL%/*}/ww_bench_search")
  backend=postgres
fi
echo "binary: $bin; $n records of $distinct articles made from $corpus; index in $backend; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"

made="$work/made-$n-$distinct"
if [[ ! -e $made ]]; then
python3 - "$corpus" "$work/in" "$distinct" <<'PY'
import os, random, sys
corpus, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(19)
sections = {}
for section in sorted(os.listdir(corpus)):
    folder = os.path.join(corpus, section)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
        if len(paragraphs) >= 3:
            sections.setdefault(section, []).append(paragraphs)
names = sorted(sections)
start = 1072915200  # 2004-01-01
for i in range(n):
    articles = sections[names[i % len(names)]]
    first = random.choice(articles)
    body = first[1:2]
    for _ in range(random.randint(3, 7)):
        other = random.choice(articles)
        body.append(random.choice(other[1:]))
    folder = os.path.join(dst, f"d{i // 1000:03d}")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"a{i}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(first[0] + "\n\n" + "\n\n".join(body) + "\n")
    day = start + random.randrange(730) * 86400
    os.utime(path, (day, day))
PY
WIREWATCH_INDEX_ENABLED=false WIREWATCH_LOG_LEVEL=warn "$bin" process --out "$work/out" "$work/in" >/dev/null
rm -rf "$work/in"
python3 - "$work/out/records" "$n" <<'PY'
import datetime, json, os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".json"))
titles = []
for path in files:
    with open(path) as f:
        titles.append(json.load(f).get("title"))
start = 1072915200  # 2004-01-01
for i in range(n - len(files)):
    with open(files[i % len(files)]) as f:
        record = json.load(f)
    rel = f"copies/c{i // 1000:03d}/c{i}.txt"
    record["source"]["path"] = rel
    record["id"] = f"{i:032x}"
    record["title"] = random.choice(titles)
    day = start + random.randrange(730) * 86400
    record["published"] = {"date": datetime.date.fromtimestamp(day).isoformat(), "from": "mtime"}
    dst = os.path.join(root, rel + ".json")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w") as f:
        json.dump(record, f)
PY
touch "$made"
fi
t0=$(date +%s.%N)
env "${env[@]}" "$bin" index --out "$work/out" rebuild >/dev/null
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN { printf "index rebuild of %d records: %.0f s (%.2f ms each)\n", n, b - a, (b - a) * 1000 / n }'
env "${env[@]}" "$bin" entities --out "$work/out" --top 200 --json > "$work/entities.json"

mkdir -p "$work/watch"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
env "${env[@]}" "$bin" run --watch "$work/watch" --out "$work/out" --metrics-addr "127.0.0.1:$port" >/dev/null 2>&1 &
daemon=$!
python3 - "$port" "$work/entities.json" "$queries" <<'PY'
import json, random, sys, time, urllib.parse, urllib.request
port, entities_file, per_kind = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(600):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz")
        break
    except Exception:
        time.sleep(0.1)
listed = json.load(open(entities_file))
entities = listed.get("entities", listed) if isinstance(listed, dict) else listed
random.seed(19)
words = ["government", "market", "election", "music", "film", "mobile", "court", "profits",
         "minister", "championship", "software", "economy", "award", "shares", "labour",
         "players", "internet", "budget", "festival", "security", "growth", "oil", "chancellor",
         "broadband", "coach", "album", "tax", "games", "sales", "police"]
def q():
    n = random.choice([1, 1, 2])
    picked = random.sample(words, n)
    return " ".join(picked) if n == 1 or random.random() < 0.7 else " OR ".join(picked)
def entity():
    return random.choice(entities)
kinds = {
    "words": lambda: {"q": q()},
    "words + since": lambda: {"q": q(), "since": f"2005-{random.randint(1, 12):02d}-01"},
    "words + entity": lambda: {"q": q(), "entity": entity()["name"]},
    "entity": lambda: {"entity": entity()["name"]},
    "type": lambda: {"type": random.choice(["person", "organization", "place", "misc"])},
    "since": lambda: {"since": f"2005-{random.randint(1, 12):02d}-01"},
    "words + entity + type": lambda: (lambda e: {"q": q(), "entity": e["name"], "type": e["type"]})(entity()),
}
everything = []
for kind, make in kinds.items():
    lat, hits = [], 0
    for _ in range(per_kind):
        params = make()
        params["limit"] = "20"
        url = f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode(params)
        t = time.perf_counter()
        body = urllib.request.urlopen(url).read()
        lat.append((time.perf_counter() - t) * 1000)
        hits += len(json.loads(body)["articles"])
    everything += lat
    lat.sort()
    p = lambda f: lat[min(len(lat) - 1, int(len(lat) * f))]
    print(f"{kind:>22}: min {lat[0]:7.1f} ms, p50 {p(0.5):7.1f} ms, p99 {p(0.99):7.1f} ms, max {lat[-1]:7.1f} ms ({hits / per_kind:.1f} hits per query)")
everything.sort()
p = lambda f: everything[min(len(everything) - 1, int(len(everything) * f))]
print(f"{'all':>22}: p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms over {len(everything)} queries")
PY
