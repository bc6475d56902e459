# bench-common.sh — sourced by the benchmark scripts (bench-pipeline.sh,
# bench-metrics.sh, bench-nats.sh): the project root, a reproducible
# configuration, the release binary, and the article corpus they all run on.
# Set BENCH_NAME (used in error messages) before sourcing it.

die() { echo "${BENCH_NAME:-bench}: error: $*" >&2; exit 2; }

# The project root is the folder above this script; every path is relative to it.
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[[ -f Cargo.toml ]] && grep -q '^name = "wirewatch"' Cargo.toml \
  || die "$ROOT does not look like the wirewatch project root"
command -v python3 >/dev/null || die "python3 is required"

# Reproducible configuration: embedded defaults + what each script sets.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep '^WIREWATCH_' || true)

# BENCH_BIN runs another build (say, the main branch's) on the same corpus;
# with it, BUILD=auto builds nothing.
BIN=${BENCH_BIN:-target/release/wirewatch}
[[ -n ${BENCH_BIN:-} && ${BUILD:-auto} == auto ]] && BUILD=0

# The BBC articles every benchmark builds its corpus from.
BBC_GLOB="../shared/data/news/bbc/*/*.txt"
compgen -G "$BBC_GLOB" >/dev/null || die "no files match $ROOT/$BBC_GLOB"

# positive_int NAME...: each named variable holds a whole number of at least 1.
positive_int() {
  local name
  for name in "$@"; do
    [[ ${!name} =~ ^[1-9][0-9]*$ ]] || die "$name must be a positive integer (got '${!name}')"
  done
}

# WORKER_ARGS: the --workers flag when WORKERS is set (default: one per core).
WORKERS=${WORKERS:-}
[[ -z $WORKERS || $WORKERS =~ ^[0-9]+$ ]] || die "WORKERS must be an integer"
WORKER_ARGS=()
[[ -n $WORKERS ]] && WORKER_ARGS=(--workers "$WORKERS")

# ensure_binary: builds the release binary as BUILD says (auto: when it is
# missing or older than src/, Cargo.toml, Cargo.lock; 1: always; 0: never)
# and checks it is a real wirewatch binary.
ensure_binary() {
  local need_build=0
  case ${BUILD:-auto} in
    1) need_build=1 ;;
    0) ;;
    auto)
      if [[ ! -x $BIN ]] || [[ -n $(find src Cargo.toml Cargo.lock -newer "$BIN" -print -quit 2>/dev/null) ]]; then
        need_build=1
      fi ;;
    *) die "BUILD must be auto, 0 or 1" ;;
  esac
  if (( need_build )); then
    echo "building: cargo build --release --bin wirewatch" >&2
    cargo build --release --bin wirewatch >&2 || die "cargo build --release failed"
  fi
  [[ -x $BIN ]] || die "$BIN not found (run cargo build --release, or BUILD=1)"
  # A placeholder binary (e.g. from a dependency-only build) prints nothing.
  "$BIN" --version 2>/dev/null | grep -q wirewatch \
    || die "$BIN --version does not print 'wirewatch': stale or placeholder binary? (try BUILD=1)"
}

# make_corpus DIR COUNT TAG GLOB...: COUNT files in DIR, round-robin over the
# files the GLOBs match (in order), each ending in a unique `[TAG i]` line so
# no two have the same content. Prints the number of source articles.
make_corpus() {
  python3 - "$@" <<'PY'
import glob, os, sys
out, count, tag, patterns = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
sources = [p for pattern in patterns for p in sorted(glob.glob(pattern))]
if not sources:
    sys.exit("no source articles found")
texts = []
for p in sources:
    with open(p, "rb") as f:
        b = f.read()
    texts.append(b if b.endswith(b"\n") else b + b"\n")
os.makedirs(out, exist_ok=True)
width = len(str(count))
for i in range(count):
    with open(os.path.join(out, f"a{i:0{width}d}.txt"), "wb") as f:
        f.write(texts[i % len(texts)])
        f.write(b"\n[%s %d]\n" % (tag.encode(), i))
print(len(sources))
PY
}

# bbc_corpus_in_tmp: a temporary folder TMP_ROOT (removed on exit) holding
# CORPUS, N unique files built from the BBC articles, written back to disk
# before the benchmark starts.
bbc_corpus_in_tmp() {
  TMP_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/$BENCH_NAME.XXXXXX")
  trap 'rm -rf -- "$TMP_ROOT"' EXIT
  CORPUS=$TMP_ROOT/corpus
  make_corpus "$CORPUS" "$N" "$BENCH_NAME" "$BBC_GLOB" >/dev/null
  sync
}

# cleanup_daemon_on_exit: on exit or interrupt, stops the daemon whose pid is
# in DAEMON_PID if it still runs (TERM, then KILL after 5 s) and removes
# TMP_ROOT. The scripts that start a daemon call it once TMP_ROOT is made.
DAEMON_PID=
cleanup_daemon_on_exit() {
  _cleanup_daemon() {
    local rc=$?
    if [[ -n $DAEMON_PID ]] && kill -0 "$DAEMON_PID" 2>/dev/null; then
      kill -TERM "$DAEMON_PID" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$DAEMON_PID" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$DAEMON_PID" 2>/dev/null || true
      wait "$DAEMON_PID" 2>/dev/null || true
    fi
    rm -rf -- "$TMP_ROOT"
    exit "$rc"
  }
  trap _cleanup_daemon EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
