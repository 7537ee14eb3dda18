#!/usr/bin/env bash
# Seed 000 on demand, measured end to end through the running server (issue: protected delivery):
#   ingest MB/s  = the upload + separation + compression + sealing + storing of a stream, until READY
#   play MB/s    = splitcast-terminal play: license, main stream download, sealed chunks, opening,
#                  rebuild, output to /dev/null
# each against `openssl enc -aes-128-ctr` of the same file in the same run (machines are shared and
# noisy: the ratio is the result), on a stream of SIZE_MB (default 1024) made of copies of the demo
# clip back to back (no ffmpeg needed).
#
#   mvn install -Prun                        # terminal 1: the server on :8080
#   benchmarks/delivery/delivery-bench.sh    # terminal 2: a few minutes; table in benchmarks/target/delivery/
#
# Settings (environment): BASE_URL, SIZE_MB, CLIP (a transport stream to repeat), OPERATOR,
# INTEGRATOR (user:password), OUT_DIR, RUN_ID.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BASE_URL="${BASE_URL:-http://localhost:8080}"
SIZE_MB="${SIZE_MB:-1024}"
CLIP="${CLIP:-$ROOT/ejb-session/src/main/resources/demo/demo-clip.ts}"
OPERATOR="${OPERATOR:-operator:splitcast-operator}"
INTEGRATOR="${INTEGRATOR:-integrator:splitcast-integrator}"
OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/delivery}"
RUN_ID="${RUN_ID:-dbench$(date +%s)}"
API="$BASE_URL/api"
TERMINAL_CLI="$ROOT/terminal-sdk/bin/splitcast-terminal"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

command -v openssl >/dev/null || die "openssl is needed for the baseline"
curl -sf -o /dev/null -u "$OPERATOR" "$API/me" || die "no server answers at $BASE_URL (start it with mvn install -Prun)"
[ -f "$CLIP" ] || die "no clip at $CLIP"
mkdir -p "$OUT_DIR"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/delivery-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# 1. the stream
STREAM="$WORK/stream.ts"
target=$((SIZE_MB * 1024 * 1024))
while [ "$(stat -c %s "$STREAM" 2>/dev/null || echo 0)" -lt "$target" ]; do cat "$CLIP" >> "$STREAM"; done
BYTES=$(stat -c %s "$STREAM")
log "stream: $BYTES bytes ($(basename "$CLIP") repeated)"

# 2. the baseline: AES-128-CTR over the same bytes, read from the page cache as the server reads it
baseline() {
    local t0 t1
    t0=$(now)
    openssl enc -aes-128-ctr -K 000102030405060708090a0b0c0d0e0f -iv 0f0e0d0c0b0a09080706050403020100 \
        -in "$STREAM" -out /dev/null
    t1=$(now)
    mbps "$BYTES" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
}
cat "$STREAM" > /dev/null
OPENSSL_1=$(baseline)
log "openssl enc -aes-128-ctr: $OPENSSL_1 MB/s"

# 3. ingest
CONTENT="$RUN_ID-film"
curl -sf -o /dev/null -u "$OPERATOR" -H 'Content-Type: application/json' \
    -d "{\"id\": \"$CONTENT\", \"title\": \"Benchmark\", \"genre\": \"drama\", \"durationSeconds\": 3600}" "$API/contents"
t0=$(now)
curl -sf -o /dev/null -u "$OPERATOR" -X PUT -H 'Content-Type: video/mp2t' -T "$STREAM" "$API/contents/$CONTENT/stream"
t_upload=$(now)
while :; do
    STATUS=$(curl -sf -u "$OPERATOR" "$API/contents/$CONTENT/ingest")
    state=$(echo "$STATUS" | json 'd["state"]')
    case "$state" in
        READY) break ;;
        FAILED|CANCELLED) die "ingest $state: $(echo "$STATUS" | json 'd.get("error")')" ;;
    esac
    sleep 0.2
done
t1=$(now)
INGEST_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
UPLOAD_S=$(awk -v a="$t0" -v b="$t_upload" 'BEGIN { print b - a }')
INGEST=$(mbps "$BYTES" "$INGEST_S")
COMPLEMENTARY=$(echo "$STATUS" | json 'd["result"]["complementaryBytes"]')
SHARE=$(echo "$STATUS" | json 'd["result"]["extractedShare"]')
CHUNKS=$(echo "$STATUS" | json 'd["result"]["chunks"]')
log "ingest: $INGEST MB/s ($INGEST_S s, of which the upload $UPLOAD_S s)"

# 4. play
SUBSCRIBER="$RUN_ID-sub"
curl -sf -o /dev/null -u "$INTEGRATOR" -H 'Content-Type: application/json' -d "{\"id\": \"$SUBSCRIBER\", \"displayName\": \"Bench\",
    \"username\": \"$SUBSCRIBER\", \"password\": \"$SUBSCRIBER-pw\", \"demographics\": {\"ageBand\": \"25-34\", \"country\": \"FR\", \"category\": \"premium\"}}" "$API/subscribers"
curl -sf -o /dev/null -u "$INTEGRATOR" -H 'Content-Type: application/json' -d "{\"contentId\": \"$CONTENT\"}" \
    "$API/subscribers/$SUBSCRIBER/entitlements"
curl -sf -u "$INTEGRATOR" -H 'Content-Type: application/json' -d "{\"id\": \"$RUN_ID-tv\", \"label\": \"TV\", \"keyType\": \"AES_256\"}" \
    "$API/subscribers/$SUBSCRIBER/terminals" | json 'd["provisioningKey"]' > "$WORK/tv.key"
t0=$(now)
SPLITCAST_USER="$SUBSCRIBER" SPLITCAST_PASSWORD="$SUBSCRIBER-pw" "$TERMINAL_CLI" play --server "$BASE_URL" \
    --terminal "$RUN_ID-tv" --key "$WORK/tv.key" --content "$CONTENT" -o - 2>"$WORK/play.err" | cat > /dev/null
t1=$(now)
grep -q "^played" "$WORK/play.err" || die "play failed: $(cat "$WORK/play.err")"
PLAY_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
PLAY=$(mbps "$BYTES" "$PLAY_S")
log "play: $PLAY MB/s ($PLAY_S s)"

OPENSSL_2=$(baseline)
OPENSSL=$(awk -v a="$OPENSSL_1" -v b="$OPENSSL_2" 'BEGIN { printf "%.1f", (a + b) / 2 }')
log "openssl enc -aes-128-ctr again: $OPENSSL_2 MB/s"

# 5. clean up the server's copy
curl -sf -o /dev/null -u "$OPERATOR" -X DELETE "$API/contents/$CONTENT" || true
curl -sf -o /dev/null -u "$INTEGRATOR" -X DELETE "$API/subscribers/$SUBSCRIBER" || true

{
    echo "Stream: $BYTES bytes ($(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1073741824 }') GiB), $CHUNKS chunks; $(date -u +%Y-%m-%d), $(nproc) CPUs"
    echo
    echo "| case | MB/s | ratio to openssl aes-128-ctr | seconds |"
    echo "|---|---:|---:|---:|"
    echo "| openssl enc -aes-128-ctr (mean of the runs before and after) | $OPENSSL | 1 | |"
    echo "| ingest: upload + separation + sealing + store, until READY | $INGEST | $(awk -v a="$INGEST" -v b="$OPENSSL" 'BEGIN { printf "%.3f", a / b }') | $INGEST_S |"
    echo "| play: license + main stream + sealed chunks + rebuild, to /dev/null | $PLAY | $(awk -v a="$PLAY" -v b="$OPENSSL" 'BEGIN { printf "%.3f", a / b }') | $PLAY_S |"
    echo
    echo "Complementary information as stored: $COMPLEMENTARY bytes, $(awk -v c="$COMPLEMENTARY" -v b="$BYTES" 'BEGIN { printf "%.3f %%", 100 * c / b }') of the stream (extracted share $(awk -v s="$SHARE" 'BEGIN { printf "%.3f %%", 100 * s }'))."
} | tee "$OUT_DIR/delivery-bench.md"
