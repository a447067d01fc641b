#!/usr/bin/env bash
# The chaos run: does the fleet lose or strand anything when its processes are killed and its dependencies go away?
# One scan job, run by the built services as processes (1 ingestion, 2 workers), over an s3rver, a RabbitMQ node and a
# PostgreSQL cluster that this script starts for itself (free ports on loopback, so nothing else that runs is touched)
# and breaks one after the other, each while work is still pending (bench/MixFleet.Benchmarks/Tools/Chaos.cs):
#   kill -9 of the ingestion service mid-listing, kill -9 of a worker three times (each restarted), S3 frozen (SIGSTOP:
#   it answers nothing) for S3_OUTAGE seconds, RabbitMQ stopped (stop_app) for BROKER_OUTAGE seconds, PostgreSQL
#   restarted in immediate mode.
# It then checks 0 lost (every object has exactly one report, of its current ETag, without error; every album one
# report), 0 stuck (the job completes, nothing stranded), nothing in any _error queue, and prints the timeline.
# Exit status 1 on a violation.
#
#   bash bench/chaos.sh            # 200 tracks in 20 albums, RabbitMQ down 60 s, S3 down 120 s (about 5 minutes)
#   bash bench/chaos.sh --short    # 40 tracks in 4 albums, 5 s and 10 s (about a minute; scripts/test.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = --short ]; then
  args=(40 4 5 10)
else
  args=("${1:-200}" "${2:-20}" "${3:-60}" "${4:-120}")
fi

# Parts of its own, whatever the caller uses: a port nobody listens on for RabbitMQ's AMQP and distribution listeners.
unset MIXFLEET_S3_ENDPOINT MIXFLEET_POSTGRES MIXFLEET_RABBITMQ
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
}
MIXFLEET_RABBIT_PORT=$(free_port)
MIXFLEET_RABBIT_DIST_PORT=$(free_port)
export MIXFLEET_RABBIT_PORT MIXFLEET_RABBIT_DIST_PORT MIXFLEET_RABBIT_NODE="mixfleet-chaos-$$@localhost"
missing=()
# PostgreSQL as in production: fsync and synchronous commits on. With synchronous_commit off (the test suite's speed
# setting) an immediate-mode restart loses the commits of its last few hundred milliseconds, already acknowledged, so
# settlements whose messages were acked vanish: a fault of that setting, not of the fleet.
export MIXFLEET_PG_DURABLE=1
# No SQS source in this run.
export MIXFLEET_SQS_ENDPOINT=${MIXFLEET_SQS_ENDPOINT:-unused}
# shellcheck source=scripts/real-parts.sh
source scripts/real-parts.sh

s3_port=${MIXFLEET_S3_ENDPOINT##*:}
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
chaos_ctl() {
  case "$1" in
    # Frozen, not killed: s3rver writes an object and its metadata as separate files, so a kill mid-PUT leaves a
    # torn object that answers 500 forever, which real S3 (atomic PUTs) never does. Frozen, every request hangs
    # until the SDK's timeouts, as against an S3 that does not answer, and the writes in flight finish afterwards.
    stop-s3)
      kill -STOP "$s3_pid" ;;
    start-s3)
      kill -CONT "$s3_pid"
      for _ in $(seq 300); do answers "$s3_port" && return 0; sleep 0.1; done
      return 1 ;;
    stop-broker)
      as_root timeout 60 rabbitmqctl -q -n "$rabbit_node" stop_app >/dev/null ;;
    start-broker)
      as_root timeout 120 rabbitmqctl -q -n "$rabbit_node" start_app >/dev/null ;;
    restart-postgres)
      pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/restart.log" -m immediate -w -t 60 restart >/dev/null ;;
    *)
      return 1 ;;
  esac
}

# A frozen s3rver ignores the SIGTERM that stops it on exit until it is thawed.
trap 'kill -CONT "$s3_pid" 2>/dev/null || true; stop_all' EXIT

for project in services/MixFleet.Ingestion services/MixFleet.Worker bench/MixFleet.Benchmarks; do
  dotnet build -c Release -nologo -v q "$project" >/dev/null
done
export MIXFLEET_BENCH_INGESTION=$PWD/services/MixFleet.Ingestion/bin/Release/net10.0/MixFleet.Ingestion.dll
export MIXFLEET_BENCH_WORKER=$PWD/services/MixFleet.Worker/bin/Release/net10.0/MixFleet.Worker.dll

# The tool asks for each break on its standard output ("chaos-ctl ACTION") and waits for the answer on its input.
coproc CHAOS { dotnet bench/MixFleet.Benchmarks/bin/Release/net10.0/MixFleet.Benchmarks.dll chaos "${args[@]}"; }
chaos_pid=$CHAOS_PID
exec {from_tool}<&"${CHAOS[0]}" {to_tool}>&"${CHAOS[1]}"
while IFS= read -r line <&"$from_tool"; do
  case "$line" in
    "chaos-ctl "*)
      action=${line#chaos-ctl }
      if chaos_ctl "$action"; then echo ok >&"$to_tool"; else echo "failed $action" >&"$to_tool"; fi ;;
    *)
      echo "$line" ;;
  esac
done
status=0
wait "$chaos_pid" || status=$?
exit "$status"
