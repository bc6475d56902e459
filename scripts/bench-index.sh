#!/usr/bin/env bash
# The index's cost per article, printed as figures.
#
#   scripts/bench-index.sh [ARTICLES] [RUNS]
#
# Processes ARTICLES articles of ../shared/data/news/bbc (cycled, each copy
# with a line of its own, when more are asked than there are) RUNS times
# (default 5) each without the index, with SQLite and (when
# WIREWATCH_TEST_POSTGRES_URL names a server) with PostgreSQL, the modes
# interleaved so the machine's load falls on all alike, one pipeline worker.
# Prints the wall and CPU time per article (min and median of the runs) and
# the index's share of it. Search latency: scripts/bench-search.sh.
# Uses $WIREWATCH_BIN, else target/release/wirewatch when built, else
# target/debug/wirewatch. With WIREWATCH_BIN_BEFORE naming another build
# (an earlier commit's), its index modes run too, interleaved with the
# others, so a change is measured under the same load ("sqlite-before",
# "postgres-before"; the cost is against the same runs without the index).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${2:-5}
bin=${WIREWATCH_BIN:-target/release/wirewatch}
[[ -x $bin ]] || bin=target/debug/wirewatch
before=${WIREWATCH_BIN_BEFORE:-}
[[ -z $before || -x $before ]] || { echo "$before is not an executable" >&2; exit 1; }
corpus=../shared/data/news/bbc
[[ -d $corpus ]] || { echo "$corpus is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "binary: $bin${before:+ (before: $before)}; $n articles of $corpus, $runs runs per mode, 1 worker; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$work/in"
mapfile -t sources < <(find "$corpus" -name '*.txt' ! -name 'README*' | sort)
for ((i = 0; i < n; i++)); do
  { cat "${sources[$((i % ${#sources[@]}))]}"; printf '\nFiled as item %d of the run.\n' "$i"; } > "$work/in/a$i.txt"
done

run() { # mode, run number -> "wall cpu" seconds
  local out="$work/out-$1-$2" env=() exe=$bin
  [[ $1 == *-before ]] && exe=$before
  case ${1%-before} in
    none) env=(WIREWATCH_INDEX_ENABLED=false) ;;
    sqlite) env=(WIREWATCH_INDEX_ENABLED=true) ;;
    postgres)
      psql "$WIREWATCH_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS ww_bench_index" -c "CREATE DATABASE ww_bench_index" >/dev/null
      env=(WIREWATCH_INDEX_URL="${WIREWATCH_TEST_POSTGRES_URL%/*}/ww_bench_index") ;;
  esac
  /usr/bin/time -f "%e %U %S" -o "$work/time" env "${env[@]}" WIREWATCH_LOG_LEVEL=warn \
    "$exe" process --workers 1 --out "$out" "$work/in" >/dev/null
  rm -rf "$out"
  awk '{ print $1, $2 + $3 }' "$work/time"
}

modes=(none sqlite)
[[ -n $before ]] && modes+=(sqlite-before)
if [[ -n ${WIREWATCH_TEST_POSTGRES_URL:-} ]]; then
  modes+=(postgres)
  [[ -n $before ]] && modes+=(postgres-before)
fi
declare -A wall cpu
for ((r = 1; r <= runs; r++)); do
  for mode in "${modes[@]}"; do
    read -r w c < <(run "$mode" "$r")
    wall[$mode]+="$w "
    cpu[$mode]+="$c "
  done
done
sorted() { tr ' ' '\n' | grep . | sort -g; }
stats() { sorted | awk -v n="$n" '{ v[NR] = $1 } END { printf "min %.3f ms, median %.3f ms", v[1] * 1000 / n, v[int((NR + 1) / 2)] * 1000 / n }'; }
pick() { sorted | awk -v which="$1" '{ v[NR] = $1 } END { print (which == "min" ? v[1] : v[int((NR + 1) / 2)]) }'; }
for mode in "${modes[@]}"; do
  echo "per article, index $mode: wall $(echo "${wall[$mode]}" | stats); cpu $(echo "${cpu[$mode]}" | stats)"
done
for mode in "${modes[@]:1}"; do
  for which in min median; do
    bw=$(echo "${wall[none]}" | pick $which); bc=$(echo "${cpu[none]}" | pick $which)
    w=$(echo "${wall[$mode]}" | pick $which); c=$(echo "${cpu[$mode]}" | pick $which)
    awk -v m="$mode" -v which="$which" -v w="$w" -v c="$c" -v bw="$bw" -v bc="$bc" -v n="$n" 'BEGIN {
      printf "index cost, %s (%ss): %+.3f ms wall (%+.1f %%), %+.3f ms cpu (%+.1f %%) per article\n",
        m, which, (w - bw) * 1000 / n, (w - bw) * 100 / bw, (c - bc) * 1000 / n, (c - bc) * 100 / bc }'
  done
done
