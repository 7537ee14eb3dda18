#!/usr/bin/env bash
# Throughput of stream separation and rebuild, per codec, against the cost of encrypting the
# whole file: `openssl enc -aes-128-ctr` on the same file, in the same run.
#
#   stream-separation/bench/bench.sh [SIZE_MIB] [WORK_DIR]
#
# For each codec it makes a 20 s 1280x720 clip with ffmpeg (broadcast-like bitrates), measures the
# extracted share and the main stream's PSNR on it, then repeats the clip to SIZE_MIB (default
# 1024) and times, best of three runs each, with the file in the page cache:
#   separate   splitcast-separate separate FILE - COMP   (main stream to /dev/null, like openssl)
#   rebuild    splitcast-separate rebuild MAIN COMP -    (original to /dev/null)
#   openssl    openssl enc -aes-128-ctr -K ... -iv ... -in FILE -out /dev/null
# CLI times are wall-clock and include the JVM's start and JIT warm-up (about 0.5 s in all); the
# in-process figures (bench/InProcessBench.java, first 512 MiB of the same file, memory to memory,
# best of 6) are the steady state. Needs ffmpeg, openssl, Java 17 and the jar
# (mvn -f stream-separation/pom.xml package). Disk: about 2.1 x SIZE_MIB, deleted at the end.
set -euo pipefail

size_mib="${1:-2048}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${2:-$here/../target/bench}"
tool="$here/../bin/splitcast-separate"
jar="$(ls "$here"/../target/splitcast-stream-separation-*.jar 2> /dev/null | grep -v -e sources -e javadoc | head -1)"
[[ -n "$jar" ]] || { echo "bench: build the jar first: mvn -f stream-separation/pom.xml package" >&2; exit 4; }
mkdir -p "$work"
for cmd in ffmpeg openssl java; do
    command -v "$cmd" > /dev/null || { echo "bench: $cmd is required" >&2; exit 4; }
done

key=000102030405060708090a0b0c0d0e0f
now() { date +%s.%N; }
best_of_3() { # prints the best wall-clock seconds of three runs of "$@"
    local best=""
    for _ in 1 2 3; do
        local t0 t1
        t0=$(now)
        "$@"
        t1=$(now)
        best=$(echo "$t0 $t1 ${best:-999999}" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
    done
    echo "$best"
}
psnr() { # mean over frames of ffmpeg's all-component PSNR, and of the luma PSNR
    ffmpeg -hide_banner -nostats -loglevel quiet -threads 1 -i "$1" -threads 1 -i "$2" \
        -lavfi "[0:v][1:v]psnr=stats_file=$work/psnr.log" -f null - || true
    awk '{for (i = 1; i <= NF; i++) { split($i, a, ":"); if (a[1] == "psnr_avg") { s += a[2]; n++ } if (a[1] == "psnr_y") y += a[2] } }
         END { printf "%.2f (Y %.2f)", s / n, y / n }' "$work/psnr.log"
}

declare -A video=(
    [h264]="-c:v libx264 -preset veryfast -b:v 5M -pix_fmt yuv420p"
    [hevc]="-c:v libx265 -preset veryfast -b:v 3M -pix_fmt yuv420p -x265-params log-level=error"
    [mpeg2]="-c:v mpeg2video -b:v 8M -maxrate 9M -bufsize 4M"
)
declare -A audio=([h264]="-c:a aac -b:a 128k" [hevc]="-c:a ac3 -b:a 384k" [mpeg2]="-c:a mp2 -b:a 256k")
declare -A label=([h264]="H.264 + AAC" [hevc]="HEVC + AC-3" [mpeg2]="MPEG-2 + MP2")

quality_rows=()
speed_rows=()
for codec in h264 hevc mpeg2; do
    clip="$work/$codec-720p.ts"
    if [[ ! -s "$clip" ]]; then
        # shellcheck disable=SC2086 # option lists
        ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=25:duration=20 \
            -f lavfi -i sine=frequency=440:sample_rate=48000:duration=20 -map 0:v -map 1:a \
            ${video[$codec]} ${audio[$codec]} -f mpegts "$clip.part"
        mv "$clip.part" "$clip"
    fi
    "$tool" separate --quiet "$clip" "$work/clip.main.ts" "$work/clip.scci"
    share=$("$tool" inspect "$work/clip.scci" | sed -n 's/^extracted: .* = \([0-9.]*\) % .*/\1/p')
    framing=$("$tool" inspect "$work/clip.scci" | sed -n 's/.*, framing \([0-9.]*\) % .*/\1/p')
    quality=$(psnr "$clip" "$work/clip.main.ts")
    quality_rows+=("$(printf '| %-13s | %7s %% | %7s %% | %-17s |' "${label[$codec]}" "$share" "$framing" "$quality")")

    big="$work/$codec-big.ts"
    copies=$(( size_mib * 1048576 / $(stat -c %s "$clip") + 1 ))
    for _ in $(seq "$copies"); do cat "$clip"; done > "$big"
    bytes=$(stat -c %s "$big")
    cat "$big" > /dev/null
    sep=$(best_of_3 sh -c "'$tool' separate --quiet '$big' - '$work/big.scci' > /dev/null")
    "$tool" separate --quiet "$big" "$work/big.main.ts" "$work/big.scci"
    cat "$work/big.main.ts" > /dev/null
    reb=$(best_of_3 sh -c "'$tool' rebuild --quiet '$work/big.main.ts' '$work/big.scci' - > /dev/null")
    ossl=$(best_of_3 openssl enc -aes-128-ctr -K "$key" -iv "$key" -in "$big" -out /dev/null)
    rm -f "$work/big.main.ts" "$work/big.scci" "$work/clip.main.ts" "$work/clip.scci"
    steady=$(java -Xmx4g -cp "$jar" "$here/InProcessBench.java" "$big" 512 6)
    rm -f "$big"
    speed_rows+=("$(echo "$bytes $sep $reb $ossl $steady" | awk -v l="${label[$codec]}" '{
            mb = $1 / 1e6; s = mb / $2; r = mb / $3; o = mb / $4
            ps = $6; p1 = $10; pr = $13
            printf "| %-13s | %6.0f | %6.0f | %6.0f | %6.0f | %4.2f | %4.2f | %6.0f (%5.0f) | %6.0f | %4.2f | %4.2f |", \
                l, mb, s, r, o, s / o, r / o, ps, p1, pr, ps / o, pr / o }')")
done

echo
echo "stream separation, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "20 s clips, 1280x720, H.264 5 Mbit/s, HEVC 3 Mbit/s, MPEG-2 8 Mbit/s; default options (target share 1.5 %):"
echo "| codec         | extracted | framing   | video PSNR dB (Y) |"
echo "|---------------|-----------|-----------|-------------------|"
printf '%s\n' "${quality_rows[@]}"
echo
echo "throughput in MB/s (10^6 bytes/s); CLI: best of 3, wall clock; in-process: steady state, best of 6:"
echo "| codec         |   file | CLI separate | CLI rebuild | openssl AES-128-CTR | sep / ossl | reb / ossl | in-process separate (1 thread) | in-process rebuild | sep / ossl | reb / ossl |"
echo "|---------------|--------|--------|--------|--------|------|------|----------------|--------|------|------|"
printf '%s\n' "${speed_rows[@]}"
