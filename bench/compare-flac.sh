#!/usr/bin/env bash
# The in-process FLAC decoder against ffmpeg, and what FLAC costs a loudness analysis.
#
#   bash bench/compare-flac.sh [--minutes N] [--tracks T]   default: a 34-minute album of 10 tracks, 24-bit 44.1 kHz
#
# 1. Decode throughput on one long file (the whole album as one FLAC, at compression levels 5 and 8, and a 16-bit
#    copy): the decoder alone, in process (`MixFleet.Benchmarks decode`: CPU seconds of the best of 3 runs, with and
#    without the STREAMINFO MD5 check, and the first run, which includes JIT compilation), against
#    `ffmpeg -i x.flac -f f32le -` (one run, CPU seconds of the whole process).
# 2. `mixfleet analyze --loudness-only -j 1` on the album as WAV and as FLAC (whole process, one run each): the CPU
#    ratio FLAC/WAV (target <= 1.5), and loudgain's album mode (libebur128) on both when loudgain is installed.
# CPU seconds are user+sys from /usr/bin/time; x-rt/core = audio seconds / CPU seconds. The machine should be idle.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

minutes=34
tracks=10
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --tracks) tracks=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "compare-flac.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

need ffmpeg:ffmpeg /usr/bin/time:time python3:python3
make_temp
tmp=$BENCH_TMP
build_cli
build_measure

seconds=$((minutes * 60))
per_track=$(python3 -c "print($seconds / $tracks)")
echo "bench: generating a $minutes min 24-bit 44.1 kHz album of $tracks tracks (ffmpeg)" >&2
generate_master "$tmp/master.wav" 44100 "$seconds"
mkdir -p "$tmp/album-wav" "$tmp/album-flac"
for i in $(seq 0 $((tracks - 1))); do
  n=$(printf '%02d' $((i + 1)))
  ffmpeg -hide_banner -loglevel error -nostdin -y -i "$tmp/master.wav" -ss "$(python3 -c "print($i * $per_track)")" -t "$per_track" \
    -c:a pcm_s24le "$tmp/album-wav/$n - Track.wav"
  ffmpeg -hide_banner -loglevel error -nostdin -y -i "$tmp/album-wav/$n - Track.wav" -c:a flac -compression_level 5 "$tmp/album-flac/$n - Track.flac"
done
ffmpeg -hide_banner -loglevel error -nostdin -y -i "$tmp/master.wav" -c:a flac -compression_level 5 "$tmp/whole-l5.flac"
ffmpeg -hide_banner -loglevel error -nostdin -y -i "$tmp/master.wav" -c:a flac -compression_level 8 "$tmp/whole-l8.flac"
ffmpeg -hide_banner -loglevel error -nostdin -y -i "$tmp/master.wav" -c:a flac -sample_fmt s16 -compression_level 5 "$tmp/whole-16bit-l5.flac"
rm -f "$tmp/master.wav"

cpu() { awk '{printf "%.3f", $1 + $2}' "$tmp/$1.time"; }

echo "== 1. decode throughput, $seconds s of audio per file; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %9s %11s %9s %11s %9s %11s %9s %11s %8s\n' file "first s" "x-rt/core" "best s" "x-rt/core" "no-md5 s" "x-rt/core" "ffmpeg s" "x-rt/core" "ff/ours"
for f in whole-l5 whole-l8 whole-16bit-l5; do
  "$MEASURE" decode "$tmp/$f.flac" 3 >"$tmp/$f.md5.runs"
  "$MEASURE" decode "$tmp/$f.flac" 3 --no-md5 >"$tmp/$f.nomd5.runs"
  # ffmpeg writes the float samples to a pipe that discards them, as it does for mixfleet's ffmpeg path.
  timed "$f.ffmpeg" sh -c 'exec ffmpeg -hide_banner -nostdin -v error -i "$1" -f f32le - >/dev/null' sh "$tmp/$f.flac"
  python3 - "$f" "$seconds" "$tmp/$f.md5.runs" "$tmp/$f.nomd5.runs" "$(cpu "$f.ffmpeg")" <<'PY'
import sys
name, seconds, md5, nomd5, ff = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
runs = lambda path: [float(line.split()[2]) for line in open(path)]
first, best, bare = runs(md5)[0], min(runs(md5)), min(runs(nomd5))
print(f"{name:<22} {first:>9.3f} {seconds / first:>11.0f} {best:>9.3f} {seconds / best:>11.0f} {bare:>9.3f} {seconds / bare:>11.0f} {ff:>9.3f} {seconds / ff:>11.0f} {ff / best:>7.2f}x")
PY
done

echo
echo "== 2. mixfleet analyze --loudness-only -j 1 on the album, WAV vs FLAC ($tracks tracks, $seconds s); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
timed "mixfleet wav" "$MIXFLEET" analyze "$tmp/album-wav" --loudness-only --parallelism 1 --json "$tmp/wav.json"
timed "mixfleet flac" "$MIXFLEET" analyze "$tmp/album-flac" --loudness-only --parallelism 1 --json "$tmp/flac.json"
names=("mixfleet wav" "mixfleet flac")
if command -v loudgain >/dev/null 2>&1; then
  timed "loudgain wav" loudgain -q -a -O "$tmp"/album-wav/*.wav
  timed "loudgain flac" loudgain -q -a -O "$tmp"/album-flac/*.flac
  names+=("loudgain wav" "loudgain flac")
else
  echo "(loudgain not installed: apt-get install loudgain to compare with libebur128)"
fi
python3 - "$tmp" "$seconds" "${names[@]}" <<'PY'
import json, sys
tmp, seconds, names = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
cpu = {}
print(f"{'run':<16}{'CPU s':>9}{'wall s':>9}{'RSS MB':>9}{'x-rt/core':>11}")
for name in names:
    user, system, wall, rss = open(f"{tmp}/{name}.time").read().split()[-4:]
    cpu[name] = float(user) + float(system)
    print(f"{name:<16}{cpu[name]:>9.2f}{float(wall):>9.2f}{int(rss) / 1024:>9.1f}{seconds / cpu[name]:>11.0f}")
print(f"mixfleet FLAC/WAV CPU: {cpu['mixfleet flac'] / cpu['mixfleet wav']:.2f}x (target <= 1.5x)")
if "loudgain wav" in cpu:
    print(f"loudgain/mixfleet CPU: WAV {cpu['loudgain wav'] / cpu['mixfleet wav']:.2f}x, FLAC {cpu['loudgain flac'] / cpu['mixfleet flac']:.2f}x")
wav, flac = (json.load(open(f"{tmp}/{k}.json")) for k in ("wav", "flac"))
same = all(a["loudness"] == b["loudness"] and a["peaks"] == b["peaks"] for a, b in zip(wav["tracks"], flac["tracks"]))
print(f"per-track loudness and peaks identical for WAV and FLAC: {same}")
PY
