#!/usr/bin/env bash
# Accuracy on real music: mixfleet against ffmpeg's ebur128 filter and loudgain (libebur128).
#
#   bash bench/compare-references.sh <folder> [--limit N]
#
# Every audio file under <folder> (ogg, oga, opus, mp3, flac, wav; recursive, sorted; the first N with --limit) is
# first decoded once to a 32-bit float WAV with ffmpeg, so all three meters read the same samples and decoder
# differences cannot hide in the comparison. Then: one `mixfleet analyze --json` run over all the WAVs, ffmpeg's
# ebur128 (I and LRA from the last frame's metadata, 3 decimals; true peak from a second run with a gain that lifts
# the peak near full scale, since the metadata holds the linear peak with only 3 decimals), and one `loudgain -q -O`
# run (I 2 decimals, LRA, linear true peak 6 decimals). Prints a table per file and the worst differences.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

folder=
limit=0
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "compare-references.sh: unknown option $1" >&2; exit 2 ;;
    *) folder=$1; shift ;;
  esac
done
[ -n "$folder" ] && [ -d "$folder" ] || { echo "usage: bash bench/compare-references.sh <folder> [--limit N]" >&2; exit 2; }

need ffmpeg:ffmpeg loudgain:loudgain python3:python3
make_temp
tmp=$BENCH_TMP
build_cli
mkdir -p "$tmp/wav"

mapfile -d '' files < <(find -L "$folder" -type f \( -iname '*.ogg' -o -iname '*.oga' -o -iname '*.opus' -o -iname '*.mp3' -o -iname '*.flac' -o -iname '*.wav' \) -print0 | sort -z)
[ "$limit" -gt 0 ] && files=("${files[@]:0:$limit}")
[ "${#files[@]}" -gt 0 ] || { echo "compare-references.sh: no audio files under $folder" >&2; exit 2; }

echo "bench: decoding ${#files[@]} file(s) to float WAV" >&2
: >"$tmp/manifest.tsv"
i=0
for file in "${files[@]}"; do
  i=$((i + 1))
  wav=$(printf '%s/wav/%03d.wav' "$tmp" "$i")
  if ! ffmpeg -hide_banner -loglevel error -nostdin -y -i "$file" -map 0:a:0 -c:a pcm_f32le -f wav "$wav" 2>"$tmp/decode.err"; then
    echo "bench: skipped $file: ffmpeg cannot decode it ($(tail -1 "$tmp/decode.err"))" >&2
    rm -f "$wav"
    continue
  fi
  printf '%s\t%s\n' "$wav" "$file" >>"$tmp/manifest.tsv"
done

[ -s "$tmp/manifest.tsv" ] || { echo "compare-references.sh: no file could be decoded" >&2; exit 1; }
echo "bench: mixfleet (one run)" >&2
status=0
"$MIXFLEET" analyze "$tmp/wav" --json "$tmp/mixfleet.json" >/dev/null 2>"$tmp/mixfleet.err" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { cat "$tmp/mixfleet.err" >&2; exit 1; }

echo "bench: ffmpeg ebur128" >&2
: >"$tmp/ffmpeg.tsv"
while IFS=$'\t' read -r wav _; do
  read -r i lra tp < <(ffmpeg_r128 "$wav")
  # Second run: lift the true peak to about -0.5 dBTP so the 3-decimal linear value resolves ~0.005 dB.
  gain=$(awk -v tp="$tp" 'BEGIN { g = -0.5 - tp; printf "%.1f", (g > 60 ? 60 : g) }')
  read -r _ _ tp_fine < <(ffmpeg_r128 "$wav" "$gain")
  printf '%s\t%s\t%s\t%s\n' "$wav" "$i" "$lra" "$tp_fine" >>"$tmp/ffmpeg.tsv"
done <"$tmp/manifest.tsv"

echo "bench: loudgain (one run)" >&2
mapfile -t wavs < <(cut -f1 "$tmp/manifest.tsv")
loudgain -q -O "${wavs[@]}" >"$tmp/loudgain.tsv" 2>"$tmp/loudgain.err" || { cat "$tmp/loudgain.err" >&2; exit 1; }

python3 - "$tmp" <<'PY'
import csv, json, math, os, sys

tmp = sys.argv[1]
names = dict(line.rstrip("\n").split("\t") for line in open(f"{tmp}/manifest.tsv"))
mixfleet = {os.path.abspath(t["path"]): t for t in json.load(open(f"{tmp}/mixfleet.json"))["tracks"]}
ffmpeg = {row[0]: tuple(map(float, row[1:])) for row in csv.reader(open(f"{tmp}/ffmpeg.tsv"), delimiter="\t")}
loudgain = {}
for row in csv.DictReader(open(f"{tmp}/loudgain.tsv"), delimiter="\t"):
    tp = float(row["True_Peak"])
    loudgain[os.path.basename(row["File"])] = (float(row["Loudness"].split()[0]), float(row["Range"].split()[0]),
                                               20 * math.log10(tp) if tp > 0 else float("-inf"))

def fmt(v, width=7):
    return f"{v:{width}.2f}" if v is not None and math.isfinite(v) else f"{'-':>{width}}"

header = (f"{'file':<34}{'dur s':>7} |{'I mf':>7}{'I ff':>8}{'I lg':>8}{'ΔI ff':>7}{'ΔI lg':>7} |"
          f"{'TP mf':>7}{'TP ff':>7}{'TP lg':>7}{'ΔTP ff':>7}{'ΔTP lg':>7} |{'LRA mf':>7}{'LRA ff':>7}{'LRA lg':>7}")
print(header)
print("-" * len(header))
worst = {key: None for key in ("I ff", "I lg", "TP ff", "TP lg", "LRA ff", "LRA lg")}
for wav, source in names.items():
    name = os.path.relpath(source, os.path.commonpath(list(names.values())) if len(names) > 1 else os.path.dirname(source))
    short = name if len(name) <= 33 else "…" + name[-32:]
    t = mixfleet.get(os.path.abspath(wav))
    if t is None or t["error"]:
        print(f"{short:<34} mixfleet error: {t and t['error']}")
        continue
    i_mf, lra_mf, tp_mf = t["loudness"]["integratedLufs"], t["loudness"]["loudnessRangeLu"], t["peaks"]["truePeakDbtp"]
    if i_mf is None or tp_mf is None:
        print(f"{short:<34} no integrated loudness or true peak (silence or < 400 ms)")
        continue
    i_ff, lra_ff, tp_ff = ffmpeg[wav]
    i_lg, lra_lg, tp_lg = loudgain[os.path.basename(wav)]
    deltas = {"I ff": i_mf - i_ff, "I lg": i_mf - i_lg, "TP ff": tp_mf - tp_ff, "TP lg": tp_mf - tp_lg,
              "LRA ff": (lra_mf or 0) - lra_ff, "LRA lg": (lra_mf or 0) - lra_lg}
    for key, d in deltas.items():
        if worst[key] is None or abs(d) > abs(worst[key][0]):
            worst[key] = (d, short.strip())
    print(f"{short:<34}{t['format']['durationSeconds']:>7.1f} |{fmt(i_mf)}{fmt(i_ff, 8)}{fmt(i_lg, 8)}{deltas['I ff']:>+7.2f}{deltas['I lg']:>+7.2f} |"
          f"{fmt(tp_mf)}{fmt(tp_ff)}{fmt(tp_lg)}{deltas['TP ff']:>+7.2f}{deltas['TP lg']:>+7.2f} |{fmt(lra_mf)}{fmt(lra_ff)}{fmt(lra_lg)}")
print()
total = sum(mixfleet[os.path.abspath(w)]["format"]["durationSeconds"] or 0 for w in names if os.path.abspath(w) in mixfleet)
print(f"{len(names)} files, {total / 60:.1f} min of audio. mf = mixfleet, ff = ffmpeg ebur128, lg = loudgain (libebur128).")
targets = {"I": 0.05, "TP": 0.2}
for key, entry in worst.items():
    if entry is None:
        continue
    d, name = entry
    metric = key.split()[0]
    verdict = "" if metric not in targets else ("  OK" if abs(d) <= targets[metric] else f"  over the {targets[metric]} target")
    print(f"worst |Δ{key}| = {abs(d):.3f} ({name}){verdict}")
PY
