# Shared helpers for bench/*.sh (sourced, not run).

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi; }

# need CMD:PACKAGE... — installs the Debian packages of the missing commands (root or sudo), or fails with a message.
need() {
  local missing=() spec
  for spec in "$@"; do
    command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec#*:}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "bench: installing ${missing[*]} (Debian packages)" >&2
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "bench: missing ${missing[*]}; install them (apt-get install ${missing[*]}) and run again" >&2
    exit 1
  fi
}

# A temp dir removed on exit, whatever happens.
make_temp() {
  BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mixfleet-bench.XXXXXX")
  trap 'rm -rf "$BENCH_TMP"' EXIT
  trap 'exit 130' INT TERM
}

# Publishes the CLI as it ships (scripts/publish-cli.sh: Native AOT when clang or gcc can link it, compiled for this
# machine's CPU as the JIT would be, else ReadyToRun; both start without the JIT) into the temp folder and sets MIXFLEET to its executable (run directly, never through
# `dotnet run`) and MIXFLEET_BUILD to "aot" or "ready-to-run". MIXFLEET_PUBLISH=aot|aot-portable|ready-to-run picks one
# (aot-portable: the x86-64-v3 build scripts/publish-cli.sh ships by default).
build_cli() {
  local how=(--native)
  case "${MIXFLEET_PUBLISH:-}" in
    aot) how=(--aot --native) ;;
    aot-portable) how=(--aot) ;;
    ready-to-run|r2r) how=(--ready-to-run) ;;
    "") ;;
    *) echo "bench: MIXFLEET_PUBLISH must be aot, aot-portable or ready-to-run (got '$MIXFLEET_PUBLISH')" >&2; exit 2 ;;
  esac
  local published
  published=$(bash scripts/publish-cli.sh "${how[@]}" --output "$BENCH_TMP/mixfleet" | tail -1)
  MIXFLEET_BUILD=${published%% *}
  MIXFLEET=${published#* }
  [ -x "$MIXFLEET" ] || { echo "bench: $MIXFLEET not found after the publish" >&2; exit 1; }
  echo "bench: mixfleet is the $MIXFLEET_BUILD build ($MIXFLEET)"
}

# timed NAME CMD...: runs CMD once under /usr/bin/time in $BENCH_TMP: stdout to NAME.out, stderr to NAME.err and
# "%U %S %e %M" (user, sys, wall, peak RSS KiB) to NAME.time, overwritten, or appended when TIMED_APPEND=1 (one line
# per run). A failing CMD stops the bench, unless its exit code is listed in TIMED_ACCEPT (e.g. "1": analyze's QC gate).
timed() {
  local name=$1 append=()
  shift
  [ "${TIMED_APPEND:-0}" = 1 ] && append=(-a)
  /usr/bin/time -f '%U %S %e %M' "${append[@]}" -o "$BENCH_TMP/$name.time" "$@" >"$BENCH_TMP/$name.out" 2>"$BENCH_TMP/$name.err" || {
    local rc=$?
    [[ " ${TIMED_ACCEPT:-} " == *" $rc "* ]] || {
      echo "$(basename "$0"): '$*' failed ($rc):" >&2; tail -5 "$BENCH_TMP/$name.err" >&2; exit 1; }
  }
}

# Builds the benchmark project (for its single-pass/engine measure modes) and sets MEASURE.
build_measure() {
  echo "bench: building bench/MixFleet.Benchmarks (Release)" >&2
  dotnet build -c Release -nologo -v q bench/MixFleet.Benchmarks >/dev/null
  MEASURE=$(pwd)/bench/MixFleet.Benchmarks/bin/Release/net10.0/MixFleet.Benchmarks
  [ -x "$MEASURE" ] || { echo "bench: $MEASURE not found after the build" >&2; exit 1; }
}

# generate_master OUT RATE SECONDS [extra ffmpeg output options...]: a music-like, "mastered" 24-bit stereo file:
# stereo pink noise with a slow swell, a chord and a bass line under a beat envelope, a kick, then a compressor and
# a limiter; a 12 s breakdown (-10 dB) every minute gives it some loudness range. Deterministic (fixed seeds).
generate_master() {
  local out=$1 rate=$2 seconds=$3
  shift 3
  local env='(0.55+0.45*exp(-6*mod(t,0.5)))'
  local kick='0.6*exp(-25*mod(t,0.5))*sin(2*PI*52*mod(t,0.5)*(1+exp(-30*mod(t,0.5))))'
  local chord='0.16*sin(2*PI*220*t)+0.12*sin(2*PI*277.18*t)+0.12*sin(2*PI*329.63*t)+0.05*sin(2*PI*440*t+1)'
  local bass="0.35*sin(2*PI*(55+18.4*gte(mod(t,4),2))*t)"
  ffmpeg -hide_banner -loglevel error -nostdin -y \
    -f lavfi -i "anoisesrc=color=pink:sample_rate=$rate:amplitude=0.25:seed=11:duration=$seconds" \
    -f lavfi -i "anoisesrc=color=pink:sample_rate=$rate:amplitude=0.25:seed=12:duration=$seconds" \
    -f lavfi -i "aevalsrc=exprs='$env*($chord+$bass)+$kick|$env*($chord+0.9*$bass)+0.9*$kick':s=$rate:d=$seconds" \
    -filter_complex "[0:a][1:a]amerge=inputs=2,volume='0.45+0.4*sin(2*PI*t/37)':eval=frame[noise];[2:a][noise]amix=inputs=2:normalize=0:duration=shortest,acompressor=threshold=0.12:ratio=5:attack=3:release=60:makeup=3,alimiter=limit=0.93:attack=2:release=30:level=false,volume='1-0.7*between(mod(t,60),40,52)':eval=frame,aformat=sample_fmts=flt:channel_layouts=stereo" \
    -ar "$rate" -c:a pcm_s24le "$@" "$out"
}

# ffmpeg_r128 FILE [GAIN_DB]: ffmpeg's ebur128 (true peak on) with metadata, printing "I LRA TP" from the last frame:
# I and LRA with 3 decimals, TP in dBTP from the running linear true peak (3 decimals, so a second run with a gain
# that lifts the peak near full scale is used when a precise TP matters; GAIN_DB is subtracted back).
ffmpeg_r128() {
  local file=$1 gain=${2:-0}
  ffmpeg -hide_banner -nostdin -nostats -loglevel error -i "$file" \
    -af "volume=${gain}dB:precision=float,ebur128=peak=true:metadata=1,ametadata=mode=print:file=/dev/stdout" -f null - |
    awk -v gain="$gain" -F= '
      /^lavfi.r128.I=/ { i = $2 }
      /^lavfi.r128.LRA=/ { lra = $2 }
      /^lavfi.r128.true_peak=/ { tp = $2 }
      END { printf "%.3f %.3f %.3f\n", i - gain, lra, (tp > 0 ? 20 * log(tp) / log(10) : -999) - gain }'
}
