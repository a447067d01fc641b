#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need when it is missing (ffmpeg/ffprobe for compressed
# formats, loudgain as the libebur128 reference meter, chromium to render the HTML report, rabbitmq-server for the
# fleet's integration tests). When no broker answers on 127.0.0.1:5672 it starts RabbitMQ on loopback in a
# throw-away data directory and stops it on exit; a broker it did not start is used and left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v loudgain >/dev/null 2>&1 || missing+=(loudgain)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)   # renders the HTML report in a test
command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)   # the fleet's integration tests
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# RabbitMQ (tests with Category=Integration). The Debian package may have started its own service (systemd); in a
# container without an init it has not, so start a node here: loopback only (AMQP, epmd, distribution), data in a
# temporary directory so every run starts from an empty broker.
rabbit_node=mixfleet-test@localhost
rabbit_dir=""
rabbit_epmd_was_running=""
broker_answers() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
stop_rabbit() {
  [ -n "$rabbit_dir" ] || return 0
  echo "test.sh: stopping the RabbitMQ node it started"
  # shutdown (unlike stop) returns once the Erlang VM has exited.
  as_root timeout 60 rabbitmqctl -q -n "$rabbit_node" shutdown >/dev/null 2>&1 || echo "test.sh: rabbitmqctl shutdown failed" >&2
  if [ -z "$rabbit_epmd_was_running" ]; then ERL_EPMD_ADDRESS=127.0.0.1 epmd -kill >/dev/null 2>&1 || true; fi
  as_root rm -rf "$rabbit_dir"
}
trap stop_rabbit EXIT
if ! broker_answers; then
  echo "test.sh: starting RabbitMQ on 127.0.0.1:5672"
  epmd -names >/dev/null 2>&1 && rabbit_epmd_was_running=1
  rabbit_dir=$(mktemp -d)
  mkdir -p "$rabbit_dir/mnesia" "$rabbit_dir/log"
  as_root chown -R rabbitmq:rabbitmq "$rabbit_dir"
  as_root env RABBITMQ_NODENAME="$rabbit_node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia" RABBITMQ_LOG_BASE="$rabbit_dir/log" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    rabbitmq-server -detached >/dev/null
  for _ in $(seq 60); do broker_answers && break; sleep 1; done
  if ! broker_answers || ! as_root timeout 60 rabbitmqctl -q -n "$rabbit_node" await_startup >/dev/null; then
    echo "test.sh: RabbitMQ did not start within 60 s; its log:" >&2
    as_root sh -c "tail -n 40 '$rabbit_dir'/log/*.log" >&2 || true
    exit 1
  fi
fi
export MIXFLEET_RABBITMQ="${MIXFLEET_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"

log=$(mktemp)
set +e
dotnet test MixFleet.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
