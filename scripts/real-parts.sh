# Sourced (not run) by scripts/test.sh and bench/fleet-throughput.sh, from the repository root, under `set -euo pipefail`.
# Starts the real parts on loopback and exports their addresses: s3rver (MIXFLEET_S3_ENDPOINT; skipped when it is
# already set), fauxqs, an SQS-compatible server (MIXFLEET_SQS_ENDPOINT; skipped when it is already set; installed
# with node 22 from npm into .tools/fauxqs), when no broker answers on 127.0.0.1:5672, RabbitMQ in a throw-away data directory
# (MIXFLEET_RABBITMQ), and a throw-away PostgreSQL cluster on a free port (MIXFLEET_POSTGRES, an Npgsql connection
# string; skipped when it is already set). Installs node/npm, rabbitmq-server and postgresql when missing (Debian
# packages), plus whatever the caller put in the array `missing` beforehand. Sets an EXIT trap that stops what it
# started (a broker it did not start is used and left alone). MIXFLEET_PG_DURABLE=1 keeps PostgreSQL's fsync,
# synchronous_commit and full_page_writes on (the benchmark sets it); otherwise they are off, for speed.
# MIXFLEET_RABBIT_PORT / MIXFLEET_RABBIT_DIST_PORT / MIXFLEET_RABBIT_NODE put the broker on another AMQP port (default
# 5672), distribution port and node name: bench/chaos.sh starts a node of its own that way, to stop and start it.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=("${missing[@]+"${missing[@]}"}")
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)   # runs s3rver
command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)   # the fleet's integration tests
# The fleet's job state. Debian puts the server binaries (initdb, pg_ctl) in /usr/lib/postgresql/<version>/bin, off PATH.
if [ -z "${MIXFLEET_POSTGRES:-}" ] && ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
  missing+=(postgresql)
fi
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
# --- SQS-compatible server for the SQS source's integration tests (skipped when MIXFLEET_SQS_ENDPOINT is already set) --
# fauxqs speaks the JSON protocol of AWSSDK.SQS 4 (sqslite speaks only the old query protocol) and needs node >= 22.5
# (node:sqlite); Debian's node may be older, so the npm package node@22 is installed beside it and runs it. Its CLI
# listens on every interface, so it is started through its library on 127.0.0.1 only.
fauxqs_version=2.4.1
fauxqs_dir=.tools/fauxqs
fauxqs_pid=""
fauxqs_log=""
stop_fauxqs() {
  if [ -n "$fauxqs_pid" ]; then
    kill "$fauxqs_pid" 2>/dev/null || true
    wait "$fauxqs_pid" 2>/dev/null || true
    fauxqs_pid=""
  fi
  if [ -n "$fauxqs_log" ]; then rm -f "$fauxqs_log"; fauxqs_log=""; fi
}
start_fauxqs() {
  local node=$fauxqs_dir/node_modules/.bin/node port attempt
  if [ ! -x "$node" ] || [ ! -f "$fauxqs_dir/node_modules/fauxqs/package.json" ] \
    || [ "$("$node" -p "require('./$fauxqs_dir/node_modules/fauxqs/package.json').version")" != "$fauxqs_version" ]; then
    echo "${0##*/}: installing fauxqs@$fauxqs_version and node@22 into $fauxqs_dir (npm)"
    npm install --prefix "$fauxqs_dir" --save-exact --no-audit --no-fund --loglevel=error "fauxqs@$fauxqs_version" node@22 >/dev/null
  fi
  fauxqs_log=$(mktemp)
  for attempt in 1 2 3; do
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    (cd "$fauxqs_dir" && exec node_modules/.bin/node --no-warnings --input-type=module -e \
      "import { buildApp } from 'fauxqs'; await buildApp({ logger: false }).listen({ port: Number(process.argv[1]), host: '127.0.0.1' });" \
      "$port") >"$fauxqs_log" 2>&1 &
    fauxqs_pid=$!
    for _ in $(seq 1 100); do
      if ! kill -0 "$fauxqs_pid" 2>/dev/null; then break; fi
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        export MIXFLEET_SQS_ENDPOINT="http://127.0.0.1:$port"
        echo "${0##*/}: fauxqs $fauxqs_version on $MIXFLEET_SQS_ENDPOINT"
        return 0
      fi
      sleep 0.1
    done
    echo "${0##*/}: fauxqs did not answer on 127.0.0.1:$port (attempt $attempt):" >&2
    cat "$fauxqs_log" >&2 || true
    kill "$fauxqs_pid" 2>/dev/null || true
    wait "$fauxqs_pid" 2>/dev/null || true
    fauxqs_pid=""
  done
  return 1
}

stop_all() {
  stop_s3rver
  stop_fauxqs
  if declare -F stop_rabbit >/dev/null; then stop_rabbit; fi
  if declare -F stop_postgres >/dev/null; then stop_postgres; fi
}
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

if [ -z "${MIXFLEET_SQS_ENDPOINT:-}" ]; then
  start_fauxqs || exit 1
fi

# RabbitMQ (tests with Category=Integration). The Debian package may have started its own service (systemd); in a
# container without an init it has not, so start a node here: loopback only (AMQP, epmd, distribution), data in a
# temporary directory so every run starts from an empty broker.
rabbit_node=${MIXFLEET_RABBIT_NODE:-mixfleet-test@localhost}
rabbit_port=${MIXFLEET_RABBIT_PORT:-5672}
rabbit_dist_port=${MIXFLEET_RABBIT_DIST_PORT:-$((rabbit_port + 20000))}
rabbit_dir=""
rabbit_epmd_was_running=""
broker_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$rabbit_port") 2>/dev/null; }
stop_rabbit() {
  [ -n "$rabbit_dir" ] || return 0
  echo "${0##*/}: stopping the RabbitMQ node it started"
  # shutdown (unlike stop) returns once the Erlang VM has exited.
  as_root timeout 60 rabbitmqctl -q -n "$rabbit_node" shutdown >/dev/null 2>&1 || echo "${0##*/}: rabbitmqctl shutdown failed" >&2
  if [ -z "$rabbit_epmd_was_running" ]; then ERL_EPMD_ADDRESS=127.0.0.1 epmd -kill >/dev/null 2>&1 || true; fi
  as_root rm -rf "$rabbit_dir"
}
if ! broker_answers; then
  echo "${0##*/}: starting RabbitMQ on 127.0.0.1:$rabbit_port"
  epmd -names >/dev/null 2>&1 && rabbit_epmd_was_running=1
  rabbit_dir=$(mktemp -d)
  mkdir -p "$rabbit_dir/mnesia" "$rabbit_dir/log"
  as_root chown -R rabbitmq:rabbitmq "$rabbit_dir"
  as_root env RABBITMQ_NODENAME="$rabbit_node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$rabbit_port" RABBITMQ_DIST_PORT="$rabbit_dist_port" \
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
export MIXFLEET_RABBITMQ="${MIXFLEET_RABBITMQ:-amqp://guest:guest@127.0.0.1:$rabbit_port/}"

# PostgreSQL (the fleet's job state; skipped when MIXFLEET_POSTGRES is already set): a fresh cluster in a temporary
# directory, superuser mixfleet with a random password, listening on 127.0.0.1 only (its unix socket in that directory),
# stopped and deleted on exit. initdb refuses to run as root, so as root the cluster runs as the postgres OS user.
pg_dir=""
pg_bin=""
# Runs a PostgreSQL binary as the cluster's owner, from its directory (the postgres user may not enter the caller's).
pg_as() {
  if [ "$(id -u)" -eq 0 ]; then (cd "$pg_dir" && runuser -u postgres -- "$@"); else (cd "$pg_dir" && "$@"); fi
}
stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    echo "${0##*/}: stopping the PostgreSQL cluster it started"
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || echo "${0##*/}: pg_ctl stop failed" >&2
  fi
  rm -rf "$pg_dir"
  pg_dir=""
}
if [ -z "${MIXFLEET_POSTGRES:-}" ]; then
  pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
  pg_bin=${pg_bin%/pg_ctl}
  if [ ! -x "$pg_bin/pg_ctl" ]; then
    echo "${0##*/}: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
  pg_started=$(date +%s%N)
  pg_dir=$(mktemp -d)
  pg_password=$(od -An -tx1 -N18 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$pg_password" >"$pg_dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$pg_dir"
    if ! runuser -u postgres -- test -w "$pg_dir"; then
      echo "${0##*/}: the postgres user cannot write to $pg_dir (set TMPDIR to a directory it can reach)" >&2
      exit 1
    fi
  fi
  # --no-sync: the cluster is thrown away, an OS crash during initdb does not matter.
  if ! pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U mixfleet --pwfile="$pg_dir/pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C --no-sync >"$pg_dir/initdb.log" 2>&1; then
    echo "${0##*/}: initdb failed:" >&2
    tail -n 40 "$pg_dir/initdb.log" >&2 || true
    exit 1
  fi
  rm -f "$pg_dir/pwfile"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$pg_dir'"
    echo "max_connections = 300"
    if [ "${MIXFLEET_PG_DURABLE:-}" != 1 ]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >>"$pg_dir/data/postgresql.conf"
  # The port is free when node picks it, but another process may take it before the postmaster binds: then a new one.
  for attempt in 1 2 3; do
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    pg_log=$pg_dir/postgres-$port.log
    if pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      break
    fi
    echo "${0##*/}: PostgreSQL did not start on 127.0.0.1:$port (attempt $attempt); its log:" >&2
    tail -n 40 "$pg_log" >&2 || true
    # A postmaster that started but did not answer in time: stop it before trying again.
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    if [ "$attempt" -eq 3 ] || ! grep -q 'could not bind' "$pg_log" 2>/dev/null; then exit 1; fi
  done
  export MIXFLEET_POSTGRES="Host=127.0.0.1;Port=$port;Username=mixfleet;Password=$pg_password;Database=postgres"
  unset pg_password
  pg_ms=$(( ($(date +%s%N) - pg_started) / 1000000 ))
  pg_mode=$([ "${MIXFLEET_PG_DURABLE:-}" = 1 ] && echo durable || echo "fsync off")
  echo "${0##*/}: PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$port, user mixfleet, database postgres ($pg_mode, data in $pg_dir, started in $pg_ms ms)"
fi
