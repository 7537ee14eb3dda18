#!/usr/bin/env bash
# Secure multicast benchmarks (benchmarks/README.md): rekey | throughput | latency | all.
#   mvn -o -pl benchmarks/multicast -am package -DskipTests
#   benchmarks/multicast/run.sh all [-Dsplitcast.ffmpeg.dir=DIR]
# Uses TCP ports 7900-7999 on 127.0.0.1 (the loopback clusters). Prints a Markdown table.
# `throughput` (2-5 min) ends with the line "THROUGHPUT RATIO publisher / raw JGroups: median X"
# (goal >= 0.80) and "CPU RATIO ...": run it on a quiet machine, and say the load average.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
what="${1:-all}"
shift || true
exec java -Djava.net.preferIPv4Stack=true -Xmx2g "$@" \
    -cp "$here/target/classes:$here/target/lib/*" org.splitcast.benchmarks.multicast.MulticastBenchmarks "$what"
