#!/usr/bin/env bash
# The peak simulation of issue 4 (benchmarks/README.md, "Peak simulation"): precompute off vs on
# against ONE running server, in one run of 7 to 12 minutes with the defaults.
#
#   mvn install -Prun                                   # in another terminal: the server on :8080
#   benchmarks/peak/run.sh                              # table, CSV and plot in benchmarks/peak/target/
#   benchmarks/peak/run.sh --url http://localhost:8380 --subscribers 200 --quiet 40 --peak 30
#   benchmarks/peak/run.sh --help                       # every option
#
# Builds benchmarks/peak/target/peak.jar if it is missing (offline first, like the other benchmark
# scripts), then runs it; every argument goes to the program. It creates its own data on the server
# (ids prefixed by the run id), changes the precompute settings while it runs and puts them back at
# the end (also on Ctrl-C). Exit codes: 0 done, 1 the run failed, 2 bad options.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$HERE/target/peak.jar"

if [ ! -f "$JAR" ]; then
    echo "building $JAR" >&2
    (cd "$ROOT" && { mvn -o -q -pl benchmarks/peak package -DskipTests || mvn -q -pl benchmarks/peak package -DskipTests; }) >&2
fi

# the client shares the machine with the server: a small heap, headless (the plot is SVG text)
exec java -Xmx512m -Djava.awt.headless=true ${PEAK_JAVA_OPTS:-} -jar "$JAR" --out "$HERE/target" "$@"
