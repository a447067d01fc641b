#!/usr/bin/env bash
# Whole-process comparison of `mixfleet analyze` and ffmpeg's ebur128 filter on one generated file.
#
#   bash bench/compare-ffmpeg.sh [--minutes N]   10-minute 44.1 kHz 24-bit stereo WAV (default)
#   bash bench/compare-ffmpeg.sh --long          also: 3-hour 48 kHz 24-bit RF64 (~3.1 GB, deleted after) for peak RSS
#   bash bench/compare-ffmpeg.sh --memory        also: 16 files of 5 min 96 kHz at -j 16 (peak RSS, target < 1 GB)
#
# One run of each tool (no repetitions), timed with /usr/bin/time. Prints CPU seconds (user+sys), wall, peak RSS,
# x-realtime per core (audio seconds / CPU seconds), the CPU ratio ffmpeg/mixfleet, the wall-clock speedup of
# --parallelism 2 over 1, and the measured values side by side. The machine should be otherwise idle.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

minutes=10
long=0
memory=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --long) long=1; shift ;;
    --memory) memory=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "compare-ffmpeg.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

need ffmpeg:ffmpeg /usr/bin/time:time python3:python3 awk:gawk
make_temp
tmp=$BENCH_TMP
build_cli
build_measure

# report SECONDS NAME...: the timing table of the named runs.
report() {
  local seconds=$1
  shift
  python3 - "$tmp" "$seconds" "$@" <<'PY'
import sys
tmp, seconds, names = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
rows = {}
for name in names:
    user, system, wall, rss_kb = open(f"{tmp}/{name}.time").read().split()[-4:]
    rows[name] = (float(user) + float(system), float(wall), int(rss_kb) / 1024)
print(f"{'run':<28}{'CPU s':>9}{'wall s':>9}{'RSS MB':>9}{'x-rt/core':>11}{'x-rt wall':>11}")
for name, (cpu, wall, rss) in rows.items():
    print(f"{name:<28}{cpu:>9.2f}{wall:>9.2f}{rss:>9.1f}{seconds / cpu:>11.1f}{seconds / wall:>11.1f}")
PY
}

# mixfleet_values NAME: "I LRA TP" from a mixfleet JSON report (values are rounded to 0.01 by the report).
mixfleet_values() {
  python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["tracks"][0]; l,p=t["loudness"],t["peaks"]; print(l["integratedLufs"], l["loudnessRangeLu"], p["truePeakDbtp"]) if not t["error"] else print("error", t["error"])' "$1"
}

# summary_values FILE: "I LRA TP" from ffmpeg's ebur128 summary (1 decimal).
summary_values() {
  awk '/^ +I:/ {i=$2} /^ +LRA:/ {l=$2} /^ +Peak:/ {p=$2} END {print i, l, p}' "$1"
}

seconds=$((minutes * 60))
wav=$tmp/master-${minutes}min.wav
echo "bench: generating $minutes min 44.1 kHz 24-bit stereo (ffmpeg)" >&2
generate_master "$wav" 44100 "$seconds"
ffmpeg -hide_banner -loglevel error -nostdin -y -i "$wav" -t 1 -c:a pcm_s24le "$tmp/one-second.wav"
echo "== whole process, one run each, $seconds s of 44.1 kHz 24-bit stereo ($(du -h "$wav" | cut -f1)); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
timed "mixfleet loudness-only -j1" "$MIXFLEET" analyze "$wav" --loudness-only --parallelism 1 --json "$tmp/mixfleet-lo.json"
timed "mixfleet full -j1" "$MIXFLEET" analyze "$wav" --parallelism 1 --json "$tmp/mixfleet-j1.json"
timed "ffmpeg ebur128 peak=true" ffmpeg -hide_banner -nostdin -nostats -i "$wav" -af ebur128=peak=true -f null -
timed "mixfleet full -j2" "$MIXFLEET" analyze "$wav" --parallelism 2 --json "$tmp/mixfleet-j2.json"
timed "mixfleet start-up (1 s file)" "$MIXFLEET" analyze "$tmp/one-second.wav" --parallelism 1
report "$seconds" "mixfleet loudness-only -j1" "mixfleet full -j1" "ffmpeg ebur128 peak=true" "mixfleet full -j2"
python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
def load(name):
    user, system, wall, _ = open(f"{tmp}/{name}.time").read().split()[-4:]
    return float(user) + float(system), float(wall)
(lo_cpu, _), (mf_cpu, mf_wall), (ff_cpu, _), (_, j2_wall), (up_cpu, _) = (load(n) for n in (
    "mixfleet loudness-only -j1", "mixfleet full -j1", "ffmpeg ebur128 peak=true", "mixfleet full -j2", "mixfleet start-up (1 s file)"))
print(f"CPU ratio ffmpeg/mixfleet, loudness + LRA + true peak (--loudness-only): {ff_cpu / lo_cpu:.2f}x")
print(f"CPU ratio ffmpeg/mixfleet, full analysis: {ff_cpu / mf_cpu:.2f}x")
print(f"full analysis / loudness-only CPU: {mf_cpu / lo_cpu:.2f}x")
print(f"mixfleet start-up and one 1 s file: {up_cpu:.2f} CPU s (included in every mixfleet row above)")
print(f"wall speedup --parallelism 2 vs 1, single runs above: {mf_wall / j2_wall:.2f}x ({mf_wall:.2f} s -> {j2_wall:.2f} s)")
PY
# One run is at the mercy of anything else on the machine: repeat -j1/-j2 alternately and compare the best walls.
for round in 1 2 3; do
  timed "speedup -j1 #$round" "$MIXFLEET" analyze "$wav" --parallelism 1 --json "$tmp/speedup.json"
  timed "speedup -j2 #$round" "$MIXFLEET" analyze "$wav" --parallelism 2 --json "$tmp/speedup.json"
done
python3 - "$tmp" <<'PY'
import sys
walls = lambda j: [float(open(f"{sys.argv[1]}/speedup -j{j} #{r}.time").read().split()[2]) for r in (1, 2, 3)]
w1, w2 = walls(1), walls(2)
print(f"wall speedup --parallelism 2 vs 1, best of 3: {min(w1) / min(w2):.2f}x (-j1 {' '.join(f'{w:.2f}' for w in w1)} s; -j2 {' '.join(f'{w:.2f}' for w in w2)} s)")
PY
# Where the time of one track goes (engine stages summed over threads; the merge and the report are the serial end).
echo "engine trace at 2 cores (round 1 includes the JIT; the merge runs its independent metrics side by side):"
"$MEASURE" trace "$wav" 2 2 | sed 's/^/  /'
echo "values (I LUFS, LRA LU, TP dBTP):"
echo "  mixfleet -j1          $(mixfleet_values "$tmp/mixfleet-j1.json")"
echo "  mixfleet -j2          $(mixfleet_values "$tmp/mixfleet-j2.json")"
echo "  ffmpeg summary        $(summary_values "$tmp/ffmpeg ebur128 peak=true.err")"
echo "  ffmpeg metadata       $(ffmpeg_r128 "$wav")"
if [ $((seconds * 44100)) -le 67108864 ]; then
  echo "  engine, 1 chunk       $("$MEASURE" engine "$wav" $((seconds * 100)) 1 | cut -d' ' -f1,2,6)   (ChunkSegments = whole file; not exposed by the CLI)"
else
  echo "  engine, 1 chunk       skipped: $((seconds * 44100)) frames > ChunkLayout.MaxFramesPerChunk (2^26); the single pass below is the reference"
fi
echo "  single pass (no chunks) $("$MEASURE" single-pass "$wav" | cut -d' ' -f1,2,6)"

if [ "$memory" -eq 1 ]; then
  # --- memory: 16 tracks in flight at 16 cores (oversubscribed on a small machine: the figure is memory, not time) ---
  hr=$tmp/hr96
  mkdir -p "$hr"
  echo "bench: generating 5 min 96 kHz 24-bit stereo, 16 links to it" >&2
  generate_master "$hr/base.wav" 96000 300
  for i in $(seq -w 1 16); do ln -f "$hr/base.wav" "$hr/t$i.wav"; done
  rm -f "$hr/base.wav"
  echo
  echo "== 16 files x 5 min 96 kHz stereo at --parallelism 16, default memory budget (512 MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  timed "mixfleet -j16 96 kHz" "$MIXFLEET" analyze "$hr" --parallelism 16 --json "$tmp/hr96.json"
  timed "mixfleet -j16 96 kHz, 64 MiB" "$MIXFLEET" analyze "$hr" --parallelism 16 --memory-budget 64 --json "$tmp/hr96-64.json"
  report 4800 "mixfleet -j16 96 kHz" "mixfleet -j16 96 kHz, 64 MiB"
  python3 - "$tmp" <<'PY'
import sys
rss = int(open(f"{sys.argv[1]}/mixfleet -j16 96 kHz.time").read().split()[-1]) / 1024
print(f"mixfleet peak RSS, 16 cores, 96 kHz: {rss:.1f} MB (target < 1024 MB): {'OK' if rss < 1024 else 'OVER'}")
PY
  echo "where the memory goes (engine in process, same files):"
  "$MEASURE" memory "$hr" 16 512 | sed 's/^/  /'
  rm -rf "$hr"
fi

[ "$long" -eq 1 ] || exit 0

# --- 3-hour RF64: memory must not grow with the track's length ---
rm -f "$wav"
need_gb=8
free_gb=$(df -P -BG "$tmp" | awk 'NR == 2 {sub("G", "", $4); print $4}')
if [ "$free_gb" -lt "$need_gb" ]; then
  echo "compare-ffmpeg.sh --long: only ${free_gb} GB free in $tmp, need ${need_gb} GB; skipped" >&2
  exit 1
fi
base=$tmp/base-48k.wav
rf64=$tmp/long-3h.rf64.wav
long_seconds=10800
echo "bench: generating 3 h 48 kHz 24-bit stereo RF64 (10 min of material looped)" >&2
generate_master "$base" 48000 600
ffmpeg -hide_banner -loglevel error -nostdin -y -stream_loop -1 -i "$base" -t "$long_seconds" -c:a pcm_s24le -f wav -rf64 always "$rf64"
rm -f "$base"
echo
echo "== 3 h 48 kHz 24-bit stereo RF64 ($(du -h "$rf64" | cut -f1)), one run each; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
timed "mixfleet 3h (-j2)" "$MIXFLEET" analyze "$rf64" --parallelism 2 --json "$tmp/mixfleet-long.json"
timed "mixfleet 3h (-j1)" "$MIXFLEET" analyze "$rf64" --parallelism 1 --json "$tmp/mixfleet-long-j1.json"
timed "ffmpeg 3h" ffmpeg -hide_banner -nostdin -nostats -i "$rf64" -af ebur128=peak=true -f null -
report "$long_seconds" "mixfleet 3h (-j2)" "mixfleet 3h (-j1)" "ffmpeg 3h"
python3 - "$tmp" <<'PY'
import sys
rss = int(open(f"{sys.argv[1]}/mixfleet 3h (-j2).time").read().split()[-1]) / 1024
print(f"mixfleet peak RSS on 3 h: {rss:.1f} MB (target < 200 MB): {'OK' if rss < 200 else 'OVER'}")
PY
echo "values (I LUFS, LRA LU, TP dBTP):"
echo "  mixfleet -j2          $(mixfleet_values "$tmp/mixfleet-long.json")"
echo "  mixfleet -j1          $(mixfleet_values "$tmp/mixfleet-long-j1.json")"
echo "  ffmpeg summary        $(summary_values "$tmp/ffmpeg 3h.err")"
echo "  ffmpeg metadata       $(ffmpeg_r128 "$rf64")"
echo "  single pass (no chunks) $("$MEASURE" single-pass "$rf64" | cut -d' ' -f1,2,6)"
echo "  (one chunk is impossible here: 518 M frames > ChunkLayout.MaxFramesPerChunk = 2^26; the single pass is the reference)"
