#!/usr/bin/env bash
# The cost of `mixfleet analyze --codec-check` (the codec preview: AAC 256 kb/s and Opus 160 kb/s, encoded and decoded by
# ffmpeg through pipes, true peak measured after each), on its own, next to ffmpeg's ebur128 run of the same file.
#
#   bash bench/codec-check.sh [--minutes N]   N-minute 44.1 kHz 24-bit stereo WAV (default 10; the issue's target: 45)
#
# One run each, timed with /usr/bin/time (CPU = user+sys of the process and every ffmpeg it waited for). Prints CPU
# seconds per run, the codec check's own CPU (with minus without), the share of it the two ffmpeg encode+decode chains
# take when run alone (the floor any implementation through ffmpeg pays), and the peaks before and after each codec.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

minutes=10
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "codec-check.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

need ffmpeg:ffmpeg /usr/bin/time:time python3:python3
make_temp
tmp=$BENCH_TMP
build_cli

seconds=$((minutes * 60))
wav=$tmp/master-${minutes}min.wav
echo "bench: generating $minutes min 44.1 kHz 24-bit stereo (ffmpeg)" >&2
generate_master "$wav" 44100 "$seconds"
echo "== $seconds s of 44.1 kHz 24-bit stereo; load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
timed full "$MIXFLEET" analyze "$wav" --parallelism 1 --json "$tmp/full.json"
timed codec "$MIXFLEET" analyze "$wav" --parallelism 1 --codec-check --json "$tmp/codec.json"
timed ebur128 ffmpeg -hide_banner -nostdin -nostats -i "$wav" -af ebur128=peak=true -f null -
# The encode+decode chains alone, as the preview runs them (raw float PCM in, raw float PCM out, nothing measured).
timed chain-aac bash -c "ffmpeg -v error -nostdin -i '$wav' -f f32le - | ffmpeg -v error -nostdin -f f32le -ar 44100 -ac 2 -i pipe:0 -c:a aac -b:a 256k -f adts pipe:1 | ffmpeg -v error -nostdin -f aac -i pipe:0 -f f32le pipe:1 > /dev/null"
timed chain-opus bash -c "ffmpeg -v error -nostdin -i '$wav' -f f32le - | ffmpeg -v error -nostdin -f f32le -ar 44100 -ac 2 -i pipe:0 -ar 48000 -c:a libopus -b:a 160k -f ogg pipe:1 | ffmpeg -v error -nostdin -f ogg -i pipe:0 -f f32le pipe:1 > /dev/null"
python3 - "$tmp" "$seconds" <<'PY'
import json, sys
tmp, seconds = sys.argv[1], float(sys.argv[2])
def cpu(name):
    user, system, wall, rss = open(f"{tmp}/{name}.time").read().split()[-4:]
    return float(user) + float(system), float(wall), int(rss) / 1024
rows = [("mixfleet full -j1", "full"), ("mixfleet full --codec-check -j1", "codec"), ("ffmpeg ebur128 peak=true", "ebur128"),
        ("chain aac alone (3 ffmpeg)", "chain-aac"), ("chain opus alone (3 ffmpeg)", "chain-opus")]
print(f"{'run':<34}{'CPU s':>9}{'wall s':>9}{'RSS MB':>9}{'CPU s/min audio':>17}")
for label, name in rows:
    c, w, r = cpu(name)
    print(f"{label:<34}{c:>9.2f}{w:>9.2f}{r:>9.1f}{c / (seconds / 60):>17.3f}")
full, check, ebu = cpu("full")[0], cpu("codec")[0], cpu("ebur128")[0]
chains = cpu("chain-aac")[0] + cpu("chain-opus")[0]
own = check - full
print(f"codec check on its own: {own:.2f} CPU s ({own / (seconds / 60):.3f} CPU s per minute of audio), "
      f"{own / ebu:.2f}x ffmpeg ebur128's CPU; the two ffmpeg chains alone: {chains:.2f} CPU s ({chains / own:.0%} of it)")
print(f"full analysis: ffmpeg ebur128 / mixfleet = {ebu / full:.2f}x; with --codec-check: {ebu / check:.2f}x")
track = json.load(open(f"{tmp}/codec.json"))["tracks"][0]
print(f"source: true peak {track['peaks']['truePeakDbtp']} dBTP, sample peak {track['peaks']['samplePeakDbfs']} dBFS")
for c in track["codecPreview"]:
    print(f"  {c['codec']} {c['bitrateKbps']} kb/s @ {c['sampleRate']} Hz: true peak {c['truePeakDbtp']} dBTP ({c['truePeakRiseDb']:+} dB), "
          f"sample peak {c['samplePeakDbfs']} dBFS, {c['overs']} over(s) of {c['overCeilingDbtp']} dBTP, error {c['error']}")
PY
