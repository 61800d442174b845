#!/usr/bin/env bash
# Side-by-side load test: this service against the Python baseline (Flask on gunicorn, 4 sync
# workers), on one throwaway PostgreSQL, on this machine, with wrk. Also measures what Postgres
# itself delivers for the same statements at the same concurrency (pgbench), as a ceiling. The
# `node-1w-traced*` variants measure the same process with OpenTelemetry on, exporting OTLP/HTTP
# (protobuf, as in production) to a local sink standing in for the collector sidecar
# (otlp-sink.mjs, a Node process whose CPU counts as ours, as the sidecar's would in the task).
#
# Usage (from anywhere; run as root or as a user that can run initdb):
#   BASELINE_DIR=/path/to/baseline-apps bash apps/api/bench/bench.sh
#   bash apps/api/bench/bench.sh /path/to/baseline-apps
#   ONLY='^node-1w(-traced.*)?$' bash apps/api/bench/bench.sh     # tracing off and on, no baseline
#
# BASELINE_DIR is the folder holding the baseline's flaskapp.py (it is run from there, never
# copied); it is needed only when ONLY selects a flask variant. Needs: wrk, pgbench, and for the
# baseline gunicorn, python3-flask, python3-psycopg2 (Debian packages), and PostgreSQL's
# initdb/pg_ctl (see scripts/postgres/temp-cluster.sh).
#
# Environment:
#   DURATION (10s)  WARMUP (3s)  THREADS (2)  CONNS (32)   wrk settings, the baseline's defaults
#   ROUNDS (2)      how many times the variants run, interleaved (A B C A B C ...)
#   RETRIES (2)     re-runs of a measurement during which other processes used > 10 % of the CPU
#   ONLY            regex on variant names (default: flask-sync-4w, node-1w, node-2w); the others
#                   are flask-gthread-2x8, node-1w-traced (every request traced) and
#                   node-1w-traced-10pct (parent-based, 10 % of new traces sampled)
#   SKIP_BUILD=1    use the existing apps/api/dist
#   OUT             results folder (default: a new temporary folder)
#
# Output: OUT/runs.tsv (one line per measurement, with the server's and the OTLP sink's CPU time
# per request), OUT/summary.tsv (medians), OUT/variants.tsv
# (peak RSS), OUT/ceiling.tsv (pgbench), OUT/env.txt and raw wrk/server/pgbench output in OUT/raw.
# `other_cpu_pct` is the share of the machine's CPU used during a measurement by processes other
# than wrk, the server and this Postgres: above a few percent the numbers are contaminated.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
API_DIR=$(dirname "$HERE")
REPO=$(cd "$API_DIR/../.." && pwd)
BASELINE_DIR=${1:-${BASELINE_DIR:-}}
DURATION=${DURATION:-10s} WARMUP=${WARMUP:-3s} THREADS=${THREADS:-2} CONNS=${CONNS:-32}
ROUNDS=${ROUNDS:-2} RETRIES=${RETRIES:-2} ONLY=${ONLY:-'^(flask-sync-4w|node-1w|node-2w)$'}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/api-bench.XXXXXX")}

log() { echo "[bench $(date +%T)] $*" >&2; }
die() { log "$*"; exit 1; }

WITH_BASELINE=0
for name in flask-sync-4w flask-gthread-2x8; do [[ $name =~ $ONLY ]] && WITH_BASELINE=1; done
for tool in wrk pgbench psql curl node; do
  command -v "$tool" >/dev/null || die "$tool is missing. Fix: apt-get install wrk postgresql-client curl"
done
if (( WITH_BASELINE )); then
  [[ -n $BASELINE_DIR && -f $BASELINE_DIR/flaskapp.py ]] \
    || die "BASELINE_DIR must name the folder with the baseline's flaskapp.py. Fix: BASELINE_DIR=/path/to/baseline-apps bash $0, or ONLY='^node-1w(-traced.*)?\$' to leave the baseline out"
  BASELINE_DIR=$(cd "$BASELINE_DIR" && pwd)
  command -v gunicorn >/dev/null || die "gunicorn is missing. Fix: apt-get install gunicorn python3-flask python3-psycopg2"
  /usr/bin/python3 -c 'import flask, psycopg2' 2>/dev/null || die "Flask or psycopg2 is missing. Fix: apt-get install python3-flask python3-psycopg2"
fi

mkdir -p "$OUT/raw"
PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/api-bench-pg.XXXXXX")
SERVER_PID='' SAMPLER_PID='' SINK_PID=''
SINK_PORT=14318

stop_pid() {  # TERM, up to 15 s, then KILL: only the PID given
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  set +e
  stop_pid "$SAMPLER_PID"
  stop_pid "$SERVER_PID"
  stop_pid "$SINK_PID"
  bash "$REPO/scripts/postgres/temp-cluster.sh" stop "$PG_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- one PostgreSQL for everyone, with its default (durable) settings ---------------------------
log "starting PostgreSQL"
ADMIN_URL=$(bash "$REPO/scripts/postgres/temp-cluster.sh" start "$PG_DIR")
PG_PORT=$(sed -E 's/.*:([0-9]+)\/postgres$/\1/' <<< "$ADMIN_URL")
POSTMASTER=$(head -1 "$PG_DIR/data/postmaster.pid")
psql -X -q -v ON_ERROR_STOP=1 "$ADMIN_URL" -c "CREATE ROLE bench LOGIN PASSWORD 'bench'" -c "CREATE DATABASE bench OWNER bench"
export PGPASSWORD=bench PGOPTIONS="-c client_min_messages=warning"
APP_URL="postgres://bench:bench@127.0.0.1:$PG_PORT/bench"
reseed() { psql -X -q -v ON_ERROR_STOP=1 "$APP_URL" -f "$HERE/seed.sql" && psql -X -q "$ADMIN_URL" -c CHECKPOINT; }

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  log "building the service"
  (cd "$REPO" && npm run build --workspace @slipway/api >/dev/null)
fi

# name|command (PORT is set; the command serves on 127.0.0.1:$PORT in the foreground)
GUNICORN="/usr/bin/gunicorn --chdir $BASELINE_DIR --log-level warning -b 127.0.0.1:\$PORT"
DSN="host=127.0.0.1 port=$PG_PORT dbname=bench user=bench password=bench"
# The SDK's defaults otherwise: http/protobuf, batches of 512 spans, a queue of 2,048.
OTEL_VARS="OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT OTEL_SERVICE_NAME=bench"
NODE_ENV_VARS="NODE_ENV=production HOST=127.0.0.1 DATABASE_URL=$APP_URL SHUTDOWN_DELAY_MS=0 RATE_LIMIT_MAX=1000000000"
VARIANTS=(
  "flask-sync-4w|env POOL_SIZE=1 DATABASE_DSN='$DSN' $GUNICORN -w 4 -k sync flaskapp:app"
  "flask-gthread-2x8|env POOL_SIZE=8 DATABASE_DSN='$DSN' $GUNICORN -w 2 -k gthread --threads 8 flaskapp:app"
  "node-1w|env $NODE_ENV_VARS WEB_CONCURRENCY=1 node $API_DIR/dist/server.js"
  "node-2w|env $NODE_ENV_VARS WEB_CONCURRENCY=2 node $API_DIR/dist/server.js"
  "node-1w-traced|env $NODE_ENV_VARS $OTEL_VARS WEB_CONCURRENCY=1 node $API_DIR/dist/server.js"
  "node-1w-traced-10pct|env $NODE_ENV_VARS $OTEL_VARS OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG=0.1 WEB_CONCURRENCY=1 node $API_DIR/dist/server.js"
)

# --- CPU accounting -------------------------------------------------------------------------------
machine_jiffies() {  # "busy total softirq" summed over all CPUs; idle and iowait count as idle
  local u n s i w q sq st
  read -r _ u n s i w q sq st _ < /proc/stat
  echo $((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st)) "$sq"
}
tree() { echo "$1"; ps -o pid= --ppid "$1" | tr -d ' '; }
ours_jiffies() {  # CPU of this script's reaped children (wrk), the server tree, the OTLP sink and this Postgres
  local p
  { awk '{print $16 + $17}' "/proc/$$/stat"
    for p in $(tree "$SERVER_PID") $(tree "$POSTMASTER") $SINK_PID; do
      awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null
    done; } | awk '{s += $1} END {print s + 0}'
}
HZ=$(getconf CLK_TCK)
cpu_jiffies() {  # utime + stime of the given processes
  local p
  for p in "$@"; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'
}
rss_sampler() {  # peak summed RSS (KiB) of a process and its children, every 0.5 s
  local pid=$1 out=$2 peak=0 now
  while kill -0 "$pid" 2>/dev/null; do
    now=$(ps -o rss= -p "$pid" --ppid "$pid" | awk '{s += $1} END {print s + 0}')
    (( now > peak )) && { peak=$now; echo "$peak" > "$out"; }
    sleep 0.5
  done
}

# --- wrk ------------------------------------------------------------------------------------------
to_ms() { awk -v x="$1" 'BEGIN { n = x + 0; u = x; sub(/^[0-9.]+/, "", u)
  printf "%.2f", u == "us" ? n / 1000 : u == "s" ? n * 1000 : u == "m" ? n * 60000 : n }'; }
measure() {  # measure VARIANT ROUND ENDPOINT URL [LUA]; repeated while others load the machine
  local file="$OUT/raw/$1.r$2.$3.txt" b0 t0 s0 o0 b1 t1 s1 o1 softirq other busy try c0 c1 k0 k1
  for try in $(seq 0 "$RETRIES"); do
    (( try == 0 )) || { log "retry $try: other processes used ${other}% of the machine"; sleep 5; }
    read -r b0 t0 s0 < <(machine_jiffies); o0=$(ours_jiffies)
    c0=$(cpu_jiffies $(tree "$SERVER_PID")); k0=$(cpu_jiffies $SINK_PID)
    timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency ${5:+-s "$5"} "$4" > "$file" 2>&1 || true
    read -r b1 t1 s1 < <(machine_jiffies); o1=$(ours_jiffies)
    c1=$(cpu_jiffies $(tree "$SERVER_PID")); k1=$(cpu_jiffies $SINK_PID)
    # Loopback TCP is processed in softirq time, which the kernel charges to no process: it is
    # ours here, so it is reported apart instead of counting as other load.
    softirq=$(( 100 * (s1 - s0) / (t1 - t0) ))
    other=$(( 100 * (b1 - b0 - (o1 - o0) - (s1 - s0)) / (t1 - t0) )); (( other > 0 )) || other=0
    busy=$(( 100 * (b1 - b0) / (t1 - t0) ))
    (( other <= 10 )) && break
  done
  local rps p50 p99 non2xx served server_us sink_us
  rps=$(awk '/^Requests\/sec:/ {print int($2)}' "$file")
  # CPU per request of the server (and of the OTLP sink): what tracing costs even when other
  # processes share the machine and the req/s move with them.
  served=$(awk '/requests in/ {print $1}' "$file"); served=${served:-0}
  server_us=$(awk -v j=$((c1 - c0)) -v n="$served" -v hz="$HZ" 'BEGIN {printf "%.0f", (n > 0 ? j * 1e6 / hz / n : 0)}')
  sink_us=$(awk -v j=$((k1 - k0)) -v n="$served" -v hz="$HZ" 'BEGIN {printf "%.0f", (n > 0 ? j * 1e6 / hz / n : 0)}')
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$file"); non2xx=${non2xx:-0}
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$3" "$2" "${rps:-0}" "$p50" "$p99" "$non2xx" "$busy" "$softirq" "$other" "$server_us" "$sink_us" >> "$OUT/runs.tsv"
  log "$(tail -1 "$OUT/runs.tsv" | tr '\t' ' ')"
}
expect_status() {  # expect_status CODE URL [curl args]
  local want=$1 url=$2; shift 2
  local got; got=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
  [[ $got == "$want" ]] || die "smoke check failed: $url gave $got, expected $want"
}

run_variant() {  # run_variant NAME COMMAND ROUND
  local name=$1 cmd=$2 round=$3 port=18080 base
  base=http://127.0.0.1:$port
  reseed
  if [[ $name == *traced* ]]; then
    PORT=$SINK_PORT node "$HERE/otlp-sink.mjs" > "$OUT/raw/$name.r$round.sink.log" 2>&1 &
    SINK_PID=$!
  fi
  PORT=$port bash -c "exec $cmd" > "$OUT/raw/$name.r$round.server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 150); do curl -fs -o /dev/null "$base/items/1" && break; sleep 0.2; done
  expect_status 200 "$base/items?limit=20"
  expect_status 404 "$base/items/99999999"
  expect_status 400 "$base/items?limit=abc"
  expect_status 201 "$base/items" -X POST -H 'Content-Type: application/json' -d '{"name":"check","quantity":2}'
  rss_sampler "$SERVER_PID" "$OUT/raw/$name.r$round.peak_rss" & SAMPLER_PID=$!
  for ep in "items?limit=20" "items/1"; do timeout 60 wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$base/$ep" >/dev/null 2>&1 || true; done
  timeout 60 wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s "$HERE/post-item.lua" "$base/items" >/dev/null 2>&1 || true
  reseed  # the measured GETs see exactly the 1,000 seeded rows
  measure "$name" "$round" list "$base/items?limit=20"
  measure "$name" "$round" one "$base/items/1"
  measure "$name" "$round" post "$base/items" "$HERE/post-item.lua"
  printf '%s\t%s\t%.1f\t%d\n' "$name" "$round" "$(awk '{print $1 / 1024}' "$OUT/raw/$name.r$round.peak_rss")" \
    "$(tree "$SERVER_PID" | wc -l)" >> "$OUT/variants.tsv"
  stop_pid "$SERVER_PID"; SERVER_PID=''
  stop_pid "$SAMPLER_PID"; SAMPLER_PID=''
  # After the server, whose last export on SIGTERM it still receives.
  stop_pid "$SINK_PID"; SINK_PID=''
}

# --- pgbench: what Postgres gives for the same statements at the same concurrency -----------------
ceiling() {  # ceiling NAME SCRIPT
  local prefix="$OUT/raw/pgbench-$1" b0 t0 b1 t1
  rm -f "$prefix".*
  read -r b0 t0 _ < <(machine_jiffies)
  pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U bench -c "$CONNS" -j "$THREADS" -T "${DURATION%s}" -M prepared \
    -f "$2" -l --log-prefix="$prefix" bench > "$prefix.txt" 2>&1
  read -r b1 t1 _ < <(machine_jiffies)
  local tps p50 p99
  tps=$(awk '/^tps = / {print int($3)}' "$prefix.txt")
  read -r p50 p99 < <(cat "$prefix".[0-9]* | awk '{print $3}' | sort -n | awk '{v[NR] = $1}
    END {printf "%.2f %.2f\n", v[int(NR * 0.5)] / 1000, v[int(NR * 0.99)] / 1000}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$tps" "$p50" "$p99" "$(( 100 * (b1 - b0) / (t1 - t0) ))" >> "$OUT/ceiling.tsv"
  rm -f "$prefix".[0-9]*
  log "pgbench $1: $tps tps, p50 $p50 ms, p99 $p99 ms"
}

{ date -u; uname -r; echo "cores: $(nproc)"; node --version; psql --version; gunicorn --version
  wrk --version 2>&1 | head -1; /usr/bin/python3 -c 'import flask, psycopg2, sys; print("python", sys.version.split()[0], "flask", flask.__version__, "psycopg2", psycopg2.__version__)'
} > "$OUT/env.txt" 2>/dev/null || true

printf 'variant\tendpoint\tround\treq_s\tp50_ms\tp99_ms\tnon2xx\tmachine_busy_pct\tsoftirq_pct\tother_cpu_pct\tserver_cpu_us\tsink_cpu_us\n' > "$OUT/runs.tsv"
printf 'variant\tround\tpeak_rss_mib\tprocesses\n' > "$OUT/variants.tsv"
printf 'statement\ttps\tp50_ms\tp99_ms\tmachine_busy_pct\n' > "$OUT/ceiling.tsv"

for round in $(seq "$ROUNDS"); do
  for v in "${VARIANTS[@]}"; do
    IFS='|' read -r name cmd <<< "$v"
    [[ $name =~ $ONLY ]] || continue
    log "== round $round: $name"
    run_variant "$name" "$cmd" "$round"
  done
  reseed
  ceiling list "$HERE/pg-list.sql"
  ceiling one "$HERE/pg-one.sql"
done
reseed
ceiling insert "$HERE/pg-insert.sql"

# Medians over the rounds, per variant and endpoint.
awk -F'\t' 'NR > 1 {k = $1 "\t" $2; n[k]++; rps[k, n[k]] = $4; p50[k, n[k]] = $5; p99[k, n[k]] = $6; oth[k] = (oth[k] > $10 ? oth[k] : $10); scpu[k, n[k]] = $11; kcpu[k, n[k]] = $12}
  function med(a, k, c,   i, j, t, v) { for (i = 1; i <= c; i++) v[i] = a[k, i]
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
  END { for (k in n) printf "%s\t%d\t%.0f\t%.2f\t%.2f\t%d\t%.0f\t%.0f\n", k, n[k], med(rps, k, n[k]), med(p50, k, n[k]), med(p99, k, n[k]), oth[k], med(scpu, k, n[k]), med(kcpu, k, n[k]) }' \
  "$OUT/runs.tsv" | sort > "$OUT/summary.body"
{ printf 'variant\tendpoint\truns\treq_s\tp50_ms\tp99_ms\tmax_other_cpu_pct\tserver_cpu_us\tsink_cpu_us\n'; cat "$OUT/summary.body"; } > "$OUT/summary.tsv"
rm -f "$OUT/summary.body"

log "results in $OUT"
column -t -s $'\t' "$OUT/summary.tsv"; echo
column -t -s $'\t' "$OUT/variants.tsv"; echo
column -t -s $'\t' "$OUT/ceiling.tsv"
