#!/usr/bin/env bash
# Start-up and steady state of the two CLI builds side by side: ReadyToRun and Native AOT (scripts/publish-cli.sh,
# --native: for this machine's CPU, as the JIT compiles).
#
#   bash bench/startup.sh [--minutes N] [--runs N]
#
# Publishes both builds (or takes MIXFLEET_R2R / MIXFLEET_AOT, paths of executables already published), then times,
# alternating the builds: `mixfleet --help` and `mixfleet analyze` of a 1 s file (--runs each, default 5: median and
# minimum), and `mixfleet analyze --loudness-only -j 1` and `analyze -j 1` (every metric) of an N-minute master (default
# 45; one run each), so the fixed cost per process and the code quality of the hot loops are both seen. Prints CPU
# seconds (user+sys), wall and peak RSS, and checks that both builds wrote the same report. MIXFLEET_MASTER=FILE uses
# that WAV instead of generating one (--minutes is then ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

minutes=45
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "startup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

need ffmpeg:ffmpeg /usr/bin/time:time python3:python3
make_temp
tmp=$BENCH_TMP

r2r=${MIXFLEET_R2R:-}
aot=${MIXFLEET_AOT:-}
if [ -z "$r2r" ]; then
  r2r=$(bash scripts/publish-cli.sh --ready-to-run --output "$tmp/r2r" | tail -1 | cut -d' ' -f2-)
fi
if [ -z "$aot" ]; then
  aot=$(bash scripts/publish-cli.sh --aot --native --output "$tmp/aot" | tail -1 | cut -d' ' -f2-)
fi

master=${MIXFLEET_MASTER:-$tmp/master.wav}
if [ -z "${MIXFLEET_MASTER:-}" ]; then
  echo "bench: generating $minutes min 44.1 kHz 24-bit stereo (ffmpeg)" >&2
  generate_master "$master" 44100 "$((minutes * 60))"
fi
seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$master" | cut -d. -f1)
minutes=$((seconds / 60))
ffmpeg -hide_banner -loglevel error -nostdin -y -i "$master" -t 1 -c:a pcm_s24le "$tmp/one-second.wav"

# Every run appends its line to NAME.time; analyze exits 1 when a QC rule fails: a result, not a failure of the run.
TIMED_APPEND=1
TIMED_ACCEPT=1

echo "== start-up, $runs runs each (alternating builds); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  for build in r2r aot; do
    bin=${!build}
    timed "$build help" "$bin" --help
    timed "$build analyze 1 s" "$bin" analyze "$tmp/one-second.wav" --parallelism 1 --json "$tmp/$build-1s.json"
  done
done
echo "== $minutes min master, one run each; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for build in r2r aot; do
  bin=${!build}
  timed "$build loudness-only -j1" "$bin" analyze "$master" --loudness-only --parallelism 1 --json "$tmp/$build-lo.json"
  timed "$build full -j1" "$bin" analyze "$master" --parallelism 1 --json "$tmp/$build-full.json"
done

python3 - "$tmp" "$seconds" <<'PY'
import statistics, sys
tmp, seconds = sys.argv[1], float(sys.argv[2])
def runs(name):
    rows = [line.split() for line in open(f"{tmp}/{name}.time") if line.strip() and not line.startswith("Command")]
    return [(float(u) + float(s), float(w), int(m) / 1024) for u, s, w, m in rows]
print(f"{'run':<26}{'build':<14}{'CPU s med':>10}{'CPU s min':>10}{'wall med':>10}{'wall min':>10}{'RSS MB':>8}")
for what in ("help", "analyze 1 s", "loudness-only -j1", "full -j1"):
    for build, label in (("r2r", "ReadyToRun"), ("aot", "Native AOT")):
        r = runs(f"{build} {what}")
        cpu, wall, rss = [x[0] for x in r], [x[1] for x in r], max(x[2] for x in r)
        print(f"{what:<26}{label:<14}{statistics.median(cpu):>10.3f}{min(cpu):>10.3f}{statistics.median(wall):>10.3f}{min(wall):>10.3f}{rss:>8.1f}")
cpu = lambda name: statistics.median(x[0] for x in runs(name))
print(f"start-up CPU (analyze of 1 s) ReadyToRun / Native AOT: {cpu('r2r analyze 1 s') / cpu('aot analyze 1 s'):.1f}x")
print(f"{seconds / 60:.0f} min loudness-only CPU Native AOT / ReadyToRun: {cpu('aot loudness-only -j1') / cpu('r2r loudness-only -j1'):.2f}")
print(f"{seconds / 60:.0f} min full analysis CPU Native AOT / ReadyToRun: {cpu('aot full -j1') / cpu('r2r full -j1'):.2f}")
PY
for what in 1s lo full; do
  if cmp -s <(grep -v analyzerVersion "$tmp/r2r-$what.json") <(grep -v analyzerVersion "$tmp/aot-$what.json"); then
    echo "reports ($what): identical"
  else
    echo "reports ($what): DIFFER"; diff <(grep -v analyzerVersion "$tmp/r2r-$what.json") <(grep -v analyzerVersion "$tmp/aot-$what.json") | head -10
  fi
done
