#!/usr/bin/env bash
# The HTTP path of issue 3's benchmark: licenses per second through the running server, for a hit
# and a miss with each signature algorithm, against WildFly's bare JAX-RS "hello" resource measured
# in the same run (machines are shared and noisy: the ratio is the result, not the req/s).
#
#   mvn install -Prun                           # in another terminal: the server on :8080
#   benchmarks/http/license-bench.sh            # 5-15 minutes; table in benchmarks/target/http/
#
# What it does, against the server at BASE_URL (nothing is started or stopped here):
#   1. creates its own data, all ids prefixed by RUN_ID: a subscriber, HIT_TERMINALS AES_256
#      terminals for the hits, CONTENTS contents in one package the subscriber is entitled to;
#   2. deploys benchmarks/hello-war (built if missing) with jboss-cli (local authentication: run it
#      as the user that runs the server) and removes it on exit;
#   3. warms the server up: hello 5 s, then hit and miss runs in turn until the hits' rate is
#      stable (a fresh server takes minutes); from that rate it sizes the pool of never-requested
#      (terminal, content) pairs that the miss runs walk (terminals x CONTENTS);
#   4. measures hello, then for each algorithm: rotates the signing key (POST /api/license-keys,
#      which also drops the precomputed blocks of older keys, so every pair is a miss again), warms
#      the hit pairs, runs the hits, runs the misses, and hello again (each case is compared with
#      the two hello runs around it);
#   5. prints the Markdown table and writes it to OUT_DIR/license-bench.md (raw wrk output next to it).
#
# Every license request authenticates (HTTP Basic, the integrator; its Argon2id check is cached by
# the server); the hello requests carry the same Authorization header, which the hello WAR ignores
# (no security constraint), so both pay for sending it and only the licenses for checking it.
# Hit and miss requests each carry a fresh nonce. The "% computed" column counts the
# Splitcast-Access response header: a miss run must show 100%, a hit run 0%.
#
# Settings (environment): BASE_URL, CONTROLLER (management host:port), SERVER_HOME (for
# bin/jboss-cli.sh), PARTIAL_LOAD (default 0.8: a hit run at 80 % of the measured hit rate, for its
# p99 below capacity; 0: none), THREADS, CONNECTIONS, DURATION (wrk -t -c -d), HELLO_DURATION, WARMUP_STEP,
# WARMUP_MAX, ALGORITHMS, CONTENTS, HIT_TERMINALS, HIT_CONTENTS, MIN_POOL, POOL_MARGIN,
# OPERATOR / INTEGRATOR (user:password), RUN_ID, OUT_DIR, PORT_OFFSET (instead of BASE_URL and
# CONTROLLER: a server started with -Djboss.socket.binding.port-offset).
# PROFILE=hit (what benchmarks/http/hit-flamegraph.sh sets): async-profiler records the server's
# CPU during the measured hit run of each algorithm (PROFILER_LIB, SERVER_PID; see that script).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

# PORT_OFFSET: the server's jboss.socket.binding.port-offset (HTTP 8080+offset, management 9990+offset)
PORT_OFFSET="${PORT_OFFSET:-0}"
BASE_URL="${BASE_URL:-http://localhost:$((8080 + PORT_OFFSET))}"
CONTROLLER="${CONTROLLER:-localhost:$((9990 + PORT_OFFSET))}"
SERVER_HOME="${SERVER_HOME:-$ROOT/ear/target/server}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-15s}"
HELLO_DURATION="${HELLO_DURATION:-$DURATION}"
# warm-up: alternating hit and miss runs of WARMUP_STEP until the hits' rate is stable, at most
# WARMUP_MAX in all (a fresh server takes several minutes to reach its speed)
WARMUP_STEP="${WARMUP_STEP:-15s}"
WARMUP_MAX="${WARMUP_MAX:-600s}"
ALGORITHMS="${ALGORITHMS:-PS256 ES256 EdDSA}"
CONTENTS="${CONTENTS:-200}"
HIT_TERMINALS="${HIT_TERMINALS:-4}"
HIT_CONTENTS="${HIT_CONTENTS:-4}"
OPERATOR="${OPERATOR:-operator:splitcast-operator}"
INTEGRATOR="${INTEGRATOR:-integrator:splitcast-integrator}"
RUN_ID="${RUN_ID:-bench$(date +%s)}"
OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/http}"
HELLO_WAR="$ROOT/benchmarks/hello-war/target/splitcast-bench-hello.war"
HELLO_PATH="/splitcast-bench-hello/hello"
# the miss pool holds POOL_MARGIN x (warm-up hits' rate x DURATION) pairs, at least MIN_POOL: a miss does all a hit does and more, but the server is still warming up when the
# hits' rate is taken, hence the margin
POOL_MARGIN="${POOL_MARGIN:-3}"
# after each hit run, the same hits at this fraction of its rate (0: no such run)
PARTIAL_LOAD="${PARTIAL_LOAD:-0.8}"
MIN_POOL="${MIN_POOL:-12000}"

API="$BASE_URL/api"
mkdir -p "$OUT_DIR"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/license-bench.XXXXXX")"
RESULTS="$OUT_DIR/license-bench.tsv"
RAW="$OUT_DIR/license-bench-wrk.txt"
: >"$RESULTS"
: >"$RAW"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

seconds_of() { # 15s, 1m, 30 -> seconds
    local d="$1"
    case "$d" in
        *m) echo $(( ${d%m} * 60 )) ;;
        *s) echo "${d%s}" ;;
        *) echo "$d" ;;
    esac
}

# --- tools ---------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "wrk is missing: installing the Debian package"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y wrk >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y wrk >/dev/null; }
fi
command -v curl >/dev/null || die "curl is required"
[ -x "$SERVER_HOME/bin/jboss-cli.sh" ] || die "no $SERVER_HOME/bin/jboss-cli.sh: set SERVER_HOME"

if [ ! -f "$HELLO_WAR" ]; then
    log "building the hello WAR"
    (cd "$ROOT" && { mvn -o -q -pl benchmarks/hello-war -am package -DskipTests || mvn -q -pl benchmarks/hello-war -am package -DskipTests; }) >&2
fi

# --- REST helpers --------------------------------------------------------------------------
# post USER:PASS PATH JSON EXPECTED_STATUS -> body on stdout; fails unless the status matches
post() {
    local user="$1" path="$2" json="$3" expected="$4" out status
    out="$WORK/post.$$.$RANDOM"
    status=$(curl -s -o "$out" -w '%{http_code}' -u "$user" -H 'Content-Type: application/json' \
        -d "$json" "$API$path") || status="curl-failed"
    if [ "$status" != "$expected" ]; then
        log "POST $path -> $status (expected $expected): $(head -c 400 "$out" 2>/dev/null)"
        rm -f "$out"
        return 1
    fi
    cat "$out"
    rm -f "$out"
}
export -f post log
export API WORK

# new_terminals PREFIX FROM TO: AES_256 terminals PREFIX$FROM..PREFIX$TO, 4 requests at a time
new_terminals() {
    local prefix="$1" from="$2" to="$3"
    seq "$from" "$to" | xargs -P 4 -I{} bash -c \
        "post '$OPERATOR' '/subscribers/$RUN_ID-sub/terminals' '{\"id\":\"$prefix{}\",\"label\":\"bench\",\"keyType\":\"AES_256\"}' 201 >/dev/null" \
        || die "terminal creation failed"
}

license_status() { # terminal content -> "status access-header"; a fresh nonce each time (a repeated
    # one is refused with 409 nonce-reused): 16 random bytes, base64url without padding
    local nonce
    nonce=$(openssl rand -base64 16 | tr '+/' '-_' | tr -d '=\n')
    curl -s -o /dev/null -D - -u "$INTEGRATOR" -H 'Content-Type: application/json' \
        -d "{\"contentId\":\"$2\",\"terminalId\":\"$1\",\"nonce\":\"$nonce\"}" "$API/licenses" \
        | awk 'NR==1 {s=$2} tolower($1)=="splitcast-access:" {a=$2} END {gsub("\r","",a); print s, a}'
}

# --- hello WAR -----------------------------------------------------------------------------
cli() { "$SERVER_HOME/bin/jboss-cli.sh" --connect --controller="$CONTROLLER" --command="$1"; }
undeploy_hello() {
    log "removing the hello WAR"
    cli "undeploy splitcast-bench-hello.war" >/dev/null 2>&1 || log "(undeploy failed: remove splitcast-bench-hello.war by hand)"
}
cleanup() {
    if [ "${HELLO_DEPLOYED:-}" = 1 ]; then undeploy_hello; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# server-side means from GET /api/metrics: "issue_sum issue_count compute_sum compute_count"
# (splitcast_license_issue_seconds: the whole issue in the EJB; splitcast_access_block_compute_seconds
# with reason="miss": the access block of a miss). Zeros if the metrics are not there.
metrics_snapshot() {
    curl -s -u "$OPERATOR" "$API/metrics" | awk '
        /^splitcast_license_issue_seconds_sum[ {]/ { is = $NF }
        /^splitcast_license_issue_seconds_count[ {]/ { ic = $NF }
        /^splitcast_access_block_compute_seconds_sum\{reason="miss"\}/ { cs = $NF }
        /^splitcast_access_block_compute_seconds_count\{reason="miss"\}/ { cc = $NF }
        END { printf "%.6f %d %.6f %d\n", is, ic, cs, cc }' || echo "0 0 0 0"
}

# --- wrk -----------------------------------------------------------------------------------
# run_wrk CASE MODE URL PAIRS_FILE DURATION [record]: appends "case<TAB>SC_RESULT..." to RESULTS
run_wrk() {
    local name="$1" mode="$2" url="$3" pairs="$4" duration="$5" record="${6:-record}" out
    out="$WORK/wrk.out"
    log "wrk $name ($mode, -t$THREADS -c$CONNECTIONS -d$duration)"
    local before after
    before=$(metrics_snapshot)
    SC_RATE="${SC_RATE:-}" SC_CONNECTIONS="$CONNECTIONS" SC_MODE="$mode" SC_AUTH="Basic $(printf '%s' "$INTEGRATOR" | base64 -w0)" SC_PATH="${url#"$BASE_URL"}" \
        SC_PAIRS="$pairs" SC_THREADS="$THREADS" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$HERE/license.lua" "$url" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed"; }
    { echo "### $name"; cat "$out"; echo; } >>"$RAW"
    after=$(metrics_snapshot)
    local line server
    line=$(grep '^SC_RESULT' "$out") || { cat "$out" >&2; die "no SC_RESULT from wrk"; }
    # mean milliseconds over this run's requests (wall time in the server, queueing for CPU included)
    server=$(awk -v b="$before" -v a="$after" 'BEGIN {
        split(b, x, " "); split(a, y, " ")
        di = y[2] - x[2]; dc = y[4] - x[4]
        printf "server_issue_ms=%s server_compute_ms=%s",
            (di > 0 ? sprintf("%.2f", 1000 * (y[1] - x[1]) / di) : "n/a"),
            (dc > 0 ? sprintf("%.2f", 1000 * (y[3] - x[3]) / dc) : "n/a") }')
    line="$line $server"
    log "  ${line#SC_RESULT }"
    { grep '^first non-2xx' "$out" || true; } | head -2 | while read -r refusal; do log "  $refusal"; done
    if [ "$record" = record ]; then
        printf '%s\t%s\t%s\n' "$name" "${line#SC_RESULT }" "$BLOCK" >>"$RESULTS"
    fi
    LAST_RPS=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$line")
}

# async-profiler attached to the running server (jcmd JVMTI.agent_load: each command loads the
# agent library again, which is how async-profiler's own launcher drives it)
# (jcmd parses a bare key=value as its own option: the agent's options go in quotes; the agent's
# messages go to the server's console, jcmd only shows "return code: N")
profiler() {
    local out
    out=$(jcmd "$SERVER_PID" JVMTI.agent_load "$PROFILER_LIB" "\"$1\"") || die "async-profiler: $1: $out"
    grep -q 'return code: 0' <<<"$out" || die "async-profiler: $1: $out (see the server's console)"
}
profiler_start() {
    log "async-profiler: start (${PROFILER_EVENT:-itimer}) on pid $SERVER_PID"
    profiler "start,event=${PROFILER_EVENT:-itimer},interval=${PROFILER_INTERVAL:-1000000}"
}
profiler_stop() {
    profiler "dump,collapsed,file=$OUT_DIR/$1.collapsed"
    profiler "stop,file=$OUT_DIR/$1.html"
    log "async-profiler: flame graph $OUT_DIR/$1.html, collapsed stacks $OUT_DIR/$1.collapsed"
}

# ============================================================================================
log "server $BASE_URL, run id $RUN_ID, wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
curl -sf -o /dev/null "$API/license-keys" || die "no splitcast server answers at $BASE_URL (start it: mvn install -Prun)"

# 1. data
log "creating the subscriber, $HIT_TERMINALS hit terminals, $CONTENTS contents, one package"
post "$OPERATOR" /subscribers "{\"id\":\"$RUN_ID-sub\",\"displayName\":\"Benchmark $RUN_ID\",\"username\":\"$(tr 'A-Z' 'a-z' <<<"$RUN_ID")\",\"password\":\"$RUN_ID-password\",\"demographics\":{\"ageBand\":\"25-34\",\"country\":\"FR\",\"category\":\"premium\"}}" 201 >/dev/null \
    || die "cannot create the subscriber"
new_terminals "$RUN_ID-h" 1 "$HIT_TERMINALS"
seq 1 "$CONTENTS" | xargs -P 4 -I{} bash -c \
    "post '$OPERATOR' /contents '{\"id\":\"$RUN_ID-c{}\",\"title\":\"Benchmark {}\",\"genre\":\"drama\",\"durationSeconds\":100}' 201 >/dev/null" \
    || die "content creation failed"
content_ids=$(seq 1 "$CONTENTS" | sed "s/.*/\"$RUN_ID-c&\"/" | paste -sd, -)
post "$OPERATOR" /packages "{\"id\":\"$RUN_ID-pkg\",\"name\":\"Benchmark $RUN_ID\",\"contentIds\":[$content_ids]}" 201 >/dev/null \
    || die "cannot create the package"
post "$OPERATOR" "/subscribers/$RUN_ID-sub/entitlements" "{\"packageId\":\"$RUN_ID-pkg\"}" 201 >/dev/null \
    || die "cannot create the entitlement"

HIT_PAIRS="$WORK/hit-pairs"
for t in $(seq 1 "$HIT_TERMINALS"); do
    for c in $(seq 1 "$HIT_CONTENTS"); do echo "$RUN_ID-h$t $RUN_ID-c$c"; done
done >"$HIT_PAIRS"

# the entitlement counts from its creation instant, a license from the current whole second:
# wait until the first pair is granted (at most 10 s)
for _ in $(seq 1 20); do
    read -r status _ < <(license_status "$RUN_ID-h1" "$RUN_ID-c1")
    [ "$status" = 200 ] && break
    sleep 0.5
done
[ "$status" = 200 ] || die "the first license request answers $status"

warm_hits() { # requests every hit pair once (a miss each), then checks they are now hits
    local t c s a misses=0
    while read -r t c; do
        read -r s a < <(license_status "$t" "$c")
        [ "$s" = 200 ] || die "warming $t/$c: HTTP $s"
    done <"$HIT_PAIRS"
    while read -r t c; do
        read -r s a < <(license_status "$t" "$c")
        [ "$a" = precomputed ] || misses=$((misses + 1))
    done <"$HIT_PAIRS"
    [ "$misses" = 0 ] || die "$misses hit pairs are still not precomputed after warming"
}

# 2. hello
log "deploying the hello WAR"
cli "deploy $HELLO_WAR --force" >/dev/null || die "cannot deploy $HELLO_WAR through $CONTROLLER"
HELLO_DEPLOYED=1
[ "$(curl -s "$BASE_URL$HELLO_PATH")" = hello ] || die "$BASE_URL$HELLO_PATH does not answer hello"

# 3. warm-up, not recorded. A fresh WildFly keeps getting faster for minutes under this load (the
# JIT of Hibernate, H2, RESTEasy and the EJB layer on 2 cores): hit and miss runs of WARMUP_STEP
# alternate until the hits' rate has twice in a row not beaten its best by more than 5%
# (WARMUP_MAX at most). The miss pool grows with the hits' rate.
duration_s=$(seconds_of "$DURATION")
MISS_PAIRS="$WORK/miss-pairs"
miss_terminals=0
ensure_pool() { # RATE: at least POOL_MARGIN x RATE x DURATION pairs (and MIN_POOL)
    local needed
    needed=$(awk -v r="$1" -v d="$duration_s" -v m="$POOL_MARGIN" -v c="$CONTENTS" -v floor="$MIN_POOL" \
        'BEGIN { n = r * d * m; if (n < floor) n = floor; n = n / c; print (n == int(n)) ? n : int(n) + 1 }')
    [ "$needed" -gt "$miss_terminals" ] || return 0
    log "miss pool: $needed terminals x $CONTENTS contents = $((needed * CONTENTS)) pairs (hits at $1/s)"
    new_terminals "$RUN_ID-m" $((miss_terminals + 1)) "$needed"
    miss_terminals=$needed
    # content-major order: consecutive requests go to different terminals
    for c in $(seq 1 "$CONTENTS"); do
        for t in $(seq 1 "$miss_terminals"); do echo "$RUN_ID-m$t $RUN_ID-c$c"; done
    done >"$MISS_PAIRS"
}
warm_hits
run_wrk "warm-up hello" hello "$BASE_URL$HELLO_PATH" "" 5s warmup
step_s=$(seconds_of "$WARMUP_STEP")
warmup_max_s=$(seconds_of "$WARMUP_MAX")
best=0 calm=0 warmed=0 chunk=0 first_rate=""
while :; do
    chunk=$((chunk + 1))
    run_wrk "warm-up hit $chunk" hit "$API/licenses" "$HIT_PAIRS" "$WARMUP_STEP" warmup
    rate=$LAST_RPS
    first_rate=${first_rate:-$rate}
    ensure_pool "$rate"
    # misses under the current key: the first rotation below makes these pairs misses again
    run_wrk "warm-up miss $chunk" miss "$API/licenses" "$MISS_PAIRS" "$WARMUP_STEP" warmup
    warmed=$((warmed + 2 * step_s))
    if awk -v r="$rate" -v b="$best" 'BEGIN { exit !(r > 1.05 * b) }'; then
        calm=0
    else
        calm=$((calm + 1))
    fi
    best=$(awk -v r="$rate" -v b="$best" 'BEGIN { print (r > b ? r : b) }')
    [ "$calm" -ge 2 ] && break
    if [ "$warmed" -ge "$warmup_max_s" ]; then
        log "warm-up: the hits' rate still rises after $warmed s (WARMUP_MAX); measuring anyway"
        break
    fi
done
WARMUP_NOTE="warm-up ${warmed} s, hits went from ${first_rate} to ${rate} req/s"
log "$WARMUP_NOTE"

# 4. measurements
# a hello run before and after each algorithm's pair of runs: each case's ratio is to the mean of
# the two hellos around it, so that a drift of the machine's load over the run cancels out
BLOCK=0
run_wrk "hello #0" hello "$BASE_URL$HELLO_PATH" "" "$HELLO_DURATION"
for algorithm in $ALGORITHMS; do
    log "rotating the signing key to $algorithm"
    post "$OPERATOR" /license-keys "{\"algorithm\":\"$algorithm\"}" 201 >/dev/null || die "cannot rotate to $algorithm"
    warm_hits
    if [ "${PROFILE:-}" = hit ]; then profiler_start; fi
    run_wrk "hit $algorithm" hit "$API/licenses" "$HIT_PAIRS" "$DURATION"
    if [ "${PROFILE:-}" = hit ]; then profiler_stop "hit-$algorithm"; fi
    if [ "$PARTIAL_LOAD" != 0 ]; then
        # the same hits at PARTIAL_LOAD of the rate just measured: the latency below capacity
        SC_RATE=$(awk -v r="$LAST_RPS" -v f="$PARTIAL_LOAD" 'BEGIN { printf "%.0f", r * f }') \
            run_wrk "hit $algorithm at $(awk -v f="$PARTIAL_LOAD" 'BEGIN { print 100 * f }')%" hit "$API/licenses" "$HIT_PAIRS" "$DURATION"
    fi
    run_wrk "miss $algorithm" miss "$API/licenses" "$MISS_PAIRS" "$DURATION"
    BLOCK=$((BLOCK + 1))
    run_wrk "hello #$BLOCK" hello "$BASE_URL$HELLO_PATH" "" "$HELLO_DURATION"
done

# the signing limit of this machine, now (issue 12's miss target: miss req/s / (signs/s x cores))
OPENSSL_NOTE=""
if command -v openssl >/dev/null && [ "${OPENSSL_SPEED:-1}" = 1 ]; then
    log "openssl speed -seconds 5 rsa3072"
    signs=$(openssl speed -seconds 5 rsa3072 2>/dev/null | awk '/^rsa 3072 bits/ { print $(NF - 1) }')
    if [ -n "$signs" ]; then
        OPENSSL_NOTE="openssl speed rsa3072 just after: $signs signs/s on one core, x $(nproc) cores = $(awk -v s="$signs" -v n="$(nproc)" 'BEGIN { printf "%.0f", s * n }') signs/s"
    fi
fi

# 5. the table
TABLE="$OUT_DIR/license-bench.md"
{
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $BASE_URL, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)," \
        "run id $RUN_ID; miss pool $((miss_terminals * CONTENTS)) pairs; $WARMUP_NOTE"
    echo
    awk -F'\t' '
        function field(s, k,   re) { re = k "=[^ ]*"; if (match(s, re)) return substr(s, RSTART + length(k) + 1, RLENGTH - length(k) - 1); return "" }
        { name[NR] = $1; line[NR] = $2; rps[NR] = field($2, "rps"); block[NR] = $3 }
        $1 ~ /^hello/ { hello[$3] = rps[NR]; hello_sum += rps[NR]; hello_n++ }
        END {
            print "| case | req/s | ratio to hello | p50 | p99 | non-2xx | % computed | server: issue | server: access block |"
            print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
            for (i = 1; i <= NR; i++) {
                req = field(line[i], "requests"); c = field(line[i], "computed"); p = field(line[i], "precomputed")
                pct = (name[i] ~ /^hello/) ? "n/a" : sprintf("%.1f%%", (c + p) > 0 ? 100 * c / (c + p) : 0)
                wrapped = field(line[i], "pool_wrapped")
                note = (wrapped + 0 > 0) ? " (pool exhausted)" : ""
                si = field(line[i], "server_issue_ms"); sc = field(line[i], "server_compute_ms")
                bad = field(line[i], "non2xx") + field(line[i], "socket_errors")
                if (bad > 0) bad = bad " (4xx " field(line[i], "status4xx") ", 5xx " field(line[i], "status5xx") ", socket " field(line[i], "socket_errors") ")"
                # hellos: to the mean of all hellos; a case: to the mean of the hellos around it
                base = (name[i] ~ /^hello/) ? hello_sum / hello_n : (hello[block[i]] + hello[block[i] + 1]) / 2
                printf "| %s%s | %.0f | %.3f | %s ms | %s ms | %s | %s | %s | %s |\n", name[i], note, rps[i], rps[i] / base,
                    field(line[i], "p50_ms"), field(line[i], "p99_ms"), bad, pct,
                    (si == "n/a" ? "" : si " ms"), (sc == "n/a" ? "" : sc " ms")
            }
            printf "\nratio to hello: req/s divided by the mean of the two hello runs around the case (for a hello run:"
            printf " by the mean of all, %.0f req/s).\n", hello_sum / hello_n
        }' "$RESULTS"
    if [ -n "$OPENSSL_NOTE" ]; then echo "$OPENSSL_NOTE."; fi
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "hello: GET $HELLO_PATH (bare JAX-RS, no security) with the same Authorization header as the licenses."
    echo "hit: $((HIT_TERMINALS * HIT_CONTENTS)) pairs whose access block is precomputed; miss: every request on a (terminal, content) pair never"
    echo "requested under the current signing key (AES_256 terminals); % computed counts the Splitcast-Access header."
    echo "server: mean wall time per request inside the server from GET /api/metrics (splitcast_license_issue_seconds,"
    echo "and splitcast_access_block_compute_seconds of misses), CPU queueing of $CONNECTIONS concurrent requests included."
} >"$TABLE"
echo
cat "$TABLE"
log "table: $TABLE; raw wrk output: $RAW"
