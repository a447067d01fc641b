#!/usr/bin/env bash
# The defect detectors on real music: false positives on clean tracks, detection of defects made at known places.
#
#   bash bench/defects-real-music.sh <folder> [--limit N] [--every SECONDS] [--excerpt SECONDS] [--seed N]
#
# Every audio file under <folder> (ogg, oga, opus, mp3, flac, wav; recursive, sorted; the first N with --limit):
#  1. one `mixfleet analyze --json` run over the clean files: findings by kind per track, totals and per hour;
#  2. per track, decoded once to a 32-bit float WAV (ffmpeg), a copy with clicks added at seeded frames (one every
#     --every seconds, default 3, at most 90 a track: a one-sample spike and a 5 ms decaying step at -10, -20, -30, -40,
#     -50 dBFS, alternately in each channel; bench/defects-real-music.py), and four --excerpt-second excerpts (default
#     20) from a third of the way in: as cut (abrupt start and end), L=R (dual-mono), L=-R (polarity) and the right
#     channel inverted (a real mix's polarity error), analyzed in one run;
#  3. detection rate of the clicks by level and kind and by level relative to the local RMS (found = a click within
#     10 ms, in its channel or in all), click findings elsewhere in the copies, the margin (weakest click found), and
#     the excerpts' verdicts.
# Needs ffmpeg and python3 (installed when missing, as root or with sudo). MIXFLEET=path/to/mixfleet skips the publish.
# Real music from Debian: `apt-get download drascula-music hyperrogue-music fretsonfire-songs-sectoid ...` and
# `dpkg -x PKG.deb DIR` (docs/track-metrics.md, "Validation on real music", lists what was used).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

folder=
limit=0
every=3
excerpt=20
seed=13
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --excerpt) excerpt=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "defects-real-music.sh: unknown option $1" >&2; exit 2 ;;
    *) folder=$1; shift ;;
  esac
done
[ -n "$folder" ] && [ -d "$folder" ] || { echo "usage: bash bench/defects-real-music.sh <folder> [--limit N] [--every S] [--excerpt S] [--seed N]" >&2; exit 2; }

need ffmpeg:ffmpeg python3:python3
make_temp
work=$BENCH_TMP
helper=$(pwd)/bench/defects-real-music.py
if [ -n "${MIXFLEET:-}" ] && [ -x "$MIXFLEET" ]; then
  echo "bench: using $MIXFLEET" >&2
else
  build_cli
fi

mapfile -d '' files < <(find -L "$folder" -type f \( -iname '*.ogg' -o -iname '*.oga' -o -iname '*.opus' -o -iname '*.mp3' -o -iname '*.flac' -o -iname '*.wav' \) -print0 | sort -z)
[ "$limit" -gt 0 ] && files=("${files[@]:0:$limit}")
[ "${#files[@]}" -gt 0 ] || { echo "defects-real-music.sh: no audio files under $folder" >&2; exit 2; }

# mixfleet exits 1 when a QC rule fails (an album check here) and 3 when a file cannot be read: both are results.
# 1. The clean files, as they are, in one run (links with unique names: the report is keyed by file name).
mkdir -p "$work/clean" "$work/variants" "$work/track"
: >"$work/manifest.tsv"
i=0
for file in "${files[@]}"; do
  i=$((i + 1))
  index=$(printf '%03d' "$i")
  ext=${file##*.}
  ln -s "$(realpath "$file")" "$work/clean/$index.$ext"
  printf '%s\t%s\t%s\n' "$index" "$file" "$index.$ext" >>"$work/manifest.tsv"
done
echo "bench: mixfleet over ${#files[@]} clean file(s)" >&2
status=0
/usr/bin/time -f '%U %S' -o "$work/clean.cpu" "$MIXFLEET" analyze "$work/clean" --json "$work/clean.json" >/dev/null 2>"$work/clean.err" || status=$?
[ "$status" -le 1 ] || [ "$status" -eq 3 ] || { cat "$work/clean.err" >&2; exit 1; }

# 2. Per track: the clicked copy and the excerpts, one run, then deleted (a 3-minute track is ~60 MB of float WAV).
while IFS=$'\t' read -r index file _; do
  dir=$work/track
  rm -rf "$dir" && mkdir -p "$dir"
  if ! ffmpeg -hide_banner -loglevel error -nostdin -y -i "$file" -map 0:a:0 -c:a pcm_f32le -f wav "$dir/clean.wav" 2>"$work/decode.err"; then
    echo "bench: skipped $file: ffmpeg cannot decode it ($(tail -1 "$work/decode.err"))" >&2
    continue
  fi
  mkdir -p "$dir/in"
  python3 "$helper" insert "$dir/clean.wav" "$dir/in/$index-clicks.wav" "$((seed * 1000 + 10#$index))" "$every" "$work/variants/$index.tsv"
  read -r rate frames channels < <(python3 "$helper" info "$dir/clean.wav")
  start=$((frames / 3))
  length=$((excerpt * rate))
  [ "$length" -le "$((frames / 3))" ] || length=$((frames / 3))
  trim="atrim=start_sample=$start:end_sample=$((start + length)),asetpts=N/SR/TB"
  ffmpeg -hide_banner -loglevel error -nostdin -y -i "$dir/clean.wav" -af "$trim" -c:a pcm_f32le "$dir/in/$index-cut.wav"
  python3 "$helper" edges "$dir/in/$index-cut.wav" >"$work/variants/$index.edges"
  if [ "$channels" -eq 2 ]; then
    ffmpeg -hide_banner -loglevel error -nostdin -y -i "$dir/in/$index-cut.wav" -af 'pan=stereo|c0=c0|c1=c0' -c:a pcm_f32le "$dir/in/$index-lr.wav"
    ffmpeg -hide_banner -loglevel error -nostdin -y -i "$dir/in/$index-cut.wav" -af 'pan=stereo|c0=c0|c1=-1*c0' -c:a pcm_f32le "$dir/in/$index-neg.wav"
    ffmpeg -hide_banner -loglevel error -nostdin -y -i "$dir/in/$index-cut.wav" -af 'pan=stereo|c0=c0|c1=-1*c1' -c:a pcm_f32le "$dir/in/$index-rinv.wav"
  fi
  echo "bench: $index $(basename "$file"): clicked copy and excerpts" >&2
  status=0
  "$MIXFLEET" analyze "$dir/in" --json "$work/variants/$index.json" >/dev/null 2>"$work/variants.err" || status=$?
  [ "$status" -le 1 ] || [ "$status" -eq 3 ] || { cat "$work/variants.err" >&2; exit 1; }
done <"$work/manifest.tsv"
rm -rf "$work/track"

# 3. The tables.
python3 "$helper" report "$work"
read -r user sys < <(tail -1 "$work/clean.cpu")
echo "mixfleet over the clean files: $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }') CPU s (user+sys)"
