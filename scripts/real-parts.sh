# Sourced (not run) by scripts/test.sh and bench/fleet-throughput.sh, from the repository root, under `set -euo pipefail`.
# Starts the real parts on loopback and exports their addresses: s3rver (MIXFLEET_S3_ENDPOINT; skipped when it is
# already set) and, when no broker answers on 127.0.0.1:5672, RabbitMQ in a throw-away data directory
# (MIXFLEET_RABBITMQ). Installs node/npm and rabbitmq-server when missing (Debian packages), plus whatever the caller
# put in the array `missing` beforehand. Sets an EXIT trap that stops what it started (a broker it did not start is
# used and left alone).

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=("${missing[@]+"${missing[@]}"}")
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)   # runs s3rver
command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)   # the fleet's integration tests
if [ "${#missing[@]}" -gt 0 ]; then
  echo "${0##*/}: installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- S3-compatible server for the storage integration tests (skipped when MIXFLEET_S3_ENDPOINT is already set) ----
s3rver_version=3.7.1
s3rver_dir=.tools/s3rver
s3rver_js=$s3rver_dir/node_modules/s3rver/bin/s3rver.js
s3_pid=""
s3_data=""
stop_s3rver() {
  if [ -n "$s3_pid" ]; then
    kill "$s3_pid" 2>/dev/null || true
    wait "$s3_pid" 2>/dev/null || true
    s3_pid=""
  fi
  if [ -n "$s3_data" ]; then rm -rf "$s3_data"; s3_data=""; fi
}
stop_all() { stop_s3rver; if declare -F stop_rabbit >/dev/null; then stop_rabbit; fi; }
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${MIXFLEET_S3_ENDPOINT:-}" ]; then
  if [ ! -f "$s3rver_js" ] \
    || [ "$(node -p "require('./$s3rver_dir/node_modules/s3rver/package.json').version")" != "$s3rver_version" ]; then
    echo "${0##*/}: installing s3rver@$s3rver_version into $s3rver_dir (npm)"
    npm install --prefix "$s3rver_dir" --save-exact --no-audit --no-fund --loglevel=error "s3rver@$s3rver_version" >/dev/null
  fi
  # s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in its legacy provider.
  node_flags=()
  if node --openssl-legacy-provider -e "require('crypto').createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8))" \
    >/dev/null 2>&1; then
    node_flags+=(--openssl-legacy-provider)
  fi
  s3_data=$(mktemp -d)
  for attempt in 1 2 3; do
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    node "${node_flags[@]}" "$s3rver_js" --address 127.0.0.1 --port "$port" --directory "$s3_data/data" --silent \
      >"$s3_data/s3rver.log" 2>&1 &
    s3_pid=$!
    for _ in $(seq 1 100); do
      if ! kill -0 "$s3_pid" 2>/dev/null; then break; fi
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break 2; fi
      sleep 0.1
    done
    echo "${0##*/}: s3rver did not answer on 127.0.0.1:$port (attempt $attempt):" >&2
    cat "$s3_data/s3rver.log" >&2 || true
    kill "$s3_pid" 2>/dev/null || true
    wait "$s3_pid" 2>/dev/null || true
    s3_pid=""
    if [ "$attempt" -eq 3 ]; then exit 1; fi
  done
  export MIXFLEET_S3_ENDPOINT="http://127.0.0.1:$port"
  echo "${0##*/}: s3rver $s3rver_version on $MIXFLEET_S3_ENDPOINT"
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
  echo "${0##*/}: stopping the RabbitMQ node it started"
  # shutdown (unlike stop) returns once the Erlang VM has exited.
  as_root timeout 60 rabbitmqctl -q -n "$rabbit_node" shutdown >/dev/null 2>&1 || echo "${0##*/}: rabbitmqctl shutdown failed" >&2
  if [ -z "$rabbit_epmd_was_running" ]; then ERL_EPMD_ADDRESS=127.0.0.1 epmd -kill >/dev/null 2>&1 || true; fi
  as_root rm -rf "$rabbit_dir"
}
if ! broker_answers; then
  echo "${0##*/}: starting RabbitMQ on 127.0.0.1:5672"
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
    echo "${0##*/}: RabbitMQ did not start within 60 s; its log:" >&2
    as_root sh -c "tail -n 40 '$rabbit_dir'/log/*.log" >&2 || true
    exit 1
  fi
fi
export MIXFLEET_RABBITMQ="${MIXFLEET_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"

