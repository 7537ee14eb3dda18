#!/usr/bin/env bash
# A flame graph of the server during a hit run (issue 12): license-bench.sh with PS256 only and
# async-profiler (tools.profiler:async-profiler from Maven Central) attached to the running
# WildFly for the measured hit run, then a breakdown of the samples by layer.
#
#   mvn install -Prun                                   # terminal 1: the server
#   benchmarks/http/hit-flamegraph.sh                   # terminal 2; PORT_OFFSET=500 for a server
#                                                       # started with that port offset
#
# Output in OUT_DIR (default benchmarks/target/http): hit-PS256.html (the flame graph, open it in a
# browser), hit-PS256.collapsed (one line per stack) and hit-PS256-breakdown.md (share of the
# CPU samples by layer, from benchmarks/http/profile-breakdown.sh). Run it as the user that runs
# the server (jcmd attaches to it). Other settings as in license-bench.sh; SERVER_PID if the
# server's process cannot be found from its HTTP port; PROFILER_EVENT (default itimer, which needs
# no perf_events permission; cpu where kernel.perf_event_paranoid allows it).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT_OFFSET="${PORT_OFFSET:-0}"
BASE_URL="${BASE_URL:-http://localhost:$((8080 + PORT_OFFSET))}"
OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/http}"
AP_VERSION="${AP_VERSION:-4.2}"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
mkdir -p "$OUT_DIR"

# the native library, from the Maven Central artifact (a jar holding linux-x64/libasyncProfiler.so)
AP_JAR="$M2/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION-linux-x64.jar"
if [ ! -f "$AP_JAR" ]; then
    mvn -B -q -ntp -Dmaven.repo.local="$M2" dependency:get -Dtransitive=false \
        -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar:linux-x64" >&2
fi
AP_DIR="$OUT_DIR/async-profiler-$AP_VERSION"
if [ ! -f "$AP_DIR/linux-x64/libasyncProfiler.so" ]; then
    mkdir -p "$AP_DIR" && (cd "$AP_DIR" && unzip -q -o "$AP_JAR" 'linux-x64/*')
fi
export PROFILER_LIB="$AP_DIR/linux-x64/libasyncProfiler.so"

if [ -z "${SERVER_PID:-}" ]; then
    port="${BASE_URL##*:}"; port="${port%%/*}"
    SERVER_PID=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
    [ -n "$SERVER_PID" ] || { echo "cannot find the process listening on port $port: set SERVER_PID" >&2; exit 1; }
fi
export SERVER_PID PORT_OFFSET BASE_URL OUT_DIR
export PROFILE=hit
export ALGORITHMS="${ALGORITHMS:-PS256}"
"$HERE/license-bench.sh"
for f in "$OUT_DIR"/hit-*.collapsed; do
    "$HERE/profile-breakdown.sh" "$f" | tee "${f%.collapsed}-breakdown.md"
done
